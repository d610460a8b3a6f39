"""Relay chains in a real browser (issue 10, part 2): the column header, the term popover,
Sources & voice and the article page say what an article relays, and an editor confirms it
into the article's origin, on both demo events."""

from __future__ import annotations

import pytest

from articles.demo_loader import DEMO_EMAIL, DEMO_PASSWORD, demo_load_all
from articles.models import Article
from framing.analysis_services import event_analyse
from tests.browser.conftest import log_in


@pytest.fixture
def analysed_events(transactional_db):
    events = demo_load_all()
    for event in events:
        event_analyse(event=event)
    return {"naval": events[0], "caravan": events[1]}


def _article(event, outlet: str) -> Article:
    return Article.objects.select_related("origin").get(event=event, outlet__name=outlet)


def test_naval_columns_header_and_popover_show_the_relay_chain(page, analysed_events):
    event = analysed_events["naval"]
    relaying = _article(event, "Velmar Today")
    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    page.goto(f"/events/{event.pk}/compare/?a={relaying.pk}")
    assert "relays OTA via VCNA" in page.locator(".relay-chain").first.inner_text()
    # the first term heard through a relay (Velmar's own ministry, in VCNA's own copy, is not)
    mark = page.locator('mark.hl[data-relay^="relays"]').first
    mark.hover()
    assert page.locator("#td-relay").inner_text() == "relays OTA via VCNA"


def test_naval_sources_and_article_page_show_the_relay_chain(page, analysed_events):
    event = analysed_events["naval"]
    relaying = _article(event, "Velmar Today")
    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    # Velmar Today republishes VCNA's copy: its outlet is listed with republications shown
    page.goto(f"/events/{event.pk}/compare/sources/?republications=all")
    tables = " ".join(page.locator("table.relays").all_inner_texts())
    assert "relays OTA via VCNA" in tables, tables
    page.goto(relaying.get_absolute_url())
    assert "relays OTA via VCNA" in page.locator("#relay-chain").inner_text()


def test_an_origin_already_on_record_under_its_full_name_is_not_offered_again(
    page, analysed_events
):
    # the demo records Velmar Today's origin as "Velmar Central News Agency"; the dateline
    # credits it as "VCNA"
    relaying = _article(analysed_events["naval"], "Velmar Today")
    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    page.goto(relaying.get_absolute_url())
    assert page.locator("#relay-chain button").count() == 0


def test_an_agency_s_own_article_does_not_relay_itself(page, analysed_events):
    own = _article(analysed_events["naval"], "Velmar Central News Agency")
    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    page.goto(own.get_absolute_url())
    chain = page.locator("#relay-chain").inner_text()
    assert "relays OTA" in chain and "via VCNA" not in chain
    assert page.locator("#relay-chain button").count() == 0


def test_confirming_the_caravan_wire_relay_sets_the_origin(page, analysed_events):
    event = analysed_events["caravan"]
    article = _article(event, "The Northgate Observer")
    Article.objects.filter(pk=article.pk).update(origin=None)
    log_in(page, DEMO_EMAIL, DEMO_PASSWORD)
    page.goto(f"/events/{event.pk}/compare/sources/")
    assert "relays Meridian Wire" in page.locator("table.relays").first.inner_text()
    page.goto(article.get_absolute_url())
    page.get_by_role("button", name="Confirm origin: Meridian Wire").click()
    page.wait_for_load_state()
    assert "Origin set" in page.content()
    assert _article(event, "The Northgate Observer").origin.name == "Meridian Wire"
    assert page.locator("#relay-chain button").count() == 0
