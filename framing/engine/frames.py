"""Sentence- and article-level frame probabilities from a linear multi-label model.

The model is trained with scikit-learn (see ``training.py``) but scored here with numpy only:
importing scikit-learn costs about a second, which would blow the engine's load budget.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

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
ARTICLE_TOP_FRACTION = 0.2  # article score = mean over its most strongly framed fifth


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
    ) -> LinearMultiLabel:
        """Build from arrays (the vocabulary index is derived from ``words``; ``share`` reuses
        another model's index when the vocabularies are equal, so tokens are looked up once)."""
        words = tuple(words)
        if share is not None and share.words == words:
            words, vocab, surface = share.words, share.vocab, share.surface
        else:
            vocab, surface = {w: i for i, w in enumerate(words)}, {}
        return cls(
            tuple(labels),
            words,
            vocab,
            np.asarray(coef, dtype=np.float32),
            np.asarray(intercept, dtype=np.float64),
            np.asarray(calib_a, dtype=np.float64),
            np.asarray(calib_b, dtype=np.float64),
            surface,
        )

    def feature_ids(self, words: list[str]) -> np.ndarray:
        """Vocabulary index per token (-1 where unknown or a stopword)."""
        surface = self.surface
        if not surface:
            self._fill_surface()
        get = surface.get
        ids = [get(w, -2) for w in words]
        if -2 in ids:  # words never seen before: stem once and remember the answer
            vocab = self.vocab
            for i, w in enumerate(words):
                if ids[i] == -2:
                    ids[i] = vocab.get(stem(w), -1) if usable(w) else -1
                    if len(surface) < _SURFACE_CAP:
                        surface[w] = ids[i]
        return np.array(ids, dtype=np.int64)

    def _fill_surface(self) -> None:
        """Precompute surface word -> feature id for common words (one dict lookup per token
        at scoring time instead of a stem() call)."""
        from .scorer import rarity_table

        vocab, surface = self.vocab, self.surface
        for w in (*rarity_table("en"), *vocab):
            if usable(w):
                surface[w] = vocab.get(stem(w), -1)
            else:
                surface[w] = -1

    def decision(self, ids: np.ndarray, rows: np.ndarray, n_rows: int) -> np.ndarray:
        """Decision values (n_rows, n_labels) for token feature ids grouped into rows."""
        keep = ids >= 0
        ids, rows = ids[keep], rows[keep]
        scores = np.zeros((n_rows, len(self.labels)), dtype=np.float64)
        if ids.size:
            if rows.size > 1 and (np.diff(rows) < 0).any():
                order = np.argsort(rows, kind="stable")
                rows, ids = rows[order], ids[order]
            # Rows are contiguous (tokens come in text order), so one reduceat sums each row.
            first = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
            present = rows[first]
            counts = np.diff(np.r_[first, rows.size])
            sums = np.add.reduceat(self.coef[ids], first, axis=0).astype(np.float64)
            scores[present] = sums / np.sqrt(counts)[:, None]
        return scores + self.intercept

    def probabilities(self, decision: np.ndarray) -> np.ndarray:
        z = decision * self.calib_a + self.calib_b
        return (1.0 / (1.0 + np.exp(-z))).astype(np.float32)

    def predict_texts(self, token_lists: list[list[str]]) -> np.ndarray:
        """Probabilities for pre-tokenised texts (one row each); used in training and tests."""
        ids = [self.feature_ids(t) for t in token_lists]
        rows = np.concatenate(
            [np.full(len(x), i, dtype=np.int64) for i, x in enumerate(ids)]
            or [np.zeros(0, np.int64)]
        )
        flat = np.concatenate(ids or [np.zeros(0, np.int64)])
        return self.probabilities(self.decision(flat, rows, len(token_lists)))


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
    col = 0
    for book, m in models.items():
        rows = np.array([index[w] for w in m.words], dtype=np.int64)
        coef[rows, col : col + len(m.labels)] = m.coef
        labels += [f"{book}:{k}" for k in m.labels]
        books.append((book, m.labels, slice(col, col + len(m.labels))))
        for name in parts:
            parts[name].append(getattr(m, name))
        col += len(m.labels)
    stacked = LinearMultiLabel.create(
        labels,
        words,
        coef,
        *(np.concatenate(parts[n]) for n in ("intercept", "calib_a", "calib_b")),
    )
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
    """The feature names of a token list, exactly as scoring derives them."""
    return [stem(w) for w in words if usable(w)]


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
    probs = model.probabilities(model.decision(ids, rows, n_sentences))
    k = max(1, math.ceil(ARTICLE_TOP_FRACTION * n_sentences))
    top = -np.sort(-probs, axis=0)[:k].mean(axis=0)
    cues = _cues(model, ids[ids >= 0])
    scores = [
        FrameScore(lbl, round(float(top[j]), 4), cues[j]) for j, lbl in enumerate(model.labels)
    ]
    scores.sort(key=lambda f: -f.probability)
    return FrameResult(probs, tuple(scores))


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
