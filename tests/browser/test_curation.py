"""Two annotators tag the same article with the keyboard; an owner sees their agreement and
curates a gold layer."""

import re

from playwright.sync_api import expect

from articles.demo_loader import DEMO_EMAIL, DEMO_PASSWORD
from framing.models import Annotation
from tests.browser.conftest import keyboard_tag, log_in
from tests.factories import MembershipFactory, make_article

TEXT = "Crews of the puppet regime sailed at dawn past the rogue fleet."


def _tag_words(browser, live_server, url, user, words: int, skip: int = 0) -> None:
    """Log in as ``user`` in a fresh browser context, tag ``words`` words after ``skip``."""
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    log_in(page, user.email, "pw-for-tests-only")
    page.goto(url)
    keyboard_tag(page, skip=skip, words=words)
    context.close()


def test_two_annotators_then_agreement_and_a_curated_gold_layer(
    page, browser, live_server, demo_event
):
    article = make_article(event=demo_event, text=TEXT, title="Fleet")
    url = article.get_absolute_url()
    ws = demo_event.workspace
    ana = MembershipFactory(workspace=ws, role="annotator").user
    bo = MembershipFactory(workspace=ws, role="annotator").user
    # Both tag "puppet regime" (words 4–5); only Ana also tags "rogue fleet" (words 11–12).
    _tag_words(browser, live_server, url, ana, 2, skip=3)
    _tag_words(browser, live_server, url, ana, 2, skip=10)
    _tag_words(browser, live_server, url, bo, 2, skip=3)
    own = Annotation.objects.filter(revision=article.current_revision, author_user__isnull=False)
    assert sorted((a.author_user.username, a.text) for a in own) == sorted(
        [
            (ana.username, "puppet regime"),
            (ana.username, "rogue fleet"),
            (bo.username, "puppet regime"),
        ]
    )

    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    page.goto(f"/events/{demo_event.pk}/agreement/")
    layers = page.locator("#layers")
    expect(layers).to_contain_text(ana.username)
    expect(layers).to_contain_text(bo.username)
    expect(page.locator("#agreement tr.total")).to_contain_text("Overall")
    row = page.locator("#disagreements tbody tr", has_text="rogue fleet")
    expect(row).to_contain_text(ana.username)
    page.get_by_role("button", name="Add all agreed spans to the gold layer").click()
    expect(page.get_by_text("Gold layer: 1 curated tag(s).")).to_be_visible()
    page.locator("#disagreements tbody tr", has_text="rogue fleet").get_by_role(
        "button", name="Include"
    ).click()
    expect(page.get_by_text("Gold layer: 2 curated tag(s).")).to_be_visible()
    gold = Annotation.objects.filter(revision=article.current_revision, curated=True)
    assert sorted(g.text for g in gold) == ["puppet regime", "rogue fleet"]


def test_a_listed_disagreement_opens_the_article_with_that_span_focused(
    page, live_server, demo_event
):
    from framing.models import Label
    from framing.services import annotation_create

    article = make_article(event=demo_event, text=TEXT, title="Fleet")
    revision = article.current_revision
    ws = demo_event.workspace
    ana = MembershipFactory(workspace=ws, role="annotator").user
    bo = MembershipFactory(workspace=ws, role="annotator").user
    label = Label.objects.filter(
        codebook_version__codebook__workspace=ws, kind="loaded_term"
    ).first()
    regime, fleet = TEXT.index("puppet regime"), TEXT.index("rogue fleet")
    for user in (ana, bo):
        annotation_create(
            revision=revision, start=regime, end=regime + 13, label=label, author_user=user
        )
    only_ana = annotation_create(
        revision=revision, start=fleet, end=fleet + 11, label=label, author_user=ana
    )

    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    page.goto(f"/events/{demo_event.pk}/agreement/")
    page.locator("#disagreements a.span-link", has_text="rogue fleet").click()
    expect(page).to_have_url(re.compile(rf"/articles/{article.pk}/.*#a{only_ana.pk}$"))
    focused = page.locator("#article-text mark.hl-focus")
    expect(focused.first).to_be_visible()
    # a model suggestion may cut the mark in two; together the focused marks are the span
    assert "".join(focused.all_text_contents()).strip() == "rogue fleet"
    expect(page.locator(f"#annotations tr#a{only_ana.pk}")).to_have_class(re.compile("focused"))
    expect(page.locator("#annotate-status")).to_contain_text("rogue fleet")
