"""Import commit: choices applied, articles written staged then published, jobs restartable."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import timezone

from articles import selectors
from articles.imports import (
    import_commit,
    import_preview,
    job_discard,
    job_restart,
    job_stalled,
    job_state,
)
from articles.imports import jobs as jobs_module
from articles.imports import runs as runs_module
from articles.imports.writer import publish
from articles.ingestion import IngestionError
from articles.models import Article, ImportJob, ImportStatus, ItemDecision, ItemKind, SourceFile
from framing.models import Annotation
from framing.services import codebooks_install_defaults
from tests.factories import EventFactory, make_article

from .helpers import STORY, STORY_2, STORY_3, WIRE, WIRE_EDITED, jsonl, record, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(workspace):
    return EventFactory(workspace=workspace, title="Shoals")


def _preview(event, user, *records, name="a.jsonl"):
    return import_preview(event=event, files=[upload(name, jsonl(*records))], user=user)


def test_confirming_creates_visible_articles_with_revision_one(event, analyst):
    job = _preview(event, analyst, record(STORY), record(STORY_2))
    job = import_commit(job=job, decisions={}, user=analyst)
    assert job.status == ImportStatus.SUCCEEDED
    articles = list(event.articles.all())
    assert len(articles) == 2
    assert all(a.current_revision.number == 1 and not a.staged for a in articles)


def test_imported_article_keeps_its_source_file_and_location(event, analyst):
    job = import_commit(job=_preview(event, analyst, record(STORY)), decisions={}, user=analyst)
    article = event.articles.get()
    assert article.source_file == job.source_files.get()
    assert article.source_location == "line 1"
    assert article.added_by == analyst


def test_edits_from_the_preview_are_saved_on_the_article(event, analyst):
    job = _preview(event, analyst, record(STORY))
    item = job.items.get()
    edits = {
        "title": "Edited title",
        "outlet": "Ostrel Post",
        "published": "2024-06-28T09:30:00+02:00",
        "url": "https://ostrel.example/a",
        "byline": "R. Tamm",
    }
    import_commit(job=job, decisions={item.pk: edits}, user=analyst)
    article = event.articles.get()
    assert (article.title, article.outlet.name, article.byline) == (
        "Edited title",
        "Ostrel Post",
        "R. Tamm",
    )
    assert article.published_at == dt.datetime(2024, 6, 28, 7, 30, tzinfo=dt.UTC)
    assert article.url == "https://ostrel.example/a"


def test_naive_datetime_from_a_file_is_stored_as_utc(event, analyst):
    job = _preview(event, analyst, record(STORY, published="2024-06-28 10:00:00"))
    import_commit(job=job, decisions={}, user=analyst)
    assert event.articles.get().published_at == dt.datetime(2024, 6, 28, 10, tzinfo=dt.UTC)


def test_invalid_edit_is_refused_and_nothing_is_saved(event, analyst):
    job = _preview(event, analyst, record(STORY))
    item = job.items.get()
    with pytest.raises(ValidationError, match="not a valid http"):
        import_commit(job=job, decisions={item.pk: {"url": "javascript:alert(1)"}}, user=analyst)
    assert Article.all_objects.count() == 0
    item.refresh_from_db()
    assert item.url == ""


def test_an_item_without_outlet_must_be_given_one(event, analyst):
    job = import_preview(event=event, files=[upload("a.txt", STORY)], user=analyst)
    with pytest.raises(ValidationError, match="which outlet"):
        import_commit(job=job, decisions={}, user=analyst)
    assert Article.all_objects.count() == 0


def test_skipped_duplicate_is_not_imported(event, analyst):
    existing = make_article(event=event, text=STORY)
    job = _preview(event, analyst, record(STORY), record(STORY_2))
    import_commit(job=job, decisions={}, user=analyst)
    assert event.articles.exclude(pk=existing.pk).get().current_revision.text == STORY_2


def test_near_duplicate_kept_as_republication_links_to_the_original(event, analyst):
    original = make_article(event=event, text=WIRE)
    job = _preview(event, analyst, record(WIRE_EDITED, outlet="Relay"))
    item = job.items.get()
    import_commit(job=job, decisions={item.pk: {"decision": "republication"}}, user=analyst)
    copy = event.articles.exclude(pk=original.pk).get()
    assert copy.republication_of == original


def test_republication_of_an_item_in_the_same_batch_links_to_its_new_article(event, analyst):
    job = _preview(event, analyst, record(WIRE, outlet="Wire"), record(WIRE_EDITED, outlet="Relay"))
    second = job.items.order_by("position")[1]
    import_commit(job=job, decisions={second.pk: {"decision": "republication"}}, user=analyst)
    wire = event.articles.get(outlet__name="Wire")
    assert event.articles.get(outlet__name="Relay").republication_of == wire


def test_only_a_duplicate_can_be_a_republication(event, analyst):
    job = _preview(event, analyst, record(STORY))
    item = job.items.get()
    with pytest.raises(ValidationError, match="only a duplicate"):
        import_commit(job=job, decisions={item.pk: {"decision": "republication"}}, user=analyst)


def test_all_skipped_is_refused(event, analyst):
    job = _preview(event, analyst, record(STORY))
    item = job.items.get()
    with pytest.raises(ValidationError, match="Nothing to import"):
        import_commit(job=job, decisions={item.pk: {"decision": "skip"}}, user=analyst)


def test_a_job_cannot_be_confirmed_twice(event, analyst):
    job = import_commit(job=_preview(event, analyst, record(STORY)), decisions={}, user=analyst)
    with pytest.raises(ValidationError, match="already confirmed"):
        import_commit(job=job, decisions={}, user=analyst)
    assert event.articles.count() == 1


def test_spans_become_accepted_annotations_by_the_importing_user(event, analyst, workspace):
    codebooks_install_defaults(workspace=workspace)
    from framing.models import Label

    label = Label.objects.filter(codebook_version__codebook__key="loaded-terms").first()
    start = STORY.index("reckless provocation")
    span = {"start": start, "end": start + len("reckless provocation"), "label": label.key}
    job = _preview(event, analyst, record(STORY, spans=[span]))
    import_commit(job=job, decisions={}, user=analyst)
    annotation = Annotation.objects.get()
    assert annotation.text == "reckless provocation"
    assert (annotation.author_user, annotation.status, annotation.label) == (
        analyst,
        "accepted",
        label,
    )


def test_analysis_is_queued_once_for_the_event_not_per_article(
    event, analyst, django_capture_on_commit_callbacks, monkeypatch
):
    calls = []
    from framing import tasks

    class Recorder:
        def __init__(self, name):
            self.name = name

        def enqueue(self, *args):
            calls.append((self.name, args))

    monkeypatch.setattr(tasks, "analyse_event", Recorder("event"))
    monkeypatch.setattr(tasks, "analyse_revision", Recorder("revision"))
    job = _preview(event, analyst, record(STORY), record(STORY_2), record(STORY_3))
    with django_capture_on_commit_callbacks(execute=True):
        import_commit(job=job, decisions={}, user=analyst)
    assert calls == [("event", (event.pk,))]


def test_large_import_runs_as_a_task_in_chunks(event, analyst, settings):
    settings.PARALLAX_IMPORT = {"INLINE_MAX_ARTICLES": 1, "CHUNK_SIZE": 2}
    job = _preview(event, analyst, *(record(distinct_text(i)) for i in range(5)))
    job = import_commit(job=job, decisions={}, user=analyst)  # ImmediateBackend runs the task
    job.refresh_from_db()
    assert (job.status, job.progress, event.articles.count()) == (ImportStatus.SUCCEEDED, 5, 5)


def test_staged_articles_are_invisible_to_pages_and_counts(event, analyst, workspace):
    job = _preview(event, analyst, record(STORY))
    item = job.items.get()
    monkey_fail_publish(job, item, analyst)
    assert event.articles.count() == 0
    assert Article.all_objects.filter(staged=True).count() == 1
    counts = selectors.events_with_counts(workspace=workspace).get(pk=event.pk)
    assert counts.n_articles == 0
    assert selectors.outlets_with_counts(workspace=workspace).get().n_articles == 0


def monkey_fail_publish(job, item, user):
    """Write a job's articles as staged without publishing: a worker killed before the end."""
    original = runs_module.publish
    runs_module.publish = _die
    try:
        with pytest.raises(SystemExit):
            import_commit(job=job, decisions={}, user=user)
    finally:
        runs_module.publish = original


