"""Competing labels and calibrated alignment on both demo events' gold files (issue 10, parts 3
and 4). Floors sit below the figures bench/bench_labels.py prints, so that a real regression
fails; the "before" pipeline captured 0 of 41 coded labels and reached P 0.58–0.63."""

from __future__ import annotations

import json

import pytest

from reports.alignment_eval import (
    LABELS_GOLD,
    labels_captured,
    load_gold_event,
    score_links,
    system_referents,
)


def test_coded_competing_labels_are_captured_on_the_second_demo_event():
    gold = json.loads(LABELS_GOLD.read_text(encoding="utf-8"))
    texts = [
        a["text"]
        for a in json.loads((LABELS_GOLD.parents[2] / gold["source"]).read_text())["articles"]
    ]
    captured, coded = labels_captured(gold, system_referents(texts, before=False))
    assert captured / coded >= 0.5


# Floors below the recorded figures (bench/README.md, round 10): naval P 0.94, caravan (held
# out) P 0.86 [0.79, 0.92] — the model refitted with dev8, the lead rule and naval's recall
# floor (chosen on the development events only; rounds 7–9 scored 0.79–0.83 there).
@pytest.mark.parametrize(("name", "floor"), [("naval", 0.8), ("caravan", 0.8)])
def test_reported_links_are_precise_on_each_demo_event(name, floor):
    event = load_gold_event(name)
    scores = score_links(event, state="reported")
    assert scores.precision >= floor and scores.recall >= 0.6


def test_possibly_finds_more_links_than_reported_on_the_held_out_event():
    event = load_gold_event("caravan")
    assert score_links(event, state="possibly").recall > score_links(event, state="reported").recall


# dev8 (round 10: leads naming facts in passing) is the hard one: 0.86 with the model fitted on
# it, 0.81 out of sample.
@pytest.mark.parametrize(
    ("name", "floor"),
    [(f"dev{n}", 0.9) for n in ("", 2, 3, 4, 5, 6, 7)] + [("dev8", 0.8)],
)
def test_reported_links_are_precise_on_each_development_event(name, floor):
    assert score_links(load_gold_event(name), state="reported").precision >= floor


def test_an_unknown_gold_event_name_is_refused_rather_than_read_as_the_held_out_event():
    with pytest.raises(ValueError, match="no gold alignment called 'dev9'"):
        load_gold_event("dev9")


def test_gold_links_carried_to_units_take_the_clause_that_reports_the_fact():
    from reports.alignment_eval import GoldEvent, event_units, unit_links

    two_facts = (
        "Police shut the Vessel Bridge at dawn, while 800 riot officers lined the streets "
        "around parliament."
    )
    event = GoldEvent(
        "toy",
        [[two_facts], ["Riot police, 800 of them, lined the streets around parliament."]],
        [0, 1],
        {(0, 0, 1, 0)},
        None,
        "every pair",
    )
    units = event_units(event, units=True)
    assert unit_links(event, units) == {(0, 1, 1, 0)}
    assert units[0][1].text.startswith("while 800 riot officers")


def test_aligning_units_scores_links_between_their_sentences():
    event = load_gold_event("dev6")
    from reports.alignment_eval import predicted_links

    found = predicted_links(event, state="possibly", units=True)
    assert found and all(
        i < len(event.sentences[a]) and j < len(event.sentences[b]) for a, i, b, j in found
    )
    assert len(found & event.links) / len(found) >= 0.8
