"""Distinctive terms as a chart, the sentences behind a term, and charts that remember the
columns they came from."""

from __future__ import annotations

from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from reports.evidence import term_pattern
from reports.figures import ChartOptions
from reports.figures.vocabulary import distinctive_terms_chart
from reports.summary import event_summary, event_vocabulary
from tests.reports.helpers import client_for


def _chart(analysed):
    event = analysed["event"]
    payload = {**event_summary(event), "vocabulary": event_vocabulary(event)}
    return distinctive_terms_chart(event.pk, payload, ChartOptions()), payload["vocabulary"]


def test_chart_plots_each_outlets_top_terms_by_z(analysed):
    chart, vocabulary = _chart(analysed)
    state = next(v for v in vocabulary if v["name"] == "State Agency")
    trace = next(t for t in chart.figure["data"] if t["name"].startswith("State Agency"))
    assert list(trace["x"]) == [t["z"] for t in state["terms"][: len(trace["x"])]]


def test_chart_bars_open_the_sentences_using_the_term(analysed):
    chart, _ = _chart(analysed)
    links = [u for t in chart.figure["data"] for u in t["customdata"]]
    assert links and all("/sentences/?" in u and "term=" in u for u in links)


def test_chart_table_has_the_same_terms_as_the_bars(analysed):
    chart, _ = _chart(analysed)
    plotted = sorted(term for t in chart.figure["data"] for term in t["y"][1])
    assert sorted(r[1] for r in chart.rows) == plotted


def test_term_pattern_matches_a_bigram_across_line_breaks_in_any_case():
    assert term_pattern("aggressive bloc").search("The Aggressive\nbloc staged drills")


def test_term_pattern_matches_whole_words_only():
    assert term_pattern("bloc").search("the blockade began") is None


@given(st.lists(st.text("abcdefghij", min_size=1, max_size=6), min_size=1, max_size=3))
def test_term_pattern_finds_its_own_words_in_a_sentence(words):
    assert term_pattern(" ".join(words)).search("Then " + " ".join(words).upper() + ".")


def test_sentences_behind_a_term(analysed, viewer):
    event, state = analysed["event"], analysed["state"]
    url = reverse("reports:sentences", args=[event.pk])
    html = client_for(viewer).get(f"{url}?outlet={state.outlet_id}&term=aggressive+bloc").content
    html = html.decode()
    assert "The aggressive bloc staged drills near our coast." in html
    assert "The drills threaten peace." not in html


def test_vocabulary_page_embeds_the_chart(analysed, viewer):
    url = reverse("reports:vocabulary", args=[analysed["event"].pk])
    html = client_for(viewer).get(url).content.decode()
    assert 'id="chart-vocabulary"' in html and "plotly.min.js" in html


def test_charts_link_back_to_the_selected_columns(analysed, viewer):
    event, wire, state = analysed["event"], analysed["wire"], analysed["state"]
    url = reverse("reports:charts", args=[event.pk]) + f"?a={state.pk}&a={wire.pk}"
    html = client_for(viewer).get(url).content.decode()
    back = reverse("reports:compare", args=[event.pk]) + f"?a={state.pk}&amp;a={wire.pk}"
    assert f'<a href="{back}">← Back to your columns</a>' in html
    assert f'<input type="hidden" name="a" value="{state.pk}">' in html


def test_columns_page_links_to_charts_keeping_its_columns(analysed, viewer):
    event, wire, state = analysed["event"], analysed["wire"], analysed["state"]
    url = reverse("reports:compare", args=[event.pk]) + f"?a={state.pk}&a={wire.pk}"
    html = client_for(viewer).get(url).content.decode()
    charts = reverse("reports:charts", args=[event.pk]) + f"?a={state.pk}&amp;a={wire.pk}"
    assert f'href="{charts}"' in html


def test_the_vocabulary_chart_is_drawn_again_only_when_the_vocabulary_changed(
    analysed, monkeypatch
):
    from reports.figures import memo

    event = analysed["event"]
    vocabulary = event_vocabulary(event)
    drawn = []
    real = memo.CHARTS["vocabulary"]
    monkeypatch.setitem(memo.CHARTS, "vocabulary", lambda *a: drawn.append(1) or real(*a))
    memo._MEMO.clear()
    first = memo.chart_for("vocabulary", event.pk, {"vocabulary": vocabulary}, ChartOptions())
    copy = [dict(v) for v in vocabulary]  # equal, as read again from the database
    again = memo.chart_for("vocabulary", event.pk, {"vocabulary": copy}, ChartOptions())
    assert again is first and drawn == [1]
    fewer = [{**v, "terms": v["terms"][:1]} for v in vocabulary]
    redrawn = memo.chart_for("vocabulary", event.pk, {"vocabulary": fewer}, ChartOptions())
    assert (
        drawn == [1, 1]
        and redrawn.to_dict() == real(event.pk, {"vocabulary": fewer}, None).to_dict()
    )
