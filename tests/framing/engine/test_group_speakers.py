"""Speakers as analysts read them (issue 10, "0 pronoun or fragment speakers"): groups of
people somewhere are not the place they are in, a quantifier alone ("Many told …") names no
one, "its ministry" is the ministry of the country named before, and a possessive is never the
head of a speaker phrase."""

from __future__ import annotations

from framing.engine.analysis import analyze


def _speakers(text: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.speaker_actor) for q in analyze(text).quotes if q.kind == "reported"]


def test_residents_of_a_place_are_not_the_place():
    text = (
        "Kestria closed the crossing at Halden Bridge on Saturday. Residents of Halden Bridge "
        "said they were worried about the camp."
    )
    assert _speakers(text) == [("Residents of Halden Bridge", None)]


def test_critics_in_a_country_are_not_the_country():
    text = (
        "The government of Kestria closed the crossing. Critics in Kestria said Orvane should "
        "have stopped the column weeks ago."
    )
    assert _speakers(text) == [("Critics in Kestria", None)]


def test_a_quantifier_alone_is_not_shown_as_a_speaker():
    text = (
        "Violence has emptied whole neighbourhoods. Many told the Ledger they had been "
        "threatened before they left."
    )
    assert all(speaker != "Many" for speaker, _ in _speakers(text))


def test_its_ministry_belongs_to_the_country_the_sentence_before_names():
    text = (
        "The column crossed Orvane’s territory for weeks. Orvane, meanwhile, is trying to wash "
        "its hands. Its foreign ministry says it will hand out visas to those who stay."
    )
    assert _speakers(text) == [("Orvane's foreign ministry", "orvane")]


def test_groups_in_a_place_are_not_the_place():
    text = (
        "The drills began near Port Halloran. Fishing groups in Port Halloran have said their "
        "boats lost five days. Military analysts in Velmara said the scenario was offensive."
    )
    assert [actor for _, actor in _speakers(text)] == [None, None]


def test_a_possessive_is_not_the_head_of_a_speaker_phrase():
    # the speaker is the spokesperson, Ines Corvell, not "the party"
    text = (
        'Talks went on. "We have no quarrel with Aldmere," said the party\'s foreign affairs '
        "spokesperson, Ines Corvell."
    )
    quotes = [q for q in analyze(text).quotes if q.kind == "direct"]
    assert [q.speaker_actor for q in quotes] == ["ines_corvell"]


def test_the_object_of_accused_is_not_the_speaker():
    text = (
        "The Open Roads Network, an advocacy group that has accompanied the caravan, accused "
        "the government of breaking international law."
    )
    assert [speaker for speaker, _ in _speakers(text)] == ["The Open Roads Network"]


def test_a_possessive_owner_is_not_the_speaker_when_the_phrase_names_another():
    text = (
        "The exercise was a provocation by outside powers, according to Oskarn's state news "
        "agency OTA. Aldmere's defence ministry said the drills were routine."
    )
    assert [actor for _, actor in _speakers(text)] == ["ota", "aldmere"]


def test_photographs_released_by_a_side_relay_nothing():
    text = (
        "She dismissed Aldmere’s version of events, and said the photographs released by the "
        "Aldmeran side “prove nothing”. A commentary carried by VCNA on Friday said the navy "
        "was ready."
    )
    chains = [q.chain for q in analyze(text).quotes if q.kind == "reported"]
    assert all("the Aldmeran" not in " ".join(c) for c in chains)
    assert ("VCNA", "A commentary") in chains
