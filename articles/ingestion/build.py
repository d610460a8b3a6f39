"""Turn the raw fields a reader found into a validated ``ParsedArticle``.

Every reader funnels through ``build_article`` so that normalisation happens exactly once and
the same rules (empty text, title fallback, dates, language, spans) apply to every format.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .dates import DateParseError, parse_published
from .errors import IngestionError
from .language import detect_language
from .limits import Limits
from .normalize import SpanMappingError, map_span, normalize_text, normalize_with_map
from .records import ParsedArticle, Span

STRING_FIELDS = ("outlet", "origin", "url", "byline", "event")
_SPACE_RUN = re.compile(r"\s+")
_LANGUAGE = re.compile(r"^[a-z]{2}$")
_TITLE_FALLBACK_CHARS = 120


def build_article(
    fields: Mapping[str, Any],
    *,
    source_name: str,
    source_format: str,
    location: str | None,
    limits: Limits,
    extraction_ratio: float | None = None,
    warnings: list[str] | None = None,
) -> ParsedArticle:
    """Validate and normalise one article; raises ``IngestionError`` naming the bad field."""

    def fail(message: str, field: str | None) -> IngestionError:
        return IngestionError(message, source=source_name, row=location, field=field)

    warnings = list(warnings or [])
    raw_text = fields.get("text")
    if raw_text is None:
        raise fail("is missing or empty (every article needs its text)", "text")
    if not isinstance(raw_text, str):
        raise fail(f"must be a string, not {type(raw_text).__name__}", "text")
    raw_spans = fields.get("spans") or []
    text, spans = _text_and_spans(raw_text, raw_spans, fail)
    if len(text) < limits.min_text_chars:
        raise fail("is empty (nothing left after removing whitespace)", "text")
    if len(text) > limits.max_text_chars:
        raise fail(
            f"is too long ({len(text):,} characters; limit {limits.max_text_chars:,})", "text"
        )
    article = ParsedArticle(
        title=_title(fields.get("title"), text, limits, warnings, fail),
        text=text,
        spans=spans,
        source_name=source_name,
        source_format=source_format,
        location=location,
        extraction_ratio=extraction_ratio,
        warnings=warnings,
    )
    for name in STRING_FIELDS:
        setattr(article, name, _optional_string(fields.get(name), name, fail))
    article.published = _published(fields.get("published"), warnings)
    article.language = _language(fields.get("language"), text, warnings, fail)
    return article


def clean_line(value: str) -> str:
    """One-line field value: normalised, inner whitespace runs collapsed to single spaces."""
    return _SPACE_RUN.sub(" ", normalize_text(value))


def _optional_string(value: Any, name: str, fail) -> str | None:
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise fail(f"must be a string, not {type(value).__name__}", name)
    return clean_line(value) or None


def _title(value: Any, text: str, limits: Limits, warnings: list[str], fail) -> str:
    title = _optional_string(value, "title", fail)
    if title is None:
        first_line = text.split("\n", 1)[0]
        title = first_line[:_TITLE_FALLBACK_CHARS].rstrip()
        if len(first_line) > _TITLE_FALLBACK_CHARS:
            title = title.rsplit(" ", 1)[0] + "…"
        warnings.append("no title given; used the opening words of the text")
    if len(title) > limits.max_title_chars:
        raise fail(
            f"is too long ({len(title):,} characters; limit {limits.max_title_chars})", "title"
        )
    return title


def _published(value: Any, warnings: list[str]):
    try:
        return parse_published(value)
    except DateParseError as err:
        warnings.append(f"published date ignored: {err}")
        return None


def _language(value: Any, text: str, warnings: list[str], fail) -> str | None:
    if value is not None and not isinstance(value, str):
        raise fail(f"must be a string, not {type(value).__name__}", "language")
    code = (value or "").strip().lower().replace("_", "-").split("-", 1)[0]
    if code and _LANGUAGE.match(code):
        return code
    if code:
        warnings.append(f"language '{value}' is not an ISO 639-1 code; detected it instead")
    return detect_language(text)


def _text_and_spans(raw_text: str, raw_spans: Any, fail) -> tuple[str, list[Span]]:
    if not raw_spans:
        return normalize_text(raw_text), []
    if not isinstance(raw_spans, list):
        raise fail("must be a list of {start, end, label, note} objects", "spans")
    norm = normalize_with_map(raw_text)
    spans: list[Span] = []
    for number, raw in enumerate(raw_spans, start=1):
        start, end, label, note = _span_fields(raw, number, fail)
        try:
            new_start, new_end = map_span(norm, start, end)
        except SpanMappingError as err:
            raise fail(f"span {number}: {err}", "spans") from err
        spans.append(Span(start=new_start, end=new_end, label=label, note=note))
    return norm.text, spans


def _span_fields(raw: Any, number: int, fail) -> tuple[int, int, str, str | None]:
    if not isinstance(raw, Mapping):
        raise fail(f"span {number} must be an object with start, end, label", "spans")
    start, end, label, note = (raw.get(k) for k in ("start", "end", "label", "note"))
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
        raise fail(f"span {number}: start and end must be integers", "spans")
    if not isinstance(label, str) or not label.strip():
        raise fail(f"span {number}: label must be a non-empty string", "spans")
    if note is not None and not isinstance(note, str):
        raise fail(f"span {number}: note must be a string or null", "spans")
    return start, end, label.strip(), note
