"""Pages never rebuild a summary: they show the last one as "updating…" and queue a task. An
annotation decision redoes its article's rows in its own transaction; a change that bypassed
the annotation services makes the task redo only the changed articles' term rows."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles.models import OperatingPoint
from articles.services import event_set_operating_point
from framing.models import Annotation, AnnotationStatus
from framing.services import annotation_decide
from reports import summary
from reports.models import ArticleSummary, EventSummary, OutletSummary
from reports.summary import (
    build_summary,
    event_model_version,
    event_summary,
    event_vocabulary_state,
    pages,
    refresh,
    summary_refresh,
)
from tests.factories import make_article
from tests.reports.helpers import store_analysis, use_test_model
from tests.reports.test_operating_point import POINTS


@pytest.fixture
def queued_tasks(settings):
    """Tasks wait in the database queue, as in production (tests run them inline otherwise)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return DBTaskResult.objects.filter(status="READY")


def _decide(analysed, analyst, phrase: str, status=AnnotationStatus.REJECTED) -> None:
    revision = analysed["state"].current_revision
    for note in Annotation.objects.filter(revision=revision):
        if revision.text[note.start : note.end] == phrase:
            annotation_decide(annotation=note, status=status, user=analyst)


def _full_terms(event) -> list:
    return build_summary(event, event_model_version(event))["terms"]


def _bypass(analysed, phrase: str, status=AnnotationStatus.REJECTED, article="state") -> None:
    """Change an annotation without the services (as a data migration or a script would)."""
    revision = analysed[article].current_revision
    for note in Annotation.objects.filter(revision=revision):
        if revision.text[note.start : note.end] == phrase:
            Annotation.objects.filter(pk=note.pk).update(status=status)


def test_a_decision_updates_its_article_rows_without_a_refresh(
    analysed, analyst, queued_tasks, monkeypatch
):
    event = analysed["event"]
    summary_refresh(event)

    def no_rebuild(*args):
        raise AssertionError("the decision rebuilt the whole summary")

    monkeypatch.setattr(refresh, "build_summary", no_rebuild)
    _decide(analysed, analyst, "threaten peace")
    fresh = event_summary(event)
    assert "updating" not in fresh
    assert "fear_appeal" not in [t[1] for t in fresh["terms"]]
    assert not queued_tasks.exists()
    monkeypatch.undo()
    assert fresh["terms"] == _full_terms(event)


def test_a_decision_committed_while_a_page_reads_the_summary_is_not_taken_for_staleness(
    analysed, analyst, queued_tasks, monkeypatch
):
    event = analysed["event"]
    summary_refresh(event)
    read = pages._stored_payload
    decided = []

    def decision_lands_meanwhile(event):
        if not decided:  # another request's decision commits while this page reads
            _decide(analysed, analyst, "threaten peace")
            decided.append(True)
        return read(event)

    monkeypatch.setattr(pages, "_stored_payload", decision_lands_meanwhile)
    shown = event_summary(event)
    assert decided and not shown.get("updating")
    assert not queued_tasks.exists()
    assert "fear_appeal" not in [t[1] for t in shown["terms"]]


def test_a_decision_changes_exactly_its_article_and_outlet_counters(analysed, analyst):
    event = analysed["event"]
    summary_refresh(event)
    state, wire = analysed["state"], analysed["wire"]
    before = {r.pk: (r.token, r.term_counts) for r in ArticleSummary.objects.filter(event=event)}
    outlets = {o.outlet_id: o.term_counts for o in OutletSummary.objects.filter(event=event)}
    _decide(analysed, analyst, "threaten peace")
    after = {r.pk: (r.token, r.term_counts) for r in ArticleSummary.objects.filter(event=event)}
    assert after[wire.pk] == before[wire.pk]  # untouched, token and all
    expected = dict(before[state.pk][1])
    expected.pop("fear_appeal")
    assert after[state.pk][1] == expected and after[state.pk][0] != before[state.pk][0]
    now = {o.outlet_id: o.term_counts for o in OutletSummary.objects.filter(event=event)}
    assert now[wire.outlet_id] == outlets[wire.outlet_id]
    assert now[state.outlet_id] == expected


def test_accepting_again_restores_the_counters(analysed, analyst):
    event = analysed["event"]
    summary_refresh(event)
    first = EventSummary.objects.get(event=event).fingerprint
    _decide(analysed, analyst, "threaten peace")
    _decide(analysed, analyst, "threaten peace", AnnotationStatus.ACCEPTED)
    assert event_summary(event)["terms"] == _full_terms(event)
    assert EventSummary.objects.get(event=event).fingerprint != first  # versions moved on
    assert summary_refresh(event) == "fresh"


def test_a_change_beside_the_services_shows_updating_and_queues_one_refresh(
    analysed, queued_tasks, monkeypatch
):
    event = analysed["event"]
    summary_refresh(event)
    _bypass(analysed, "threaten peace")

    def no_rebuild(*args):
        raise AssertionError("a page request rebuilt the summary")

    monkeypatch.setattr(refresh, "build_summary", no_rebuild)
    monkeypatch.setattr(refresh, "term_rows", no_rebuild)
    stale = event_summary(event)
    assert stale["updating"] is True
    assert "fear_appeal" in [t[1] for t in stale["terms"]]  # the last result, not waiting
    event_summary(event)
    assert [t.task_path for t in queued_tasks] == ["reports.tasks.refresh_summary"]  # just one


