"""The workspace-wide span explorer: lines, filters, CSV and the label × outlet matrix."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.urls import reverse

from articles.models import Article, OutletType
from framing.engine.contrast import rate_per_1000
from tests.factories import EventFactory, OutletFactory, make_article
from tests.reports.helpers import Term, client_for, count_queries, store_analysis


@pytest.fixture
def second_event(analysed):
    """Another event of the same workspace, covered by a wire agency."""
    event = EventFactory(workspace=analysed["event"].workspace)
    outlet = OutletFactory(workspace=event.workspace, name="Agency", type=OutletType.WIRE_AGENCY)
    article = make_article(
        event=event,
        outlet=outlet,
        text="The puppet regime held a parade. Crowds watched.",
        published=datetime.date(2026, 3, 1),
    )
    store_analysis(article, terms=(Term("puppet regime", "pejorative_label"),))
    return {"event": event, "article": article, "outlet": outlet}


def _url(workspace, **params):
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return reverse("reports:workspace_spans", args=[workspace.pk]) + (f"?{query}" if query else "")


def _kwic(html: str) -> str:
    return html[html.index('id="kwic"') :]


def test_explorer_lists_tags_of_every_event(analysed, second_event, viewer):
    html = client_for(viewer).get(_url(analysed["event"].workspace)).content.decode()
    kwic = _kwic(html)
    assert ">aggressive bloc</a>" in kwic and ">puppet regime</a>" in kwic


def test_non_member_gets_404(analysed, outsider):
    assert client_for(outsider).get(_url(analysed["event"].workspace)).status_code == 404


def test_csv_is_refused_to_a_role_without_export(analysed, annotator):
    response = client_for(annotator).get(_url(analysed["event"].workspace, format="csv"))
    assert response.status_code == 403


def test_csv_is_refused_to_a_non_member(analysed, outsider):
    response = client_for(outsider).get(_url(analysed["event"].workspace, format="csv"))
    assert response.status_code == 404


def test_event_filter_keeps_one_events_tags(analysed, second_event, viewer):
    url = _url(analysed["event"].workspace, event=second_event["event"].pk)
    kwic = _kwic(client_for(viewer).get(url).content.decode())
    assert ">puppet regime</a>" in kwic and ">aggressive bloc</a>" not in kwic


def test_outlet_type_filter(analysed, second_event, viewer):
    url = _url(analysed["event"].workspace, outlet_type=OutletType.WIRE_AGENCY)
    kwic = _kwic(client_for(viewer).get(url).content.decode())
    assert ">puppet regime</a>" in kwic and ">threaten peace</a>" not in kwic


def test_date_filter_leaves_out_earlier_articles(analysed, second_event, viewer):
    url = _url(analysed["event"].workspace, since="2026-03-02")
    kwic = _kwic(client_for(viewer).get(url).content.decode())
    assert ">puppet regime</a>" not in kwic


def test_mistyped_date_filters_nothing(analysed, second_event, viewer):
    url = _url(analysed["event"].workspace, since="03/02/2026")
    kwic = _kwic(client_for(viewer).get(url).content.decode())
    assert ">puppet regime</a>" in kwic


def test_voice_and_source_filters(analysed, viewer):
    url = _url(analysed["event"].workspace, voice="attributed", source="model")
    kwic = _kwic(client_for(viewer).get(url).content.decode())
    assert ">reckless provocation</a>" in kwic and ">aggressive bloc</a>" not in kwic


def test_analyst_source_filter_leaves_out_model_tags(analysed, viewer):
    url = _url(analysed["event"].workspace, source="analyst")
    kwic = _kwic(client_for(viewer).get(url).content.decode())
    assert "No spans match." in kwic


def test_staged_articles_are_not_explored(analysed, second_event, viewer):
    Article.all_objects.filter(pk=second_event["article"].pk).update(staged=True)
    kwic = _kwic(client_for(viewer).get(_url(analysed["event"].workspace)).content.decode())
    assert ">puppet regime</a>" not in kwic


def test_csv_names_the_event_and_is_formula_safe(analysed, second_event, viewer):
    second_event["event"].title = "@SUM(A1)"
    second_event["event"].save()
    response = client_for(viewer).get(_url(analysed["event"].workspace, format="csv"))
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert {r["event"] for r in rows if r["term"] == "puppet regime"} == {"'@SUM(A1)"}


def _matrix_cell(matrix, outlet_name, label_key):
    row = next(r for r in matrix.rows if r.name == outlet_name)
    index = [k for k, _, _ in matrix.labels].index(label_key)
    return row, row.cells[index]


def test_matrix_gives_rate_per_1000_words_with_interval(analysed, viewer):
    from reports.explorer import label_outlet_matrix
    from reports.summary import term_labels

    ws = analysed["event"].workspace_id
    matrix = label_outlet_matrix(ws, {}, term_labels(ws))
    row, cell = _matrix_cell(matrix, "State Agency", "pejorative_label")
    expected = rate_per_1000(1, 20)
    assert (row.words, cell.rate.count) == (20, 1)
    assert cell.rate.rate == pytest.approx(expected.rate)
    assert cell.rate.high == pytest.approx(expected.high)


def test_matrix_cell_opens_the_spans_behind_it(analysed, viewer):
    from reports.explorer import label_outlet_matrix
    from reports.summary import term_labels

    ws = analysed["event"].workspace_id
    matrix = label_outlet_matrix(ws, {"voice": "own"}, term_labels(ws))
    _, cell = _matrix_cell(matrix, "State Agency", "fear_appeal")
    kwic = _kwic(client_for(viewer).get(cell.url).content.decode())
    assert ">threaten peace</a>" in kwic and ">aggressive bloc</a>" not in kwic
    assert "voice=own" in cell.url


def test_matrix_counts_a_republished_copy_once_unless_asked(analysed):
    from reports.explorer import label_outlet_matrix
    from reports.summary import term_labels

    state = analysed["state"]
    copy = make_article(
        event=analysed["event"], outlet=state.outlet, text=STATE_COPY, republication_of=state
    )
    store_analysis(copy, terms=(Term("aggressive bloc", "pejorative_label"),))
    ws = analysed["event"].workspace_id
    once = label_outlet_matrix(ws, {}, term_labels(ws))
    twice = label_outlet_matrix(ws, {"republications": "all"}, term_labels(ws))
    assert _matrix_cell(once, "State Agency", "pejorative_label")[1].rate.count == 1
    assert _matrix_cell(twice, "State Agency", "pejorative_label")[1].rate.count == 2


STATE_COPY = "The aggressive bloc staged drills near our coast."


def test_query_count_does_not_grow_with_articles_and_events(analysed, viewer):
    client, workspace = client_for(viewer), analysed["event"].workspace
    url = _url(workspace)
    few = count_queries(client, url)
    for k in range(4):
        event = EventFactory(workspace=workspace)
        for j in range(2):
            store_analysis(
                make_article(event=event, text=f"Report {k}-{j} of the drills today."),
                terms=(Term("drills", "hyperbole"),),
            )
    assert few == count_queries(client, url)


def test_workspace_nav_links_to_the_explorer(analysed, viewer):
    workspace = analysed["event"].workspace
    html = client_for(viewer).get(workspace.get_absolute_url()).content.decode()
    assert f'href="{_url(workspace)}"' in html
