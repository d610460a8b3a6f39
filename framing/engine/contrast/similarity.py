"""Calibrated sentence similarity for aligned facts: the probability that two sentences report
the same fact, from a small logistic model over several similarity features.

Features of a pair (all computed for whole blocks of sentences at once, as sparse products):
word TF-IDF cosine, character 4-gram TF-IDF cosine (3–5-grams cost four times as much for about
the same scores), shared numbers ("2,400" = "2400", "three hundred" = "300"; a number is shared
only as the same kind of quantity, see ``quantities``), clashing numbers, shared names
(capitalised words not opening the sentence, or opening it when the event names the word
elsewhere), shared word trigrams (a quotation
carried by both), whether the two are each other's best match, the gap in relative position,
how far the pair's word cosine falls short of the best cosine either sentence has with any
sentence of the other article (a sentence is far more likely to report the fact its best match
reports), the best cosine between a clause of one and a clause of the other (a sentence that
carries two facts meets a one-fact sentence through the clause they share), the cosine without
names and numbers (a match carried only by "Tessel" and "2019" is not one of content), the
gap in length, and evidence *against* one fact: only one of the two denies ("Police did not
say …"), both name people or places but none in common (a different actor), the share of
their numbers the other lacks ("23 arrested and 14 hurt" / "30 protesters treated"), and how
much of the pair is quotation (a short quote shares its words with any paraphrase of it). Two
shapes let the model bend: the clause cosine squared, and the clause cosine of a mutual best
pair (being each other's best match means little when the best is poor). And how much of each
sentence the other carries (IDF-weighted share of its words), the lesser and the greater: a
sentence that carries half of a two-fact sentence covers it by half.

The weights live in ``data/alignment_model.json``; ``framing/eval/train_alignment.py``
refits them on the gold alignments of the first demo event and eight development events and
picks the two operating points ("reported", "possibly") on them; the second demo event is held
out to test them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from .alignment import _stem
from .attribution_frame import SPEECH_WORDS, without_attribution
from .quantities import number_kinds, single_count
from .vocabulary import STOP_WORDS, terms

MODEL_FILE = Path(__file__).resolve().parents[1] / "data" / "alignment_model.json"
FEATURES = (
    "word_cosine",
    "char_cosine",
    "shared_numbers",
    "number_clash",
    "shared_names",
    "shared_trigrams",
    "position_gap",
    "shortfall",
    "mutual_best",
    "clause_cosine",
    "content_cosine",
    "length_ratio",
    "negation_mismatch",
    "name_clash",
    "numbers_unmatched",
    "quoted",
    "mutual_clause",
    "clause_squared",
    "coverage_min",
    "coverage_max",
)
_NAME = re.compile(r"(?<=[a-z,;:’'\"“”]\s)[A-Z][\w’'-]+|(?<=[a-z]\s)[A-Z][\w’'-]+")
_WORD = re.compile(r"\w+")
# Words that deny what the sentence says ("Police did not say how many …"): a pair where only
# one side denies is rarely one fact.
_NEGATION = re.compile(
    r"\b(?:not|no|never|nobody|none|nothing|neither|nor|without|denied|denies|deny)\b|n[’']t\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]?")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
# Two sentences with word and character cosines both at least this high, and no count, name
# or denial that differs, are one report of one fact whatever the fitted weights say.
NEAR_IDENTICAL = 0.9
# Where one fact of a sentence ends and the next begins: semicolons, colons, dashes, quotation
# marks, a comma before a conjunction, relative word or participle ("…, killing two people"),
# "while"/"whereas", and "and" before a verb whose subject is not a name ("trains are halted
# and power is off", not "between Brannock and Tessel were").
_CLAUSE_BREAK = re.compile(
    r"\s*[;:—–“”\"]\s*"
    r"|,\s+(?=(?:and|but|while|whereas|as|after|when|though|although|whose|which|where|who|"
    r"prompting|killing|forcing|leaving|saying|adding)\b)"
    r"|,\s+(?=\w+ing\b)"
    r"|\s+(?=(?:while|whereas)\b)"
    r"|\s+and\s+(?=(?:[a-z0-9][\w,]*\s+){0,2}(?:is|are|was|were|has|have|had|will|would|\w+ed)\b)"
)


def _quoted_share(sentence: str) -> float:
    """The share of the sentence's characters inside quotation marks."""
    inside = sum(len(m.group()) for m in _QUOTED.finditer(sentence))
    return inside / max(len(sentence), 1)


