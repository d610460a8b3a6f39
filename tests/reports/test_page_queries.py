"""The comparison pages read small summary rows: a fixed number of queries however many
articles the event has (no query per article), and charts reused while their rows stand."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from framing.models import Annotation, AnnotationStatus
from framing.services import annotation_decide
from reports.figures import CHARTS
from reports.summary import summary_refresh
from tests.factories import OutletFactory, make_article
from tests.reports.helpers import Term, store_analysis

PAGES = {
    "compare": lambda e, ids: (reverse("reports:compare", args=[e.pk]), {"a": ids[:2]}),
    "charts page": lambda e, ids: (reverse("reports:charts", args=[e.pk]), {"a": ids[:2]}),
    "density json": lambda e, ids: (reverse("reports:chart_data", args=[e.pk, "density"]), {}),
    "quotes json": lambda e, ids: (reverse("reports:chart_data", args=[e.pk, "quotes"]), {}),
    "event spans": lambda e, ids: (reverse("reports:spans", args=[e.pk]), {}),
}


def _more_articles(event, n: int) -> None:
    for k in range(n):
        outlet = OutletFactory(workspace=event.workspace, name=f"Outlet {k}")
        article = make_article(
            event=event, outlet=outlet, text="The aggressive bloc staged drills again."
        )
        store_analysis(
            article,
            terms=(Term("aggressive bloc", "pejorative_label"),),
            quotes=(("the ministry", "velmar_mfa", "said"),),
        )


def _queries(client: Client, event, page: str) -> int:
    ids = list(event.articles.order_by("pk").values_list("pk", flat=True))
    url, params = PAGES[page](event, ids)
    client.get(url, params)  # warm: per-process caches are not what is counted
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params).status_code == 200
    return len(ctx)


@pytest.mark.parametrize("page", list(PAGES))
def test_page_queries_do_not_grow_with_articles(analysed, viewer, page):
    event = analysed["event"]
    summary_refresh(event)
    client = Client()
    client.force_login(viewer)
    few = _queries(client, event, page)
    _more_articles(event, 6)
    summary_refresh(event)
    assert _queries(client, event, page) == few


def test_a_decision_shows_in_the_density_chart_at_once(analysed, viewer, analyst):
    event = analysed["event"]
    summary_refresh(event)
    client = Client()
    client.force_login(viewer)
    url = reverse("reports:chart_data", args=[event.pk, "density"])
    before = client.get(url).json()["table"]["rows"]
    note = Annotation.objects.get(
        revision=analysed["state"].current_revision, label__key="fear_appeal"
    )
    annotation_decide(annotation=note, status=AnnotationStatus.REJECTED, user=analyst)
    after = client.get(url).json()["table"]["rows"]
    assert any(row[1] == "Fear and threat appeal" for row in before)
    assert not any(row[1] == "Fear and threat appeal" for row in after)


def test_a_chart_of_articles_only_is_built_once_across_decisions(
    analysed, viewer, analyst, monkeypatch
):
    event = analysed["event"]
    summary_refresh(event)
    calls = []
    tone = CHARTS["tone"]
    monkeypatch.setitem(CHARTS, "tone", lambda *args: calls.append(1) or tone(*args))
    client = Client()
    client.force_login(viewer)
    url = reverse("reports:chart_data", args=[event.pk, "tone"])
    first = client.get(url).json()
    note = Annotation.objects.get(
        revision=analysed["state"].current_revision, label__key="fear_appeal"
    )
    annotation_decide(annotation=note, status=AnnotationStatus.REJECTED, user=analyst)
    assert client.get(url).json() == first
    assert len(calls) == 1


def test_a_new_article_rebuilds_the_articles_charts(analysed, viewer):
    event = analysed["event"]
    summary_refresh(event)
    client = Client()
    client.force_login(viewer)
    url = reverse("reports:chart_data", args=[event.pk, "tone"])
    assert len(client.get(url).json()["table"]["rows"]) == 2
    _more_articles(event, 1)
    summary_refresh(event)
    assert len(client.get(url).json()["table"]["rows"]) == 3


def test_an_outsider_gets_no_chart(analysed, outsider):
    client = Client()
    client.force_login(outsider)
    url = reverse("reports:chart_data", args=[analysed["event"].pk, "tone"])
    assert client.get(url).status_code == 404
