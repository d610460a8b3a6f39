"""Issue 11's "done when", in one browser session: two annotators tag the same demo article
with the keyboard (selection, label shortcut, undo), the owner sees their agreement and
curates a gold layer, trains a model, activates it, and the event is re-analysed with it."""

from playwright.sync_api import expect

from articles.demo_loader import DEMO_EMAIL, DEMO_PASSWORD
from framing.analysis_services import event_analyse
from framing.model_checks import workspace_comparison
from framing.models import Analysis, Annotation, ModelVersion
from tests.browser.conftest import keyboard_tag, log_in
from tests.factories import MembershipFactory


def _keyboard_tag(page, url: str, skip: int, words: int, undo_first: bool = False) -> None:
    """Open ``url``, select ``words`` words after ``skip`` with the arrow keys and press 1;
    with ``undo_first``, tag one word too early first and take it back with u."""
    page.goto(url)
    text = page.locator("#article-text")
    if undo_first:
        text.focus()
        for _ in range(skip):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("1")
        expect(page.locator("#annotate-status")).to_contain_text("Tagged")
        page.keyboard.press("u")
        expect(page.locator("#annotate-status")).to_contain_text("Undone")
        page.goto(url)
    keyboard_tag(page, skip=skip, words=words)


def _as(browser, live_server, user, steps) -> None:
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(20_000)
    log_in(page, user.email, "pw-for-tests-only")
    for args in steps:
        _keyboard_tag(page, *args)
    context.close()


def test_two_annotators_agree_curate_train_activate_and_the_event_is_reanalysed(
    page, browser, live_server, demo_event
):
    event_analyse(event=demo_event)
    articles = list(demo_event.articles.order_by("pk")[:3])
    url = articles[0].get_absolute_url()
    ws = demo_event.workspace
    ana = MembershipFactory(workspace=ws, role="annotator").user
    bo = MembershipFactory(workspace=ws, role="annotator").user
    # Both tag words 2–3 of the same demo article; Bo first slips one word early and undoes
    # it; only Ana also tags words 6–7.
    _as(browser, live_server, ana, [(url, 1, 2), (url, 5, 2)])
    _as(browser, live_server, bo, [(url, 1, 2, True)])
    own = Annotation.objects.filter(
        revision=articles[0].current_revision, author_user__in=[ana, bo]
    )
    assert sorted(a.author_user_id for a in own) == sorted([ana.pk, ana.pk, bo.pk])

    page.set_default_timeout(180_000)  # training and re-analysis run inside the requests
    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    page.goto(f"/events/{demo_event.pk}/agreement/")
    expect(page.locator("#layers")).to_contain_text(ana.username)
    expect(page.locator("#layers")).to_contain_text(bo.username)
    overall = page.locator("#agreement tr.total")
    expect(overall).to_contain_text("Overall")
    assert overall.locator("td.num").first.inner_text() != "—"  # κ was computed
    row = page.locator("#disagreements tbody tr").first
    expect(row).to_contain_text(ana.username)
    page.get_by_role("button", name="Add all agreed spans to the gold layer").click()
    expect(page.get_by_text("Gold layer: 1 curated tag(s).")).to_be_visible()
    page.locator("#disagreements tbody tr").first.get_by_role("button", name="Include").click()
    expect(page.get_by_text("Gold layer: 2 curated tag(s).")).to_be_visible()
    # (Training needs three annotated texts: the owner tags two more.)
    for article in articles[1:]:
        _keyboard_tag(page, article.get_absolute_url(), 2, 2)

    page.goto(f"/w/{ws.pk}/models/")
    page.get_by_role("button", name="Train a model from this workspace's annotations").click()
    expect(page.locator("body")).to_contain_text("Training started")
    version = ModelVersion.objects.get(workspace=ws)
    expect(page.locator("tr", has_text=version.name).locator(".workspace-score")).to_contain_text(
        "vs built-in"
    )

    page.goto(f"/events/{demo_event.pk}/model/")
    page.locator("#model").select_option(str(version.pk))
    page.get_by_role("button", name="Preview changes").click()
    switch = page.get_by_role("button", name="Switch the event to this model")
    switch.click()
    if workspace_comparison(version.metrics).worse:  # tiny data: the guard may refuse it
        expect(page.locator("body")).to_contain_text("below the built-in model")
        page.locator("#force-switch").check()
        switch.click()
    expect(page.locator("body")).to_contain_text("The event now shows")
    demo_event.refresh_from_db()
    assert demo_event.analysis_model_id == version.pk
    current = [a.current_revision_id for a in demo_event.articles.all()]
    analysed = Analysis.objects.filter(revision_id__in=current, model_version=version)
    assert analysed.count() == len(current)
