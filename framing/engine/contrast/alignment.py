"""Sentence alignment across articles reporting the same event.

Similarity is TF-IDF cosine (crudely stemmed unigrams, stop words dropped, sublinear tf; bigrams
were tried and dilute the overlap of short paraphrased sentences) discounted by
an order prior: reports of one fact tend to sit at similar relative positions, so a pair's cosine
is multiplied by ``1 - order_weight * |relative position difference|``. The prior only ever lowers
a score, so unrelated sentences cannot be aligned just because they are in the same place.
Pairs are matched one-to-one by maximum total score (Hungarian method) after dropping pairs below
the threshold, so a below-threshold pair can never displace a valid one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np
from scipy.optimize import linear_sum_assignment
from sklearn.feature_extraction.text import TfidfVectorizer

from .vocabulary import terms

DEFAULT_THRESHOLD = 0.2
DEFAULT_ORDER_WEIGHT = 0.3


@dataclass(frozen=True, slots=True)
class AlignedRow:
    """Sentences reporting the same thing: article index -> sentence index (None if absent).

    ``score`` is the mean score of the links that built the row (0.0 for unmatched singletons).
    """

    sentences: dict[int, int | None]
    score: float
    # (article a, article b), a < b -> probability that their sentences in this row report
    # the same fact (``align_facts`` only; empty for ``align_many``)
    links: dict[tuple[int, int], float] = field(default_factory=dict)

    def best_link(self, article: int) -> float:
        """The highest probability linking this article's sentence to another of the row."""
        return max((p for pair, p in self.links.items() if article in pair), default=0.0)

    def members(self) -> dict[int, int]:
        """Only the articles that have a sentence in this row."""
        return {a: s for a, s in self.sentences.items() if s is not None}

    def to_dict(self) -> dict[str, Any]:
        return {"sentences": {str(a): s for a, s in self.sentences.items()}, "score": self.score}


def _stem(word: str) -> str:
    """Strip a few English inflections so "launched"/"launch" and "tests"/"test" meet.

    Deliberately crude: it only has to map both sides of a paraphrase to the same string.
    """
    for suffix in ("'s", "’s", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)]
    return word


def alignment_tokens(sentence: str) -> list[str]:
    """Features used to compare sentences: stemmed content unigrams."""
    return [_stem(w) for w in terms(sentence, (1, 1))]


def _vectorise(all_sentences: list[str]) -> Any:
    vectorizer = TfidfVectorizer(analyzer=alignment_tokens, lowercase=False, sublinear_tf=True)
    try:
        return vectorizer.fit_transform(all_sentences)
    except ValueError:  # every sentence is empty or stop words only: nothing can align
        return None


def _relative_positions(n: int) -> np.ndarray:
    return (np.arange(n) + 0.5) / max(n, 1)


def _scores(vec_a: Any, vec_b: Any, order_weight: float) -> np.ndarray:
    """Order-discounted cosine similarity between two blocks of L2-normalised TF-IDF rows."""
    cosine = np.asarray((vec_a @ vec_b.T).todense())
    gap = np.abs(
        _relative_positions(vec_a.shape[0])[:, None] - _relative_positions(vec_b.shape[0])[None]
    )
    return cosine * (1.0 - order_weight * gap)


def _match(scores: np.ndarray, threshold: float) -> list[tuple[int, int, float]]:
    """One-to-one links maximising total score among pairs at or above ``threshold``."""
    if scores.size == 0:
        return []
    kept = np.where(scores >= threshold, scores, 0.0)
    rows, cols = linear_sum_assignment(kept, maximize=True)
    links = [(int(i), int(j), float(kept[i, j])) for i, j in zip(rows, cols, strict=True)]
    return sorted(link for link in links if link[2] > 0)


def align_pair(
    a_sents: Sequence[str],
    b_sents: Sequence[str],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    order_weight: float = DEFAULT_ORDER_WEIGHT,
) -> list[tuple[int, int, float]]:
    """Align two articles' sentences: ``(i, j, score)`` links, each sentence used at most once.

    Sorted by ``i``. ``threshold`` applies to the order-discounted cosine score.
    """
    if not a_sents or not b_sents:
        return []
    matrix = _vectorise([*a_sents, *b_sents])
    if matrix is None:
        return []
    split = len(a_sents)
    return _match(_scores(matrix[:split], matrix[split:], order_weight), threshold)


