"""CSV/TSV tables, streamed row by row, with a column mapping."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from ..build import build_article
from ..columns import ColumnMapping, header_key
from ..decode import not_utf8_error, sniff_encoding
from ..errors import IngestionError, Rejection
from ..limits import Limits
from ..records import ParsedArticle
from ..streams import peek_head

_DELIMITERS = (",", ";", "\t", "|")


def open_table(
    stream: io.BufferedReader, *, source_name: str, fmt: str = "csv"
) -> tuple[list[str], str, Iterator[list[str]]]:
    """(headers, delimiter, row iterator) for a binary stream; raises if the file is unusable."""
    head = peek_head(stream)
    if not head.strip():
        raise IngestionError("is empty", source=source_name)
    encoding = sniff_encoding(head, source=source_name)
    first_line = head.decode(encoding, errors="ignore").lstrip("\ufeff").split("\n", 1)[0]
    delimiter = sniff_delimiter(first_line, fmt)
    text = io.TextIOWrapper(stream, encoding=encoding, newline="")
    rows = csv.reader(text, delimiter=delimiter)
    try:
        headers = [h.replace("\ufeff", "").strip() for h in next(rows)]
    except StopIteration:
        raise IngestionError("is empty", source=source_name) from None
    except (csv.Error, UnicodeDecodeError) as err:
        raise IngestionError(f"header row cannot be read ({err})", source=source_name) from err
    if not any(headers):
        raise IngestionError(
            "has an empty header row (the first row must name the columns)", source=source_name
        )
    return headers, delimiter, rows


def sniff_delimiter(header_line: str, fmt: str) -> str:
    if fmt == "tsv" and "\t" in header_line:
        return "\t"
    counts = {d: header_line.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ("\t" if fmt == "tsv" else ",")


def bind_mapping(
    headers: list[str], mapping: ColumnMapping | None, *, source_name: str
) -> dict[str, int]:
    """field → column index; raises when the mapping cannot work for this file."""
    mapping = mapping or ColumnMapping.guess(headers)
    missing = mapping.missing_columns(headers)
    if missing:
        raise IngestionError(
            f"mapped column(s) {', '.join(repr(m) for m in missing)} not found; the file's "
            f"columns are: {', '.join(headers)}",
            source=source_name,
        )
    bound = mapping.bind(headers)
    if "text" not in bound:
        hint = ""
        if "stories_id" in {header_key(h) for h in headers}:
            hint = " This looks like a Media Cloud export without story text; export with text."
        raise IngestionError(
            "has no text column (looked for text, body, content…; found: "
            f"{', '.join(headers)}). Map one column to the article text.{hint}",
            source=source_name,
        )
    index = {}
    for position, header in enumerate(headers):
        index.setdefault(header, position)
    return {field: index[header] for field, header in bound.items()}


def iter_table(
    stream: io.BufferedReader,
    *,
    source_name: str,
    limits: Limits,
    mapping: ColumnMapping | None = None,
    fmt: str = "csv",
    location_prefix: str = "",
) -> Iterator[ParsedArticle | Rejection]:
    """One article (or rejection) per data row; ``location`` is the spreadsheet row number
    (the header is row 1)."""
    csv.field_size_limit(max(csv.field_size_limit(), limits.max_text_chars * 4))
    headers, _delimiter, rows = open_table(stream, source_name=source_name, fmt=fmt)
    columns = bind_mapping(headers, mapping, source_name=source_name)
    row_number = 1
    count = 0
    try:
        for row in rows:
            row_number += 1
            if not any(cell.strip() for cell in row):
                continue
            count += 1
            if count > limits.max_records_per_file:
                raise IngestionError(
                    f"has more than {limits.max_records_per_file:,} rows; split the file",
                    source=source_name,
                )
            location = f"{location_prefix}row {row_number}"
            yield _row_article(row, headers, columns, source_name, location, limits, fmt)
    except UnicodeDecodeError as err:
        if err.encoding.replace("_", "-").lower() in ("utf-8", "utf-8-sig"):
            where = f"near row {row_number}"
            raise not_utf8_error(err.object, err, source=source_name, where=where) from err
        raise IngestionError(
            f"has bytes that are not valid {err.encoding} near row {row_number} ({err.reason}); "
            "choose another encoding",
            source=source_name,
            field="encoding",
        ) from err
    except csv.Error as err:
        raise IngestionError(
            f"is not a well-formed table near row {row_number} ({err})", source=source_name
        ) from err


def _row_article(row, headers, columns, source_name, location, limits, fmt):
    if len(row) > len(headers) and any(cell.strip() for cell in row[len(headers) :]):
        return Rejection(
            source_name,
            location,
            None,
            f"has {len(row)} cells but the header has {len(headers)} columns (an unquoted "
            "delimiter inside a field?)",
        )
    fields = {f: (row[i] if i < len(row) and row[i].strip() else None) for f, i in columns.items()}
    try:
        return build_article(
            fields, source_name=source_name, source_format=fmt, location=location, limits=limits
        )
    except IngestionError as err:
        return Rejection.from_error(err, source=source_name, location=location)
