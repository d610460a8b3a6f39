"""What lies behind a chart mark: the spans (keyword in context) or the sentences.

Both readers take the event and a dict of filters from the query string and run a fixed
number of queries. CSV cells are made formula-safe: a spreadsheet must never execute text
that an outlet (or anyone who can paste an article) wrote.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import F, Q, QuerySet
from django.db.models.functions import Greatest, Substr
from django.urls import reverse

from articles.models import Article, Event
from framing.analysis_services import unpack_sentences, unpack_tone
from framing.models import (
    ActorMention,
    Analysis,
    Annotation,
    AnnotationStatus,
    ModelVersion,
    QuoteSpan,
)
from framing.operating_points import score_floor
from reports.actors import event_actor_aliases
from reports.summary import dominant_frames

KWIC_WIDTH = 70
MAX_SENTENCES = 200
PAGE_SIZE = 100  # span lines per page of an explorer
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class SpanLine:
    tag: int
    article: Article
    label_key: str
    label_name: str
    colour: str
    left: str
    term: str
    right: str
    voice: str
    speaker: str
    score: float | None
    source: str
    status: str
    permalink: str


@dataclass
class SentenceLine:
    article: Article
    index: int
    text: str
    tone: float
    frame: str | None
    permalink: str


def filter_articles(
    qs: QuerySet[Article], filters: Mapping[str, str], *, with_text: bool = True
) -> QuerySet[Article]:
    """Article-level filters shared by the event and workspace explorers.

    ``with_text=False`` leaves the revision texts in the database: span lines read only the
    texts of the lines they show (``span_page``, ``reports.span_export``).
    """
    related = ("outlet", "event", "current_revision") if with_text else ("outlet", "event")
    qs = qs.select_related(*related)
    for key, field in (("outlet", "outlet_id"), ("article", "pk"), ("event", "event_id")):
        if filters.get(key, "").isdigit():
            qs = qs.filter(**{field: int(filters[key])})
    if filters.get("outlet_type"):
        qs = qs.filter(outlet__type=filters["outlet_type"])
    since, until = _date(filters.get("since")), _date(filters.get("until"))
    if since:
        qs = qs.filter(published_date__gte=since)
    if until:
        qs = qs.filter(published_date__lte=until)
    return qs


def _date(raw: str | None) -> date | None:
    try:
        return date.fromisoformat(raw) if raw else None
    except ValueError:
        return None  # a mistyped date filters nothing rather than failing the page


def _articles(event: Event, filters: Mapping[str, str]) -> list[Article]:
    return list(filter_articles(event.articles.all(), filters))


def model_analyses(articles: Sequence[Article], *, lean: bool = False) -> dict[int, Analysis]:
    """Each article's analysis by the model its event shows (two queries, any number of
    events): revision id -> analysis. ``lean`` reads only the ids, not the packed arrays:
    span lists need to know which analysis, never its sentences."""
    builtin = None
    if any(not a.event.analysis_model_id for a in articles):
        builtin = ModelVersion.objects.filter(workspace=None).order_by("-created_at").first()
    wanted = {
        a.current_revision_id: a.event.analysis_model_id or (builtin.pk if builtin else None)
        for a in articles
        if a.current_revision_id
    }
    models = {m for m in wanted.values() if m is not None}
    found = Analysis.objects.filter(revision_id__in=list(wanted), model_version_id__in=models)
    if lean:
        found = found.only("pk", "revision_id", "model_version_id")
    return {an.revision_id: an for an in found if wanted[an.revision_id] == an.model_version_id}


def _analyses(event: Event, articles: list[Article]) -> dict[int, Analysis]:
    return model_analyses(articles)


def sentence_permalink(event_id: int, article_id: int, index: int) -> str:
    url = reverse("reports:compare", args=[event_id])
    return f"{url}?a={article_id}#a{article_id}-s{index}"


def shown_rules(articles: QuerySet[Article]) -> dict[int, tuple[int, float]]:
    """{event id: (model version id, score floor)}: which model's suggestions each event of
    ``articles`` shows, and above which score (events with no model at all show none)."""
    triples = set(
        articles.order_by()
        .values_list("event_id", "event__analysis_model_id", "event__operating_point")
        .distinct()
    )
    builtin = None
    if any(model is None for _, model, _ in triples):
        builtin = ModelVersion.objects.filter(workspace=None).order_by("-created_at").first()
    chosen = {
        event_id: (model if model is not None else (builtin.pk if builtin else None), point)
        for event_id, model, point in triples
    }
    metrics = dict(
        ModelVersion.objects.filter(pk__in={m for m, _ in chosen.values()}).values_list(
            "pk", "metrics"
        )
    )
    return {
        event_id: (model, score_floor(metrics.get(model), point))
        for event_id, (model, point) in chosen.items()
        if model is not None
    }


def filter_annotations(annotations: QuerySet[Annotation], filters: Mapping[str, str]):
    """Span-level filters: label, voice, source (model or analyst)."""
    if filters.get("label"):
        annotations = annotations.filter(label__key=filters["label"])
    if filters.get("voice") in ("own", "quoted", "attributed"):
        annotations = annotations.filter(voice=filters["voice"])
    if filters.get("source") == "analyst":
        annotations = annotations.filter(author_user__isnull=False)
    elif filters.get("source") == "model":
        annotations = annotations.filter(author_model__isnull=False)
    return annotations


def shown_annotations(articles: QuerySet[Article]) -> QuerySet[Annotation]:
    """The tags pages show on the current revisions of ``articles`` (the rule of
    ``reports.summary.visible_annotations``), as one query with the articles as a subquery.

    Thousands of articles are never read into Python nor sent back as parameters: only the
    (event, model, operating point) triples are, to pick each event's score floor.
    """
    events: dict[tuple[int, float], list[int]] = {}
    for event_id, rule in shown_rules(articles).items():
        events.setdefault(rule, []).append(event_id)
    shown = Q(author_user__isnull=False)
    for (model, floor), event_ids in events.items():
        mine = Q(analysis__isnull=False, author_model_id=model)
        if len(events) > 1:  # several models or points: say which events each one is for
            mine &= Q(revision__article__event_id__in=event_ids)
        if floor > 0:
            mine &= Q(status=AnnotationStatus.ACCEPTED) | Q(score__gte=floor) | Q(score=None)
        shown |= mine
    return (
        Annotation.objects.filter(revision__in=articles.order_by().values("current_revision"))
        .filter(shown)
        .exclude(status=AnnotationStatus.REJECTED)
    )


def span_annotations(
    articles: QuerySet[Article], filters: Mapping[str, str]
) -> QuerySet[Annotation]:
    """The visible tags of ``articles`` matching ``filters``: a lazy queryset in a stable
    order (``with_context`` adds the keyword-in-context columns)."""
    chosen = filter_annotations(shown_annotations(articles), filters)
    return chosen.order_by("revision_id", "start", "end", "pk")


def event_articles(event: Event, filters: Mapping[str, str]) -> QuerySet[Article]:
    """The event's articles passing the filters (a lazy queryset; texts are never read)."""
    return filter_articles(event.articles.all(), filters, with_text=False)


