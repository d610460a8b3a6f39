"""Voice of tagged spans: words inside a quotation belong to the quote's speaker, never to the
outlet's own voice, whatever tagger drew the span (issue 10, part 1)."""

from __future__ import annotations

from dataclasses import dataclass

from framing.engine import analyze
from framing.engine.voice import assign_voices


@dataclass
class Q:
    start: int
    end: int
    kind: str
    speaker: str | None = None


def test_span_inside_a_quote_is_quoted_and_held_by_it():
    quote = Q(10, 60, "direct", "Rodney Marsh")
    assert assign_voices([(20, 34)], [quote]) == [("quoted", quote)]


def test_span_drawn_over_the_closing_mark_still_belongs_to_the_quote():
    # A tagger's span may run one or two characters past the quote ("invaders”," + comma).
    quote = Q(10, 40, "partial", "Rodney Marsh")
    assert assign_voices([(30, 42)], [quote]) == [("quoted", quote)]


def test_span_mostly_outside_a_quote_is_own_voice():
    assert assign_voices([(35, 60)], [Q(10, 40, "direct")]) == [("own", None)]


def test_innermost_holder_wins_and_reported_speech_is_attributed():
    reported, direct = Q(0, 100, "reported", "the ministry"), Q(40, 70, "direct", "the ministry")
    assert assign_voices([(45, 50), (5, 15)], [reported, direct]) == [
        ("quoted", direct),
        ("attributed", reported),
    ]


def test_scare_quotes_stay_in_the_outlets_voice():
    assert assign_voices([(11, 20)], [Q(10, 20, "scare")]) == [("own", None)]


def test_loaded_words_in_a_quote_are_credited_to_its_speaker_named_a_sentence_earlier():
    text = (
        "Councillor Amos Vell said on Tuesday the plan had failed. The neighbours were "
        '"a puppet regime that answers to nobody", in his view.'
    )
    terms = [t for t in analyze(text).loaded_terms if "regime" in t.text]
    assert terms, "the tagger no longer tags 'puppet regime': pick another loaded phrase"
    assert {(t.voice, t.speaker) for t in terms} == {("quoted", "Councillor Amos Vell")}


def test_loaded_words_in_a_quote_credit_the_full_name_of_a_surname_speaker():
    text = (
        "Border Patrol chief Rodney Marsh toured the crossing. "
        '"This is a puppet regime sending people north," Marsh said.'
    )
    terms = [t for t in analyze(text).loaded_terms if "regime" in t.text]
    assert terms
    assert {(t.voice, t.speaker) for t in terms} == {("quoted", "Rodney Marsh")}
