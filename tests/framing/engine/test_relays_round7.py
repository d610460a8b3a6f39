"""Relay forms of issue 10 part 2, round 7: "told the agency", documents seen by a medium,
relays carried to later paragraphs, agency acronyms beside their full names.

Our own examples, written for these tests; none comes from the held-out gold sets.
"""

from __future__ import annotations

from framing.engine.quotes import find_quotes
from framing.engine.text import split_sentences


def _quotes(text: str):
    return [q for q in find_quotes(text, split_sentences(text)) if q.kind != "scare"]


def _chain(q) -> list[str]:
    return [h.text for h in q.chain]


def _quote_with(text: str, words: str):
    return next(q for q in _quotes(text) if words in text[q.start : q.end])


def test_told_the_agency_is_the_medium_named_before():
    text = (
        "The dockers' union told Reuters that it had not been consulted.\n\n"
        "\u201cNobody has called us since the summer,\u201d its general secretary, Ana Ruiz, "
        "told the agency."
    )
    assert _chain(_quote_with(text, "Nobody has called"))[:-1] == ["Reuters"]


def test_told_the_agency_with_no_medium_named_before_names_no_relay():
    text = "\u201cNobody has called us since the summer,\u201d Ana Ruiz told the agency."
    assert len(_quote_with(text, "Nobody has called").chain) == 1


def test_a_clause_closed_by_told_the_news_agency_is_found_and_relayed():
    text = (
        "Senator Ruth Olsen told the Associated Press that she would not resign. She had hired "
        "a lawyer and would testify if asked, she told the news agency."
    )
    q = _quote_with(text, "hired a lawyer")
    assert _chain(q)[0] in ("Associated Press", "the Associated Press")
