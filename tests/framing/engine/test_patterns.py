import pytest

from framing.engine.patterns import find_patterns
from framing.engine.text import normalise


def _rules(text: str) -> list[tuple[str, str, str]]:
    return [(text[m.start : m.end], m.category, m.rule) for m in find_patterns(normalise(text))]


@pytest.mark.parametrize(
    "phrase",
    ["Asian-version NATO", "Pacific version of NATO", "NATO of Asian version", "Asian NATO"],
)
def test_nato_analogies_are_found_in_every_shape(phrase):
    found = _rules(f"They are building an {phrase} in the region.")
    assert [(t, c) for t, c, _ in found] == [(phrase, "analogy_label")]


def test_evaluative_modifier_on_group_noun_is_a_pejorative_label():
    assert ("belligerent junta", "pejorative_label", "modifier+actor") in _rules(
        "The belligerent junta refused."
    )


def test_modifier_rule_allows_an_actor_word_in_between():
    assert _rules("the aggressive US-led bloc")[0][0] == "aggressive US-led bloc"


def test_praise_of_own_group_is_glorification():
    assert _rules("our peace-loving people")[0][:2] == ("peace-loving people", "glorification")


def test_strong_intensifier_with_verb_is_hyperbole():
    assert _rules("Washington flagrantly tramples the rules.")[0][:2] == (
        "flagrantly tramples",
        "hyperbole",
    )


def test_weak_intensifier_needs_a_hostile_verb():
    assert _rules("Two sailors were seriously injured.") == []
    assert _rules("The move seriously undermines trust.")[0][0] == "seriously undermines"


def test_new_plus_historical_episode_is_an_analogy():
    assert _rules("a new Cold War in Asia")[0][:2] == ("new Cold War", "analogy_label")


def test_plunge_into_catastrophe_is_a_fear_appeal():
    assert _rules("It could plunge the region into chaos.")[0][1] == "fear_appeal"


def test_languages_without_rules_find_nothing():
    assert find_patterns(normalise("an Asian-version NATO"), "fr") == []


def test_so_called_takes_the_term_it_distances():
    assert _rules("the so-called peace offensive from the north")[0][:2] == (
        "so-called peace offensive",
        "scare_quotes",
    )


def test_so_called_stops_before_function_words():
    assert _rules("what is so-called by critics") == []


def test_anti_x_forces_is_a_pejorative_label():
    assert _rules("blamed anti-China forces abroad")[0][:2] == (
        "anti-China forces",
        "pejorative_label",
    )
