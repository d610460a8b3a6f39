"""The open-vocabulary loaded-term tagger: a linear-chain CRF over every token (B/I/O), scored
with plain Python and numpy.

Every token is a candidate. Its features are the word and its neighbours, suffixes, shape,
VADER valence, wordfreq rarity, membership of the bias-word lexicon, the curated lexicon and
pattern hits (as features with their category and weight, not as gates), scare quotes, the
voice it sits in, short quoted titles/chants, sentence position and literal-use domain cues
(sport, weather, terrain, medicine, arts). The CRF is trained by ``tagger_training`` (with
python-crfsuite, never imported here); this module only reads its weights.

Spans are runs of tokens whose marginal probability of being inside a loaded term reaches the
extraction threshold, split where the model prefers a new span (B). A span's score is the mean
marginal of its tokens, Platt-calibrated on out-of-fold spans (each scored by a CRF that did
not see its document), so ``score`` is a probability; the three operating points (precision /
balanced / recall) are thresholds on that score chosen on the same spans and stored with their
measured precision and recall.

Byte format as ``artifacts``: a JSON header plus raw little-endian arrays, no pickle, named by
the sha256 of the bytes.
"""

from __future__ import annotations

import hashlib
import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from itertools import accumulate, chain, compress, pairwise, repeat
from operator import itemgetter, not_
from pathlib import Path

import numpy as np

from .actors import name_words
from .blob import BlobFormatError, pack, unpack
from .frames import STOPWORDS
from .scorer import FACTUAL, rarity_table, zipf_table
from .text import SpanIndex, wordlist
from .tone import vader_lexicon

MAGIC = b"PLXTAGGER1\n"
DEFAULT_TAGGER_PATH = Path(__file__).parent / "data" / "tagger_en.bin"
BIAS_WORDS_PATH = Path(__file__).parent / "data" / "lexicon" / "bias_words_en.txt"
LABELS = ("O", "B", "I")
OPERATING_POINTS = ("precision", "balanced", "recall")
DEFAULT_POINT = "balanced"
# Characters allowed between two tokens of one span ("so-called 'defensive'", "lap dog").
# Quote marks are not joiners: a phrase does not run into or out of a quotation; a
# "so-called 'term'" span is rebuilt by growing both parts to the scare-quote candidate.
_JOINERS = frozenset(" -'’\u00a0")
_NEGATIONS = frozenset(wordlist("not no never without neither nor hardly"))
_SUBJECTIVE = frozenset(
    wordlist(
        "very so such utterly truly deeply extremely absolutely really completely totally "
        "clearly obviously undoubtedly surely sheer mere blatant whatsoever"
    )
)
# Words that put a sentence in a domain where strong words are usually literal.
_DOMAINS: dict[str, frozenset[str]] = {
    "sport": frozenset(
        wordlist(
            "match goal goals striker team teams season coach league title champions game "
            "games scored goalkeeper race driver drivers players player tournament midfield "
            "half whistle cup victory defeat draw stadium fans squad innings wicket"
        )
    ),
    "weather": frozenset(
        wordlist(
            "storm storms hurricane rain rains flood floods flooding wind winds snow ice "
            "weather tornado typhoon cyclone landfall gale blizzard heatwave drought forecast "
            "swell waves seas gusts forecasters"
        )
    ),
    "terrain": frozenset(
        wordlist(
            "trail terrain mountain mountains climb climbers summit ridge road roads hikers "
            "river slope slopes route canyon cliff cliffs glacier pass peak valley descent "
            "gully avalanche walkers"
        )
    ),
    "medicine": frozenset(
        wordlist(
            "patient patients tumour tumor cancer infection infections virus doctors doctor "
            "drug drugs disease hospital treatment symptoms clinical therapy surgery"
        )
    ),
    "arts": frozenset(
        wordlist(
            "album film novel book song songs exhibition festival band chapter play "
            "series episode poem painting director singer"
        )
    ),
}
_DOMAIN_OF = {w: d for d, ws in _DOMAINS.items() for w in ws}
# A quote-mark candidate below this weight is a quotation, a name or a heading, not distancing.
_SCARE_MIN = 0.5


class TaggerFormatError(BlobFormatError):
    """The bytes are not a Parallax tagger."""


@cache
def bias_words() -> frozenset[str]:
    """The bias-inducing words lexicon (Spinde et al.; Apache-2.0), see DATA.md."""
    lines = BIAS_WORDS_PATH.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


# --- features -------------------------------------------------------------------------
@lru_cache(maxsize=200_000)
def _word_static(word: str) -> tuple:
    """(own features, neighbour feature names by offset -2, -1, +1, +2) of one word type.
    Cached: a word's features never depend on its article."""
    val = vader_lexicon().get(word, 0.0)
    zipf = zipf_table("en").get(word)
    own: list[tuple[str, float]] = [
        (f"w={word}", 1.0),
        (f"s3={word[-3:]}", 1.0),
        (f"s2={word[-2:]}", 1.0),
        (f"p3={word[:3]}", 1.0),
    ]
    if word in bias_words():
        own.append(("biaslex", 1.0))
    if val:
        own.append(("val", val / 4.0))
        own.append((f"vb={max(-3, min(3, round(val)))}", 1.0))
    # A word no list knows (invented, misspelt, a lower-cased name) gets its own feature:
    # sharing "rare" with real rare words made it read as loaded ("zorblat" 0.36).
    own.append(("zipf=unk" if zipf is None else f"zipf={int(zipf)}", 1.0))
    if zipf is not None:  # "how rare" is only known for a word the list has
        own.append(("rare", 1.0 - min(zipf, 8.0) / 8.0))
    if word in FACTUAL:
        own.append(("factual", 1.0))
    if word in _SUBJECTIVE:
        own.append(("subj", 1.0))
    if word.isdigit():
        own.append(("digit", 1.0))
    # A number nearby reads as a measure ("lies about 60 miles", "took on 40 tonnes of fuel").
    num = word.isdigit() or (
        word[:1].isdigit() and word.replace(",", "").replace(".", "").isdigit()
    )
    tags = [
        (f"w{o}={word}", f"num{o}") if num else (f"w{o}={word}",) for o in ("-2", "-1", "+1", "+2")
    ]
    near = []
    for o in ("-1", "+1"):
        extra = []
        if word in bias_words():
            extra.append(f"bl{o}")
        if val <= -1.5:
            extra.append(f"neg{o}")
        elif val >= 1.5:
            extra.append(f"pos{o}")
        if word in _NEGATIONS:
            extra.append(f"not{o}")
        near.append(tuple(extra))
    return (
        tuple(own),
        (tags[0], (*tags[1], *near[0]), (*tags[2], *near[1]), tags[3]),
        bool(val),
    )


_BOS, _EOS = ("bos",), ("eos",)
_CURATED = frozenset(("lex", "pat"))
_DOM = {d: ((f"dom={d}", 1.0), (f"domval={d}", 1.0)) for d in _DOMAINS}
Parts = tuple  # (own features, neighbour feature-name tuples, other features) of one token
_FIRST, _SECOND, _THIRD, _FOURTH = (itemgetter(k) for k in range(4))
_EDGE = ((), _BOS, _EOS, ())  # neighbour tags of the padding around a sentence
_BIAS, _CAP, _ALLCAP, _FIRST_FEAT, _LEXDOM = (
    (name, 1.0) for name in ("bias", "cap", "allcap", "first", "lexdom")
)


