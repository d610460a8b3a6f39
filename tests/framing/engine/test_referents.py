"""Competing labels on referents (issue 10, part 3): group phrases, families, apposition, and
the rule that two different actors or groups are never one referent."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing.engine.contrast import AlignedRow, event_referents, group_phrases


@pytest.mark.parametrize(
    ("sentence", "wording", "family"),
    [
        ("Thousands of illegal aliens stormed the border.", "illegal aliens", "migrants"),
        ("About 2,400 asylum seekers arrived on Saturday.", "asylum seekers", "migrants"),
        ("Police dispersed hundreds of protesters on Friday.", "protesters", "protesters"),
        ("The government sent 800 army troops to the river.", "army troops", "military"),
        ("Islamist militants attacked a checkpoint.", "islamist militants", "armed"),
        ("Dozens of armed settlers blocked the road.", "armed settlers", "settlers"),
        ("Rebels seized the town overnight.", "rebels", "armed"),
        ("Striking dock workers walked out.", "dock workers", "workers"),
        ("A convoy of tractors carried angry farmers into the city.", "angry farmers", "farmers"),
        ("Gunfire forced refugees to flee again.", "refugees", "migrants"),
    ],
)
def test_group_phrase_is_found_with_its_modifiers_and_family(sentence, wording, family):
    found = {(p.wording, p.family) for p in group_phrases(sentence)}
    assert (wording, family) in found


def test_group_phrase_stops_at_punctuation_and_function_words():
    found = [
        p.wording for p in group_phrases("They closed the fence, officers of the service said.")
    ]
    assert found == ["officers"]


def test_a_verb_before_a_group_noun_is_not_a_modifier():
    assert [p.wording for p in group_phrases("The army deployed troops.")] == ["troops"]


def test_a_month_and_a_name_are_not_group_nouns():
    assert group_phrases("Falk won the presidency in March.") == []
    assert [p.wording for p in group_phrases("The Border Service officers waited.")] == ["officers"]


@given(st.text(max_size=80))
def test_group_phrases_are_offsets_into_the_sentence(sentence):
    for p in group_phrases(sentence):
        assert p.wording == " ".join(sentence[p.start : p.end].lower().split())


def _rows(n_articles: int, n_sentences: int = 1) -> list[AlignedRow]:
    return [AlignedRow({a: s for a in range(n_articles)}, 1.0) for s in range(n_sentences)]


def test_a_group_named_differently_across_outlets_is_one_referent():
    articles = [
        ["About 2,400 migrants reached the border on Saturday."],
        ["About 2,400 asylum seekers reached the border on Saturday."],
        ["Thousands of illegal aliens stormed the border this weekend."],
    ]
    found = event_referents(articles, rows=_rows(3), outlets=["wire", "left", "right"])
    group = next(r for r in found if r.kind == "group")
    assert group.key == group.neutral == "migrants"
    assert group.wordings == {
        "wire": {"migrants": 1},
        "left": {"asylum seekers": 1},
        "right": {"illegal aliens": 1},
    }


def test_a_floating_label_joins_the_group_its_article_names():
    articles = [
        ["The illegals crossed at night.", "Mahler insists the invaders are families."],
        ["The migrants crossed at night."],
    ]
    found = event_referents(articles)
    group = next(r for r in found if r.neutral == "migrants")
    assert {"illegals", "invaders", "families", "migrants"} <= group.distinct()


def test_different_actors_in_the_same_slot_are_never_one_referent():
    articles = [
        ["Trump said the U.S. would not let the caravan reach Tijuana."],
        ["Trump said Mexico would not let the caravan reach the Pacific Ocean."],
    ]
    actors = {
        (0, 0): [(0, 5, "trump", "Trump"), (15, 19, "us", "U.S."), (51, 58, "tijuana", "Tijuana")],
        (1, 0): [
            (0, 5, "trump", "Trump"),
            (11, 17, "mexico", "Mexico"),
            (53, 66, "pacific_ocean", "Pacific Ocean"),
        ],
    }
    loaded = {(0, 0): [(15, 19)], (1, 0): [(11, 17)]}
    found = event_referents(articles, rows=_rows(2), actors=actors, loaded=loaded)
    assert all(len(r.distinct()) < 2 for r in found), [r.to_dict() for r in found]


def test_a_description_in_apposition_names_its_organisation():
    articles = [
        ["Frontier Aid, a medical charity, treated 14 people."],
        ["A foreign-funded charity, Frontier Aid, claims it treated 14 people."],
    ]
    actors = {
        (0, 0): [(0, 12, "frontier_aid", "Frontier Aid")],
        (1, 0): [(26, 38, "frontier_aid", "Frontier Aid")],
    }
    found = event_referents(articles, actors=actors, outlets=["a", "b"])
    (org,) = [r for r in found if r.kind == "actor"]
    assert org.key == org.neutral == "Frontier Aid"
    assert org.wordings == {"a": {"medical charity": 1}, "b": {"foreign-funded charity": 1}}


def test_loaded_words_that_name_no_one_make_no_referent():
    # Competing labels are names for people, organisations, countries and groups: two loaded
    # phrases in one slot ("reckless provocation" / "routine exercise") name neither.
    articles = [
        ["Velmar condemned the reckless provocation."],
        ["Velmar condemned the routine exercise."],
    ]
    loaded = {(0, 0): [(21, 41)], (1, 0): [(21, 37)]}
    assert event_referents(articles, rows=_rows(2), loaded=loaded) == []


def test_a_plain_word_does_not_join_a_group_the_lexicon_leaves_floating():
    # On the naval demo "announced in advance" filled the slot of "mariners" and "aviators"
    # (people the lexicon knows by no family) and became their competing label.
    articles = [["Warships tracked mariners all day."], ["Warships tracked recklessly all day."]]
    loaded = {(1, 0): [(17, 27)]}
    assert event_referents(articles, rows=_rows(2), loaded=loaded) == []


def test_a_loaded_word_that_names_no_one_does_not_join_a_group():
    # "insists" fills the slot of "asylum seekers" in aligned sentences; it is a loaded verb,
    # not another outlet's word for the migrants.
    articles = [
        ["Mahler says the asylum seekers are families running from gangs."],
        ["Mahler insists the invaders are families running from gangs."],
    ]
    loaded = {(1, 0): [(7, 14), (19, 27)]}
    found = event_referents(articles, rows=_rows(2), loaded=loaded)
    migrants = next(r for r in found if r.neutral == "migrants")
    assert "insists" not in migrants.distinct()
    assert "invaders" in migrants.distinct()


@pytest.mark.parametrize(
    ("ours", "theirs", "stray"),
    [
        # the naval demo's leftovers: a people noun no family lists, in the same slot
        (
            "Troops were told to stay clear of the area near the strait.",
            "Fishers were told to stay clear of the area near the strait.",
            "fishers",
        ),
        (
            "Sailors from the three navies rehearsed boarding merchant ships.",
            "Skippers from the three ports rehearsed boarding merchant ships.",
            "skippers",
        ),
        (
            "The bloc and its partners sent warships to the strait on Monday.",
            "The skippers and their crews sent boats to the strait on Monday.",
            "skippers",
        ),
    ],
)
def test_a_people_noun_never_joins_a_group_of_another_kind_by_its_slot(ours, theirs, stray):
    referents = event_referents([[ours], [theirs]], rows=_rows(2))
    assert not any(stray in c for r in referents for c in r.wordings.values())


def test_two_people_nouns_of_one_kind_in_the_same_slot_still_join():
    articles = [
        ["Fishers were told to stay clear of the area near the strait."],
        ["Skippers were told to stay clear of the area near the strait."],
    ]
    (referent,) = event_referents(articles, rows=_rows(2))
    assert referent.wordings == {"0": {"fishers": 1}, "1": {"skippers": 1}}
