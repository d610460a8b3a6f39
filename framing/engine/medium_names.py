"""Whether a capitalised name is a news medium's, for names ``data/media.tsv`` does not list.

Copy names countless local stations, websites and programmes ("told Joy FM", "told 702",
"according to Citizen Digital"); no list holds them all. Where the text puts a name in a
medium's place ("X told <Name> that …", "in an interview with <Name>") the rules ask this
model whether the name reads as a medium's (an agency, paper, broadcaster, station, website or
programme) rather than a person's, an organisation's or a place's. It reads the name alone:
character n-grams of its words ("-FM", "News", "Radio", "-ie"), the shape of its words
(initials, digits, a capital inside a word: "9News", "NewsRadio") and how many there are; the
context of the name is the caller's business.

The weights live in ``data/medium_names.json`` (a plain mapping from feature to weight, read
without scikit-learn); ``MediumNames`` is the estimator (``fit``, ``predict_proba``) that
``framing/eval/train_medium_names.py`` fits on the media list and the development sets' relay
links (media) against their speakers and the engine's gazetteers (not media).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

from . import media as media_list
from .text import wordlist

MODEL_FILE = Path(__file__).parent / "data" / "medium_names.json"
# Initials alone ("KBC", "NNPC") say too little for the model: the rules read them by their
# role, and the model neither learns nor judges them
ACRONYM = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž]{2,6}")
MIN_NAMES = 2  # a feature is learned only when at least this many training names have it

_WORDS = re.compile(r"[^\s]+")
_UPPER = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž]")
# Words that join the parts of a name without being one ("Voice of America", "Radio de la
# Plata", "Al Jazeera"): read as themselves, not by their shape
_JOINERS = frozenset(
    wordlist("of de del della di la le du des al el and & for y e van von der den am im the")
)


def _shape(word: str) -> str:
    """ "Joy" → "Xx", "FM" → "XX", "702" → "d", "9News" → "dXx", "NewsRadio" → "XxXx"."""
    out = []
    for ch in word:
        s = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != s:
            out.append(s)
    return "".join(out)[:6]


def features(name: str) -> dict[str, float]:
    """What the model reads about ``name`` (as written, without a leading "the")."""
    words = _WORDS.findall(name)
    f: dict[str, float] = {"bias": 1.0, f"n={min(len(words), 4)}": 1.0}
    shapes = []
    for i, w in enumerate(words):
        low = w.lower().strip(".,")
        if low in _JOINERS and i > 0:
            shapes.append(low)
            continue
        shape = _shape(w)
        shapes.append(shape)
        f["s=" + shape] = 1.0
        pos = "first" if i == 0 else "last" if i == len(words) - 1 else "mid"
        f[f"{pos}.s={shape}"] = 1.0
        if len(w) > 1 and _UPPER.search(w, 1) and not w.isupper():
            f["inner_cap"] = 1.0  # "NewsRadio", "9News", "elDiario.es"
        f["w=" + low] = 1.0
        f[f"{pos}.w={low}"] = 1.0  # "FM", "News", "Radio" last; "Radio", "Al" first
        padded = f"<{low}>"
        for n in (2, 3, 4):
            for k in range(len(padded) - n + 1):
                f["g=" + padded[k : k + n]] = 1.0
    f["shapes=" + " ".join(shapes[:4])] = 1.0
    if any(ch.isdigit() for ch in name):
        f["digit"] = 1.0
    if re.search(r"\.[a-z]{2,3}\Z", name):
        f["web"] = 1.0
    return f


class MediumNames:
    """Logistic regression over ``features`` (scikit-learn's estimator API): ``fit`` on names
    and 0/1 labels (1: a medium), ``predict_proba`` on names; ``threshold`` is the probability
    from which the engine reads a name as a medium's."""

    def __init__(self, *, C: float = 1.0, threshold: float = 0.5) -> None:
        self.C = C
        self.threshold = threshold

    def fit(self, X: Sequence[str], y: Sequence[int]) -> MediumNames:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression

        feats = [features(x) for x in X]
        # a feature of one name alone says nothing of names never seen; leaving it out keeps
        # the weights file small
        df = Counter(k for f in feats for k in f)
        feats = [{k: v for k, v in f.items() if df[k] >= MIN_NAMES} for f in feats]
        vec = DictVectorizer(sort=True)
        M = vec.fit_transform(feats)
        lr = LogisticRegression(C=self.C, max_iter=5000, fit_intercept=False)
        lr.fit(M, list(y))
        self.weights_ = {
            name: round(float(w), 3)
            for name, w in zip(vec.feature_names_, lr.coef_[0], strict=True)
            if abs(w) >= 0.005
        }
        return self

    def decision(self, name: str) -> float:
        w = self.weights_
        return sum(w.get(k, 0.0) * v for k, v in features(name).items())

    def predict_proba(self, X: Iterable[str]) -> list[float]:
        return [1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, self.decision(x))))) for x in X]

    def to_json(self) -> dict:
        return {"C": self.C, "threshold": self.threshold, "weights": dict(self.weights_)}

    @classmethod
    def from_json(cls, data: dict) -> MediumNames:
        m = cls(C=data["C"], threshold=data["threshold"])
        m.weights_ = dict(data["weights"])
        return m


@cache
def packaged() -> MediumNames | None:
    """The packaged model, or None when it was never trained (known media only then)."""
    if not MODEL_FILE.exists():
        return None
    return MediumNames.from_json(json.loads(MODEL_FILE.read_text(encoding="utf-8")))


# "bTV", "eNCA", "iHeartRadio": a name may hold its capital inside its first word
_INNER_CAP = re.compile(r"[a-z]{1,3}[A-ZÀ-ÖØ-ÞĀ-Ž]")


