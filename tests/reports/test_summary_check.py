"""A web process trusts a match between the stored summary and the database for
``PARALLAX_SUMMARY_CHECK`` seconds: pages then skip counting the event's inputs (most of a
chart request at 2,000 articles), while decisions and the operating point show at once and a
change beside the services still shows "updating…" once the interval has passed."""

from __future__ import annotations

import time

import pytest
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from articles.models import OperatingPoint
from articles.services import event_set_operating_point
from framing.models import Annotation, AnnotationStatus
from framing.services import annotation_decide
from reports.columns import add_column_options
from reports.summary import (
    build_summary,
    event_model_version,
    event_summary,
    event_vocabulary_state,
    fingerprints,
    pages,
    summary_refresh,
    vocabulary,
    vocabulary_refresh,
)
from tests.factories import make_article
from tests.reports.helpers import store_analysis, use_test_model
from tests.reports.test_operating_point import POINTS


@pytest.fixture
def checked_every_5s(settings):
    settings.PARALLAX_SUMMARY_CHECK = 5.0
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    fingerprints._MATCHED.clear()
    yield
    fingerprints._MATCHED.clear()


def _no_count(*args):
    raise AssertionError("the page counted the event's inputs again")


def _bypass(analysed, phrase: str) -> None:
    """Reject an annotation without the services (as a data migration or a script would)."""
    revision = analysed["state"].current_revision
    for note in Annotation.objects.filter(revision=revision):
        if revision.text[note.start : note.end] == phrase:
            Annotation.objects.filter(pk=note.pk).update(status=AnnotationStatus.REJECTED)


def _later(monkeypatch, seconds: float) -> None:
    now = time.monotonic() + seconds
    monkeypatch.setattr(fingerprints.time, "monotonic", lambda: now)


def _labels(payload) -> list[str]:
    return [t[1] for t in payload["terms"]]


def test_a_page_after_a_match_does_not_count_the_inputs_again(
    analysed, checked_every_5s, monkeypatch
):
    event = analysed["event"]
    summary_refresh(event)
    assert "updating" not in event_summary(event)
    monkeypatch.setattr(pages, "event_fingerprints", _no_count)
    assert "updating" not in event_summary(event)
    assert "updating" not in event_summary(event, rows=False)


def test_with_no_interval_every_page_counts(analysed, checked_every_5s, settings, monkeypatch):
    settings.PARALLAX_SUMMARY_CHECK = 0.0
    event = analysed["event"]
    summary_refresh(event)
    event_summary(event)
    monkeypatch.setattr(pages, "event_fingerprints", _no_count)
    with pytest.raises(AssertionError, match="counted the event's inputs again"):
        event_summary(event)


def test_a_change_beside_the_services_shows_updating_once_the_interval_has_passed(
    analysed, checked_every_5s, monkeypatch
):
    event = analysed["event"]
    summary_refresh(event)
    event_summary(event)
    _bypass(analysed, "threaten peace")
    assert "updating" not in event_summary(event)  # trusted for the interval
    _later(monkeypatch, 6)
    stale = event_summary(event)
    assert stale["updating"] is True
    assert DBTaskResult.objects.filter(task_path="reports.tasks.refresh_summary").count() == 1


def test_a_mismatch_is_counted_again_on_the_next_page(analysed, checked_every_5s, monkeypatch):
    event = analysed["event"]
    summary_refresh(event)
    _bypass(analysed, "threaten peace")
    assert event_summary(event)["updating"] is True
    counted = []
    real = pages.event_fingerprints
    monkeypatch.setattr(pages, "event_fingerprints", lambda *a: counted.append(1) or real(*a))
    assert event_summary(event)["updating"] is True
    assert counted == [1]


def test_a_decision_within_the_interval_shows_at_once(analysed, analyst, checked_every_5s):
    event = analysed["event"]
    summary_refresh(event)
    event_summary(event)
    revision = analysed["state"].current_revision
    for note in Annotation.objects.filter(revision=revision):
        if revision.text[note.start : note.end] == "threaten peace":
            annotation_decide(annotation=note, status=AnnotationStatus.REJECTED, user=analyst)
    shown = event_summary(event)
    assert "updating" not in shown and "fear_appeal" not in _labels(shown)
    assert shown["terms"] == build_summary(event, event_model_version(event))["terms"]


