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
