"""An event's analysis is queued in batches that several workers share, and a batch whose
worker was killed is queued again and finished exactly once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db.models import Count
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from framing.analysis_services import analysis_run, builtin_model_version
from framing.models import Analysis
from framing.services import codebooks_install_defaults
from framing.tasks import analyse_batch, analyse_event, analyse_revision
from ops.models import WorkerHeartbeat
from ops.worker import ResilientWorker
from tests.factories import EventFactory, make_article

pytestmark = pytest.mark.django_db

SENTENCES = [
    "The ministry called the drills a reckless provocation on Monday.",
    "Officials said the ironclad commitment of the partners stands.",
    "Fishermen in the port watched the frigates sail north.",
    "A spokesman told reporters the bloc threatens peace in the region.",
    "Analysts said the exercise was routine and planned months ago.",
]


@pytest.fixture
def db_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.PARALLAX_ANALYSIS_BATCH = 2
    settings.PARALLAX_WORKER = {"HEARTBEAT_SECONDS": 60, "STALE_SECONDS": 30}
    return settings


@pytest.fixture
def event(workspace):
    codebooks_install_defaults(workspace=workspace)
    event = EventFactory(workspace=workspace)
    for i in range(5):
        make_article(event=event, title=f"Report {i}", text=" ".join(SENTENCES[i:] + SENTENCES[:i]))
    return event


def _worker(worker_id: str = "worker-under-test") -> ResilientWorker:
    return ResilientWorker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    )


def _current_revisions(event) -> list[int]:
    return sorted(event.articles.values_list("current_revision", flat=True))


def test_an_event_is_queued_as_batches_of_the_configured_size(db_tasks, event):
    assert analyse_event.call(event.pk) == 3
    batches = DBTaskResult.objects.filter(task_path="framing.tasks.analyse_batch")
    queued = sorted(row.args_kwargs["args"][0] for row in batches)
    assert sorted(len(b) for b in queued) == [1, 2, 2]
    assert sorted(i for b in queued for i in b) == _current_revisions(event)
    event.refresh_from_db()
    assert event.analysis_model == builtin_model_version()  # batches use the adopted model

    _worker().run()  # one worker drains them; several would share them
    assert set(batches.values_list("status", flat=True)) == {"SUCCESSFUL"}
    per_revision = Analysis.objects.values("revision").annotate(n=Count("pk"))
    assert sorted(r["revision"] for r in per_revision) == _current_revisions(event)
    assert {r["n"] for r in per_revision} == {1}


def test_only_revisions_without_an_analysis_are_queued_again(db_tasks, event):
    first = event.articles.order_by("pk").first().current_revision
    analysis_run(revision=first)
    assert analyse_event.call(event.pk) == 2  # four left, in batches of two
    queued = [
        i
        for row in DBTaskResult.objects.filter(task_path="framing.tasks.analyse_batch")
        for i in row.args_kwargs["args"][0]
    ]
    assert first.pk not in queued and len(queued) == 4


def _killed_mid_batch(event) -> DBTaskResult:
    """A batch claimed by a worker that stored one analysis and then was killed."""
    ids = _current_revisions(event)[:2]
    model = builtin_model_version()
    result = analyse_batch.enqueue(ids, model.pk)
    analysis_run(revision=event.articles.get(current_revision=ids[0]).current_revision)
    ago = timezone.now() - dt.timedelta(seconds=120)
    DBTaskResult.objects.filter(pk=result.id).update(
        status="RUNNING", started_at=ago, worker_ids=["killed"]
    )
    WorkerHeartbeat.objects.create(worker_id="killed", pid=1, seen_at=ago)
    return DBTaskResult.objects.get(pk=result.id)


def test_a_batch_whose_worker_died_is_queued_again_and_completes_once(db_tasks, event):
    task = _killed_mid_batch(event)
    _worker("survivor").run()
    task.refresh_from_db()
    assert task.status == "SUCCESSFUL"
    assert task.worker_ids == ["killed", "survivor"]
    assert task.return_value == 1  # only the revision the dead worker had not stored
    ids = task.args_kwargs["args"][0]
    counts = Analysis.objects.filter(revision__in=ids).values("revision").annotate(n=Count("pk"))
    assert sorted((r["revision"], r["n"]) for r in counts) == [(ids[0], 1), (ids[1], 1)]


def test_a_batch_is_not_queued_again_while_its_worker_still_reports(db_tasks, event):
    task = _killed_mid_batch(event)
    WorkerHeartbeat.objects.filter(worker_id="killed").update(seen_at=timezone.now())
    _worker("other").run()
    task.refresh_from_db()
    assert (task.status, task.worker_ids) == ("RUNNING", ["killed"])


def test_a_batch_is_queued_again_a_bounded_number_of_times(db_tasks, event):
    db_tasks.PARALLAX_WORKER = {**db_tasks.PARALLAX_WORKER, "MAX_ATTEMPTS": 2}
    task = _killed_mid_batch(event)
    DBTaskResult.objects.filter(pk=task.pk).update(worker_ids=["killed-once", "killed"])
    _worker("survivor").run()
    task.refresh_from_db()
    assert (task.status, task.exception_class_path) == ("FAILED", "ops.worker.WorkerLost")


def test_finished_task_rows_are_pruned_after_the_retention_age(db_tasks, event):
    from ops.worker import prune_finished_tasks

    old, recent = (analyse_batch.enqueue([], builtin_model_version().pk) for _ in range(2))
    _worker().run()
    DBTaskResult.objects.filter(pk=old.id).update(finished_at=timezone.now() - dt.timedelta(days=8))
    assert prune_finished_tasks() == 1
    assert [str(pk) for pk in DBTaskResult.objects.values_list("pk", flat=True)] == [recent.id]


def test_the_batch_that_completes_an_event_queues_its_summary_vocabulary_and_csv(db_tasks, event):
    from reports.models import EventSummary
    from reports.summary import event_summary, event_vocabulary_state

    analyse_event.call(event.pk)
    _worker().run()  # the batches, then the refreshes they queued
    refreshes = DBTaskResult.objects.filter(task_path__startswith="reports.tasks.refresh_")
    assert sorted(refreshes.values_list("task_path", "status")) == [
        ("reports.tasks.refresh_span_csv", "SUCCESSFUL"),
        ("reports.tasks.refresh_summary", "SUCCESSFUL"),
        ("reports.tasks.refresh_vocabulary", "SUCCESSFUL"),
    ]
    assert "updating" not in event_summary(event)
    assert event_vocabulary_state(event)[1] is False
    assert EventSummary.objects.get(event=event).refresh_requested_at is None


def test_a_batch_that_leaves_articles_unanalysed_queues_no_refresh(db_tasks, event):
    ids = _current_revisions(event)[:2]
    analyse_batch.enqueue(ids, builtin_model_version().pk)
    _worker().run()
    assert not DBTaskResult.objects.filter(task_path__startswith="reports.tasks.").exists()


def test_a_batch_is_stored_with_the_same_number_of_queries_whatever_its_size(event):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from framing.analysis_services import revisions_analyse

    model = builtin_model_version()
    ids = _current_revisions(event)
    with CaptureQueriesContext(connection) as one:
        revisions_analyse(revision_ids=ids[:1], model_version=model)
    with CaptureQueriesContext(connection) as four:
        assert revisions_analyse(revision_ids=ids[1:], model_version=model) == 4
    assert len(four.captured_queries) == len(one.captured_queries)


def test_a_batch_keeps_analysts_decisions_on_the_spans_it_suggests_again(event):
    from framing.analysis_services import revisions_analyse
    from framing.models import Annotation, SpanDecision

    model = builtin_model_version()
    ids = _current_revisions(event)
    revisions_analyse(revision_ids=ids, model_version=model)
    suggestion = Annotation.objects.filter(revision_id=ids[2]).first()
    SpanDecision.objects.create(
        revision_id=ids[2],
        start=suggestion.start,
        end=suggestion.end,
        label_key=suggestion.label.key,
        status="rejected",
    )
    Analysis.objects.all().delete()
    revisions_analyse(revision_ids=ids, model_version=model)
    again = Annotation.objects.get(
        revision_id=ids[2], start=suggestion.start, end=suggestion.end, label=suggestion.label
    )
    assert again.status == "rejected"
    assert Annotation.objects.exclude(revision_id=ids[2]).exclude(status="suggested").count() == 0


def test_a_batch_racing_another_worker_stores_the_rest_once(event, monkeypatch):
    """Another worker stores one of the batch's analyses while this one runs the engine:
    the batch's single insert fails, and it stores the others one by one."""
    import framing.analysis_services as services

    model = builtin_model_version()
    ids = _current_revisions(event)
    analyze = services.engine.analyze
    first = event.articles.get(current_revision=ids[0]).current_revision

    def analyze_while_another_worker_stores(text, model=None):
        if not Analysis.objects.exists():
            services._store(revision=first, model_version=builtin_model_version(),
                            result=analyze(first.text))  # fmt: skip
        return analyze(text, model=model)

    monkeypatch.setattr(services.engine, "analyze", analyze_while_another_worker_stores)
    assert services.revisions_analyse(revision_ids=ids, model_version=model) == 4
    counts = Analysis.objects.values("revision").annotate(n=Count("pk"))
    assert sorted((r["revision"], r["n"]) for r in counts) == [(i, 1) for i in ids]