def test_moving_the_operating_point_within_the_interval_shows_updating_at_once(
    analysed, checked_every_5s
):
    event = analysed["event"]
    model = use_test_model(event)
    model.metrics = {"operating_points": POINTS}
    model.save(update_fields=["metrics"])
    event_set_operating_point(event=event, point=OperatingPoint.RECALL)
    summary_refresh(event)
    assert "updating" not in event_summary(event)
    event_set_operating_point(event=event, point=OperatingPoint.PRECISION)
    assert event_summary(event)["updating"] is True


def test_a_fresh_vocabulary_after_a_match_is_read_without_counting(
    analysed, checked_every_5s, monkeypatch
):
    event = analysed["event"]
    summary_refresh(event)
    terms = vocabulary_refresh(event)
    event_summary(event)
    monkeypatch.setattr(vocabulary, "event_fingerprints", _no_count)
    assert event_vocabulary_state(event) == (terms, False)


def test_a_new_article_makes_the_vocabulary_stale_once_the_interval_has_passed(
    analysed, checked_every_5s, monkeypatch
):
    event = analysed["event"]
    summary_refresh(event)
    terms = vocabulary_refresh(event)
    event_summary(event)
    make_article(event=event, outlet=analysed["wire"].outlet, text="Ships stayed in port.")
    _later(monkeypatch, 6)
    assert event_vocabulary_state(event) == (terms, True)


def test_add_column_options_read_once_per_build_equal_those_read_fresh(analysed, viewer):
    event = analysed["event"]
    third = make_article(event=event, outlet=analysed["wire"].outlet, title="<b>Ships</b> & co")
    store_analysis(third)
    summary_refresh(event)
    client = Client()
    client.force_login(viewer)
    ids = [analysed["wire"].pk, analysed["state"].pk]
    url = reverse("reports:compare", args=[event.pk])
    first = client.get(url, {"a": ids}).context["others"]
    again = client.get(url, {"a": ids}).context["others"]
    fresh = add_column_options(event, set(ids))
    assert first == again == fresh
    assert f'<option value="{third.pk}">Wire — &lt;b&gt;Ships&lt;/b&gt; &amp; co</option>' == fresh


def test_a_new_article_joins_the_add_column_options_after_the_summary_refresh(analysed, viewer):
    event = analysed["event"]
    summary_refresh(event)
    client = Client()
    client.force_login(viewer)
    ids = [analysed["wire"].pk, analysed["state"].pk]
    url = reverse("reports:compare", args=[event.pk])
    assert client.get(url, {"a": ids}).context["others"] == ""
    third = make_article(event=event, outlet=analysed["wire"].outlet, title="Late report")
    store_analysis(third)
    summary_refresh(event)
    assert f'value="{third.pk}"' in client.get(url, {"a": ids}).context["others"]


def _summary_rows_queries(event) -> list[str]:
    from django.db import connection

    sql: list[str] = []

    def record(execute, query, *rest):
        sql.append(query)
        return execute(query, *rest)

    with connection.execute_wrapper(record):
        event_summary(event)
    return [q for q in sql if "reports_articlesummary" in q]


def test_unchanged_rows_are_not_read_again_not_even_their_tokens(analysed):
    event = analysed["event"]
    summary_refresh(event)
    assert _summary_rows_queries(event)  # first read: tokens and rows
    assert _summary_rows_queries(event) == []


def test_rows_redone_by_the_refresh_task_are_read_on_the_next_page(analysed):
    event = analysed["event"]
    summary_refresh(event)
    assert "fear_appeal" in _labels(event_summary(event))
    _bypass(analysed, "threaten peace")
    assert summary_refresh(event) == "terms"
    shown = event_summary(event)
    assert "fear_appeal" not in _labels(shown)
    assert shown["terms"] == build_summary(event, event_model_version(event))["terms"]


def test_rows_redone_by_a_decision_are_read_on_the_next_page(analysed, analyst):
    event = analysed["event"]
    summary_refresh(event)
    assert "fear_appeal" in _labels(event_summary(event))
    revision = analysed["state"].current_revision
    for note in Annotation.objects.filter(revision=revision):
        if revision.text[note.start : note.end] == "threaten peace":
            annotation_decide(annotation=note, status=AnnotationStatus.REJECTED, user=analyst)
    assert _summary_rows_queries(event)  # the token moved: the changed row is read
    assert "fear_appeal" not in _labels(event_summary(event))
