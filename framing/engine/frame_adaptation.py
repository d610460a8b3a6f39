"""Whether a workspace's own frame training serves it better than the packaged frame models.

Article-level frame labels can teach the frame models a workspace's convention, or only
noise: on our bench, 300 article-labelled items made the model much worse (micro-F1 0.72 →
0.42). So, as for the loaded-term tagger (``adaptation``), the choice is made by
cross-validation by story (texts sharing a sentence stay together) on the workspace's
article-labelled texts: the frame models
retrained without a fold's texts label that fold's articles by the model's own label-set
rule, the packaged models label every text as shipped, and the retrained models replace the
packaged ones only on clear evidence (``clear_gain``): a higher micro-F1 of the article label
sets out of fold by at least GAIN_SCALE / sqrt(stories), and higher in at least SURE of paired
bootstrap resamples of the stories. scikit-learn is reached (through ``training``) here only.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from .adaptation import fold_of
from .adaptation_guard import f1_rows
from .frames import LinearMultiLabel, score_frames, stack_models
from .text import split_sentences, tokenize

# Each fold retrains both codebooks' models with our seed data (~15 s of CPU each), so fewer
# folds than the tagger's five: three retrainings and the final one.
FRAME_FOLDS = 3
# Texts sharing a sentence of at least this many words are one story (wire copies across
# outlets, excerpts of one article) and share a fold: split across folds, the retrained
# model is scored on text it learnt from (on our bench it scored 0.93 out of fold on such
# excerpts and 0.47 on new articles).
SHARED_SENTENCE_WORDS = 6
KINDS = ("shipped", "trained")  # the packaged frame models as is, retrained with the workspace
# Stricter than the tagger's guard (``adaptation_guard.sure_wins``, which tolerates a 0.03 loss):
# with 25 article-labelled items the retrained models passed that guard in 2 of 5 bench folds
# on out-of-fold gains of 0.014 and 0.018, and one of them lost 0.047 on real articles. Frame
# labels are few per text (about two), so the noise of a micro-F1 difference on n stories is
# large; the required gain shrinks like 1/sqrt(n) (0.05 at 25 stories, 0.014 at 300), and the
# retrained models must also win in SURE of resamples of whole stories (a story's texts are
# not independent evidence). The packaged models are what an analyst gets otherwise, unchanged.
GAIN_SCALE = 0.25
SURE = 0.95
MIN_STORIES = 2 * FRAME_FOLDS  # fewer stories than this cannot show anything

Examples = Mapping[str, tuple]  # codebook -> (sentences, labels, groups, articles, weights)
Trainer = Callable[[Examples], dict[str, LinearMultiLabel]]


@dataclass(frozen=True, slots=True)
class FrameDoc:
    """One article-labelled text: its key (the examples' group), text and label sets."""

    key: str
    text: str
    labels: Mapping[str, frozenset[str]]  # codebook -> the analysts' article frames


@dataclass(slots=True)
class FrameReport:
    """What cross-validation measured: micro-F1 of article label sets per kind."""

    chosen: str  # "shipped" | "trained"
    folds: int
    documents: int
    scores: dict[str, dict] = field(default_factory=dict)
    stories: int = 0
    needed_gain: float = 0.0  # GAIN_SCALE / sqrt(stories)
    wins: float = 0.0  # share of story resamples where the retrained models scored higher

    def to_dict(self) -> dict:
        return {
            "chosen": self.chosen,
            "folds": self.folds,
            "documents": self.documents,
            "scores": self.scores,
            "stories": self.stories,
            "needed_gain": round(self.needed_gain, 4),
            "wins": round(self.wins, 4),
        }


def label_sets(frames: Mapping[str, LinearMultiLabel], text: str) -> dict[str, set[str]]:
    """Codebook -> the article frames the models select for ``text`` (the analysis rule)."""
    combined, books = stack_models(dict(frames))
    sentences = split_sentences(text)
    result = score_frames(combined, tokenize(text, sentences), len(sentences))
    chosen = {f.key for f in result.article if f.selected}
    return {
        book: {k.split(":", 1)[1] for k in chosen if k.startswith(f"{book}:")}
        for book, _, _ in books
    }


def without(examples: Examples, drop: set[str]) -> dict[str, tuple]:
    """The examples minus every row whose group is in ``drop`` (article indices renumbered)."""
    out = {}
    for book, (sents, labels, groups, articles, weights) in examples.items():
        keep = [i for i, g in enumerate(groups) if g not in drop]
        new = {old: n for n, old in enumerate(keep)}
        out[book] = (
            [sents[i] for i in keep],
            [labels[i] for i in keep],
            [groups[i] for i in keep],
            [
                ([new[i] for i in idx], keys)
                for idx, keys in articles
                if idx and all(i in new for i in idx)
            ],
            [weights[i] for i in keep],
        )
    return out


def story_keys(docs: Sequence[FrameDoc]) -> list[str]:
    """A fold key per document: the key of the first document of its story (documents
    linked by a shared sentence of SHARED_SENTENCE_WORDS words or more)."""
    parent = list(range(len(docs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[str, int] = {}
    for i, doc in enumerate(docs):
        for a, b in split_sentences(doc.text):
            words = doc.text[a:b].lower().split()
            if len(words) >= SHARED_SENTENCE_WORDS:
                j = first.setdefault(" ".join(words), i)
                ri, rj = root(i), root(j)
                parent[max(ri, rj)] = min(ri, rj)
    return [docs[root(i)].key for i in range(len(docs))]


def _rows(docs: Sequence[FrameDoc], predicted: Sequence[Mapping[str, set[str]]]) -> np.ndarray:
    """Per document (true positives, predicted, true positives, gold) over the codebooks it
    was labelled in: the counts ``clear_gain`` turns into micro-F1."""
    out = []
    for doc, pred in zip(docs, predicted, strict=True):
        tp = n_pred = n_gold = 0
        for book, gold in doc.labels.items():
            mine = pred.get(book, set())
            tp, n_pred, n_gold = tp + len(mine & gold), n_pred + len(mine), n_gold + len(gold)
        out.append((tp, n_pred, tp, n_gold))
    return np.array(out, dtype=float).reshape(-1, 4)


def _score(rows: np.ndarray) -> dict:
    c = rows.sum(axis=0)
    p = c[0] / c[1] if c[1] else 0.0
    r = c[2] / c[3] if c[3] else 0.0
    return {
        "precision": round(float(p), 4),
        "recall": round(float(r), 4),
        "f1": round(float(f1_rows(c)), 4),
        "n_pred": int(c[1]),
        "n_gold": int(c[3]),
    }


def clear_gain(
    rows: Mapping[str, np.ndarray], stories: Sequence[str], resamples: int = 1000
) -> tuple[bool, float, float]:
    """Whether the retrained models' out-of-fold rows beat the packaged ones' clearly, the
    gain required on this many stories, and the share of story resamples they win."""
    keys = sorted(set(stories))
    n = len(keys)
    if n < MIN_STORIES:
        return False, math.inf, 0.0
    at = {k: i for i, k in enumerate(keys)}
    index = np.array([at[k] for k in stories])
    per_story = {}
    for kind in KINDS:
        sums = np.zeros((n, 4))
        np.add.at(sums, index, rows[kind])
        per_story[kind] = sums
    needed = GAIN_SCALE / math.sqrt(n)
    gain = f1_rows(rows["trained"].sum(axis=0)) - f1_rows(rows["shipped"].sum(axis=0))
    pick = np.random.default_rng(7).integers(0, n, size=(resamples, n))
    wins = np.mean(
        f1_rows(per_story["trained"][pick].sum(axis=1))
        > f1_rows(per_story["shipped"][pick].sum(axis=1))
    )
    return bool(gain >= needed and wins >= SURE), needed, float(wins)


def choose_frames(
    shipped: Mapping[str, LinearMultiLabel],
    examples: Examples,
    docs: Sequence[FrameDoc],
    train: Trainer,
) -> tuple[dict[str, LinearMultiLabel], FrameReport]:
    """The frame models that serve the workspace and what cross-validation measured.

    ``train(examples)`` retrains every codebook's models (our seed data plus ``examples``);
    ``docs`` are the article-labelled texts the choice is scored on (their keys are the
    examples' groups). Without such texts there is nothing to score: the retrained models are
    kept as before (sentence-level frame spans only)."""
    if not docs:
        return train(examples), FrameReport("trained", 0, 0)
    stories = story_keys(docs)
    if len(set(stories)) < MIN_STORIES:
        # Too few separate stories to test a retrained model on text it did not see: keep
        # the packaged models without spending the retraining (folds 0 says so).
        rows = _rows(docs, [label_sets(shipped, d.text) for d in docs])
        report = FrameReport("shipped", 0, len(docs), {"shipped": _score(rows)})
        report.stories, report.needed_gain = len(set(stories)), 1.0
        return dict(shipped), report
    folds = max(2, min(FRAME_FOLDS, len(docs)))
    which = [fold_of(key, folds) for key in stories]
    trained: list[dict[str, set[str]]] = [{} for _ in docs]
    for f in range(folds):
        held = [i for i, w in enumerate(which) if w == f]
        if not held:
            continue
        models = train(without(examples, {docs[i].key for i in held}))
        for i in held:
            trained[i] = label_sets(models, docs[i].text)
    rows = {
        "shipped": _rows(docs, [label_sets(shipped, d.text) for d in docs]),
        "trained": _rows(docs, trained),
    }
    keep, needed, wins = clear_gain(rows, stories)
    chosen = "trained" if keep else "shipped"
    report = FrameReport(
        chosen,
        folds,
        len(docs),
        {k: _score(r) for k, r in rows.items()},
        stories=len(set(stories)),
        needed_gain=needed if math.isfinite(needed) else 1.0,
        wins=wins,
    )
    return (train(examples) if chosen == "trained" else dict(shipped)), report