@dataclass
class SpanPage:
    lines: list[SpanLine]
    page: Page
    total: int
    first: str = ""  # keyset cursors of the page's first and last lines (see span_page)
    last: str = ""


def with_context(annotations: QuerySet[Annotation]) -> QuerySet[Annotation]:
    """``annotations`` with their keyword-in-context pieces cut in SQL (``kwic_left``,
    ``kwic_term``, ``kwic_right``): an export of thousands of lines never reads whole texts.
    SQL strings count from 1, offsets from 0."""
    text = "revision__text"
    left_from = Greatest(F("start") - KWIC_WIDTH, 0)
    return annotations.annotate(
        kwic_left=Substr(text, left_from + 1, F("start") - left_from),
        kwic_term=Substr(text, F("start") + 1, Greatest(F("end") - F("start"), 0)),
        kwic_right=Substr(text, F("end") + 1, KWIC_WIDTH),
    )


LINE_COLUMNS = (
    "pk",
    "revision_id",
    "label__key",
    "label__name",
    "label__colour",
    "kwic_left",
    "kwic_term",
    "kwic_right",
    "voice",
    "speaker",
    "speaker_actor",
    "score",
    "author_user_id",
    "source",
    "status",
)


ORDER = ("revision_id", "start", "end", "pk")  # the explorers' order; (revision, start) indexed


