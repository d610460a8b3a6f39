"""Errors raised or collected by the ingestion readers."""

from __future__ import annotations

from dataclasses import dataclass


class IngestionError(Exception):
    """A file (or one record of it) cannot be imported.

    ``str(err)`` always names what is wrong and where: the file, the row or line and the field
    when they are known, so the message can be shown to an analyst as is.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        row: str | int | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.source = source
        self.row = row
        self.field = field
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = []
        if self.source:
            where.append(self.source)
        if self.row is not None:
            where.append(self.row if isinstance(self.row, str) else f"row {self.row}")
        if self.field:
            where.append(f"field '{self.field}'")
        return f"{', '.join(where)}: {self.message}" if where else self.message


@dataclass(frozen=True, slots=True)
class Rejection:
    """One record of a bulk file that was skipped, and why; the rest of the file still imports."""

    source: str
    location: str
    field: str | None
    message: str

    def __str__(self) -> str:
        field = f", field '{self.field}'" if self.field else ""
        return f"{self.source}, {self.location}{field}: {self.message}"

    @classmethod
    def from_error(cls, err: IngestionError, *, source: str, location: str) -> Rejection:
        return cls(
            source=err.source or source,
            location=location,
            field=err.field,
            message=err.message,
        )
