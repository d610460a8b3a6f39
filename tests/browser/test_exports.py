"""Browser: the event page's Export panel starts an export, shows its progress, downloads it."""

from __future__ import annotations

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from accounts.models import Role
from reports.models import ExportJob, ExportStatus
from tests.browser.conftest import log_in
from tests.factories import EventFactory, MembershipFactory, OutletFactory, make_article
from tests.reports.conftest import STATE, WIRE

PASSWORD = "pw-for-tests-only"


@pytest.fixture
def setup(transactional_db):
    membership = MembershipFactory(role=Role.VIEWER)
    event = EventFactory(workspace=membership.workspace, title="Frigate passage")
    # Committed articles are analysed by the engine at once (the tests' task backend).
    for name, text in (("Wire", WIRE), ("State Agency", STATE)):
        outlet = OutletFactory(workspace=event.workspace, name=name)
        make_article(event=event, outlet=outlet, text=text, title=f"{name} report")
    return membership.user, event


def test_export_panel_starts_an_xlsx_and_downloads_it(page, setup):
    user, event = setup
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    log_in(page, user.email, PASSWORD)
    page.goto(event.get_absolute_url())
    panel = page.locator("#export-panel")
    panel.get_by_role("button", name="All tables (XLSX)").click()
    link = panel.locator(".export-job .export-download").first
    link.wait_for(state="visible")
    assert panel.locator(".export-job .export-status").first.inner_text() == "Ready"
    assert panel.locator(".export-job progress").first.get_attribute("value") == "100"
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename.endswith("-data.xlsx")
    book = load_workbook(io.BytesIO(download.path().read_bytes()), read_only=True)
    titles = {row[5] for row in book["articles"].iter_rows(min_row=2, values_only=True)}
    assert titles == {"Wire report", "State Agency report"}
    assert page.url.endswith(event.get_absolute_url())  # the page never left the event
    assert not [e for e in errors if "Content Security Policy" in e]


def test_export_panel_follows_a_running_job_until_its_file_is_ready(page, setup):
    user, event = setup
    now = timezone.now()
    job = ExportJob.objects.create(
        workspace=event.workspace,
        event=event,
        created_by=user,
        kind="data_json",
        status=ExportStatus.RUNNING,
        progress=30,
        message="Writing articles",
        heartbeat_at=now,
        started_at=now,
    )
    log_in(page, user.email, PASSWORD)
    page.goto(event.get_absolute_url())
    row = page.locator("#export-panel .export-job").first
    assert row.locator("progress").get_attribute("value") == "30"
    assert row.locator(".export-download").is_hidden()
    ExportJob.objects.filter(pk=job.pk).update(progress=80, heartbeat_at=timezone.now())
    # <progress>'s value property reflects to its attribute (CSP forbids a JS predicate)
    expect(row.locator("progress")).to_have_attribute("value", "80")
    expect(row.locator(".export-message")).to_have_text("Writing articles")
    name = default_storage.save(f"exports/{job.pk}/x.json", ContentFile(b"{}"))
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportStatus.SUCCEEDED,
        progress=100,
        file=name,
        filename="x.json",
        content_type="application/json",
        finished_at=timezone.now(),
        expires_at=timezone.now() + timezone.timedelta(hours=1),
    )
    row.locator(".export-download").wait_for(state="visible")
    assert row.locator(".export-status").inner_text() == "Ready"
