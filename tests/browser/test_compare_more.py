"""The newer comparison pages in a real browser under the production CSP: aligned facts'
cite action, the vocabulary chart, the outlet profile chart, the workspace span explorer."""

from __future__ import annotations

import pytest

from articles.demo_loader import DEMO_EMAIL, DEMO_PASSWORD
from framing.analysis_services import event_analyse
from tests.browser.conftest import log_in
from tests.browser.test_compare import _csp_errors


@pytest.fixture
def analysed_demo(demo_event):
    event_analyse(event=demo_event)
    return demo_event


def test_cite_on_an_aligned_fact_copies_text_outlets_and_permalink(page, analysed_demo):
    errors = _csp_errors(page)
    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    page.goto(f"/events/{analysed_demo.pk}/compare/aligned/")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    button = page.locator("#aligned button.cite").first
    button.click()
    page.wait_for_function("b => b.textContent === 'Copied'", arg=button.element_handle())
    copied = page.evaluate("navigator.clipboard.readText()")
    outlets = page.locator("#aligned thead th").all_inner_texts()[1:]
    assert "/compare/aligned/" in copied and "fact=" in copied
    assert any(name in copied for name in outlets)
    assert errors == []


def test_fact_permalink_opens_the_row_highlighted(page, analysed_demo):
    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    page.goto(f"/events/{analysed_demo.pk}/compare/aligned/")
    link = page.locator("#aligned a.permalink").nth(1)
    row_id = link.evaluate("a => a.closest('tr').id")
    link.click()
    assert page.locator(f"tr#{row_id}.fact-focus").count() == 1


def test_vocabulary_chart_renders_under_the_csp(page, analysed_demo):
    errors = _csp_errors(page)
    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    page.goto(f"/events/{analysed_demo.pk}/compare/vocabulary/")
    page.wait_for_selector("#chart-vocabulary[data-ready='1'] .plot .main-svg")
    assert page.locator("#chart-vocabulary .table-slot tbody tr").count() > 0
    assert errors == []


def test_outlet_profile_chart_renders_under_the_csp(page, analysed_demo):
    errors = _csp_errors(page)
    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    outlet = analysed_demo.articles.first().outlet
    page.goto(outlet.get_absolute_url())
    page.get_by_role("link", name="Profile across events").click()
    page.wait_for_selector("#chart-density[data-ready='1'] .plot .main-svg")
    assert errors == []


def test_workspace_explorer_matrix_cell_opens_its_spans(page, analysed_demo):
    errors = _csp_errors(page)
    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    page.goto(analysed_demo.get_absolute_url())
    page.get_by_role("link", name="Span explorer").first.click()
    page.locator("#matrix td a").first.click()
    assert page.locator("#kwic tbody tr td.term").count() > 0
    assert "label=" in page.url and "outlet=" in page.url
    assert errors == []


def test_fix_opens_the_shared_form_in_the_cell_and_stores_a_split(page, analysed_demo):
    from reports.models import AlignmentCorrection

    errors = _csp_errors(page)
    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    page.goto(f"/events/{analysed_demo.pk}/compare/aligned/")
    button = page.locator("#aligned button.fix[data-split]").first
    cell = button.get_attribute("data-cell")
    button.click()
    form = page.locator(f"#cell-{cell} #fix-form")
    form.locator('input[value="split"]').check()
    with page.expect_navigation():  # the POST and its redirect back
        form.get_by_role("button", name="apply").click()
    article, sentence = (int(x) for x in cell.split("-"))
    stored = AlignmentCorrection.objects.get(event=analysed_demo)
    assert (stored.kind, stored.article_a_id, stored.sentence_a) == ("unlink", article, sentence)
    assert errors == []