@lru_cache(maxsize=16384)
def _normalised(sentence: str) -> tuple[str, ...]:
    """The sentence's words in order, lower case, without punctuation, quotation marks or
    thousands separators: two outlets' copies of one sentence read the same here."""
    return tuple(_WORD.findall(_THOUSANDS.sub("", sentence.lower())))


def clauses(sentence: str) -> list[str]:
    """The sentence and, when it has several, its clauses (each of at least three words): a
    sentence carrying two facts is compared with another clause by clause."""
    parts = [p for p in _CLAUSE_BREAK.split(sentence) if len(_WORD.findall(p)) >= 3]
    return [sentence, *parts] if len(parts) > 1 else [sentence]


# Verbs of saying are left out of the words compared: they say who speaks, not what happened,
# and two statements of one speaker share them whatever they report.
_IGNORED = STOP_WORDS | SPEECH_WORDS


@lru_cache(maxsize=16384)  # each sentence is read by several features and again per request
def _tokens(sentence: str) -> tuple[str, ...]:
    """``alignment_tokens`` without verbs of saying."""
    return tuple(_stem(w) for w in terms(sentence, (1, 1), _IGNORED))


def content_tokens(sentence: str, known: frozenset[str] = frozenset()) -> list[str]:
    """``alignment_tokens`` without numbers and names: what is left says what happened, so a
    pair matched only by "Tessel", "2019" and "Saturday" scores low here."""
    names = {_stem(n) for n in _names(sentence, known)}
    return [t for t in _tokens(sentence) if t not in names and not t[:1].isdigit()]


_FIRST_WORD = re.compile(r"^\W*([A-Z][\w’'-]*)")


@lru_cache(maxsize=16384)
def _inner_names(sentence: str) -> tuple[str, ...]:
    return tuple(n.lower().removesuffix("’s").removesuffix("'s") for n in _NAME.findall(sentence))


def _names(sentence: str, known: frozenset[str] = frozenset()) -> list[str]:
    """Capitalised words not opening the sentence, and the opening word when the event names it
    elsewhere (``known``: "Osk was a ghost town" names Osk if another sentence has "in Osk")."""
    found = list(_inner_names(sentence))
    first = _FIRST_WORD.match(sentence)
    if first and known:
        word = first.group(1).lower().removesuffix("’s").removesuffix("'s")
        if word in known:
            found.append(word)
    return found


def _event_names(sentences: Sequence[str]) -> frozenset[str]:
    """Words the event's sentences write capitalised inside a sentence and never in lower case."""
    capitalised = {n for s in sentences for n in _names(s)}
    lower = {w for s in sentences for w in _WORD.findall(s) if w.islower()}
    return frozenset(capitalised - lower)


def _trigrams(sentence: str) -> list[str]:
    words = _WORD.findall(sentence.lower())
    return [" ".join(words[k : k + 3]) for k in range(len(words) - 2)]


def _binary(analyzer, sentences: Sequence[str]):
    try:
        return CountVectorizer(analyzer=analyzer, binary=True).fit_transform(sentences)
    except ValueError:  # nothing to count anywhere
        return sparse.csr_matrix((len(sentences), 1))


def _tfidf_with(sentences: Sequence[str], parts: Sequence[str]):
    """Word TF-IDF of the sentences, of ``parts`` with the sentences' weights, and the IDF."""
    vectorizer = TfidfVectorizer(analyzer=_tokens, lowercase=False, sublinear_tf=True)
    try:
        return vectorizer.fit_transform(sentences), vectorizer.transform(parts), vectorizer.idf_
    except ValueError:  # nothing to weigh anywhere
        empty = sparse.csr_matrix
        return empty((len(sentences), 1)), empty((len(parts), 1)), np.zeros(1)


