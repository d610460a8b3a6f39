"""Sentence- and article-level frame probabilities from a linear multi-label model.

Sentences are scored by one calibrated linear model per frame over stemmed words and word
pairs (TF-IDF weights and the cue lexicon are folded into the coefficients at training time).
The article's frames come from a second small calibrated model per frame that reads how
strongly and how often the sentences carry the frame, and each frame has its own decision
threshold chosen by cross-validation, so the size of the label set follows the evidence.

The models are trained with scikit-learn (see ``frame_training.py``) but scored here with
numpy only: importing scikit-learn costs about a second, which would blow the load budget.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from itertools import pairwise, repeat

import numpy as np

from .text import Tokens, wordlist
from .types import FrameScore

STOPWORDS = frozenset(
    wordlist(
        "a an the and or but if of at by for with about against between into through during "
        "before after above below to from up down in out on off over under again further then "
        "once here there when where why how all any both each few more most other some such "
        "no nor not only own same so than too very can will just should now is are was were "
        "be been being have has had having do does did doing i me my we our you your he him "
        "his she her it its they them their what which who whom this that these those am "
        "would could also said says say its it's as than one two new last first year years "
        "week month day monday tuesday wednesday thursday friday saturday sunday per cent s t"
    )
)
TOP_CUES = 5
_SURFACE_CAP = 200_000  # bound on remembered surface forms (memory stays small)
ARTICLE_TOP_FRACTION = 0.2  # models without an article layer: mean over the top fifth
ARTICLE_FEATURES = 4  # see article_features()
EVIDENCE_MIN = 0.2  # an article frame needs one sentence with at least this probability
ARTICLE_MIN_SENTENCES = 5  # the length feature reads shorter texts as this long
DOMINANT_MIN = 0.3  # a sentence's strongest frame counts as its dominant one from here
_UNKNOWN = -3  # feature id of a usable word the model has never seen (-1: not a feature)


@dataclass(frozen=True, slots=True)
class LinearMultiLabel:
    """One-vs-rest logistic model with Platt calibration, scored with numpy."""

    labels: tuple[str, ...]
    words: tuple[str, ...]  # feature names; index i is row i of coef
    vocab: dict[str, int]
    coef: np.ndarray  # (n_features, n_labels) float32
    intercept: np.ndarray  # (n_labels,)
    calib_a: np.ndarray  # (n_labels,) Platt slope applied to the decision value
    calib_b: np.ndarray  # (n_labels,) Platt offset
    surface: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    # Word pairs: sorted keys first_id * n_words + second_id, and the coef row of each.
    pair_keys: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64), repr=False)
    pair_rows: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64), repr=False)
    # Article layer (None in models trained before it existed: top-fifth mean, 0.5 cut).
    article_coef: np.ndarray | None = None  # (n_labels, ARTICLE_FEATURES)
    article_intercept: np.ndarray | None = None  # (n_labels,)
    threshold: np.ndarray | None = None  # (n_labels,) decision threshold per frame
    # Sums are scaled by 1/sqrt(max(known words, min_length)): a two-word sentence is not
    # allowed to be as sure of its frame as a full one (1 in models saved before this).
    min_length: int = 1

    @classmethod
    def create(
        cls,
        labels,
        words,
        coef,
        intercept,
        calib_a,
        calib_b,
        *,
        share: LinearMultiLabel | None = None,
        article_coef=None,
        article_intercept=None,
        threshold=None,
        min_length: int = 1,
    ) -> LinearMultiLabel:
        """Build from arrays (the vocabulary index is derived from ``words``, where a name
        with a space is a word pair; ``share`` reuses another model's index when the
        vocabularies are equal, so tokens are looked up once)."""
        words = tuple(words)
        if share is not None and share.words == words:
            words, vocab, surface = share.words, share.vocab, share.surface
            pair_keys, pair_rows = share.pair_keys, share.pair_rows
        else:
            vocab, surface = {w: i for i, w in enumerate(words)}, {}
            pair_keys, pair_rows = _pair_index(words, vocab)

        def opt(a, dtype):
            return None if a is None else np.asarray(a, dtype=dtype)

        return cls(
            tuple(labels),
            words,
            vocab,
            np.asarray(coef, dtype=np.float32),
            np.asarray(intercept, dtype=np.float64),
            np.asarray(calib_a, dtype=np.float64),
            np.asarray(calib_b, dtype=np.float64),
            surface,
            pair_keys,
            pair_rows,
            opt(article_coef, np.float64),
            opt(article_intercept, np.float64),
            opt(threshold, np.float64),
            int(min_length),
        )

    @property
    def has_article_layer(self) -> bool:
        return self.article_coef is not None

    def feature_ids(self, words: list[str]) -> np.ndarray:
        """Vocabulary index per token (-1 for a stopword, -3 for an unknown word)."""
        surface = self.surface
        if not surface:
            self._fill_surface()
        ids = np.fromiter(map(surface.get, words, repeat(-2)), np.int64, len(words))
        new = np.flatnonzero(ids == -2).tolist()
        if new:  # words never seen before: stem once and remember the answer
            vocab = self.vocab
            for i in new:
                w = words[i]
                ids[i] = got = surface.get(w, -2)  # a word may repeat among the new ones
                if got == -2:
                    ids[i] = got = vocab.get(stem(w), _UNKNOWN) if usable(w) else -1
                    if len(surface) < _SURFACE_CAP:
                        surface[w] = got
        return ids

    def _fill_surface(self) -> None:
        """Precompute surface word -> feature id for common words (one dict lookup per token
        at scoring time instead of a stem() call)."""
        from .scorer import rarity_table

        vocab, surface = self.vocab, self.surface
        for w in (*rarity_table("en"), *vocab):
            if usable(w):
                surface[w] = vocab.get(stem(w), _UNKNOWN)
            else:
                surface[w] = -1

    def decision(self, ids: np.ndarray, rows: np.ndarray, n_rows: int) -> np.ndarray:
        """Decision values (n_rows, n_labels) for token feature ids grouped into rows."""
        sums, counts = self.row_sums(ids, rows, n_rows)
        return sums / np.sqrt(np.maximum(counts, self.min_length))[:, None] + self.intercept

    def row_sums(
        self, ids: np.ndarray, rows: np.ndarray, n_rows: int
    ) -> tuple[np.ndarray, np.ndarray]:
        """Unscaled coefficient sums (n_rows, n_labels) of the words and word pairs of each
        row, and the number of known words per row (the length the sums are scaled by)."""
        if rows.size > 1 and (np.diff(rows) < 0).any():
            order = np.argsort(rows, kind="stable")
            rows, ids = rows[order], ids[order]
        sums = np.zeros((n_rows, len(self.labels)), dtype=np.float64)
        counts = np.zeros(n_rows, dtype=np.int64)
        keep = ids >= 0
        known, known_rows = ids[keep], rows[keep]
        if known.size:
            # Rows are contiguous (tokens come in text order), so one reduceat sums each row.
            first = np.flatnonzero(np.r_[True, known_rows[1:] != known_rows[:-1]])
            present = known_rows[first]
            counts[present] = np.diff(np.r_[first, known_rows.size])
            sums[present] = np.add.reduceat(self.coef[known], first, axis=0)
        if self.pair_keys.size:
            # Pairs of neighbouring content words (stopwords skipped) in the same row.
            content = ids != -1
            c_ids, c_rows = ids[content], rows[content]
            same = (c_rows[1:] == c_rows[:-1]) & (c_ids[1:] >= 0) & (c_ids[:-1] >= 0)
            if same.any():
                keys = c_ids[:-1][same] * len(self.words) + c_ids[1:][same]
                at = np.searchsorted(self.pair_keys, keys)
                at[at >= self.pair_keys.size] = 0
                hit = self.pair_keys[at] == keys
                if hit.any():
                    np.add.at(sums, c_rows[:-1][same][hit], self.coef[self.pair_rows[at[hit]]])
        return sums, counts

    def probabilities(self, decision: np.ndarray) -> np.ndarray:
        z = decision * self.calib_a + self.calib_b
        return (1.0 / (1.0 + np.exp(-z))).astype(np.float32)

    def article_probabilities(self, sentence_probs: np.ndarray) -> np.ndarray:
        """Article probability per frame from its sentences' probabilities (n, n_labels)."""
        if not self.has_article_layer:
            k = max(1, math.ceil(ARTICLE_TOP_FRACTION * len(sentence_probs)))
            return -np.sort(-sentence_probs, axis=0)[:k].mean(axis=0)
        feats = article_features(sentence_probs, codebook_segments(self.labels))
        z = (feats * self.article_coef).sum(axis=1) + self.article_intercept
        return 1.0 / (1.0 + np.exp(-z))

    def thresholds(self) -> np.ndarray:
        if self.threshold is None:
            return np.full(len(self.labels), 0.5)
        return self.threshold

    def predict_texts(self, token_lists: list[list[str]]) -> np.ndarray:
        """Probabilities for pre-tokenised texts (one row each); used in training and tests."""
        ids = [self.feature_ids(t) for t in token_lists]
        rows = np.concatenate(
            [np.full(len(x), i, dtype=np.int64) for i, x in enumerate(ids)]
            or [np.zeros(0, np.int64)]
        )
        flat = np.concatenate(ids or [np.zeros(0, np.int64)])
        return self.probabilities(self.decision(flat, rows, len(token_lists)))


