"""Builder, saved reports and generation: who may do what, and what each page shows."""

from __future__ import annotations

import pytest
from django.urls import reverse

from framing.models import Annotation, AnnotationStatus
from reports.models import ExportJob, ExportStatus, SavedReport
from tests.reports.helpers import client_for

pytestmark = pytest.mark.django_db


def _save(client, event, **extra) -> SavedReport:
    data = {"sections_sent": "1", "section": ["summary", "findings", "outlets"], **extra}
    response = client.post(reverse("reports:report_builder", args=[event.pk]), data)
    assert response.status_code == 302
    return SavedReport.objects.latest("pk")


def test_builder_lists_outlets_and_sections(analysed, owner):
    response = client_for(owner).get(reverse("reports:report_builder", args=[analysed["event"].pk]))
    assert response.status_code == 200
    assert b"State Agency" in response.content and b"Key differences" in response.content


def test_builder_is_404_for_another_workspaces_user(analysed, outsider):
    url = reverse("reports:report_builder", args=[analysed["event"].pk])
    assert client_for(outsider).get(url).status_code == 404


def test_annotator_may_not_save_a_report(analysed, annotator):
    url = reverse("reports:report_builder", args=[analysed["event"].pk])
    assert client_for(annotator).post(url, {"section": "summary"}).status_code == 403
    assert not SavedReport.objects.exists()


def test_preview_renders_the_chosen_sections_only(analysed, owner):
    url = reverse("reports:report_preview", args=[analysed["event"].pk])
    body = client_for(owner).get(url, {"sections_sent": "1", "section": "outlets"}).content
    assert b'id="sec-outlets"' in body and b'id="sec-findings"' not in body


def test_preview_is_404_for_another_workspaces_user(analysed, outsider):
    url = reverse("reports:report_preview", args=[analysed["event"].pk])
    assert client_for(outsider).get(url).status_code == 404


def test_saving_records_config_model_and_fingerprint(analysed, owner):
    event = analysed["event"]
    report = _save(client_for(owner), event, outlet=[analysed["wire"].outlet_id], point="recall")
    assert report.config["outlets"] == [analysed["wire"].outlet_id]
    assert report.config["point"] == "recall"
    assert report.model_version_id == event.analysis_model_id
    assert len(report.data_hash) == 64 and report.workspace_id == event.workspace_id


def test_saved_report_warns_when_the_data_changed_since(analysed, owner):
    client = client_for(owner)
    report = _save(client, analysed["event"])
    page = client.get(report.get_absolute_url()).content.decode()
    assert 'id="data-same"' in page and 'id="data-changed"' not in page
    note = Annotation.objects.filter(revision__article__event=analysed["event"]).first()
    note.status = AnnotationStatus.REJECTED
    note.save()
    page = client.get(report.get_absolute_url()).content.decode()
    assert 'id="data-changed"' in page


def test_a_file_generated_after_the_data_changed_says_so(analysed, owner):
    client = client_for(owner)
    report = _save(client, analysed["event"])
    note = Annotation.objects.filter(revision__article__event=analysed["event"]).first()
    note.status = AnnotationStatus.REJECTED
    note.save()
    client.post(reverse("reports:report_generate", args=[report.pk]), {"format": "html"})
    body = ExportJob.objects.get().file.open("rb").read().decode()
    assert 'id="report-warning"' in body and report.data_hash[:12] in body


def test_saved_report_is_404_for_another_workspaces_user(analysed, owner, outsider):
    report = _save(client_for(owner), analysed["event"])
    assert client_for(outsider).get(report.get_absolute_url()).status_code == 404


def test_generating_a_pdf_runs_an_export_job_whose_file_downloads(analysed, owner):
    client = client_for(owner)
    report = _save(client, analysed["event"])
    url = reverse("reports:report_generate", args=[report.pk])
    response = client.post(url, {"format": "pdf"})  # tests run tasks at once
    job = ExportJob.objects.get()
    assert response.url == job.get_absolute_url()
    assert job.kind == "report_pdf" and job.params["report"] == report.pk
    state = client.get(reverse("reports:export_state", args=[job.pk])).json()
    assert state["status"] == ExportStatus.SUCCEEDED and state["progress"] == 100
    download = client.get(state["download_url"])
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_saved_report_page_lists_its_generated_files(analysed, owner):
    client = client_for(owner)
    report = _save(client, analysed["event"])
    client.post(reverse("reports:report_generate", args=[report.pk]), {"format": "html"})
    page = client.get(report.get_absolute_url()).content.decode()
    assert 'id="jobs"' in page and "Report (HTML, one file)" in page


def test_a_saved_report_of_another_event_cannot_be_generated_through_the_export_panel(
    analysed, owner, workspace
):
    from tests.factories import EventFactory

    client = client_for(owner)
    report = _save(client, analysed["event"])
    other = EventFactory(workspace=workspace)
    url = reverse("reports:export_start", args=[other.pk])
    client.post(url, {"kind": "report_html", "report": str(report.pk)})
    job = ExportJob.objects.get()
    assert job.status == ExportStatus.FAILED and "not one of this event" in job.error


def test_export_panel_report_without_a_saved_report_covers_the_whole_event(analysed, owner):
    client = client_for(owner)
    url = reverse("reports:export_start", args=[analysed["event"].pk])
    client.post(url, {"kind": "report_html"})
    job = ExportJob.objects.get()
    assert job.status == ExportStatus.SUCCEEDED
    body = job.file.open("rb").read().decode()
    assert "Wire report" in body and "State report" in body
    assert 'href="/events/' not in body  # no site address known: no evidence links


def test_generation_is_404_for_another_workspaces_user(analysed, owner, outsider):
    report = _save(client_for(owner), analysed["event"])
    url = reverse("reports:report_generate", args=[report.pk])
    assert client_for(outsider).post(url, {"format": "html"}).status_code == 404
    assert not ExportJob.objects.exists()


def test_unknown_format_is_refused(analysed, owner):
    client = client_for(owner)
    report = _save(client, analysed["event"])
    url = reverse("reports:report_generate", args=[report.pk])
    assert client.post(url, {"format": "exe"}).status_code == 400
    assert not ExportJob.objects.exists()


def test_editing_keeps_the_report_and_updates_its_config(analysed, owner):
    client = client_for(owner)
    report = _save(client, analysed["event"])
    url = reverse("reports:report_edit", args=[report.pk])
    client.post(url, {"sections_sent": "1", "section": "methodology", "title": "Brief"})
    report.refresh_from_db()
    assert report.title == "Brief" and report.config["sections"] == ["methodology"]