def _tfidf(sentences: Sequence[str], **options):
    try:
        return TfidfVectorizer(sublinear_tf=True, **options).fit_transform(sentences)
    except ValueError:
        return sparse.csr_matrix((len(sentences), 1))


class PairFeatures:
    """Feature blocks for every pair of sentences from two articles of one event."""

    def __init__(self, articles: Sequence[Sequence[str]]) -> None:
        flat = [s for article in articles for s in article]
        self.offsets = np.cumsum([0, *(len(a) for a in articles)])
        self.sizes = [len(a) for a in articles]
        # Clauses of every sentence, contiguous per sentence (``clause_starts`` indexes them),
        # weighted with the sentences' own IDF so a clause is not rare just for being short.
        split = [clauses(s) for s in flat]
        self.clause_starts = np.cumsum([0, *(len(c) for c in split)])
        self.words, self.clauses, idf = _tfidf_with(flat, [c for cs in split for c in cs])
        # A sentence-opening word is a name when the event names it elsewhere ("Osk was a ghost
        # town" / "In Osk itself, …").
        known = _event_names(flat)
        self.content = _tfidf(flat, analyzer=lambda s: content_tokens(s, known), lowercase=False)
        # Which words each sentence has, and their IDF weights, for how much of one sentence the
        # other carries (``_coverage``).
        self.cover_words = (self.words > 0).astype(float)
        self.cover = (self.cover_words @ sparse.diags(idf)).tocsr()
        self.cover_total = np.asarray(self.cover.sum(axis=1)).ravel()
        self.chars = _tfidf(flat, analyzer="char_wb", ngram_range=(4, 4))
        self.numbers = _binary(number_kinds, flat)
        # Names outside the attribution frame: a speaker named in both ("…, Solheim said") is
        # not evidence of one fact.
        self.names = _binary(lambda s: _names(without_attribution(s), known), flat)
        self.trigrams = _binary(_trigrams, flat)
        self.n_numbers = np.asarray(self.numbers.sum(axis=1)).ravel()
        self.n_names = np.asarray(self.names.sum(axis=1)).ravel()
        self.n_trigrams = np.asarray(self.trigrams.sum(axis=1)).ravel()
        self.n_tokens = np.log1p([len(_tokens(s)) for s in flat])
        self.negated = np.array([bool(_NEGATION.search(s)) for s in flat], dtype=float)
        self.quoted = np.array([_quoted_share(s) for s in flat])
        # A sentence that counts exactly one thing: its unit and number (else "" and "").
        single = [single_count(s) for s in flat]
        self.count_unit = np.array([u for u, _ in single], dtype=object)
        self.count_number = np.array([n for _, n in single], dtype=object)
        # One id per wording (``_normalised``), -1 for a sentence with no content words ("“No.”"
        # in two articles says nothing about one fact).
        ids: dict[tuple[str, ...], int] = {}
        self.wording = np.array(
            [ids.setdefault(_normalised(s), len(ids)) if _tokens(s) else -1 for s in flat]
        )

    def _block(self, a: int) -> slice:
        return slice(self.offsets[a], self.offsets[a + 1])

    def pair(self, a: int, b: int) -> np.ndarray:
        """Features of every (sentence of a, sentence of b): shape (n_a, n_b, len(FEATURES))."""
        ra, rb = self._block(a), self._block(b)

        def dot(m):
            return np.asarray((m[ra] @ m[rb].T).todense(), dtype=float)

        word = dot(self.words)
        shared_numbers = dot(self.numbers)
        numbers_a, numbers_b = self.n_numbers[ra][:, None], self.n_numbers[rb][None]
        clash = ((numbers_a > 0) & (numbers_b > 0) & (shared_numbers == 0)).astype(float)
        names_a, names_b = self.n_names[ra][:, None], self.n_names[rb][None]
        shared_names = dot(self.names)
        name_clash = ((names_a > 0) & (names_b > 0) & (shared_names == 0)).astype(float)
        both_numbers = numbers_a + numbers_b
        unmatched = np.where(
            (numbers_a > 0) & (numbers_b > 0),
            (both_numbers - 2 * shared_numbers) / np.maximum(both_numbers, 1),
            0.0,
        )
        names = shared_names / np.maximum(
            1, np.minimum(self.n_names[ra][:, None], self.n_names[rb][None])
        )
        trigrams = dot(self.trigrams) / np.maximum(
            1, np.minimum(self.n_trigrams[ra][:, None], self.n_trigrams[rb][None])
        )
        pos_a = (np.arange(self.sizes[a]) + 0.5) / max(self.sizes[a], 1)
        pos_b = (np.arange(self.sizes[b]) + 0.5) / max(self.sizes[b], 1)
        gap = np.abs(pos_a[:, None] - pos_b[None])
        best = np.maximum(word.max(axis=1, initial=0)[:, None], word.max(axis=0, initial=0)[None])
        shortfall = best - word
        chars = dot(self.chars)
        content = dot(self.content)
        clause = np.maximum(self._clause_best(ra, rb), word)
        both = word + chars
        mutual = (
            (both == both.max(axis=1, initial=0)[:, None])
            & (both == both.max(axis=0, initial=0)[None])
            & (both > 0)
        ).astype(float)
        return np.stack(
            [
                word,
                chars,
                np.minimum(shared_numbers, 3.0),
                clash,
                names,
                trigrams,
                gap,
                shortfall,
                mutual,
                clause,
                content,
                np.abs(self.n_tokens[ra][:, None] - self.n_tokens[rb][None]),
                np.abs(self.negated[ra][:, None] - self.negated[rb][None]),
                name_clash,
                unmatched,
                np.maximum(self.quoted[ra][:, None], self.quoted[rb][None]),
                mutual * clause,
                clause**2,
                *self._coverage(ra, rb),
            ],
            axis=-1,
        )

    def _coverage(self, ra: slice, rb: slice) -> list[np.ndarray]:
        """How much of each sentence the other carries (the IDF-weighted share of its words
        found in the other), as the lesser and the greater of the two: a sentence that carries
        only half of a two-fact sentence covers it by half, however well the half matches."""
        found_ab = np.asarray((self.cover[ra] @ self.cover_words[rb].T).todense(), dtype=float)
        found_ba = np.asarray((self.cover_words[ra] @ self.cover[rb].T).todense(), dtype=float)
        of_a = found_ab / np.maximum(self.cover_total[ra][:, None], 1e-9)
        of_b = found_ba / np.maximum(self.cover_total[rb][None], 1e-9)
        return [np.minimum(of_a, of_b), np.maximum(of_a, of_b)]

    def contradicted(self, a: int, b: int) -> np.ndarray:
        """Pairs that each count one thing, the same thing, with different numbers ("Police said
        23 people were arrested" / "Police said 41 people were arrested"): shape (n_a, n_b)."""
        ra, rb = self._block(a), self._block(b)
        unit_a, unit_b = self.count_unit[ra][:, None], self.count_unit[rb][None]
        number_a, number_b = self.count_number[ra][:, None], self.count_number[rb][None]
        return (unit_a != "") & (unit_a == unit_b) & (number_a != number_b)

    def near_identical(self, a: int, b: int, block: np.ndarray) -> np.ndarray:
        """Pairs that are one sentence: the same words in the same order (case, punctuation and
        quotation marks aside), or word and character cosines both at least NEAR_IDENTICAL with
        no clashing or unmatched number, no name clash and no denial on one side only. ``block``
        is ``pair(a, b)``; shape (n_a, n_b)."""
        ra, rb = self._block(a), self._block(b)
        wording_a, wording_b = self.wording[ra][:, None], self.wording[rb][None]
        same = (wording_a == wording_b) & (wording_a >= 0)

        def f(name: str) -> np.ndarray:
            return block[..., FEATURES.index(name)]

        alike = (f("word_cosine") >= NEAR_IDENTICAL) & (f("char_cosine") >= NEAR_IDENTICAL)
        against = ("number_clash", "numbers_unmatched", "name_clash", "negation_mismatch")
        return same | (alike & np.all([f(n) == 0 for n in against], axis=0))

    def _clause_best(self, ra: slice, rb: slice) -> np.ndarray:
        """Per sentence pair, the best cosine between a clause of one and a clause of the other."""
        ca = slice(self.clause_starts[ra.start], self.clause_starts[ra.stop])
        cb = slice(self.clause_starts[rb.start], self.clause_starts[rb.stop])
        if ra.start == ra.stop or rb.start == rb.stop:
            return np.zeros((ra.stop - ra.start, rb.stop - rb.start))
        full = np.asarray((self.clauses[ca] @ self.clauses[cb].T).todense(), dtype=float)
        rows = np.maximum.reduceat(full, self.clause_starts[ra] - ca.start, axis=0)
        return np.maximum.reduceat(rows, self.clause_starts[rb] - cb.start, axis=1)


