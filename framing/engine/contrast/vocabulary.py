"""Distinctive vocabulary of one outlet group against the others.

Weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008):
the prior pseudo-counts shrink the log-odds of rare words towards zero, and dividing by the
approximate standard deviation turns the difference into a z-score, so a word used 3 times is not
ranked above a word used 300 times just because its raw ratio is larger.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

# Words keep inner apostrophes and hyphens ("self-defence", "nation's"); digits count as words so
# "38th parallel" stays intact.
WORD_RE = re.compile(r"\w+(?:['’-]\w+)*")
# Bigrams never cross punctuation that ends a clause or opens/closes a quotation.
BREAK_RE = re.compile(r"[.,;:!?()\[\]\"“”«»…—–]|\s-\s")
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | {"s", "t"}


def word_count(text: str) -> int:
    """Number of word tokens in ``text`` (stop words included): the denominator of rates."""
    return len(WORD_RE.findall(text))


def terms(
    text: str, ngram: tuple[int, int] = (1, 2), stop_words: frozenset[str] = STOP_WORDS
) -> list[str]:
    """Lowercase unigram and/or bigram terms of ``text``.

    Unigrams skip stop words. Bigrams are adjacent words within one clause, neither of which is a
    stop word, so no bigram spans a stop word ("bloc of nations" gives none) or consists of them.
    Curly apostrophes are read as straight ones.
    """
    low, high = ngram
    out: list[str] = []
    # Outlets differ in typography; a curly apostrophe must not make "velmar’s" look distinctive.
    for clause in BREAK_RE.split(text.lower().replace("’", "'")):
        words = WORD_RE.findall(clause)
        keep = [w not in stop_words for w in words]
        if low <= 1 <= high:
            out.extend(w for w, k in zip(words, keep, strict=True) if k)
        if low <= 2 <= high:
            out.extend(
                f"{words[i]} {words[i + 1]}"
                for i in range(len(words) - 1)
                if keep[i] and keep[i + 1]
            )
    return out


def log_odds_z(
    y_i: np.ndarray, y_j: np.ndarray, alpha: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Prior-smoothed log-odds ratio δ and z-score of each word, group i versus group j.

    ``y_i``/``y_j`` are count vectors over the same vocabulary and ``alpha`` the prior
    pseudo-counts (α_0 = Σα). Positive z means over-represented in group i.
    """
    y_i, y_j, alpha = (np.asarray(v, dtype=float) for v in (y_i, y_j, alpha))
    a0 = alpha.sum()
    n_i, n_j = y_i.sum(), y_j.sum()
    odds_i = (y_i + alpha) / (n_i + a0 - y_i - alpha)
    odds_j = (y_j + alpha) / (n_j + a0 - y_j - alpha)
    delta = np.log(odds_i) - np.log(odds_j)
    variance = 1.0 / (y_i + alpha) + 1.0 / (y_j + alpha)
    return delta, delta / np.sqrt(variance)


@dataclass(frozen=True, slots=True)
class Term:
    """One distinctive term of the target group."""

    term: str
    z: float
    delta: float
    count_target: int
    count_rest: int
    rate_target_per_1000: float  # per 1,000 words of the target group's texts
    rate_rest_per_1000: float

    def to_dict(self) -> dict[str, float | int | str]:
        return asdict(self)


def _count_matrix(
    group_texts: Mapping[str, Sequence[str]], ngram: tuple[int, int]
) -> tuple[np.ndarray, list[str], list[str], np.ndarray]:
    """Counts per group (rows) and term (columns), plus vocabulary, group order, words per group."""
    groups = list(group_texts)
    docs: list[str] = []
    owner: list[int] = []
    for g, texts in enumerate(group_texts.values()):
        docs.extend(texts)
        owner.extend([g] * len(texts))
    vectorizer = CountVectorizer(analyzer=lambda doc: terms(doc, ngram), lowercase=False)
    matrix = vectorizer.fit_transform(docs)
    # Summing document rows into group rows with a sparse indicator keeps it vectorised.
    indicator = csr_matrix(
        (np.ones(len(docs)), (owner, np.arange(len(docs)))), shape=(len(groups), len(docs))
    )
    counts = np.asarray((indicator @ matrix).todense())
    words = np.zeros(len(groups))
    for doc, g in zip(docs, owner, strict=True):
        words[g] += word_count(doc)
    return counts, list(vectorizer.get_feature_names_out()), groups, words


def distinctive_terms(
    group_texts: Mapping[str, Sequence[str]],
    *,
    target: str,
    ngram: tuple[int, int] = (1, 2),
    top: int = 30,
    min_count: int = 2,
    prior_size: float | None = None,
) -> list[Term]:
    """Terms most over-represented in ``target``'s texts compared with all other groups pooled.

    The prior is the pooled corpus: α_w is proportional to the word's count over every group,
    scaled so that α_0 = ``prior_size`` (default: the corpus size itself, i.e. α_w equals the
    corpus count, a fairly strong shrinkage that suits small event collections). Terms with fewer
    than ``min_count`` occurrences overall are skipped. Returns at most ``top`` terms with
    positive z, highest first.
    """
    if target not in group_texts:
        raise KeyError(f"unknown target group {target!r}")
    if len(group_texts) < 2:
        raise ValueError("need at least one group besides the target")
    counts, vocab, groups, words = _count_matrix(group_texts, ngram)
    if not vocab:
        return []
    return _distinctive(counts, vocab, words, groups.index(target), top, min_count, prior_size)


def distinctive_terms_by_group(
    group_texts: Mapping[str, Sequence[str]],
    *,
    ngram: tuple[int, int] = (1, 2),
    top: int = 30,
    min_count: int = 2,
    prior_size: float | None = None,
) -> dict[str, list[Term]]:
    """``distinctive_terms`` of every group against the others, counting the texts once
    (calling ``distinctive_terms`` per group counted every text once per group)."""
    if len(group_texts) < 2:
        raise ValueError("need at least two groups")
    counts, vocab, groups, words = _count_matrix(group_texts, ngram)
    if not vocab:
        return {group: [] for group in groups}
    return {
        group: _distinctive(counts, vocab, words, t, top, min_count, prior_size)
        for t, group in enumerate(groups)
    }


def _distinctive(counts, vocab, words, t: int, top, min_count, prior_size) -> list[Term]:
    y_target = counts[t]
    y_rest = counts.sum(axis=0) - y_target
    total = y_target + y_rest
    scale = 1.0 if prior_size is None else prior_size / total.sum()
    delta, z = log_odds_z(y_target, y_rest, total * scale)
    words_rest = words.sum() - words[t]
    order = np.argsort(-z, kind="stable")
    result = []
    for k in order:
        if len(result) >= top or z[k] <= 0:
            break
        if total[k] < min_count:
            continue
        result.append(
            Term(
                term=vocab[k],
                z=float(z[k]),
                delta=float(delta[k]),
                count_target=int(y_target[k]),
                count_rest=int(y_rest[k]),
                rate_target_per_1000=_per_1000(y_target[k], words[t]),
                rate_rest_per_1000=_per_1000(y_rest[k], words_rest),
            )
        )
    return result


def _per_1000(count: float, words: float) -> float:
    return float(1000.0 * count / words) if words else 0.0


def term_counts(texts: Iterable[str], ngram: tuple[int, int] = (1, 2)) -> dict[str, int]:
    """Plain term counts over ``texts`` with the same tokenisation as ``distinctive_terms``."""
    out: dict[str, int] = {}
    for text in texts:
        for term in terms(text, ngram):
            out[term] = out.get(term, 0) + 1
    return out