def _pair_index(words: tuple[str, ...], vocab: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """Sorted lookup keys of the word pairs among ``words`` and their coef rows."""
    keys, rows = [], []
    n = len(words)
    for i, w in enumerate(words):
        if " " in w:
            a, b = w.split(" ", 1)
            if a in vocab and b in vocab:
                keys.append(vocab[a] * n + vocab[b])
                rows.append(i)
    if not keys:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    keys_a, rows_a = np.array(keys, dtype=np.int64), np.array(rows, dtype=np.int64)
    order = np.argsort(keys_a, kind="stable")
    return keys_a[order], rows_a[order]


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-4, 1 - 1e-4)
    return np.log(p / (1 - p))


def article_features(sentence_probs: np.ndarray, segments: list[slice] | None = None) -> np.ndarray:
    """(n_labels, ARTICLE_FEATURES) evidence for each frame in one article: how strongly its
    two strongest sentences carry the frame, how many sentences carry it (expected count),
    the share of sentences where it is the strongest frame of its codebook (``segments``: the
    columns of each codebook in a combined model), and the article's length, so that a long
    text needs more than one stray sentence. Shared by training and scoring."""
    n_labels = sentence_probs.shape[1]
    n = len(sentence_probs)
    if not n:
        return np.zeros((n_labels, ARTICLE_FEATURES))
    p = sentence_probs.astype(np.float64)
    top2 = -np.sort(-p, axis=0)[:2].mean(axis=0)
    share = np.zeros(n_labels)
    for seg in segments or [slice(0, n_labels)]:
        block = p[:, seg]
        best = block.argmax(axis=1)
        strong = block[np.arange(n), best] >= DOMINANT_MIN
        share[seg] = np.bincount(best[strong], minlength=block.shape[1]) / n
    # Clipped to the lengths training articles span, so a very short or very long text is
    # not an extrapolation of the length term.
    length = np.full(n_labels, np.log(min(max(n, ARTICLE_MIN_SENTENCES), 40)))
    return np.stack([_logit(top2), np.log1p(p.sum(axis=0)), share, length], axis=1)


