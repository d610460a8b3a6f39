"""Export job pages: start, progress JSON, download; who may and who is refused."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from reports.exports import jobs
from reports.exports.registry import KINDS, ExportOutput, register
from reports.models import ExportJob
from tests.factories import EventFactory


@pytest.fixture(autouse=True)
def kind():
    register("test_kind", label="Test export")(
        lambda job, progress: ExportOutput("t.csv", "text/csv", b"a,b\n")
    )
    yield "test_kind"
    KINDS.pop("test_kind")


@pytest.fixture
def event(workspace):
    return EventFactory(workspace=workspace)


@pytest.fixture
def job(event, owner):
    return jobs.export_start(user=owner, event=event, kind="test_kind")


def _start(client, user, event, **headers):
    client.force_login(user)
    url = reverse("reports:export_start", args=[event.pk])
    return client.post(url, {"kind": "test_kind"}, **headers)


def test_viewer_may_start_an_export(client, viewer, event):
    response = _start(client, viewer, event)
    job = ExportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()


def test_start_answers_json_with_the_job_state_for_scripts(client, viewer, event):
    response = _start(client, viewer, event, headers={"Accept": "application/json"})
    assert response.status_code == 202
    assert response.json()["download_url"] == reverse(
        "reports:export_download", args=[ExportJob.objects.get().pk]
    )


def test_annotator_may_not_start_an_export(client, annotator, event):
    assert _start(client, annotator, event).status_code == 403
    assert not ExportJob.objects.exists()


def test_outsider_may_not_start_an_export(client, outsider, event):
    assert _start(client, outsider, event).status_code == 404


def test_unknown_kind_answers_400_as_json(client, viewer, event):
    client.force_login(viewer)
    url = reverse("reports:export_start", args=[event.pk])
    response = client.post(url, {"kind": "nope"}, headers={"Accept": "application/json"})
    assert response.status_code == 400 and "nope" in response.json()["error"]


def test_state_reports_progress_as_json(client, viewer, job):
    client.force_login(viewer)
    state = client.get(reverse("reports:export_state", args=[job.pk])).json()
    assert (state["status"], state["progress"], state["done"]) == ("succeeded", 100, True)


def test_outsider_gets_404_for_the_state(client, outsider, job):
    client.force_login(outsider)
    assert client.get(reverse("reports:export_state", args=[job.pk])).status_code == 404


def test_job_page_shows_a_progress_bar(client, viewer, job):
    client.force_login(viewer)
    html = client.get(job.get_absolute_url()).content.decode()
    assert "<progress" in html and reverse("reports:export_state", args=[job.pk]) in html


def test_viewer_downloads_the_file(client, viewer, job):
    client.force_login(viewer)
    response = client.get(reverse("reports:export_download", args=[job.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"a,b\n"
    assert response["Content-Disposition"] == 'attachment; filename="t.csv"'


def test_annotator_may_not_download(client, annotator, job):
    client.force_login(annotator)
    assert client.get(reverse("reports:export_download", args=[job.pk])).status_code == 403


def test_outsider_may_not_download(client, outsider, job):
    client.force_login(outsider)
    assert client.get(reverse("reports:export_download", args=[job.pk])).status_code == 404


def test_expired_file_is_gone(client, viewer, job):
    ExportJob.objects.filter(pk=job.pk).update(expires_at=timezone.now() - dt.timedelta(1))
    client.force_login(viewer)
    assert client.get(reverse("reports:export_download", args=[job.pk])).status_code == 410


def test_event_page_lists_formats_and_jobs_in_the_export_panel(client, viewer, job, event):
    client.force_login(viewer)
    html = client.get(event.get_absolute_url()).content.decode()
    assert 'id="export-panel"' in html and 'value="test_kind"' in html
    assert reverse("reports:export_state", args=[job.pk]) in html


def test_event_page_offers_annotators_no_export(client, annotator, event):
    client.force_login(annotator)
    html = client.get(event.get_absolute_url()).content.decode()
    assert 'value="test_kind"' not in html


@pytest.fixture
def data_event(analysed):
    return analysed["event"]


def test_viewer_exports_the_event_as_xlsx(client, viewer, data_event):
    client.force_login(viewer)
    url = reverse("reports:export_start", args=[data_event.pk])
    job = ExportJob.objects.get(pk=client.post(url, {"kind": "data_xlsx"}).url.split("/")[-2])
    response = client.get(reverse("reports:export_download", args=[job.pk]))
    body = b"".join(response.streaming_content)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert body[:2] == b"PK" and job.filename.endswith("-data.xlsx")


def test_outsider_cannot_export_another_workspaces_event(client, outsider, data_event):
    client.force_login(outsider)
    url = reverse("reports:export_start", args=[data_event.pk])
    assert client.post(url, {"kind": "data_json"}).status_code == 404
    assert not ExportJob.objects.exists()


def test_annotator_cannot_export_data(client, annotator, data_event):
    client.force_login(annotator)
    url = reverse("reports:export_start", args=[data_event.pk])
    assert client.post(url, {"kind": "csv_spans"}).status_code == 403


def test_outsider_cannot_download_another_workspaces_data(client, owner, outsider, data_event):
    job = jobs.export_start(user=owner, event=data_event, kind="data_json")
    client.force_login(outsider)
    assert client.get(reverse("reports:export_download", args=[job.pk])).status_code == 404
    assert client.get(job.get_absolute_url()).status_code == 404


def test_unknown_option_is_refused_with_its_name(client, viewer, data_event):
    client.force_login(viewer)
    url = reverse("reports:export_start", args=[data_event.pk])
    response = client.post(
        url, {"kind": "data_zip", "table": "x"}, headers={"Accept": "application/json"}
    )
    assert response.status_code == 400 and "table" in response.json()["error"]


def test_start_needs_post(client, viewer, data_event):
    client.force_login(viewer)
    url = reverse("reports:export_start", args=[data_event.pk])
    assert client.get(url, {"kind": "data_zip"}).status_code == 405


def test_aligned_page_exports_its_own_columns(client, viewer, analysed):
    client.force_login(viewer)
    event = analysed["event"]
    ids = [analysed["state"].pk, analysed["wire"].pk]
    page = client.get(reverse("reports:aligned", args=[event.pk]), {"a": ids})
    assert 'id="export-alignment"' in page.content.decode()
    url = reverse("reports:export_start", args=[event.pk])
    client.post(url, {"kind": "csv_alignment", "a": [str(i) for i in ids]})
    assert ExportJob.objects.get().params["a"] == [str(i) for i in ids]


def test_aligned_page_offers_annotators_no_export(client, annotator, analysed):
    client.force_login(annotator)
    page = client.get(reverse("reports:aligned", args=[analysed["event"].pk]))
    assert 'id="export-alignment"' not in page.content.decode()


def test_with_a_database_queue_the_request_only_queues_the_export(
    client, viewer, data_event, settings
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client.force_login(viewer)
    url = reverse("reports:export_start", args=[data_event.pk])
    state = client.post(url, {"kind": "data_json"}, headers={"Accept": "application/json"}).json()
    assert (state["status"], state["progress"], state["download_url"]) == ("queued", 0, "")
    task = DBTaskResult.objects.get(status="READY")
    assert task.task_path == "reports.tasks.run_export"
    # what a worker does: the task's body is the service
    task.task.call(*task.args_kwargs["args"], **task.args_kwargs["kwargs"])
    assert client.get(state["state_url"]).json()["status"] == "succeeded"


def test_event_page_leaves_out_kinds_that_are_not_listed(client, viewer, event):
    register("test_hidden", label="Hidden export", listed=False)(lambda job, progress: None)
    try:
        client.force_login(viewer)
        html = client.get(event.get_absolute_url()).content.decode()
    finally:
        KINDS.pop("test_hidden")
    assert 'value="test_hidden"' not in html and 'value="test_kind"' in html
