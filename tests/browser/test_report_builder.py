"""The report builder in a real browser: choose, preview, save, generate, download, share."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from articles.demo_loader import DEMO_EMAIL, DEMO_PASSWORD
from framing.analysis_services import event_analyse
from tests.browser.conftest import log_in
from tests.browser.test_compare import _csp_errors


@pytest.fixture
def analysed_demo(demo_event):
    event_analyse(event=demo_event)
    return demo_event


def test_builder_previews_saves_generates_and_downloads_a_report(page, analysed_demo):
    errors = _csp_errors(page)
    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    page.goto(f"/events/{analysed_demo.pk}/reports/", timeout=60_000)
    preview = page.locator("#preview")
    page.wait_for_selector("#preview #sec-findings", timeout=60_000)
    assert preview.locator(".finding").count() > 0
    # Untick a section: the preview follows without a page load.
    page.get_by_label("Charts", exact=True).uncheck()
    page.locator("#preview #sec-charts").wait_for(state="detached", timeout=60_000)
    page.get_by_label("Title").fill("Briefing for the desk")
    page.get_by_role("button", name="Save report").click(timeout=60_000)
    page.wait_for_url(re.compile(r"/reports/\d+/$"), timeout=60_000)
    assert page.locator("h1").inner_text() == "Briefing for the desk"
    assert page.locator("#data-same").is_visible()
    page.locator("#generate-html").click(timeout=60_000)  # tests run the task in the request
    download = page.locator(".export-download:not([hidden])")
    download.wait_for(timeout=60_000)
    with page.expect_download() as info:
        download.click()
    body = Path(info.value.path()).read_text(encoding="utf-8")
    assert "Briefing for the desk" in body and 'id="sec-charts"' not in body
    assert errors == []


def test_shared_report_draws_its_charts_under_the_csp(page, analysed_demo):
    errors = _csp_errors(page)
    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    page.goto(f"/events/{analysed_demo.pk}/reports/", timeout=60_000)
    page.get_by_role("button", name="Save report").click(timeout=60_000)
    page.wait_for_url(re.compile(r"/reports/\d+/$"), timeout=60_000)
    page.get_by_role("button", name="Create share link").click(timeout=60_000)
    link = re.search(r"https?://\S+/shared/[\w-]+/", page.locator(".messages").inner_text())
    page.context.clear_cookies()  # a reader without an account
    page.goto(link.group(0), timeout=60_000)  # the report is built for the request
    page.wait_for_selector(".plot .main-svg", timeout=60_000)
    assert page.locator("#sec-findings .finding").count() > 0
    assert errors == []
