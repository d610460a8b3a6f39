"""Sources and voice, and the republication graph."""

from __future__ import annotations

import pytest
from django.urls import reverse

from framing.models import ActorMention, Analysis, QuoteSpan
from reports.republication import republication_graph
from reports.sources import OutletFact, affiliation, sources_by_outlet
from reports.summary import event_summary, voice_chars
from tests.factories import OutletFactory, make_article
from tests.reports.helpers import client_for, count_queries, store_analysis

PAGES = ["sources", "republication"]


def _url(name, event):
    return reverse(f"reports:{name}", args=[event.pk])


@pytest.mark.parametrize("name", PAGES)
def test_viewer_can_open_the_page(analysed, viewer, name):
    assert client_for(viewer).get(_url(name, analysed["event"])).status_code == 200


@pytest.mark.parametrize("name", PAGES)
def test_non_member_gets_404(analysed, outsider, name):
    assert client_for(outsider).get(_url(name, analysed["event"])).status_code == 404


def _quote(kind, start, end, analysis_id=1):
    return QuoteSpan(analysis_id=analysis_id, kind=kind, start=start, end=end)


def test_quote_inside_reported_speech_counts_once_as_quoted():
    quotes = [_quote("reported", 0, 100), _quote("direct", 40, 60)]
    assert voice_chars(quotes, {1: 7}) == {7: {"quoted": 20, "attributed": 80}}


def test_scare_quotes_stay_in_the_outlets_own_voice():
    assert voice_chars([_quote("scare", 5, 15)], {1: 7}) == {}


def test_overlapping_quotes_are_not_counted_twice():
    quotes = [_quote("partial", 0, 10), _quote("direct", 5, 20)]
    assert voice_chars(quotes, {1: 7})[7]["quoted"] == 20


def _add_quote(article, **kw):
    analysis = Analysis.objects.get(revision=article.current_revision)
    defaults = {"start": 0, "end": 10, "kind": "direct", "speaker": "", "verb": "said"}
    QuoteSpan.objects.create(analysis=analysis, **{**defaults, **kw})


def _outlet(rows, name):
    return next(o for o in rows if o.name == name)


def test_voice_shares_of_an_outlets_text(analysed):
    event, wire = analysed["event"], analysed["wire"]
    _add_quote(wire, start=50, end=100, kind="direct", speaker="an official")
    rows = sources_by_outlet(event.pk, event_summary(event), [])
    o = _outlet(rows, "Wire")
    text_length = len(wire.current_revision.text)
    assert o.share("quoted") == pytest.approx(50 / text_length)
    assert o.share("attributed") == pytest.approx(5 / text_length)  # the fixture's (0, 5)
    assert o.share("own") == pytest.approx(1 - 55 / text_length)


def test_speakers_are_counted_with_their_verbs(analysed):
    event, wire = analysed["event"], analysed["wire"]
    _add_quote(wire, speaker="the ministry", speaker_actor="velmar_mfa", verb="Claimed")
    rows = sources_by_outlet(event.pk, event_summary(event), [])
    ministry = next(s for s in _outlet(rows, "Wire").speakers if s.key == "velmar_mfa")
    assert (ministry.quoted, ministry.attributed) == (1, 1)
    assert ministry.verb_list == [("called", 1), ("claimed", 1)]


def test_outlet_verbs_are_totalled(analysed):
    event, wire = analysed["event"], analysed["wire"]
    _add_quote(wire, speaker="a fisherman", verb="said")
    _add_quote(wire, speaker="a sailor", verb="said")
    rows = sources_by_outlet(event.pk, event_summary(event), [])
    assert _outlet(rows, "Wire").verbs == [("said", 2), ("called", 1)]


def test_speaker_links_to_the_sentences_quoting_them(analysed):
    event = analysed["event"]
    rows = sources_by_outlet(event.pk, event_summary(event), [])
    ministry = _outlet(rows, "Wire").speakers[0]
    assert "speaker=velmar_mfa" in ministry.url and "/sentences/" in ministry.url


def test_affiliation_from_the_gazetteer():
    assert affiliation("Washington", "usa", []) == "United States (country)"


def test_affiliation_from_an_outlets_country():
    facts = [OutletFact("State Agency", "Velmar", "State media")]
    assert affiliation("the Velmari navy", "", facts) == "Velmar (country, from outlet data)"


def test_affiliation_from_an_outlet_name():
    facts = [OutletFact("VCNA", "Velmar", "State media")]
    assert affiliation("VCNA commentary", "", facts) == "VCNA — outlet: State media, Velmar"


