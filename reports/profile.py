"""One outlet across every event of its workspace: frames, loaded-term density and top terms
over time.

A fixed number of queries whatever the number of events: the outlet's articles, their
analyses (each by its event's model), stored word counts and visible tags, then everything
else in Python. No full text is read: tagged spans are cut in SQL.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlencode

import plotly.graph_objects as go
from django.urls import reverse

from articles.models import Article, Event, Outlet
from framing.engine.codebooks import POLICY_FRAMES
from framing.engine.contrast import Rate, rate_per_1000
from reports.evidence import model_analyses
from reports.figures.base import Chart, base_layout, frame_share_heatmap, make_figure
from reports.summary import dominant_frames, visible_annotations, with_surface
from reports.words import revision_words

TOP_TERMS = 5
FRAME_NAMES = {d.key: d.name for d in POLICY_FRAMES}


@dataclass
class EventRow:
    event: Event
    when: date | None
    n: int = 0
    words: int = 0
    terms: int = 0
    sentences: int = 0
    frames: Counter = field(default_factory=Counter)
    top_terms: Counter = field(default_factory=Counter)

    @property
    def rate(self) -> Rate:
        return rate_per_1000(self.terms, max(self.words, 1))

    @property
    def frame_shares(self) -> list[tuple[str, str, float]]:
        """(key, name, share of sentences) for the event's three leading frames."""
        return [
            (k, FRAME_NAMES.get(k, k), n / self.sentences if self.sentences else 0.0)
            for k, n in self.frames.most_common(3)
        ]

    @property
    def top(self) -> list[tuple[str, int]]:
        return self.top_terms.most_common(TOP_TERMS)


def outlet_profile(outlet: Outlet) -> list[EventRow]:
    """Per event the outlet covered, in time order: n, words, tags, frames, top terms."""
    articles = list(
        Article.objects.filter(outlet=outlet, event__workspace_id=outlet.workspace_id)
        .select_related("event")
        .order_by("published_date", "pk")
    )
    analyses = model_analyses(articles)
    words = revision_words(a.current_revision_id for a in articles)
    rows: dict[int, EventRow] = {}
    by_revision = {}
    for a in articles:
        row = rows.setdefault(a.event_id, EventRow(a.event, a.event.start_date))
        # An event's own start date places it in time; without one, the outlet's first article.
        first = a.event.start_date is None and a.published_date
        if first and (row.when is None or a.published_date < row.when):
            row.when = a.published_date
        row.n += 1
        if a.current_revision_id is None:
            continue
        by_revision[a.current_revision_id] = a
        row.words += words.get(a.current_revision_id, 0)
        analysis = analyses.get(a.current_revision_id)
        if analysis is not None:
            frames = dominant_frames(analysis)
            row.sentences += len(frames)
            row.frames.update(f for f in frames if f)
    tags = with_surface(visible_annotations(list(by_revision), analyses))
    for revision, surface in tags.values_list("revision_id", "surface"):
        row = rows[by_revision[revision].event_id]
        row.terms += 1
        row.top_terms[" ".join(surface.lower().split())] += 1
    return sorted(rows.values(), key=lambda r: (r.when or date.max, r.event.pk))


def _label(row: EventRow) -> str:
    when = row.when.isoformat() if row.when else "undated"
    return f"{row.event.title} ({when}; n={row.n} art., {row.words:,} words)"


def density_over_time(outlet: Outlet, rows: list[EventRow]) -> Chart:
    """Loaded terms per 1,000 words per event, in time order, with Poisson intervals."""
    base = reverse("reports:workspace_spans", args=[outlet.workspace_id])
    rates = [r.rate for r in rows]
    trace = go.Scatter(
        mode="lines+markers",
        x=[_label(r) for r in rows],
        y=[round(x.rate, 3) for x in rates],
        error_y={
            "type": "data",
            "symmetric": False,
            "array": [round(x.high - x.rate, 3) for x in rates],
            "arrayminus": [round(x.rate - x.low, 3) for x in rates],
        },
        customdata=[f"{base}?outlet={outlet.pk}&event={r.event.pk}#kwic" for r in rows],
        marker={"size": 10, "color": "#D55E00"},
        hovertemplate="%{x}<br>%{y:.2f} loaded terms per 1,000 words<extra></extra>",
    )
    layout = base_layout(
        f"{outlet.name}: loaded terms per 1,000 words, event by event",
        height=360,
        xaxis={"automargin": True, "tickangle": -25},
        yaxis={"rangemode": "tozero"},
    )
    return Chart(
        "density",
        "Loaded terms per 1,000 words in this outlet's coverage of each event, oldest first; "
        "whiskers are exact 95% Poisson intervals. Click a point for the spans.",
        make_figure([trace], layout),
        ["Event", "Date", "Articles", "Words", "Terms", "Per 1,000", "95% low", "95% high"],
        [
            [
                *(r.event.title, r.when.isoformat() if r.when else "", r.n, r.words, r.terms),
                *(round(x.rate, 3), round(x.low, 3), round(x.high, 3)),
            ]
            for r, x in zip(rows, rates, strict=True)
        ],
    )


def frames_over_time(outlet: Outlet, rows: list[EventRow]) -> Chart:
    """Share of the outlet's sentences per dominant frame, event by event."""
    used = [d for d in POLICY_FRAMES if any(r.frames.get(d.key) for r in rows)]
    z = [
        [round(r.frames.get(d.key, 0) / r.sentences, 3) if r.sentences else 0 for d in used]
        for r in rows
    ]
    custom = [
        [
            reverse("reports:sentences", args=[r.event.pk])
            + "?"
            + urlencode({"outlet": outlet.pk, "frame": d.key})
            for d in used
        ]
        for r in rows
    ]
    figure = frame_share_heatmap(
        f"{outlet.name}: dominant frames, event by event",
        frames=[d.name for d in used],
        rows=[_label(r) for r in rows],
        z=z,
        links=custom,
        base_height=160,
    )
    return Chart(
        "frames",
        "Share of the outlet's sentences whose strongest policy frame is each frame, per event "
        "(oldest at the top). Click a cell for the sentences.",
        figure,
        ["Event", "Sentences", *[d.name for d in used]],
        [[r.event.title, r.sentences, *line] for r, line in zip(rows, z, strict=True)],
    )


PROFILE_CHARTS: dict[str, Any] = {"density": density_over_time, "frames": frames_over_time}
