"""Sentence splitting, tokens with offsets, and a same-length normalised copy for matching.

Everything downstream works on offsets into the original string, so normalisation never
changes the length: each code point maps to exactly one code point.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import numpy as np


def wordlist(spec: str) -> tuple[str, ...]:
    """Space-separated words as a tuple (keeps long word lists readable in source)."""
    return tuple(spec.split())


# Months, weekdays and date words: a capitalised word that names no one
CALENDAR = frozenset(
    wordlist(
        "January February March April May June July August September October November December "
        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today Yesterday Update Updated"
    )
)


@cache
def countries() -> frozenset[str]:
    """Country and territory names (``data/countries.txt``)."""
    lines = (Path(__file__).parent / "data" / "countries.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in lines.splitlines() if line.strip() and not line.startswith("#")
    )


# Dashes, quotes and spaces folded to ASCII so lexicon entries and patterns need one form.
_FOLD = str.maketrans(
    {
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d", "-"),
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\uff07", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\uff02", '"'),
        **dict.fromkeys("\t\n\r\x0b\x0c\u00a0\u2028\u2029\u202f\u2007\u3000\u200b", " "),
    }
)


# ``str.translate`` is fast on ASCII text only: on any other text it looks up every
# character and raises (and clears) a KeyError for each one the table lacks, ~0.4 µs a
# character. Most real articles hold a curly quote or a dash, so the variants a text contains
# are replaced one by one instead (the same result: no replacement is itself a variant).
_FOLD_TO = {chr(k): v for k, v in _FOLD.items()}


def normalise(text: str) -> str:
    """Lower-case and fold punctuation variants, keeping one code point per code point."""
    low = text.lower()
    if len(low) != len(text):
        # A few characters (e.g. 'İ') lower-case to two code points; keep those unchanged.
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    if low.isascii():
        return low.translate(_FOLD)
    for ch in _FOLD_TO.keys() & set(low):
        low = low.replace(ch, _FOLD_TO[ch])
    return low


_TOKEN = re.compile(r"\w+(?:['’]\w+)*")
_ABBREVIATIONS = frozenset(
    wordlist(
        "mr mrs ms dr prof gen lt col maj capt sgt adm gov sen rep rev jan feb mar apr jun "
        "jul aug sep sept oct nov dec vs e.g i.e fig approx eng brig cmdr supt insp cpl pvt "
        # "His lawyer, Atty. Rommel Sison,", "Coun. Vivian Santos", "Hon. Jane Doe"
        "atty coun hon"
    )
)
# Abbreviations that also end sentences ("… in the U.S. He said", "… at 9 a.m. The talks
# began"): a boundary only before a word that opens sentences, never inside a name ("U.S.
# Treasury", "Acme Inc. said").
_ENDING_ABBREVIATIONS = frozenset(wordlist("u.s u.k u.n e.u etc inc ltd corp co jr sr st"))
_SENTENCE_OPENERS = frozenset(
    wordlist(
        "the a an he she it they we i you this that these those his her their its our my there "
        "in on at but and after before when while as if so yet some many most one two three "
        "meanwhile however earlier later"
    )
)
# Times of day: "11 p.m. on Sunday", "2 a.m. Monday", "9 a.m. GMT" go on; a capitalised word
# that is no weekday, month or time zone ("… at 9 a.m. Police said …") opens a sentence.
_CLOCK = frozenset(wordlist("a.m p.m"))
_IN_TIME = re.compile(
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|"
    r"July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|"
    r"Nov|Dec|[A-Z]{2,5}|local|today|tomorrow|yesterday|tonight)\b"
)
_NEXT_WORD = re.compile(r"[\"'“‘(\[]*([\w.’']*)")


# A boundary candidate: terminal punctuation (with closing quotes/brackets) then whitespace,
# or any line break. Paragraph and line breaks always end a sentence. Tried only where a run
# of punctuation starts, without backtracking: retried inside a long run ("....x") it took
# quadratic time (100 s for 40,000 dots); the matches are the same.
_BOUNDARY = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’)\]]*+(?=\s)|\n")


@dataclass(frozen=True, slots=True)
class Tokens:
    """Word tokens of a text: parallel lists plus numpy arrays for vectorised work."""

    starts: list[int]
    ends: list[int]
    words: list[str]  # lower-cased surface forms
    sentence: np.ndarray  # sentence index of each token (int32)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) with surrounding whitespace trimmed; never empty."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if m.group() != "\n" and _is_abbreviation(text, m.start()):
            continue
        _append_trimmed(text, start, end, spans)
        start = end
    _append_trimmed(text, start, len(text), spans)
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].lower()
    if word in _ABBREVIATIONS:
        return True
    if text[dot + 1 : dot + 2] in (".", "!", "?", "…"):
        return False  # "at 7:40 a.m.. The military …": a full stop after the abbreviation's
    nxt = _NEXT_WORD.match(text, dot + 1 + (len(text) > dot + 1 and text[dot + 1].isspace()))
    after = nxt.group(1) if nxt else ""
    if word == "no":
        # "No. 10", "No. 2 seed": a number follows; "He said no. Then …" ends a sentence
        return after[:1].isdigit()
    if word in _CLOCK:
        return not after[:1].isupper() or _IN_TIME.match(after) is not None
    if word in _ENDING_ABBREVIATIONS:
        return not after[:1].isupper() or after.lower() not in _SENTENCE_OPENERS
    # A single capital letter before the dot is an initial ("J. Smith"), not a sentence end;
    # so are run-together initials ("J.P. McAteer", like "U.S.").
    if not text[j].isupper():
        return False
    if word == "x" and _ON_PLATFORM.search(text, max(0, j - 6), j):
        return False  # "said in a post on X. He had …": the platform, not an initial
    return len(word) == 1 or (len(word) <= 5 and _INITIALS.fullmatch(word) is not None)


_ON_PLATFORM = re.compile(r"(?<![\w’'])(?:on|to|via)\s\Z")
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")


# No real sentence is this long; text without sentence ends (a table flattened to one line,
# or hostile input) is cut into pieces of at most this many characters, at a space where
# there is one. Quote, speaker and target searches work within a sentence, so this bounds
# their cost per character, whatever a file holds.
MAX_SENTENCE_CHARS = 1500


def _append_trimmed(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = cut if cut != -1 else start + MAX_SENTENCE_CHARS
        _append_trimmed(text, start, cut, out)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        out.append((start, end))


def tokenize(text: str, sentences: list[tuple[int, int]]) -> Tokens:
    """Word tokens in one regex pass over the lower-cased text, tagged with sentence index."""
    return assign_sentences(word_tokens(text), sentences)


def word_tokens(text: str) -> Tokens:
    """Word tokens with their offsets, all in sentence 0 until ``assign_sentences``."""
    low = text.lower()
    if len(low) != len(text):
        low = normalise(text)
    words = _TOKEN.findall(low)
    # Tokens are contiguous runs of word characters separated by non-word text, so each one
    # is the first occurrence of its string after the previous token: str.find recovers the
    # offsets faster than building a match object per token.
    starts: list[int] = []
    add, find, pos = starts.append, low.find, 0
    for w in words:
        pos = find(w, pos)
        add(pos)
        pos += len(w)
    ends = [s + len(w) for s, w in zip(starts, words, strict=True)]
    return Tokens(starts, ends, words, np.zeros(len(starts), dtype=np.int32))


def assign_sentences(tokens: Tokens, sentences: list[tuple[int, int]]) -> Tokens:
    """The same tokens, each tagged with the index of the sentence it starts in."""
    if not sentences or not tokens.starts:
        return tokens
    sent_starts = np.fromiter((s for s, _ in sentences), dtype=np.int64, count=len(sentences))
    idx = np.searchsorted(sent_starts, np.asarray(tokens.starts, dtype=np.int64), side="right") - 1
    return replace(tokens, sentence=np.maximum(idx, 0).astype(np.int32))


class SpanIndex[T]:
    """Spans (start, end, item) searchable by position in O(log n + k), so a 1 MB article with
    thousands of quotes and terms stays linear-ish instead of quadratic."""

    def __init__(self, spans: list[tuple[int, int, T]]) -> None:
        self.spans = sorted(spans, key=lambda s: (s[0], s[1]))
        self.starts = [s[0] for s in self.spans]
        self.reach = max((e - s for s, e, _ in self.spans), default=0)

    def innermost(self, start: int, end: int) -> tuple[int, int, T] | None:
        """The shortest span containing [start, end), if any."""
        best = None
        i = bisect_right(self.starts, start) - 1
        while i >= 0 and self.starts[i] >= start - self.reach:
            s, e, _ = span = self.spans[i]
            if e >= end and (best is None or e - s < best[1] - best[0]):
                best = span
            i -= 1
        return best

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any span overlaps [start, end)."""
        i = bisect_left(self.starts, end) - 1
        while i >= 0 and self.starts[i] >= start - self.reach:
            if self.spans[i][1] > start:
                return True
            i -= 1
        return False