def test_affiliation_is_blank_when_nobody_knows():
    facts = [OutletFact("State Agency", "Velmar", "State media")]
    assert affiliation("a local fisherman", "", facts) == ""


def test_sources_page_shows_speaker_and_verbs(analysed, viewer):
    html = client_for(viewer).get(_url("sources", analysed["event"])).content.decode()
    section = html[html.index(f'id="sources-{analysed["wire"].outlet_id}"') :]
    assert "the ministry" in section[: section.index("</section>")]
    assert "called (1)" in section


def _republish(analysed):
    agency = OutletFactory(workspace=analysed["event"].workspace, name="Ministry release")
    state = analysed["state"]
    state.origin = agency
    state.save()
    copy = make_article(
        event=analysed["event"],
        outlet=OutletFactory(workspace=analysed["event"].workspace, name="Portal"),
        text="The aggressive bloc staged drills.",
        republication_of=state,
    )
    return agency, copy


def test_graph_links_relayed_source_original_and_copy(analysed):
    agency, copy = _republish(analysed)
    graph = republication_graph(event_summary(analysed["event"]))
    edges = {(e.source.key, e.kind, e.target.key) for e in graph.edges}
    state = analysed["state"].pk
    assert edges == {
        (f"o{agency.pk}", "relays", f"a{state}"),
        (f"a{state}", "republishes", f"a{copy.pk}"),
    }


def test_graph_lays_copies_right_of_their_original(analysed):
    _, copy = _republish(analysed)
    graph = republication_graph(event_summary(analysed["event"]))
    x = {n.key: n.x for n in graph.nodes}
    assert x[f"o{analysed['state'].origin_id}"] < x[f"a{analysed['state'].pk}"] < x[f"a{copy.pk}"]


def test_graph_counts_articles_without_links(analysed):
    _republish(analysed)
    assert republication_graph(event_summary(analysed["event"])).unlinked == 1  # the wire


def test_republication_page_draws_the_graph(analysed, viewer):
    _, copy = _republish(analysed)
    html = client_for(viewer).get(_url("republication", analysed["event"])).content.decode()
    assert f'id="node-a{copy.pk}"' in html and 'class="edge republishes"' in html


def test_republication_page_says_when_nothing_is_relayed(analysed, viewer):
    html = client_for(viewer).get(_url("republication", analysed["event"])).content.decode()
    assert 'id="repub-none"' in html


@pytest.mark.parametrize("name", PAGES)
def test_query_count_does_not_grow_with_articles(analysed, viewer, name):
    event, client = analysed["event"], client_for(viewer)
    url = _url(name, event)
    client.get(url)
    few = count_queries(client, url)
    for k in range(6):
        article = make_article(event=event, text=f"Report {k} said the drills began.")
        store_analysis(article, quotes=(("a sailor", "", "said"),))
        article.republication_of = analysed["wire"]
        article.origin = analysed["wire"].outlet
        article.save()
    client.get(url)
    assert few == count_queries(client, url)


def _mention(article, name, key, kind="organisation"):
    analysis = Analysis.objects.get(revision=article.current_revision)
    ActorMention.objects.create(
        analysis=analysis, start=0, end=len(name), actor=key, name=name, kind=kind
    )


def test_a_short_organisation_name_speaks_in_the_row_of_its_full_name(analysed):
    # One article says "the Kestrian Border Service said", another "the Border Service said":
    # one speaker, shown by its full name (issue 10: names merged by alias across the event).
    event, wire = analysed["event"], analysed["wire"]
    _mention(wire, "Kestrian Border Service", "kestrian_border_service")
    _mention(wire, "Border Service", "border_service")
    _add_quote(wire, speaker="the Kestrian Border Service", speaker_actor="kestrian_border_service")
    _add_quote(wire, speaker="The Border Service", speaker_actor="border_service")
    rows = sources_by_outlet(event.pk, event_summary(event), [])
    names = [s.name for s in _outlet(rows, "Wire").speakers if "Border" in s.name]
    assert names == ["Kestrian Border Service"]


def test_quantifier_and_apostrophe_variants_do_not_make_speaker_rows(analysed):
    event, wire = analysed["event"], analysed["wire"]
    _add_quote(wire, speaker="Orvane's foreign ministry", kind="reported")
    _add_quote(wire, speaker="Orvane’s foreign ministry", kind="reported")
    _add_quote(wire, speaker="Many", kind="reported")
    rows = sources_by_outlet(event.pk, event_summary(event), [])
    names = [s.name for s in _outlet(rows, "Wire").speakers]
    assert sum("foreign ministry" in n for n in names) == 1
    assert "Many" not in names


