"""The span CSV export: every matching tag of an event or a workspace, streamed.

Lean by design (issue 12: 30,000 spans in about a second): tags are read as plain tuples in
chunks, each chunk's new articles and texts once, keyword-in-context pieces cut in Python from
those texts (cutting them in SQL re-read a whole text for every tag), the cells of an article
made formula-safe once for all its tags, and one permalink prefix per event instead of a
``reverse()`` per line. A chunk of rows is written as one piece of the response.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping
from itertools import batched

from django.db.models import QuerySet
from django.urls import reverse

from articles.models import Article, TextRevision
from framing.models import Label
from reports.evidence import FORMULA_START, KWIC_WIDTH, safe_cell, span_annotations

CSV_BATCH = 2000  # tags per step: one query for their articles and one for their texts
CSV_HEADER = (
    "tag",
    "outlet",
    "outlet_type",
    "article",
    "published",
    "url",
    "label",
    "left",
    "term",
    "right",
    "voice",
    "speaker",
    "score",
    "source",
    "status",
    "link",
    "event",
)
TAG_COLUMNS = (
    "pk",
    "revision_id",
    "start",
    "end",
    "label_id",
    "voice",
    "speaker",
    "speaker_actor",
    "score",
    "author_user_id",
    "source",
    "status",
)


def spans_csv(
    articles: QuerySet[Article], filters: Mapping[str, str], base_url: str
) -> Iterator[str]:
    """The CSV text of every visible tag of ``articles`` matching ``filters``, a chunk of
    rows at a time (for a StreamingHttpResponse)."""
    yield _rows([CSV_HEADER])
    tags = span_annotations(articles, filters).values_list(*TAG_COLUMNS)
    labels: dict[int, str] = {}
    links: dict[int, str] = {}
    known: dict[int, _Article] = {}
    for chunk in batched(tags.iterator(chunk_size=CSV_BATCH), CSV_BATCH):
        revisions = {row[1] for row in chunk}
        # Tags come by revision: only the previous chunk's last article can be needed again.
        known = {rev: known[rev] for rev in revisions & known.keys()}
        known |= _articles(revisions - known.keys(), base_url, links)
        missing = {row[4] for row in chunk} - labels.keys()
        labels |= {pk: safe_cell(key) for pk, key in _label_keys(missing)}
        yield _rows(_row(tag, known, labels) for tag in chunk if tag[1] in known)


class _Article:
    """What every line of one article repeats, formula-safe, and the text its lines cut."""

    __slots__ = ("after", "before", "link", "text")

    def __init__(self, row: tuple, text: str, link: str) -> None:
        _, title, published, url, outlet, kind, _, event = row
        cells = (outlet, kind, title, published.isoformat() if published else "", url)
        self.before = [safe_cell(c) for c in cells]
        self.after = safe_cell(event)
        self.text = text
        self.link = link


def _articles(revisions: set[int], base_url: str, links: dict[int, str]) -> dict[int, _Article]:
    if not revisions:
        return {}
    texts = dict(TextRevision.objects.filter(pk__in=revisions).values_list("pk", "text"))
    rows = Article.objects.filter(current_revision__in=revisions).values_list(
        "current_revision_id",
        "pk",
        "title",
        "published_date",
        "url",
        "outlet__name",
        "outlet__type",
        "event_id",
        "event__title",
    )
    found = {}
    for revision, *row in rows:
        event_id, pk = row[6], row[0]
        if event_id not in links:
            links[event_id] = base_url + reverse("reports:compare", args=[event_id])
        found[revision] = _Article(tuple(row), texts.get(revision, ""), f"{links[event_id]}?a={pk}")
    return found


def _label_keys(ids: set[int]) -> Iterable[tuple[int, str]]:
    return Label.objects.filter(pk__in=ids).values_list("pk", "key") if ids else ()


_FORMULA = frozenset(FORMULA_START)


def _safe(text: str) -> str:
    """``safe_cell`` for a string, without its conversions (called for every cut of every tag)."""
    return "'" + text if text[:1] in _FORMULA else text


def _row(tag: tuple, known: dict[int, _Article], labels: dict[int, str]) -> list:
    pk, revision, start, end, label, voice, speaker, actor, score, user, source, status = tag
    article = known[revision]
    text = article.text
    left_from = max(start - KWIC_WIDTH, 0)
    return [
        pk,
        *article.before,
        labels.get(label, ""),
        _safe(" ".join(text[left_from:start].split())),
        _safe(text[start:end]),
        _safe(" ".join(text[end : end + KWIC_WIDTH].split())),
        voice or "own",
        _safe(speaker or actor or ""),
        "" if score is None else f"{score:.2f}",
        "analyst" if user else (safe_cell(source) or "model"),
        status,
        f"{article.link}&focus=t{pk}#t{pk}",
        article.after,
    ]


def _rows(rows: Iterable) -> str:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue()
