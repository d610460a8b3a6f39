"""Session 17 (issue 10): relay forms found on the fresh relay dev sets relays_dev35–40 (South
and Southeast Asian, European, African and Middle Eastern agency copy, business wires, the
Americas, conflict reported at second hand), and a medium's own report of an act, which names
no speaker behind it."""

from __future__ import annotations

import pytest

from framing import engine


def _quotes(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [
        (text[q.start : q.end], q.speaker or "", tuple(q.chain))
        for q in engine.analyze(text).quotes
    ]


@pytest.mark.parametrize(
    "text",
    [
        # what the ministers did, reported by the agency: no speaker behind Reuters
        "According to Reuters, the ministers agreed a fund of $2 billion for the region.",
        "The ministers agreed a fund of $2 billion for the region, Reuters reported.",
        "Divers found the wreck on Tuesday, the Antara news agency reported.",
    ],
)
def test_an_act_a_medium_reports_is_the_mediums_own_report(text: str) -> None:
    quotes = _quotes(text)
    assert quotes, text
    for _span, speaker, chain in quotes:
        assert len(chain) == 1 and speaker == chain[0], (text, speaker, chain)


def test_found_that_still_names_the_finder_behind_the_medium() -> None:
    text = "Inspectors found that the dam was unsafe, Reuters reported."
    [(span, speaker, chain)] = _quotes(text)
    assert span == "the dam was unsafe"
    assert (speaker, chain) == ("Inspectors", ("Reuters", "Inspectors"))
