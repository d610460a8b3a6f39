"""Timing of the contrast engine on generated event coverage.

    .venv/bin/python bench/bench_contrast.py

Prints the wall time of ``distinctive_terms`` over 200 articles x 1,500 words (5 outlets) and of
``align_many`` over 6 articles x 60 sentences. Text is generated from a fixed seed: a shared pool
of "facts" that each outlet reorders and rewords a little, so alignment has real work to do.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from framing.engine.contrast import align_many, distinctive_terms

RNG = np.random.default_rng(2026)
STOP = ["the", "a", "of", "in", "on", "and", "to", "was", "said", "by", "at", "for"]
CONTENT = [f"w{k}" for k in range(6000)]
# Zipf-like weights so the vocabulary looks like news text: a few very common content words.
WEIGHTS = 1.0 / np.arange(1, len(CONTENT) + 1)
WEIGHTS /= WEIGHTS.sum()


def _words(n: int, outlet_bias: int) -> list[str]:
    content = RNG.choice(len(CONTENT), size=n, p=WEIGHTS)
    # Each outlet overuses its own slice of the vocabulary: something to find.
    biased = RNG.random(n) < 0.05
    content[biased] = outlet_bias * 50 + RNG.integers(0, 50, biased.sum())
    out = []
    for k in content:
        out.append(CONTENT[k])
        if RNG.random() < 0.4:
            out.append(STOP[RNG.integers(len(STOP))])
    return out[:n]


def _article(words: int, outlet: int) -> str:
    tokens = _words(words, outlet)
    sentences = [" ".join(tokens[i : i + 25]) + "." for i in range(0, len(tokens), 25)]
    return " ".join(sentences)


def _aligned_articles(n_articles: int, n_sentences: int) -> list[list[str]]:
    facts = [_words(18, 0) for _ in range(n_sentences + 20)]
    articles = []
    for _ in range(n_articles):
        chosen = sorted(RNG.choice(len(facts), size=n_sentences, replace=False))
        article = []
        for f in chosen:
            words = list(facts[f])
            # reword a third of each sentence
            for pos in RNG.choice(len(words), size=len(words) // 3, replace=False):
                words[pos] = CONTENT[RNG.integers(len(CONTENT))]
            article.append(" ".join(words) + ".")
        articles.append(article)
    return articles


def main() -> None:
    groups = {f"outlet{g}": [_article(1500, g) for _ in range(40)] for g in range(5)}
    start = time.perf_counter()
    top = distinctive_terms(groups, target="outlet0", top=30)
    took = time.perf_counter() - start
    print(f"distinctive_terms, 200 articles x 1,500 words: {took:.2f} s ({len(top)} terms)")

    articles = _aligned_articles(6, 60)
    start = time.perf_counter()
    rows = align_many(articles)
    took = time.perf_counter() - start
    linked = sum(1 for row in rows if len(row.members()) > 1)
    print(f"align_many, 6 articles x 60 sentences: {took:.3f} s ({linked} multi-article rows)")


if __name__ == "__main__":
    main()
