"""Word senses of issue 8: figures of speech met in their literal context (a fire people light
or fight, munitions found after a war) are not loaded terms; hyperbole is tagged as the
exaggerating words only; a label before a name and a threat after it are two terms. Sentences
written for these tests, not training data."""

import pytest

from framing.engine import analyze
from framing.engine.candidates import prepare
from framing.engine.tagger import token_parts


def _terms(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.category) for t in analyze(text).loaded_terms]


def _lexdom(text: str, word: str) -> bool:
    prep = prepare(text)
    extra = token_parts(prep)[0][prep.tokens.words.index(word)][2]
    return ("lexdom", 1.0) in extra


def test_children_playing_with_fire_beside_firefighters_are_not_a_threat_appeal():
    text = (
        "Firefighters said two boys had been playing with fire in a garden shed before it "
        "burned down."
    )
    assert not [t for t, _ in _terms(text) if "fire" in t]


def test_a_fire_word_puts_the_idiom_in_a_literal_domain():
    assert _lexdom("The twins were playing with fire next to a bonfire at the allotment.", "fire")


def test_unexploded_ordnance_puts_a_time_bomb_in_a_literal_domain():
    assert _lexdom("Sappers lifted a time bomb of unexploded ordnance from the harbour.", "bomb")


def test_a_minister_playing_with_fire_stays_a_threat_appeal():
    text = "The minister is playing with fire by cutting the border patrols, the opposition said."
    assert ("playing with fire", "fear_appeal") in _terms(text)


def test_skyrocketing_bills_are_hyperbole():
    text = (
        "Heating bills have been skyrocketing since the autumn, the pensioners' association said."
    )
    assert [c for t, c in _terms(text) if "skyrocketing" in t] == ["hyperbole"]


def test_an_utter_catastrophe_is_hyperbole_of_two_words():
    text = "The council's new bin collection scheme has been an utter catastrophe, residents said."
    assert ("utter catastrophe", "hyperbole") in _terms(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The junta in Casterly will pay dearly for its reckless provocation, the envoy said.",
            "Casterly",
        ),
        ('"The warmongers in Kyiv will pay dearly for this provocation," the agency said.', "Kyiv"),
    ],
)
def test_no_loaded_term_runs_past_the_name_it_targets(text, name):
    terms = [t for t, _ in _terms(text)]
    assert any("pay" in t for t in terms)
    assert not [t for t in terms if name in t and "pay" in t]