def align_many(
    articles: Sequence[Sequence[str]],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    order_weight: float = DEFAULT_ORDER_WEIGHT,
    include_unmatched: bool = True,
) -> list[AlignedRow]:
    """Align the sentences of 2–6 articles into rows by pivoting plus greedy merging.

    The article with the most still-unaligned sentences is the pivot and each of its sentences
    seeds a row. Every other article is then matched one-to-one against those rows, where a
    row's score for a sentence is its best score against any sentence already in the row (so a
    sentence can join through a closer paraphrase in a third outlet); this is repeated until a
    pass adds nothing. Seeds that gained a partner become rows, the pivot is retired, and the
    whole step repeats on what is left, so facts missing from the first pivot can still be
    aligned between the other outlets. With ``include_unmatched`` every sentence that found no
    partner gets a singleton row (score 0), so each sentence appears in exactly one row. Rows
    are ordered by the mean relative position of their sentences.
    """
    if len(articles) < 2:
        raise ValueError("alignment needs at least two articles")
    sim = _Similarity(articles, order_weight)
    rows, remaining = _pivoted_rows(articles, sim, threshold)
    if include_unmatched:
        for a, left in enumerate(remaining):
            rows.extend(AlignedRow(_row_dict(len(articles), {a: s}), 0.0) for s in sorted(left))
    return sorted(rows, key=lambda row: _row_position(row, articles))


class _Similarity:
    """Order-discounted similarities between whole articles, computed once per article pair."""

    def __init__(self, articles: Sequence[Sequence[str]], order_weight: float) -> None:
        offsets = np.cumsum([0, *(len(a) for a in articles)])
        matrix = _vectorise([s for article in articles for s in article])
        self.usable = matrix is not None
        self.blocks = [
            None if matrix is None else matrix[offsets[k] : offsets[k + 1]]
            for k in range(len(articles))
        ]
        self.order_weight = order_weight
        self.cache: dict[tuple[int, int], np.ndarray] = {}

    def __call__(self, a: int, b: int) -> np.ndarray:
        # Whole articles, so relative positions stay those of the full text.
        if (a, b) not in self.cache:
            self.cache[(a, b)] = _scores(self.blocks[a], self.blocks[b], self.order_weight)
        return self.cache[(a, b)]


def _pivoted_rows(
    articles: Sequence[Sequence[str]], sim, threshold: float
) -> tuple[list[AlignedRow], list[set[int]]]:
    """Rows from repeated pivoting (see ``align_many``) and each article's sentences left
    unaligned; ``sim`` is any similarity with ``usable`` and ``(a, b) -> matrix``."""
    remaining = [set(range(len(a))) for a in articles]
    retired: set[int] = set()
    rows: list[AlignedRow] = []
    while sim.usable:
        open_articles = [a for a in range(len(articles)) if a not in retired and remaining[a]]
        if len(open_articles) < 2:
            break
        pivot = max(open_articles, key=lambda a: (len(remaining[a]), -a))
        retired.add(pivot)
        rows.extend(_pivot_rows(pivot, open_articles, sim, remaining, threshold))
    return rows, remaining


def _pivot_rows(
    pivot: int,
    open_articles: list[int],
    sim: _Similarity,
    remaining: list[set[int]],
    threshold: float,
) -> list[AlignedRow]:
    """Rows seeded by the pivot's open sentences; removes aligned sentences from ``remaining``."""
    seeds = sorted(remaining[pivot])
    members: list[dict[int, int]] = [{pivot: i} for i in seeds]
    link_scores: list[list[float]] = [[] for _ in seeds]
    others = [a for a in open_articles if a != pivot]
    changed = True
    while changed:
        changed = False
        for other in others:
            other_left = sorted(remaining[other])
            if not other_left:
                continue
            scores = np.zeros((len(seeds), len(other_left)))
            for r, row in enumerate(members):
                if other in row:
                    continue  # one sentence per article per row
                for art, sent in row.items():
                    scores[r] = np.maximum(scores[r], sim(art, other)[sent, other_left])
            for r, j, score in _match(scores, threshold):
                members[r][other] = other_left[j]
                link_scores[r].append(score)
                remaining[other].discard(other_left[j])
                changed = True
    rows = []
    for seed, found, found_scores in zip(seeds, members, link_scores, strict=True):
        if len(found) > 1:
            remaining[pivot].discard(seed)
            rows.append(AlignedRow(_row_dict(len(sim.blocks), found), float(np.mean(found_scores))))
    return rows