def codebook_segments(labels: tuple[str, ...]) -> list[slice]:
    """Column ranges of the codebooks of a combined model (labels "<book>:<key>")."""
    out, start = [], 0
    for j in range(1, len(labels) + 1):
        if j == len(labels) or labels[j].split(":", 1)[0] != labels[start].split(":", 1)[0]:
            out.append(slice(start, j))
            start = j
    return out


def stack_models(
    models: dict[str, LinearMultiLabel],
) -> tuple[LinearMultiLabel, list[tuple[str, tuple[str, ...], slice]]]:
    """One model whose labels are ``"<book>:<key>"`` for all ``models`` (over the union of
    their vocabularies), plus (book, labels, column slice) to split results again."""
    words = sorted({w for m in models.values() for w in m.words})
    index = {w: i for i, w in enumerate(words)}
    n_labels = sum(len(m.labels) for m in models.values())
    coef = np.zeros((len(words), n_labels), dtype=np.float32)
    labels, books, parts = [], [], {"intercept": [], "calib_a": [], "calib_b": []}
    layered = all(m.has_article_layer for m in models.values())
    art: dict[str, list] = {"article_coef": [], "article_intercept": [], "threshold": []}
    col = 0
    for book, m in models.items():
        rows = np.array([index[w] for w in m.words], dtype=np.int64)
        coef[rows, col : col + len(m.labels)] = m.coef
        labels += [f"{book}:{k}" for k in m.labels]
        books.append((book, m.labels, slice(col, col + len(m.labels))))
        for name in parts:
            parts[name].append(getattr(m, name))
        if layered:
            for name in art:
                art[name].append(getattr(m, name))
        col += len(m.labels)
    stacked = LinearMultiLabel.create(
        labels,
        words,
        coef,
        *(np.concatenate(parts[n]) for n in ("intercept", "calib_a", "calib_b")),
        **({n: np.concatenate(v) for n, v in art.items()} if layered else {}),
        min_length=max(m.min_length for m in models.values()),
    )
    if len({m.min_length for m in models.values()}) > 1:
        raise ValueError("cannot stack frame models with different length scaling")
    if not layered and any(m.has_article_layer for m in models.values()):
        raise ValueError("cannot stack frame models with and without an article layer")
    return stacked, books


