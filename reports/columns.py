"""The columns view: 2–6 articles side by side, sentence by sentence, terms highlighted.

Each sentence is its own block (so it can carry its dominant frame as a margin strip and
have a permalink); loaded terms are <mark>s made by ``articles.highlight`` with their
category, score, voice, speaker and explanation as data attributes for the filters.
"""

from __future__ import annotations

from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field
from html import escape
from typing import Any

from django.utils.safestring import SafeString, mark_safe

from articles.highlight import Mark, escaped, highlight
from articles.models import Article, Event
from framing.analysis_services import unpack_sentences
from framing.models import Analysis, Annotation, ModelVersion, QuoteSpan
from framing.selectors import ArticleRelays, article_relays, quote_relay
from reports.summary import dominant_frames, visible_annotations

MIN_COLUMNS, MAX_COLUMNS = 2, 6
DEFAULT_COLUMNS = 4


@dataclass
class SentenceBlock:
    index: int
    start: int
    end: int
    html: SafeString
    frame: str | None
    paragraph: bool  # a line break precedes it in the source text
    frame_name: str = ""
    frame_colour: str = ""


@dataclass
class Column:
    article: Article
    sentences: list[SentenceBlock] = field(default_factory=list)
    n_terms: int = 0
    analysed: bool = False
    relays: ArticleRelays | None = None  # what the text visibly relays ("relays KCNA via TASS")

    @property
    def sentences_html(self) -> SafeString:
        """The column's sentences as ``<p>`` blocks with their permalink ids and frame
        strips. Written here, not looped in the template: two hundred sentences of five
        columns through the template's variable lookups were a fifth of a compare request."""
        pk = self.article.pk
        blocks = []
        for s in self.sentences:
            colour, name = escaped(s.frame_colour), escaped(s.frame_name)
            frame = f' style="--frame: {colour}" title="Frame: {name}"' if s.frame_colour else ""
            blocks.append(
                f'<p class="sent{" para" if s.paragraph else ""}" id="a{pk}-s{s.index}"'
                f' data-frame="{escaped(s.frame or "")}"{frame}>{s.html}</p>'
            )
        return mark_safe("".join(blocks))  # s.html is escaped by highlight(), the rest here


def choose_articles(event: Event, requested: list[str]) -> list[Article]:
    """The articles to show, in the requested order; a sensible default otherwise.

    Unknown or foreign ids are dropped (never an error: the URL may be stale). The default
    takes one original (non-republished) article per outlet, in publication order. Choosing
    reads only ids; texts are loaded for the (at most six) chosen articles alone.
    """
    wanted = list(dict.fromkeys(int(raw) for raw in requested if raw.isdigit()))
    known = set(event.articles.filter(pk__in=wanted).values_list("pk", flat=True))
    chosen = [pk for pk in wanted if pk in known]
    if len(chosen) < MIN_COLUMNS:
        chosen = _default_ids(event, chosen)
    return _load(event, chosen[:MAX_COLUMNS])


def _default_ids(event: Event, chosen: list[int]) -> list[int]:
    rows = event.articles.values_list("pk", "outlet_id", "republication_of_id")
    seen_outlets = set(event.articles.filter(pk__in=chosen).values_list("outlet_id", flat=True))
    for pk, outlet_id, republished in rows:
        if len(chosen) >= DEFAULT_COLUMNS:
            break
        if pk not in chosen and outlet_id not in seen_outlets and not republished:
            chosen.append(pk)
            seen_outlets.add(outlet_id)
    if len(chosen) < MIN_COLUMNS:  # an event of republications only still gets two columns
        for pk in event.articles.exclude(pk__in=chosen).values_list("pk", flat=True)[:2]:
            if len(chosen) < MIN_COLUMNS:
                chosen.append(pk)
    return chosen


def _load(event: Event, ids: list[int]) -> list[Article]:
    related = ("outlet", "current_revision", "origin", "republication_of")
    by_id = event.articles.select_related(*related).in_bulk(ids)
    return [by_id[pk] for pk in ids]


# Each event's add-a-column ``<option>``s, escaped, by the summary build they were read
# under: {(event id, stamp): [(article id, option), ...]} in the articles' order.
_OPTIONS: OrderedDict[tuple[int, str], list[tuple[int, str]]] = OrderedDict()
_OPTIONS_MAX = 8


def add_column_options(event: Event, shown: set[int], stamp: str = "") -> SafeString:
    """The add-a-column ``<option>``s of the articles not ``shown``, as one escaped string.

    Two thousand of them through the template's loop took ~100 ms of a compare request; read
    and escaped, ~6 ms. ``stamp`` (``reports.summary.summary_stamp``; "" while the summary is
    updating) names the summary build they were read under: articles, titles and outlets
    are what a build is made from, so within one build the options are read only once.
    """
    options = _OPTIONS.get((event.pk, stamp)) if stamp else None
    if options is None:
        rows = event.articles.values_list("pk", "outlet__name", "title")
        options = [
            (
                pk,
                f'<option value="{pk}">{escape(outlet)} — '
                f"{escape(title if len(title) <= 60 else title[:59] + '…')}</option>",
            )
            for pk, outlet, title in rows
        ]
        if stamp:
            _OPTIONS[(event.pk, stamp)] = options
            while len(_OPTIONS) > _OPTIONS_MAX:
                _OPTIONS.popitem(last=False)
    return mark_safe("".join(option for pk, option in options if pk not in shown))


