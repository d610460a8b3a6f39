"""A document is not a speaker (issue 10, the demo pages): "…, the statement said" belongs to
whoever issued the statement, and possessive offices belong to their owner."""

from __future__ import annotations

import pytest

from framing import engine
from framing.engine.documents import document_speaker


def _quotes(text: str) -> list:
    return [q for q in engine.analyze(text).quotes if q.kind != "scare"]


def _said_by_the(text: str, speaker: str):
    return next(q for q in _quotes(text) if q.speaker == speaker)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # the naval demo's wire report: Trell made the statement
        (
            'Defence Minister Joanna Trell called the manoeuvre "unsafe and unprofessional" in a '
            "statement on Thursday evening. Aldmere's foreign ministry summoned Velmar's "
            "ambassador over the incident, the statement said.",
            "joanna_trell",
        ),
        (
            "The Velmar Maritime Safety Administration issued a statement on Friday. Live-fire "
            "drills would be held north of the strait, the statement said.",
            "velmar_maritime_safety_administration",
        ),
        (
            "Frontier Aid said in a statement that its staff had treated 14 people. "
            "“We saw toddlers choking on gas,” the statement said.",
            "frontier_aid",
        ),
    ],
)
def test_the_statements_words_belong_to_its_issuer(text, actor):
    assert _said_by_the(text, "the statement").speaker_actor == actor


def test_a_statement_nobody_is_named_as_issuing_belongs_to_no_actor():
    q = _said_by_the(
        "Aldmere's fleet sailed on Friday. The drills were legal, the statement said.",
        "the statement",
    )
    assert q.speaker_actor is None


def test_in_a_report_carried_by_an_agency_the_subject_after_it_speaks():
    text = (
        "In a separate report carried by KCNA, the North's defence ministry said it would "
        '"respond resolutely" to the drills.'
    )
    speakers = {(q.speaker, q.chain) for q in _quotes(text)}
    assert speakers == {("the North's defence ministry", ("KCNA", "the North's defence ministry"))}


@pytest.mark.parametrize(
    ("phrase", "noun"),
    [
        ("the statement", "statement"),
        ("A separate report", "report"),
        ("a foreign ministry statement", "statement"),
        ("the ruling", "ruling"),
    ],
)
def test_document_speakers_are_recognised(phrase, noun):
    assert document_speaker(phrase)[1] == noun


@pytest.mark.parametrize(
    "phrase", ["the ministry", "Joanna Trell", "its statement", "the reporter"]
)
def test_other_speakers_are_not_documents(phrase):
    assert document_speaker(phrase) is None


def test_an_office_of_a_country_named_only_as_a_sentence_opener_is_that_countrys():
    # Patriot Dispatch in the caravan demo: "Orvane" opens its sentence, so no name mention
    # covers it, yet "Its foreign ministry" is Orvane's
    text = (
        "Orvane, meanwhile, is trying to wash its hands. Its foreign ministry says it will hand "
        "out visas to those who stay."
    )
    q = _said_by_the(text, "Orvane's foreign ministry")
    assert q.speaker_actor == "orvane"


def test_a_country_opening_a_sentence_speaks_as_the_actor_the_text_names_elsewhere():
    # Frontline Kestria in the caravan demo: "Orvane said …" opens its sentence
    text = (
        "The caravan was waved through Orvane by that country's authorities. Orvane said on "
        "Sunday it would offer humanitarian visas."
    )
    assert _said_by_the(text, "Orvane").speaker_actor == "orvane"


# The naval demo's VCNA copy, cut to what the three rules below need.
VCNA_COPY = (
    "VELMARA, June 26 (VCNA) — Velmar’s Foreign Ministry on Friday condemned the drills.\n\n"
    "At a regular press briefing in Velmara, ministry spokesperson Dara Kostell said the three "
    "countries had massed 14 warships on Velmar’s doorstep.\n\n"
    "“This is not an exercise,” Kostell said. “It is a show of force.”\n\n"
    "Kostell said the exercise area lay less than 40 nautical miles from the coast. She said "
    "Velmar had lodged stern representations with all three governments.\n\n"
    "Referring to an encounter at sea on Thursday, the spokesperson said the frigate Kaldor had "
    "kept “a safe and professional distance” at all times.\n\n"
    "Meanwhile, the Oskarn Telegraph Agency (OTA) reported that Oskarn’s Foreign Ministry had "
    "described the drills as “a dangerous escalation”. According to OTA, the ministry said the "
    "exercise was “part of a hegemonic strategy of containment”.\n\n"
    "A commentary carried by VCNA on Friday said the sailors of the People’s Navy “stand like "
    "a wall of steel”."
)


def test_the_spokesperson_is_the_one_spokesperson_the_text_named_paragraphs_before():
    q = next(q for q in _quotes(VCNA_COPY) if "safe and professional" in q.text)
    assert (q.speaker, q.speaker_actor) == ("Dara Kostell", "dara_kostell")


def test_the_ministry_heard_through_the_same_relay_is_the_ministry_it_named():
    q = next(q for q in _quotes(VCNA_COPY) if "hegemonic strategy" in q.text)
    assert q.speaker == "the ministry"  # as written
    assert q.speaker_actor == _said_by_the(VCNA_COPY, "Oskarn’s Foreign Ministry").speaker_actor
    assert q.chain[-2:] == ("OTA", "the ministry")


def test_a_description_heard_through_another_relay_is_not_that_source():
    text = (
        "TASS reported that Oskarn's Foreign Ministry had condemned the drills. "
        "Interfax said the defence ministry had called the drills routine."
    )
    q = next(q for q in _quotes(text) if "routine" in q.text)
    assert q.speaker_actor != "oskarn_s_foreign_ministry"


def test_a_commentary_is_a_document_not_a_speaker():
    assert document_speaker("A commentary") == ("", "commentary")
    q = next(q for q in _quotes(VCNA_COPY) if "wall of steel" in q.text)
    assert q.speaker == "A commentary" and q.speaker_actor is None
