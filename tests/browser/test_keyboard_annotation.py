"""Keyboard-first annotation on the article page: select, tag with 1–9, move between tags,
accept/reject, undo and delete, all without a page reload."""

from playwright.sync_api import expect

from articles.demo_loader import DEMO_EMAIL, DEMO_PASSWORD
from framing.analysis_services import event_analyse
from framing.models import Annotation
from framing.selectors import workspace_labels
from tests.browser.conftest import log_in
from tests.factories import make_article

TEXT = "Sailors 🚢🚢 waved as the so-called ‘peace flotilla’ left port."
SUGGESTIVE = (
    "The ministry said the drills were a reckless provocation by an aggressive bloc. "
    "Officials called their ironclad commitment a pillar of the order."
)


def _open(page, event, text, title):
    article = make_article(event=event, text=text, title=title)
    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    page.goto(article.get_absolute_url())
    # A page reload would lose this marker: every step below must happen in place.
    page.evaluate("() => { window.__noReload = true; }")
    return article


def _no_reload(page):
    assert page.evaluate("() => window.__noReload") is True


def _own_tags(article):
    return Annotation.objects.filter(revision=article.current_revision, author_user__isnull=False)


def test_shift_arrows_select_words_and_a_number_tags_them_then_u_undoes(page, demo_event):
    article = _open(page, demo_event, TEXT, "Flotilla")
    labels = workspace_labels(workspace_id=demo_event.workspace_id)
    first = next(lab for lab in labels if lab.kind == "loaded_term")  # shortcuts start there
    page.locator("#article-text").focus()
    # Sailors · waved · as · the · so-called · peace: the sixth word, then extend by one.
    for _ in range(6):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Shift+ArrowRight")
    expect(page.locator("[data-selection]")).to_have_text("“peace flotilla”")
    expect(page.locator("#label-keys li").first).to_contain_text(first.name)
    page.keyboard.press("1")
    expect(page.locator("#annotate-status")).to_contain_text("Tagged “peace flotilla”")
    tag = _own_tags(article).get()
    assert (TEXT[tag.start : tag.end], tag.label_id) == ("peace flotilla", first.pk)
    page.keyboard.press("u")
    expect(page.locator("#annotate-status")).to_contain_text("Undone")
    assert not _own_tags(article).exists()
    _no_reload(page)


def test_a_stale_selection_is_not_saved_by_a_shortcut(page, demo_event):
    article = _open(page, demo_event, TEXT, "Flotilla")
    page.locator("#article-text").focus()
    page.keyboard.press("ArrowRight")
    expect(page.locator("[data-selection]")).to_have_text("“Sailors”")
    page.keyboard.press("Escape")  # selection cleared: 1 must not tag the old word
    page.keyboard.press("1")
    expect(page.locator("#annotate-status")).to_contain_text("Select some text first")
    assert not _own_tags(article).exists()


def test_j_moves_to_a_suggestion_r_rejects_it_out_of_the_text_and_u_brings_it_back(
    page, demo_event
):
    article = make_article(event=demo_event, text=SUGGESTIVE, title="Drills")
    event_analyse(event=demo_event)  # already analysed on upload; made sure here
    suggestions = Annotation.objects.filter(revision=article.current_revision).order_by("start")
    assert suggestions.count() >= 2
    first = suggestions.first()
    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    page.goto(article.get_absolute_url())
    page.evaluate("() => { window.__noReload = true; }")
    marks = page.locator("#article-text mark")
    count = marks.count()
    page.keyboard.press("j")
    expect(page.locator("#article-text mark.hl-focus")).to_have_count(1)
    page.keyboard.press("r")
    expect(page.locator("#annotate-status")).to_contain_text("Rejected")
    first.refresh_from_db()
    assert first.status == "rejected"
    expect(marks).to_have_count(count - 1)  # hidden from the text by default
    page.keyboard.press("u")
    expect(marks).to_have_count(count)
    first.refresh_from_db()
    assert first.status == "suggested"
    page.keyboard.press("j")
    page.keyboard.press("a")
    expect(page.locator("#annotate-status")).to_contain_text("Accepted")
    _no_reload(page)


def test_delete_removes_ones_own_focused_tag(page, demo_event):
    article = _open(page, demo_event, TEXT, "Flotilla")
    page.locator("#article-text").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("2")
    expect(page.locator("#annotate-status")).to_contain_text("Tagged “Sailors”")
    assert _own_tags(article).count() == 1
    # The new tag has the focus, so Delete acts on it (not on a model suggestion).
    expect(page.locator("#annotations tr.focused")).to_contain_text("Sailors")
    page.keyboard.press("Delete")
    expect(page.locator("#annotate-status")).to_contain_text("Deleted")
    assert not _own_tags(article).exists()
    _no_reload(page)


def test_mouse_selection_and_the_add_button_still_work(page, demo_event):
    article = _open(page, demo_event, TEXT, "Flotilla")
    page.evaluate(
        """() => {
            const root = document.getElementById("article-text");
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            let node = walker.nextNode();
            while (node.data.indexOf("port") < 0) node = walker.nextNode();
            const i = node.data.indexOf("port");
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 4);
            window.getSelection().removeAllRanges();
            window.getSelection().addRange(range);
        }"""
    )
    page.get_by_role("button", name="Add tag").click()
    expect(page.locator("#annotate-status")).to_contain_text("Tagged “port”")
    tag = _own_tags(article).get()
    assert TEXT[tag.start : tag.end] == "port"
