"""Actors beyond the gazetteer (issue 10, "Also"): titles of several words, countries known by
their governments, places that look like names, and merging by surname across an event
without joining two people or a country and a name."""

from __future__ import annotations

from framing.engine.actors import find_actors, merge_actor_keys
from framing.engine.text import split_sentences
from reports.actors import fullest_names


def _kinds(text: str) -> dict[str, tuple[str, str]]:
    found = find_actors(text, {s for s, _ in split_sentences(text)})
    return {m.text: (m.actor, m.kind) for m in found}


def test_a_title_of_several_words_is_left_out_of_the_name_and_the_surname_joins_it():
    found = _kinds(
        "Interior Minister Marguerite Dolan ordered the crossing closed. Dolan said it was "
        "temporary."
    )
    assert found["Marguerite Dolan"] == ("marguerite_dolan", "person")
    assert found["Dolan"] == ("marguerite_dolan", "person")


def test_a_name_whose_foreign_ministry_the_text_mentions_is_a_country():
    found = _kinds("On Friday the foreign ministry of Velmar condemned the drills near its coast.")
    assert found["Velmar"] == ("velmar", "country")


def test_a_name_ending_in_a_place_word_is_not_a_person():
    found = _kinds("A frigate crossed the Serrin Strait near Halden Bridge on Thursday.")
    assert found["Serrin Strait"][1] == "other" and found["Halden Bridge"][1] == "other"


def test_a_surname_is_not_given_to_another_person_of_that_surname():
    merged = merge_actor_keys(
        [
            ("bram_kessock", "Bram Kessock", "person"),
            ("marta_kessock", "Kessock", "person"),
            ("marta_kessock", "Marta Kessock", "person"),
        ]
    )
    assert "marta_kessock" not in merged


def test_a_possessive_spelling_does_not_make_a_surname_ambiguous():
    merged = merge_actor_keys(
        [
            ("adrian_falk", "Adrian Falk", "person"),
            ("adrian_falk_s", "Adrian Falk’s", "person"),
            ("falk", "Falk", "other"),
        ]
    )
    assert merged["falk"] == "adrian_falk"


def test_a_country_is_not_merged_into_a_name_it_begins():
    merged = merge_actor_keys(
        [("kestria", "Kestria", "other"), ("kestria_first", "Kestria First", "person")]
    )
    assert "kestria" not in merged


def test_an_actor_is_shown_by_its_fullest_name_and_most_specific_kind():
    names = fullest_names(
        [
            ("dara_kostell", "Dara Kostell", "person"),
            ("dara_kostell", "Kostell", "person"),
            ("velmar", "Velmar", "other"),
            ("velmar", "Velmar", "country"),
        ]
    )
    assert names == {"dara_kostell": ("Dara Kostell", "person"), "velmar": ("Velmar", "country")}