def test_a_decision_does_not_hide_an_earlier_change_beside_the_services(
    analysed, analyst, queued_tasks
):
    event = analysed["event"]
    summary_refresh(event)
    _bypass(analysed, "reckless provocation", article="wire")
    _decide(analysed, analyst, "threaten peace")
    assert event_summary(event)["updating"] is True
    assert summary_refresh(event) == "terms"
    assert event_summary(event)["terms"] == _full_terms(event)


def test_a_compare_page_with_stale_rows_says_updating(analysed, viewer, queued_tasks):
    summary_refresh(analysed["event"])
    _bypass(analysed, "threaten peace")
    client = Client()
    client.force_login(viewer)
    url = reverse("reports:compare", args=[analysed["event"].pk])
    assert "Updating…" in client.get(url).content.decode()


@pytest.mark.parametrize("page", ["reports:sources", "reports:republication"])
def test_sources_and_republication_pages_with_a_stale_summary_say_updating(
    analysed, viewer, queued_tasks, page
):
    # not a bare "No articles." while the summary is being rebuilt
    summary_refresh(analysed["event"])
    _bypass(analysed, "threaten peace")
    client = Client()
    client.force_login(viewer)
    assert "Updating…" in client.get(reverse(page, args=[analysed["event"].pk])).content.decode()


def test_a_page_requested_refresh_waits_for_more_decisions_before_running(
    analysed, queued_tasks, settings
):
    settings.PARALLAX_SUMMARY_DEBOUNCE = 10
    event = analysed["event"]
    summary_refresh(event)
    _bypass(analysed, "threaten peace")
    before = timezone.now()
    event_summary(event)
    _bypass(analysed, "aggressive bloc")
    event_summary(event)
    (task,) = queued_tasks
    assert (
        before + dt.timedelta(seconds=9)
        < task.run_after
        < timezone.now() + dt.timedelta(seconds=11)
    )
    assert not DBTaskResult.objects.ready().exists()  # no worker takes it yet


def test_the_refresh_task_redoes_only_the_changed_article(analysed, queued_tasks):
    event = analysed["event"]
    summary_refresh(event)
    wire = ArticleSummary.objects.get(pk=analysed["wire"].pk).token
    _bypass(analysed, "threaten peace")
    assert summary_refresh(event) == "terms"
    fresh = event_summary(event)
    assert "updating" not in fresh
    assert fresh["terms"] == _full_terms(event)
    assert "fear_appeal" not in [t[1] for t in fresh["terms"]]
    assert ArticleSummary.objects.get(pk=analysed["wire"].pk).token == wire
    assert not EventSummary.objects.get(event=event).refresh_requested_at


def test_the_operating_point_is_part_of_what_the_summary_depends_on(analysed, queued_tasks):
    event = analysed["event"]
    model = use_test_model(event)
    model.metrics = {"operating_points": POINTS}
    model.save(update_fields=["metrics"])
    event_set_operating_point(event=event, point=OperatingPoint.RECALL)
    summary_refresh(event)
    before = [t[1] for t in event_summary(event)["terms"]]
    event_set_operating_point(event=event, point=OperatingPoint.PRECISION)
    assert event_summary(event)["updating"] is True
    assert summary_refresh(event) == "terms"
    assert event_summary(event)["terms"] == _full_terms(event)
    assert "fear_appeal" in before  # score 0.4: below the precision threshold (0.9)
    assert "fear_appeal" not in [t[1] for t in event_summary(event)["terms"]]


def test_a_new_article_rebuilds_the_whole_summary_in_the_task(analysed, queued_tasks):
    event = analysed["event"]
    summary_refresh(event)
    store_analysis(make_article(event=event, text="A new report arrived today."))
    assert len(event_summary(event)["articles"]) == 2  # the last result meanwhile
    assert summary_refresh(event) == "full"
    assert len(event_summary(event)["articles"]) == 3


def test_a_page_before_the_first_build_shows_an_empty_summary_as_updating(
    analysed, viewer, queued_tasks
):
    client = Client()
    client.force_login(viewer)
    html = client.get(reverse("reports:compare", args=[analysed["event"].pk])).content.decode()
    assert "Updating…" in html
    assert queued_tasks.filter(task_path="reports.tasks.refresh_summary").count() == 1


def test_vocabulary_is_precomputed_and_not_made_stale_by_decisions(
    analysed, analyst, viewer, queued_tasks
):
    event = analysed["event"]
    assert event_vocabulary_state(event) == ([], True)  # queued, not computed in the request
    assert [t.task_path for t in queued_tasks] == ["reports.tasks.refresh_vocabulary"]
    queued_tasks.delete()
    summary.vocabulary_refresh(event)
    terms, updating = event_vocabulary_state(event)
    assert {v["name"] for v in terms} == {"Wire", "State Agency"} and not updating
    _decide(analysed, analyst, "threaten peace")
    assert event_vocabulary_state(event) == (terms, False)
    make_article(event=event, outlet=analysed["wire"].outlet, text="Ships stayed in port.")
    assert event_vocabulary_state(event) == (terms, True)  # the last result meanwhile
    client = Client()
    client.force_login(viewer)
    html = client.get(reverse("reports:vocabulary", args=[event.pk])).content.decode()
    assert "Updating…" in html