# A nation's adjective ("Palestinian", "Lebanese", "Turkish", "Iraqi"): before a medium's kind it
# names a medium by nation and kind ("Lebanese television"), never a medium's own name
DEMONYM = (
    r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][a-zà-öø-ÿā-ž]+(?:ian|ese|ish|ean|ican)|French|Dutch|Czech|Welsh|Greek|"
    r"Swiss|Thai|Arab|Arabic|Hebrew|German|Afghan|Cuban|Kenyan|Ugandan|Rwandan|Tibetan|Venezuelan|"
    r"Moroccan|Iraqi|Israeli|Pakistani|Saudi|Kuwaiti|Qatari|Emirati|Bangladeshi|Somali|Omani|"
    r"Yemeni|Nepali|Azerbaijani|"
    # regional and national words the endings above miss ("the Catalan broadcaster")
    r"Catalan|Basque|Breton|Walloon|Guatemalan|Nicaraguan|Honduran|Salvadoran|Angolan|Tongan|"
    r"Samoan|Paraguayan|Uruguayan|Moldovan|Andorran|Filipino|Argentine|Maori|Tamil|Punjabi|"
    r"Sindhi|Bengali|Kashmiri|Uzbek|Kazakh|Tajik|Turkmen|Kyrgyz|Slovak|Slovene|Cypriot|Khmer)"
)
