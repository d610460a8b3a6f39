from __future__ import annotations

import pytest

from framing.engine.contrast import rate_per_1000
from reports.figures import ChartOptions, frame_heatmap, term_density, tone_by_outlet
from reports.summary import event_summary
from tests.factories import make_article


def _trace(chart, name):
    return next(t for t in chart.figure["data"] if t.get("name") == name)


def test_density_is_terms_per_1000_words_with_poisson_interval(analysed):
    event = analysed["event"]
    chart = term_density(event.pk, event_summary(event), ChartOptions())
    trace = _trace(chart, "Pejorative label / name-calling")
    wire = trace["y"].index(next(y for y in trace["y"] if y.startswith("Wire")))
    expected = rate_per_1000(1, 21)
    assert trace["x"][wire] == pytest.approx(expected.rate, abs=1e-3)
    assert trace["error_x"]["array"][wire] == pytest.approx(expected.high - expected.rate, abs=1e-3)


def test_density_in_own_voice_leaves_out_attributed_terms(analysed):
    event = analysed["event"]
    chart = term_density(event.pk, event_summary(event), ChartOptions(voice="own"))
    counts = {(r[0], r[1]): r[2] for r in chart.rows}
    assert counts[("Wire", "Pejorative label / name-calling")] == 0
    assert counts[("State Agency", "Pejorative label / name-calling")] == 1


def test_every_outlet_label_shows_articles_and_words(analysed):
    event = analysed["event"]
    chart = frame_heatmap(event.pk, event_summary(event), ChartOptions())
    assert sorted(chart.figure["data"][0]["y"]) == [
        "State Agency (n=1 art., 20 words)",
        "Wire (n=1 art., 21 words)",
    ]


def test_frame_heatmap_gives_share_of_sentences_per_frame(analysed):
    event = analysed["event"]
    chart = frame_heatmap(event.pk, event_summary(event), ChartOptions())
    header = chart.columns
    wire = next(r for r in chart.rows if r[0] == "Wire")
    assert wire[header.index("Economic")] == pytest.approx(1 / 3, abs=1e-3)
    assert wire[header.index("Security and defence")] == pytest.approx(2 / 3, abs=1e-3)


def test_frame_cells_link_to_their_sentences(analysed):
    event = analysed["event"]
    chart = frame_heatmap(event.pk, event_summary(event), ChartOptions())
    links = [u for row in chart.figure["data"][0]["customdata"] for u in row]
    assert any("frame=economic" in u and f"outlet={analysed['wire'].outlet_id}" in u for u in links)


def test_republished_copy_does_not_double_an_outlet_unless_asked(analysed):
    event = analysed["event"]
    make_article(
        event=event,
        outlet=analysed["wire"].outlet,
        text="Copy of the wire report.",
        republication_of=analysed["wire"],
    )
    payload = event_summary(event)
    once = tone_by_outlet(event.pk, payload, ChartOptions())
    twice = tone_by_outlet(event.pk, payload, ChartOptions(include_republications=True))
    assert [r[1] for r in once.rows if r[0] == "Wire"] == [1]
    assert [r[1] for r in twice.rows if r[0] == "Wire"] == [2]


def test_tone_interval_is_absent_for_a_single_article(analysed):
    event = analysed["event"]
    chart = tone_by_outlet(event.pk, event_summary(event), ChartOptions())
    assert list(chart.figure["data"][0]["error_x"]["array"]) == [0.0, 0.0]


def test_voice_shares_split_each_outlets_terms_by_voice(analysed):
    from reports.figures import voice_shares

    event = analysed["event"]
    chart = voice_shares(event.pk, event_summary(event), ChartOptions())
    counts = {(r[0], r[1]): r[2] for r in chart.rows}
    assert counts[("Wire", "attributed")] == 1 and counts[("Wire", "own")] == 0
    assert counts[("State Agency", "own")] == 2


def _json(figure) -> str:
    import json

    from plotly.utils import PlotlyJSONEncoder

    return json.dumps(figure, cls=PlotlyJSONEncoder)


def test_make_figure_is_plotlys_own_figure_json_escaped_key_for_key():
    import plotly.graph_objects as go

    from reports.figures.base import _escape_strings, base_layout, make_figure

    traces = [
        go.Bar(name="<b>A</b> & co", x=[1.5], y=["x"], marker_color="#aa0000"),
        go.Heatmap(z=[[0.1]], x=["f"], y=["<i>o</i>"], customdata=[["/s?a=1&b=2"]]),
    ]
    layout = base_layout("Title <script>", height=200, yaxis={"automargin": True})
    expected = _escape_strings(go.Figure(data=traces, layout=layout).to_plotly_json())
    assert _json(make_figure(traces, layout)) == _json(expected)
    assert "<script>" not in _json(make_figure(traces, layout))


def test_a_trace_dict_draws_the_same_figure_as_its_graph_object():
    import plotly.graph_objects as go

    from reports.figures.base import base_layout, make_figure

    layout = base_layout("T", barmode="group")
    args = {"name": "n", "orientation": "h", "x": [1.0], "y": ["a"], "customdata": ["/u"]}
    error = {"type": "data", "symmetric": False, "array": [0.1], "arrayminus": [0.2]}
    as_object = go.Bar(**args, marker_color="#112233", error_x=error)
    as_dict = {"type": "bar", **args, "marker": {"color": "#112233"}, "error_x": error}
    assert _json(make_figure([as_dict], layout)) == _json(make_figure([as_object], layout))
