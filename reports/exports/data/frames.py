"""Sentence frames and article frames, from the stored analyses."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from articles.models import Article
from framing.analysis_services import unpack_frames, unpack_sentences, unpack_tone
from framing.models import Analysis
from framing.selectors import article_relays
from reports.exports.data.base import EventData, Row, Tick, article_cells
from reports.summary import dominant_frames

# Sentences and articles ------------------------------------------------------------------


def frame_columns(data: EventData) -> list[tuple[str, str]]:
    """(codebook, frame key) of every frame any analysis of the event scores, in order."""
    seen: dict[tuple[str, str], None] = {}
    for analysis in data.analyses.values():
        for codebook in sorted(analysis.frame_keys):
            for key in analysis.frame_keys[codebook]:
                seen[(codebook, key)] = None
    return list(seen)


def sentence_columns(data: EventData) -> list[str]:
    frames = [f"p_{cb}_{key}" for cb, key in frame_columns(data)]
    return [*SENTENCE_COLUMNS, *frames]


SENTENCE_COLUMNS = [
    "article", "outlet", "sentence", "start", "end", "text", "tone", "frame", "frame_p"
]  # fmt: skip


def sentence_rows(data: EventData, tick: Tick) -> Iterator[Row]:
    """Each sentence of each analysed article: tone, dominant policy frame (None below
    DOMINANT_FRAME_MIN, as on the pages) and every frame's probability."""
    columns = frame_columns(data)
    total = max(1, len(data.articles))
    for n, (article, text) in enumerate(data.texts(data.articles)):
        if n % 50 == 0:
            tick(n / total)
        analysis = data.analyses.get(article.current_revision_id)
        if analysis is None:
            continue
        yield from sentences_of(data, article, text, analysis, columns)


def sentences_of(
    data: EventData, article: Article, text: str, analysis: Analysis, columns
) -> Iterator[Row]:
    spans = unpack_sentences(analysis).tolist()
    tones = np.round(unpack_tone(analysis).astype(np.float64), 4).tolist()
    probabilities = _probabilities(analysis, columns, len(spans))
    # The pages' own rule (strongest policy frame, if strong enough), so the two agree.
    frames = dominant_frames(analysis)
    policy = [columns.index(("policy", k)) for k in analysis.frame_keys.get("policy", [])]
    for i, (start, end) in enumerate(spans):
        top = max((probabilities[i][k] for k in policy), default=None)
        frame = frames[i] if i < len(frames) else None
        yield [
            *article_cells(article),
            i,
            start,
            end,
            text[start:end],
            tones[i] if len(tones) > i else None,
            frame,
            top,
            *probabilities[i],
        ]


def _probabilities(analysis: Analysis, columns, n: int) -> list[list[float | None]]:
    """Sentences × ``columns`` probabilities rounded to 4 places; None where the analysis
    has no such frame (one numpy pass per article, not one Python call per cell)."""
    full = np.full((n, len(columns)), np.nan)
    index = {c: k for k, c in enumerate(columns)}
    for codebook, matrix in unpack_frames(analysis).items():
        for j, key in enumerate(analysis.frame_keys.get(codebook, [])):
            if len(matrix):
                full[:, index[(codebook, key)]] = matrix[:, j]
    rows = np.round(full, 4).tolist()
    if np.isnan(full).any():
        rows = [[None if p != p else p for p in row] for row in rows]  # NaN != NaN
    return rows


ARTICLE_COLUMNS = [
    "article",
    "outlet",
    "outlet_id",
    "outlet_type",
    "country",
    "title",
    "published",
    "url",
    "byline",
    "language",
    "words",
    "sentences",
    "republication_of",
    "origin",
    "relays",
    "analysed",
    "tone",
    "frames_chosen",
]


def article_columns(data: EventData) -> list[str]:
    frames = [f"p_{cb}_{key}" for cb, key in frame_columns(data)]
    return ARTICLE_COLUMNS + frames


def article_rows(data: EventData, tick: Tick) -> Iterator[Row]:
    """One row per article: metadata, relays, tone and the article-level frame scores."""
    columns = frame_columns(data)
    words = {a["id"]: a["words"] for a in data.payload["articles"]}
    relays = article_relays(
        revision_ids=list(data.by_revision), model_version_id=data.model.pk if data.model else None
    )
    for article in data.articles:
        analysis = data.analyses.get(article.current_revision_id)
        frames = analysis.frames if analysis else {}
        scored = {(cb, f["key"]): f for cb, fs in frames.items() for f in fs}
        relay = relays.get(article.current_revision_id)
        yield [
            *article_cells(article),
            article.outlet_id,
            article.outlet.type,
            article.outlet.country,
            article.title,
            article.published_date.isoformat() if article.published_date else None,
            article.url,
            article.byline,
            article.language,
            words.get(article.pk),
            len(unpack_sentences(analysis)) if analysis else None,
            article.republication_of_id,
            article.origin.name if article.origin_id else "",
            relay.summary if relay else "",
            analysis is not None,
            round(analysis.tone, 4) if analysis else None,
            ";".join(f"{cb}:{k}" for (cb, k), f in scored.items() if f.get("in")),
            *[scored[c]["p"] if c in scored else None for c in columns],
        ]
    tick(1.0)