def stem(word: str) -> str:
    """A crude suffix stripper shared by training and scoring, so 'clinics', 'vaccination'
    and 'vaccines' meet the cue words 'clinic' and 'vaccine'."""
    if len(word) <= 4:
        return word
    if word.endswith("ies"):
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


_SUFFIXES = ("ations", "ation", "ings", "ing", "ed", "ment", "e")


def usable(word: str) -> bool:
    """Tokens that can be frame features (stopwords, digits and 1-letter tokens cannot)."""
    return len(word) > 1 and word not in STOPWORDS and not word.isdigit()


def features_for_training(words: list[str]) -> list[str]:
    """The word features of a token list, exactly as scoring derives them."""
    return [stem(w) for w in words if usable(w)]


def pairs_for_training(words: list[str]) -> list[str]:
    """The word-pair features of a token list (neighbouring content words, stopwords
    skipped), as scoring derives them."""
    stems = features_for_training(words)
    return [f"{a} {b}" for a, b in pairwise(stems)]


@dataclass(frozen=True, slots=True)
class FrameResult:
    sentence_probs: np.ndarray  # (n_sentences, n_labels) float32
    article: tuple[FrameScore, ...]


def score_frames(
    model: LinearMultiLabel, tokens: Tokens, n_sentences: int, ids: np.ndarray | None = None
) -> FrameResult:
    """Frame probabilities per sentence and for the article, with cue words. ``ids`` may pass
    precomputed ``model.feature_ids(tokens.words)`` (shared between models with one vocabulary)."""
    if ids is None:
        ids = model.feature_ids(tokens.words)
    rows = tokens.sentence.astype(np.int64)
    if n_sentences == 0:
        empty = np.zeros((0, len(model.labels)), dtype=np.float32)
        return FrameResult(empty, tuple(FrameScore(k, 0.0, ()) for k in model.labels))
    sums, counts = model.row_sums(ids, rows, n_sentences)
    scale = 1.0 / np.sqrt(np.maximum(counts, model.min_length))[:, None]
    probs = model.probabilities(sums * scale + model.intercept)
    article = model.article_probabilities(probs)
    evidence = probs.max(axis=0) >= EVIDENCE_MIN if model.has_article_layer else None
    chosen = select_frames(model.labels, article, model.thresholds(), evidence)
    cues = _cues(model, ids[ids >= 0])
    scores = [
        FrameScore(lbl, round(float(article[j]), 4), cues[j], j in chosen)
        for j, lbl in enumerate(model.labels)
    ]
    scores.sort(key=lambda f: -f.probability)
    return FrameResult(probs, tuple(scores))


def select_frames(
    labels, probs: np.ndarray, thresholds: np.ndarray, evidence: np.ndarray | None = None
) -> set[int]:
    """The article's label set: every frame over its own threshold that some sentence
    carries (``evidence``: a sentence probability of at least EVIDENCE_MIN); when none
    qualifies, the frame closest to its threshold (a news article always has some frame). In
    a combined model (labels "<book>:<key>") the rule applies per codebook."""
    books: dict[str, list[int]] = {}
    for j, lbl in enumerate(labels):
        books.setdefault(lbl.split(":", 1)[0] if ":" in lbl else "", []).append(j)
    chosen: set[int] = set()
    for cols in books.values():
        over = [
            j for j in cols if probs[j] >= thresholds[j] and (evidence is None or bool(evidence[j]))
        ]
        chosen.update(over or [max(cols, key=lambda j: probs[j] - thresholds[j])])
    return chosen


def _cues(model: LinearMultiLabel, ids: np.ndarray) -> list[tuple[str, ...]]:
    """The words contributing most to each label across the text."""
    n_labels = len(model.labels)
    if not ids.size:
        return [()] * n_labels
    counts = np.bincount(ids)
    uniq = np.flatnonzero(counts)
    contrib = model.coef[uniq] * counts[uniq, None]
    order = np.argsort(-contrib, axis=0)[:TOP_CUES].T.tolist()  # (n_labels, TOP_CUES)
    positive = (contrib > 0).tolist()
    words, uniq_list = model.words, uniq.tolist()
    return [
        tuple(words[uniq_list[i]] for i in row if positive[i][j]) for j, row in enumerate(order)
    ]
