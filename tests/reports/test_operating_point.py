"""The event's operating point decides which stored model suggestions pages show."""

from __future__ import annotations

import pytest
from django.urls import reverse

from framing.models import Annotation, AnnotationStatus
from framing.operating_points import score_floor
from reports.evidence import model_analyses
from reports.summary import event_summary, visible_annotations
from tests.reports.helpers import use_test_model

pytestmark = pytest.mark.django_db

POINTS = {
    "precision": {"threshold": 0.9, "precision": 0.8, "recall": 0.2},
    "balanced": {"threshold": 0.5, "precision": 0.6, "recall": 0.45},
    "recall": {"threshold": 0.3, "precision": 0.35, "recall": 0.7},
}


def _with_points(event, points=POINTS):
    model = use_test_model(event)
    model.metrics = {"operating_points": points}
    model.save(update_fields=["metrics"])
    return model


def _shown(event) -> set[str]:
    articles = list(event.articles.select_related("event", "current_revision"))
    analyses = model_analyses(articles)
    rows = visible_annotations([a.current_revision_id for a in articles], analyses)
    texts = {a.current_revision_id: a.current_revision.text for a in articles}
    return {texts[r.revision_id][r.start : r.end] for r in rows}


@pytest.mark.parametrize(
    ("point", "expected"),
    [
        ("precision", {"aggressive bloc"}),
        ("balanced", {"aggressive bloc", "reckless provocation"}),
        ("recall", {"aggressive bloc", "reckless provocation", "threaten peace"}),
    ],
)
def test_each_point_shows_the_suggestions_that_reach_its_threshold(analysed, point, expected):
    event = analysed["event"]
    _with_points(event)
    event.operating_point = point
    event.save(update_fields=["operating_point"])
    assert _shown(event) == expected


def test_an_accepted_tag_is_shown_whatever_its_score(analysed):
    event = analysed["event"]
    _with_points(event)
    event.operating_point = "precision"
    event.save(update_fields=["operating_point"])
    low = Annotation.objects.get(score=0.4)
    low.status = AnnotationStatus.ACCEPTED
    low.save(update_fields=["status"])
    assert "threaten peace" in _shown(event)


def test_a_model_without_operating_points_shows_every_stored_suggestion(analysed):
    event = analysed["event"]
    _with_points(event, points={})
    event.operating_point = "precision"
    event.save(update_fields=["operating_point"])
    assert _shown(event) == {"aggressive bloc", "reckless provocation", "threaten peace"}
    assert score_floor({}, "precision") == 0.0


def test_the_summary_follows_the_point_without_reanalysis(analysed):
    event = analysed["event"]
    _with_points(event)
    recall_terms = len(event_summary(event)["terms"])
    event.operating_point = "precision"
    event.save(update_fields=["operating_point"])
    assert len(event_summary(event)["terms"]) == 1 < recall_terms


def test_the_article_page_hides_suggestions_below_the_point(client, analysed, viewer):
    event = analysed["event"]
    _with_points(event)
    event.operating_point = "precision"
    event.save(update_fields=["operating_point"])
    client.force_login(viewer)
    response = client.get(reverse("article_detail", args=[analysed["state"].pk]))
    scores = sorted(a.score for a in response.context["annotations"])
    assert scores == [0.95]


def test_an_analyst_switches_the_point_and_sees_measured_figures(client, analysed, analyst):
    event = analysed["event"]
    _with_points(event)
    client.force_login(analyst)
    url = reverse("event_model", args=[event.pk])
    response = client.post(url, {"action": "operating_point", "operating_point": "recall"})
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.operating_point == "recall"
    page = client.get(url)
    chosen = [p for p in page.context["points"] if p["chosen"]]
    assert chosen == [{"key": "recall", "name": "Recall first", "chosen": True, **POINTS["recall"]}]
    assert "0.70" in page.content.decode()


def test_an_unknown_point_is_refused(client, analysed, analyst):
    client.force_login(analyst)
    url = reverse("event_model", args=[analysed["event"].pk])
    response = client.post(url, {"action": "operating_point", "operating_point": "everything"})
    assert response.status_code == 400


def test_a_viewer_cannot_switch_the_point(client, analysed, viewer):
    client.force_login(viewer)
    url = reverse("event_model", args=[analysed["event"].pk])
    response = client.post(url, {"action": "operating_point", "operating_point": "recall"})
    assert response.status_code == 403


def test_an_outsider_cannot_see_or_switch_the_point(client, analysed, outsider):
    client.force_login(outsider)
    url = reverse("event_model", args=[analysed["event"].pk])
    assert client.get(url).status_code == 404
    response = client.post(url, {"action": "operating_point", "operating_point": "recall"})
    assert response.status_code == 404
