"""Unknown filter or ordering parameters answer 400 naming the allowed ones, on every page
that reads GET parameters (instead of being ignored, so the page looked filtered)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.reports.helpers import client_for

# (url name, which pk, a query the page accepts)
PAGES = [
    ("reports:compare", "event", "a={wire}"),
    ("reports:charts", "event", "voice=own&republications=all"),
    ("reports:spans", "event", "label=fear_appeal&voice=quoted&page=1"),
    ("reports:sentences", "event", "outlet={outlet}&order=tone"),
    ("reports:vocabulary", "event", ""),
    ("reports:aligned", "event", "all=1"),
    ("reports:sources", "event", "republications=all"),
    ("reports:republication", "event", ""),
    ("reports:workspace_spans", "workspace", "outlet_type=wire_agency&since=2024-01-01"),
    ("reports:outlet_profile", "outlet", ""),
    ("event_detail", "event", "page=1"),
    ("outlet_list", "workspace", ""),
]


def _url(name, which, analysed):
    event = analysed["event"]
    pk = {"event": event.pk, "workspace": event.workspace_id}.get(which)
    return reverse(name, args=[pk or analysed["wire"].outlet_id])


def _query(query, analysed):
    return query.format(wire=analysed["wire"].pk, outlet=analysed["wire"].outlet_id)


@pytest.mark.parametrize(("name", "which", "query"), PAGES)
def test_page_accepts_its_own_parameters(analysed, viewer, name, which, query):
    url = f"{_url(name, which, analysed)}?{_query(query, analysed)}"
    assert client_for(viewer).get(url).status_code == 200


@pytest.mark.parametrize(("name", "which", "query"), PAGES)
def test_unknown_parameter_is_400_naming_the_allowed_ones(analysed, viewer, name, which, query):
    url = f"{_url(name, which, analysed)}?{_query(query, analysed)}&lable=fear_appeal"
    response = client_for(viewer).get(url)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Unknown parameter lable" in page
    for allowed in [q.split("=")[0] for q in query.split("&") if q]:
        assert allowed in page.split("Unknown parameter lable", 1)[1]


@pytest.mark.parametrize(
    ("name", "query", "message"),
    [
        ("reports:sentences", "order=date", "order=date is not allowed; order is one of: tone."),
        ("reports:spans", "voice=loud", "voice is one of: all, own, quoted, attributed."),
        ("reports:spans", "format=xlsx", "format is one of: csv."),
        ("reports:charts", "republications=yes", "republications is one of: all."),
    ],
)
def test_unknown_value_of_an_enumerated_parameter_is_400(analysed, viewer, name, query, message):
    response = client_for(viewer).get(f"{_url(name, 'event', analysed)}?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()


def test_empty_value_means_any(analysed, viewer):
    url = _url("reports:spans", "event", analysed) + "?voice=&source=&label="
    assert client_for(viewer).get(url).status_code == 200


def test_chart_json_answers_json_400(analysed, viewer):
    url = reverse("reports:chart_data", args=[analysed["event"].pk, "tone"]) + "?colour=red"
    response = client_for(viewer).get(url)
    assert response.status_code == 400
    assert response.json() == {
        "error": "Unknown parameter colour; this page takes only: republications, voice.",
        "allowed": ["republications", "voice"],
    }


def test_page_without_parameters_says_so(analysed, viewer):
    url = _url("reports:vocabulary", "event", analysed) + "?sort=z"
    assert "this page takes no parameters" in client_for(viewer).get(url).content.decode()


def test_outsider_still_gets_404_with_good_parameters(analysed, outsider):
    url = _url("reports:spans", "event", analysed) + "?voice=own"
    assert client_for(outsider).get(url).status_code == 404
