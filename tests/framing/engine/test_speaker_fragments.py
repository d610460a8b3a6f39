"""Fragment and wrong speakers on forms the fresh dev sets exposed: a function word opening the
sentence ("After Monday's game he told …", "But the Post, citing …, said"), a surname that
ends like a participle, the subject of a partial quote whose tag follows it, and media named
by their place and kind ("The Tarnów daily quoted him as saying", "the Cornish broadcaster")."""

from __future__ import annotations

import pytest

from framing import engine
from framing.engine.media_descriptors import placed_descriptor
from framing.engine.speaker_context import speaker_kind


def _quote(text: str, words: str):
    return next(q for q in engine.analyze(text).quotes if words in text[q.start : q.end])


def test_pronoun_after_an_opening_time_phrase_is_the_person_named_before() -> None:
    text = (
        "Rovers dismissed head coach Dale Fielding on Sunday after a sixth straight defeat.\n\n"
        "Fielding, 51, had been at the club for two seasons. After Saturday's loss he told "
        "Radio Tamar that he had not lost the dressing room."
    )
    q = _quote(text, "he had not lost the dressing room")
    assert q.speaker is not None and q.speaker.endswith("Fielding")
    assert "After" not in " ".join(q.chain)


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("After Saturday's", ""),
        ("But Velmar", ""),
        ("North Korea's", ""),
        ("Dara Kostell", "person"),
    ],
)
def test_function_words_and_possessives_are_no_antecedent(phrase: str, kind: str) -> None:
    assert speaker_kind(phrase) == kind


def test_surname_ending_like_a_participle_is_a_person() -> None:
    assert speaker_kind("Fielding", {"fielding"}) == "person"
    assert speaker_kind("Carrying") == ""


def test_opening_conjunction_is_not_part_of_the_speaker() -> None:
    text = (
        "But the Harbour Courier, citing a memo from the port authority, said the berths "
        "would close for a month."
    )
    q = _quote(text, "the berths would close")
    assert q.speaker is not None and not q.speaker.startswith("But")
    assert all(not h.startswith("But ") for h in q.chain)


def test_subject_of_a_partial_quote_is_not_who_the_tag_pronoun_is() -> None:
    text = (
        "Sami Council president Ingrid Balto told NRK that the herders had not been asked. "
        'The Sami would "fight this in every court there is," she told the broadcaster.'
    )
    q = _quote(text, "fight this in every court")
    assert q.speaker is not None and q.speaker.endswith("Ingrid Balto")


@pytest.mark.parametrize(
    ("text", "words", "relay"),
    [
        # a daily named by its city, which the article names as a place
        (
            "The shipyard in Tarnów has lost half its staff. Its union chair, Jerzy Wolak, "
            "said in an interview with Gazeta Krakowska that the cuts were unfair. The Tarnów "
            "daily quoted one welder, Piotr Nowak, as saying the workers had been lied to.",
            "the workers had been lied to",
            "Gazeta Krakowska",
        ),
        # a weekly that was "the" kind word read as an adverb
        (
            "The Orkney Herald reported that two ferries had been cancelled. The weekly quoted "
            "one skipper, Magnus Flett, as saying the crossings were unsafe.",
            "the crossings were unsafe",
            "The Orkney Herald",
        ),
        # a broadcaster named by a demonym
        (
            'Mayor Lucie Dardenne told RTBF that the plan was ready. The works were "long '
            'overdue", she told the Cornish broadcaster.',
            "long overdue",
            "RTBF",
        ),
    ],
)
def test_place_and_kind_name_the_medium_before(text: str, words: str, relay: str) -> None:
    q = _quote(text, words)
    assert list(q.chain[:-1]) == [relay]


def test_place_descriptor_needs_a_place_and_no_medium_name() -> None:
    text = "Crowds gathered in Tarnów. Speaking to TSF radio, she said so. The Okaz daily said."
    assert placed_descriptor(text, "The Tarnów daily") == "print"
    assert placed_descriptor(text, "the Cornish broadcaster") == "broadcast"
    assert placed_descriptor(text, "TSF radio") is None  # an acronym: a medium's own name
    assert placed_descriptor(text, "the Okaz daily") is None  # no place named "Okaz"
    assert placed_descriptor(text, "The Australian newspaper") is None  # a paper's name


def test_it_relaying_is_the_medium_of_the_sentence_before() -> None:
    text = (
        "Il Gazzettino, the Venice daily, reported that shops had closed early. It quoted a "
        "gondolier, Marco Zen, as saying the water had never risen so fast."
    )
    q = _quote(text, "the water had never risen so fast")
    assert list(q.chain[:-1]) == ["Il Gazzettino"]
