"""Import pages: who may use them (outsiders 404, viewers/annotators 403) and the flow."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from accounts.models import Role
from articles.imports import import_preview
from articles.models import Article, ImportJob, ImportStatus, SourceFile
from tests.articles.imports.helpers import STORY, STORY_2, jsonl, record, upload
from tests.factories import EventFactory, MembershipFactory

pytestmark = pytest.mark.django_db

EDIT_ROLES = {Role.OWNER, Role.ANALYST}
REFUSED_ROLES = {Role.ANNOTATOR, Role.VIEWER}


@pytest.fixture
def event(workspace):
    return EventFactory(workspace=workspace, title="Shoals")


@pytest.fixture
def job(event, workspace):
    user = MembershipFactory(workspace=workspace, role=Role.ANALYST).user
    return import_preview(event=event, files=[upload("a.jsonl", jsonl(record()))], user=user)


def _client_for(client, workspace, role):
    user = MembershipFactory(workspace=workspace, role=role).user
    client.force_login(user)
    return client


def _edit_views(event, job):
    source = job.source_files.get()
    return [
        ("get", reverse("import_start", args=[event.pk]), None),
        ("post", reverse("import_url", args=[event.pk]), {"url": "http://127.0.0.1:9/"}),
        ("get", reverse("import_job", args=[job.pk]), None),
        ("get", reverse("import_state", args=[job.pk]), None),
        ("post", reverse("import_remap", args=[job.pk, source.pk]), {"text": "text"}),
        ("post", reverse("import_restart", args=[job.pk]), {}),
        ("post", reverse("import_discard", args=[job.pk]), {}),
    ]


@pytest.mark.parametrize("role", sorted(REFUSED_ROLES))
def test_viewers_and_annotators_are_refused_every_import_page(client, workspace, event, job, role):
    client = _client_for(client, workspace, role)
    for method, url, data in _edit_views(event, job):
        response = getattr(client, method)(url, data or {})
        assert response.status_code == 403, url


def test_outsiders_get_404_on_every_import_page(client, event, job, outsider):
    client.force_login(outsider)
    for method, url, data in _edit_views(event, job):
        assert getattr(client, method)(url, data or {}).status_code == 404, url
    download = reverse("source_download", args=[job.source_files.get().pk])
    assert client.get(download).status_code == 404


def test_anonymous_users_are_sent_to_log_in(client, event):
    response = client.get(reverse("import_start", args=[event.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("role", sorted(EDIT_ROLES))
def test_editors_see_the_import_page(client, workspace, event, role):
    client = _client_for(client, workspace, role)
    response = client.get(reverse("import_start", args=[event.pk]))
    assert response.status_code == 200
    assert b"Drop files here" in response.content


def test_event_page_links_to_import_for_editors_only(client, workspace, event):
    url = reverse("import_start", args=[event.pk])
    editor = _client_for(client, workspace, Role.ANALYST)
    assert url in editor.get(event.get_absolute_url()).content.decode()
    viewer = _client_for(client, workspace, Role.VIEWER)
    assert url not in viewer.get(event.get_absolute_url()).content.decode()


def test_upload_preview_confirm_adds_the_articles(client, workspace, event):
    client = _client_for(client, workspace, Role.ANALYST)
    files = [upload("a.txt", STORY), upload("b.jsonl", jsonl(record(STORY_2)))]
    response = client.post(
        reverse("import_start", args=[event.pk]),
        {"files": files, "default_outlet": "Ostrel Post", "mapping": ""},
    )
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    page = client.get(job.get_absolute_url())
    assert "2</strong> articles will be created" in page.content.decode()
    assert event.articles.count() == 0
    item = job.items.get(source_name="a.txt")
    response = client.post(job.get_absolute_url(), {f"item-{item.pk}-title": "Renamed"})
    assert response.status_code == 302
    assert event.articles.count() == 2
    assert event.articles.filter(title="Renamed", outlet__name="Ostrel Post").exists()


def test_confirm_with_a_missing_outlet_shows_the_reason_and_saves_nothing(client, workspace, event):
    client = _client_for(client, workspace, Role.ANALYST)
    client.post(reverse("import_start", args=[event.pk]), {"files": [upload("a.txt", STORY)]})
    job = ImportJob.objects.get()
    response = client.post(job.get_absolute_url(), {})
    assert response.status_code == 400
    assert "which outlet published it?" in response.content.decode()
    assert Article.all_objects.count() == 0


def test_state_is_polled_as_json(client, workspace, job):
    client = _client_for(client, workspace, Role.ANALYST)
    state = client.get(reverse("import_state", args=[job.pk])).json()
    assert (state["status"], state["total"], state["stalled"]) == ("preview", 1, False)


def test_finished_job_page_shows_the_count(client, workspace, job):
    client = _client_for(client, workspace, Role.ANALYST)
    client.post(job.get_absolute_url(), {})
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Imported" in page and "1</span> article(s) added" in page


def test_stalled_job_page_offers_restart(client, workspace, job, settings):
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.RUNNING)
    job.refresh_from_db()
    from django.utils import timezone

    job.heartbeat_at = timezone.now()
    job.save()
    settings.PARALLAX_IMPORT = {"STALL_SECONDS": 0}
    client = _client_for(client, workspace, Role.ANALYST)
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Stalled" in page
    assert re.search(r'id="job-recover"\s*>', page)  # rendered without `hidden`


def test_discard_removes_the_preview(client, workspace, job):
    client = _client_for(client, workspace, Role.ANALYST)
    response = client.post(reverse("import_discard", args=[job.pk]))
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == ImportStatus.DISCARDED and SourceFile.objects.count() == 0


@pytest.mark.parametrize("role", sorted({Role.OWNER, Role.ANALYST, Role.VIEWER}))
def test_members_who_may_export_download_the_source_as_an_inert_attachment(
    client, workspace, job, role
):
    client = _client_for(client, workspace, role)
    source = job.source_files.get()
    response = client.get(reverse("source_download", args=[source.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == source.file.open("rb").read()


def test_annotators_may_not_download_the_source_since_they_may_not_export(client, workspace, job):
    client = _client_for(client, workspace, Role.ANNOTATOR)
    source = job.source_files.get()
    response = client.get(reverse("source_download", args=[source.pk]))
    assert response.status_code == 403


def _stale(job, status):
    import datetime as dt

    from django.utils import timezone

    ImportJob.objects.filter(pk=job.pk).update(
        status=status, attempt=1, heartbeat_at=timezone.now() - dt.timedelta(minutes=5)
    )


def test_a_stalled_running_import_offers_resume_and_says_why(client, workspace, job):
    _stale(job, ImportStatus.RUNNING)
    client = _client_for(client, workspace, Role.ANALYST)
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Resume import" in page and "stopped reporting" in page
    assert re.search(r'id="job-resume"\s*>', page)  # shown
    state = client.get(reverse("import_state", args=[job.pk])).json()
    assert (state["stalled"], state["resumable"]) == (True, True)


def test_an_abandoned_reading_import_offers_discard_but_not_resume(client, workspace, job):
    _stale(job, ImportStatus.READING)
    client = _client_for(client, workspace, Role.ANALYST)
    page = client.get(job.get_absolute_url()).content.decode()
    assert re.search(r'id="job-recover"\s*>', page)
    assert re.search(r'id="job-resume"\s*hidden', page)
    response = client.post(reverse("import_discard", args=[job.pk]))
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == ImportStatus.DISCARDED and not job.items.exists()


def test_an_upload_is_kept_and_imported_through_the_storage_api(
    client, workspace, event, settings, tmp_path
):
    """Uploaded originals live in shared storage for workers on other hosts (no local path)."""
    from django.core.files.storage import default_storage

    settings.MEDIA_ROOT = str(tmp_path)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    client = _client_for(client, workspace, Role.ANALYST)
    files = [upload("a.txt", STORY), upload("b.jsonl", jsonl(record(STORY_2)))]
    client.post(
        reverse("import_start", args=[event.pk]),
        {"files": files, "default_outlet": "Ostrel Post", "mapping": ""},
    )
    job = ImportJob.objects.get()
    assert client.post(job.get_absolute_url(), {}).status_code == 302
    assert event.articles.count() == 2
    names = [source.file.name for source in job.source_files.all()]
    assert len(names) == 2 and all(default_storage.exists(name) for name in names)
    assert not any(tmp_path.iterdir())
