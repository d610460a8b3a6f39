"""Shared pieces of every chart: the Chart record, options, DataFrames and evidence URLs."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from django.urls import reverse

from reports.summary import counted_articles

VOICES = ("own", "quoted", "attributed")


@dataclass
class Chart:
    key: str
    caption: str
    figure: dict[str, Any]
    columns: list[str]
    rows: list[list[Any]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "caption": self.caption,
            "figure": self.figure,
            "table": {"columns": self.columns, "rows": self.rows},
        }


@dataclass(frozen=True)
class ChartOptions:
    include_republications: bool = False
    voice: str = "all"  # "all" or one of VOICES


# The last frames built, with the lists they came from (held, so identities stay unique).
_FRAMES: list[tuple[list, dict, bool, pd.DataFrame]] = []


def articles_frame(payload: dict[str, Any], opts: ChartOptions) -> pd.DataFrame:
    """One row per counted article with its outlet's name and n-labelled display name.

    Shared by every chart of one summary version (callers only read it): built once per
    process while the summary's article rows and outlets are the same objects."""
    articles, outlets = payload["articles"], payload["outlets"]
    include = opts.include_republications
    for rows, names, flag, frame in _FRAMES:
        if rows is articles and names is outlets and flag == include:
            return frame
    frame = _articles_frame(payload, opts)
    _FRAMES.insert(0, (articles, outlets, include, frame))
    del _FRAMES[4:]
    return frame


def _articles_frame(payload: dict[str, Any], opts: ChartOptions) -> pd.DataFrame:
    keep = counted_articles(payload, include_republications=opts.include_republications)
    df = pd.DataFrame([a for a in payload["articles"] if a["id"] in keep])
    if df.empty:
        return pd.DataFrame(columns=["id", "outlet", "words", "outlet_name", "outlet_label"])
    names = {int(k): v["name"] for k, v in payload["outlets"].items()}
    df["outlet_name"] = df["outlet"].map(names)
    totals = df.groupby("outlet").agg(n=("id", "size"), words=("words", "sum"))
    df["outlet_label"] = df["outlet"].map(
        {o: f"{names[o]} (n={r.n} art., {r.words:,} words)" for o, r in totals.iterrows()}
    )
    return df


# The last outlet tables built, with the article frames they came from (held, see _FRAMES).
_TOTALS: list[tuple[pd.DataFrame, pd.DataFrame]] = []