def test_a_statement_with_no_issuer_is_no_speaker_row(analysed):
    event, wire = analysed["event"], analysed["wire"]
    _add_quote(wire, speaker="the statement", kind="reported")
    rows = sources_by_outlet(event.pk, event_summary(event), [])
    names = [s.name for s in _outlet(rows, "Wire").speakers]
    assert "the statement" not in names
    assert "unnamed speaker" in names


def test_a_statement_speaks_in_the_row_of_its_issuer(analysed):
    # "Trell called it unsafe in a statement. …, the statement said": the engine gives the
    # statement Trell's actor, so her words are one row
    event, wire = analysed["event"], analysed["wire"]
    _mention(wire, "Joanna Trell", "joanna_trell", "person")
    _add_quote(wire, speaker="Joanna Trell", speaker_actor="joanna_trell", kind="partial")
    _add_quote(wire, speaker="the statement", speaker_actor="joanna_trell", kind="reported")
    rows = sources_by_outlet(event.pk, event_summary(event), [])
    trell = [s for s in _outlet(rows, "Wire").speakers if s.key == "joanna_trell"]
    assert [(s.name, s.quoted, s.attributed) for s in trell] == [("Joanna Trell", 1, 1)]


@pytest.mark.parametrize("speaker", ["The Wire", "the wire", "Wire"])
def test_an_outlet_naming_itself_speaks_in_its_own_voice(analysed, speaker):
    # "The Ministry notes …" in the ministry's own release: no speaker row, no attributed text
    event, wire = analysed["event"], analysed["wire"]
    _add_quote(wire, speaker=speaker, kind="reported", start=50, end=100)
    o = _outlet(sources_by_outlet(event.pk, event_summary(event), []), "Wire")
    assert [s.name for s in o.speakers] == ["the ministry"]  # the fixture's quote only
    text_length = len(wire.current_revision.text)
    assert o.share("attributed") == pytest.approx(5 / text_length)  # the fixture's (0, 5)


def test_a_word_of_the_outlets_name_alone_is_another_speaker(analysed):
    # "Kestria said …" in The Kestria Ledger is the country speaking, not the paper
    event, state = analysed["event"], analysed["state"]
    _add_quote(state, speaker="State", kind="reported")
    rows = sources_by_outlet(event.pk, event_summary(event), [])
    assert "State" in [s.name for s in _outlet(rows, "State Agency").speakers]


def test_an_office_of_a_country_the_texts_name_is_affiliated_with_that_country(analysed):
    event, wire = analysed["event"], analysed["wire"]
    _mention(wire, "Orvane", "orvane", "country")
    _add_quote(wire, speaker="Orvane's foreign ministry", speaker_actor="orvane", kind="reported")
    rows = sources_by_outlet(event.pk, event_summary(event), [])
    orvane = next(s for s in _outlet(rows, "Wire").speakers if s.key == "orvane")
    assert (orvane.name, orvane.affiliation) == ("Orvane", "Orvane (country)")


def test_a_possessive_state_office_is_affiliated_with_its_state():
    assert affiliation("Oskarn’s Foreign Ministry", "", []) == "Oskarn (country)"
    # "the ministry" in the row of the actor it stands for takes that actor's state
    assert affiliation("the ministry", "x", [], name="Oskarn's Foreign Ministry") == (
        "Oskarn (country)"
    )
    assert affiliation("Oskarn Telegraph Agency", "", []) == ""


def test_a_speaker_row_says_which_relay_the_words_came_through(analysed, viewer):
    event, state = analysed["event"], analysed["state"]
    chain = ["State Agency", "OTA", "Oskarn's Foreign Ministry"]  # the outlet itself left out
    _add_quote(state, speaker="Oskarn's Foreign Ministry", kind="reported", chain=chain)
    _add_quote(state, speaker="Oskarn's Foreign Ministry", kind="partial", chain=chain)
    rows = sources_by_outlet(event.pk, event_summary(event), [])
    (ministry,) = [s for s in _outlet(rows, "State Agency").speakers if "Oskarn" in s.name]
    assert ministry.relay_list == [("relays OTA", 2)]
    assert ministry.affiliation == "Oskarn (country)"
    html = client_for(viewer).get(_url("sources", event)).content.decode()
    assert "relays OTA (2)" in html
