"""Relay forms of round 14: a piece written for a paper ("Writing in the Daily Telegraph, …",
"In a guest column for …"), a medium citing an interview another medium carried, a medium
quoting someone by a lower-case title, long office titles ("Minister of Trade and Industry
X") that carry a relay to the person's later words, a medium named by its kind after a
relaying word ("said on the station"), and channels of one's own (a committee, an office's
website) that stop a relay being carried."""

from __future__ import annotations

import pytest

from framing import engine


def _quotes(text: str) -> list:
    return [q for q in engine.analyze(text).quotes if q.kind != "scare"]


def _quote(text: str, words: str):
    return next(q for q in _quotes(text) if words in text[q.start : q.end])


def _chain(text: str, words: str) -> list[str]:
    return list(_quote(text, words).chain)


@pytest.mark.parametrize(
    ("text", "words", "relay"),
    [
        (
            "Writing in The Guardian, the historian Mara Olsen argued that the harbour had "
            "been neglected for decades.",
            "the harbour had been neglected",
            "Guardian",
        ),
        (
            "Writing in the Daily Telegraph, the head of the Ferrier Trust, Tom Ashby, said "
            "the museum would close two galleries.",
            "the museum would close",
            "Daily Telegraph",
        ),
        (
            "In a guest column for the Frankfurter Allgemeine Zeitung, the banker Ute Kramm "
            "wrote that the levy would drive savers abroad.",
            "the levy would drive savers abroad",
            "Frankfurter Allgemeine Zeitung",
        ),
        (
            "The senator wrote in an op-ed for The Washington Post that the treaty was dead.",
            "the treaty was dead",
            "Washington Post",
        ),
    ],
)
def test_a_piece_written_for_a_paper_is_relayed_by_it(text, words, relay):
    chain = _chain(text, words)
    assert len(chain) == 2
    assert relay in chain[0]


def test_a_medium_citing_an_interview_another_medium_carried():
    text = (
        "The Guardian, citing an interview with the BBC, reported that the health "
        "minister, Ruth Calder, said more than 30 wards were closed."
    )
    chain = _chain(text, "more than 30 wards were closed")
    assert chain[0] == "The Guardian"
    assert chain[1] == "BBC"
    assert "Ruth Calder" in chain[-1]


def test_the_one_who_gave_the_interview_speaks_not_the_citing_medium():
    text = (
        "The Guardian, citing an interview the mayor gave to the BBC, reported that she "
        "expected the bridge to reopen in May."
    )
    q = _quote(text, "expected the bridge to reopen")
    assert q.speaker == "the mayor"
    assert list(q.chain) == ["The Guardian", "BBC", "the mayor"]


def test_a_medium_quoting_someone_by_a_lower_case_title():
    text = "Xinhua, quoting chief engineer Liu Bao, said the tunnel would open in March."
    q = _quote(text, "the tunnel would open in March")
    assert q.speaker == "Liu Bao"
    assert list(q.chain) == ["Xinhua", "Liu Bao"]


def test_a_clause_after_said_is_not_taken_for_its_speaker():
    text = "Xinhua, quoting Liu Bao, said the cores would help scientists."
    q = _quote(text, "the cores would help scientists")
    assert q.speaker == "Liu Bao"


def test_a_long_office_title_carries_the_relay_to_later_words():
    text = (
        "Minister of Trade and Industry Rosa Quintana Vidal said on CNN that exports had "
        "fallen by a tenth. “We will not devalue,” the minister said. Minister Quintana "
        "added that a new credit line would open in January."
    )
    direct = _quote(text, "We will not devalue")
    assert direct.speaker == "Rosa Quintana Vidal"  # not "Industry Rosa Quintana Vidal"
    assert direct.chain[0] == "CNN"
    assert _chain(text, "a new credit line")[0] == "CNN"


def test_a_surname_after_a_long_office_title_is_the_name_without_the_office():
    text = (
        "Minister of Trade and Industry Rosa Quintana said on CNN that exports had fallen. "
        "“We will not devalue,” Quintana said."
    )
    assert _quote(text, "We will not devalue").speaker == "Rosa Quintana"


def test_a_medium_named_by_its_kind_after_a_relaying_word():
    text = (
        "Fire chief Olle Berg told Radio Kestrel that two barns had burned down. The "
        "farm's owner, Nils Aronsson, said on the station that the animals were safe."
    )
    assert _chain(text, "the animals were safe")[0] == "Radio Kestrel"


@pytest.mark.parametrize(
    "later",
    [
        "Marsh later told MPs on the transport committee that no fares would rise.",
        "Marsh later told a Senate hearing that no fares would rise.",
    ],
)
def test_words_given_to_a_committee_are_heard_directly(later):
    text = (
        "Writing in the Daily Telegraph, the chief executive of Harbour Rail, Ian Marsh, said "
        f"the line would be rebuilt by 2030. {later}"
    )
    assert _chain(text, "the line would be rebuilt")[0] == "Daily Telegraph"
    assert len(_chain(text, "no fares would rise")) == 1


def test_an_office_website_is_a_channel_of_its_own():
    text = (
        "In a notice posted on the governor's website, Governor Ada Kerr said the session "
        "would open in January. Kerr told the radio station KVLR that the map would pass "
        "before spring."
    )
    assert _chain(text, "the map would pass")[0] == "KVLR"
    assert len(_chain(text, "the session would open")) == 1


def test_a_description_in_apposition_is_not_who_a_pronoun_stands_for():
    text = (
        "Health Minister Ilse Brandauer, a Social Democrat, said on ORF that the clinic would stay "
        "open. The closure was “off the table for good”, she said."
    )
    q = _quote(text, "off the table for good")
    assert "Ilse Brandauer" in q.speaker
    assert q.chain[0] == "ORF"
