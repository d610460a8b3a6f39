"""What the API returns for an event equals what the comparison pages show: the n per
outlet table of the compare page, and the loaded-term and tone charts' data tables."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client

from tests.api.conftest import bearer
from tests.factories import EventFactory, MembershipFactory, OutletFactory, make_article
from tests.reports.helpers import Term, store_analysis


@pytest.fixture
def compared(db):
    """Three articles from two outlets (one republished), analysed by hand."""
    viewer = MembershipFactory(role="viewer").user
    event = EventFactory(workspace=viewer.workspaces.get())
    wire = OutletFactory(workspace=event.workspace, name="Wire")
    state = OutletFactory(workspace=event.workspace, name="State Agency", type="state_media")
    a = make_article(
        event=event, outlet=wire, title="Wire", text="The drills went on. Boats stayed."
    )
    b = make_article(
        event=event,
        outlet=state,
        title="State",
        text="The aggressive bloc staged drills. The drills threaten peace.",
    )
    c = make_article(event=event, outlet=state, title="Copy", republication_of=a,
                     text="The drills went on. Boats stayed.")  # fmt: skip
    store_analysis(a, terms=(), frames=["security_defense", "economic"], tone=-0.1)
    store_analysis(
        b,
        terms=(Term("aggressive bloc", "pejorative_label", 0.95),
               Term("threaten peace", "fear_appeal", 0.6, "quoted", "ministry")),
        frames=["security_defense", "security_defense"], tone=-0.6,
    )  # fmt: skip
    store_analysis(c, terms=(), frames=["security_defense", "economic"], tone=0.2)
    return viewer, event


def _page_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_articles_and_words_per_outlet_equal_the_compare_pages_table(compared):
    viewer, event = compared
    page = _page_client(viewer).get(f"/events/{event.pk}/compare/")
    shown = {o["id"]: (o["n"], o["words"]) for o in page.context["outlets"]}
    api = bearer(viewer).get(f"/api/v1/events/{event.pk}/outlets/", {"republications": "all"})
    assert {o["outlet"]: (o["articles"], o["words"]) for o in api.json()["outlets"]} == shown


@pytest.mark.parametrize("voice", [None, "quoted"])
def test_term_rates_equal_the_density_charts_table(compared, voice):
    viewer, event = compared
    query = {"voice": voice} if voice else {}
    chart = _page_client(viewer).get(f"/events/{event.pk}/compare/charts/density.json", query)
    table = {(row[0], row[1]): row[2:] for row in chart.json()["table"]["rows"]}
    api = bearer(viewer).get(f"/api/v1/events/{event.pk}/outlets/", query).json()
    names = {lab["key"]: lab["name"] for lab in api["labels"]}
    found = {}
    for o in api["outlets"]:
        for key, t in o["terms"].items():
            if (o["name"], names[key]) in table:
                found[(o["name"], names[key])] = [t["count"], o["words"], t["per_1000"],
                                                  t["low"], t["high"]]  # fmt: skip
    assert table and found == table


def test_mean_tone_equals_the_tone_charts_table(compared):
    viewer, event = compared
    chart = _page_client(viewer).get(f"/events/{event.pk}/compare/charts/tone.json")
    shown = {row[0]: (row[1], row[2], row[3]) for row in chart.json()["table"]["rows"]}
    api = bearer(viewer).get(f"/api/v1/events/{event.pk}/outlets/").json()["outlets"]
    assert {o["name"]: (o["articles"], o["words"], o["mean_tone"]) for o in api} == shown


def test_the_csv_has_the_same_figures_as_the_json(compared):
    viewer, event = compared
    client = bearer(viewer)
    url = f"/api/v1/events/{event.pk}/outlets/"
    response = client.get(url, {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    as_json = client.get(url).json()["outlets"]
    assert [(int(r["outlet_id"]), int(r["words"])) for r in rows] == [
        (o["outlet"], o["words"]) for o in as_json
    ]
    assert rows[0]["pejorative_label_terms"] in {"0", "1"}
    assert {float(r["mean_tone"]) for r in rows} == {o["mean_tone"] for o in as_json}


def test_outlet_names_cannot_become_spreadsheet_formulas(compared):
    viewer, event = compared
    event.articles.first().outlet.__class__.objects.filter(name="Wire").update(name="=HYPERLINK()")
    from reports.models import EventSummary

    EventSummary.objects.filter(event=event).delete()
    body = bearer(viewer).get(f"/api/v1/events/{event.pk}/outlets/", {"format": "csv"})
    rows = list(csv.DictReader(io.StringIO(body.content.decode())))
    assert "'=HYPERLINK()" in [r["outlet"] for r in rows]
