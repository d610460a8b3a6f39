"""The span CSV export: every matching tag of an event or a workspace, streamed.

Lean by design (issue 12: 30,000 spans in well under a second). Without span-level filters
(label, voice, source) an export is the concatenation of each article's lines, rendered in
advance (``ArticleSpanCsv``): per article, a stamp of what its lines come from is checked and
the stored text streamed; an article whose stamp moved is rendered on the spot and a task
renders it again for the next export. An annotation change re-renders its article's lines
in the writing transaction (``annotations_changed``), so exports after a decision stay on
the stored path.

Rendering (on the spot or in advance): tags are read as plain tuples in chunks, each chunk's
new articles and texts once, keyword-in-context pieces cut in Python from those texts, the
cells of an article made formula-safe once for all its tags, and one permalink prefix per
event instead of a ``reverse()`` per line.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterable, Iterator, Mapping
from itertools import batched
from typing import Any

from django.db.models import Count, Max, Q, QuerySet, Sum
from django.urls import reverse

from articles.models import Article, Event, TextRevision
from framing.models import Annotation, AnnotationStatus, Label
from reports.evidence import (
    FORMULA_START,
    KWIC_WIDTH,
    safe_cell,
    shown_rules,
    span_annotations,
)
from reports.models import ArticleSpanCsv
from reports.summary import request_refresh

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

# The article columns every span line repeats, read once per article.
_ARTICLE_COLUMNS = (
    "title",
    "published_date",
    "url",
    "outlet__name",
    "outlet__type",
    "event_id",
    "event__title",
)


# Stands for the site's address in stored permalinks (a cell that starts with it needs no
# CSV quoting, and an address never contains the characters that would need it). Control
# characters no text of ours carries; not NUL, which PostgreSQL's text refuses.
BASE = "\x1esite\x1e"
RENDERING = 1  # part of every stamp: a change to the lines' format invalidates stored ones
READ_BATCH = 250  # stored articles per query while streaming
TAG_FILTERS = ("label", "voice", "source")  # filters that keep only some of an article's tags


def spans_csv(
    articles: QuerySet[Article], filters: Mapping[str, str], base_url: str
) -> Iterator[str]:
    """The CSV text of every visible tag of ``articles`` matching ``filters``, a chunk of
    rows at a time (for a StreamingHttpResponse)."""
    yield _rows([CSV_HEADER])
    if any(filters.get(key) for key in TAG_FILTERS):
        yield from _rendered(span_annotations(articles, filters), base_url)
    else:
        yield from _stored(articles, base_url)


def _stored(articles: QuerySet[Article], base_url: str) -> Iterator[str]:
    """Every article's stored lines in export order; stale or missing ones rendered here."""
    stamps = article_stamps(articles)
    kept = dict(
        ArticleSpanCsv.objects.filter(article__in=articles.order_by().values("pk")).values_list(
            "article_id", "stamp"
        )
    )
    stale = [pk for pk, (_, stamp) in stamps.items() if kept.get(pk) != stamp]
    if stale:  # the next export finds them stored
        events = Article.objects.filter(pk__in=stale).values_list("event_id", flat=True)
        for event in Event.objects.filter(pk__in=set(events)):
            request_refresh(event, "span_csv_requested_at", "refresh_span_csv")
    stale_set = set(stale)
    for batch in batched(stamps, READ_BATCH):  # article ids by revision: the export's order
        fresh = [pk for pk in batch if pk not in stale_set]
        texts = dict(
            ArticleSpanCsv.objects.filter(article_id__in=fresh).values_list("article_id", "text")
        )
        missing = [pk for pk in batch if pk not in texts]
        if missing:
            texts |= render_articles(missing)
        yield "".join(texts[pk] for pk in batch).replace(BASE, base_url)


