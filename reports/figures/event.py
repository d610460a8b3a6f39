"""Charts of an event's summary: DataFrames in, compact plotly JSON out.

Every chart returns a ``Chart``: the figure as a plain dict (sent as JSON and drawn by
static/reports/charts.js), a one-line caption, a data table with the same numbers, and
evidence links on every mark (``customdata``) so a click opens the spans behind it.
Outlet labels always carry n (articles, words) so a rate never stands without its base.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from django.urls import reverse

from framing.engine.contrast import rates_per_1000
from reports.figures.base import (
    VOICES,
    Chart,
    ChartOptions,
    articles_frame,
    base_layout,
    frame_share_heatmap,
    make_figure,
    outlet_totals,
    sentences_url,
    spans_url,
    term_counts,
)
from reports.figures.vocabulary import distinctive_terms_chart


def frame_heatmap(event_id: int, payload: dict[str, Any], opts: ChartOptions) -> Chart:
    """Share of each outlet's sentences whose dominant policy frame is each frame."""
    articles = articles_frame(payload, opts)
    outlets = outlet_totals(articles)
    frames = payload["frames"]
    z, custom, rows = [], [], []
    for o in outlets.itertuples():
        mine = articles[articles["outlet"] == o.outlet]
        counts = {f["key"]: 0 for f in frames}
        # Unanalysed articles have no sentence count (NaN): they add nothing.
        total = int(mine["sentences"].fillna(0).sum()) if "sentences" in mine else 0
        for sf in mine["sentence_frames"]:
            for key, c in (sf or {}).items():
                if key in counts:
                    counts[key] += c
        shares = [counts[f["key"]] / total if total else 0.0 for f in frames]
        z.append([round(s, 3) for s in shares])
        custom.append([sentences_url(event_id, outlet=o.outlet, frame=f["key"]) for f in frames])
        rows.append([o.outlet_name, int(o.n), int(o.words), total, *z[-1]])
    figure = frame_share_heatmap(
        "Dominant frame per outlet",
        frames=[f["name"] for f in frames],
        rows=list(outlets["outlet_label"]),
        z=z,
        links=custom,
        base_height=140,
    )
    return Chart(
        "frames",
        "Share of each outlet's sentences whose strongest policy frame is the column's frame "
        "(sentences with no clear frame are left out). Click a cell for the sentences.",
        figure,
        ["Outlet", "Articles", "Words", "Sentences", *[f["name"] for f in frames]],
        rows,
    )


