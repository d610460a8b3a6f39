"""The reader output: one ``ParsedArticle`` per imported article."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, TypedDict


class Span(TypedDict):
    start: int
    end: int
    label: str
    note: str | None


@dataclass(slots=True)
class ParsedArticle:
    """An article read from a file, text normalised once (``normalize_text``).

    Span offsets are code-point indices into ``text``, end exclusive.
    """

    title: str
    text: str
    outlet: str | None = None
    origin: str | None = None
    url: str | None = None
    published: dt.datetime | dt.date | None = None  # datetimes are always timezone-aware
    byline: str | None = None
    language: str | None = None  # ISO 639-1
    spans: list[Span] = field(default_factory=list)
    event: str | None = None
    # provenance
    source_name: str = ""  # file name or URL
    source_format: str = ""  # a key of dispatch.FORMATS other than "zip"
    location: str | None = None  # "row 12", "line 4", "entry a/b.html" ...
    extraction_ratio: float | None = None  # share of the original kept, where meaningful
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-serialisable dict (dates as ISO strings)."""
        data = asdict(self)
        if self.published is not None:
            data["published"] = self.published.isoformat()
        return data

    def to_interchange(self) -> dict[str, Any]:
        """The interchange JSONL object for this article (see engine-contract.md)."""
        keys = ("title", "text", "outlet", "origin", "url", "language", "event", "spans")
        data = {key: getattr(self, key) for key in keys}
        data["published"] = self.published.isoformat() if self.published else None
        return data
