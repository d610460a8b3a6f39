"""Per-outlet aggregates, computed as the comparison charts compute them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from framing.engine.contrast import rate_per_1000
from reports.exports.data.base import EventData, Row, Tick
from reports.figures import ChartOptions
from reports.figures.base import VOICES, articles_frame, outlet_totals, terms_frame

# Per-outlet aggregates ------------------------------------------------------------------


def outlet_columns(data: EventData) -> list[str]:
    labels = [f"terms_{lab['key']}" for lab in data.payload["labels"]]
    frames = [f"frame_share_{f['key']}" for f in data.payload["frames"]]
    return OUTLET_COLUMNS + labels + frames


OUTLET_COLUMNS = [
    "outlet_id",
    "outlet",
    "outlet_type",
    "country",
    "type_source",
    "articles",
    "words",
    "sentences",
    "terms",
    "terms_per_1000",
    "terms_per_1000_low",
    "terms_per_1000_high",
    *[f"{voice}_terms" for voice in VOICES],
    "own_per_1000",
    "own_per_1000_low",
    "own_per_1000_high",
    "quotes",
    "quoted_share",
    "attributed_share",
    "mean_tone",
    "tone_ci95",
]


def outlet_rows(data: EventData, tick: Tick) -> Iterator[Row]:
    """Per outlet, counted as the charts count by default (a republished copy of an event
    article is left out): rates per 1,000 words with exact 95 % Poisson intervals, voice
    counts, quotes, tone with its 95 % interval over articles, dominant-frame shares."""
    payload = data.payload
    articles = articles_frame(payload, ChartOptions())
    outlets = outlet_totals(articles)
    terms = terms_frame(payload, articles, ChartOptions())
    by_outlet = terms.groupby("outlet")
    sources = {o.pk: o.type_source for o in {a.outlet for a in data.articles}}
    quotes = _quotes_per_outlet(payload, articles)
    for o in outlets.itertuples():
        mine = articles[articles["outlet"] == o.outlet]
        own = by_outlet.get_group(o.outlet) if o.outlet in by_outlet.groups else terms.iloc[:0]
        yield _outlet_row(payload, o, mine, own, sources, quotes)
    tick(1.0)


def _outlet_row(payload, o, mine, terms, sources, quotes) -> Row:
    words = max(int(o.words), 1)
    voices = terms["voice"].value_counts()
    all_terms = rate_per_1000(len(terms), words)
    own = rate_per_1000(int(voices.get("own", 0)), words)
    chars = int(mine["chars"].sum())
    voiced = list(mine["voice_chars"])
    tones = mine["tone"].dropna().astype(float)
    half = 1.96 * float(tones.std(ddof=1)) / len(tones) ** 0.5 if len(tones) > 1 else None
    sentences = int(mine["sentences"].fillna(0).sum()) if "sentences" in mine else 0
    frames = {f["key"]: 0 for f in payload["frames"]}
    for counts in mine["sentence_frames"]:
        for key, c in (counts or {}).items():
            if key in frames:
                frames[key] += c
    categories = terms["category"].value_counts()
    info = payload["outlets"][str(o.outlet)]
    return [
        int(o.outlet),
        o.outlet_name,
        info["type"],
        info["country"],
        sources.get(int(o.outlet), ""),
        int(o.n),
        int(o.words),
        sentences,
        all_terms.count,
        round(all_terms.rate, 3),
        round(all_terms.low, 3),
        round(all_terms.high, 3),
        *[int(voices.get(v, 0)) for v in VOICES],
        round(own.rate, 3),
        round(own.low, 3),
        round(own.high, 3),
        quotes.get(int(o.outlet), 0),
        round(sum(v["quoted"] for v in voiced) / chars, 4) if chars else 0.0,
        round(sum(v["attributed"] for v in voiced) / chars, 4) if chars else 0.0,
        round(float(tones.mean()), 3) if len(tones) else None,
        round(half, 3) if half is not None else None,
        *[int(categories.get(lab["key"], 0)) for lab in payload["labels"]],
        *[round(frames[k] / sentences, 3) if sentences else 0.0 for k in frames],
    ]


def _quotes_per_outlet(payload: dict[str, Any], articles) -> dict[int, int]:
    outlet_of = dict(zip(articles["id"], articles["outlet"], strict=True))
    out: dict[int, int] = {}
    for row in payload["quotes"]:
        outlet = outlet_of.get(row[0])
        if outlet is not None:
            out[int(outlet)] = out.get(int(outlet), 0) + 1
    return out
