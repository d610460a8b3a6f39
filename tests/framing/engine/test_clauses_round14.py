"""Round 14 (issue 10): clause subjects the speaker phrases missed — documents and data as
sources ("according to data from …", "estimates published by …"), a bracketed short form inside
a title ("Port Authority (KPA) Director X said"), "Minister for X Affairs" titles, "the court
heard that", a subject with a relative clause ("The union that represents nurses said"), a
subject after ", and", a tag before "on X." closing the sentence — and dateline credits the
pooled figure missed ("(ČTK) –", "(ANDINA).", "Accra, Dec. 3, GNA -")."""

from __future__ import annotations

import pytest

from framing.engine.relays import wire_origin

from .voice_helpers import chain_of, quote_with, quotes_of


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Rice exports fell 7 per cent in October, according to data from the Agriculture "
            "Export Office.",
            "Rice exports fell",
            "data from the Agriculture Export Office",
        ),
        (
            "The valley has about 400 wolves, according to estimates published by the regional "
            "government in May.",
            "The valley has about 400 wolves",
            "estimates published by the regional government",
        ),
        (
            "According to figures published by the county council, 1,900 households were on "
            "its waiting list in October.",
            "1,900 households",
            "figures published by the county council",
        ),
    ],
)
def test_data_and_estimates_name_their_source(text, words, speaker):
    assert quote_with(text, words).speaker.text == speaker


def test_a_short_form_in_brackets_inside_a_title():
    text = (
        "Container volumes at Mombasa rose 9 percent in November, Kenya Ports Authority (KPA) "
        "Managing Director Joseph Mwangi said on Friday."
    )
    q = quote_with(text, "Container volumes")
    assert q.speaker.text.endswith("Joseph Mwangi")


def test_a_minister_for_some_affairs_keeps_the_title():
    text = (
        "The country will buy 200,000 tonnes of sugar before the fasting month, Coordinating "
        "Minister for Economic Affairs Budi Santoso said here on Friday."
    )
    q = quote_with(text, "200,000 tonnes")
    assert q.speaker.text == "Coordinating Minister for Economic Affairs Budi Santoso"
    assert "here" not in text[q.start : q.end]


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "The Crown Court in Truro heard that the lorry had no working brake lights.",
            "no working brake lights",
            "The Crown Court in Truro",
        ),
        (
            "The driver had been awake for 20 hours before the crash, the inquest heard.",
            "awake for 20 hours",
            "the inquest",
        ),
    ],
)
def test_what_a_court_heard(text, words, speaker):
    assert quote_with(text, words).speaker.text == speaker


def test_a_person_who_heard_something_is_no_speaker():
    text = "She heard that the plant would close in March and told her colleagues."
    assert not [q for q in quotes_of(text) if "plant would close" in text[q.start : q.end]]


def test_a_subject_with_a_relative_clause():
    text = (
        "The association which represents hauliers said on Monday that a third of routes "
        "had no drivers."
    )
    assert quote_with(text, "a third of routes").speaker.text == "The association"


def test_a_subject_after_and():
    text = (
        "Thousands of homes in the east of the city have had no gas since Sunday, and the "
        "regional gas network said on Tuesday that supply would return by the weekend."
    )
    q = quote_with(text, "supply would return")
    assert q.speaker.text == "the regional gas network"


def test_a_tag_ending_on_x_closes_its_sentence():
    text = (
        "A man wanted over a bank robbery was arrested at a petrol station, Dunmore police "
        "said in a post on X. He had been on the run for three days."
    )
    q = quote_with(text, "was arrested")
    assert q.speaker.text == "Dunmore police"
    assert chain_of(q) == ["Dunmore police"]


def test_reading_a_statement_is_no_inverted_tag():
    text = "Outside court, the victim's brother, Tom, read a statement."
    assert not [q for q in quotes_of(text) if "Outside court" in text[q.start : q.end]]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("BRNO, Dec 4 (ČTK) – The regional court on Friday jailed a former mayor.", "ČTK"),
        ("Brno, Dec 4 (CTK) - The regional court on Friday jailed a former mayor.", "ČTK"),
        ("Cusco, Dec. 4 (ANDINA). Heavy rain closed the railway to Machu Picchu.", "Andina"),
        ("Erdenet, December 4 (MONTSAME). Copper output rose 6 percent.", "Montsame"),
        (
            "Kumasi, Dec. 4, GNA - Cocoa farmers in the region have received new seedlings.",
            "Ghana News Agency",
        ),
        ("CALI (COLPRENSA) — The city council approved a new transport plan.", "Colprensa"),
    ],
)
def test_dateline_credits(text, name):
    origin = wire_origin(text)
    assert origin is not None and origin.name == name


def test_a_country_after_a_dated_dateline_is_no_credit():
    assert wire_origin("LONDON, Dec 4, UK - Rail fares will rise in March.") is None


def test_according_to_a_medium_then_who_said():
    text = (
        "According to Radio Kestrel, the inquiry is chaired by retired judge Marta Holm, who "
        "said its report would be ready by the summer."
    )
    q = quote_with(text, "its report would be ready")
    assert q.speaker.text.endswith("Marta Holm")
    assert chain_of(q)[0] == "Radio Kestrel"


def test_who_said_after_no_name_keeps_the_medium():
    text = "According to the ministry, the team is led by its captain, who said little."
    assert all(q.speaker is None or "captain" not in q.speaker.text for q in quotes_of(text))
