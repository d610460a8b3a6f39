"""Spans (with voice and speaker) and quotes (with speaker and relay chain)."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import F
from django.db.models.functions import Greatest, Substr

from framing.models import QuoteSpan
from framing.selectors import quote_relay
from reports.evidence import KWIC_WIDTH
from reports.exports.data.base import SPAN_BATCH, EventData, Row, Tick, article_cells, decision
from reports.summary import visible_annotations

# Spans ---------------------------------------------------------------------------------

SPAN_COLUMNS = [
    "tag",
    "article",
    "outlet",
    "start",
    "end",
    "text",
    "left",
    "right",
    "label",
    "label_name",
    "label_kind",
    "voice",
    "speaker",
    "speaker_actor",
    "target_actor",
    "score",
    "source",
    "decision",
    "analyst",
    "needs_review",
    "note",
    "link",
]


def span_rows(data: EventData, tick: Tick, revision_ids: list[int] | None = None) -> Iterator[Row]:
    """Every visible span of the event's current texts (or of ``revision_ids``), in text
    order, with its context cut in SQL: whole texts are never read for it."""
    revisions = list(data.by_revision) if revision_ids is None else revision_ids
    analyses = {r: data.analyses[r] for r in revisions if r in data.analyses}
    visible = visible_annotations(revisions, analyses)
    total = max(1, visible.count()) if revision_ids is None else 0
    text = "revision__text"
    left_from = Greatest(F("start") - KWIC_WIDTH, 0)
    rows = visible.annotate(
        k_left=Substr(text, left_from + 1, F("start") - left_from),
        k_term=Substr(text, F("start") + 1, Greatest(F("end") - F("start"), 0)),
        k_right=Substr(text, F("end") + 1, KWIC_WIDTH),
    ).values_list(*_SPAN_FIELDS)
    for n, r in enumerate(rows.iterator(chunk_size=SPAN_BATCH)):
        if total and n % SPAN_BATCH == 0:
            tick(n / total)
        yield _span_row(data, r)


_SPAN_FIELDS = (
    "pk",
    "revision_id",
    "start",
    "end",
    "k_term",
    "k_left",
    "k_right",
    "label__key",
    "label__name",
    "label__kind",
    "voice",
    "speaker",
    "speaker_actor",
    "target_actor",
    "score",
    "source",
    "author_user_id",
    "status",
    "author_user__username",
    "needs_review",
    "note",
)


def _span_row(data: EventData, r: tuple) -> Row:
    article = data.by_revision[r[1]]
    return [
        r[0],
        *article_cells(article),
        r[2],
        r[3],
        r[4],
        " ".join(r[5].split()),
        " ".join(r[6].split()),
        r[7],
        r[8],
        r[9],
        r[10] or "own",
        r[11],
        r[12],
        r[13],
        r[14],
        "analyst" if r[16] else (r[15] or "model"),
        decision(r[16], r[17]),
        r[18] or "",
        r[19],
        r[20],
        data.link(article.pk, f"t{r[0]}", focus=f"t{r[0]}"),
    ]


# Quotes ----------------------------------------------------------------------------------

QUOTE_COLUMNS = [
    "quote",
    "article",
    "outlet",
    "start",
    "end",
    "text",
    "kind",
    "speaker",
    "speaker_actor",
    "verb",
    "chain",
    "relay",
    "link",
]


def quote_rows(data: EventData, tick: Tick, revision_ids: list[int] | None = None) -> Iterator[Row]:
    """Every quote and reported clause with its speaker and relay chain (outermost first)."""
    revisions = list(data.by_revision) if revision_ids is None else revision_ids
    analyses = {data.analyses[r].pk: r for r in revisions if r in data.analyses}
    quotes = (
        QuoteSpan.objects.filter(analysis_id__in=list(analyses))
        .annotate(surface=Substr("analysis__revision__text", F("start") + 1, F("end") - F("start")))
        .order_by("analysis__revision_id", "start", "pk")
        .values_list(
            "pk",
            "analysis_id",
            "start",
            "end",
            "surface",
            "kind",
            "speaker",
            "speaker_actor",
            "verb",
            "chain",
        )
    )
    for pk, analysis, start, end, surface, kind, speaker, actor, verb, chain in quotes.iterator(
        chunk_size=SPAN_BATCH
    ):
        article = data.by_revision[analyses[analysis]]
        chain = list(chain or [])
        relay = quote_relay(chain, article.outlet.name) if len(chain) >= 2 else ""
        yield [
            pk,
            *article_cells(article),
            start,
            end,
            surface,
            kind,
            speaker,
            actor,
            verb,
            " > ".join(chain),
            relay,
            data.link(article.pk, f"a{article.pk}"),
        ]
    tick(1.0)
