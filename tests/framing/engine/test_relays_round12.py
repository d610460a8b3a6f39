"""Relays whose quoted source is a long phrase ("quoted a welder at a plant in Bekasi, Rudi, as
saying …"): the clause is found, the medium relays it, the name in apposition speaks."""

from __future__ import annotations

import pytest

from framing import engine


@pytest.mark.parametrize(
    ("text", "relay", "speaker"),
    [
        (
            "The Jakarta Globe quoted a welder at a plant in Bekasi, Rudi, as saying overtime "
            "had been cut.",
            "Jakarta Globe",
            "Rudi",
        ),
        (
            "The business daily Kestrel Ledger cited a senior banker, Ana Moreau of Banque "
            "Vell, as saying lending had slowed.",
            "Kestrel Ledger",
            "Ana Moreau of Banque Vell",
        ),
        (
            "Radio Tarn quoted a market trader in the old town as saying prices had doubled "
            "since June.",
            "Radio Tarn",
            "a market trader in the old town",
        ),
        (
            "The news site Velmar Now quoted a nurse at the city hospital, surnamed Lenk, as "
            "saying wards were full.",
            "Velmar Now",
            "Lenk",
        ),
    ],
)
def test_a_long_quoted_phrase_keeps_clause_relay_and_speaker(text, relay, speaker):
    quotes = [q for q in engine.analyze(text).quotes if q.kind != "scare"]
    assert len(quotes) == 1
    q = quotes[0]
    assert text[q.start : q.end].split()[-1].rstrip(".") in ("cut", "slowed", "June", "full")
    assert q.speaker == speaker
    assert len(q.chain) == 2 and relay in q.chain[0]


@pytest.mark.parametrize(
    "text",
    [
        "The government will keep the retail price of diesel at 32 baht a litre until the end of "
        "March, Energy Minister Somchai Rattanakul told Thai PBS on Wednesday.",
        "Support for low-income households would be doubled, the minister told the programme.",
        "The regional tax would double in high season, the minister told the station's Hoy por "
        "Hoy programme.",
        "Trains would run every ten minutes by June, the mayor told listeners.",
    ],
)
def test_a_closing_tag_that_told_anyone_closes_the_clause(text):
    quotes = [q for q in engine.analyze(text).quotes if q.kind == "reported"]
    assert len(quotes) == 1
    q = quotes[0]
    assert q.start == 0 and text[q.end] == ","
    assert q.speaker is not None and q.speaker.startswith(("Energy", "the minister", "the mayor"))