@pytest.mark.parametrize("table", ["annotations", "quotes", "actors"])
def test_span_rows_of_a_batch_are_stored_as_bulk_create_stores_them(event, table):
    """On PostgreSQL a batch's span rows go in through COPY: every column must read back as
    bulk_create would have stored it (JSON, empty strings, NULLs, foreign keys, times)."""
    import copy

    import framing.analysis_services as services
    from framing import engine
    from framing.fast_insert import insert_rows
    from framing.models import ActorMention, Annotation, QuoteSpan

    make_article(
        event=event,
        title="Actors",
        text="NATO and the European Union said the United Nations must act. "
        '"We will not wait," President Macron told Reuters.',
    )
    model = builtin_model_version()
    ids = _current_revisions(event)
    services.revisions_analyse(revision_ids=ids, model_version=model)
    analyses = list(Analysis.objects.filter(revision_id__in=ids).select_related("revision"))
    results = [engine.analyze(a.revision.text) for a in analyses]
    Annotation.objects.all().delete()
    QuoteSpan.objects.all().delete()
    ActorMention.objects.all().delete()
    pairs = list(zip(analyses, results, strict=True))
    kind, rows = {
        "annotations": (Annotation, services._term_rows(analyses=analyses, results=results)[0]),
        "quotes": (QuoteSpan, [q for a, r in pairs for q in services._quote_rows(a, r)]),
        "actors": (ActorMention, [m for a, r in pairs for m in services._actor_rows(a, r)]),
    }[table]
    assert rows
    twin = copy.deepcopy(rows)

    def stored() -> list[dict]:
        return [
            {k: v for k, v in r.items() if k != "id"}
            for r in kind.objects.order_by("analysis", "start", "end", "pk").values()
        ]

    insert_rows(kind, rows)
    inserted = stored()
    kind.objects.all().delete()
    kind.objects.bulk_create(twin)
    assert inserted == stored()


def test_an_event_first_analysed_one_article_at_a_time_adopts_the_built_in_model():
    # Without a model the pages cannot apply the event's operating point.
    event = EventFactory()
    article = make_article(event=event, text="The regime's thugs crushed the peaceful march.")
    assert event.analysis_model_id is None
    analyse_revision.call(article.current_revision.pk)
    event.refresh_from_db()
    assert event.analysis_model == builtin_model_version()
