"""Competing labels beyond the group lexicon (issue 10, part 3): a plural noun that names
people by its ending or kind is a group label, its modifier can say which group, and the
result is measured on a held-out gold of stories the rules were not tuned on."""

from __future__ import annotations

import pytest

from framing.engine.contrast import event_referents, group_phrases
from reports.alignment_eval import HELDOUT_LABELS, stories_captured


def _found(sentence: str) -> dict[str, tuple[str | None, tuple[str, ...]]]:
    return {p.wording: (p.family, p.hints) for p in group_phrases(sentence)}


@pytest.mark.parametrize(
    ("sentence", "wording"),
    [
        ("Looters emptied a pharmacy on Vell Street.", "looters"),
        ("Masked youths hurled stones at the police.", "masked youths"),
        ("Doctors treated dozens of shipwreck survivors.", "shipwreck survivors"),
        ("The front said it had lost six of its combatants.", "combatants"),
        ("The company hired agency staff to keep grain moving.", "agency staff"),
    ],
)
def test_a_plural_naming_people_that_no_family_lists_is_a_group_label(sentence, wording):
    assert wording in _found(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["The numbers crossing the borders rose.", "Officials read the documents and statements."],
)
def test_plurals_naming_things_are_not_group_labels(sentence):
    assert _found(sentence) == {}


@pytest.mark.parametrize(
    ("sentence", "wording", "hints"),
    [
        ("Security forces fired tear gas.", "security forces", ("police",)),
        ("The armed forces killed 23 attackers.", "armed forces", ("military",)),
        ("Armed men attacked the base.", "armed men", ("armed",)),
    ],
)
def test_the_modifier_says_which_group_a_head_without_a_family_names(sentence, wording, hints):
    assert _found(sentence)[wording] == (None, hints)


def test_an_unknown_word_for_people_joins_the_group_its_article_names_not_the_police():
    articles = [
        ["Riot police fired tear gas at protesters.", "Looters emptied a pharmacy."],
        ["Police officers charged the demonstrators.", "Demonstrators threw stones."],
    ]
    referents = event_referents(articles)
    protesters = next(r for r in referents if r.neutral == "protesters")
    assert "looters" in protesters.wordings["0"]


def test_strikers_in_a_story_about_workers_are_the_workers():
    articles = [["Dock workers walked out on Monday."], ["Strikers blocked the main gate."]]
    referents = event_referents(articles)
    workers = next(r for r in referents if r.neutral == "workers")
    assert "strikers" in workers.wordings["1"]


def test_half_the_coded_labels_of_the_held_out_stories_are_captured():
    results = stories_captured(HELDOUT_LABELS)
    captured, coded = sum(r[1] for r in results), sum(r[2] for r in results)
    assert captured / coded >= 0.5


@pytest.mark.parametrize(
    "sentence",
    [
        "Doctors treated 14 people for the effects of tear gas.",
        "Hauliers said the closure cost them heavily.",
        "Gang members extorted families before they left.",
        "Reporters saw officers fire into the river.",
    ],
)
def test_other_parties_to_a_story_are_not_group_labels(sentence):
    # professions and bystanders speak about the group; they are not a word for it
    assert not {
        w
        for w in _found(sentence)
        if w.split()[-1] in ("doctors", "hauliers", "members", "reporters")
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "“We saw toddlers vomiting and mothers crying,” the doctor said.",
        "Frontier Aid said its staff had treated 14 people.",
    ],
)
def test_a_clause_or_an_organisations_staff_is_not_a_group_label(sentence):
    assert not {w for w in _found(sentence) if w.startswith(("we ", "saw ")) or w == "staff"}