def _die(*, job):
    raise SystemExit("worker killed")


def test_failing_import_leaves_no_article_and_a_failed_job(event, analyst, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(runs_module, "publish", broken)
    job = import_commit(job=_preview(event, analyst, record(STORY)), decisions={}, user=analyst)
    assert job.status == ImportStatus.FAILED
    assert Article.all_objects.count() == 0


def test_unexpected_error_is_shown_generically_not_as_its_text(event, analyst, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("/srv/parallax/db.sqlite3: disk full")

    monkeypatch.setattr(runs_module, "publish", broken)
    job = import_commit(job=_preview(event, analyst, record(STORY)), decisions={}, user=analyst)
    assert job.error == runs_module.UNEXPECTED
    assert "disk full" not in jobs_module.job_state(job)["error"]


def test_ingestion_error_during_a_run_keeps_its_own_message(event, analyst, monkeypatch):
    def broken(**kwargs):
        raise IngestionError("row 3 has no text", source="a.csv")

    monkeypatch.setattr(runs_module, "publish", broken)
    job = import_commit(job=_preview(event, analyst, record(STORY)), decisions={}, user=analyst)
    assert job.error == "a.csv: row 3 has no text"


def test_a_double_clicked_confirm_imports_the_articles_once(event, analyst):
    job = _preview(event, analyst, record(STORY), record(STORY_2))
    first, second = ImportJob.objects.get(pk=job.pk), ImportJob.objects.get(pk=job.pk)
    import_commit(job=first, decisions={}, user=analyst)
    with pytest.raises(ValidationError, match="already confirmed"):
        import_commit(job=second, decisions={}, user=analyst)  # its copy still says "preview"
    assert Article.all_objects.count() == 2
    assert ImportJob.objects.get(pk=job.pk).attempt == 1


def test_a_double_clicked_restart_runs_the_job_once(event, analyst, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(runs_module, "publish", broken)
    job = import_commit(job=_preview(event, analyst, record(STORY)), decisions={}, user=analyst)
    monkeypatch.setattr(runs_module, "publish", publish)
    first, second = ImportJob.objects.get(pk=job.pk), ImportJob.objects.get(pk=job.pk)
    assert job_restart(job=first, user=analyst).status == ImportStatus.SUCCEEDED
    with pytest.raises(ValidationError, match="Only a failed or stalled"):
        job_restart(job=second, user=analyst)  # its copy still says "failed"
    assert Article.all_objects.count() == 1


def test_worker_superseded_between_chunks_writes_no_further_chunk(
    event, analyst, settings, monkeypatch
):
    settings.PARALLAX_IMPORT = {"INLINE_MAX_ARTICLES": 0, "CHUNK_SIZE": 1}
    job = _preview(event, analyst, record(STORY), record(STORY_2))
    real_row = jobs_module._row

    def restarted_meanwhile(item, written, in_chunk):
        if written:  # the second chunk: a restart commits while this worker reads it
            ImportJob.objects.filter(pk=job.pk).update(attempt=F("attempt") + 1)
        return real_row(item, written, in_chunk)

    monkeypatch.setattr(jobs_module, "_row", restarted_meanwhile)
    import_commit(job=job, decisions={}, user=analyst)
    job.refresh_from_db()
    assert Article.all_objects.filter(staged=True).count() == 1
    assert (job.attempt, job.status, job.progress) == (2, ImportStatus.RUNNING, 1)


def test_failing_worker_that_lost_the_job_leaves_the_new_attempts_rows(event, analyst):
    job = _preview(event, analyst, record(STORY))
    monkey_fail_publish(job, job.items.get(), analyst)
    ImportJob.objects.filter(pk=job.pk).update(attempt=F("attempt") + 1)  # restarted meanwhile
    job.refresh_from_db()
    assert not runs_module.job_fail(job, job.attempt - 1, RuntimeError("late failure"))
    job.refresh_from_db()
    assert (job.status, job.error) == (ImportStatus.RUNNING, "")
    assert Article.all_objects.filter(staged=True).count() == 1


def test_failed_job_can_be_restarted(event, analyst, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(runs_module, "publish", broken)
    job = import_commit(job=_preview(event, analyst, record(STORY)), decisions={}, user=analyst)
    monkeypatch.setattr(runs_module, "publish", publish)
    job = job_restart(job=job, user=analyst)
    assert job.status == ImportStatus.SUCCEEDED
    assert event.articles.count() == 1


def test_job_with_stale_heartbeat_is_stalled_and_resuming_publishes_its_rows_once(
    event, analyst, settings
):
    job = _preview(event, analyst, record(STORY))
    monkey_fail_publish(job, job.items.get(), analyst)
    job.refresh_from_db()
    assert job.status == ImportStatus.RUNNING and not job_stalled(job)
    settings.PARALLAX_IMPORT = {"STALL_SECONDS": 0}
    assert job_stalled(job)
    job = job_restart(job=job, user=analyst)
    assert job.status == ImportStatus.SUCCEEDED
    assert Article.all_objects.count() == 1 and event.articles.count() == 1


class Killed(BaseException):
    """A process killed mid-import: nothing of it runs any more, no except clause sees it."""


def test_resuming_a_killed_import_writes_only_the_rows_it_had_not_written(
    event, analyst, settings, monkeypatch
):
    settings.PARALLAX_IMPORT = {"CHUNK_SIZE": 1}
    job = _preview(event, analyst, record(STORY), record(STORY_2), record(STORY_3))
    write_chunk = runs_module.write_chunk
    calls = {"n": 0}

    def killed_at_the_second_chunk(**kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise Killed
        return write_chunk(**kwargs)

    monkeypatch.setattr(runs_module, "write_chunk", killed_at_the_second_chunk)
    with pytest.raises(Killed):
        import_commit(job=job, decisions={}, user=analyst)
    first = Article.all_objects.get()  # the first chunk was committed, staged
    job.refresh_from_db()
    assert (job.status, first.staged, event.articles.count()) == (ImportStatus.RUNNING, True, 0)
    ImportJob.objects.filter(pk=job.pk).update(
        heartbeat_at=timezone.now() - dt.timedelta(seconds=31)  # default STALL_SECONDS: 30
    )
    job.refresh_from_db()
    assert job_stalled(job)
    monkeypatch.setattr(runs_module, "write_chunk", write_chunk)
    job = job_restart(job=job, user=analyst)
    assert (job.status, job.progress, job.total) == (ImportStatus.SUCCEEDED, 3, 3)
    assert sorted(a.current_revision.text for a in event.articles.all()) == sorted(
        [STORY, STORY_2, STORY_3]
    )
    assert event.articles.filter(pk=first.pk).exists()  # kept, not written again


def test_a_recent_heartbeat_is_not_stalled(event, analyst):
    job = _preview(event, analyst, record(STORY))
    monkey_fail_publish(job, job.items.get(), analyst)
    ImportJob.objects.filter(pk=job.pk).update(
        heartbeat_at=timezone.now() - dt.timedelta(seconds=20)
    )
    job.refresh_from_db()
    assert not job_stalled(job)


def _queued(event, analyst, waited: float) -> ImportJob:
    job = _preview(event, analyst, record(STORY))
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportStatus.QUEUED, attempt=1,
        heartbeat_at=timezone.now() - dt.timedelta(seconds=waited),
    )  # fmt: skip
    job.refresh_from_db()
    return job


def test_queued_job_with_no_live_worker_is_stalled_and_says_why(event, analyst):
    job = _queued(event, analyst, waited=40)
    assert job_stalled(job)
    assert "No background worker" in job_state(job)["stall_reason"]
    job = job_restart(job=job, user=analyst)  # runs inline here: the job is small
    assert job.status == ImportStatus.SUCCEEDED


def test_queued_job_behind_a_busy_live_worker_is_waiting_not_stalled(event, analyst):
    from ops.models import WorkerHeartbeat

    WorkerHeartbeat.objects.create(worker_id="busy", pid=1, state="busy")
    job = _queued(event, analyst, waited=40)
    assert not job_stalled(job)
    with pytest.raises(ValidationError, match="Only a failed or stalled"):
        job_restart(job=job, user=analyst)


def test_a_command_import_is_not_resumed_from_the_page(event, analyst):
    job = _preview(event, analyst, record(STORY))
    ImportJob.objects.filter(pk=job.pk).update(kind="command", status=ImportStatus.FAILED)
    job.refresh_from_db()
    assert not job_state(job)["resumable"]
    with pytest.raises(ValidationError, match="import_articles"):
        job_restart(job=job, user=analyst)


def test_running_job_cannot_be_restarted_or_discarded(event, analyst):
    job = _preview(event, analyst, record(STORY))
    monkey_fail_publish(job, job.items.get(), analyst)
    job.refresh_from_db()
    with pytest.raises(ValidationError, match="restarted"):
        job_restart(job=job, user=analyst)
    with pytest.raises(ValidationError, match="running"):
        job_discard(job=job, user=analyst)


def test_discarding_a_stalled_job_deletes_its_staged_rows_and_sources(event, analyst, settings):
    job = _preview(event, analyst, record(STORY))
    monkey_fail_publish(job, job.items.get(), analyst)
    settings.PARALLAX_IMPORT = {"STALL_SECONDS": 0}
    job.refresh_from_db()
    job = job_discard(job=job, user=analyst)
    assert job.status == ImportStatus.DISCARDED
    assert Article.all_objects.count() == 0
    assert SourceFile.objects.count() == 0


def test_old_worker_stops_writing_after_a_restart(event, analyst):
    job = _preview(event, analyst, record(STORY))
    monkey_fail_publish(job, job.items.get(), analyst)
    job.refresh_from_db()
    stale_attempt = job.attempt
    job.attempt += 1
    job.save()
    jobs_module.job_run(job_id=job.pk, attempt=stale_attempt)
    assert event.articles.count() == 0


def test_discarding_a_preview_removes_its_evidence(event, analyst):
    job = _preview(event, analyst, record(STORY))
    job_discard(job=job, user=analyst)
    assert SourceFile.objects.count() == 0
    assert job.items.count() == 0


def test_near_duplicate_item_defaults_to_skip(event, analyst):
    make_article(event=event, text=WIRE)
    job = _preview(event, analyst, record(WIRE_EDITED))
    item = job.items.get()
    assert (item.kind, item.decision) == (ItemKind.NEAR_DUPLICATE, ItemDecision.SKIP)


def distinct_text(seed: int) -> str:
    """A text sharing no four-word run with another seed's (so not a near-duplicate)."""
    import random

    rng = random.Random(seed)
    words = (STORY + " " + STORY_2 + " " + STORY_3).split()
    return " ".join(rng.choice(words) for _ in range(80)) + "."


def test_a_failing_worker_removes_its_staged_rows_in_batches_and_stops_when_superseded(
    event, analyst, settings, monkeypatch
):
    from articles.imports import writer

    settings.PARALLAX_IMPORT = {"CHUNK_SIZE": 1}
    job = _preview(event, analyst, record(STORY), record(STORY_2), record(STORY_3))
    monkey_fail_publish(job, job.items.first(), analyst)
    job.refresh_from_db()
    assert Article.all_objects.filter(staged=True).count() == 3
    monkeypatch.setattr(writer, "DELETE_BATCH", 1)
    guard = runs_module.job_guard
    batches = []

    def restarted_after_one_batch(job, attempt, **changes):
        batches.append(attempt)
        if len(batches) == 2:  # a restart claims the job between two batches
            ImportJob.objects.filter(pk=job.pk).update(attempt=F("attempt") + 1)
        guard(job, attempt, **changes)

    monkeypatch.setattr(runs_module, "job_guard", restarted_after_one_batch)
    assert not runs_module.job_fail(job, job.attempt, RuntimeError("disk full"))
    assert Article.all_objects.filter(staged=True).count() == 2  # the rest is the new attempt's
    assert job.items.filter(article__isnull=False).count() == 2
