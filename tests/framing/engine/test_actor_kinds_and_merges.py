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


def test_a_name_followed_by_party_is_an_organisation_and_not_a_persons_first_name():
    # "the opposition Kestria First party": a party, so the later "Critics in Kestria" is not
    # that party's first name.
    found = _kinds(
        "The opposition Kestria First party called the closure overdue. Critics in Kestria said "
        "the gates should have shut weeks ago."
    )
    assert found["Kestria First"] == ("kestria_first", "organisation")
    assert found["Kestria"][0] == "kestria"


def test_a_possessive_is_not_part_of_the_actor_key():
    found = _kinds("The crossing is shut. It is Kestria’s busiest gate, officials in Kestria said.")
    assert found["Kestria"][0] == "kestria"
    assert all(key != "kestria_s" for key, _ in found.values())


def test_a_country_named_by_its_government_is_an_actor_even_opening_a_sentence():
    # "Orvane, meanwhile, …" opens the sentence, but the text names Orvane's government.
    text = (
        "The column crossed Orvane’s territory for weeks. Orvane, meanwhile, is trying to wash "
        "its hands."
    )
    found = find_actors(text, {s for s, _ in split_sentences(text)})
    opening = text.index("Orvane,")
    assert [(m.actor, m.kind) for m in found if m.start == opening] == [("orvane", "country")]


def test_a_short_organisation_name_joins_the_one_longer_name_it_ends():
    merged = merge_actor_keys(
        [
            ("kestrian_border_service", "Kestrian Border Service", "organisation"),
            ("border_service", "Border Service", "organisation"),
            ("frontier_aid", "Frontier Aid", "organisation"),
        ]
    )
    assert merged == {"border_service": "kestrian_border_service"}


def test_a_short_organisation_name_ending_two_longer_names_stays_apart():
    merged = merge_actor_keys(
        [
            ("kestrian_border_service", "Kestrian Border Service", "organisation"),
            ("orvane_border_service", "Orvane Border Service", "organisation"),
            ("border_service", "Border Service", "organisation"),
        ]
    )
    assert "border_service" not in merged


def test_an_all_capitals_dateline_spelling_is_not_the_name_shown():
    names = fullest_names(
        [("halden_bridge", "HALDEN BRIDGE", "other"), ("halden_bridge", "Halden Bridge", "other")]
    )
    assert names["halden_bridge"] == ("Halden Bridge", "other")


def test_a_titled_person_of_an_organisation_is_the_person_and_the_organisation():
    found = _kinds(
        "“These are rehearsals,” Professor Halden Russ of the Velmar Academy of Strategic "
        "Studies told the agency."
    )
    assert found["Halden Russ"] == ("halden_russ", "person")
    assert found["Velmar Academy of Strategic Studies"][1] == "organisation"


def test_an_office_word_alone_is_not_an_actor():
    assert "Ministry" not in _kinds("Talks failed. The Ministry notes that the drills continue.")


def test_a_word_opening_a_quotation_or_a_month_abbreviation_is_not_an_actor():
    found = _kinds(
        "The caravan set out on Aug. 9 from Marisco. “Better a queue than a free-for-all,” "
        "said driver Piet Vander. “International law gives them rights,” she said."
    )
    assert {"Aug", "Better", "International"}.isdisjoint(found)
    assert found["Piet Vander"][1] == "person"


def test_a_name_in_apposition_with_an_organisation_noun_is_an_organisation():
    found = _kinds(
        "Frontier Aid, a medical charity working in the camp, treated 14 people. Iris Mahler, "
        "the network coordinator, said so. Dale Corrigan, the group leader, disagreed."
    )
    assert found["Frontier Aid"][1] == "organisation"
    assert found["Iris Mahler"][1] == "person" and found["Dale Corrigan"][1] == "person"


def test_an_acronym_keeps_its_name_and_acronyms_are_not_merged():
    names = fullest_names(
        [("nato", "NATO", "bloc"), ("ota", "OTA", "other"), ("vcna", "VCNA", "other")]
    )
    assert names["nato"] == ("NATO", "bloc")
    assert merge_actor_keys((k, n, kind) for k, (n, kind) in names.items()) == {}
