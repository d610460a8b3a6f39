"""Static SVG of the comparison charts, drawn from their plotly JSON by our own code.

PDF and DOCX need charts as vector (or raster) images without a browser. Plotly's static
export (kaleido) drives a headless Chromium: measured here at 4.8 s to start plus about
0.3 s a chart on the 2-core machine (bench/README.md), which alone would take most of the
PDF's 10 s budget. The charts are horizontal bars (grouped or stacked, with whiskers),
heatmaps and a date scatter, so drawing them is short; this takes milliseconds.

Strings in a figure are plotly-escaped (``reports.figures.base.plotly_escape``); they are
unescaped to the user's text and escaped again for XML, so a hostile name stays text.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from html import escape
from typing import Any

PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000")
FONT = "DejaVu Sans, Arial, sans-serif"
CHAR_W = 6.3  # average width of a 11 px character, to size label columns
LABEL_MAX = 48


# Characters XML 1.0 refuses: dropped, or the SVG would not parse.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _raw(text: Any) -> str:
    """The user's text from a plotly-escaped string (exact inverse of plotly_escape)."""
    s = _NOT_XML.sub("", "" if text is None else str(text))
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _x(text: Any, limit: int = LABEL_MAX) -> str:
    s = _raw(text)
    if len(s) > limit:
        s = s[: limit - 1] + "…"
    return escape(s, quote=True)


def chart_svg(figure: dict[str, Any], *, width: int = 720) -> str:
    """The figure as one standalone ``<svg>`` element (UTF-8 text)."""
    traces = figure.get("data", [])
    layout = figure.get("layout", {})
    kinds = {t.get("type", "scatter") for t in traces}
    if "heatmap" in kinds:
        body, height = _heatmap(traces[0], layout, width)
    elif "bar" in kinds:
        body, height = _bars(traces, layout, width)
    else:
        body, height = _scatter(traces, layout, width)
    title = _x(((layout.get("title") or {}).get("text")), 90)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="{FONT}" font-size="11">'
        f'<rect width="{width}" height="{height}" fill="#fff"/>'
        f'<text x="8" y="20" font-size="14" font-weight="bold">{title}</text>{body}</svg>'
    )


def _label_width(labels: list[str]) -> float:
    longest = max((min(len(_raw(s)), LABEL_MAX) for s in labels), default=4)
    return min(12 + longest * CHAR_W, 300)


def _nice_ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    if hi <= lo:
        hi = lo + 1
    raw = (hi - lo) / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    start = math.ceil(lo / step - 1e-9) * step
    ticks, v = [], start
    while v <= hi + 1e-9:
        ticks.append(round(v, 10))
        v += step
    return ticks


def _fmt(v: float, percent: bool) -> str:
    if percent:
        return f"{100 * v:.0f}%"
    return f"{v:g}" if abs(v) >= 0.01 or v == 0 else f"{v:.2g}"


def _category(y: Any) -> str:
    return " · ".join(_raw(p) for p in y) if isinstance(y, list | tuple) else _raw(y)


SEP = "\x00"  # between a category's shown text and what keeps it apart from its twins


def _ys(trace: dict[str, Any]) -> list[str]:
    y = trace.get("y") or []
    if y and isinstance(y[0], list | tuple):  # plotly multicategory: [[outer…], [inner…]]
        # The inner label is shown; the outer (the trace's outlet) is in the legend.
        return [f"{_raw(b)}{SEP}{_raw(a)}" for a, b in zip(*y, strict=False)]
    return [_category(v) for v in y]


def _shown(category: str) -> str:
    return category.split(SEP, 1)[0]


def _colour(trace: dict[str, Any], k: int, i: int) -> str:
    c = (trace.get("marker") or {}).get("color")
    if isinstance(c, list):
        return escape(str(c[i % len(c)]))
    return escape(str(c)) if c else PALETTE[k % len(PALETTE)]


def _errors(trace: dict[str, Any], n: int) -> tuple[list[float], list[float]]:
    err = trace.get("error_x") or {}
    plus = list(err.get("array") or [0] * n)
    minus = list(err.get("arrayminus") or plus) if err.get("symmetric") is False else plus
    return [float(v or 0) for v in plus], [float(v or 0) for v in minus]


