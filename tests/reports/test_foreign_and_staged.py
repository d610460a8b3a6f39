"""Ids from elsewhere in the URL are ignored, and staged import rows never show.

A stale or hand-edited URL may name an article, outlet or event of another workspace or
another event; comparison pages must drop it, never show its text or title.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import EventFactory, OutletFactory, WorkspaceFactory, make_article
from tests.reports.helpers import Term, client_for, store_analysis

SECRET_TEXT = "The puppet regime rehearsed a parade. Crowds stayed home."
SECRET_TITLE = "Zebrafinch dispatch"


def _secret(event, name="Faraway Herald"):
    outlet = OutletFactory(workspace=event.workspace, name=name)
    article = make_article(event=event, outlet=outlet, text=SECRET_TEXT, title=SECRET_TITLE)
    store_analysis(article, terms=(Term("puppet regime", "pejorative_label"),))
    return article


@pytest.fixture
def foreign(analysed):
    """An analysed article in an event of another workspace."""
    return _secret(EventFactory(workspace=WorkspaceFactory()))


@pytest.fixture
def other_event(analysed):
    """An analysed article in another event of the same workspace."""
    return _secret(EventFactory(workspace=analysed["event"].workspace))


@pytest.fixture
def staged(analysed):
    """An analysed article of the event, then marked staged like an unpublished import."""
    article = _secret(analysed["event"], name="Staged Outlet")
    Article.all_objects.filter(pk=article.pk).update(staged=True)
    return article


def _get(user, name, event, query=""):
    url = reverse(f"reports:{name}", args=[event.pk]) + query
    response = client_for(user).get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("name", ["compare", "aligned", "charts"])
@pytest.mark.parametrize("source", ["foreign", "other_event", "staged"])
def test_article_id_from_elsewhere_in_a_is_ignored(analysed, viewer, request, name, source):
    intruder = request.getfixturevalue(source)
    wire = analysed["wire"]
    html = _get(viewer, name, analysed["event"], f"?a={intruder.pk}&a={wire.pk}")
    assert SECRET_TITLE not in html and "puppet regime" not in html
    assert f"a={intruder.pk}" not in html  # links built from the selection drop it too


@pytest.mark.parametrize("name", ["compare", "aligned"])
def test_default_columns_leave_out_staged_articles(analysed, viewer, staged, name):
    html = _get(viewer, name, analysed["event"])
    assert SECRET_TITLE not in html and "Staged Outlet" not in html


@pytest.mark.parametrize("source", ["foreign", "other_event"])
def test_event_spans_ignore_an_article_filter_from_elsewhere(analysed, viewer, request, source):
    intruder = request.getfixturevalue(source)
    html = _get(viewer, "spans", analysed["event"], f"?article={intruder.pk}")
    assert "puppet regime" not in html and SECRET_TITLE not in html


@pytest.mark.parametrize("source", ["foreign", "other_event"])
def test_event_spans_ignore_an_outlet_filter_from_elsewhere(analysed, viewer, request, source):
    intruder = request.getfixturevalue(source)
    html = _get(viewer, "spans", analysed["event"], f"?outlet={intruder.outlet_id}")
    assert "puppet regime" not in html and SECRET_TITLE not in html


def test_event_spans_leave_out_staged_articles(analysed, viewer, staged):
    html = _get(viewer, "spans", analysed["event"])
    assert ">aggressive bloc<" in html  # the published articles' tags are listed
    assert "puppet regime" not in html and SECRET_TITLE not in html


def test_event_span_csv_leaves_out_staged_articles(analysed, viewer, staged):
    url = reverse("reports:spans", args=[analysed["event"].pk]) + "?format=csv"
    body = b"".join(client_for(viewer).get(url).streaming_content).decode()
    assert "aggressive bloc" in body and "puppet regime" not in body


@pytest.mark.parametrize("key", ["event", "outlet"])
def test_workspace_spans_ignore_filters_from_another_workspace(analysed, viewer, foreign, key):
    value = foreign.event_id if key == "event" else foreign.outlet_id
    url = reverse("reports:workspace_spans", args=[analysed["event"].workspace_id])
    html = client_for(viewer).get(f"{url}?{key}={value}").content.decode()
    assert "puppet regime" not in html and SECRET_TITLE not in html


@pytest.mark.parametrize("key", ["frames", "density", "voice", "tone", "timeline"])
def test_charts_do_not_count_staged_articles(analysed, viewer, staged, key):
    url = reverse("reports:chart_data", args=[analysed["event"].pk, key])
    body = client_for(viewer).get(url).content.decode()
    assert "Staged Outlet" not in body and SECRET_TITLE not in body


def test_charts_page_outlet_table_leaves_out_staged_articles(analysed, viewer, staged):
    html = _get(viewer, "charts", analysed["event"])
    assert "Wire" in html and "Staged Outlet" not in html


def test_chart_data_links_carry_the_chosen_options(analysed, viewer):
    html = _get(viewer, "charts", analysed["event"], "?republications=all&voice=quoted")
    assert 'frames.json?republications=all&amp;voice=quoted"' in html
