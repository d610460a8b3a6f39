"""The comparison pages in a real browser, with the production Content-Security-Policy."""

from __future__ import annotations

import pytest

from articles.demo_loader import DEMO_EMAIL, DEMO_PASSWORD
from framing.analysis_services import event_analyse
from tests.browser.conftest import log_in


@pytest.fixture
def analysed_demo(demo_event):
    event_analyse(event=demo_event)
    return demo_event


def _csp_errors(page) -> list[str]:
    errors: list[str] = []
    page.on(
        "console",
        lambda msg: (
            errors.append(msg.text)
            if msg.type == "error" and "Content Security Policy" in msg.text
            else None
        ),
    )
    return errors


def test_hovering_a_highlight_shows_its_category_voice_and_explanation(page, analysed_demo):
    errors = _csp_errors(page)
    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    page.goto(f"/events/{analysed_demo.pk}/compare/")
    mark = page.locator("mark.hl").first
    mark.hover()
    details = page.locator("#term-details")
    assert details.is_visible()
    assert page.locator("#td-cat").inner_text() == mark.get_attribute("data-catname")
    assert page.locator("#td-voice").inner_text() == mark.get_attribute("data-voice")
    assert page.locator("#td-expl").inner_text() != ""
    assert errors == []


def test_voice_filter_dims_terms_in_other_voices(page, analysed_demo):
    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    page.goto(f"/events/{analysed_demo.pk}/compare/")
    page.select_option("#voice-filter", "own")
    quoted = page.locator('mark.hl[data-voice="quoted"]')
    assert quoted.count() > 0
    assert all("hl-off" in c for c in quoted.evaluate_all("ms => ms.map(m => m.className)"))


def test_chart_renders_under_the_production_csp(page, analysed_demo):
    errors = _csp_errors(page)
    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    response = page.goto(f"/events/{analysed_demo.pk}/compare/charts/")
    assert "script-src" in response.headers["content-security-policy"]
    page.wait_for_selector("#chart-density[data-ready='1'] .plot .main-svg")
    assert page.locator("#chart-density .caption").inner_text().startswith("Loaded terms")
    assert page.locator("#chart-density .table-slot tbody tr").count() > 0
    assert errors == []


def test_hovering_a_tagged_lexicon_phrase_shows_the_tagger_features_and_its_entry(
    page, analysed_demo, tmp_path
):
    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    page.goto(f"/events/{analysed_demo.pk}/compare/")
    mark = page.locator("mark.hl[data-expl*='tagger p='][data-expl*='lexicon']").first
    mark.hover()
    why = page.locator("#td-expl").inner_text()
    page.screenshot(path=str(tmp_path / "term-details.png"))
    assert why.startswith("tagger p=")
    assert "lexicon '" in why  # the curated entry it matched, with its note
    assert " +" in why  # top features with their weights
