"""Switching an event's operating point in the browser changes which suggestions show."""

from __future__ import annotations

from articles.demo_loader import DEMO_EMAIL, DEMO_PASSWORD
from framing.analysis_services import event_analyse
from framing.models import Annotation, AnnotationStatus
from tests.browser.conftest import log_in


def test_precision_first_shows_only_the_surer_suggestions(page, demo_event):
    event_analyse(event=demo_event)
    demo_event.refresh_from_db()
    model = demo_event.analysis_model
    article = max(demo_event.articles.all(), key=lambda a: a.current_revision.annotations.count())
    suggested = {
        f"a{a.pk}": a.score
        for a in Annotation.objects.filter(
            revision=article.current_revision,
            author_model=model,
            status=AnnotationStatus.SUGGESTED,
        )
    }
    scores = sorted(suggested.values())
    assert len(set(scores)) >= 2, "the demo article needs suggestions of different scores"
    # A threshold between the lowest and highest score, so the switch must hide something.
    cut = (scores[0] + scores[-1]) / 2
    model.metrics = {
        **model.metrics,
        "operating_points": {
            "precision": {"threshold": cut, "precision": 0.9, "recall": 0.2},
            "balanced": {"threshold": 0.0, "precision": 0.5, "recall": 0.5},
            "recall": {"threshold": 0.0, "precision": 0.3, "recall": 0.8},
        },
    }
    model.save(update_fields=["metrics"])
    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    page.goto(article.get_absolute_url())
    assert _shown_tags(page) == set(suggested)

    page.goto(f"/events/{demo_event.pk}/model/")
    page.get_by_label("Precision first").check()
    page.get_by_role("button", name="Use this operating point").click()
    assert page.get_by_text("Precision first").first.is_visible()

    page.goto(article.get_absolute_url())
    surer = {tag for tag, score in suggested.items() if score >= cut}
    assert _shown_tags(page) == surer
    assert 0 < len(surer) < len(suggested)


def _shown_tags(page) -> set[str]:
    """Tag ids behind the highlighted segments (overlapping spans share segments)."""
    spans = page.locator("#article-text mark").evaluate_all(
        "marks => marks.map(m => m.dataset.spans)"
    )
    return {tag for value in spans for tag in value.split()}
