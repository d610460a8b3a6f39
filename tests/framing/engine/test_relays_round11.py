"""Relay round 11 (issue 10 part 2, h-relays7): media recognised by their role in the sentence
rather than by name or by a kind word — whatever a statement is read out on, carried by,
published in or released through relays it — and a determiner-headed speaker with a noun the
speaker list does not know in a closing tag."""

import pytest

from .voice_helpers import chain_of, quote_with


@pytest.mark.parametrize(
    ("text", "words", "chain"),
    [
        (
            "Flights would resume on Friday, the aviation authority said in a statement read out "
            "on Antena Sul Noticias.",
            "Flights would resume",
            ["Antena Sul Noticias", "the aviation authority"],
        ),
        (
            "The curfew would be lifted, the interior ministry said in a statement carried by the "
            "Tin Tuc portal.",
            "The curfew would be lifted",
            ["Tin Tuc", "the interior ministry"],
        ),
        (
            "Water rationing would end in May, the utility said in a notice published in the "
            "official gazette Diario Oficial.",
            "Water rationing would end",
            ["Diario Oficial", "the utility"],
        ),
        (
            "The bridge would stay closed, the city council said in a circular, carried by the "
            "Al-Rai daily.",
            "The bridge would stay closed",
            ["Al-Rai", "the city council"],
        ),
    ],
)
def test_a_name_a_statement_is_carried_by_or_read_on_relays_it(text, words, chain):
    assert chain_of(quote_with(text, words)) == chain


@pytest.mark.parametrize(
    "text",
    [
        "The talks would resume next week, the ministry said in a statement released on Monday.",
        "The talks would resume next week, the ministry said in a statement posted on Telegram.",
        "The merger was lawful, the company said in a statement published by the Energy "
        "Regulatory Commission.",
    ],
)
def test_a_date_a_platform_or_an_author_carries_no_relay(text):
    # a guard: passes on main by design
    assert len(chain_of(quote_with(text, "would resume" if "talks" in text else "lawful"))) == 1


@pytest.mark.parametrize(
    ("text", "words", "chain"),
    [
        (
            "The tunnel would reopen within a week, the subcontractor said.",
            "The tunnel would reopen",
            ["the subcontractor"],
        ),
        (
            "The levee held overnight, the dike warden told regional broadcaster Omrop Fryslan.",
            "The levee held overnight",
            ["regional broadcaster Omrop Fryslan", "the dike warden"],
        ),
    ],
)
def test_a_determiner_and_an_unlisted_noun_in_a_closing_tag_name_the_speaker(text, words, chain):
    assert chain_of(quote_with(text, words)) == chain


def test_a_time_phrase_before_said_is_no_speaker():
    # a guard: passes on main by design
    text = "The road was cleared by the army, and by the next day said nothing of the damage."
    assert all("next day" not in (q.speaker.text if q.speaker else "") for q in _quotes(text))


def _quotes(text):
    from .voice_helpers import quotes_of

    return quotes_of(text)
