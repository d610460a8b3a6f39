"""Kinds of export: a key → the generator that makes the file (see ``reports.exports``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import IO, Any, NamedTuple

from accounts.models import Capability


class ExportCancelled(Exception):
    """The job was taken over by another run or deleted: the generator stops quietly."""


class ExportOutput(NamedTuple):
    filename: str
    content_type: str
    content: bytes | IO[bytes]


Progress = Callable[..., None]  # progress(percent: int, message: str = "")
Generator = Callable[[Any, Progress], ExportOutput | tuple]


@dataclass(frozen=True)
class ExportKind:
    key: str
    label: str
    generator: Generator
    extension: str = ""
    capability: str = Capability.EXPORT
    clean: Callable[[Mapping[str, Any]], dict] | None = None
    group: str = "data"  # the Export panel's heading for it: "data" or "report"
    listed: bool = True  # False: not a button in the panel (started from its own page)


KINDS: dict[str, ExportKind] = {}


def register(
    key: str,
    *,
    label: str,
    extension: str = "",
    capability: str = Capability.EXPORT,
    clean: Callable[[Mapping[str, Any]], dict] | None = None,
    group: str = "data",
    listed: bool = True,
) -> Callable[[Generator], Generator]:
    """Decorator: make ``generator(job, progress)`` the maker of exports of ``key``."""

    def wrap(generator: Generator) -> Generator:
        KINDS[key] = ExportKind(key, label, generator, extension, capability, clean, group, listed)
        return generator

    return wrap


def kinds(group: str | None = None, *, listed: bool | None = None) -> list[ExportKind]:
    return [
        k
        for k in KINDS.values()
        if (group is None or k.group == group) and (listed is None or k.listed == listed)
    ]
