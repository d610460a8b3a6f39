"""A trained workspace model in the browser: its cross-validated score on the Models page,
the activation guard (refused, then forced), article frames, and the annotate-next queue."""

from __future__ import annotations

from playwright.sync_api import expect

from articles.demo_loader import DEMO_EMAIL, DEMO_PASSWORD
from framing.analysis_services import event_analyse
from framing.models import ArticleFrame, Label
from framing.services import annotation_create
from framing.training_services import model_train
from tests.browser.conftest import log_in


def _trained_worse_model(event, user):
    """A real trained model whose stored cross-validated score is set below the built-in's,
    so the guard's refusal does not depend on what the demo data happen to teach."""
    label = Label.objects.get(
        codebook_version__codebook__workspace=event.workspace, key="pejorative_label"
    )
    for article in event.articles.all()[:4]:
        text = article.current_revision.text
        end = text.index(" ", 1)
        annotation_create(
            revision=article.current_revision, start=0, end=end, label=label, author_user=user
        )
    version = model_train(workspace=event.workspace, user=user, name="Our model")
    cv = version.metrics["workspace_cv"]
    cv["chosen"] = "stacked"
    cv["scores"]["stacked"] = {"partial": {"f1": 0.1}, "per_label": {}}
    cv["scores"]["shipped"]["partial"]["f1"] = 0.4
    version.save(update_fields=["metrics"])
    return version


def test_a_worse_model_is_shown_refused_and_switched_only_when_forced(page, demo_event):
    from accounts.models import User

    owner = User.objects.get(email=DEMO_EMAIL)
    version = _trained_worse_model(demo_event, owner)
    # Preview and switch analyse the demo event with the new model inside the request: on a
    # loaded 2-core machine that outlasts the default 10 s.
    page.set_default_timeout(90_000)
    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    page.goto(f"/w/{demo_event.workspace_id}/models/")
    row = page.locator("tr", has_text="Our model")
    expect(row.locator(".workspace-score")).to_contain_text("0.10 vs built-in 0.40")
    expect(row).to_contain_text("worse than built-in")

    page.goto(f"/events/{demo_event.pk}/model/")
    page.locator("#model").select_option(str(version.pk))
    page.get_by_role("button", name="Preview changes").click()
    expect(page.locator("#model-guard")).to_contain_text("did worse", timeout=90_000)
    page.get_by_role("button", name="Switch the event to this model").click()
    expect(page.locator("body")).to_contain_text("below the built-in model", timeout=90_000)
    demo_event.refresh_from_db()
    assert demo_event.analysis_model_id != version.pk

    page.locator("#force-switch").check()
    page.get_by_role("button", name="Switch the event to this model").click()
    expect(page.locator("body")).to_contain_text("The event now shows", timeout=90_000)
    demo_event.refresh_from_db()
    assert demo_event.analysis_model_id == version.pk


def test_an_analyst_accepts_an_article_frame_and_finds_the_queue(page, demo_event):
    event_analyse(event=demo_event)
    article = demo_event.articles.first()
    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    page.goto(article.get_absolute_url())
    row = page.locator("#frame-table tr[data-frame='economic']")
    row.get_by_role("button", name="Accept").click()
    expect(page.locator("#frame-table tr[data-frame='economic'] .decision")).to_have_text(
        "accepted"
    )
    assert ArticleFrame.objects.get(revision=article.current_revision).label.key == "economic"

    page.goto(demo_event.get_absolute_url())
    page.locator("#queue-link").click()
    expect(page.locator("h1")).to_have_text("What to annotate next")
    first = page.locator("#annotation-queue > li").first
    expect(first).to_contain_text("model unsure")
    first.get_by_role("link").click()
    expect(page.locator("#article-text")).to_be_visible()
