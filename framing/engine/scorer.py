"""Candidate loaded-term spans (lexicon, patterns, scare quotes, strongly valenced words) and the
logistic span model that scores them.

Candidates are described by a small dense feature vector (valence, rarity, layer, category,
voice, position, context), so scoring all candidates of an article is one matrix product.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from .codebooks import CATEGORY_KEYS
from .text import SpanIndex, Tokens, wordlist

FEATURES: tuple[str, ...] = (
    "prior",
    "pattern",
    "model_candidate",
    *(f"category={c}" for c in CATEGORY_KEYS),
    "max_abs_valence",
    "mean_valence",
    "rarity",
    "n_words",
    "quoted",
    "attributed",
    "scare_quoted",
    "capitalised",
    "sentence_density",
    "exclamation",
    "position",
    "first_sentence",
    "near_actor",
    "negated",
    "agreement",
    "subjective_context",
)
_LONGEST_ACTOR = 60  # actor names are shorter than this, so a bisect window finds them all
_BASE = FEATURES.index("max_abs_valence")
_CATEGORY_INDEX = {c: FEATURES.index(f"category={c}") for c in CATEGORY_KEYS}
MODEL_CANDIDATE_VALENCE = -2.5
# The curated weight enters as a scaled log-odds "prior" feature: its coefficient is barely
# penalised, so with little training data the score stays close to the curated weight and
# annotations learn corrections through the other (strongly regularised) features.
PRIOR_SCALE = 10.0
MODEL_CANDIDATE_PRIOR = 0.3
# Strongly negative words that describe events rather than judge them.
FACTUAL = frozenset(
    wordlist(
        "kill killed killing killings kills killer killers death deaths dead die died dies "
        "dying war wars attack attacks attacked attacking attacker attackers assault assaults "
        "crisis conflict disaster disasters fatal fatalities fatality violence violent "
        "prisoner prisoners murder murdered murders terrorism terrorist terrorists illegal "
        "ban banned fire fired destroyed destroy destroys destroying destruction torture "
        "tortured suicide tragedy injured victims casualties abuse abuses rape raped crime "
        "crimes criminals hostility enemy enemies threat threats bomb bombs cancer chaos "
        "poison poisoned poisoning slavery racism starved drowned riot riots robbery stab "
        "stabbed fraud felony assassination assassinations harassment catastrophe bankrupt "
        "depression fail failed failure negative worst evil"
    )
)
# Words around a candidate that signal an evaluative, opinionated passage.
_SUBJECTIVE = frozenset(
    wordlist(
        "very so such utterly truly deeply extremely absolutely really completely totally "
        "clearly obviously undoubtedly surely must never always nothing everyone nobody "
        "outrageous shameful disgraceful ridiculous absurd laughable pathetic sheer mere "
        "indeed certainly definitely blatant mere only nothing-but whatsoever"
    )
)
_NEGATIONS = frozenset(["not", "no", "never", "without", "neither", "nor", "hardly"])


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    category: str
    weight: float
    source: str  # "lexicon" | "pattern" | "model"
    explanation: str
    layers: int = 1  # how many overlapping hits (lexicon, rules, quotes) agreed on this span


@dataclass(slots=True)
class Context:
    """What feature extraction needs to know about the article."""

    text: str
    tokens: Tokens
    sentences: list[tuple[int, int]]
    regions: list[tuple[int, int, str]]  # (start, end, voice) for quoted/attributed stretches
    scare: list[tuple[int, int]]
    actor_spans: list[tuple[int, int]]
    valence: dict[str, float]
    rarity: dict[str, float]
    actor_starts: list[int] = field(default_factory=list)
    region_index: SpanIndex = field(default_factory=lambda: SpanIndex([]))
    scare_index: SpanIndex = field(default_factory=lambda: SpanIndex([]))

    def __post_init__(self) -> None:
        self.actor_starts = [a for a, _ in self.actor_spans]
        self.region_index = SpanIndex(self.regions)
        # A term counts as scare-quoted when it sits inside the marks (closing mark included).
        self.scare_index = SpanIndex([(a, b + 1, None) for a, b in self.scare])


@dataclass(frozen=True, slots=True)
class SpanModel:
    """Logistic model over ``FEATURES``; ``score`` returns probabilities."""

    weights: np.ndarray  # (len(FEATURES),)
    bias: float
    threshold: float = 0.6  # precision first: keep only fairly confident spans

    def score(self, x: np.ndarray) -> np.ndarray:
        if not len(x):
            return np.zeros(0)
        return 1.0 / (1.0 + np.exp(-(x @ self.weights + self.bias)))

    def explain(self, x: np.ndarray, k: int = 3) -> list[str]:
        """For each row, the ``k`` features that moved its score most, e.g. 'quoted+'."""
        if not len(x):
            return []
        contrib = x * self.weights
        order = np.argsort(-np.abs(contrib), axis=1)[:, :k]
        out = []
        for row, idx in zip(contrib.tolist(), order.tolist(), strict=True):
            out.append(
                ", ".join(f"{FEATURES[i]}{'+' if row[i] >= 0 else '-'}" for i in idx if row[i])
            )
        return out


def model_candidates(ctx: Context, covered: list[tuple[int, int]]) -> list[Candidate]:
    """Strongly negative evaluative words the lexicon and patterns did not cover."""
    out = []
    lex, words = ctx.valence, ctx.tokens.words
    strong = _strong_negative(id(lex), lex)
    for i in [i for i, w in enumerate(words) if w in strong]:
        w = words[i]
        s, e = ctx.tokens.starts[i], ctx.tokens.ends[i]
        if any(a < e and s < b for a, b in covered):
            continue
        out.append(Candidate(s, e, "moral_condemnation", 0.0, "model", f"valence {lex[w]:+.1f}"))
    return out


_STRONG: dict[int, frozenset[str]] = {}


def _strong_negative(key: int, lex: dict[str, float]) -> frozenset[str]:
    """Words eligible as model candidates, computed once per valence lexicon."""
    found = _STRONG.get(key)
    if found is None:
        found = frozenset(
            w for w, v in lex.items() if v <= MODEL_CANDIDATE_VALENCE and w not in FACTUAL
        )
        _STRONG[key] = found
    return found


def features(cands: list[Candidate], ctx: Context) -> np.ndarray:
    """Feature matrix (n_candidates, len(FEATURES)) as float64."""
    if not cands:
        return np.zeros((0, len(FEATURES)), dtype=np.float64)
    sent_starts = [s for s, _ in ctx.sentences]
    sents = [max(0, bisect_right(sent_starts, c.start) - 1) for c in cands]
    density: dict[int, int] = {}
    for k in sents:
        density[k] = density.get(k, 0) + 1
    n_sent = max(1, len(ctx.sentences))
    rows = [
        _row(c, k, ctx, sent_starts, density, n_sent) for c, k in zip(cands, sents, strict=True)
    ]
    return np.array(rows, dtype=np.float64)


def _row(c: Candidate, sent: int, ctx: Context, sent_starts, density, n_sent) -> list[float]:
    """One candidate's features, built as a plain list (writing numpy cells one by one is
    several times slower)."""
    weight = MODEL_CANDIDATE_PRIOR if c.source == "model" else min(max(c.weight, 0.02), 0.98)
    head = [0.0] * _BASE
    head[0] = PRIOR_SCALE * math.log(weight / (1.0 - weight))
    head[1] = float(c.source == "pattern")
    head[2] = float(c.source == "model")
    head[_CATEGORY_INDEX.get(c.category, _CATEGORY_INDEX["hyperbole"])] = 1.0
    starts, all_words = ctx.tokens.starts, ctx.tokens.words
    lo, hi = bisect_left(starts, c.start), bisect_left(starts, c.end)
    words = all_words[lo:hi]
    peak = mean = rare = 0.0
    if words:
        get_v, get_r = ctx.valence.get, ctx.rarity.get
        vals = [get_v(w, 0.0) for w in words]
        peak = max(max(vals), -min(vals)) / 4.0
        mean = sum(vals) / len(vals) / 4.0
        rare = 1.0 - sum(min(get_r(w, 0.0), 8.0) for w in words) / (8.0 * len(words))
    holder = ctx.region_index.innermost(c.start, c.end)
    voice = holder[2] if holder else "own"
    scare = ctx.scare_index.innermost(c.start, c.end) is not None or c.category == "scare_quotes"
    s_start = sent_starts[sent] if sent_starts else 0
    s_end = ctx.sentences[sent][1] if ctx.sentences else len(ctx.text)
    k = bisect_left(ctx.actor_starts, c.start - 40 - _LONGEST_ACTOR)
    near = any(a - 40 <= c.end and c.start <= b + 40 for a, b in ctx.actor_spans[k : k + 8])
    negated = any(w in _NEGATIONS for w in all_words[max(0, lo - 3) : lo])
    around = all_words[max(0, lo - 3) : lo] + all_words[hi : hi + 3]
    subjective = min(sum(w in _SUBJECTIVE for w in around), 2) / 2.0
    return [
        *head,
        peak,
        mean,
        rare,
        min(len(words), 5) / 5.0,
        float(voice == "quoted"),
        float(voice == "attributed"),
        float(scare),
        float(ctx.text[c.start].isupper() and c.start != s_start),
        min(density.get(sent, 0), 5) / 5.0,
        float(ctx.text.find("!", s_start, s_end) != -1),
        sent / n_sent,
        float(sent == 0),
        float(near),
        float(negated),
        float(c.layers > 1),
        subjective,
    ]


@cache
def rarity_table(language: str = "en") -> dict[str, float]:
    """word -> Zipf frequency from wordfreq's small list (words missing from it are rare)."""
    try:
        import wordfreq

        buckets = wordfreq.get_frequency_list(language, wordlist="small")
    except (LookupError, ImportError, OSError):
        return {}
    # Bucket i holds words with frequency 10^(-i/100), i.e. Zipf 9 - i/100.
    return {w: 9.0 - i / 100.0 for i, bucket in enumerate(buckets) for w in bucket}


@cache
def zipf_table(language: str = "en") -> dict[str, float]:
    """word -> Zipf frequency from wordfreq's large list (~320k words, down to Zipf 1).

    The tagger reads this one: in the small list a real rare word ("warmongers", "silted")
    and an invented or misspelt one share "missing", so both read as rare, and BABE's rare
    words are often loaded. Here only words no list knows are unknown."""
    try:
        import wordfreq

        buckets = wordfreq.get_frequency_list(language, wordlist="large")
    except (LookupError, ImportError, OSError):
        return {}
    return {w: 9.0 - i / 100.0 for i, bucket in enumerate(buckets) for w in bucket}
