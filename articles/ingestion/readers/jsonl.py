"""Our interchange format: JSON Lines (streamed) or a JSON list of the same objects."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator, Mapping
from typing import Any

from ..build import build_article
from ..columns import FIELDS, ColumnMapping
from ..decode import decode_bytes, not_utf8_error, sniff_encoding
from ..errors import IngestionError, Rejection
from ..limits import Limits
from ..records import ParsedArticle
from ..streams import peek_head

# If this many leading lines are all not JSON, the file is not JSON Lines at all.
_GIVE_UP_AFTER = 5


def iter_jsonl(
    stream: io.BufferedReader,
    *,
    source_name: str,
    limits: Limits,
    mapping: ColumnMapping | None = None,
    location_prefix: str = "",
) -> Iterator[ParsedArticle | Rejection]:
    """One article (or rejection) per non-blank line; ``location`` is "line N"."""
    head = peek_head(stream)
    if not head.strip():
        raise IngestionError("is empty", source=source_name)
    encoding = sniff_encoding(head, source=source_name)
    parsed_any = False
    failures = 0
    count = 0
    for number, line in _lines(stream, encoding, source_name):
        if not line.strip():
            continue
        count += 1
        if count > limits.max_records_per_file:
            raise IngestionError(
                f"has more than {limits.max_records_per_file:,} records; split the file",
                source=source_name,
            )
        location = f"{location_prefix}line {number}"
        result = _line_article(line, mapping, source_name, location, limits)
        if isinstance(result, Rejection) and result.field == "json":
            failures += 1
            if not parsed_any and failures >= _GIVE_UP_AFTER:
                raise IngestionError(
                    f"is not JSON Lines (the first {failures} lines are not JSON objects)",
                    source=source_name,
                )
        else:
            parsed_any = True
        yield result


def _lines(stream: io.BufferedReader, encoding: str, source: str) -> Iterator[tuple[int, str]]:
    if encoding.startswith(("utf-16", "utf-32")):
        # multi-byte newlines: let the codec split lines
        text = io.TextIOWrapper(stream, encoding=encoding, newline=None)
        yield from enumerate(text, start=1)
        return
    for number, raw in enumerate(stream, start=1):
        try:
            line = raw.decode(encoding)
        except UnicodeDecodeError as err:
            if encoding in ("utf-8", "utf-8-sig"):
                raise not_utf8_error(raw, err, source=source, where=f"on line {number}") from err
            raise IngestionError(
                f"line {number} is not valid {encoding} ({err.reason}); choose another encoding",
                source=source,
                field="encoding",
            ) from err
        yield number, line.lstrip("\ufeff") if number == 1 else line


def _line_article(line, mapping, source_name, location, limits) -> ParsedArticle | Rejection:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        return Rejection(
            source_name, location, "json", f"is not valid JSON ({err.msg}, column {err.colno})"
        )
    return object_article(obj, mapping, source_name, location, limits, "jsonl")


def object_article(
    obj: Any,
    mapping: ColumnMapping | None,
    source_name: str,
    location: str,
    limits: Limits,
    fmt: str,
) -> ParsedArticle | Rejection:
    if not isinstance(obj, Mapping):
        return Rejection(source_name, location, None, "must be a JSON object ({...})")
    try:
        return build_article(
            _fields(obj, mapping),
            source_name=source_name,
            source_format=fmt,
            location=location,
            limits=limits,
        )
    except IngestionError as err:
        return Rejection.from_error(err, source=source_name, location=location)


def _fields(obj: Mapping[str, Any], mapping: ColumnMapping | None) -> dict[str, Any]:
    if mapping is None:
        fields = {name: obj.get(name) for name in FIELDS}
    else:
        bound = mapping.bind(list(obj))
        fields = {name: obj.get(key) for name, key in bound.items()}
    fields["spans"] = obj.get("spans")
    return fields


def iter_json(
    data: bytes,
    *,
    source_name: str,
    limits: Limits,
    mapping: ColumnMapping | None = None,
    location_prefix: str = "",
) -> Iterator[ParsedArticle | Rejection]:
    """A JSON list of interchange objects (or one object, or {"articles": [...]})."""
    try:
        document = json.loads(decode_bytes(data, source=source_name))
    except json.JSONDecodeError as err:
        raise IngestionError(
            f"is not valid JSON ({err.msg} at line {err.lineno}, column {err.colno})",
            source=source_name,
        ) from err
    if isinstance(document, Mapping) and isinstance(document.get("articles"), list):
        document = document["articles"]
    if isinstance(document, Mapping):
        yield object_article(
            document, mapping, source_name, location_prefix + "item 1", limits, "json"
        )
        return
    if not isinstance(document, list):
        raise IngestionError("must contain a JSON object or a list of objects", source=source_name)
    if len(document) > limits.max_records_per_file:
        raise IngestionError(
            f"has more than {limits.max_records_per_file:,} records; split the file",
            source=source_name,
        )
    for number, obj in enumerate(document, start=1):
        yield object_article(
            obj, mapping, source_name, f"{location_prefix}item {number}", limits, "json"
        )
