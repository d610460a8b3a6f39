"""A first look at a bulk file: its columns, the guessed mapping, and the first rows parsed."""

from __future__ import annotations

import itertools
import json
import os
from dataclasses import dataclass, field

from .columns import ColumnMapping
from .dispatch import detect_format, iter_records
from .errors import IngestionError, Rejection
from .limits import DEFAULT_LIMITS, Limits
from .readers.tabular import open_table
from .records import ParsedArticle
from .streams import Source, open_limited, peek_head, source_name_of


@dataclass(slots=True)
class Preview:
    format: str
    headers: list[str]  # CSV columns / keys of the first JSON object; [] for documents
    mapping: ColumnMapping | None  # the one given, else the guess (CSV/TSV only)
    rows: list[ParsedArticle | Rejection] = field(default_factory=list)
    error: str | None = None  # why the file cannot be imported with this mapping


def preview(
    source: Source,
    mapping: ColumnMapping | None = None,
    n: int = 10,
    *,
    name: str | None = None,
    fmt: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Preview:
    """Parse the first ``n`` records without importing; never raises ``IngestionError``."""
    name = source_name_of(source, name)
    try:
        fmt, headers = _headers(source, name, fmt, limits)
    except IngestionError as err:
        return Preview(format=fmt or "", headers=[], mapping=mapping, error=str(err))
    if fmt in ("csv", "tsv") and mapping is None:
        mapping = ColumnMapping.guess(headers)
    result = Preview(format=fmt, headers=headers, mapping=mapping)
    _rewind(source)
    try:
        records = iter_records(source, fmt, name=name, mapping=mapping, limits=limits)
        result.rows = list(itertools.islice(records, n))
    except IngestionError as err:
        result.error = str(err)
    return result


def _headers(source: Source, name: str, fmt: str | None, limits: Limits) -> tuple[str, list[str]]:
    if fmt == "zip" or (fmt is None and os.fspath(name).lower().endswith(".zip")):
        return "zip", []
    with open_limited(source, name=name, max_bytes=limits.max_file_bytes) as stream:
        head = peek_head(stream)
        fmt = fmt or detect_format(name, head)
        if fmt in ("csv", "tsv"):
            headers, _delimiter, _rows = open_table(stream, source_name=name, fmt=fmt)
            return fmt, headers
        if fmt == "jsonl":
            first = head.split(b"\n", 1)[0]
            try:
                obj = json.loads(first.decode("utf-8-sig", errors="replace"))
            except json.JSONDecodeError:
                return fmt, []
            return fmt, list(obj) if isinstance(obj, dict) else []
        return fmt, []


def _rewind(source: Source) -> None:
    if hasattr(source, "seek"):
        source.seek(0)
