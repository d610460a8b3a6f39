"""Fact units: the clauses of a sentence that can each carry a fact of their own.

A sentence such as "A landslide tore through the road on Tuesday, trapping a lorry driver in
his cab and driving 420 villagers from their homes" reports two facts; aligned as one unit it
can stand for only one of them in a row, and it meets a sentence reporting the other fact
through half its words. Split into units, each clause is aligned on its own and the two facts
sit in two rows.

A sentence is cut where a second clause begins: a semicolon, "while"/"whereas", ", but" /
", although", "and" before a verb whose subject is not a name ("… were suspended, and about
8,000 households were without power"), a relative clause that runs to the end of the sentence
(", where police blocked the road …") and a participle after a comma (", trapping …",
", forcing …"). Never inside a quotation: a quotation's fragments meet any paraphrase of them
(on the development events, cutting at quotation marks, colons and dashes added false links
such as "not directed at any country" / "is not directed at any country."). A piece shorter
than ``MIN_WORDS`` words joins its neighbour, so a unit is never a stray phrase.

Plain Python; offsets are within the sentence, so a unit's text is ``sentence[start:end]``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

MIN_WORDS = 4
_WORD = re.compile(r"\w+")
_QUOTE = re.compile(r"[“\"][^”\"]*[”\"]?")
_BREAK = re.compile(
    r"\s*;\s*"
    r"|,?\s+(?=(?:while|whereas)\b)"
    r"|,\s+(?=(?:but|although|though)\b)"
    r"|,?\s+(?=and\s+(?:[a-z0-9][\w,]*\s+){0,2}(?:is|are|was|were|has|have|had|will|would|\w+ed)\b)"
    r"|,\s+(?=(?:which|where|who|whose)\b[^,]*$)"
    r"|,\s+(?=\w+ing\b)"
)


@dataclass(frozen=True, slots=True)
class Unit:
    """A clause of sentence ``sentence`` of its article: ``text`` is that sentence's
    ``[start:end]``; ``part`` counts the sentence's units from 0."""

    sentence: int
    part: int
    start: int
    end: int
    text: str


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def unit_spans(sentence: str) -> list[tuple[int, int]]:
    """(start, end) of each fact unit of ``sentence``, in order; the whole sentence when it
    has one clause. The spans cover the sentence except the breaks between them."""
    quoted = [m.span() for m in _QUOTE.finditer(sentence)]
    pieces, pos = [], 0
    for m in _BREAK.finditer(sentence):
        if m.start() <= pos or any(a < m.start() < b for a, b in quoted):
            continue
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(sentence)))
    merged: list[tuple[int, int]] = []
    for start, end in pieces:
        if merged and (
            _words(sentence[merged[-1][0] : merged[-1][1]]) < MIN_WORDS
            or _words(sentence[start:end]) < MIN_WORDS
        ):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    if len(merged) > 1 and _words(sentence[merged[-1][0] : merged[-1][1]]) < MIN_WORDS:
        merged[-2:] = [(merged[-2][0], merged[-1][1])]
    return merged if len(merged) > 1 else [(0, len(sentence))]


def article_units(sentences: Sequence[str]) -> list[Unit]:
    """Every fact unit of an article's sentences, in reading order."""
    return [
        Unit(k, part, start, end, sentence[start:end])
        for k, sentence in enumerate(sentences)
        for part, (start, end) in enumerate(unit_spans(sentence))
    ]