def term_density(event_id: int, payload: dict[str, Any], opts: ChartOptions) -> Chart:
    """Loaded terms per 1,000 words per outlet and category, with exact Poisson intervals."""
    articles = articles_frame(payload, opts)
    outlets = outlet_totals(articles)
    counts = term_counts(payload, articles, opts, by=1)
    present = {key for _, key in counts}
    labels = [label for label in payload["labels"] if label["key"] in present]
    outlet_list = list(outlets.itertuples())
    cells = [(o, label["key"]) for label in labels for o in outlet_list]
    # Every cell's interval in one call: a chi2 quantile call per cell took ~80 ms.
    rates = iter(
        rates_per_1000(
            [int(counts.get((o.outlet, key), 0)) for o, key in cells],
            [max(int(o.words), 1) for o, _ in cells],
        )
    )
    traces, rows = [], []
    for label in labels:
        key = label["key"]
        x, lo, hi, custom = [], [], [], []
        for o in outlet_list:
            rate = next(rates)
            x.append(round(rate.rate, 3))
            lo.append(round(rate.rate - rate.low, 3))
            hi.append(round(rate.high - rate.rate, 3))
            custom.append(spans_url(event_id, outlet=o.outlet, label=key, voice=opts.voice))
            rows.append(
                [
                    o.outlet_name,
                    label["name"],
                    rate.count,
                    int(o.words),
                    x[-1],
                    round(rate.low, 3),
                    round(rate.high, 3),
                ]
            )
        # A plain trace dict: the figure validates it once (a go.Bar here was validated
        # twice, a third of this chart after a decision); the JSON is the same.
        traces.append(
            {
                "type": "bar",
                "name": label["name"],
                "orientation": "h",
                "x": x,
                "y": list(outlets["outlet_label"]),
                "marker": {"color": label["colour"]},
                "error_x": {"type": "data", "symmetric": False, "array": hi, "arrayminus": lo},
                "customdata": custom,
                # The trace name, not the label spliced in: make_figure escapes names.
                "hovertemplate": (
                    "%{y}<br>%{fullData.name}: %{x:.2f} per 1,000 words<extra></extra>"
                ),
            }
        )
    voice = "all voices" if opts.voice == "all" else f"{opts.voice} voice only"
    layout = base_layout(
        f"Loaded terms per 1,000 words ({voice})",
        barmode="group",
        height=180 + 22 * len(outlets) * max(len(traces), 1),
        yaxis={"automargin": True, "autorange": "reversed"},
        legend={"orientation": "h", "y": -0.15},
    )
    return Chart(
        "density",
        f"Loaded terms per 1,000 words by outlet and category ({voice}); whiskers are exact "
        "95% Poisson intervals — overlapping whiskers mean the difference may be chance.",
        make_figure(traces, layout),
        ["Outlet", "Category", "Terms", "Words", "Per 1,000", "95% low", "95% high"],
        rows,
    )


def tone_by_outlet(event_id: int, payload: dict[str, Any], opts: ChartOptions) -> Chart:
    """Mean article tone per outlet with a t-free normal interval over its articles."""
    articles = articles_frame(payload, opts)
    analysed = articles[articles["tone"].notna()] if "tone" in articles else articles
    outlets = outlet_totals(articles)
    x, err, custom, rows = [], [], [], []
    for o in outlets.itertuples():
        tones = analysed.loc[analysed["outlet"] == o.outlet, "tone"].astype(float)
        mean = float(tones.mean()) if len(tones) else 0.0
        # One article has no spread to estimate: no whisker rather than a fake one.
        half = 1.96 * float(tones.std(ddof=1)) / len(tones) ** 0.5 if len(tones) > 1 else 0.0
        x.append(round(mean, 3))
        err.append(round(half, 3))
        custom.append(sentences_url(event_id, outlet=o.outlet, order="tone"))
        rows.append([o.outlet_name, int(o.n), int(o.words), x[-1], err[-1] or "n<2"])
    trace = go.Bar(
        orientation="h",
        x=x,
        y=list(outlets["outlet_label"]),
        error_x={"type": "data", "array": err},
        customdata=custom,
        marker_color=["#D55E00" if v < 0 else "#009E73" for v in x],
        hovertemplate="%{y}<br>mean tone %{x:.2f}<extra></extra>",
    )
    layout = base_layout(
        "Tone per outlet",
        height=140 + 34 * len(outlets),
        xaxis={"range": [-1, 1], "zeroline": True},
        yaxis={"automargin": True, "autorange": "reversed"},
    )
    return Chart(
        "tone",
        "Mean article tone per outlet (−1 hostile … +1 warm); whiskers are 95% intervals over "
        "the outlet's articles, absent when it has only one.",
        make_figure([trace], layout),
        ["Outlet", "Articles", "Words", "Mean tone", "± 95%"],
        rows,
    )


def _group_names(keys: list[str]) -> dict[str, str]:
    from framing.engine.contrast.groups import family_name

    return {k: f"{family_name(k[6:])} (group)" for k in keys if k.startswith("group:")}