def span_page(
    articles: QuerySet[Article],
    filters: Mapping[str, str],
    number: str | int | None,
    *,
    after: str = "",
    before: str = "",
) -> SpanPage:
    """One page of keyword-in-context lines (fixed queries: count, the page's tags with
    their context, the page's articles). A page number out of range shows the nearest page.

    ``after``/``before`` (a line's cursor, as the pager's links carry) page by keyset: the
    lines just beyond that one in the explorers' order, read from the index instead of
    counted past with ``OFFSET`` (deep pages of tens of thousands of lines cost as the first).
    Without a valid cursor, ``number`` picks the page.
    """
    chosen = span_annotations(articles, filters)
    paginator = Paginator(chosen.values_list("pk", flat=True), PAGE_SIZE)
    cursor, forward = _cursor(after), True
    if cursor is None:
        cursor, forward = _cursor(before), False
    if cursor is not None and paginator.count:
        page_number = paginator.validate_number(_page_number(number, paginator))
        rows = chosen.filter(_beyond(cursor, forward=forward))
        rows = rows.order_by(*(o if forward else f"-{o}" for o in ORDER))
        keys = list(rows.values_list(*ORDER)[:PAGE_SIZE])[:: 1 if forward else -1]
        page = Page([k[3] for k in keys], page_number, paginator)
    else:
        page = paginator.get_page(number)
        start = (page.number - 1) * PAGE_SIZE
        keys = list(chosen.values_list(*ORDER)[start : start + PAGE_SIZE])
    lines = with_context(Annotation.objects.filter(pk__in=[k[3] for k in keys]))
    rows = list(lines.order_by(*ORDER).values_list(*LINE_COLUMNS, named=True))
    by_revision = _articles_of({row.revision_id for row in rows})
    links = _Permalinks()
    lines = [
        _line(r, by_revision[r.revision_id], links) for r in rows if r.revision_id in by_revision
    ]
    ends = [".".join(map(str, k)) for k in (keys[:1] + keys[-1:])] if keys else ["", ""]
    return SpanPage(lines, page, paginator.count, ends[0], ends[-1])


def _cursor(raw: str) -> tuple[int, int, int, int] | None:
    parts = raw.split(".")
    if len(parts) != 4 or not all(p.isdigit() for p in parts):
        return None
    return tuple(int(p) for p in parts)  # type: ignore[return-value]


def _page_number(raw: str | int | None, paginator: Paginator) -> int:
    try:
        return max(1, min(int(raw or 1), paginator.num_pages))
    except ValueError:
        return 1


def _beyond(cursor: tuple[int, int, int, int], *, forward: bool) -> Q:
    """Lines after (or before) ``cursor`` in the explorers' order, as a row comparison."""
    op = "gt" if forward else "lt"
    rev, start, end, pk = cursor
    return (
        Q(**{f"revision_id__{op}": rev})
        | Q(revision_id=rev, **{f"start__{op}": start})
        | Q(revision_id=rev, start=start, **{f"end__{op}": end})
        | Q(revision_id=rev, start=start, end=end, **{f"pk__{op}": pk})
    )


def _articles_of(revision_ids: set[int]) -> dict[int, Article]:
    """Articles whose current revision is one of ``revision_ids``, with outlet and event."""
    found = Article.objects.filter(current_revision__in=revision_ids).select_related(
        "outlet", "event"
    )
    return {a.current_revision_id: a for a in found}


class _Permalinks:
    """Tag permalinks with one ``reverse()`` per event instead of one per line (a third of
    a large export's time went to URL resolving)."""

    def __init__(self) -> None:
        self.compare: dict[int, str] = {}

    def __call__(self, event_id: int, article_id: int, tag: int) -> str:
        url = self.compare.get(event_id)
        if url is None:
            url = self.compare[event_id] = reverse("reports:compare", args=[event_id])
        return f"{url}?a={article_id}&focus=t{tag}#t{tag}"


