from playwright.sync_api import expect

from articles.demo_loader import DEMO_EMAIL, DEMO_PASSWORD
from framing.models import Annotation
from tests.browser.conftest import log_in
from tests.factories import make_article

TEXT = "Sailors 🚢🚢 waved as the so-called ‘peace flotilla’ left port."


def test_offsets_helper_counts_astral_characters_once(page, demo_event):
    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    page.goto(demo_event.articles.first().get_absolute_url())
    result = page.evaluate(
        """() => {
            const t = "a🚢b";
            return [ParallaxOffsets.toCodePoints(t, 3), ParallaxOffsets.toCodePoints(t, 4),
                    ParallaxOffsets.toUtf16(t, 2), ParallaxOffsets.toCodePoints(t, 2)];
        }"""
    )
    assert result == [2, 3, 3, 1]


def test_selecting_text_after_emoji_saves_code_point_offsets(page, demo_event):
    article = make_article(event=demo_event, text=TEXT, title="Flotilla")
    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    page.goto(article.get_absolute_url())
    page.evaluate(
        """(phrase) => {
            const root = document.getElementById("article-text");
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            let node;
            while ((node = walker.nextNode())) {
                const i = node.data.indexOf(phrase);
                if (i >= 0) {
                    const range = document.createRange();
                    range.setStart(node, i);
                    range.setEnd(node, i + phrase.length);
                    const sel = window.getSelection();
                    sel.removeAllRanges();
                    sel.addRange(range);
                    return;
                }
            }
            throw new Error("phrase not found");
        }""",
        "peace flotilla",
    )
    page.locator("#add-annotation").get_by_label("Label").select_option(
        label="Delegitimising / scare quotes"
    )
    page.get_by_role("button", name="Add tag").click()
    expect(page.locator("#annotate-status")).to_contain_text("Tagged “peace flotilla”")
    tag = Annotation.objects.get(revision=article.current_revision, author_user__isnull=False)
    assert TEXT[tag.start : tag.end] == "peace flotilla"