def outlet_totals(articles: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: name, label, articles, words; in order of first publication.

    Callers only read it: built once per article frame (a chart rebuilt after a decision
    reads the same frame, and grouping it again was a quarter of that chart)."""
    for frame, totals in _TOTALS:
        if frame is articles:
            return totals
    totals = _outlet_totals(articles)
    _TOTALS.insert(0, (articles, totals))
    del _TOTALS[4:]
    return totals


def _outlet_totals(articles: pd.DataFrame) -> pd.DataFrame:
    if articles.empty:
        return pd.DataFrame(columns=["outlet", "outlet_name", "outlet_label", "n", "words"])
    return (
        articles.groupby(["outlet", "outlet_name", "outlet_label"], sort=False)
        .agg(n=("id", "size"), words=("words", "sum"))
        .reset_index()
    )


# The last term counts, by article frame, column and voice, with the per-article parts of the
# term rows they were counted from (held, so identities stay unique).
_TALLIES: list[tuple[pd.DataFrame, int, str, tuple, Counter]] = []
RECOUNT_PARTS = 50  # more changed articles than this: count every row again


def term_counts(
    payload: dict[str, Any], articles: pd.DataFrame, opts: ChartOptions, *, by: int
) -> Counter:
    """Term rows of the counted articles (of ``opts.voice``) per (outlet, column ``by`` of
    the row: 1 category, 2 voice), counted in plain Python: no frame of thousands of rows is
    built just to be grouped (a chart rebuilt after a decision paid that every time).

    Callers only read the result. When the rows are the summary's per-article parts
    (``summary_store.TermRows``) and this process counted them before with the same article
    frame, only the articles whose rows changed (a decision: one) are counted again."""
    outlet_of = dict(zip(articles["id"].tolist(), articles["outlet"].tolist(), strict=True))
    voice, terms = opts.voice, payload["terms"]
    parts = getattr(terms, "parts", None)
    if parts is None:
        return _count(terms, outlet_of, by, voice)
    last = next((t for t in _TALLIES if t[0] is articles and t[1:3] == (by, voice)), None)
    counts = None
    if last is not None and len(last[3]) == len(parts):
        changed = [i for i, part in enumerate(parts) if part is not last[3][i]]
        if len(changed) <= RECOUNT_PARTS:
            counts = Counter(last[4])
            for i in changed:
                counts.subtract(_count(last[3][i], outlet_of, by, voice))
                counts.update(_count(parts[i], outlet_of, by, voice))
            counts = Counter({k: n for k, n in counts.items() if n})  # as a fresh count
    if counts is None:
        counts = _count(terms, outlet_of, by, voice)
    _TALLIES.insert(0, (articles, by, voice, parts, counts))
    del _TALLIES[8:]
    return counts


def _count(terms: list, outlet_of: dict[int, int], by: int, voice: str) -> Counter:
    return Counter(
        (outlet_of[t[0]], t[by])
        for t in terms
        if t[0] in outlet_of and (voice == "all" or t[2] == voice)
    )


def terms_frame(payload: dict[str, Any], articles: pd.DataFrame, opts: ChartOptions):
    """The counted articles' term rows (of ``opts.voice``): article, category, voice, outlet.

    Only the columns the charts count by, filtered and joined in plain Python: every column
    of tens of thousands of rows through pandas' ``isin`` and ``merge`` was most of a chart
    request."""
    outlet_of = dict(zip(articles["id"].tolist(), articles["outlet"].tolist(), strict=True))
    voice = opts.voice
    kept = [t for t in payload["terms"] if t[0] in outlet_of and (voice == "all" or t[2] == voice)]
    return pd.DataFrame(
        {
            "article": [t[0] for t in kept],
            "category": [t[1] for t in kept],
            "voice": [t[2] for t in kept],
            "outlet": [outlet_of[t[0]] for t in kept],
        }
    )


def base_layout(title: str, **extra: Any) -> dict[str, Any]:
    base = {
        "title": {"text": title, "font": {"size": 15}},
        "margin": {"l": 10, "r": 10, "t": 40, "b": 40},
        "font": {"family": "system-ui, sans-serif", "size": 12},
        "plot_bgcolor": "#ffffff",
        "paper_bgcolor": "#ffffff",
    }
    base.update(extra)
    return base


# Keys whose strings are ours, not the user's: templates written with markup on purpose, and
# the evidence URLs that charts.js follows on click (escaping their "&" would break them).
UNESCAPED_KEYS = frozenset({"hovertemplate", "texttemplate", "customdata"})


def plotly_escape(text: str) -> str:
    """Make a user string inert in plotly text: plotly renders a subset of HTML (links, <br>,
    <b>…) in labels, hover text and titles, and decodes these entities back for display."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_strings(value: Any) -> Any:
    if isinstance(value, str):
        return plotly_escape(value)
    if isinstance(value, dict):
        return {k: _escape_value(k, v, value) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_escape_strings(v) for v in value]
    if isinstance(value, np.ndarray) and value.dtype == object:
        return [_escape_strings(v) for v in value.tolist()]
    return value


def _escape_value(key: str, value: Any, owner: dict[str, Any]) -> Any:
    # customdata is only shown when a hovertemplate asks for it; then it is text too.
    if key == "customdata" and "%{customdata" in str(owner.get("hovertemplate", "")):
        return _escape_strings(value)
    return value if key in UNESCAPED_KEYS else _escape_strings(value)


def make_figure(traces: list[Any], layout: dict[str, Any]) -> dict[str, Any]:
    """The figure as plotly JSON with every string escaped except our own templates and links,
    so a name such as ``<a href=…>`` shows as typed instead of becoming a link.

    User strings written into a hovertemplate must go through ``plotly_escape`` first.
    """
    # to_plotly_json keeps numpy arrays; the view's JSON encoder (plotly's) turns them into lists.
    if "template" in layout:
        return _escape_strings(go.Figure(data=traces, layout=layout).to_plotly_json())
    # The default template (every trace type's styling) is the same for every chart: built
    # once and put last, where plotly puts it. Validating and copying it was half a figure.
    figure = go.Figure(data=traces, layout={**layout, "template": "none"}).to_plotly_json()
    figure["layout"] = {k: v for k, v in figure["layout"].items() if k != "template"}
    figure["layout"]["template"] = _default_template()
    return _escape_strings(figure)  # new containers throughout: the template is never shared


@lru_cache(maxsize=1)
def _default_template() -> dict[str, Any]:
    return go.Figure().to_plotly_json()["layout"]["template"]


def spans_url(event_id: int, **params: Any) -> str:
    query = urlencode({k: v for k, v in params.items() if v not in (None, "", "all")})
    return f"{_page_url('reports:spans', event_id)}?{query}"


def sentences_url(event_id: int, **params: Any) -> str:
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return f"{_page_url('reports:sentences', event_id)}?{query}"


@lru_cache(maxsize=256)
def _page_url(name: str, event_id: int) -> str:
    # A chart links hundreds of cells to one page; reverse() each time was ~15 % of a chart.
    return reverse(name, args=[event_id])


def frame_share_heatmap(
    title: str,
    *,
    frames: list[str],
    rows: list[str],
    z: list[list[float]],
    links: list[list[str]],
    base_height: int,
) -> dict[str, Any]:
    """A rows × frames heatmap of sentence shares (0–1), each cell linking to its sentences.

    Shared by the event's per-outlet chart and the outlet profile's per-event chart, so the
    two read the same way.
    """
    trace = go.Heatmap(
        z=z,
        x=frames,
        y=rows,
        customdata=links,
        colorscale="Blues",
        zmin=0,
        colorbar={"tickformat": ".0%"},
        hovertemplate="%{y}<br>%{x}: %{z:.0%} of sentences<extra></extra>",
    )
    layout = base_layout(
        title,
        height=base_height + 34 * len(rows),
        yaxis={"automargin": True, "autorange": "reversed"},
        xaxis={"automargin": True, "tickangle": -35},
    )
    return make_figure([trace], layout)
