"""Which column (CSV/TSV) or key (JSON Lines) holds which article field."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

FIELDS = ("title", "text", "outlet", "origin", "url", "published", "byline", "language", "event")

# Common header names, most specific first; compared after ``header_key``.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "heading", "story_title"),
    "text": ("text", "body", "content", "full_text", "story_text", "article_text", "article"),
    "outlet": (
        "outlet", "media_name", "source", "publisher", "publication", "source_name", "media",
        "sitename", "site_name", "newspaper",
    ),
    "published": (
        "published", "publish_date", "published_at", "pub_date", "publication_date", "date",
        "datetime", "published_date",
    ),
    "url": ("url", "link", "canonical_url", "story_url", "guid"),
    "byline": ("byline", "author", "authors", "by", "writer"),
    "language": ("language", "lang", "language_code"),
    "origin": ("origin", "origin_type", "source_type"),
    "event": ("event", "event_name"),
}  # fmt: skip


def header_key(header: str) -> str:
    """Compare headers loosely: case, BOM, surrounding space, and space/hyphen vs underscore."""
    return re.sub(r"[\s\-]+", "_", header.replace("\ufeff", "").strip().lower())


@dataclass(slots=True)
class ColumnMapping:
    """Article field → source column. User-defined mappings are saved with ``to_dict``."""

    columns: dict[str, str] = field(default_factory=dict)
    name: str = ""

    def __post_init__(self) -> None:
        unknown = set(self.columns) - set(FIELDS)
        if unknown:
            raise ValueError(f"unknown article field(s) in mapping: {', '.join(sorted(unknown))}")

    @classmethod
    def guess(cls, headers: Iterable[str], *, name: str = "guessed") -> ColumnMapping:
        """Recognise common column names; each column is used for at most one field."""
        by_key = {}
        for header in headers:
            by_key.setdefault(header_key(header), header)
        columns: dict[str, str] = {}
        used: set[str] = set()
        for field_name in FIELDS:
            for synonym in SYNONYMS[field_name]:
                header = by_key.get(synonym)
                if header is not None and header not in used:
                    columns[field_name] = header
                    used.add(header)
                    break
        return cls(columns=columns, name=name)

    def to_dict(self) -> dict[str, Any]:
        return {"version": 1, "name": self.name, "columns": dict(self.columns)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ColumnMapping:
        columns = data.get("columns")
        if not isinstance(columns, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in columns.items()
        ):
            raise ValueError("a saved column mapping needs a 'columns' object of field: column")
        return cls(columns=dict(columns), name=str(data.get("name", "")))

    def missing_columns(self, headers: Iterable[str]) -> list[str]:
        """Mapped columns that the file does not have (exact header match after ``header_key``)."""
        keys = {header_key(h) for h in headers}
        return [col for col in self.columns.values() if header_key(col) not in keys]

    def bind(self, headers: list[str]) -> dict[str, str]:
        """field → the file's actual header spelling, for the mapped columns that exist."""
        actual = {}
        for header in headers:
            actual.setdefault(header_key(header), header)
        return {
            f: actual[header_key(col)]
            for f, col in self.columns.items()
            if header_key(col) in actual
        }


PRESETS: dict[str, ColumnMapping] = {
    # Media Cloud story-list CSV export: stories_id, publish_date, title, url, language,
    # media_id, media_name, media_url, and "text" only when full text was requested.
    "mediacloud": ColumnMapping(
        name="Media Cloud story export",
        columns={
            "title": "title",
            "text": "text",
            "outlet": "media_name",
            "published": "publish_date",
            "url": "url",
            "language": "language",
        },
    ),
    "interchange": ColumnMapping(name="Parallax interchange", columns={f: f for f in FIELDS}),
}
