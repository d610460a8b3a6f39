from __future__ import annotations

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse

from reports.models import AlignmentCorrection
from tests.factories import OutletFactory, make_article
from tests.reports.helpers import Term, count_queries, store_analysis

READ_VIEWS = ["compare", "charts", "aligned", "vocabulary", "spans", "sentences"]


def _client(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


def _url(name, event, *args):
    return reverse(f"reports:{name}", args=[event.pk, *args])


@pytest.mark.parametrize("name", READ_VIEWS)
def test_viewer_can_open_every_comparison_page(analysed, viewer, name):
    assert _client(viewer).get(_url(name, analysed["event"])).status_code == 200


@pytest.mark.parametrize("name", READ_VIEWS)
def test_non_member_gets_404_on_every_comparison_page(analysed, outsider, name):
    assert _client(outsider).get(_url(name, analysed["event"])).status_code == 404


@pytest.mark.parametrize(
    "key", ["frames", "density", "voice", "tone", "actors", "quotes", "timeline", "vocabulary"]
)
def test_chart_json_is_served_to_members_only(analysed, viewer, outsider, key):
    url = _url("chart_data", analysed["event"], key)
    data = _client(viewer).get(url).json()
    assert data["caption"] and "data" in data["figure"] and data["table"]["columns"]
    assert _client(outsider).get(url).status_code == 404


def test_unknown_chart_is_404(analysed, viewer):
    assert _client(viewer).get(_url("chart_data", analysed["event"], "nope")).status_code == 404


def test_columns_page_highlights_terms_with_details(analysed, viewer):
    html = _client(viewer).get(_url("compare", analysed["event"])).content.decode()
    assert 'data-cat="pejorative_label"' in html
    assert 'data-voice="attributed"' in html and 'data-speaker="ministry"' in html
    assert ">aggressive bloc</mark>" in html


def test_columns_page_shows_the_requested_articles_in_order(analysed, viewer):
    state, wire = analysed["state"], analysed["wire"]
    url = f"{_url('compare', analysed['event'])}?a={state.pk}&a={wire.pk}"
    html = _client(viewer).get(url).content.decode()
    assert html.index(f'id="a{state.pk}"') < html.index(f'id="a{wire.pk}"')


def test_columns_page_marks_each_sentence_with_its_dominant_frame(analysed, viewer):
    html = _client(viewer).get(_url("compare", analysed["event"])).content.decode()
    assert f'id="a{analysed["wire"].pk}-s2" data-frame="economic"' in html


def _add_analysed_articles(event, n: int) -> None:
    for k in range(n):
        outlet = OutletFactory(workspace=event.workspace)
        store_analysis(
            make_article(event=event, outlet=outlet, text=f"Report {k} of the drills today."),
            terms=(Term("drills", "hyperbole"),),
        )


@pytest.mark.parametrize("name", ["compare", "charts", "spans"])
def test_page_query_count_does_not_grow_with_articles(analysed, viewer, name):
    event, client = analysed["event"], _client(viewer)
    url = _url(name, event)
    client.get(url)  # builds the summary
    few = count_queries(client, url)
    _add_analysed_articles(event, 8)
    client.get(url)
    assert 0 < few == count_queries(client, url)


def test_chart_query_count_does_not_grow_with_articles(analysed, viewer):
    event, client = analysed["event"], _client(viewer)
    url = _url("chart_data", event, "density")
    client.get(url)
    few = count_queries(client, url)
    _add_analysed_articles(event, 8)
    client.get(url)
    assert 0 < few == count_queries(client, url)


def test_csv_export_is_formula_safe_and_allowed_to_viewers(analysed, viewer):
    event = analysed["event"]
    outlet = OutletFactory(workspace=event.workspace, name="=HYPERLINK(1)")
    store_analysis(
        make_article(event=event, outlet=outlet, text="The bloc is aggressive today."),
        terms=(Term("bloc", "pejorative_label"),),
    )
    response = _client(viewer).get(_url("spans", event) + "?format=csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert response["Content-Type"].startswith("text/csv")
    assert [r[1] for r in rows[1:] if "HYPERLINK" in r[1]] == ["'=HYPERLINK(1)"]


def test_csv_export_is_refused_to_a_role_without_export(analysed, annotator):
    response = _client(annotator).get(_url("spans", analysed["event"]) + "?format=csv")
    assert response.status_code == 403


def test_span_explorer_filters_by_voice(analysed, viewer):
    html = _client(viewer).get(_url("spans", analysed["event"]) + "?voice=own").content.decode()
    assert ">aggressive bloc</a>" in html and "reckless provocation</a>" not in html


def test_sentences_behind_a_frame_cell(analysed, viewer):
    url = (
        _url("sentences", analysed["event"])
        + f"?outlet={analysed['wire'].outlet_id}&frame=economic"
    )
    html = _client(viewer).get(url).content.decode()
    assert "Fishing boats stayed in port." in html and "reckless" not in html


def _correction(event, wire, state):
    return {"kind": "unlink", "article_a": wire.pk, "sentence_a": 0, "next": ""}


def test_annotator_can_store_an_alignment_correction(analysed, annotator):
    event = analysed["event"]
    data = _correction(event, analysed["wire"], analysed["state"])
    response = _client(annotator).post(_url("aligned_correct", event), data)
    assert response.status_code == 302
    assert AlignmentCorrection.objects.filter(event=event, kind="unlink").count() == 1


def test_viewer_cannot_correct_the_alignment(analysed, viewer):
    event = analysed["event"]
    data = _correction(event, analysed["wire"], analysed["state"])
    assert _client(viewer).post(_url("aligned_correct", event), data).status_code == 403


def test_non_member_cannot_correct_the_alignment(analysed, outsider):
    event = analysed["event"]
    data = _correction(event, analysed["wire"], analysed["state"])
    assert _client(outsider).post(_url("aligned_correct", event), data).status_code == 404


def test_aligned_page_puts_the_shared_fact_in_one_row(analysed, viewer):
    html = _client(viewer).get(_url("aligned", analysed["event"])).content.decode()
    table = html[html.index('id="aligned"') :]
    row = table[: table.index("</tr>", table.index("sailed past"))]
    assert row.count("</a> The frigate sailed past the destroyer on Tuesday.") == 2


def test_event_page_links_to_the_comparison(analysed, viewer):
    event = analysed["event"]
    html = _client(viewer).get(event.get_absolute_url()).content.decode()
    assert f'href="{_url("compare", event)}"' in html