def article_stamps(articles: QuerySet[Article]) -> dict[int, tuple[int, str]]:
    """{article id: (revision id, stamp)} in export order (by revision), for ``articles``
    with a current revision: the stamp changes whenever the article's lines would."""
    rules = shown_rules(articles)
    rows = (
        articles.filter(current_revision__isnull=False)
        .order_by("current_revision_id")
        .values_list("pk", "current_revision_id", *_ARTICLE_COLUMNS)
    )
    counters = _tag_counters(articles)
    out = {}
    for row in rows:
        basis = [RENDERING, list(row), rules.get(row[7]), counters.get(row[1])]
        digest = hashlib.blake2b(repr(basis).encode(), digest_size=16).hexdigest()
        out[row[0]] = (row[1], digest)
    return out


def _tag_counters(articles: QuerySet[Article]) -> dict[int, tuple]:
    """Per current revision of ``articles``: counters that move with any change to its tags
    (added, removed, decided, relabelled, edited), in one grouped query."""
    rows = (
        Annotation.objects.filter(revision__in=articles.order_by().values("current_revision"))
        .order_by()
        .values("revision_id")
        .annotate(
            n=Count("pk"),
            rejected=Count("pk", filter=Q(status=AnnotationStatus.REJECTED)),
            accepted=Count("pk", filter=Q(status=AnnotationStatus.ACCEPTED)),
            versions=Sum("version"),
            labels=Sum("label_id"),
            ids=Sum("pk"),
            updated=Max("updated_at"),
        )
    )
    return {r.pop("revision_id"): tuple(r.values()) for r in rows}


def render_articles(article_ids: Iterable[int]) -> dict[int, str]:
    """{article id: its lines of the export, permalinks starting with ``BASE``}."""
    ids = list(article_ids)
    texts = dict.fromkeys(ids, "")
    articles = Article.objects.filter(pk__in=ids)
    revisions = dict(articles.values_list("current_revision_id", "pk"))
    lines: dict[int, list] = {}
    tags = span_annotations(articles, {}).values_list(*TAG_COLUMNS)
    for chunk in _chunked_rows(tags, BASE):
        for row, revision in chunk:
            lines.setdefault(revisions[revision], []).append(row)
    texts |= {pk: _rows(rows) for pk, rows in lines.items()}
    return texts


def store_articles(article_ids: Iterable[int]) -> int:
    """Render and store the export lines of ``article_ids``; how many were stored."""
    ids = list(article_ids)
    stamps = article_stamps(Article.objects.filter(pk__in=ids))
    texts = render_articles(list(stamps))
    rows = [ArticleSpanCsv(article_id=pk, stamp=stamps[pk][1], text=texts[pk]) for pk in stamps]
    # An upsert: two decisions on one article's tags may store its lines at the same time.
    ArticleSpanCsv.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["article"], update_fields=["stamp", "text"]
    )
    return len(rows)


def span_csv_refresh(event: Event) -> int:
    """Render and store the lines of the event's articles whose stored ones are missing or
    stale (run by a task); returns how many were rendered."""
    articles = event.articles.all()
    kept = dict(
        ArticleSpanCsv.objects.filter(article__event=event).values_list("article_id", "stamp")
    )
    stale = [pk for pk, (_, stamp) in article_stamps(articles).items() if kept.get(pk) != stamp]
    return sum(store_articles(batch) for batch in batched(stale, READ_BATCH))


def annotations_changed(sender: object, *, revision_ids: Iterable[int], **kwargs: Any) -> None:
    """framing's hook: annotations of ``revision_ids`` changed; re-render the stored lines
    of their articles (only those stored already) in the writing transaction."""
    ids = ArticleSpanCsv.objects.filter(
        article__current_revision_id__in=list(revision_ids)
    ).values_list("article_id", flat=True)
    if ids := list(ids):
        store_articles(ids)


def _rendered(tags: QuerySet[Annotation], base_url: str) -> Iterator[str]:
    for chunk in _chunked_rows(tags.values_list(*TAG_COLUMNS), base_url):
        yield _rows(row for row, _ in chunk)


def _chunked_rows(tags, base_url: str) -> Iterator[list[tuple[list, int]]]:
    """(CSV row, revision id) of ``tags`` (tuples of TAG_COLUMNS), a chunk at a time."""
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
        yield [(_row(tag, known, labels), tag[1]) for tag in chunk if tag[1] in known]


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
        "current_revision_id", "pk", *_ARTICLE_COLUMNS
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
