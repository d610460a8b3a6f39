"""Relays in wire styles the phrase rules were not written around (issue 10, h-relays4): wire
credits in datelines, bylines and closing lines; a medium in a relaying role anywhere in its
tag's sentence; the media list as data; and what is no relay."""

import pytest

from framing.engine import media
from framing.engine.relays import usual_relay_name, wire_origin

from .voice_helpers import chain_of, quote_with


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("BEIJING, Xinhua — China's Ministry of Commerce said on Monday …", "Xinhua"),
        (
            "SYDNEY, AAP — The federal budget would return to deficit …",
            "Australian Associated Press",
        ),
        ("MADRID, Jan 9 (EFE).- Rescue boats picked up 342 people …", "EFE"),
        (
            "Amaravati, Mar 3 (PTI) The state government will open 200 clinics …",
            "Press Trust of India",
        ),
        ("Havana, Feb 2 (Prensa Latina) Power had been restored …", "Prensa Latina"),
        (
            "By Maria Jensen and Tom Okafor, Associated Press\n\nWASHINGTON — Senators …",
            "Associated Press",
        ),
        ("By JANE DOE / AP\n\nWASHINGTON — Senators met on Monday.", "Associated Press"),
        (
            "WIESBADEN — Consumer prices rose 1.8 percent, the office said.\n\n— dpa",
            "Deutsche Presse-Agentur",
        ),
        (
            "WASHINGTON — Senators met.\n\n(c) 2026 The Associated Press. All rights reserved.",
            "Associated Press",
        ),
        (
            "EDMONTON — A wildfire forced …\n\n"
            "This report by The Canadian Press was first published June 7, 2026.",
            "Canadian Press",
        ),
    ],
)
def test_wire_credit_in_a_dateline_byline_or_closing_line_is_the_origin(text, name):
    origin = wire_origin(text)
    assert origin is not None and origin.name == name
    assert text[origin.start : origin.end] == origin.credit


@pytest.mark.parametrize(
    "text",
    [
        "On March 3 (Tuesday) The council met to discuss the budget.",
        "MADISON, Wis. — More students passed Advanced Placement (AP) exams, the board said.",
        "LONDON — Thomson Reuters said it would cut jobs.\n\nReuters declined to comment.",
    ],
)
def test_a_bracketed_word_or_an_agency_in_the_story_is_no_wire_credit(text):
    assert wire_origin(text) is None


def test_told_a_state_run_medium_relays_the_speaker():
    text = (
        "Jordan's foreign minister told state-run Petra that Amman would send two more "
        "field hospitals."
    )
    assert chain_of(quote_with(text, "field hospitals"))[0] == "Petra"


def test_a_statement_published_by_an_agency_with_its_initials_relays_it_and_the_next_sentence():
    text = (
        "RABAT — An Algerian patrol had crossed into Moroccan territory near Figuig on Saturday, "
        "Morocco's foreign ministry said in a statement published by the state-run Maghreb Arabe "
        "Presse (MAP) agency. Two Moroccan shepherds had been detained by the patrol and later "
        "released, the ministry said."
    )
    assert chain_of(quote_with(text, "Algerian patrol"))[0] == "MAP"
    assert chain_of(quote_with(text, "shepherds"))[0] == "MAP"


def test_an_agency_quoting_a_speaker_in_a_participle_relays_him_and_his_next_quote():
    text = (
        "Iran on Monday rejected European criticism of its satellite launch, with state news "
        "agency IRNA quoting the foreign ministry spokesman as saying that the programme was "
        "“entirely peaceful”.\n\n“These statements are interference in our internal affairs,” "
        "the spokesman was quoted as saying."
    )
    assert chain_of(quote_with(text, "the programme was"))[0] == "IRNA"
    assert chain_of(quote_with(text, "interference"))[0] == "IRNA"


def test_a_source_cited_by_an_agency_after_the_clause_is_relayed():
    text = (
        "Production at two plants had been halted as a precaution, a source in the defence "
        "industry was cited by Interfax as saying."
    )
    q = quote_with(text, "Production at two plants")
    assert chain_of(q) == ["Interfax", "a source in the defence industry"]


def test_a_medium_named_by_its_kind_after_a_quote_relays_it():
    text = (
        "East Java police chief Budi Santoso said the group had links to a militant network. "
        "“They were planning to strike during the Sunday service,” the news portal Detik.com "
        "quoted him as saying."
    )
    assert chain_of(quote_with(text, "planning to strike"))[0] == "Detik.com"


@pytest.mark.parametrize(
    ("written", "usual"),
    [
        ("the state-run Maghreb Arabe Presse (MAP) agency", "MAP"),
        ("the official Cuban News Agency (ACN)", "ACN"),
    ],
)
def test_an_agency_with_bracketed_initials_is_shown_by_them(written, usual):
    assert usual_relay_name(written) == usual


def test_the_media_list_is_data_and_names_agencies_the_rules_never_spelled_out():
    names = set(media.names())
    assert {"Prensa Latina", "Agência Brasil", "Lusa", "Kompas TV", "Detik.com"} <= names
    text = "Brazil offered to send engineers, a government adviser told Agência Brasil."
    assert chain_of(quote_with(text, "engineers"))[0] == "Agência Brasil"


def test_an_agency_that_could_not_verify_a_claim_relays_nothing():
    text = (
        "A fire broke out at a fuel depot after debris fell on it, the regional governor wrote "
        "on Telegram. Reuters could not independently verify the reports."
    )
    assert chain_of(quote_with(text, "fuel depot")) == ["the regional governor"]


def test_a_person_called_reuter_is_a_speaker_not_a_relay():
    text = (
        "“This is a sad day for the newsroom,” said Hans Reuter, an organiser for the "
        "journalists' union in Frankfurt."
    )
    q = quote_with(text, "sad day")
    assert chain_of(q) == ["Hans Reuter"]


def test_a_medium_inside_the_words_reported_relays_nothing():
    text = "The minister said that Reuters had reported the deal before it was signed."
    q = quote_with(text, "deal before")
    assert len(q.chain) == 1


def test_a_quote_s_own_medium_wins_over_the_relay_of_the_sentence_that_named_him():
    text = (
        "East Java police chief Budi Santoso told Kompas TV that the group had links to a "
        "banned network.\n\n“They were planning to strike during the Sunday service,” the news "
        "portal Detik.com quoted him as saying."
    )
    q = quote_with(text, "planning to strike")
    assert chain_of(q)[0] == "Detik.com"
    assert "Kompas TV" not in chain_of(q)


def test_whoever_is_quoted_as_saying_is_the_innermost_source_after_a_citing_apposition():
    text = (
        "Turkey's Anadolu Agency, citing the Syrian state news agency SANA, quoted the Syrian "
        "defence ministry as saying that it had signed a training agreement with Caracas."
    )
    q = quote_with(text, "training agreement")
    names = chain_of(q)
    assert names[-1] == "the Syrian defence ministry"
    assert [n for n in names if "Anadolu" in n or "SANA" in n] == [names[0], names[1]]