def actor_tone(event_id: int, payload: dict[str, Any], opts: ChartOptions, top: int = 8) -> Chart:
    """Mean tone of sentences mentioning each main actor, per outlet."""
    articles = articles_frame(payload, opts)
    outlets = outlet_totals(articles)
    merge, kinds = payload.get("actor_merge", {}), payload.get("actor_kinds", {})
    # People, organisations, countries, blocs and groups of people; places ("other") are
    # where things happen, not actors whose treatment differs.
    counted = set(articles["id"].tolist())
    long = [
        (a["outlet"], merge.get(actor, actor), float(t))
        for a in payload["articles"]
        if a["id"] in counted
        for actor, t in (a.get("actor_tone") or {}).items()
        if actor.startswith("group:") or kinds.get(actor, "other") != "other"
    ]
    df = pd.DataFrame(long, columns=["outlet", "actor", "tone"])
    actors = list(df["actor"].value_counts().index[:top]) if not df.empty else []
    means = df.groupby(["outlet", "actor"])["tone"].mean() if not df.empty else {}
    names = {**payload.get("actors", {}), **_group_names(actors)}
    z, custom, rows = [], [], []
    for o in outlets.itertuples():
        line = [means.get((o.outlet, a)) if len(df) else None for a in actors]
        z.append([None if v is None else round(float(v), 3) for v in line])
        custom.append([sentences_url(event_id, outlet=o.outlet, actor=a) for a in actors])
        rows.append([o.outlet_name, *["" if v is None else v for v in z[-1]]])
    trace = go.Heatmap(
        z=z,
        x=[names.get(a, a) for a in actors],
        y=list(outlets["outlet_label"]),
        customdata=custom,
        colorscale="RdBu",
        zmin=-1,
        zmax=1,
        hovertemplate="%{y}<br>%{x}: tone %{z:.2f}<extra></extra>",
    )
    layout = base_layout(
        "Tone toward the main actors",
        height=140 + 34 * len(outlets),
        yaxis={"automargin": True, "autorange": "reversed"},
    )
    return Chart(
        "actors",
        "Mean tone of an outlet's sentences that mention each actor (blank: never mentioned).",
        make_figure([trace], layout),
        ["Outlet", *[names.get(a, a) for a in actors]],
        rows,
    )


def quote_sources(event_id: int, payload: dict[str, Any], opts: ChartOptions, top: int = 8):
    """Who each outlet quotes: quotes per speaker (top speakers, the rest pooled)."""
    articles = articles_frame(payload, opts)
    outlets = outlet_totals(articles)
    outlet_of = dict(zip(articles["id"].tolist(), articles["outlet"].tolist(), strict=True))
    names = payload.get("actors", {})
    # Plain Python over the quote rows: iterating pandas string columns cost ~150 ms.
    kept = [row for row in payload["quotes"] if row[0] in outlet_of]
    who = [names.get(row[2]) or row[2] or row[1] or "unnamed" for row in kept]
    # The evidence filter takes the stored actor key (or the surface name when there is none).
    keys = dict(zip(who, [row[2] or row[1] for row in kept], strict=True))
    q = pd.DataFrame({"outlet": [outlet_of[row[0]] for row in kept], "who": who})
    leaders = list(q["who"].value_counts().index[:top])
    q.loc[~q["who"].isin(leaders), "who"] = "others"
    counts = q.groupby(["outlet", "who"]).size()
    traces, rows = [], []
    for who in [*leaders, "others"]:
        x = [int(counts.get((o.outlet, who), 0)) for o in outlets.itertuples()]
        if not any(x):
            continue
        traces.append(
            go.Bar(
                name=who,
                orientation="h",
                x=x,
                y=list(outlets["outlet_label"]),
                customdata=[
                    sentences_url(event_id, outlet=o.outlet, speaker=keys.get(who, ""))
                    for o in outlets.itertuples()
                ],
                hovertemplate="%{y}<br>%{fullData.name}: %{x} quotes<extra></extra>",
            )
        )
    for o in outlets.itertuples():
        for who in [*leaders, "others"]:
            if counts.get((o.outlet, who), 0):
                rows.append([o.outlet_name, who, int(counts[(o.outlet, who)])])
    layout = base_layout(
        "Quote sources",
        barmode="stack",
        height=160 + 34 * len(outlets),
        yaxis={"automargin": True, "autorange": "reversed"},
        legend={"orientation": "h", "y": -0.2},
    )
    return Chart(
        "quotes",
        "How many quotes and reported statements each outlet gives to each speaker.",
        make_figure(traces, layout),
        ["Outlet", "Speaker", "Quotes"],
        rows,
    )


