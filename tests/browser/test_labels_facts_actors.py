"""Issue 10, parts 3–4 and "Also", in a real browser on both demo events: competing-label
groups, the omission matrix's three states, tone toward actors (people, countries, groups),
and an analyst merging two actors and splitting them again."""

from __future__ import annotations

import pytest

from articles.demo_loader import DEMO_EMAIL, DEMO_PASSWORD, demo_load_all
from framing.analysis_services import event_analyse
from tests.browser.conftest import log_in
from tests.browser.test_compare import _csp_errors


@pytest.fixture
def demos(transactional_db):
    """naval exercise, border caravan: both analysed."""
    events = demo_load_all()
    for event in events:
        event_analyse(event=event)
    return dict(zip(["naval", "caravan"], events, strict=True))


def _aligned(page, event):
    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    page.goto(f"/events/{event.pk}/compare/aligned/")


def test_the_caravan_demo_shows_the_group_every_outlet_names_differently(page, demos):
    errors = _csp_errors(page)
    _aligned(page, demos["caravan"])
    row = page.locator("#labels tr.referent-group", has_text="illegal aliens").first
    cells = row.locator("td").all_inner_texts()
    assert cells[1] == "migrants"  # the neutral reference term
    assert "asylum seekers" in cells[2] and "border crashers" in cells[2]
    assert errors == []


def test_the_naval_demo_shows_states_acting_together_as_one_group(page, demos):
    _aligned(page, demos["naval"])
    row = page.locator("#labels tr.referent-group", has_text="aggressive bloc").first
    cells = row.locator("td").all_inner_texts()
    assert cells[0] == "states acting together" and "“partners”" in cells[2]


@pytest.mark.parametrize("name", ["naval", "caravan"])
def test_the_omission_matrix_shows_reported_possibly_and_absent(page, demos, name):
    _aligned(page, demos[name])
    cells = page.locator("#omission tbody td")
    classes = set(cells.evaluate_all("tds => tds.map((td) => td.className)"))
    assert {"missing", "possibly"} <= classes and classes & {"reported", "loaded"}
    possible = page.locator("#omission td.possibly").first
    assert possible.inner_text().startswith("possibly (0.")
    assert "matched: “" in possible.inner_text()


@pytest.mark.parametrize(("name", "named"), [("naval", "Velmar"), ("caravan", "Adrian Falk")])
def test_tone_toward_actors_covers_countries_people_and_groups(page, demos, name, named):
    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    page.goto(f"/events/{demos[name].pk}/compare/charts/")
    page.wait_for_selector("#chart-actors[data-ready='1'] .plot .main-svg")
    actors = page.evaluate("() => document.querySelector('#chart-actors .plot').data[0].x")
    assert any(named in a for a in actors)
    assert any(a.endswith("(group)") for a in actors)


def test_an_analyst_merges_two_actors_and_splits_them_again(page, demos):
    _aligned(page, demos["caravan"])
    form = page.locator("#actor-merge-form")
    alias, target = "Mara Quill (person)", "Iris Mahler (person)"  # two people, never merged
    form.locator("select[name=actor]").select_option(label=alias)
    form.locator("select[name=target]").select_option(label=target)
    form.get_by_role("button", name="Merge").click()
    merged = page.locator("#actor-merges li", has_text=f"{alias} → {target}")
    merged.wait_for()
    merged.get_by_role("button", name="split").click()
    page.wait_for_load_state()
    assert page.locator("#actor-merges li", has_text=f"{alias} → {target}").count() == 0