def _bars(traces: list[dict], layout: dict, width: int) -> tuple[str, int]:
    bars = [t for t in traces if t.get("type") == "bar"]
    cats: list[str] = []
    for t in bars:
        cats += [c for c in _ys(t) if c not in cats]
    stack = layout.get("barmode") == "stack"
    xaxis = layout.get("xaxis") or {}
    percent = xaxis.get("tickformat") == ".0%"
    sums: dict[str, list[float]] = {c: [0.0, 0.0] for c in cats}
    lo, hi = 0.0, 0.0
    for t in bars:
        plus, minus = _errors(t, len(t.get("x") or []))
        for i, (c, v) in enumerate(zip(_ys(t), t.get("x") or [], strict=False)):
            v = float(v or 0)
            if stack:
                sums[c][v < 0] += v
                lo, hi = min(lo, sums[c][1]), max(hi, sums[c][0])
            else:
                lo, hi = min(lo, v - minus[i]), max(hi, v + plus[i])
    if xaxis.get("range"):
        lo, hi = (float(v) for v in xaxis["range"])
    ticks = _nice_ticks(lo, hi)
    lo, hi = min(lo, ticks[0]), max(hi, ticks[-1])
    left = _label_width([_shown(c) for c in cats])
    plot_w = width - left - 20
    multi = any(SEP in c for c in cats)  # each trace has its own rows: no sub-bands
    band = 24 if stack or multi else 12 * len(bars) + 8
    top = 34
    plot_h = band * len(cats)

    def px(v: float) -> float:
        return left + (v - lo) / (hi - lo) * plot_w

    out = [_grid(ticks, px, top, plot_h, percent)]
    for j, c in enumerate(cats):
        y = top + j * band + band / 2 + 4
        out.append(f'<text x="{left - 6}" y="{y:.1f}" text-anchor="end">{_x(_shown(c))}</text>')
    offset: dict[str, list[float]] = {c: [0.0, 0.0] for c in cats}
    for k, t in enumerate(bars):
        plus, minus = _errors(t, len(t.get("x") or []))
        for i, (c, v) in enumerate(zip(_ys(t), t.get("x") or [], strict=False)):
            v = float(v or 0)
            j = cats.index(c)
            if stack:
                base = offset[c][v < 0]
                offset[c][v < 0] += v
                y0, h = top + j * band + 3, band - 6
            elif multi:
                base = 0.0
                y0, h = top + j * band + 5, 14
            else:
                base = 0.0
                y0, h = top + j * band + 4 + k * 12, 11
            x0, x1 = sorted((px(base), px(base + v)))
            out.append(
                f'<rect x="{x0:.1f}" y="{y0:.1f}" width="{max(x1 - x0, 0.5):.1f}" '
                f'height="{h}" fill="{_colour(t, k, i)}"/>'
            )
            if not stack and (plus[i] or minus[i]):
                ym = y0 + h / 2
                a, b = px(v - minus[i]), px(v + plus[i])
                out.append(
                    f'<path d="M{a:.1f} {ym:.1f}H{b:.1f}M{a:.1f} {ym - 3:.1f}V{ym + 3:.1f}'
                    f'M{b:.1f} {ym - 3:.1f}V{ym + 3:.1f}" stroke="#333" fill="none"/>'
                )
    out += _shapes(layout, px, top, plot_h)
    height = top + plot_h + 26
    axis_title = _x(((xaxis.get("title") or {}).get("text")), 90)
    if axis_title:
        out.append(
            f'<text x="{left + plot_w / 2:.0f}" y="{height}" text-anchor="middle">'
            f"{axis_title}</text>"
        )
        height += 14
    legend, lh = _legend(bars, {} if multi else layout, width, height)
    return "".join(out) + legend, height + lh + 6


def _grid(ticks: list[float], px, top: float, plot_h: float, percent: bool) -> str:
    out = []
    for v in ticks:
        x = px(v)
        colour = "#999" if v == 0 else "#e5e5e5"
        out.append(
            f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + plot_h}" stroke="{colour}"/>'
            f'<text x="{x:.1f}" y="{top + plot_h + 14}" text-anchor="middle" fill="#555">'
            f"{_fmt(v, percent)}</text>"
        )
    return "".join(out)


def _shapes(layout: dict, px, top: float, plot_h: float) -> list[str]:
    out = []
    for s in layout.get("shapes") or []:
        if s.get("type") == "line" and s.get("x0") == s.get("x1"):
            x = px(float(s["x0"]))
            out.append(
                f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + plot_h}" '
                'stroke="#777" stroke-dasharray="3 3"/>'
            )
    return out


def _legend(traces: list[dict], layout: dict, width: int, y: float) -> tuple[str, int]:
    if layout.get("showlegend") is False or len(traces) < 2:
        return "", 0
    out, x, row = [], 8.0, 0
    for k, t in enumerate(traces):
        name = _x(t.get("name"), 40)
        w = 22 + len(_raw(t.get("name"))[:40]) * CHAR_W
        if x + w > width - 8:
            x, row = 8.0, row + 1
        yy = y + 10 + row * 16
        out.append(
            f'<rect x="{x:.1f}" y="{yy - 9:.1f}" width="10" height="10" fill="{_colour(t, k, 0)}"/>'
            f'<text x="{x + 14:.1f}" y="{yy:.1f}">{name}</text>'
        )
        x += w
    return "".join(out), 16 * (row + 1) + 4