def _line(row: Any, article: Article, links: _Permalinks) -> SpanLine:
    return SpanLine(
        tag=row.pk,
        article=article,
        label_key=row.label__key,
        label_name=row.label__name,
        colour=row.label__colour,
        left=" ".join(row.kwic_left.split()),
        term=row.kwic_term,
        right=" ".join(row.kwic_right.split()),
        voice=row.voice or "own",
        speaker=row.speaker or row.speaker_actor,
        score=row.score,
        source="analyst" if row.author_user_id else (row.source or "model"),
        status=row.status,
        permalink=links(article.event_id, article.pk, row.pk),
    )


def sentence_lines(event: Event, filters: Mapping[str, str]) -> list[SentenceLine]:
    """Sentences behind a chart cell: by dominant frame, actor mentioned, speaker quoted,
    or all of an outlet's sentences ordered by tone."""
    articles = _articles(event, filters)
    analyses = _analyses(event, articles)
    wanted = _sentence_filter(analyses, filters, _actor_keys(event, filters.get("actor")))
    term = term_pattern(filters.get("term", ""))
    lines = []
    for article in articles:
        analysis = analyses.get(article.current_revision_id)
        if analysis is None:
            continue
        text = article.current_revision.text
        frames = dominant_frames(analysis)
        tones = unpack_tone(analysis)
        for i, (start, end) in enumerate(unpack_sentences(analysis)):
            if wanted is not None and (analysis.pk, i) not in wanted:
                continue
            if filters.get("frame") and frames[i] != filters["frame"]:
                continue
            if term is not None and not term.search(text[start:end].replace("’", "'")):
                continue
            lines.append(
                SentenceLine(
                    article,
                    i,
                    text[start:end],
                    float(tones[i]) if len(tones) > i else 0.0,
                    frames[i],
                    sentence_permalink(event.pk, article.pk, i),
                )
            )
    if filters.get("order") == "tone":
        lines.sort(key=lambda line: line.tone)
    return lines[:MAX_SENTENCES]


def term_pattern(term: str) -> re.Pattern[str] | None:
    """A distinctive-vocabulary term (lowercase words) as a case-blind pattern over text:
    whole words, any punctuation or space between them."""
    words = re.findall(r"[\w']+", term)
    if not words:
        return None
    return re.compile(r"(?<![\w'])" + r"\W+".join(map(re.escape, words)) + r"(?![\w'])", re.I)


def _actor_keys(event: Event, actor: str | None) -> set[str]:
    """The actor's key and every alias merged into it ("falk" for "adrian_falk")."""
    if not actor:
        return set()
    return {actor} | {alias for alias, key in event_actor_aliases(event).items() if key == actor}


def _sentence_filter(
    analyses: dict[int, Analysis], filters: Mapping[str, str], actor_keys: set[str] = frozenset()
) -> set[tuple[int, int]] | None:
    """(analysis, sentence index) pairs containing the requested actor (or one of its merged
    aliases, ``actor_keys``) or speaker's quote."""
    if filters.get("actor"):
        spans = ActorMention.objects.filter(actor__in=actor_keys or {filters["actor"]})
    elif filters.get("speaker"):
        who = filters["speaker"]
        spans = QuoteSpan.objects.filter(speaker_actor=who) | QuoteSpan.objects.filter(speaker=who)
    else:
        return None
    by_pk = {a.pk: a for a in analyses.values()}
    found = set()
    starts = spans.filter(analysis_id__in=by_pk).values_list("analysis_id", "start")
    for analysis_id, start in starts:
        for i, (s, e) in enumerate(unpack_sentences(by_pk[analysis_id])):
            if s <= start < e:
                found.add((analysis_id, i))
    return found


def safe_cell(value: object) -> str:
    """A CSV cell a spreadsheet shows as text: leading formula characters get a quote."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text
