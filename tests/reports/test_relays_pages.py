"""Relay chains on the pages (issue 10, part 2): Columns, Sources & voice, the article page,
and confirming a relay into the article's origin."""

from __future__ import annotations

import pytest
from django.urls import reverse

from articles.models import Article, Outlet
from framing.models import Analysis, QuoteSpan
from reports.sources import sources_by_outlet
from reports.summary import event_summary
from tests.factories import OutletFactory, make_article
from tests.reports.helpers import Term, client_for, store_analysis

RELAYED = (
    'The ministry called the drills "a grave provocation against our sovereignty". '
    "Fishing boats stayed in port. "
    "The navy said nothing."
)
WIRE = "WASHINGTON (AP) — The Senate passed the bill on Friday. Nobody objected to it."


@pytest.fixture
def relayed(event):
    """A daily relaying a KCNA statement through TASS, and an AP-credited wire story."""
    daily = OutletFactory(workspace=event.workspace, name="Daily Courier")
    wire = OutletFactory(workspace=event.workspace, name="Metro Wire")
    a = make_article(event=event, outlet=daily, text=RELAYED, title="Drills condemned")
    b = make_article(event=event, outlet=wire, text=WIRE, title="Bill passes")
    store_analysis(
        a,
        terms=(Term("grave provocation", "pejorative_label", 0.9, "quoted", "The ministry"),),
        frames=["security_defense", "other", "other"],
    )
    store_analysis(b, frames=["political", "political"])
    analysis = Analysis.objects.get(revision=a.current_revision)
    start = RELAYED.index("a grave")
    QuoteSpan.objects.create(
        analysis=analysis,
        start=start,
        end=RELAYED.index('".'),
        kind="partial",
        speaker="The ministry",
        verb="called",
        chain=["TASS", "KCNA", "The ministry"],
    )
    return {"event": event, "relaying": a, "wire": b}


def _article(pk: int) -> Article:
    return Article.objects.select_related("origin").get(pk=pk)


def test_columns_header_and_popover_data_show_the_relay_chain(relayed, viewer):
    event = relayed["event"]
    url = reverse("reports:compare", args=[event.pk])
    ids = f"?a={relayed['relaying'].pk}&a={relayed['wire'].pk}"
    html = client_for(viewer).get(url + ids).content.decode()
    assert "relays KCNA via TASS" in html
    assert "relays Associated Press" in html  # the dateline's wire credit
    assert 'data-relay="relays KCNA via TASS"' in html  # the term inside the relayed quote
    assert 'id="td-relay"' in html
    assert "Confirm origin" not in html  # a viewer cannot edit


def test_sources_page_lists_relays_with_a_confirm_button_for_editors(relayed, analyst):
    url = reverse("reports:sources", args=[relayed["event"].pk])
    html = client_for(analyst).get(url).content.decode()
    assert "relays KCNA via TASS" in html
    assert "Confirm origin: TASS" in html
    assert "Confirm origin: Associated Press" in html


def test_article_page_shows_the_relay_chain(relayed, viewer, analyst):
    url = relayed["relaying"].get_absolute_url()
    assert "relays KCNA via TASS" in client_for(viewer).get(url).content.decode()
    assert "Confirm origin" not in client_for(viewer).get(url).content.decode()
    assert "Confirm origin: TASS" in client_for(analyst).get(url).content.decode()


def test_confirming_sets_the_origin_and_hides_the_button(relayed, analyst):
    article = relayed["relaying"]
    url = reverse("article_confirm_origin", args=[article.pk])
    response = client_for(analyst).post(url, {"origin": "TASS"})
    assert response.status_code == 302
    origin = _article(article.pk).origin
    assert origin.name == "TASS" and origin.workspace_id == article.event.workspace_id
    assert (
        "Confirm origin" not in client_for(analyst).get(article.get_absolute_url()).content.decode()
    )


def test_confirm_reuses_an_existing_outlet_case_insensitively(relayed, analyst):
    article = relayed["relaying"]
    existing = OutletFactory(workspace=article.event.workspace, name="Tass")
    client_for(analyst).post(
        reverse("article_confirm_origin", args=[article.pk]), {"origin": "TASS"}
    )
    assert _article(article.pk).origin_id == existing.pk


def test_confirm_redirects_back_only_to_our_own_pages(relayed, analyst):
    article = relayed["relaying"]
    url = reverse("article_confirm_origin", args=[article.pk])
    back = reverse("reports:sources", args=[article.event_id])
    ok = client_for(analyst).post(url, {"origin": "TASS", "next": back})
    assert ok["Location"] == back
    evil = client_for(analyst).post(url, {"origin": "TASS", "next": "https://evil.example/"})
    assert evil["Location"] == article.get_absolute_url()


@pytest.mark.parametrize(
    ("name", "message"), [("   ", "Name the outlet"), ("Daily Courier", "own")]
)
def test_confirm_rejects_a_blank_name_or_the_articles_own_outlet(relayed, analyst, name, message):
    article = relayed["relaying"]
    url = reverse("article_confirm_origin", args=[article.pk])
    response = client_for(analyst).post(url, {"origin": name}, follow=True)
    assert message in response.content.decode()
    assert _article(article.pk).origin_id is None