class DocFeatures:
    """A document's token features before they are laid out per token: every token's cached
    word-type tuple (``_word_static`` or ``_name_static``: own features, the feature names it
    gives its neighbours, whether it has a valence), its other features after ``bias`` (which
    every token has first), and each sentence's token range. ``parts`` lays them out as
    ``token_parts``; ``Tagger.compile`` reads them as they are (one cache look-up per token
    for its own and its neighbours' rows)."""

    __slots__ = ("bounds", "dyn", "statics")

    def __init__(self, statics: list[tuple], dyn: list[list], bounds: list[tuple[int, int]]):
        self.statics, self.dyn, self.bounds = statics, dyn, bounds

    def parts(self) -> list[list[Parts]]:
        """Every token's (own, neighbours, other), grouped by sentence (``token_parts``)."""
        statics, dyn = self.statics, self.dyn
        tags = list(map(_SECOND, statics))
        groups: list[list[Parts]] = []
        for lo, hi in self.bounds:
            # Neighbour slots read through two padding tokens at each sentence edge: before
            # the sentence, "-2" is empty and "-1" is bos; after it, "+1" is eos and "+2" empty.
            ext = [_EDGE, _EDGE, *tags[lo:hi], _EDGE, _EDGE]
            groups.append(
                [
                    (st[0], [a[0], b[1], c[2], d[3]], [_BIAS, *extra])
                    for st, a, b, c, d, extra in zip(
                        statics[lo:hi],
                        ext[:-4],
                        ext[1:-3],
                        ext[3:-1],
                        ext[4:],
                        dyn[lo:hi],
                        strict=True,
                    )
                ]
            )
        return groups


def token_parts(prep) -> list[list[Parts]]:
    """Every token's features, grouped by sentence, as (own, neighbours, other): ``own`` and
    the neighbour tuples are cached per word type, so scoring resolves them once."""
    return doc_features(prep).parts()


def doc_features(prep) -> DocFeatures:
    """The features of every token (``DocFeatures``; ``token_parts`` lays them out)."""
    text, toks = prep.text, prep.tokens
    words, starts, ends = toks.words, toks.starts, toks.ends
    n = len(words)
    if not n:
        return DocFeatures([], [], [])
    dyn: list[list[tuple[str, float]]] = [[] for _ in range(n)]  # after "bias"
    curated = _layer_features(prep, dyn)
    _context_features(prep, dyn)
    # Each sentence's token range, from where the sentence index moves.
    bounds = list(pairwise([0, *(np.flatnonzero(np.diff(toks.sentence)) + 1).tolist(), n]))
    firsts = {lo for lo, _ in bounds}
    # A capitalised word inside a sentence is a name: its rarity and valence say nothing
    # about loaded language (invented or foreign place names are all "rare").
    # So is a capitalised first word no word list knows (a dateline's "MERRIN", a name).
    rare = rarity_table("en")
    initial = list(map(text.__getitem__, starts))
    upper = list(map(str.isupper, initial))
    named = [False] * n
    for i in compress(range(n), upper):
        w = words[i]
        named[i] = i not in firsts or (w not in rare and w.isalpha()) or _dateline(text, i, toks)
    for i in _headline_words(prep, bounds, upper):
        named[i] = False
    statics = [
        _name_static(w) if nm else _word_static(w) for w, nm in zip(words, named, strict=True)
    ]
    # The features below are added in passes over the tokens they concern, each pass after
    # the one before, so every token's list keeps the order of a token-by-token pass:
    # cap, allcap, first, then the sentence's domains and lexdom.
    for i in compress(range(n), named):
        if i not in firsts:
            dyn[i].append(_CAP)
    # Only a word whose first two characters are no lower-case letters can be all capitals.
    for i in compress(range(n), map(not_, map(str.islower, initial))):
        s, e = starts[i], ends[i]
        if e - s > 1 and not text[s + 1].islower() and text[s:e].isupper():
            dyn[i].append(_ALLCAP)
    for lo in firsts:
        dyn[lo].append(_FIRST_FEAT)
    # A literal domain is read from the sentence and the one before it ("The storm moved up
    # the coast. The harbour master said the swell was dangerous").
    in_domain = list(compress(range(n), map(_DOMAIN_OF.__contains__, words)))
    if in_domain:
        los = [lo for lo, _ in bounds]
        here_of: dict[int, set[str]] = {}
        for i in in_domain:
            here_of.setdefault(bisect_right(los, i) - 1, set()).add(_DOMAIN_OF[words[i]])
        prev: set[str] = set()
        for k, (lo, hi) in enumerate(bounds):
            here = here_of.get(k, set())
            if here or prev:
                domains = [_DOM[d] for d in sorted(here | prev)]
                plain = [dom for dom, _ in domains]
                valued = [f for pair in domains for f in pair]  # dom, domval, dom, domval…
                for i in range(lo, hi):
                    dyn[i] += valued if statics[i][2] else plain
                    if i in curated:
                        dyn[i].append(_LEXDOM)  # a lexicon word in a literal domain
            prev = here
    return DocFeatures(statics, dyn, bounds)


# The last document's ``_headline_words`` (its tokens, its text, the set): the tagger reads
# them twice per document (features, then span edges). Held by identity, so those objects
# stay alive and no other document can match.
_HEADLINE_MEMO: tuple = (None, None, frozenset())


def _headline_words(prep, bounds=None, upper=None) -> frozenset[int]:
    """``_title_case_words`` of the document, remembered for the last document (``bounds``
    and ``upper``: its sentences' token ranges and capitalised tokens, when known)."""
    toks, text = prep.tokens, prep.text
    global _HEADLINE_MEMO
    memo = _HEADLINE_MEMO
    if memo[0] is toks and memo[1] is text:
        return memo[2]
    found = frozenset(_title_case_words(prep, bounds, upper))
    _HEADLINE_MEMO = (toks, text, found)
    return found


def _title_case_words(prep, bounds=None, upper=None) -> set[int]:
    """Tokens of title-case headlines ("Minister Slams Crazed Protesters After Defeat") read
    as words although capitalised: there a capital says nothing about names. Not freed: the
    first word (as in any sentence), words the gazetteer knows as names, words the document
    capitalises mid-sentence in its ordinary prose, words no word list knows. Sentence-case
    text has none. Read once per document (``headlines.headline_words`` keeps it)."""
    cached = getattr(prep, "headline_words", None)
    if cached is not None:
        return cached
    toks, text = prep.tokens, prep.text
    words, starts, ends = toks.words, toks.starts, toks.ends
    n = len(words)
    if not n:
        return set()
    if bounds is None:
        bounds = list(pairwise([0, *(np.flatnonzero(np.diff(toks.sentence)) + 1).tolist(), n]))
    if upper is None:
        upper = list(map(str.isupper, map(text.__getitem__, starts)))
    heads = [
        (lo, hi)
        for lo, hi in _title_case_candidates(words, upper, bounds)
        if _title_case(text, words, starts, ends, upper, lo, hi)
    ]
    if not heads:
        return set()
    in_head = set(chain.from_iterable(range(lo, hi) for lo, hi in heads))
    firsts = {lo for lo, _ in bounds}
    # A cheap document-level name cue: capitalised mid-sentence in a sentence-case sentence.
    prose = {words[i] for i in compress(range(n), upper) if i not in in_head and i not in firsts}
    known = name_words() | prose
    rare = rarity_table("en")
    return {
        i
        for lo, hi in heads
        for i in range(lo + 1, hi)
        if upper[i] and words[i] not in known and words[i] in rare and not _dateline(text, i, toks)
    }


