"""Distinctive vocabulary as a chart: each outlet's top terms by z-score, bars linked to the
sentences that use the term."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from reports.figures.base import Chart, ChartOptions, base_layout, make_figure, sentences_url

CHART_TOP = 8  # terms per outlet on the chart; the vocabulary page's tables show more

# Okabe–Ito, colour-blind-safe, one per outlet in turn.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000")


def distinctive_terms_chart(event_id: int, payload: dict[str, Any], opts: ChartOptions) -> Chart:
    """Top distinctive terms per outlet (``payload["vocabulary"]``, computed by
    ``reports.summary.event_vocabulary``), as horizontal bars of their z-scores."""
    traces, rows = [], []
    for k, v in enumerate(payload.get("vocabulary", [])):
        terms = v["terms"][:CHART_TOP]
        if not terms:
            continue
        label = f"{v['name']} (n={v['n']} art.)"
        traces.append(
            go.Bar(
                name=label,
                orientation="h",
                x=[t["z"] for t in terms],
                y=[[label] * len(terms), [t["term"] for t in terms]],
                marker_color=PALETTE[k % len(PALETTE)],
                customdata=[
                    sentences_url(event_id, outlet=v["outlet"], term=t["term"]) for t in terms
                ],
                text=[f"{t['count']} vs {t['rest']}" for t in terms],
                hovertemplate="%{y}<br>z = %{x:.2f} (uses here vs in the other outlets: "
                "%{text})<extra></extra>",
            )
        )
        rows += [
            [v["name"], t["term"], t["z"], t["count"], t["rest"], t["rate"], t["rate_rest"]]
            for t in terms
        ]
    layout = base_layout(
        "Distinctive terms per outlet",
        height=160 + 20 * len(rows),
        yaxis={"automargin": True, "autorange": "reversed"},
        xaxis={"title": {"text": "z-score (log-odds, informative Dirichlet prior)"}},
        showlegend=False,
        shapes=[
            {
                "type": "line",
                "x0": 1.96,
                "x1": 1.96,
                "yref": "paper",
                "y0": 0,
                "y1": 1,
                "line": {"dash": "dot", "color": "#777"},
            }
        ],
    )
    return Chart(
        "vocabulary",
        "Words and phrases each outlet uses more than the others in this event, by z-score; "
        "right of the dotted line (z > 1.96) chance alone is unlikely. Republished copies are "
        "counted once. Click a bar for the sentences.",
        make_figure(traces, layout),
        ["Outlet", "Term", "z", "Count", "Others", "Per 1,000", "Others per 1,000"],
        rows,
    )
