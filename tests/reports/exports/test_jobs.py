"""The background export job: queue, progress, failure, expiry, takeover, clean-up."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.utils import timezone

from reports.exports import jobs
from reports.exports.registry import KINDS, ExportCancelled, ExportOutput, register
from reports.models import ExportJob, ExportStatus
from tests.factories import EventFactory

seen: dict[str, object] = {}


@pytest.fixture
def kind():
    """A test kind whose generator records what it saw and does what ``seen`` asks."""

    @register("test_kind", label="Test export", extension="txt")
    def make(job, progress):
        progress(40, "halfway")
        row = ExportJob.objects.get(pk=job.pk)
        seen["during"] = (row.status, row.progress, row.message)
        if "raise" in seen:
            raise seen["raise"]
        return ExportOutput("hello world.txt", "text/plain", f"params={job.params}".encode())

    seen.clear()
    yield "test_kind"
    KINDS.pop("test_kind")


@pytest.fixture
def event(workspace):
    return EventFactory(workspace=workspace)


def test_start_runs_the_generator_and_stores_its_file(kind, event, owner):
    job = jobs.export_start(user=owner, event=event, kind=kind, params={"x": "1"})
    assert job.status == ExportStatus.SUCCEEDED
    assert job.file.read() == b"params={'x': '1'}"
    assert (job.filename, job.size, job.progress) == ("hello_world.txt", 17, 100)


def test_progress_is_written_while_the_generator_runs(kind, event, owner):
    jobs.export_start(user=owner, event=event, kind=kind)
    assert seen["during"] == (ExportStatus.RUNNING, 40, "halfway")


def test_finished_file_expires_after_the_ttl(kind, event, owner, settings):
    settings.PARALLAX_EXPORTS = {"TTL_HOURS": 2}
    job = jobs.export_start(user=owner, event=event, kind=kind)
    assert job.expires_at - job.finished_at == dt.timedelta(hours=2)


def test_validation_error_fails_the_job_with_its_message(kind, event, owner):
    seen["raise"] = ValidationError("Nothing to export: the event has no articles.")
    job = jobs.export_start(user=owner, event=event, kind=kind)
    assert job.status == ExportStatus.FAILED
    assert job.error == "Nothing to export: the event has no articles."
    assert not job.file


def test_unexpected_error_fails_the_job_without_its_details(kind, event, owner):
    seen["raise"] = OSError("/secret/path is full")
    job = jobs.export_start(user=owner, event=event, kind=kind)
    assert job.status == ExportStatus.FAILED
    assert "OSError" in job.error and "/secret" not in job.error


def test_unknown_kind_is_refused_before_a_job_exists(event, owner):
    with pytest.raises(ValidationError):
        jobs.export_start(user=owner, event=event, kind="no_such_kind")
    assert not ExportJob.objects.exists()


def test_clean_rejects_bad_params_before_a_job_exists(event, owner):
    def clean(params):
        raise ValidationError("table must be one of: spans")

    register("test_clean", label="Clean", clean=clean)(lambda job, progress: None)
    try:
        with pytest.raises(ValidationError):
            jobs.export_start(user=owner, event=event, kind="test_clean", params={"table": "x"})
    finally:
        KINDS.pop("test_clean")
    assert not ExportJob.objects.exists()


def _job(event, user, **fields):
    return ExportJob.objects.create(
        workspace=event.workspace, event=event, created_by=user, kind="test_kind", **fields
    )


def test_a_live_running_job_is_not_claimed_twice(kind, event, owner):
    job = _job(event, owner, status=ExportStatus.RUNNING, heartbeat_at=timezone.now())
    jobs.export_run(job_id=job.pk)
    assert "during" not in seen
    job.refresh_from_db()
    assert job.status == ExportStatus.RUNNING


def test_a_running_job_whose_worker_died_is_taken_over(kind, event, owner):
    stale = timezone.now() - dt.timedelta(minutes=5)
    job = _job(event, owner, status=ExportStatus.RUNNING, heartbeat_at=stale)
    assert jobs.export_run(job_id=job.pk).status == ExportStatus.SUCCEEDED


def test_progress_of_a_run_that_lost_its_claim_stops_the_generator(kind, event, owner):
    job = _job(event, owner, status=ExportStatus.RUNNING, heartbeat_at=timezone.now())
    job.started_at = timezone.now() - dt.timedelta(minutes=1)  # not the run in the row
    progress = jobs._Progress(job)
    with pytest.raises(ExportCancelled):
        progress(50)


def test_a_stale_running_job_shows_as_stalled(event, owner):
    stale = timezone.now() - dt.timedelta(minutes=5)
    job = _job(event, owner, status=ExportStatus.RUNNING, heartbeat_at=stale)
    state = jobs.export_state(job)
    assert state["stalled"] and state["status_label"] == "Stalled" and state["error"]


def test_cleanup_deletes_expired_files_and_marks_their_jobs(kind, event, owner):
    job = jobs.export_start(user=owner, event=event, kind=kind)
    name = job.file.name
    assert jobs.exports_cleanup(now=job.expires_at + dt.timedelta(seconds=1)) == 1
    job.refresh_from_db()
    assert job.status == ExportStatus.EXPIRED and not job.file
    assert not default_storage.exists(name)


def test_cleanup_keeps_files_that_have_not_expired(kind, event, owner):
    job = jobs.export_start(user=owner, event=event, kind=kind)
    assert jobs.exports_cleanup() == 0
    assert default_storage.exists(job.file.name)


def test_cleanup_deletes_files_whose_job_is_gone(kind, event, owner):
    job = jobs.export_start(user=owner, event=event, kind=kind)
    name = job.file.name
    event.delete()
    assert jobs.exports_cleanup() == 1
    assert not default_storage.exists(name)


def test_starting_an_export_expires_old_ones(kind, event, owner):
    old = jobs.export_start(user=owner, event=event, kind=kind)
    ExportJob.objects.filter(pk=old.pk).update(expires_at=timezone.now() - dt.timedelta(1))
    jobs.export_start(user=owner, event=event, kind=kind)
    old.refresh_from_db()
    assert old.status == ExportStatus.EXPIRED


def test_a_job_that_never_ran_is_deleted_after_the_retention(event, owner, settings):
    settings.PARALLAX_EXPORTS = {"RETENTION_DAYS": 30}
    job = _job(event, owner, status=ExportStatus.QUEUED)
    ExportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - dt.timedelta(days=31))
    jobs.exports_cleanup()
    assert not ExportJob.objects.filter(pk=job.pk).exists()


def test_an_expired_job_row_is_kept_until_the_retention(kind, event, owner):
    job = jobs.export_start(user=owner, event=event, kind=kind)
    jobs.exports_cleanup(now=job.expires_at + dt.timedelta(days=1))
    assert ExportJob.objects.filter(pk=job.pk, status=ExportStatus.EXPIRED).exists()


def test_a_job_deleted_while_it_runs_stops_quietly(event, owner):
    def make(job, progress):
        ExportJob.objects.filter(pk=job.pk).delete()  # the event went, and its jobs with it
        progress(50)
        raise AssertionError("progress must stop a job that is gone")

    register("test_gone", label="Gone")(make)
    try:
        job = _job(event, owner, status=ExportStatus.QUEUED)
        ExportJob.objects.filter(pk=job.pk).update(kind="test_gone")
        assert jobs.export_run(job_id=job.pk) is None
    finally:
        KINDS.pop("test_gone")
