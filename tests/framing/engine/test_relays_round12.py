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


@pytest.mark.parametrize(
    ("text", "chain"),
    [
        # the medium the speaker was heard through cites the channel that carried the words
        (
            "Iran will raise the price of petrol above the monthly quota, Oil Minister Mehdi "
            "Karimi said, according to Al Jazeera, citing state television.",
            ("Al Jazeera", "state television", "Oil Minister Mehdi Karimi"),
        ),
        # the same, opening the sentence
        (
            "According to AFP, citing the Sudan Tribune news site, the governor of North "
            "Kordofan, Mohamed Osman, said 80,000 people had fled since October.",
            ("AFP", "Sudan Tribune news site", "Mohamed Osman"),
        ),
        # a medium's newsletter
        (
            # (session 20: "had said", not "had asked" — a request the paper found out about
            # is the paper's own report in the dev sets' gold: r12-016, r16-035, r39-027)
            "According to Politico's London Playbook newsletter, Downing Street had said the "
            "regulator would delay the announcement.",
            ("Politico", "Downing Street"),
        ),
    ],
)
def test_according_to_formulas_keep_every_link_in_order(text, chain):
    quotes = [q for q in engine.analyze(text).quotes if q.kind == "reported"]
    assert [q.chain for q in quotes] == [chain]


@pytest.mark.parametrize(
    ("text", "speaker", "relay"),
    [
        # a name with an Arabic article in an apposition
        (
            "A Riyadh travel agent, Nasser al-Otaibi, said tour operators had been asking for "
            "such a visa.",
            "Nasser al-Otaibi",
            None,
        ),
        # particles one after another
        ("The aide, Jean de la Croix, said the talks would resume.", "Jean de la Croix", None),
        # an opening phrase, then a title apposition before the name
        (
            "In remarks carried by public broadcaster Suspilne, a Ukrainian military spokesman, "
            "Oleh Kravets, said refineries would remain legitimate targets.",
            "Oleh Kravets",
            "Suspilne",
        ),
        (
            "Speaking on private broadcaster TVN24, Silesia's regional governor, Marta Kubica, "
            "said the region needed a guarantee.",
            "Marta Kubica",
            "TVN24",
        ),
        (
            "But in comments to the Funke newspapers, Lenz said he was ready to talk.",
            "Lenz",
            None,
        ),
    ],
)
def test_subjects_with_appositions_and_openings_are_found(text, speaker, relay):
    quotes = [q for q in engine.analyze(text).quotes if q.kind == "reported"]
    assert len(quotes) == 1
    q = quotes[0]
    assert q.speaker == speaker
    if relay is not None:
        assert len(q.chain) == 2 and relay in q.chain[0]
