"""One outlet across every event of the workspace."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article
from framing.engine.contrast import rate_per_1000, word_count
from reports.profile import density_over_time, frames_over_time, outlet_profile
from tests.factories import EventFactory, make_article
from tests.reports.helpers import (
    SELECTED_TEXT,
    Term,
    client_for,
    count_queries,
    store_analysis,
)


@pytest.fixture
def two_events(analysed):
    """The state agency covers a second, earlier event too."""
    outlet = analysed["state"].outlet
    earlier = EventFactory(workspace=outlet.workspace, start_date=datetime.date(2025, 1, 5))
    article = make_article(
        event=earlier, outlet=outlet, text="The puppet regime and the aggressive bloc met."
    )
    store_analysis(
        article,
        terms=(
            Term("puppet regime", "pejorative_label"),
            Term("aggressive bloc", "pejorative_label"),
        ),
        frames=["political"],
    )
    analysed["event"].start_date = datetime.date(2026, 6, 1)
    analysed["event"].save()
    return {"outlet": outlet, "earlier": earlier, "article": article}


def _url(outlet, key=None):
    if key:
        return reverse("reports:outlet_profile_chart", args=[outlet.pk, key])
    return reverse("reports:outlet_profile", args=[outlet.pk])


def test_viewer_can_open_the_profile(analysed, viewer):
    assert client_for(viewer).get(_url(analysed["state"].outlet)).status_code == 200


def test_non_member_gets_404_on_profile_and_charts(analysed, outsider):
    outlet, client = analysed["state"].outlet, client_for(outsider)
    assert client.get(_url(outlet)).status_code == 404
    assert client.get(_url(outlet, "density")).status_code == 404


def test_unknown_profile_chart_is_404(analysed, viewer):
    assert client_for(viewer).get(_url(analysed["state"].outlet, "nope")).status_code == 404


@pytest.mark.parametrize("key", ["density", "frames"])
def test_profile_chart_json_has_caption_table_and_figure(two_events, viewer, key):
    data = client_for(viewer).get(_url(two_events["outlet"], key)).json()
    assert data["caption"] and data["figure"]["data"] and len(data["table"]["rows"]) == 2


def test_events_come_in_time_order_with_their_counts(two_events, analysed):
    rows = outlet_profile(two_events["outlet"])
    assert [r.event for r in rows] == [two_events["earlier"], analysed["event"]]
    assert [(r.n, r.terms) for r in rows] == [(1, 2), (1, 2)]


def test_density_is_per_1000_words_of_the_outlets_coverage(two_events):
    first = outlet_profile(two_events["outlet"])[0]
    expected = rate_per_1000(2, first.words)
    assert first.rate.rate == pytest.approx(expected.rate)
    assert first.rate.low == pytest.approx(expected.low)


def test_words_are_the_word_counts_of_the_outlets_texts(two_events, analysed):
    rows = outlet_profile(two_events["outlet"])
    texts = [two_events["article"].current_revision.text, analysed["state"].current_revision.text]
    assert [r.words for r in rows] == [word_count(t) for t in texts]


def test_top_terms_are_counted_per_event(two_events):
    first = outlet_profile(two_events["outlet"])[0]
    assert dict(first.top) == {"puppet regime": 1, "aggressive bloc": 1}


def test_frame_chart_gives_share_of_sentences(two_events):
    outlet = two_events["outlet"]
    chart = frames_over_time(outlet, outlet_profile(outlet))
    header = chart.columns
    earlier = chart.rows[0]
    assert earlier[header.index("Political")] == pytest.approx(1.0)


def test_density_points_open_the_spans_of_that_event(two_events):
    outlet = two_events["outlet"]
    chart = density_over_time(outlet, outlet_profile(outlet))
    link = chart.figure["data"][0]["customdata"][0]
    assert f"outlet={outlet.pk}" in link and f"event={two_events['earlier'].pk}" in link


def test_staged_articles_are_left_out(two_events):
    Article.all_objects.filter(pk=two_events["article"].pk).update(staged=True)
    assert len(outlet_profile(two_events["outlet"])) == 1


def test_outlet_page_links_to_the_profile(analysed, viewer):
    outlet = analysed["state"].outlet
    html = client_for(viewer).get(outlet.get_absolute_url()).content.decode()
    assert f'href="{_url(outlet)}"' in html


def test_profile_query_count_does_not_grow_with_events(analysed, viewer):
    outlet, client = analysed["state"].outlet, client_for(viewer)
    few = count_queries(client, _url(outlet))
    for k in range(4):
        event = EventFactory(workspace=outlet.workspace)
        store_analysis(
            make_article(event=event, outlet=outlet, text=f"Report {k} of the drills today."),
            terms=(Term("drills", "hyperbole"),),
        )
    assert few == count_queries(client, _url(outlet))


def test_top_terms_are_the_tagged_spans_after_non_ascii_text(analysed):
    outlet = analysed["state"].outlet
    event = EventFactory(workspace=outlet.workspace, start_date=datetime.date(2020, 1, 1))
    text = "Le ministère 🚢 dénonce le «Puppet  Regime» voisin."
    store_analysis(
        make_article(event=event, outlet=outlet, text=text),
        terms=(Term("Puppet  Regime", "pejorative_label"),),
    )
    assert dict(outlet_profile(outlet)[0].top) == {"puppet regime": 1}


def test_profile_selects_no_text_once_words_are_stored(two_events):
    outlet_profile(two_events["outlet"])  # counts and stores each revision's words once
    with CaptureQueriesContext(connection) as ctx:
        outlet_profile(two_events["outlet"])
    assert not [q for q in ctx.captured_queries if SELECTED_TEXT.search(q["sql"])]