def build_columns(
    articles: list[Article],
    model: ModelVersion | None,
    frame_labels: dict[str, tuple[str, str]] | None = None,
) -> list[Column]:
    """Columns for ``articles`` with a fixed number of queries, whatever their number.

    ``frame_labels`` maps a frame key to its (name, colour) for the margin strip.
    """
    frame_labels = frame_labels or {}
    revision_ids = [a.current_revision_id for a in articles if a.current_revision_id]
    analyses = {
        an.revision_id: an
        for an in Analysis.objects.filter(revision_id__in=revision_ids, model_version=model)
    }
    notes: dict[int, list[Annotation]] = defaultdict(list)
    for ann in visible_annotations(revision_ids, analyses):
        notes[ann.revision_id].append(ann)
    outlets = {a.current_revision_id: a.outlet.name for a in articles}
    relayed = _relayed_quotes(list(analyses.values()), outlets)
    relays = article_relays(revision_ids=revision_ids, model_version_id=model.pk if model else None)
    columns = [
        _column(
            a,
            analyses.get(a.current_revision_id),
            notes[a.current_revision_id],
            relayed.get(a.current_revision_id, []),
        )
        for a in articles
    ]
    for column in columns:
        column.relays = relays.get(column.article.current_revision_id)
    for column in columns:
        for s in column.sentences:
            s.frame_name, s.frame_colour = frame_labels.get(s.frame or "", ("", ""))
    return columns


def _relayed_quotes(
    analyses: list[Analysis], outlets: dict[int, str]
) -> dict[int, list[tuple[int, int, str]]]:
    """revision -> (start, end, "relays KCNA via TASS") of its quotes heard through a relay
    other than the article's own outlet."""
    out: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    rows = QuoteSpan.objects.filter(analysis__in=analyses).exclude(kind="scare")
    for revision_id, start, end, chain in rows.values_list(
        "analysis__revision_id", "start", "end", "chain"
    ):
        if chain and len(chain) >= 2 and (relay := quote_relay(chain, outlets[revision_id])):
            out[revision_id].append((start, end, relay))
    return out


def _relay_of(ann: Annotation, relayed: list[tuple[int, int, str]]) -> str:
    """The relay of the innermost relayed quote holding most of the term, if any."""
    best = None
    for start, end, summary in relayed:
        inside = min(end, ann.end) - max(start, ann.start)
        if 2 * inside > max(1, ann.end - ann.start) and (
            best is None or end - start < best[1] - best[0]
        ):
            best = (start, end, summary)
    return best[2] if best else ""


def _column(
    article: Article,
    analysis: Analysis | None,
    notes: list[Annotation],
    relayed: list[tuple[int, int, str]] | None = None,
) -> Column:
    text = article.current_revision.text if article.current_revision else ""
    if analysis is not None:
        spans = [(int(s), int(e)) for s, e in unpack_sentences(analysis)]
        frames = dominant_frames(analysis)
    else:
        spans, frames = [(0, len(text))] if text else [], [None]
    spans = _cover(spans, len(text))
    frames = frames + [None] * (len(spans) - len(frames))
    marks = [_mark(article.pk, ann, _relay_of(ann, relayed or [])) for ann in notes]
    column = Column(article, n_terms=len(marks), analysed=analysis is not None)
    for i, ((start, end), frame) in enumerate(zip(spans, frames, strict=False)):
        inside = [_shift(m, start, end) for m in marks if m.start < end and m.end > start]
        gap = text[spans[i - 1][1] : start] if i else ""
        column.sentences.append(
            SentenceBlock(i, start, end, highlight(text[start:end], inside), frame, "\n" in gap)
        )
    return column


def _cover(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """Only well-formed spans inside the text: a stale analysis must not break the page."""
    return [(s, e) for s, e in spans if 0 <= s < e <= length]


def _shift(mark: Mark, start: int, end: int) -> Mark:
    return Mark(
        max(mark.start, start) - start,
        min(mark.end, end) - start,
        mark.span_id,
        mark.css_class,
        mark.title,
        mark.data,
        mark.colour,
    )


def _mark(article_id: int, ann: Annotation, relay: str = "") -> Mark:
    score = ann.score if ann.score is not None else 1.0
    voice = ann.voice or "own"
    speaker = ann.speaker or ann.speaker_actor
    title = f"{ann.label.name} · {score:.2f} · {voice}" + (f" ({speaker})" if speaker else "")
    data: dict[str, Any] = {
        "cat": ann.label.key,
        "catname": ann.label.name,
        "score": f"{score:.2f}",
        "voice": voice,
        "speaker": speaker,
        "relay": relay,
        "expl": ann.explanation or ("analyst's span" if ann.author_user_id else ""),
        "status": ann.status,
        "tag": str(ann.pk),
    }
    return Mark(
        ann.start,
        ann.end,
        f"t{ann.pk}",
        f"hl hl-{ann.status}",
        title,
        {k: str(v) for k, v in data.items()},
        ann.label.colour,
    )
