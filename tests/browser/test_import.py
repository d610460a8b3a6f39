"""Browser: upload several files, check the preview, confirm, see the articles in the event."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from accounts.models import Role
from tests.articles.imports.helpers import STORY, STORY_2, STORY_3
from tests.browser.conftest import log_in
from tests.factories import EventFactory, MembershipFactory

PASSWORD = "pw-for-tests-only"


@pytest.fixture
def setup(transactional_db):
    membership = MembershipFactory(role=Role.ANALYST)
    event = EventFactory(workspace=membership.workspace, title="Marren shoals")
    return membership.user, event


def _files():
    jsonl = "\n".join(
        json.dumps({"title": t, "text": x, "outlet": "Veloria Daily"})
        for t, x in (("Shoals stand-off", STORY), ("Fishers' night", STORY_2))
    )
    return [
        {"name": "wire.jsonl", "mimeType": "application/json", "buffer": jsonl.encode()},
        {"name": "drills.txt", "mimeType": "text/plain", "buffer": STORY_3.encode()},
    ]


def test_upload_preview_and_confirm_adds_the_articles(page, setup):
    user, event = setup
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    log_in(page, user.email, PASSWORD)
    page.goto(event.get_absolute_url())
    page.get_by_role("link", name="Import articles").click()
    page.locator("#id_files").set_input_files(_files())
    # The list is drawn by the page's change handler: wait for it (count() does not), or a
    # loaded machine reads it before it is drawn.
    expect(page.locator("#chosen-files li")).to_have_count(2)
    page.get_by_label("Outlet for files that do not name one").fill("Castrel Courier")
    page.get_by_role("button", name="Preview import").click()
    assert "3 articles will be created" in page.locator("#import-counts").inner_text()
    assert page.locator("#preview-items tbody tr[data-item]").count() == 3
    page.get_by_role("button", name="Confirm import").click()
    page.locator("#job-created").wait_for(state="visible")
    page.get_by_role("link", name="Back to the event").click()
    titles = page.locator("#articles tbody tr").all_inner_texts()
    assert len(titles) == 3
    assert any("Castrel Courier" in row for row in titles)
    assert not [e for e in errors if "Content Security Policy" in e]


def test_dropped_files_are_listed_and_sent_with_the_form(page, setup):
    user, event = setup
    log_in(page, user.email, PASSWORD)
    page.goto(f"/events/{event.pk}/import/")
    page.evaluate(
        """(text) => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([text], "dropped.txt", {type: "text/plain"}));
            const zone = document.getElementById("dropzone");
            zone.dispatchEvent(new DragEvent("drop", {dataTransfer: transfer, bubbles: true}));
        }""",
        STORY,
    )
    assert page.locator("#chosen-files").inner_text().startswith("dropped.txt")
    page.get_by_label("Outlet for files that do not name one").fill("Ostrel Post")
    page.get_by_role("button", name="Preview import").click()
    assert "1 article will be created" in page.locator("#import-counts").inner_text()
