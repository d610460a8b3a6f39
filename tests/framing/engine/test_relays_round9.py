"""Relay round 9 (issue 10 part 2, h-relays5): long office titles as speakers, the source
cited inside a "MEDIUM, citing …, said" clause, and origins an uncredited article must not get."""

import pytest

from .voice_helpers import chain_of, quote_with


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Qatar's minister of state for foreign affairs told the Qatar News Agency (QNA) that "
            "Doha was ready to mediate.",
            "Doha was ready",
            "Qatar's minister of state for foreign affairs",
        ),
        (
            "The head of state said the talks would resume in the spring.",
            "the talks would resume",
            "The head of state",
        ),
        (
            "“We are ready to sign,” the secretary for trade and industry said.",
            "We are ready",
            "the secretary for trade and industry",
        ),
    ],
)
def test_office_title_with_lower_case_of_and_for_phrases_is_the_speaker(text, words, speaker):
    q = quote_with(text, words)
    assert q.speaker is not None and q.speaker.text == speaker


def test_office_title_keeps_the_medium_it_told():
    text = (
        "Qatar's minister of state for foreign affairs told the Qatar News Agency (QNA) that "
        "Doha was ready to mediate."
    )
    assert chain_of(quote_with(text, "Doha was ready")) == [
        "QNA",
        "Qatar's minister of state for foreign affairs",
    ]


def test_office_phrase_stops_before_a_determiner():
    # "of the …" is the existing object phrase, not a second office phrase swallowing a clause
    text = "A spokesman for the ministry said the border would reopen on Monday."
    assert quote_with(text, "the border would reopen").speaker.text == (
        "A spokesman for the ministry"
    )


@pytest.mark.parametrize(
    ("text", "words", "chain"),
    [
        (
            "CARACAS — Cuba's Prensa Latina, citing a foreign ministry statement read on state "
            "television VTV, said Venezuela would resume talks with Guyana next month.",
            "Venezuela would resume",
            ["Cuba's Prensa Latina", "VTV", "a foreign ministry statement"],
        ),
        (
            "Xinhua, citing a statement broadcast by CCTV, said the drills had ended on schedule.",
            "the drills had ended",
            ["Xinhua", "CCTV", "a statement"],
        ),
        (
            "Anadolu, citing a ministry statement aired on state television TRT, said the "
            "border crossing would reopen.",
            "the border crossing would reopen",
            ["Anadolu", "TRT", "a ministry statement"],
        ),
    ],
)
def test_cited_source_inside_a_citing_clause_speaks_through_its_carriers(text, words, chain):
    q = quote_with(text, words)
    assert chain_of(q) == chain
    assert q.speaker.text == chain[-1]
