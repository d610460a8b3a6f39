"""Browser tests: Playwright for Python driving Debian's Chromium against a live server.

Skipped (with the reason in the report) when Chromium is not installed; `make test`
prints beforehand whether they run.
"""

from __future__ import annotations

import contextlib
import os

import pytest
from django.core.servers.basehttp import WSGIServer
from django.test.testcases import LiveServerThread
from playwright.sync_api import expect

from tests.playwright_harness import CHROMIUM_FLAGS, chromium_path


# The test database is in-memory SQLite, whose one connection the live server shares with
# the test. A threaded server lets Chromium's parallel requests (a page's chart JSON, say)
# use that connection at the same moment, which SQLite refuses now and then; one request at
# a time is plenty for these tests. (Django answers "Connection: close" when not threaded.)
class _OneRequestAtATimeServer(WSGIServer):
    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.connections_override = connections_override or {}


LiveServerThread.server_class = _OneRequestAtATimeServer

# Playwright's sync API runs an event loop in this thread; Django's async-safety check
# would otherwise refuse the ORM calls the tests make between page actions.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    # Let the page's own requests (a charts page fetches several JSONs) finish before the
    # test database is flushed: the live server shares its connection, and a request still
    # writing (a summary refresh, say) while the flush runs fails the teardown.
    # (A page that never goes idle must not fail the test here.)
    with contextlib.suppress(Exception):
        page.wait_for_load_state("networkidle", timeout=10_000)
    context.close()


@pytest.fixture
def demo_event(transactional_db):
    from articles.demo_loader import demo_load

    return demo_load()


def log_in(page, email: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/")


def keyboard_tag(page, *, skip: int, words: int) -> None:
    """On an open article page, select ``words`` words after ``skip`` with the arrow keys
    and press 1 (the first label's shortcut), as an analyst without a mouse does."""
    # Right after a navigation the HTML can be visible before annotate.js has wired its
    # keys (a press then does nothing and "Tagged" never comes): wait for its marker.
    expect(page.locator("#article-text[data-ready]")).to_be_attached()
    page.locator("#article-text").focus()
    for _ in range(skip + 1):
        page.keyboard.press("ArrowRight")
    for _ in range(words - 1):
        page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("1")
    expect(page.locator("#annotate-status")).to_contain_text("Tagged")