@cache
def model() -> dict:
    """Weights, intercept and operating points of the fitted model."""
    return json.loads(MODEL_FILE.read_text(encoding="utf-8"))


def probability(features: np.ndarray, weights: dict | None = None) -> np.ndarray:
    """Logistic probability that each pair reports the same fact."""
    fitted = weights or model()
    w = np.array([fitted["weights"][f] for f in FEATURES])
    z = features @ w + fitted["intercept"]
    return 1.0 / (1.0 + np.exp(-z))


class ProbabilitySimilarity:
    """Pair probabilities between whole articles, computed once per article pair; the
    interface ``align_many``'s pivot step expects of a similarity."""

    def __init__(self, articles: Sequence[Sequence[str]], weights: dict | None = None) -> None:
        self.features = PairFeatures(articles)
        self.weights = weights
        self.usable = bool(self.features.offsets[-1])
        self.blocks = [None] * len(articles)
        self.cache: dict[tuple[int, int], np.ndarray] = {}

    def __call__(self, a: int, b: int) -> np.ndarray:
        if (a, b) not in self.cache:
            if (b, a) in self.cache:
                self.cache[(a, b)] = self.cache[(b, a)].T
            else:
                block = self.features.pair(a, b)
                reported = (self.weights or model())["reported"]
                found = passing_leads(probability(block, self.weights), reported)
                # Two outlets' copies of one sentence are one report, whatever the weights of a
                # refit make of them (a short quotation, far apart in the two articles).
                found = np.where(
                    self.features.near_identical(a, b, block), np.maximum(found, reported), found
                )
                # A contradiction the model cannot learn from a few events (it rarely meets two
                # near-identical sentences with different counts) keeps a pair below "reported":
                # still shown as possibly the same fact, never confirmed or cited.
                cap = reported - 0.01
                contradicted = self.features.contradicted(a, b)
                self.cache[(a, b)] = np.where(contradicted, np.minimum(found, cap), found)
        return self.cache[(a, b)]


def passing_leads(found: np.ndarray, reported: float) -> np.ndarray:
    """``found`` (probabilities between the sentences of two articles) with a lead's link kept
    below ``reported`` when the other sentence has a better partner in the lead's article.

    A first sentence names the story's facts in passing and its article reports them more
    fully later; the other outlet's sentence matching a later sentence better is the sign that
    the lead's match is the passing one (shown as possibly the same fact, never confirmed).
    Elsewhere a better partner means a two-fact sentence, whose two links are both right."""
    capped = found.copy()
    if found.shape[0] > 1:
        passing = found[1:].max(axis=0) > found[0]
        capped[0] = np.where(passing, np.minimum(found[0], reported - 0.01), found[0])
    if found.shape[1] > 1:
        passing = found[:, 1:].max(axis=1) > found[:, 0]
        capped[:, 0] = np.where(passing, np.minimum(capped[:, 0], reported - 0.01), capped[:, 0])
    return capped


def operating_points() -> tuple[float, float]:
    """(possibly, reported): the probabilities from which a link is a candidate and from which
    it is taken as the same fact."""
    fitted = model()
    return float(fitted["possible"]), float(fitted["reported"])