def _title_case_candidates(words, upper, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences that can pass ``_title_case``: three capitalised words after the first
    at least (it needs three capitalised content words), counted from one running sum for
    all sentences; only these need its word-by-word reading."""
    run = [0, *accumulate(upper)]
    return [(lo, hi) for lo, hi in bounds if run[hi] - run[lo + 1] >= 3]


def _title_case(text: str, words, starts, ends, upper, lo: int, hi: int) -> bool:
    """A headline in title case: after the first word, at least three content words of three
    letters or more, every one capitalised — or all but one in six when a function word
    mid-sentence is capitalised too ("After", "With"), which prose never does — and most not
    all capitals (an all-caps dateline or shouted line is not title case)."""
    content, lower, small_cap = 0, 0, False
    for i in range(lo + 1, hi):
        w = words[i]
        if not w.isalpha():
            continue
        if w in STOPWORDS:
            small_cap = small_cap or upper[i]
        elif len(w) >= 3:
            content += 1
            lower += not upper[i]
    if content < 3 or lower > (content // 6 if small_cap else 0):
        return False
    shouted = sum(
        text[starts[i] : ends[i]].isupper() for i in range(lo + 1, hi) if words[i].isalpha()
    )
    return 2 * shouted < hi - lo - 1


def _dateline(text: str, i: int, toks) -> bool:
    """An all-caps place opening a sentence before a comma ("HARLOW, Sept 3 (...) --")."""
    w = text[toks.starts[i] : toks.ends[i]]
    return len(w) > 2 and w.isupper() and text[toks.ends[i] : toks.ends[i] + 1] == ","


def token_features(prep) -> list[list[list[tuple[str, float]]]]:
    """Feature lists of every token, grouped by sentence: ``out[s][t]`` is a list of
    (attribute, value). Shared by training and tagging so both see the same features."""
    return [[expand(part) for part in seq] for seq in token_parts(prep)]


def expand(part: Parts) -> list[tuple[str, float]]:
    own, nbs, extra = part
    return [*own, *((name, 1.0) for tags in nbs for name in tags), *extra]


def _token_range(starts: list[int], start: int, end: int) -> range:
    return range(bisect_left(starts, start), bisect_left(starts, end))


def _layer_features(prep, dyn: list[list[tuple[str, float]]]) -> set[int]:
    """Lexicon and pattern hits, scare quotes and 'so-called' as token features; returns the
    tokens that got a lexicon or pattern feature (``_CURATED``)."""
    starts = prep.tokens.starts
    curated: set[int] = set()
    for c in prep.candidates:
        if c.source == "model":
            continue
        kind = "lex" if c.source == "lexicon" else "pat"
        if c.category == "scare_quotes":
            kind = "scare"
        rng = _token_range(starts, c.start, c.end)
        if kind in _CURATED:
            curated.update(rng)
        for pos, i in enumerate(rng):
            dyn[i] += [
                (kind, min(max(c.weight, 0.0), 1.0)),
                (f"{kind}c={c.category}", 1.0),
                (f"{kind}{'B' if pos == 0 else 'I'}", 1.0),
            ]
            if c.layers > 1:
                dyn[i].append(("agree", 1.0))
    return curated


def _context_features(prep, dyn: list[list[tuple[str, float]]]) -> None:
    """Voice, short quoted titles/chants, heading-like sentences, negation, position."""
    toks = prep.tokens
    starts, words = toks.starts, toks.words
    for q in prep.quotes:
        if q.kind == "scare":
            continue
        tag = _ATTR if q.kind == "reported" else _QUOTE
        rng = _token_range(starts, q.start, q.end)
        if q.kind != "reported" and len(rng) <= 6:
            for extra in dyn[rng.start : rng.stop]:
                extra += (tag, _SHORTQ)
        else:
            for extra in dyn[rng.start : rng.stop]:
                extra.append(tag)
    text = prep.text
    first_end = prep.sentences[0][1] if prep.sentences else 0
    for s, e in prep.sentences:
        rng = _token_range(starts, s, e)
        if not len(rng):
            continue
        last = text[e - 1]
        heading = last not in ".!?\"'”’)" and len(rng) <= 14
        if heading:
            for extra in dyn[rng.start : rng.stop]:
                extra.append(_HEADING)
        if e <= first_end:
            for extra in dyn[rng.start : rng.stop]:
                extra.append(_S0)
    # "negctx": a negation among the three words before (the last feature added here, so
    # the tokens after each negation can take it in any order).
    if not _NEGATIONS.isdisjoint(words):
        near = {j + k for j, w in enumerate(words) if w in _NEGATIONS for k in (1, 2, 3)}
        for i in sorted(near):
            if i < len(words):
                dyn[i].append(_NEGCTX)


_ATTR, _QUOTE, _SHORTQ, _HEADING, _S0, _NEGCTX = (
    (name, 1.0) for name in ("v=attr", "v=quote", "shortq", "heading", "s0", "negctx")
)


# --- model ----------------------------------------------------------------------------
@lru_cache(maxsize=100_000)
def _name_static(word: str):
    """Features of a capitalised word inside a sentence (see ``token_features``)."""
    tags = tuple((f"w{o}={word}",) for o in ("-2", "-1", "+1", "+2"))
    return ((f"w={word}", 1.0), ("propn", 1.0)), tags, False


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    start: int
    end: int
    category: str
    score: float  # calibrated probability
    source: str  # "lexicon" | "pattern" | "model"
    explanation: str


@dataclass(slots=True, eq=False)
class Tagger:
    """A trained tagger: CRF weights, calibration, operating points and category model."""

    attrs: list[str]
    state: np.ndarray  # (len(attrs), 3) weights for O, B, I
    transitions: np.ndarray  # (3, 3) from -> to
    calib_a: float = 1.0
    calib_b: float = 0.0
    # Calibration offset for a span a lexicon or pattern entry covers (the curated entries are
    # evidence the CRF's token marginals only partly carry; fitted on the dev split).
    calib_s: float = 0.0
    # Calibration slopes of span-level features (``span_features``: strongest valence,
    # commonest word), fitted with the rest on dev; empty for taggers built before them.
    calib_x: dict[str, float] = field(default_factory=dict)
    legacy_a: float = 0.0  # calibration of the curated-candidate scorer (0: not merged)
    legacy_b: float = 0.0
    extract: float = 0.3  # token marginal needed to join a span
    # An edge token whose marginal is below ``trim`` x the span's highest is cut off: a low
    # extraction threshold lets "invincible" pull in its neutral noun ("spirit"), which the
    # annotation rule leaves out (chosen on the dev split; 0 keeps every token).
    trim: float = 0.0
    points: dict[str, dict[str, float]] = field(default_factory=dict)
    categories: list[str] = field(default_factory=list)
    cat_attrs: list[str] = field(default_factory=list)
    cat_coef: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    cat_bias: np.ndarray = field(default_factory=lambda: np.zeros(0))
    default_category: str = "moral_condemnation"
    meta: dict = field(default_factory=dict)
    # Word -> log-odds offset of workspace models trained before ``adaptation`` (kept so their
    # stored bundles still analyse as they did); empty otherwise.
    adjust: dict[str, float] = field(default_factory=dict)
    # A workspace's stacked tagger reads the packaged tagger's marginals as features
    # (``adaptation``); None for the packaged tagger itself.
    base: Tagger | None = None
    sha256: str = ""
    _index: dict[str, int] = field(default_factory=dict)
    _resolved: dict[int, tuple] = field(default_factory=dict)
    _cat_index: dict[str, int] = field(default_factory=dict)
    _slots: _NeighbourSlots | None = None  # neighbour feature tuples as table rows

    def __post_init__(self) -> None:
        self._index = {a: i for i, a in enumerate(self.attrs)}
        self._cat_index = {a: i for i, a in enumerate(self.cat_attrs)}

    # scikit-learn's estimator conventions, without importing it on the analysis path
    def get_params(self, deep: bool = True) -> dict:
        return {"extract": self.extract, "calib_a": self.calib_a, "calib_b": self.calib_b}

    def operating_points(self) -> dict[str, dict[str, float]]:
        """{name: {"threshold", "precision", "recall"}} measured out of fold."""
        return {k: dict(v) for k, v in self.points.items()}

    def threshold(self, point: str = DEFAULT_POINT) -> float:
        return float(self.points.get(point, {}).get("threshold", 0.5))

    @property
    def min_threshold(self) -> float:
        """analyze() keeps every span at or above the recall point's threshold."""
        return min((float(p["threshold"]) for p in self.points.values()), default=0.5)

    # -- scoring
    def compile(self, parts: list[list[Parts]]) -> _Compiled:
        """Resolve a document's features to state scores; a word type's own and neighbour
        features are looked up once per tagger (cached by the cached tuples' identity), and
        the sum of a word type's own rows is cached with them.

        Exactly the sums of a token-by-token pass: ``np.bincount`` adds each token's rows in
        array order, starting from 0, and a token's rows are laid out in the same order
        (own features — their cached running sum —, then each neighbour slot, then the
        others), so the scores are bit-for-bit those of adding every row one by one. The
        lists are walked with ``map``/``chain`` (in C, not token by token in Python); the
        rows ``explain`` reads are rebuilt for a span's tokens only (``_Compiled.rows``)."""
        if isinstance(parts, DocFeatures) and self.base is not None:
            parts = parts.parts()
        if self.base is not None:
            parts = stack_parts(self.base, parts)
        if len(self._resolved) > 400_000:
            self._resolved.clear()
        slots = self._neighbour_slots()
        if isinstance(parts, DocFeatures):
            # The same entries as below, found per word type: a token's own rows and the
            # tags its neighbours read from it are one look-up of its word-type tuple.
            bounds = parts.bounds
            n = len(parts.statics)
            rows = slots.word_rows(parts.statics, self._resolve_own)
            own_rs = list(map(slots.word_own.__getitem__, rows))
            ks = np.array(rows, dtype=np.intp)
            prefix = slots.word_total[ks]
            nb_ids = _neighbour_entries(slots, slots.word_slots[ks], bounds, n)
            extras, lead = parts.dyn, (_BIAS,)
        else:
            flat = list(chain.from_iterable(parts))
            n = len(flat)
            own_rs = self._resolve_column(flat, _FIRST, own=True)
            nbs = list(map(_SECOND, flat))
            width = len(nbs[0]) if n else 0
            if len(set(map(len, nbs))) > 1:
                raise ValueError("every token needs the same neighbour slots")
            nb_ids = [slots.column(nbs, itemgetter(k)) for k in range(width)]
            extras, lead = list(map(_THIRD, flat)), ()
            prefix = np.fromiter(
                chain.from_iterable(map(_FOURTH, own_rs)), np.float64, 3 * n
            ).reshape(n, 3)
            bounds, base = [], 0
            for seq in parts:
                bounds.append((base, base + len(seq)))
                base += len(seq)
        pairs = list(chain.from_iterable(extras))
        ex_idx = np.fromiter(
            map(self._index.get, map(_FIRST, pairs), repeat(-1)), np.intp, len(pairs)
        )
        ex_val = np.fromiter(map(_SECOND, pairs), np.float64, len(pairs))
        ex_tok = np.repeat(np.arange(n, dtype=np.intp), np.fromiter(map(len, extras), np.intp, n))
        known = ex_idx >= 0
        ex_idx, ex_val, ex_tok = ex_idx[known], ex_val[known], ex_tok[known]
        # Every token's rows are added one at a time in the order own (their cached running
        # sum) -> each neighbour slot's rows -> the other features, as a token-by-token pass
        # would: the neighbour rows column by column of each slot's padded table (a padding
        # entry reads a row of zeros, and x + 0.0 == x), the others with ``np.add.at``,
        # which applies them in array order.
        scores = prefix + 0.0
        pad_state = slots.state
        for ids in nb_ids:
            table = slots.table[ids]
            for col in range(int(slots.length[ids].max(initial=0))):
                scores += pad_state[table[:, col]]
        for name, v in lead:  # features every token has before its ``extras``
            j = self._index.get(name)
            if j is not None:
                scores += self.state[j] * v
        np.add.at(scores, ex_tok, self.state[ex_idx] * ex_val[:, None])
        return _Compiled(scores, bounds, extras, own_rs, nb_ids, self._index.get, slots.js, lead)

    def _neighbour_slots(self) -> _NeighbourSlots:
        """This tagger's neighbour-slot cache (made again for a copy with other weights)."""
        slots = self._slots
        if slots is None or slots.index is not self._index or slots.weights is not self.state:
            slots = self._slots = _NeighbourSlots(self._index, self.state)
        elif len(slots.js) > 400_000 or len(slots.words) > 400_000:
            slots.clear()
        return slots

    def _resolve_column(self, items: list, pick: itemgetter, own: bool = False) -> list[tuple]:
        """``_resolve`` of the group ``pick`` takes from every item; a cached entry holds its
        group, so the id it is found under cannot belong to another object."""
        rs = list(map(self._resolved.get, map(id, map(pick, items))))
        if None in rs:
            pairs = zip(map(pick, items), rs, strict=True)
            rs = [self._resolve(g, own) if r is None else r for g, r in pairs]
        return rs

    def _resolve_own(self, group: tuple) -> tuple:
        """``_resolve`` of an own-features tuple, from the cache when it holds it."""
        r = self._resolved.get(id(group))
        return self._resolve(group, True) if r is None else r

    def _resolve(self, group: tuple, own: bool) -> tuple:
        """(group, weight rows, values[, running sum of the rows]) of a cached feature tuple:
        an ``own`` tuple holds (name, value) pairs, a neighbour tuple bare names (value 1)."""
        get = self._index.get
        if own:
            pairs = [(get(name), v) for name, v in group]
            pairs = [(j, v) for j, v in pairs if j is not None]
            js, vs = [j for j, _ in pairs], [v for _, v in pairs]
            # Added one row at a time from 0, as ``np.bincount`` would.
            total = [0.0, 0.0, 0.0]
            for row in (self.state[js] * np.asarray(vs, dtype=np.float64)[:, None]).tolist():
                for y in range(3):
                    total[y] += row[y]
            r = (group, js, vs, tuple(total))
        else:
            js = [j for j in map(get, group) if j is not None]
            r = (group, js, [1.0] * len(js))
        self._resolved[id(group)] = r
        return r

    def marginals_doc(self, comp: _Compiled) -> np.ndarray:
        """P(O, B, I) per token of the document, sentence by sentence, shape (n, 3)."""
        return batched_marginals(comp.scores, comp.bounds, self.transitions)

    def predict_proba(self, prep) -> list[np.ndarray]:
        """Per sentence, (n_tokens, 3) marginals of O, B, I."""
        comp = self.compile(doc_features(prep))
        m = self.marginals_doc(comp)
        return [m[lo:hi] for lo, hi in comp.bounds]

    def calibrate(
        self, raw: float, support: float = 0.0, extra: dict[str, float] | None = None
    ) -> float:
        """Probability that a span with raw score ``raw`` is right, given the weight
        (0..1) of the lexicon or pattern entry that supports it (0: none) and its
        ``span_features``."""
        raw = min(max(raw, 1e-6), 1 - 1e-6)
        z = self.calib_a * math.log(raw / (1 - raw)) + self.calib_b + self.calib_s * support
        if extra and self.calib_x:
            z += sum(w * extra.get(name, 0.0) for name, w in self.calib_x.items())
        return 1.0 / (1.0 + math.exp(-z))

    def evidence(self, prep) -> tuple[SpanIndex, SpanIndex]:
        """(word entries, every entry) of the lexicon and pattern candidates, for ``hit``."""
        usable = [c for c in prep.candidates if c.source != "model"]
        cands = SpanIndex([(c.start, c.end, c) for c in usable])
        # Quoted loaded words keep their own category: scare quotes only name a span that no
        # lexicon or pattern entry explains (a partial quote of invective is invective).
        words_only = SpanIndex(
            [(c.start, c.end, c) for c in usable if c.category != "scare_quotes"]
        )
        return words_only, cands

    def hit(
        self,
        evidence: tuple[SpanIndex, SpanIndex],
        start: int,
        end: int,
        comp: _Compiled | None = None,
        token_ids: list[int] | None = None,
    ):
        """The curated candidate explaining [start, end), and how strongly it supports the
        span as loaded: its weight; 0 for none, for quote marks that are a quotation, a name
        or a heading, and for an entry read in a literal domain ("brutal" in a match report:
        the CRF has already weighed that, through ``lexdom``)."""
        words_only, cands = evidence
        hit = _best_overlap(words_only, start, end) or _best_overlap(cands, start, end)
        if hit is None or (hit.category == "scare_quotes" and hit.weight < _SCARE_MIN):
            return hit, 0.0
        if comp is not None and token_ids and self._literal(comp, token_ids):
            return hit, 0.0
        return hit, min(max(float(hit.weight), 0.0), 1.0)

    def _literal(self, comp: _Compiled, token_ids: list[int]) -> bool:
        j = self._index.get("lexdom")
        if j is None:
            return False
        return j in comp.rows(token_ids[0], token_ids[-1])[0]

    def raw_spans(self, prep, comp: _Compiled | None = None) -> list[tuple]:
        """(start, end, raw score, token indices) of every extracted span."""
        comp = self.compile(doc_features(prep)) if comp is None else comp
        toks, text = prep.tokens, prep.text
        m = self.marginals_doc(comp)
        if not len(m):
            return []
        inside_all = 1.0 - m[:, 0]
        out = []
        hot = np.flatnonzero(inside_all >= self.extract).tolist()
        if not hot:
            return []
        # Plain lists: the loop reads them token by token.
        begin_all = (m[:, 1] > m[:, 2]).tolist()
        sent = toks.sentence.tolist()
        inside = inside_all.tolist()
        names = _actor_tokens(prep)
        run: list[int] = []
        for i in hot:
            joined = (
                run
                and run[-1] == i - 1
                and sent[i] == sent[run[-1]]
                and not begin_all[i]
                and _JOINERS.issuperset(text[toks.ends[run[-1]] : toks.starts[i]])
            )
            if run and not joined:
                out.append(_close(run, inside, toks, names, text, self.trim))
                run = []
            run.append(i)
        if run:
            out.append(_close(run, inside, toks, names, text, self.trim))
        return _snap([s for s in out if s is not None], prep.candidates)

    def tag(
        self, prep, min_score: float | None = None, legacy: list[tuple] | None = None
    ) -> list[TaggedSpan]:
        """Calibrated spans with score ≥ ``min_score`` (default: the recall point).

        ``legacy`` holds the curated-candidate scorer's accepted spans (start, end, category,
        probability, source, explanation); with a fitted legacy calibration they are merged
        in: an overlapping tagged span keeps the higher of the two scores, a lexicon phrase
        the tagger missed is added with its own calibrated score."""
        floor = self.min_threshold if min_score is None else min_score
        comp = self.compile(doc_features(prep))
        spans = self.raw_spans(prep, comp)
        evidence = self.evidence(prep)
        words = prep.tokens.words
        # Without a legacy merge (which can lift a span), a span under the floor is dropped
        # as soon as it is scored: only the kept ones are explained and categorised.
        merging = bool(legacy) and self.legacy_a > 0
        scored = []
        for start, end, raw, token_ids in spans:
            hit, support = self.hit(evidence, start, end, comp, token_ids)
            offset = self._offset([words[i] for i in token_ids]) if self.adjust else 0.0
            # A workspace whose analysts reject a curated entry overrules its support.
            backing = support if offset >= 0 else 0.0
            span_words = [words[i] for i in token_ids]
            extra = span_features(span_words, backing) if self.calib_x else None
            score = self.calibrate(raw, backing, extra)
            if offset:
                score = _shift(score, offset)
            if merging or round(score, 4) >= floor:
                scored.append((start, end, token_ids, hit, support, score))
        whys = self.explain_spans(comp, [token_ids for _, _, token_ids, *_ in scored])
        out = []
        for (start, end, token_ids, hit, support, score), why in zip(scored, whys, strict=True):
            # Quoted words that are someone's word, a name or a heading: the marks say
            # nothing about distance, so the words decide the category.
            category = hit.category if support else self.category(prep, token_ids)
            explanation = f"tagger p={score:.2f}: {why}"
            if hit is not None:
                explanation = f"{explanation}; {hit.explanation}"
            source = hit.source if support else "model"
            out.append(TaggedSpan(start, end, category, round(score, 4), source, explanation))
        if merging:
            out = self._with_legacy(out, legacy)
        return [t for t in out if t.score >= floor]

    def _with_legacy(self, tagged: list[TaggedSpan], legacy: list[tuple]) -> list[TaggedSpan]:
        index = SpanIndex([(t.start, t.end, k) for k, t in enumerate(tagged)])
        out = list(tagged)
        for start, end, category, prob, source, why in legacy:
            p = min(max(prob, 1e-6), 1 - 1e-6)
            z = self.legacy_a * math.log(p / (1 - p)) + self.legacy_b
            score = round(1.0 / (1.0 + math.exp(-z)), 4)
            hit = _best_overlap(index, start, end)
            if hit is None:
                out.append(
                    TaggedSpan(start, end, category, score, source, f"curated p={score:.2f}: {why}")
                )
            elif score > out[hit].score:
                t = out[hit]
                out[hit] = replace(
                    t, score=score, explanation=f"{t.explanation}; curated p={score:.2f}"
                )
        out.sort(key=lambda t: (t.start, t.end))
        return out

    def _offset(self, words: list[str]) -> float:
        hits = [self.adjust[w] for w in words if w in self.adjust]
        return sum(hits) / len(hits) if hits else 0.0

    def with_adjustments(self, adjust: dict[str, float]) -> Tagger:
        """A copy sharing the weights, with a workspace's residual offsets."""
        if not adjust:
            return self
        return replace(self, adjust=dict(adjust))

    def explain(self, comp: _Compiled, token_ids: list[int], k: int = 3) -> str:
        """The features that pushed the span's tokens into a loaded term most."""
        return self.explain_spans(comp, [token_ids], k)[0]

    def explain_spans(self, comp: _Compiled, spans: list[list[int]], k: int = 3) -> list[str]:
        """``explain`` of every span (its token indices), with the contributions of all of
        them computed in one pass: each span's ranking still sorts that span's own values."""
        idx: list[int] = []
        val: list[float] = []
        first: list[bool] = []
        bounds = []
        for token_ids in spans:
            s_idx, s_val, n_first = comp.rows(token_ids[0], token_ids[-1])
            bounds.append((len(idx), len(idx) + len(s_idx)))
            idx += s_idx
            val += s_val
            # The span's first token is read as B (column 1), the others as I (column 2).
            first += [True] * n_first + [False] * (len(s_idx) - n_first)
        rows = self.state[idx]
        inside = np.where(np.asarray(first, dtype=bool), rows[:, 1], rows[:, 2])
        contrib = (inside - rows[:, 0]) * np.asarray(val, dtype=np.float64)
        values = contrib.tolist()
        negated = -contrib
        out = []
        for lo, hi in bounds:
            top: dict[str, float] = {}
            for j in np.argsort(negated[lo:hi])[: 3 * k].tolist():
                if values[lo + j] > 0:
                    name = self.attrs[idx[lo + j]]
                    top[name] = top.get(name, 0.0) + values[lo + j]
            best = sorted(top.items(), key=lambda x: -x[1])[:k]
            out.append(", ".join(f"{name} {w:+.1f}" for name, w in best))
        return out

    def category(self, prep, token_ids: list[int]) -> str:
        """Most likely category of a span no lexicon or pattern entry covers."""
        if not self.categories or not len(self.cat_coef):
            return self.default_category
        words = [prep.tokens.words[i] for i in token_ids]
        scores = self.cat_bias.astype(np.float64).copy()
        for name in category_features(words):
            j = self._cat_index.get(name)
            if j is not None:
                scores += self.cat_coef[j]
        # Scare quotes are typography (marks, "so-called"), which the candidates carry; from
        # words alone the model would call "self-righteous" or "so inept" a scare quote.
        for k, cat in enumerate(self.categories):
            if cat == "scare_quotes":
                scores[k] = -np.inf
        return self.categories[int(np.argmax(scores))]


# "Inside someone's quoted or reported words" raised dev F1 most (bench/README.md) but lifted
# any rare word in attributed speech ("police said ... jewellery shop"): most wire sentences
# are attributed, so it is not a span feature.
SPAN_FEATURES = (
    "valence",
    "common",
    "length",
    "unknown",
    "biaslex",
    "vader",
    "bare",
    "common_bare",
)
UNKNOWN_ZIPF = 3.0


def span_features(words: list[str], support: float = 0.0) -> dict[str, float]:
    """Span-level evidence the token marginals do not carry: its strongest VADER valence,
    its commonest word's Zipf frequency, its length, whether a word is unknown to every
    frequency list, in the bias-word lexicon or in VADER at all, and whether the span is
    "bare" (no lexicon, valence or curated entry behind it; ``support`` is the curated
    entry's weight). Calibration weighs them on out-of-fold training spans and dev."""
    lex, rare = vader_lexicon(), zipf_table("en")
    valence = max((abs(lex.get(w, 0.0)) for w in words), default=0.0) / 4.0
    # A word no list knows counts as Zipf 3, the everyday list's floor: not evidence of rare
    # (often loaded) vocabulary, which calibration would otherwise read from Zipf 0.
    common = min((rare.get(w, UNKNOWN_ZIPF) for w in words), default=0.0) / 8.0
    biased = bias_words()
    in_bias = any(w in biased for w in words)
    in_vader = any(w in lex for w in words)
    # Rare words are often loaded (BABE), but a rare word nothing else vouches for is as
    # often a technical noun ("larch planks", "viaduct"): its rarity gets its own slope.
    bare = float(not (in_bias or in_vader) and support <= 0.0)
    return {
        "valence": valence,
        "common": common,
        "length": min(len(words), 5) / 5.0,
        # Invented or misspelt words: out of fold, the CRF tags them and they are wrong.
        "unknown": float(any(w not in rare for w in words)),
        "biaslex": float(in_bias),
        "vader": float(in_vader),
        "bare": bare,
        "common_bare": common * bare,
    }


def stack_parts(base: Tagger, parts: list[list[Parts]]) -> list[list[Parts]]:
    """The tokens' features plus what the base tagger concluded about each token and its
    neighbours: a stacked tagger starts from the built-in knowledge and learns corrections."""
    m = base.marginals_doc(base.compile(parts))
    inside = (1.0 - m[:, 0]).tolist()
    begin = m[:, 1].tolist()
    out, k = [], 0
    for seq in parts:
        n = len(seq)
        new = []
        for t, (own, nbs, extra) in enumerate(seq):
            p = inside[k + t]
            feats = [
                *extra,
                ("b.p", p),
                ("b.B", begin[k + t]),
                ("b.logit", max(-6.0, min(6.0, math.log((p + 1e-6) / (1 - p + 1e-6)))) / 6),
                (f"b.bin={min(int(p * 10), 9)}", 1.0),
            ]
            if t > 0:
                feats.append(("b.p-1", inside[k + t - 1]))
            if t + 1 < n:
                feats.append(("b.p+1", inside[k + t + 1]))
            new.append((own, nbs, feats))
        out.append(new)
        k += n
    return out


def category_features(words: list[str]) -> list[str]:
    """Features of a span for the category model: its words, their suffixes and valence."""
    lex = vader_lexicon()
    out = []
    for w in words:
        out += [f"w={w}", f"s3={w[-3:]}"]
        v = lex.get(w, 0.0)
        if v:
            out.append("vpos" if v > 0 else "vneg")
    out.append(f"len={min(len(words), 4)}")
    return out


_EDGE_WORDS = frozenset(
    wordlist(
        "the a an of in on at to for by with from and or but that which who is are was were "
        "be been has have had will would its their his her it this these those as than"
    )
)


def _actor_tokens(prep) -> set[int]:
    """Tokens inside actor mentions: a loaded term qualifies an actor, the name is its
    target (``target_actor``), not part of the term."""
    starts = prep.tokens.starts
    out: set[int] = set()
    for a in prep.actors:
        out.update(_token_range(starts, a.start, a.end))
    # A title-case headline reads as one long capitalised "actor" ("Trump Slams Crazed
    # Democrats After Shock"); its ordinary words are not a name.
    return out - _headline_words(prep) if out else out


def _close(
    run: list[int], inside: list[float], toks, names: set[int], text: str, trim: float = 0.0
) -> tuple | None:
    """A span over the run, without function words or actor names at its edges (a phrase
    never starts or ends with 'the' or 'will' in our annotations) — unless the word is
    hyphenated to its neighbour in the span ("hangers-on") — nor edge tokens far less likely
    than the span's best (``trim``)."""
    words, starts, ends = toks.words, toks.starts, toks.ends
    if trim > 0 and len(run) > 1:
        floor = trim * max(inside[i] for i in run)
        lo, hi = 0, len(run)
        while lo < hi - 1 and inside[run[lo]] < floor and not _hyphened(text, toks, run, lo):
            lo += 1
        while hi - 1 > lo and inside[run[hi - 1]] < floor:
            if _hyphened(text, toks, run, hi - 2):
                break
            hi -= 1
        run = run[lo:hi]

    def edge(k: int, inner: int) -> bool:
        i, j = run[k], run[inner]
        if i != j:
            gap = text[ends[j] : starts[i]] if j < i else text[ends[i] : starts[j]]
            if gap == "-":
                return False
        return words[i] in _EDGE_WORDS or i in names

    lo, hi = 0, len(run)
    while lo < hi and edge(lo, min(lo + 1, hi - 1)):
        lo += 1
    while hi > lo and edge(hi - 1, max(hi - 2, lo)):
        hi -= 1
    if lo == hi:
        return None
    run = run[lo:hi]
    score = sum(inside[i] for i in run) / len(run)
    return (toks.starts[run[0]], toks.ends[run[-1]], score, list(run))


def _hyphened(text: str, toks, run: list[int], k: int) -> bool:
    """Whether run[k] and run[k + 1] are one hyphenated word ("latter-day")."""
    return text[toks.ends[run[k]] : toks.starts[run[k + 1]]] == "-"


def _snap(spans: list[tuple], candidates) -> list[tuple]:
    """Grow each span to the lexicon or pattern phrase it overlaps ("freedom" + "loving
    nations" -> "freedom-loving nations"; scare quotes keep their marks) and merge spans
    that then overlap, keeping the higher score. The curated phrases are boundary evidence."""
    if not spans:
        return spans
    hits = SpanIndex([(c.start, c.end, c) for c in candidates if c.source != "model"])
    grown = []
    for start, end, raw, ids in spans:
        c = _best_overlap(hits, start, end)
        if c is not None:
            start, end = min(start, c.start), max(end, c.end)
        grown.append((start, end, raw, ids))
    grown.sort(key=lambda x: (x[0], x[1]))
    merged = [grown[0]]
    for start, end, raw, ids in grown[1:]:
        s0, e0, r0, ids0 = merged[-1]
        if start < e0:
            merged[-1] = (s0, max(e0, end), max(r0, raw), sorted(set(ids0) | set(ids)))
        else:
            merged.append((start, end, raw, ids))
    return merged


def _shift(p: float, offset: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return 1.0 / (1.0 + math.exp(-(math.log(p / (1 - p)) + offset)))


def _best_overlap(cands: SpanIndex, start: int, end: int):
    """The lexicon/pattern candidate overlapping [start, end) the most."""
    best, best_len = None, 0
    i = bisect_right(cands.starts, end) - 1
    while i >= 0 and cands.starts[i] >= start - cands.reach:
        s, e, c = cands.spans[i]
        overlap = min(e, end) - max(s, start)
        if overlap > best_len:
            best, best_len = c, overlap
        i -= 1
    return best


class _NeighbourSlots:
    """Neighbour feature tuples (cached per word type, so found by identity) as rows of a
    padded table of weight-row indices: a document's neighbour scores are then a few numpy
    gathers per slot instead of a list of indices built token by token. Index ``len(weights)``
    is the padding: a row of zeros in ``state``."""

    def __init__(self, index: dict[str, int], weights: np.ndarray) -> None:
        self.index, self.weights = index, weights
        self.state = np.vstack([weights, np.zeros((1, weights.shape[1]))])
        self.clear()

    def clear(self) -> None:
        self.entry: dict[int, int] = {}  # id(tuple) -> entry
        self.groups: list[tuple] = []  # the tuples, kept alive so their ids stay theirs
        self.js: list[list[int]] = []
        self.table = np.full((64, 4), len(self.weights), dtype=np.intp)
        self.length = np.zeros(64, dtype=np.intp)
        # Word types (``_word_static``/``_name_static`` tuples, found by identity): the
        # running sum of their own rows and the entry of the tags they give each neighbour
        # slot, so ``Tagger.compile`` resolves a token with one look-up.
        self.word_row: dict[int, int] = {}  # id(word-type tuple) -> row
        self.words: list[tuple] = []  # the tuples, kept alive so their ids stay theirs
        self.word_own: list[tuple] = []  # their resolved own features (``Tagger._resolve``)
        self.word_total = np.zeros((64, 3))
        self.word_slots = np.zeros((64, 4), dtype=np.intp)

    def word_rows(self, statics: list[tuple], resolve: Callable[[tuple], tuple]) -> list[int]:
        """The row of every word-type tuple, added on first sight (``resolve``: its own
        features' record, as ``Tagger._resolve`` gives it)."""
        rows = list(map(self.word_row.get, map(id, statics)))
        if None in rows:
            rows = [
                self._add_word(st, resolve) if r is None else r
                for st, r in zip(statics, rows, strict=True)
            ]
        return rows

    def _add_word(self, static: tuple, resolve: Callable[[tuple], tuple]) -> int:
        hit = self.word_row.get(id(static))
        if hit is not None:
            return hit
        own = resolve(static[0])
        slots = [self._add(tags) for tags in static[1]]
        k = len(self.words)
        if k >= len(self.word_total):
            self.word_total = np.vstack([self.word_total, np.zeros_like(self.word_total)])
            self.word_slots = np.vstack([self.word_slots, np.zeros_like(self.word_slots)])
        self.word_total[k] = own[3]
        self.word_slots[k] = slots
        self.word_row[id(static)] = k
        self.words.append(static)
        self.word_own.append(own)
        return k

    def edge(self, k: int) -> int:
        """The entry of the sentence-edge padding in neighbour slot ``k``."""
        return self._add(_EDGE[k])

    def column(self, items: list, pick: itemgetter) -> np.ndarray:
        """The entry of the tuple ``pick`` takes from every item."""
        ids = np.fromiter(
            map(self.entry.get, map(id, map(pick, items)), repeat(-1)), np.intp, len(items)
        )
        missing = np.flatnonzero(ids < 0).tolist()
        for i in missing:
            ids[i] = self._add(pick(items[i]))
        return ids

    def _add(self, group: tuple) -> int:
        hit = self.entry.get(id(group))
        if hit is not None:
            return hit
        js = [j for j in map(self.index.get, group) if j is not None]
        k = len(self.js)
        rows, width = self.table.shape
        if k >= rows or len(js) > width:
            grown = np.full((max(rows, 2 * k), max(width, len(js))), len(self.weights), np.intp)
            grown[:rows, :width] = self.table
            self.table = grown
            self.length = np.concatenate([self.length, np.zeros(len(grown) - rows, np.intp)])
        self.table[k, : len(js)] = js
        self.length[k] = len(js)
        self.entry[id(group)] = k
        self.groups.append(group)
        self.js.append(js)
        return k


_OFFSETS = (-2, -1, 1, 2)  # the token each neighbour slot reads, relative to its own
_OFFSET_ARRAY = np.array(_OFFSETS, dtype=np.intp)
_SLOT_ARRAY = np.arange(len(_OFFSETS), dtype=np.intp)


def _neighbour_entries(
    slots: _NeighbourSlots, word_slots: np.ndarray, bounds: list[tuple[int, int]], n: int
) -> list[np.ndarray]:
    """Per neighbour slot, every token's entry: the tags the word ``_OFFSETS`` away gives
    that slot, or the sentence-edge padding's (``_EDGE``) where that word is outside the
    sentence — what ``DocFeatures.parts`` lays out, as arrays. The tokens are laid out with
    two padding rows before, between and after the sentences, so each slot is one gather."""
    lens = np.fromiter((hi - lo for lo, hi in bounds), np.intp, len(bounds))
    at = np.arange(n, dtype=np.intp) + 2 * np.repeat(np.arange(1, len(bounds) + 1), lens)
    padded = np.empty((n + 2 * len(bounds) + 2, len(_OFFSETS)), dtype=np.intp)
    padded[:] = [slots.edge(k) for k in range(len(_OFFSETS))]
    padded[at] = word_slots
    gathered = padded[at[:, None] + _OFFSET_ARRAY, _SLOT_ARRAY]  # (n, slots)
    return list(gathered.T)


@dataclass(frozen=True, slots=True)
class _Compiled:
    """A document's features resolved to state scores, and what ``rows`` needs to give the
    feature rows behind any token range."""

    scores: np.ndarray  # (n_tokens, 3) state scores
    bounds: list[tuple[int, int]]  # token range of each sentence
    extras: list  # every token's other features (Parts[2]), in document order
    own: list[tuple]  # resolved own features per token (``Tagger._resolve``)
    neighbours: list[np.ndarray]  # neighbour slot entry (``_NeighbourSlots``) per slot, per token
    index: Callable[..., int | None]  # attribute name -> weight row
    slot_rows: list[list[int]]  # weight rows of each neighbour slot entry
    lead: tuple = ()  # features every token has before its ``extras`` (``DocFeatures``)
    memo: dict[tuple[int, int], tuple] = field(default_factory=dict)  # ``rows`` per range

    def rows(self, first: int, last: int) -> tuple[list[int], list[float], int]:
        """(weight rows, values) of every feature of tokens ``first``..``last``, token by
        token in the order ``compile`` adds them (own, neighbours, the others), and how many
        of them are ``first``'s. Kept per range: ``hit`` and ``explain`` read the same span."""
        key = (first, last)
        hit = self.memo.get(key)
        if hit is not None:
            return hit
        idx: list[int] = []
        val: list[float] = []
        n_first = 0
        for t in range(first, last + 1):
            r = self.own[t]
            idx += r[1]
            val += r[2]
            for column in self.neighbours:
                js = self.slot_rows[int(column[t])]
                idx += js
                val += [1.0] * len(js)
            for name, v in chain(self.lead, self.extras[t]):
                j = self.index(name)
                if j is not None:
                    idx.append(j)
                    val.append(v)
            if t == first:
                n_first = len(idx)
        out = self.memo[key] = (idx, val, n_first)
        return out


_BATCH = 256  # sentences per padded batch (sorted by length, so padding stays small)


def batched_marginals(
    scores: np.ndarray, bounds: list[tuple[int, int]], trans: np.ndarray
) -> np.ndarray:
    """Forward-backward marginals of a linear-chain CRF for every sentence at once: sentences
    are sorted by length and padded in batches, so the Python loop runs over positions, not
    tokens. Scaled in probability space (stable: scores are shifted per token)."""
    out = np.zeros_like(scores)
    if not len(scores):
        return out
    emit_all = np.exp(scores - scores.max(axis=1, keepdims=True))
    t = np.exp(trans)
    order = sorted(range(len(bounds)), key=lambda k: bounds[k][1] - bounds[k][0])
    for b0 in range(0, len(order), _BATCH):
        batch = [bounds[k] for k in order[b0 : b0 + _BATCH] if bounds[k][1] > bounds[k][0]]
        if not batch:
            continue
        lens = np.array([hi - lo for lo, hi in batch])
        width = int(lens.max())
        pos = np.arange(width)
        valid = pos[:, None] < lens[None, :]  # (W, S)
        src = np.array([lo for lo, _ in batch])[None, :] + np.minimum(
            pos[:, None], lens[None, :] - 1
        )
        emit = emit_all[src]  # (W, S, 3), position-major
        # The batch is sorted by length: the sentences ending at position i are one slice.
        last = np.searchsorted(lens, np.arange(1, width + 1), side="left").tolist()
        # One sentence is a row vector, which matmul multiplies with another BLAS routine
        # (gemv), whose sums depend on the matrix's layout: it keeps the plain passes.
        alpha, beta = (_paired_passes if len(batch) > 1 else _plain_passes)(emit, last, t)
        m = alpha * beta
        m /= m.sum(axis=2, keepdims=True)
        out[src[valid]] = m[valid]
    return out


def _plain_passes(emit: np.ndarray, last: list[int], t: np.ndarray) -> tuple:
    """(alpha, beta), each (W, S, 3): the forward pass, then the backward pass. Past a
    sentence's end alpha and beta hold finite filler that no kept position reads (its last
    token's beta is reset to 1), so no step needs a mask."""
    matmul, multiply, divide, total = np.matmul, np.multiply, np.divide, np.add.reduce
    width = len(emit)
    alpha = np.empty_like(emit)
    beta = np.ones_like(emit)
    sums = np.empty((emit.shape[1], 1))
    scratch = np.empty(emit.shape[1:])
    emits, alphas, betas = list(emit), list(alpha), list(beta)
    a = emits[0]
    divide(a, total(a, axis=1, keepdims=True), out=alphas[0])
    for i in range(1, width):
        a = alphas[i]
        matmul(alphas[i - 1], t, out=a)
        multiply(a, emits[i], out=a)
        divide(a, total(a, axis=1, keepdims=True, out=sums), out=a)
    tt = t.T
    for i in range(width - 2, -1, -1):
        b = betas[i]
        matmul(multiply(emits[i + 1], betas[i + 1], out=scratch), tt, out=b)
        divide(b, total(b, axis=1, keepdims=True, out=sums), out=b)
        if last[i] < last[i + 1]:  # sentences of length i + 1: their last token
            b[last[i] : last[i + 1]] = 1.0
    return alpha, beta


def _paired_passes(emit: np.ndarray, last: list[int], t: np.ndarray) -> tuple:
    """``_plain_passes`` with the two passes in the same steps: a numpy call costs
    microseconds here and each step makes a few, so step k holds alpha at position k and beta
    at position W - 1 - k side by side, one contiguous block, and is five numpy calls on it
    (in place). Value for value the arithmetic of the plain passes: a factor of exactly 1.0
    stands in where only one pass multiplies, and matmul of a (2, S, 3) stack is the
    (S, 3) @ (3, 3) matrix products one after the other."""
    matmul, multiply, divide, total = np.matmul, np.multiply, np.divide, np.add.reduce
    width, n = len(emit), emit.shape[1]
    both = np.stack([t, t.T])  # forward: alpha @ t; backward: (emit * beta) @ t.T
    # steps[k] = (alpha at k, beta at W - 1 - k); after[k] multiplies step k's product
    # (emission k for alpha, 1 for beta), before[k] step k's values on their way into step
    # k + 1 (1 for alpha, emission W - 1 - k for beta).
    steps = np.empty((width, 2, n, 3))
    after = np.ones_like(steps)
    after[:, 0] = emit
    before = np.ones_like(steps)
    before[:, 1] = emit[::-1]
    a = emit[0]
    divide(a, total(a, axis=1, keepdims=True), out=steps[0, 0])
    steps[0, 1] = 1.0
    sums = np.empty((2, n, 1))
    scratch = np.empty((2, n, 3))
    steps_, after_, before_ = list(steps), list(after), list(before)
    for k in range(1, width):
        step = steps_[k]
        matmul(multiply(steps_[k - 1], before_[k - 1], out=scratch), both, out=step)
        multiply(step, after_[k], out=step)
        divide(step, total(step, axis=2, keepdims=True, out=sums), out=step)
        i = width - 1 - k  # the backward pass's position
        if last[i] < last[i + 1]:  # sentences of length i + 1: their last token
            step[1, last[i] : last[i + 1]] = 1.0
    return steps[:, 0], steps[::-1, 1]


def forward_backward(scores: np.ndarray, trans: np.ndarray) -> np.ndarray:
    """Marginals of one sequence (reference implementation of ``batched_marginals``)."""
    n, labels = scores.shape
    if n == 0:
        return np.zeros((0, labels))
    emit = np.exp(scores - scores.max(axis=1, keepdims=True))
    t = np.exp(trans)
    alpha = np.empty((n, labels))
    beta = np.empty((n, labels))
    a = emit[0]
    alpha[0] = a / a.sum()
    for i in range(1, n):
        a = (alpha[i - 1] @ t) * emit[i]
        alpha[i] = a / a.sum()
    beta[n - 1] = 1.0
    for i in range(n - 2, -1, -1):
        b = t @ (emit[i + 1] * beta[i + 1])
        beta[i] = b / b.sum()
    m = alpha * beta
    return m / m.sum(axis=1, keepdims=True)


# --- bytes ----------------------------------------------------------------------------
def dumps(tagger: Tagger) -> bytes:
    """Deterministic bytes (same tagger, same bytes, same sha256)."""
    arrays = {
        "state": np.asarray(tagger.state, dtype="<f4"),
        "transitions": np.asarray(tagger.transitions, dtype="<f8"),
        "cat_coef": np.asarray(tagger.cat_coef, dtype="<f4"),
        "cat_bias": np.asarray(tagger.cat_bias, dtype="<f8"),
    }
    header: dict = {
        "format": 1,
        "labels": list(LABELS),
        "attrs": list(tagger.attrs),
        "calibration": {
            "a": float(tagger.calib_a),
            "b": float(tagger.calib_b),
            "support": float(tagger.calib_s),
            "legacy_a": float(tagger.legacy_a),
            "extra": {k: float(v) for k, v in sorted(tagger.calib_x.items())},
            "legacy_b": float(tagger.legacy_b),
        },
        "extract": float(tagger.extract),
        "trim": float(tagger.trim),
        "points": tagger.points,
        "categories": list(tagger.categories),
        "cat_attrs": list(tagger.cat_attrs),
        "default_category": tagger.default_category,
        "meta": tagger.meta,
    }
    return pack(MAGIC, header, arrays)


def loads(data: bytes) -> Tagger:
    try:
        header, arrays = unpack(data, MAGIC, "tagger")
    except BlobFormatError as exc:
        raise TaggerFormatError(str(exc)) from exc
    try:
        if tuple(header["labels"]) != LABELS:
            raise TaggerFormatError("tagger has a different label set")
        return Tagger(
            attrs=header["attrs"],
            state=arrays["state"].astype(np.float64),
            transitions=arrays["transitions"].copy(),
            calib_a=header["calibration"]["a"],
            calib_b=header["calibration"]["b"],
            calib_s=header["calibration"].get("support", 0.0),
            calib_x=dict(header["calibration"].get("extra") or {}),
            legacy_a=header["calibration"].get("legacy_a", 0.0),
            legacy_b=header["calibration"].get("legacy_b", 0.0),
            extract=header["extract"],
            trim=float(header.get("trim", 0.0)),
            points=header["points"],
            categories=header["categories"],
            cat_attrs=header["cat_attrs"],
            cat_coef=arrays["cat_coef"].astype(np.float64),
            cat_bias=arrays["cat_bias"].copy(),
            default_category=header["default_category"],
            meta=header.get("meta") or {},
            sha256=hashlib.sha256(data).hexdigest(),
        )
    except (ValueError, KeyError, UnicodeDecodeError) as exc:
        raise TaggerFormatError(f"corrupt tagger: {exc}") from exc


def load_tagger(source: bytes | str | Path) -> Tagger:
    data = source if isinstance(source, (bytes, bytearray)) else Path(source).read_bytes()
    return loads(bytes(data))


@cache
def default_tagger() -> Tagger | None:
    """The packaged English tagger (None if it has not been built)."""
    if not DEFAULT_TAGGER_PATH.exists():
        return None
    return load_tagger(DEFAULT_TAGGER_PATH)