def _row_dict(n_articles: int, found: dict[int, int]) -> dict[int, int | None]:
    return {a: found.get(a) for a in range(n_articles)}


def _row_position(row: AlignedRow, articles: Sequence[Sequence[str]]) -> tuple[float, int, int]:
    members = row.members()
    mean = float(np.mean([(s + 0.5) / len(articles[a]) for a, s in members.items()]))
    first = min(members)
    return mean, first, members[first]


def align_facts(
    articles: Sequence[Sequence[str]],
    *,
    possible: float | None = None,
    weights: dict | None = None,
    include_unmatched: bool = True,
) -> list[AlignedRow]:
    """Align like ``align_many`` but on calibrated probabilities (``similarity``).

    Links below ``possible`` (the model's "possibly" operating point by default) are never
    made; each row's ``links`` gives, per article, its sentence's best probability against the
    other sentences of the row, which the caller compares with the "reported" point.
    """
    from .similarity import ProbabilitySimilarity, model

    if len(articles) < 2:
        raise ValueError("alignment needs at least two articles")
    threshold = model()["possible"] if possible is None else possible
    sim = ProbabilitySimilarity(articles, weights)
    rows, remaining = _pivoted_rows(articles, sim, threshold)
    rows = [_with_links(row, sim) for row in rows]
    if include_unmatched:
        for a, left in enumerate(remaining):
            rows.extend(AlignedRow(_row_dict(len(articles), {a: s}), 0.0) for s in sorted(left))
    return sorted(rows, key=lambda row: _row_position(row, articles))


def _with_links(row: AlignedRow, sim) -> AlignedRow:
    members = sorted(row.members().items())
    links = {
        (a, b): float(sim(a, b)[i, j])
        for k, (a, i) in enumerate(members)
        for b, j in members[k + 1 :]
    }
    return AlignedRow(row.sentences, row.score, links)


def reported_pairs(
    rows: Iterable[AlignedRow], a: int, b: int, *, at: float
) -> set[tuple[int, int]]:
    """Like ``row_pairs`` but only pairs whose own probability reaches ``at``: two sentences
    that each joined the row through a third are not thereby confirmed as the same fact."""
    out = set()
    key = (min(a, b), max(a, b))
    for row in rows:
        i, j = row.sentences.get(a), row.sentences.get(b)
        if i is not None and j is not None and row.links.get(key, 0.0) >= at:
            out.add((i, j))
    return out


def row_pairs(rows: Iterable[AlignedRow], a: int, b: int) -> set[tuple[int, int]]:
    """The ``(sentence in a, sentence in b)`` links that ``rows`` imply between two articles."""
    out = set()
    for row in rows:
        i, j = row.sentences.get(a), row.sentences.get(b)
        if i is not None and j is not None:
            out.add((i, j))
    return out


class AlignmentScores(NamedTuple):
    precision: float
    recall: float
    f1: float


def alignment_scores(
    predicted_pairs: Iterable[Sequence[Any]], gold_pairs: Iterable[Sequence[Any]]
) -> AlignmentScores:
    """Precision, recall and F1 of predicted sentence links against gold links.

    Pairs are ``(i, j)`` or ``(i, j, score)``; scores are ignored. Empty denominators give 0.0.
    """
    predicted = {(int(p[0]), int(p[1])) for p in predicted_pairs}
    gold = {(int(g[0]), int(g[1])) for g in gold_pairs}
    hits = len(predicted & gold)
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return AlignmentScores(precision, recall, f1)
