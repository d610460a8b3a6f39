"""User-written names must not become markup in plotly charts (plotly renders <a href> etc.)."""

from __future__ import annotations

import datetime
import json

import pytest
from django.urls import reverse
from plotly.utils import PlotlyJSONEncoder

from articles.models import Article
from reports.figures import CHARTS, ChartOptions
from reports.profile import PROFILE_CHARTS, outlet_profile
from reports.summary import event_summary
from tests.reports.helpers import client_for

HOSTILE = '<a href="https://evil.example/x">Click</a> & co'


@pytest.fixture
def hostile(analysed):
    """The analysed event with a hostile outlet name, article title, event title and speaker."""
    wire = analysed["wire"]
    wire.outlet.name = HOSTILE
    wire.outlet.save()
    Article.objects.filter(pk=wire.pk).update(
        title=HOSTILE, published_date=datetime.date(2026, 6, 2)
    )
    analysed["event"].title = HOSTILE
    analysed["event"].save()
    return analysed


def _hostile_payload(event):
    payload = event_summary(event)
    # Codebook labels and actor names are user-editable too.
    payload["labels"] = [{**lab, "name": HOSTILE} for lab in payload["labels"]]
    payload["actors"] = {key: HOSTILE for key in payload.get("actors", {})}
    payload["quotes"] = [[q[0], HOSTILE, "", *q[3:]] for q in payload["quotes"]]
    for a in payload["articles"]:
        a["actor_tone"] = {"hostile_actor": -0.5}
    payload["actors"]["hostile_actor"] = HOSTILE
    return payload


def _dumped(chart) -> str:
    return json.dumps(chart.figure, cls=PlotlyJSONEncoder)


def test_plotly_escape_makes_markup_inert():
    from reports.figures.base import plotly_escape

    assert plotly_escape('<a href="x">A & B</a>') == '&lt;a href="x"&gt;A &amp; B&lt;/a&gt;'


@pytest.mark.parametrize("key", sorted(CHARTS))
def test_event_chart_leaves_no_raw_link_from_a_hostile_name(hostile, key):
    chart = CHARTS[key](hostile["event"].pk, _hostile_payload(hostile["event"]), ChartOptions())
    dumped = _dumped(chart)
    assert "<a" not in dumped
    # The names are still there, only inert: plotly shows the entities as the typed text.
    if key != "vocabulary":
        assert "&lt;a href=" in dumped


def test_event_chart_table_keeps_the_name_as_typed(hostile):
    # The table is filled with textContent, so escaping it would show "&amp;" to the reader.
    chart = CHARTS["tone"](hostile["event"].pk, event_summary(hostile["event"]), ChartOptions())
    assert HOSTILE in [r[0] for r in chart.rows]


def test_evidence_links_in_customdata_are_not_escaped(hostile):
    chart = CHARTS["density"](hostile["event"].pk, event_summary(hostile["event"]), ChartOptions())
    links = [u for t in chart.figure["data"] for u in t["customdata"]]
    assert any("&label=" in u or "&outlet=" in u for u in links)
    assert not any("&amp;" in u for u in links)


@pytest.mark.parametrize("key", sorted(PROFILE_CHARTS))
def test_profile_chart_leaves_no_raw_link_from_a_hostile_name(hostile, key):
    outlet = hostile["wire"].outlet
    chart = PROFILE_CHARTS[key](outlet, outlet_profile(outlet))
    assert "<a" not in _dumped(chart)


def test_vocabulary_page_and_chart_json_escape_the_outlet_name(hostile, viewer):
    event = hostile["event"]
    client = client_for(viewer)
    page = client.get(reverse("reports:vocabulary", args=[event.pk])).content.decode()
    assert 'href="https://evil.example' not in page
    data = client.get(reverse("reports:chart_data", args=[event.pk, "vocabulary"])).json()
    assert "<a" not in json.dumps(data["figure"])