@cache
def is_medium_name(name: str) -> bool:
    """Whether ``name`` (a capitalised name, without "the") reads as a news medium's."""
    model = packaged()
    name = name.strip()
    if (
        model is None
        or not name
        or not (name[0].isupper() or name[0].isdigit() or _INNER_CAP.match(name))
    ):
        return False
    if name in media_list.more_names():
        return True  # a medium the longer list names
    return model.predict_proba([name])[0] >= model.threshold


_TOKEN = r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w.&\-]*|[a-z]+[A-ZÀ-ÖØ-ÞĀ-Ž][\w.\-]*|\d[\w.]*)"
_JOIN = r"(?:of|de|del|della|di|la|le|du|des|al|el|and|&|for|y|e|van|von|der|den|am|im)"
# "Joy FM", "702", "9News", "98.5 FM", "TheJournal.ie", "Radio Programas del Perú"
NAME = re.compile(
    rf"(?:the\s+)?(?P<n>{_TOKEN}(?:\s+(?:{_JOIN}\s+)?{_TOKEN}){{0,3}})(?=['’]s\b|[^\w’'\-]|\Z)"
)
# After a name of digits, a lower-case word makes it a quantity ("told 40 people",
# "according to 2023 figures"), not a station ("told 702 that")
_QUANTITY = re.compile(
    r"\s+(?!(?:that|on|in|at|during|last|this|about|earlier|after|before|when|while|and|but)"
    r"(?![\w’'\-]))[a-z]"
)
# A person's title or a forum opening or closing the name: "Mr Smith", "President Ruto",
# "the National Assembly" (the model reads names, these are no media whatever it says)
_NOT_MEDIUM_WORDS = frozenset(
    wordlist(
        "mr mrs ms dr sir president minister prime senator governor mayor judge justice king queen "
        "prince general colonel captain professor prof rep sen gov gen col capt lt sgt "
        "parliament congress senate assembly committee council court commission cabinet "
        # parliaments by their own names: "told the Bundestag that"
        "bundestag bundesrat duma knesset majlis sejm senat riksdag storting folketing dáil "
        "eduskunta diet rada seimas saeima riigikogu althingi sabha kongres "
        # ("told the House", "in a statement to the Australian Securities Exchange")
        "house lords commons chamber legislature exchange"
    )
)
# Where someone posts or when they spoke, after "said on": platforms are a speaker's own
# channel, not a medium that relays them ("said on X", "wrote on Telegram")
_NOT_MEDIA = frozenset(
    wordlist(
        "x facebook telegram instagram tiktok youtube whatsapp linkedin threads bluesky weibo "
        "wechat truth social substack monday tuesday wednesday thursday friday saturday sunday "
        "january february march april may june july august september october november december "
        "christmas easter today tonight "
        # ("said on Dec 3": a date's abbreviated month)
        "jan feb mar apr jun jul aug sep sept oct nov dec"
    )
)


def name_at(text: str, pos: int, end: int) -> tuple[int, int, str] | None:
    """(start, end, name) of the capitalised name at ``pos`` (after white space and a "the")
    when it reads as a news medium's ("told Joy FM's Super Morning Show" → "Joy FM"), else
    None."""
    while pos < end and text[pos].isspace():
        pos += 1
    m = NAME.match(text, pos, end)
    if m is None:
        return None
    s, e = m.start("n"), m.end("n")
    while e > s and text[e - 1] in ".,&-" and not re.search(r"(?:^|\s)[A-Z]\.\Z", text[s:e]):
        e -= 1
    lead = _LEAD_ADJECTIVE.match(text, s, e)
    if lead is not None and lead.end() < e:
        s = lead.end()  # "the Nepali-language Nagarik daily": the paper is "Nagarik"
    name = text[s:e]
    words = name.lower().replace(".", " ").split()
    if not words or words[0] in _NOT_MEDIUM_WORDS or words[-1] in _NOT_MEDIUM_WORDS:
        return None
    if words[0] in _NOT_MEDIA or name in _places() or ACRONYM.fullmatch(name):
        return None  # (initials are the rules' to read: "told ENA", "according to NNPC")
    year = name.isdigit() and len(name) == 4
    if name[0].isdigit() and (year or _QUANTITY.match(text, e, end)):
        return None
    if (
        _KIND_AFTER.fullmatch(text, e, end)
        and (len(words) > 1 or words[0] not in _places_lower())
        and not _OFFICES.intersection(words)
    ):
        # "told the Nagarik daily that": the slot ends in the medium's kind, which says what
        # the name is whatever the name's shape says
        return (s, e, name)
    return (s, e, name) if is_medium_name(name) else None


# ("told the Foreign Ministry daily briefing": an office's, no medium)
_OFFICES = frozenset(wordlist("ministry office department government embassy"))
# "the Nepali-language …", "the state-owned …" is said of the medium, not its name
_LEAD_ADJECTIVE = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w]*-(?:language|owned|based|run|backed|funded)\s+")
# The medium's kind after its name, closing the slot: "the Nagarik daily", "the Blic tabloid"
_KIND_AFTER = re.compile(
    r"\s+(?:daily|newspaper|weekly|tabloid|magazine|broadcaster|channel|website|news\s+"
    r"(?:site|website|portal|channel|agency)|radio(?:\s+station)?|(?:tv|television)\s+"
    r"(?:station|channel))\s*"
)


@cache
def _places_lower() -> frozenset[str]:
    return frozenset(p.lower() for p in _places())


@cache
def _places() -> frozenset[str]:
    """Countries and the gazetteer's names and aliases: places and states, no media."""
    from .actors import gazetteer
    from .relays import _countries

    return frozenset(gazetteer()[0].keys()) | _countries()