def timeline(event_id: int, payload: dict[str, Any], opts: ChartOptions) -> Chart:
    """When each article was published."""
    articles = articles_frame(payload, opts)
    dated = articles[articles["published"].astype(bool)] if not articles.empty else articles
    trace = go.Scatter(
        mode="markers",
        x=list(dated.get("published", [])),
        y=list(dated.get("outlet_label", [])),
        text=list(dated.get("title", [])),
        customdata=[reverse("article_detail", args=[i]) for i in dated.get("id", [])],
        marker={"size": 11, "color": "#0072B2"},
        hovertemplate="%{y}<br>%{x}: %{text}<extra></extra>",
    )
    layout = base_layout(
        "Publication timeline",
        height=140 + 30 * max(len(set(dated.get("outlet", []))), 1),
        yaxis={"automargin": True},
    )
    return Chart(
        "timeline",
        "Publication date of each article (articles without a date are not shown).",
        make_figure([trace], layout),
        ["Published", "Outlet", "Title"],
        [[r.published, r.outlet_name, r.title] for r in dated.itertuples()],
    )


def voice_shares(event_id: int, payload: dict[str, Any], opts: ChartOptions) -> Chart:
    """In whose voice each outlet's loaded terms appear: own, quoted or attributed."""
    articles = articles_frame(payload, opts)
    outlets = outlet_totals(articles)
    counts = term_counts(payload, articles, ChartOptions(opts.include_republications), by=2)
    colours = {"own": "#D55E00", "quoted": "#0072B2", "attributed": "#56B4E9"}
    traces, rows = [], []
    for voice in VOICES:
        x, custom = [], []
        for o in outlets.itertuples():
            total = int(sum(counts.get((o.outlet, v), 0) for v in VOICES))
            n = int(counts.get((o.outlet, voice), 0))
            x.append(round(n / total, 3) if total else 0.0)
            custom.append(spans_url(event_id, outlet=o.outlet, voice=voice))
            rows.append([o.outlet_name, voice, n, total])
        traces.append(  # a plain trace dict, as in term_density
            {
                "type": "bar",
                "name": voice,
                "orientation": "h",
                "x": x,
                "y": list(outlets["outlet_label"]),
                "marker": {"color": colours[voice]},
                "customdata": custom,
                "hovertemplate": (
                    "%{y}<br>%{fullData.name}: %{x:.0%} of loaded terms<extra></extra>"
                ),
            }
        )
    layout = base_layout(
        "Whose voice carries the loaded terms",
        barmode="stack",
        height=160 + 34 * len(outlets),
        xaxis={"tickformat": ".0%", "range": [0, 1]},
        yaxis={"automargin": True, "autorange": "reversed"},
        legend={"orientation": "h", "y": -0.2},
    )
    return Chart(
        "voice",
        "Share of each outlet's loaded terms said in its own voice, inside quotes, or in "
        "reported speech (see the table for counts).",
        make_figure(traces, layout),
        ["Outlet", "Voice", "Terms", "All terms"],
        rows,
    )


CHARTS: dict[str, Callable[..., Chart]] = {
    "frames": frame_heatmap,
    "density": term_density,
    "voice": voice_shares,
    "tone": tone_by_outlet,
    "actors": actor_tone,
    "quotes": quote_sources,
    "timeline": timeline,
    "vocabulary": distinctive_terms_chart,
}