def _scale_colour(scale: list, t: float) -> str:
    t = min(max(t, 0.0), 1.0)
    for (p0, c0), (p1, c1) in itertools.pairwise(scale):
        if t <= p1:
            f = 0 if p1 == p0 else (t - p0) / (p1 - p0)
            a, b = _rgb(c0), _rgb(c1)
            return "rgb({},{},{})".format(
                *(round(u + (v - u) * f) for u, v in zip(a, b, strict=True))
            )
    return escape(str(scale[-1][1]))


def _rgb(c: str) -> tuple[int, int, int]:
    if c.startswith("#"):
        return int(c[1:3], 16), int(c[3:5], 16), int(c[5:7], 16)
    r, g, b = (int(float(v)) for v in c[c.index("(") + 1 : c.index(")")].split(",")[:3])
    return r, g, b


def _heatmap(trace: dict, layout: dict, width: int) -> tuple[str, int]:
    xs = [_raw(v) for v in trace.get("x") or []]
    ys = _ys(trace)
    z = trace.get("z") or []
    flat = [v for row in z for v in row if v is not None]
    zmin = trace.get("zmin", min(flat, default=0))
    zmax = trace.get("zmax", max(flat, default=1))
    if zmax == zmin:
        zmax = zmin + 1
    scale = trace.get("colorscale") or [[0, "#f7fbff"], [1, "#08306b"]]
    percent = ((trace.get("colorbar") or {}).get("tickformat")) == ".0%"
    left = _label_width(ys)
    cols = max(len(xs), 1)
    cell_w = (width - left - 20) / cols
    cell_h = 26
    top = 34
    out = []
    for j, row in enumerate(z):
        y = top + j * cell_h
        name = _x(ys[j] if j < len(ys) else "")
        out.append(f'<text x="{left - 6}" y="{y + 17}" text-anchor="end">{name}</text>')
        for i, v in enumerate(row):
            x = left + i * cell_w
            box = f'x="{x:.1f}" y="{y}" width="{cell_w - 1:.1f}" height="{cell_h - 1}"'
            if v is None:
                out.append(f'<rect {box} fill="#f2f2f2"/>')
                continue
            fill = _scale_colour(scale, (float(v) - zmin) / (zmax - zmin))
            ink = "#fff" if _dark(fill) else "#111"
            text = _fmt(float(v), True) if percent else f"{float(v):+.2f}"
            out.append(
                f'<rect {box} fill="{fill}"/><text x="{x + cell_w / 2:.1f}" y="{y + 17}" '
                f'text-anchor="middle" fill="{ink}">{text}</text>'
            )
    base = top + len(z) * cell_h + 8
    longest = max((min(len(s), 28) for s in xs), default=4)
    for i, name in enumerate(xs):
        x = left + i * cell_w + cell_w / 2
        out.append(
            f'<text transform="translate({x:.1f},{base + 4}) rotate(-35)" text-anchor="end">'
            f"{_x(name, 28)}</text>"
        )
    return "".join(out), int(base + 12 + longest * CHAR_W * 0.6)


def _dark(fill: str) -> bool:
    if not fill.startswith("rgb("):
        return False
    r, g, b = _rgb(fill)
    return 0.299 * r + 0.587 * g + 0.114 * b < 128


def _scatter(traces: list[dict], layout: dict, width: int) -> tuple[str, int]:
    points = []
    for t in traces:
        for x, y in zip(t.get("x") or [], _ys(t), strict=False):
            try:
                points.append((dt.date.fromisoformat(str(x)[:10]), y))
            except ValueError:
                continue
    cats = list(dict.fromkeys(y for _, y in points))
    if not points:
        return '<text x="8" y="50">No dated articles.</text>', 70
    first, last = min(p[0] for p in points), max(p[0] for p in points)
    first, last = first - dt.timedelta(days=1), last + dt.timedelta(days=1)
    days = (last - first).days
    left = _label_width(cats)
    plot_w = width - left - 44  # room for the last date's label
    band, top = 26, 34
    plot_h = band * len(cats)

    def px(d: dt.date) -> float:
        return left + (d - first).days / days * plot_w

    out = []
    step = max(1, math.ceil(days / 6))
    for k in range(0, days + 1, step):
        d = first + dt.timedelta(days=k)
        x = px(d)
        out.append(
            f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + plot_h}" stroke="#e5e5e5"/>'
            f'<text x="{x:.1f}" y="{top + plot_h + 14}" text-anchor="middle" fill="#555">'
            f"{d.isoformat()}</text>"
        )
    for j, c in enumerate(cats):
        out.append(
            f'<text x="{left - 6}" y="{top + j * band + 17}" text-anchor="end">{_x(c)}</text>'
        )
    for d, y in points:
        cy = top + cats.index(y) * band + 13
        out.append(f'<circle cx="{px(d):.1f}" cy="{cy}" r="5" fill="#0072B2" fill-opacity="0.8"/>')
    return "".join(out), top + plot_h + 24
