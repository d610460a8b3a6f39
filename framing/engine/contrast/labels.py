"""Competing labels: the different wordings outlets use for the same referent.

Within each aligned row the sentences are compared word by word (difflib). Where one sentence
has a stretch of words that the other replaces with a different stretch ("the bloc's *reckless
provocation*" / "the bloc's *routine exercise*", or an insertion: "the *illegal* blockade"), the
caller's terms falling inside corresponding stretches fill the same slot in the shared sentence
frame and are linked as wordings of one referent. Links are merged across rows (a wording linked
to two others joins them into one referent), so a referent collects every wording any outlet
used for it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import combinations
from typing import Any

from .alignment import AlignedRow

TOKEN_RE = re.compile(r"\w+(?:['’-]\w+)*")

# (article, sentence, start, end) of one term occurrence inside its sentence
Occurrence = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class Referent:
    """One referent and, per outlet, how often each wording was used for it in aligned rows."""

    key: str  # the most frequent wording
    wordings: dict[str, Counter[str]]

    def total(self) -> int:
        """Occurrences over all outlets and wordings."""
        return sum(sum(c.values()) for c in self.wordings.values())

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "wordings": {o: dict(c) for o, c in self.wordings.items()}}


@dataclass(frozen=True, slots=True)
class _Term:
    start: int
    end: int
    wording: str
    first_token: int
    last_token: int  # inclusive


def _normalise(text: str) -> str:
    return " ".join(text.lower().split())


def _resolve_terms(sentence: str, specs: Sequence[str | tuple[int, int]]) -> list[_Term]:
    """Turn term strings (first unused case-insensitive match) or offsets into located terms."""
    tokens = [(m.start(), m.end()) for m in TOKEN_RE.finditer(sentence)]
    lowered = sentence.lower()
    used: set[tuple[int, int]] = set()
    out = []
    for spec in specs:
        if isinstance(spec, str):
            span = _find_unused(lowered, spec.lower(), used)
            if span is None:
                continue
        else:
            span = (int(spec[0]), int(spec[1]))
        used.add(span)
        inside = [k for k, (s, e) in enumerate(tokens) if s < span[1] and span[0] < e]
        if inside:
            wording = _normalise(sentence[span[0] : span[1]])
            out.append(_Term(span[0], span[1], wording, inside[0], inside[-1]))
    return sorted(out, key=lambda t: t.start)


def _find_unused(haystack: str, needle: str, used: set[tuple[int, int]]) -> tuple[int, int] | None:
    start = haystack.find(needle)
    while start >= 0:
        span = (start, start + len(needle))
        if span not in used:
            return span
        start = haystack.find(needle, start + 1)
    return None


def _covered_by_term(lo: int, hi: int, terms: list[_Term]) -> bool:
    """True if a term covers tokens [lo, hi) and reaches beyond them (the run is part of it)."""
    return any(
        t.first_token <= lo
        and hi - 1 <= t.last_token
        and (t.first_token < lo or t.last_token >= hi)
        for t in terms
    )


def _slots(
    toks_a: list[str], toks_b: list[str], terms_a: list[_Term], terms_b: list[_Term]
) -> list[tuple[int, int, int, int]]:
    """Token regions (i1, i2, j1, j2) where the two sentences differ.

    Consecutive differences are merged across an equal run when that run lies inside a longer
    term ("the port of *Ostrel*" / "*Ostrel* harbour"): a term is one unit, so a shared word
    inside it must not split its slot in two.
    """
    matcher = SequenceMatcher(None, toks_a, toks_b, autojunk=False)
    regions: list[list[int]] = []
    current: list[int] | None = None
    differs = False
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        absorbed = op == "equal" and (
            _covered_by_term(i1, i2, terms_a) or _covered_by_term(j1, j2, terms_b)
        )
        if op == "equal" and not absorbed:
            if current is not None and differs:
                regions.append(current)
            current, differs = None, False
            continue
        if current is None:
            current = [i1, i2, j1, j2]
        else:
            current = [
                min(current[0], i1),
                max(current[1], i2),
                min(current[2], j1),
                max(current[3], j2),
            ]
        differs = differs or op != "equal"
    if current is not None and differs:
        regions.append(current)
    return [(r[0], r[1], r[2], r[3]) for r in regions]


def _slot_links(
    sent_a: str, terms_a: list[_Term], sent_b: str, terms_b: list[_Term]
) -> list[tuple[_Term, _Term]]:
    """Pairs of terms occupying the same slot: inside corresponding differing regions."""
    toks_a = [m.group().lower() for m in TOKEN_RE.finditer(sent_a)]
    toks_b = [m.group().lower() for m in TOKEN_RE.finditer(sent_b)]
    links = []
    for i1, i2, j1, j2 in _slots(toks_a, toks_b, terms_a, terms_b):
        in_a = [t for t in terms_a if t.first_token < i2 and i1 <= t.last_token]
        in_b = [t for t in terms_b if t.first_token < j2 and j1 <= t.last_token]
        if len(in_a) == 1 or len(in_b) == 1:
            links.extend((x, y) for x in in_a for y in in_b)
        else:
            # Several terms on both sides: pair them in reading order, the order a shared
            # sentence frame keeps; unpaired extras are left out rather than guessed.
            links.extend(zip(in_a, in_b, strict=False))
    return [(x, y) for x, y in links if x.wording != y.wording]


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, x: str, y: str) -> None:
        self.parent[self.find(x)] = self.find(y)


def competing_labels(
    rows: Sequence[AlignedRow],
    sentence_terms: Mapping[tuple[int, int], Sequence[str | tuple[int, int]]],
    articles: Sequence[Sequence[str]],
    *,
    outlets: Sequence[str] | None = None,
) -> list[Referent]:
    """Group the different wordings outlets use for the same referent across aligned rows.

    ``sentence_terms[(article, sentence)]`` lists the candidate terms (noun phrases, loaded-term
    spans) of a sentence, as strings or ``(start, end)`` offsets into the sentence text;
    ``articles`` are the sentence lists given to ``align_many``; ``outlets[article]`` names the
    outlet of each article (default: the article index as a string). A wording is counted once
    per occurrence that took part in a link. Referents come most-used first.
    """
    resolved: dict[tuple[int, int], list[_Term]] = {}
    links = _UnionFind()
    occurrences: dict[Occurrence, str] = {}
    for row in rows:
        for (a, sa), (b, sb) in combinations(sorted(row.members().items()), 2):
            for key in ((a, sa), (b, sb)):
                if key not in resolved:
                    specs = sentence_terms.get(key, ())
                    resolved[key] = _resolve_terms(articles[key[0]][key[1]], specs)
            pairs = _slot_links(
                articles[a][sa], resolved[(a, sa)], articles[b][sb], resolved[(b, sb)]
            )
            for x, y in pairs:
                links.union(x.wording, y.wording)
                occurrences[(a, sa, x.start, x.end)] = x.wording
                occurrences[(b, sb, y.start, y.end)] = y.wording
    return _referents(links, occurrences, outlets)


def _referents(
    links: _UnionFind, occurrences: dict[Occurrence, str], outlets: Sequence[str] | None
) -> list[Referent]:
    groups: dict[str, dict[str, Counter[str]]] = {}
    for (article, *_rest), wording in sorted(occurrences.items()):
        outlet = outlets[article] if outlets is not None else str(article)
        group = groups.setdefault(links.find(wording), {})
        group.setdefault(outlet, Counter())[wording] += 1
    referents = []
    for wordings in groups.values():
        totals: Counter[str] = sum(wordings.values(), Counter())
        key = min(totals, key=lambda w: (-totals[w], w))
        referents.append(Referent(key, wordings))
    return sorted(
        referents, key=lambda r: (-sum(sum(c.values()) for c in r.wordings.values()), r.key)
    )
