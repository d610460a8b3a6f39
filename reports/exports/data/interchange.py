"""The event as one JSON document in our interchange format (docs/interchange.md).

``articles`` holds objects the importer reads back (title, text, outlet, origin, url,
published, byline, language, event and ``spans`` of start/end/label/note), so an export
re-imports into another event; every other key is the stored analysis around them.
Written article by article into a temporary file: thousands of articles never sit in memory
as one dict.
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from typing import IO, Any

from django.utils import timezone

from articles.models import Article
from reports.exports.data.base import EventData
from reports.exports.data.frames import frame_columns, sentences_of
from reports.exports.data.outlets import outlet_columns, outlet_rows
from reports.exports.data.spans import QUOTE_COLUMNS, SPAN_COLUMNS, quote_rows, span_rows
from reports.exports.data.tables import ALIGNMENT_COLUMNS, alignment_rows

FORMAT = "parallax"
VERSION = 1
BATCH = 200
# Keys of a span row that the article around it already says.
_SPAN_KEYS = [c for c in SPAN_COLUMNS if c not in ("article", "outlet")]
_QUOTE_KEYS = [c for c in QUOTE_COLUMNS if c not in ("article", "outlet")]


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def json_file(data: EventData, progress) -> IO[bytes]:
    out = tempfile.TemporaryFile()  # noqa: SIM115 - handed to the job, which closes it
    head = header(data)
    out.write(b"{")
    for key, value in head.items():
        out.write(f"{_dump(key)}:{_dump(value)},".encode())
    out.write(b'"articles":[')
    total = max(1, len(data.articles))
    for n, obj in enumerate(article_objects(data)):
        if n % 50 == 0:
            progress(5 + 85 * n / total, "Writing articles")
        out.write((b"," if n else b"") + _dump(obj).encode())
    out.write(b"],")
    progress(92, "Writing aggregates and alignment")
    out.write(f'"aggregates":{_dump(aggregates(data))},'.encode())
    out.write(f'"alignment":{_dump(alignment(data))}}}'.encode())
    out.seek(0)
    return out


def header(data: EventData) -> dict[str, Any]:
    event, model = data.event, data.model
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().isoformat(),
        "event": {
            "id": event.pk,
            "title": event.title,
            "description": event.description,
            "start_date": event.start_date.isoformat() if event.start_date else None,
            "end_date": event.end_date.isoformat() if event.end_date else None,
            "tags": event.tags,
        },
        "model": {
            "id": model.pk,
            "name": model.name,
            "sha256": model.sha256,
            "engine_version": model.engine_version,
        }
        if model
        else None,
        "operating_point": data.operating_point(),
        "data_fingerprint": data.fingerprint,
        "labels": data.payload["labels"],
        "frames": [{"codebook": cb, "key": key} for cb, key in frame_columns(data)],
        "outlets": _outlets(data),
    }


def _outlets(data: EventData) -> list[dict[str, Any]]:
    outlets = {a.outlet.pk: a.outlet for a in data.articles}
    return [
        {
            "id": o.pk,
            "name": o.name,
            "type": o.type,
            "country": o.country,
            "language": o.language,
            "domain": o.domain,
            "type_source": o.type_source,
            "type_date": o.type_date.isoformat() if o.type_date else None,
        }
        for o in sorted(outlets.values(), key=lambda o: o.name)
    ]


def article_objects(data: EventData) -> Iterator[dict[str, Any]]:
    """Each article with its text, spans, suggestions, quotes and sentences; spans and
    quotes are read per batch of articles (a fixed number of queries per batch)."""
    words = {a["id"]: a["words"] for a in data.payload["articles"]}
    columns = frame_columns(data)
    batch: list[tuple[Article, str]] = []
    for pair in data.texts(data.articles):
        batch.append(pair)
        if len(batch) == BATCH:
            yield from _batch(data, batch, words, columns)
            batch = []
    yield from _batch(data, batch, words, columns)


def _batch(data, batch, words, columns) -> Iterator[dict[str, Any]]:
    revisions = [a.current_revision_id for a, _ in batch if a.current_revision_id]
    spans: dict[int, list[dict]] = defaultdict(list)
    for row in span_rows(data, _ignore, revisions):
        spans[row[1]].append(dict(zip(_SPAN_KEYS, [row[0], *row[3:]], strict=True)))
    quotes: dict[int, list[dict]] = defaultdict(list)
    for row in quote_rows(data, _ignore, revisions):
        quotes[row[1]].append(dict(zip(_QUOTE_KEYS, [row[0], *row[3:]], strict=True)))
    for article, text in batch:
        yield _article(data, article, text, words, columns, spans[article.pk], quotes[article.pk])


def _ignore(fraction: float) -> None:
    pass


def _article(data, article, text, words, columns, spans, quotes) -> dict[str, Any]:
    analysis = data.analyses.get(article.current_revision_id)
    accepted = [s for s in spans if s["decision"] != "suggestion"]
    return {
        # what the importer reads
        "title": article.title,
        "text": text,
        "outlet": article.outlet.name,
        "origin": article.origin.name if article.origin_id else None,
        "url": article.url or None,
        "published": article.published_date.isoformat() if article.published_date else None,
        "byline": article.byline or None,
        "language": article.language or None,
        "event": data.event.title,
        "spans": accepted,
        # what Parallax stored about it
        "id": article.pk,
        "outlet_id": article.outlet_id,
        "revision": article.current_revision_id,
        "republication_of": article.republication_of_id,
        "words": words.get(article.pk),
        "analysed": analysis is not None,
        "tone": round(analysis.tone, 4) if analysis else None,
        "frames": analysis.frames if analysis else {},
        "suggestions": [s for s in spans if s["decision"] == "suggestion"],
        "quotes": quotes,
        "sentences": _sentence_objects(data, article, text, analysis, columns),
    }


def _sentence_objects(data, article, text, analysis, columns) -> list[dict[str, Any]]:
    if analysis is None:
        return []
    out = []
    for row in sentences_of(data, article, text, analysis, columns):
        frames: dict[str, dict[str, float]] = defaultdict(dict)
        for (codebook, key), p in zip(columns, row[9:], strict=True):
            if p is not None:
                frames[codebook][key] = p
        out.append(
            {
                "start": row[3],
                "end": row[4],
                "tone": row[6],
                "frame": row[7],
                "frame_p": row[8],
                "frames": dict(frames),
            }
        )
    return out


def aggregates(data: EventData) -> dict[str, Any]:
    columns = outlet_columns(data)
    rows = [dict(zip(columns, row, strict=True)) for row in outlet_rows(data, _ignore)]
    return {"outlets": rows}


def alignment(data: EventData) -> dict[str, Any]:
    """The omission matrix as facts, each with one cell per compared article."""
    facts: dict[str, dict[str, Any]] = {}
    for row in alignment_rows(data, _ignore):
        cell = dict(zip(ALIGNMENT_COLUMNS, row, strict=True))
        fact = facts.setdefault(
            cell["fact"],
            {"key": cell["fact"], "label": cell["fact_label"], "outlets_reporting": 0, "cells": []},
        )
        fact["outlets_reporting"] = cell["outlets_reporting"]
        fact["cells"].append(
            {k: cell[k] for k in ("article", "state", "loaded", "sentence", "similarity", "link")}
        )
    articles = [a.pk for a in data.alignment.articles]
    return {"articles": articles, "facts": list(facts.values())}
