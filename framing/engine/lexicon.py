"""The curated loaded-term lexicon: per-language TSV files compiled into one Aho-Corasick
automaton that knows inflections and hyphen/space spelling variants.

Matching runs on ``text.normalise(text)`` (same length as the original), so match offsets are
offsets into the original string.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ahocorasick

DATA_DIR = Path(__file__).parent / "data" / "lexicon"
_MAX_GAP_VARIANTS = 4  # beyond this many gaps only the space and written forms are generated
_WORD = re.compile(r"[\w'-]+")
_CONTEXT = 40  # characters of context read on each side for exception phrases


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon entry (all its spellings and inflections share it)."""

    term: str
    category: str
    weight: float
    pos: str
    note: str
    prev_block: frozenset[str] = frozenset()
    next_block: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class LexiconMatch:
    start: int
    end: int
    entry: Entry


def _plural(word: str) -> list[str]:
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return [word[:-1] + "ies"]
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return [word + "es"]
    return [word + "s"]


def _verb_forms(word: str) -> list[str]:
    forms = _plural(word)
    if word.endswith("e"):
        forms += [word + "d", word[:-1] + "ing"]
    elif word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms += [word[:-1] + "ied", word + "ing"]
    else:
        forms += [word + "ed", word + "ing"]
        if len(word) >= 3 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou":
            # Doubling ("plot" -> "plotted"); the wrong guess never occurs in real text.
            forms += [word + word[-1] + "ed", word + word[-1] + "ing"]
    return forms


def spellings(term: str, pos: str) -> set[str]:
    """All normalised surface forms of a lexicon term: gaps as space or hyphen, inflections."""
    out: set[str] = set()
    for alt in term.split("|"):
        words = [w for w in re.split(r"[\s\-‐–]+", alt.strip().lower()) if w]
        if not words:
            continue
        heads = {"n": [words[-1], *_plural(words[-1])], "v": [words[0], *_verb_forms(words[0])]}
        for head in heads.get(pos, [None]):
            ws = list(words)
            if head is not None:
                ws[-1 if pos == "n" else 0] = head
            out |= _join_variants(ws, hyphenated="-" in alt)
    return {s.replace("’", "'") for s in out}


def _join_variants(words: list[str], hyphenated: bool) -> set[str]:
    gaps = len(words) - 1
    if gaps == 0:
        return {words[0]}
    seps = (" ", "-", "") if hyphenated and gaps == 1 else (" ", "-")
    if gaps > _MAX_GAP_VARIANTS:
        return {" ".join(words), "-".join(words)}
    out = set()
    for combo in itertools.product(seps, repeat=gaps):
        out.add(words[0] + "".join(s + w for s, w in zip(combo, words[1:], strict=True)))
    return out


def parse_tsv(text: str) -> list[Entry]:
    """Parse lexicon TSV text (see data/lexicon/en.tsv for the columns)."""
    entries = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("term\t"):
            continue
        cols = (line.split("\t") + [""] * 6)[:6]
        term, category, weight, pos, exc, note = (c.strip() for c in cols)
        prev_block, next_block = _parse_except(exc)
        entries.append(
            Entry(term, category, float(weight or 0.5), pos or "x", note, prev_block, next_block)
        )
    return entries


def _parse_except(spec: str) -> tuple[frozenset[str], frozenset[str]]:
    prev: set[str] = set()
    nxt: set[str] = set()
    for part in filter(None, (p.strip() for p in spec.split(";"))):
        side, _, words = part.partition("=")
        target = prev if side.strip() == "prev" else nxt
        target.update(w.strip().lower() for w in words.split(",") if w.strip())
    return frozenset(prev), frozenset(nxt)


class Lexicon:
    """A compiled lexicon: ``find(normalised_text)`` returns every entry occurrence."""

    def __init__(self, entries: list[Entry], language: str = "en") -> None:
        self.language = language
        self.entries = tuple(entries)
        self._automaton = ahocorasick.Automaton()
        best: dict[str, Entry] = {}
        for entry in entries:
            for form in spellings(entry.term, entry.pos):
                if form not in best or best[form].weight < entry.weight:
                    best[form] = entry
        for form, entry in best.items():
            self._automaton.add_word(form, (len(form), entry))
        self.size = len(best)
        if best:
            self._automaton.make_automaton()

    def find(self, norm: str) -> list[LexiconMatch]:
        """Whole-word matches in ``norm`` (output of ``text.normalise``), overlaps included.

        Runs of spaces (a CRLF line break, double spacing) are matched as one space; offsets
        are mapped back so they still index ``norm`` (and so the original text)."""
        if not self.size:
            return []
        runs = [(m.start(), m.end()) for m in _SPACE_RUNS.finditer(norm)]
        text = _SPACE_RUNS.sub(" ", norm) if runs else norm
        to_norm = _offset_map(runs)
        out = []
        n = len(text)
        for last, (length, entry) in self._automaton.iter(text):
            start, end = last - length + 1, last + 1
            if not _is_boundary(text, start - 1, -1) or not _is_boundary(text, end, 1):
                continue
            if _blocked(text, start, end, entry, n):
                continue
            out.append(LexiconMatch(to_norm(start), to_norm(end - 1) + 1, entry))
        return out


_SPACE_RUNS = re.compile(r" {2,}")


def _offset_map(runs: list[tuple[int, int]]):
    """Map an index of the space-collapsed text back to the original: each collapsed run
    shifts everything after it by its length minus one."""
    if not runs:
        return lambda i: i
    from bisect import bisect_right

    positions, shifts, removed = [], [], 0
    for start, end in runs:
        positions.append(start - removed)  # where the single space sits after collapsing
        removed += end - start - 1
        shifts.append(removed)

    def to_norm(i: int) -> int:
        k = bisect_right(positions, i - 1) - 1
        return i + (shifts[k] if k >= 0 else 0)

    return to_norm


def _is_boundary(norm: str, i: int, step: int) -> bool:
    if i < 0 or i >= len(norm):
        return True
    c = norm[i]
    if c.isalnum() or c == "_":
        return False
    # "anti-hegemonic": a hyphen glued to another word is part of a larger compound.
    j = i + step
    return not (c == "-" and 0 <= j < len(norm) and norm[j].isalpha())


def _blocked(norm: str, start: int, end: int, entry: Entry, n: int) -> bool:
    """An exception phrase (one or more words) right before or after the match cancels it."""
    if entry.prev_block:
        before = _WORD.findall(norm, max(0, start - _CONTEXT), start)[-3:]
        if any(" ".join(before[i:]) in entry.prev_block for i in range(len(before))):
            return True
    if entry.next_block:
        after = _WORD.findall(norm, end, min(n, end + _CONTEXT))[:3]
        if any(" ".join(after[:i]) in entry.next_block for i in range(1, len(after) + 1)):
            return True
    return False


@cache
def load_lexicon(language: str = "en") -> Lexicon:
    """The built-in lexicon for a language; an empty one when no file exists for it."""
    path = DATA_DIR / f"{_safe(language)}.tsv"
    if not path.is_file():
        return Lexicon([], language)
    return Lexicon(parse_tsv(path.read_text(encoding="utf-8")), language)


def _safe(language: str) -> str:
    return re.sub(r"[^a-z_-]", "", (language or "").lower().split("-")[0])[:16] or "und"