def test_confirm_needs_the_edit_right(relayed, viewer, outsider):
    article = relayed["relaying"]
    url = reverse("article_confirm_origin", args=[article.pk])
    assert client_for(viewer).post(url, {"origin": "TASS"}).status_code == 403
    assert client_for(outsider).post(url, {"origin": "TASS"}).status_code == 404
    assert _article(article.pk).origin_id is None
    assert not Outlet.objects.filter(name="TASS").exists()


def test_confirm_is_post_only(relayed, analyst):
    url = reverse("article_confirm_origin", args=[relayed["relaying"].pk])
    assert client_for(analyst).get(url).status_code == 405


def test_sources_merges_a_surname_into_the_full_name_across_articles(event):
    outlet = OutletFactory(workspace=event.workspace, name="Gazette")
    a = make_article(event=event, outlet=outlet, text="Sheriff Flores spoke. He left.", title="A")
    b = make_article(event=event, outlet=outlet, text="Pete Flores spoke. He left.", title="B")
    store_analysis(a, quotes=(("Flores", "", "said"),))
    store_analysis(b, quotes=(("Pete Flores", "", "said"), ("Pete Flores", "", "added")))
    (row,) = sources_by_outlet(event.pk, event_summary(event), [])
    assert [(s.name, s.total) for s in row.speakers] == [("Pete Flores", 3)]


def test_sources_never_lists_a_pronoun_as_a_speaker(event):
    outlet = OutletFactory(workspace=event.workspace, name="Gazette")
    article = make_article(event=event, outlet=outlet, text="He spoke. It rained.", title="A")
    store_analysis(article, quotes=(("he", "", "said"), ("They", "", "said")))
    (row,) = sources_by_outlet(event.pk, event_summary(event), [])
    assert [(s.name, s.total) for s in row.speakers] == [("unnamed speaker", 2)]


def test_an_agencys_own_dateline_credit_is_not_a_relay(event, viewer):
    agency = OutletFactory(workspace=event.workspace, name="Velmar Central News Agency")
    text = "VELMARA, June 26 (VCNA) — The ministry said the drills were provocative."
    article = make_article(event=event, outlet=agency, text=text, title="Drills")
    store_analysis(article, frames=["security_defense"])
    html = client_for(viewer).get(article.get_absolute_url()).content.decode()
    assert 'id="relay-chain"' not in html


def test_one_relayed_quote_among_own_reporting_is_not_offered_as_the_origin(relayed, analyst):
    # An agency that quotes another agency once has not republished it: the chain is shown as
    # partial and no "Confirm origin" button tempts the analyst to record it as the source.
    article = relayed["relaying"]
    analysis = Analysis.objects.get(revision=article.current_revision)
    for start in (RELAYED.index("Fishing"), RELAYED.index("The navy")):
        QuoteSpan.objects.create(
            analysis=analysis, start=start, end=start + 12, kind="reported", speaker="the navy"
        )
    html = client_for(analyst).get(article.get_absolute_url()).content.decode()
    assert "partly relays KCNA via TASS" in html
    assert "Confirm origin" not in html


def test_confirming_an_acronym_reuses_the_outlet_it_abbreviates(relayed, analyst):
    article = relayed["relaying"]
    agency = OutletFactory(workspace=article.event.workspace, name="Trans Asian Syndicated Service")
    client_for(analyst).post(
        reverse("article_confirm_origin", args=[article.pk]), {"origin": "TASS"}
    )
    assert _article(article.pk).origin_id == agency.pk


def test_an_origin_on_record_under_its_full_name_is_not_offered_again(relayed, analyst):
    article = relayed["relaying"]
    agency = OutletFactory(workspace=article.event.workspace, name="Trans Asian Syndicated Service")
    Article.objects.filter(pk=article.pk).update(origin=agency)
    html = client_for(analyst).get(article.get_absolute_url()).content.decode()
    assert "relays KCNA via TASS" in html
    assert "Confirm origin" not in html


def test_a_quote_told_to_the_articles_own_outlet_carries_no_relay_label(event, viewer):
    # '"…," the senator told CNN' on CNN is the channel's own reporting, not a relay
    cnn = OutletFactory(workspace=event.workspace, name="CNN")
    text = 'The bill will pass, the senator told CNN. "It is a grave mistake," she said.'
    article = make_article(event=event, outlet=cnn, text=text, title="Bill")
    store_analysis(
        article,
        terms=(Term("grave mistake", "pejorative_label", 0.9, "quoted", "the senator"),),
        frames=["political", "political"],
    )
    analysis = Analysis.objects.get(revision=article.current_revision)
    QuoteSpan.objects.create(
        analysis=analysis,
        start=text.index("It is"),
        end=text.index(',"'),
        kind="direct",
        speaker="the senator",
        verb="said",
        chain=["CNN", "the senator"],
    )
    url = reverse("reports:compare", args=[event.pk]) + f"?a={article.pk}"
    html = client_for(viewer).get(url).content.decode()
    assert "relays CNN" not in html
