"""A learned credit detector: which medium's copy an article is, read from the slots a credit
stands in when none of ``relays``' credit forms matched.

Candidates are the medium-like names in the first ``HEAD_CHARS`` characters and the last
``TAIL_CHARS``: names the media lists know and runs of capitalised words. Each is described
by its masked context (the tokens around it with the name itself left out, the line's shape,
its position in the text) and by what the lists know of it, so that what is learned is the
credit's form ("(X) —", "— X" closing the text, "By N, X Correspondent"), not the names of
the agencies the training sets happen to use. A logistic regression (scikit-learn, trained by
``framing/eval/train_credit_detector.py``) scores them; ``relays.wire_origin`` asks it only
when none of its credit forms matched, and takes the best candidate over the model's threshold.

The weights live in ``data/credit_detector.json``, a plain mapping from feature to weight, so
the engine reads it without scikit-learn; ``CreditDetector`` is the estimator (``fit``,
``predict_proba``) that writes it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from . import media
from .dict_model import DictLogisticRegression, ModelSlot
from .text import CALENDAR as _CALENDAR
from .text import countries as _countries
from .text import wordlist

MODEL_FILE = Path(__file__).parent / "data" / "credit_detector.json"
HEAD_CHARS = 1000
TAIL_CHARS = 300

_CAP = r"[A-ZÀ-ÖØ-ÞĀ-Ž]"
# A run of capitalised words, with the small words names carry inside ("Press Trust of
# India", "Agence France-Presse", "The Austin American-Statesman", "24.kg")
_NAME_WORD = rf"(?:{_CAP}[\w&'’.\-]*|\d+[.\-]?[A-Za-z][\w.\-]*)"
_RUN = re.compile(
    rf"(?<![\w.\-])(?:[Tt]he[ ]+)?{_NAME_WORD}(?:[ ](?:{_NAME_WORD}|of|de|del|la|for|on|and|&)"
    rf"(?=[ ]{_NAME_WORD}|[ ]of|[ ]de)|[ ]{_NAME_WORD}){{0,5}}"
)
_KNOWN = re.compile(rf"(?<![\w\-])(?:{media.alternation(media.names(slots=True))})(?![\w\-])")
_TOKEN = re.compile(r"\w+|[^\w\s]")
# Words a credit's context is made of, kept as they are; any other word is masked to its shape
_CUES = frozenset(
    wordlist(
        "by from with via source sources reported reports report reporting said says told "
        "according to contributed copyright rights reserved additional inputs files material "
        "published appeared originally first republished permission partnership collaboration "
        "produced written story article piece this was is the a an and of in on for at citing "
        "quoting writer writers correspondent correspondents reporter reporters staff editor "
        "editing photo photos images image pool stringer getty news agency agencies wire "
        "service newspaper daily radio television channel told interview statement all "
        "contact write end updated update file"
    )
)
# A reporter's beat after a byline's name ("By Kirsty Mair, Transport Correspondent") or a
# paper's staff in a dateline's brackets ("(Post Report)", "(Web Desk)"): a role, not a medium
STAFF_WORDS = frozenset(
    wordlist(
        "correspondent correspondents reporter reporters writer writers editor editors staff "
        "photographer columnist contributor report desk bureau team"
    )
)
# Words that open a sentence or a time phrase, never a medium's name
_NOT_MEDIUM_WORDS = frozenset(
    wordlist(
        "On In At By For From After Before During Since Until When While Earlier Later Last This "
        "Next Meanwhile Also But And Yesterday Today Tonight The A An It He She They We Its Their"
    )
)
_TAG_AFTER = re.compile(r"[ ]+(?:reports|says|reported|said)\b")
_TAG_BEFORE = re.compile(r",[ ]+(?:[Tt]he[ ]+)?\Z")
_PICTURE = re.compile(
    r"\b(?:[Pp]hotos?|[Pp]hotograph|[Pp]ictures?|[Ii]mages?|Getty|Pool|Stringer|"
    r"[Ii]llustration|[Vv]ideo|[Gg]raphic|[Cc]aption)\b"
)
_MEDIUM_WORDS = frozenset(
    wordlist(
        "news press agency times post journal herald tribune daily gazette wire wires radio tv "
        "television network media chronicle observer statesman telegraph guardian magazine "
        "review monitor inquirer courier ledger standard sentinel mail express star bulletin "
        "examiner dispatch globe independent mirror insider conversation reporter report "
        "newsroom newspaper broadcasting broadcaster service"
    )
)


@dataclass(frozen=True, slots=True)
class Candidate:
    name: str
    start: int
    end: int
    features: dict[str, float] = field(compare=False)


def _shape(tok: str) -> str:
    low = tok.lower()
    if low in _CUES:
        return low
    if tok.isdigit():
        return "0"
    if not tok[:1].isalnum():
        return tok
    if tok.isupper() and len(tok) > 1:
        return "CAPS"
    if tok[:1].isupper():
        return "Cap"
    return "w"


def _bin(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


@cache
def _listed() -> dict[str, tuple[frozenset[str], bool]]:
    """Each name of the media list: its kinds and whether it is known as a credit."""
    out: dict[str, tuple[set[str], bool]] = {}
    for m in media.media(slots=True):
        kinds, credit = out.get(m.name, (set(), False))
        out[m.name] = (kinds | {m.kind}, credit or m.credit)
    return {k: (frozenset(v[0]), v[1]) for k, v in out.items()}


def _after_the_story(text: str, start: int) -> bool:
    """Whether the story's prose comes before ``start``: two lines of more than 20 words, or
    one of more than 60 (a headline and one standfirst may come before a credit; the rules'
    ``relays._before_the_dateline``)."""
    long = [n for n in (len(ln.split()) for ln in text[:start].splitlines()) if n > 20]
    return len(long) > 1 or any(n > 60 for n in long)


def _not_a_medium(name: str) -> bool:
    """A country, a month or weekday, or a time phrase's opening word ("KYIV (Ukraine) —",
    "On March 3 (Tuesday)", "On Tuesday, Xinhua —"), which the rules never read as a credit
    either, unless the media list knows the name."""
    bare = re.sub(r"^(?:[Tt]he)\s+", "", name)
    if bare in _listed():
        return False
    first = bare.split()[0]
    return (
        bare in _countries()
        or first in _CALENDAR
        or first in _NOT_MEDIUM_WORDS
        or (len(bare) <= 2 and bare.isupper())  # "LONDON, Dec 4, UK -": "US", "UK", "EU"
    )


def _person_like(name: str) -> bool:
    """Two or three capitalised words no list knows and none of a medium's ("Carlo Mendoza"):
    a person's name, which a credit's slot also holds ("By …", "With reports from …")."""
    words = name.split()
    return (
        2 <= len(words) <= 3
        and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words)
        and not any(w.lower() in _MEDIUM_WORDS for w in words)
        and name not in _listed()
        and name not in media.more_names()
    )


def _knowledge(name: str) -> dict[str, float]:
    bare = re.sub(r"^(?:[Tt]he)\s+", "", name)
    words = bare.split()
    kinds, credit = _listed().get(bare) or _listed().get(name) or (frozenset(), False)
    out: dict[str, float] = {}
    for kind in kinds or ({"more"} if bare in media.more_names() else {"unknown"}):
        out[f"known={kind}"] = 1.0
    out["credit_list"] = float(credit)
    out["medium_word"] = float(any(w.lower().strip(".") in _MEDIUM_WORDS for w in words))
    out["caps"] = float(bare.replace(".", "").replace("-", "").isupper())
    out[f"words={_bin(len(words), (1, 2, 3))}"] = 1.0
    out["the"] = float(name != bare)
    return out


def _describe(text: str, start: int, end: int, head: int, tail: int) -> dict[str, float]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    left = [_shape(t) for t in _TOKEN.findall(text[max(line_start, start - 80) : start])]
    right = [_shape(t) for t in _TOKEN.findall(text[end : min(line_end, end + 80)])]
    left = ["^"] * (start - 80 <= line_start) + left
    right = right + ["$"] * (end + 80 >= line_end)
    f: dict[str, float] = {}

    def tok(side: list[str], i: int) -> str:
        return side[i] if -len(side) <= i < len(side) else "#"

    for i in (1, 2, 3):
        f[f"L{i}={tok(left, -i)}"] = 1.0
        f[f"R{i}={tok(right, i - 1)}"] = 1.0
    f[f"L12={tok(left, -2)}_{tok(left, -1)}"] = 1.0
    f[f"R12={tok(right, 0)}_{tok(right, 1)}"] = 1.0
    f[f"LR={tok(left, -1)}_{tok(right, 0)}"] = 1.0
    for t in set(left) | set(right):
        if t in _CUES:
            f[f"line_has={t}"] = 1.0
    line_words = len(text[line_start:line_end].split())
    f[f"line_words={_bin(line_words, (1, 2, 3, 5, 8, 12, 20, 40))}"] = 1.0
    in_head = start < head
    f["slot=head" if in_head else "slot=tail"] = 1.0
    if in_head:
        n_line = text.count("\n", 0, line_start)
        f[f"head_line={_bin(n_line, (0, 1, 2, 3, 5, 8))}"] = 1.0
        f[f"head_char={_bin(start, (0, 40, 120, 250, 400, 700))}"] = 1.0
        prose_before = any(len(ln.split()) > 20 for ln in text[:line_start].splitlines())
        f[f"prose_before={prose_before}"] = 1.0
    else:
        n_after = text.count("\n", line_end, len(text)) - text[line_end:].count("\n\n")
        f[f"tail_lines_after={_bin(n_after, (0, 1, 2, 4))}"] = 1.0
        f[f"tail_char={_bin(len(text) - end, (2, 10, 40, 120, 300))}"] = 1.0
    return f


def candidates(text: str) -> list[Candidate]:
    """The medium-like names in the credit slots of ``text``, described for the detector."""
    head = min(len(text), HEAD_CHARS)
    tail = max(head, len(text) - TAIL_CHARS)
    spans: dict[tuple[int, int], str] = {}
    for lo, hi in ((0, head), (tail, len(text))):
        for pattern in (_KNOWN, _RUN):
            for m in pattern.finditer(text, lo, hi):
                name = m.group(0).rstrip(".")
                if name.endswith(("'s", "’s")):
                    name = name[:-2]
                end = text.find("\n", m.end())
                line = text[text.rfind("\n", 0, m.start()) + 1 : len(text) if end < 0 else end]
                if _PICTURE.search(line):
                    continue  # "Photo: AAP", "AFP - Getty Images": a picture's credit
                if _not_a_medium(name):
                    continue
                if (
                    _TAG_AFTER.match(text, m.end())
                    # (the comma sits right before the name: a short window, not the text)
                    and _TAG_BEFORE.search(text, max(0, m.start() - 40), m.start())
                    and "\n\n" in text[: m.start()]
                ):
                    continue  # "…, Reuters reports." credits only in the lede (the rules' form)
                if lo == 0 and _after_the_story(text, m.start()):
                    continue  # a dateline quoted after the story's first paragraphs
                if name.split()[-1].lower() in STAFF_WORDS:
                    continue  # "By Kirsty Mair, Transport Correspondent": a beat, no medium
                if _person_like(name):
                    continue  # "With reports from Carlo Mendoza": a reporter, no medium
                if len(name) >= 2:
                    spans.setdefault((m.start(), m.start() + len(name)), name)
    out = []
    for (start, end), name in sorted(spans.items()):
        f = _describe(text, start, end, head, tail)
        f.update(_knowledge(name))
        mentions = text.count(name)
        f[f"mentions={_bin(mentions, (1, 2, 4))}"] = 1.0
        out.append(Candidate(name, start, end, f))
    return out


class CreditDetector(DictLogisticRegression):
    """Logistic regression over candidate features (``dict_model``); ``threshold`` is the
    probability from which a candidate is taken for the article's credit."""


_SLOT = ModelSlot(CreditDetector, MODEL_FILE)
# The model ``detect`` uses; ``framing/eval/train_credit_detector.py`` swaps in one fitted
# without the set it scores, or none to read the rules alone.
packaged = _SLOT.packaged
use = _SLOT.use
use_packaged = _SLOT.use_packaged
current = _SLOT.current


def detect(text: str, *, skip: Callable[[str], bool]) -> tuple[Candidate, float] | None:
    """The best-scoring candidate over the model's threshold and its probability, leaving out
    the names ``skip`` rejects (the article's own outlet)."""
    model = current()
    if model is None:
        return None
    found = [c for c in candidates(text) if not skip(c.name)]
    if not found:
        return None
    probs = model.predict_proba(c.features for c in found)
    best = max(range(len(found)), key=probs.__getitem__)
    return (found[best], probs[best]) if probs[best] >= model.threshold else None
