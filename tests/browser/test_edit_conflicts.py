"""Two tabs, one stale: its save is refused with a conflict message, not silently applied."""

from django.urls import reverse
from playwright.sync_api import expect

from articles.demo_loader import DEMO_EMAIL, DEMO_PASSWORD
from framing.analysis_services import builtin_model_version
from framing.models import Annotation, AnnotationStatus, Label
from framing.services import annotation_create
from tests.browser.conftest import log_in
from tests.factories import make_article

TEXT = "Sailors waved as the so-called peace flotilla left port at dawn."


def _two_tabs(page, url):
    other = page.context.new_page()
    other.set_default_timeout(10_000)
    page.goto(url)
    other.goto(url)
    return page, other


def test_second_tab_deciding_a_stale_tag_gets_the_conflict_message(page, demo_event):
    article = make_article(event=demo_event, text=TEXT, title="Flotilla")
    model = demo_event.analysis_model or builtin_model_version()
    label = Label.objects.filter(codebook_version__codebook__workspace=demo_event.workspace).first()
    tag = annotation_create(
        revision=article.current_revision,
        start=TEXT.index("peace"),
        end=TEXT.index(" left"),
        label=label,
        author_model=model,
        status=AnnotationStatus.SUGGESTED,
    )
    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    first, second = _two_tabs(page, article.get_absolute_url())
    # Decisions are saved in place (no page load); the 409's message shows in the status line.
    first.locator(f"#a{tag.pk}").get_by_role("button", name="Reject").click()
    expect(first.locator("#annotate-status")).to_contain_text("Rejected")
    second.locator(f"#a{tag.pk}").get_by_role("button", name="Accept").click()
    status = second.locator("#annotate-status")
    expect(status).to_contain_text("This tag was rejected by demo")
    expect(status).to_contain_text("your decision was not saved")
    expect(second.locator(f"#a{tag.pk}")).to_contain_text("rejected")  # shown as it is now
    assert Annotation.objects.get(pk=tag.pk).status == "rejected"


def test_second_tab_saving_stale_text_gets_the_conflict_message(page, demo_event):
    article = make_article(event=demo_event, text=TEXT, title="Flotilla")
    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    url = reverse("article_edit_text", args=[article.pk])
    first, second = _two_tabs(page, url)
    first.get_by_label("Text").fill(TEXT + " First tab.")
    first.get_by_role("button", name="Save new revision").click()
    first.wait_for_url(f"**{article.get_absolute_url()}")
    second.get_by_label("Text").fill(TEXT + " Second tab.")
    with second.expect_navigation() as navigation:
        second.get_by_role("button", name="Save new revision").click()
    assert navigation.value.status == 409
    expect(second.get_by_role("alert").first).to_contain_text("Someone else saved revision 2")
    expect(second.locator("#conflict")).to_contain_text("First tab.")
    expect(second.get_by_label("Text")).to_have_value(TEXT + " Second tab.")
    article.refresh_from_db()
    assert article.current_revision.text == TEXT + " First tab."
