"""Issue 11's "done when" through assignments, end to end in the browser: the owner splits
the demo event's articles between two annotators (two per article, for agreement); each
opens "My assignments", codes the articles with the keyboard (select, label shortcut, undo)
and marks them done; the owner sees the progress and the agreement, curates a gold layer,
trains a model, activates it, and the event is re-analysed with it."""

import pytest
from playwright.sync_api import expect

from articles.demo_loader import DEMO_EMAIL, DEMO_PASSWORD
from framing.analysis_services import event_analyse
from framing.model_checks import workspace_comparison
from framing.models import Analysis, Annotation, Assignment, ModelVersion
from tests.browser.conftest import keyboard_tag, log_in
from tests.factories import MembershipFactory


@pytest.fixture
def patient_expect():
    """Expectations wait 20 s, not 5: the tagging requests of two users and a training run
    share the machine with other tests (the 5 s default failed now and then under load)."""
    expect.set_options(timeout=20_000)
    yield
    expect.set_options(timeout=5_000)


def _code_assignments(browser, live_server, user, plan) -> list[str]:
    """As ``user``: open "My assignments", press Enter on the focused next article, tag it
    with the keyboard as ``plan`` says (a list of (skip, words, undo_first) per tag, one
    list per article), mark it done with m; returns the article paths coded."""
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(20_000)
    log_in(page, user.email, "pw-for-tests-only")
    page.get_by_role("link", name="My assignments").click()
    expect(page.locator("a[data-next]")).to_be_focused()
    page.keyboard.press("Enter")
    coded = []
    for tags in plan:
        expect(page.locator("#mark-done")).to_be_visible()
        coded.append(page.url.removeprefix(live_server.url))
        for skip, words, undo_first in tags:
            if undo_first:  # one word too early, taken back with u
                keyboard_tag(page, skip=skip - 1, words=1)
                page.keyboard.press("u")
                expect(page.locator("#annotate-status")).to_contain_text("Undone")
            page.reload()  # the caret starts again at the first word
            keyboard_tag(page, skip=skip, words=words)
        page.keyboard.press("m")  # mark done, open the next
        expect(page.locator(".messages")).to_contain_text("Done.")
    context.close()
    return coded


def test_assigned_annotators_code_then_agreement_curation_training_and_reanalysis(
    page, browser, live_server, demo_event, patient_expect
):
    event_analyse(event=demo_event)
    ws = demo_event.workspace
    ana = MembershipFactory(workspace=ws, role="annotator").user
    bo = MembershipFactory(workspace=ws, role="annotator").user
    n_articles = demo_event.articles.count()

    # The owner splits the event: every article to both annotators.
    page.set_default_timeout(180_000)  # training and re-analysis run inside the requests
    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    page.goto(demo_event.get_absolute_url())
    page.locator("#assignments-link").click()
    split = page.locator("#split-form")
    split.get_by_label(ana.username, exact=True).check()
    split.get_by_label(bo.username, exact=True).check()
    split.get_by_label("Annotators per article").fill("2")
    split.get_by_role("button", name="Split the unassigned articles").click()
    expect(page.locator(".messages")).to_contain_text(f"{2 * n_articles} new assignment(s)")
    assert Assignment.objects.filter(annotator__in=[ana, bo]).count() == 2 * n_articles

    # Both tag words 2–3 of their first article and words 3–4 of their second (Bo slips one
    # word early first and undoes it); only Ana also tags words 6–7 of the first and codes
    # a third article (training needs three annotated texts).
    ana_coded = _code_assignments(
        browser, live_server, ana,
        [[(1, 2, False), (5, 2, False)], [(2, 2, False)], [(1, 1, False)]],
    )  # fmt: skip
    bo_coded = _code_assignments(browser, live_server, bo, [[(1, 2, True)], [(2, 2, False)]])
    assert bo_coded == ana_coded[:2]  # the same articles, in the same order
    own = Annotation.objects.filter(author_user__in=[ana, bo], curated=False)
    assert sorted(a.author_user_id for a in own) == sorted([ana.pk] * 4 + [bo.pk] * 2)

    page.reload()
    expect(page.locator(f"#progress tr[data-user='{ana.pk}'] td").nth(3)).to_have_text("3")
    expect(page.locator(f"#progress tr[data-user='{bo.pk}'] td").nth(3)).to_have_text("2")
    expect(page.locator("#overall")).to_contain_text("2 finished by two or more")

    page.get_by_role("link", name="see their agreement").click()
    expect(page.locator("#layers")).to_contain_text(ana.username)
    expect(page.locator("#layers")).to_contain_text(bo.username)
    overall = page.locator("#agreement tr.total")
    expect(overall).to_contain_text("Overall")
    assert overall.locator("td.num").first.inner_text() != "—"  # κ was computed
    page.get_by_role("button", name="Add all agreed spans to the gold layer").click()
    expect(page.get_by_text("Gold layer: 2 curated tag(s).")).to_be_visible()
    row = page.locator("#disagreements tbody tr", has_text=ana.username).first
    row.get_by_role("button", name="Include").click()
    expect(page.get_by_text("Gold layer: 3 curated tag(s).")).to_be_visible()

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
