"""Training the loaded-term tagger from committed data (python-crfsuite and scikit-learn are
imported here only, never on the ``analyze()`` path).

Data (see DATA.md): BABE word-level labels (``data/train/babe_en.jsonl.gz``), our phrase-annotated
passages (``data/train/passages_en.txt`` and ``data/spans/en.txt``), the curated lexicon
entries (for the category model). Splits are frozen in the data files: ``train`` trains,
``dev`` decides features and hyper-parameters and then trains the packaged tagger too
(``Params.train_on_dev``; calibration and thresholds read out-of-fold spans), ``test`` is only
measured by ``bench``.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from .candidates import prepare
from .codebooks import CATEGORY_KEYS
from .lexicon import DATA_DIR as LEXICON_DIR
from .lexicon import parse_tsv
from .tagger import (
    DEFAULT_TAGGER_PATH,
    LABELS,
    SPAN_FEATURES,
    Tagger,
    category_features,
    dumps,
    loads,
    span_features,
    token_features,
    token_parts,
)
from .training import parse_marked

DATA = Path(__file__).parent / "data"
BABE_PATH = DATA / "train" / "babe_en.jsonl.gz"
PASSAGES_PATH = DATA / "train" / "passages_en.txt"
SEED_SPANS_PATH = DATA / "spans" / "en.txt"
# BABE lists single words; words the annotators marked side by side form one phrase.
_PHRASE_GAP = re.compile(r"[\s\-]*")
LOADED = "loaded"  # the label-agnostic label


@dataclass(frozen=True, slots=True)
class Doc:
    """One training or evaluation text with gold spans (start, end, category or LOADED)."""

    text: str
    spans: tuple[tuple[int, int, str], ...]
    source: str  # "babe" | "passages" | "seed"
    split: str


@dataclass(frozen=True, slots=True)
class Params:
    """Hyper-parameters (chosen on the dev split)."""

    c1: float = 0.02
    c2: float = 0.1
    iterations: int = 150
    passage_copies: int = 20  # our phrase passages are few; repeat them (chosen on dev)
    extract: float = 0.05
    trim: float = 0.5  # edge tokens below this share of the span's best marginal are cut (dev)
    minfreq: float = 4.0  # features seen in fewer training items are dropped (dev)
    # The calibration and the operating points read, besides the dev split, the spans of
    # CRFs trained on all but one of this many folds of the training split, each scoring the
    # fold it did not see (0: the dev split alone).
    calib_folds: int = 5
    # The dev split trains the packaged CRF too, once the choices above were made on it: its
    # passages are the closest we have to the news and statements the tagger reads. The
    # calibration and the operating points then read out-of-fold spans only (needs
    # ``calib_folds`` > 1; bench/README.md, "Dev split as training data").
    train_on_dev: bool = True


# --- data -----------------------------------------------------------------------------
def merge_adjacent(text: str, spans: Iterable[Sequence[int]]) -> list[tuple[int, int]]:
    """Join word spans separated only by spaces or hyphens into phrases."""
    out: list[list[int]] = []
    for s, e in sorted((int(a), int(b)) for a, b, *_ in spans):
        if out and _PHRASE_GAP.fullmatch(text[out[-1][1] : s]) and s >= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def babe_docs(split: str | None = None) -> list[Doc]:
    with gzip.open(BABE_PATH, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    return [
        Doc(
            r["text"],
            tuple((s, e, LOADED) for s, e in merge_adjacent(r["text"], r["spans"])),
            "babe",
            r["split"],
        )
        for r in rows
        if split is None or r["split"] == split
    ]


def passage_docs(split: str | None = None, path: Path = PASSAGES_PATH) -> list[Doc]:
    raw = path.read_text(encoding="utf-8")
    out, current = [], "train"
    for block in re.split(r"\n\s*\n", raw):
        lines = []
        for line in block.strip().splitlines():
            if line.startswith("## split:"):
                current = line.split(":", 1)[1].strip()
            elif not line.startswith("#"):
                lines.append(line)
        body = "\n".join(lines).strip()
        if body and (split is None or current == split):
            text, spans = parse_marked(body)
            source = "passages" if path == PASSAGES_PATH else "seed"
            out.append(Doc(text, tuple(spans), source, current))
    return out


def seed_docs() -> list[Doc]:
    """The legacy span-scorer passages: training data only."""
    return passage_docs(None, SEED_SPANS_PATH)


def training_docs() -> list[Doc]:
    return [*babe_docs("train"), *passage_docs("train"), *seed_docs()]


def dev_docs() -> list[Doc]:
    return [*babe_docs("dev"), *passage_docs("dev")]


def fitted_docs(*, train_on_dev: bool) -> list[Doc]:
    """The documents a tagger's CRF is fitted on (``Params.train_on_dev`` adds the dev split)."""
    return [*training_docs(), *(dev_docs() if train_on_dev else ())]


# --- sequences ------------------------------------------------------------------------
def sequences(doc: Doc, extra_spans: Iterable = ()) -> list[tuple[list, list[str]]]:
    """(features, BIO labels) per sentence of a document."""
    prep = prepare(doc.text, "en")
    feats = token_features(prep)
    toks = prep.tokens
    gold = sorted((int(s), int(e)) for s, e, *_ in [*doc.spans, *extra_spans])
    labels = ["O"] * len(toks.words)
    for s, e in gold:
        inside = [i for i in range(len(toks.words)) if toks.starts[i] < e and s < toks.ends[i]]
        for k, i in enumerate(inside):
            labels[i] = "B" if k == 0 else "I"
    out, base = [], 0
    for seq in feats:
        out.append((seq, labels[base : base + len(seq)]))
        base += len(seq)
    return out


def _crfsuite_items(seq: list[list[tuple[str, float]]]) -> list[dict[str, float]]:
    items = []
    for feats in seq:
        d: dict[str, float] = {}
        for name, v in feats:
            d[name] = d.get(name, 0.0) + v
        items.append(d)
    return items


# --- fitting --------------------------------------------------------------------------
def fit_crf(docs: Sequence[Doc], params: Params, weights: Sequence[int] | None = None) -> Tagger:
    """Train the CRF on ``docs`` (each repeated ``weights[i]`` times, default by source)."""
    rows = []
    for k, doc in enumerate(docs):
        copies = weights[k] if weights is not None else _copies(doc, params)
        rows += [(seq, labels, copies) for seq, labels in sequences(doc) if seq]
    return fit_sequences(rows, params)


def fit_sequences(rows: Iterable[tuple[list, list[str], int]], params: Params) -> Tagger:
    """Train a CRF on (token feature lists, BIO labels, copies) rows."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for seq, labels, copies in rows:
        items = pycrfsuite.ItemSequence(_crfsuite_items(seq))
        for _ in range(copies):
            trainer.append(items, labels)
    trainer.set_params(
        {
            "c1": params.c1,
            "c2": params.c2,
            "max_iterations": params.iterations,
            "feature.possible_transitions": True,
            "feature.minfreq": params.minfreq,
        }
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "crf.model")
        trainer.train(path)
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        info = tagger.info()
        tagger.close()
    label_ix = {lab: i for i, lab in enumerate(LABELS)}
    weights_by_attr: dict[str, np.ndarray] = {}
    for (attr, label), w in info.state_features.items():
        weights_by_attr.setdefault(attr, np.zeros(3))[label_ix[label]] = w
    attrs = sorted(a for a, w in weights_by_attr.items() if np.any(w != 0))
    state = (
        np.array([weights_by_attr[a] for a in attrs], dtype=np.float32).astype(np.float64)
        if attrs
        else np.zeros((0, 3))
    )
    trans = np.zeros((3, 3))
    for (a, b), w in info.transitions.items():
        trans[label_ix[a], label_ix[b]] = w
    return Tagger(attrs=attrs, state=state, transitions=trans, extract=params.extract)


def _copies(doc: Doc, params: Params) -> int:
    return 1 if doc.source == "babe" else params.passage_copies


def fit_categories(tagger: Tagger, docs: Sequence[Doc]) -> None:
    """Multinomial logistic model span words -> category, from the curated lexicon's entries
    and our annotated passages; the fallback when no lexicon or pattern entry covers a span."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    examples: list[tuple[list[str], str]] = []
    for entry in parse_tsv((LEXICON_DIR / "en.tsv").read_text(encoding="utf-8")):
        words = re.findall(r"\w+(?:'\w+)*", entry.term.split("|")[0].lower())
        if words and entry.category in CATEGORY_KEYS:
            examples.append((words, entry.category))
    for doc in docs:
        if doc.source == "babe":
            continue
        for s, e, cat in doc.spans:
            words = re.findall(r"\w+(?:'\w+)*", doc.text[s:e].lower())
            if words and cat in CATEGORY_KEYS:
                examples.append((words, cat))
    cats = sorted({c for _, c in examples})
    feats = [category_features(w) for w, _ in examples]
    vocab = sorted({f for fs in feats for f in fs})
    index = {f: i for i, f in enumerate(vocab)}
    rows, cols = [], []
    for r, fs in enumerate(feats):
        for f in set(fs):
            rows.append(r)
            cols.append(index[f])
    x = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(feats), len(vocab)))
    y = np.array([cats.index(c) for _, c in examples])
    clf = LogisticRegression(C=2.0, max_iter=3000).fit(x, y)
    tagger.categories = cats
    tagger.cat_attrs = vocab
    tagger.cat_coef = clf.coef_.T.astype(np.float32).astype(np.float64)
    tagger.cat_bias = clf.intercept_.astype(np.float64)
    tagger._cat_index = {a: i for i, a in enumerate(vocab)}
    counts = {c: sum(1 for _, k in examples if k == c) for c in cats}
    tagger.default_category = max(cats, key=lambda c: (counts[c], c))


# --- calibration and operating points -------------------------------------------------
def dev_span_rows(tagger: Tagger, docs: Sequence[Doc]) -> list[tuple]:
    """(doc index, raw score, fraction of the span's characters inside gold, weight of the
    lexicon or pattern entry supporting it (0 for none), ``span_features``, start, end) per
    span ``tagger`` extracts from ``docs`` (dev, or a fold its CRF did not see)."""
    rows = []
    for k, doc in enumerate(docs):
        prep = prepare(doc.text, "en")
        gold = [(s, e) for s, e, *_ in doc.spans]
        evidence = tagger.evidence(prep)
        comp = tagger.compile(token_parts(prep))
        for s, e, raw, ids in tagger.raw_spans(prep, comp):
            covered = sum(max(0, min(e, b) - max(s, a)) for a, b in gold)
            support = tagger.hit(evidence, s, e, comp, ids)[1]
            extra = span_features([prep.tokens.words[i] for i in ids], support)
            rows.append((k, raw, min(1.0, covered / (e - s)), support, extra, s, e))
    return rows


def out_of_fold_rows(docs: Sequence[Doc], weights: Sequence[int], params: Params) -> list[tuple]:
    """``dev_span_rows`` of every training document, each scored by a CRF trained on the
    other folds (fold = index mod ``params.calib_folds``). In-sample scores of the packaged
    CRF are overconfident on its own training text; out of fold, the training split's
    neutral passages (technical, invented and everyday words) show the calibration what the
    CRF does with words it has not seen, which the few dev passages cannot."""
    k = params.calib_folds
    seqs = [[(seq, labels) for seq, labels in sequences(doc) if seq] for doc in docs]
    rows: list[tuple] = []
    for fold in range(k):
        fit_rows = [
            (seq, labels, weights[i])
            for i in range(len(docs))
            if i % k != fold
            for seq, labels in seqs[i]
        ]
        crf = fit_sequences(fit_rows, params)
        crf.trim = params.trim
        held = [i for i in range(len(docs)) if i % k == fold]
        for j, *rest in dev_span_rows(crf, [docs[i] for i in held]):
            rows.append((held[j], *rest))
    rows.sort(key=lambda r: (r[0], r[5], r[6]))
    return rows


def calibrate_pooled(tagger: Tagger, docs: Sequence[Doc], rows: Sequence[tuple]) -> None:
    """Platt-calibrate the tagger's span scores on ``rows`` (``dev_span_rows`` over
    ``docs``), every source weighing the same, and choose the operating points on the same
    spans' calibrated scores."""
    fit = platt(
        [r[1] for r in rows],
        [r[2] for r in rows],
        [r[3] for r in rows],
        _source_weights(docs, [r[0] for r in rows]),
        [r[4] for r in rows],
    )
    tagger.calib_a, tagger.calib_b, tagger.calib_s, tagger.calib_x = fit
    spans_by_doc: list[list[tuple[int, int, float]]] = [[] for _ in docs]
    for k, raw, _cov, support, extra, s, e in rows:
        spans_by_doc[k].append((s, e, round(tagger.calibrate(raw, support, extra), 4)))
    tagger.points = points_from_spans(docs, spans_by_doc)


def platt(
    raws: Sequence[float],
    hits: Sequence[float],
    support: Sequence[float] | None = None,
    weights: Sequence[float] | None = None,
    extra: Sequence[dict[str, float]] | None = None,
) -> tuple:
    """Sigmoid calibration of logit(raw score) (plus the weight of a supporting curated
    entry and, given ``extra``, the span features) against 'the span overlaps gold'; returns
    (slope, offset, support slope), plus {feature: slope} when ``extra`` is given.
    (A 'lone unsupported word' offset was tried too: it did not raise dev F1; span length
    and the lowest and highest token marginals did not either, in 5-fold cross-validation
    on dev, bench/README.md.)"""
    from sklearn.linear_model import LogisticRegression

    names = list(SPAN_FEATURES) if extra is not None else []
    y = np.array([h > 0 for h in hits], dtype=int)
    if len(set(y.tolist())) < 2:
        return (1.0, 0.0, 0.0, {}) if names else (1.0, 0.0, 0.0)
    cols = [[_logit(r) for r in raws]]
    if support is not None:
        cols.append([float(x) for x in support])
    cols += [[float(f[n]) for f in extra or ()] for n in names]
    x = np.array(cols).T
    clf = LogisticRegression(C=100.0, max_iter=1000).fit(x, y, sample_weight=weights)
    a, b = float(clf.coef_[0, 0]), float(clf.intercept_[0])
    s = float(clf.coef_[0, 1]) if support is not None else 0.0
    first = 2 if support is not None else 1
    slopes = {n: round(float(clf.coef_[0, first + j]), 6) for j, n in enumerate(names)}
    if a <= 0.05:
        return (1.0, 0.0, 0.0, {}) if names else (1.0, 0.0, 0.0)
    return (a, b, max(s, 0.0), slopes) if names else (a, b, max(s, 0.0))


def _source_weights(docs: Sequence[Doc], doc_index: Sequence[int]) -> list[float]:
    """Sample weights giving every dev source the same total weight (see ``choose_points``)."""
    counts: dict[str, int] = {}
    for k in doc_index:
        counts[docs[k].source] = counts.get(docs[k].source, 0) + 1
    return [len(doc_index) / (len(counts) * counts[docs[k].source]) for k in doc_index]


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def choose_points(
    tagger: Tagger, docs: Sequence[Doc], use_legacy: bool = True
) -> dict[str, dict[str, float]]:
    """Thresholds on the calibrated score: precision (max F0.5), balanced (max F1), recall
    (max F2), each with its partial-overlap precision and recall on ``docs``.

    Precision, recall and F are means over the dev sources (BABE sentences, our passages),
    not pooled: pooled, BABE's 350 word-level sentences would pick the threshold alone, and it
    would suit neither multi-sentence news nor statements, where most sentences carry no loaded
    term (bench/README.md: the pooled choice cost precision on our own-style splits)."""
    spans_by_doc: list[list[tuple[int, int, float]]] = []
    for doc in docs:
        prep = prepare(doc.text, "en")
        legacy = legacy_spans(prep) if use_legacy else None
        found = tagger.tag(prep, min_score=0.0, legacy=legacy)
        spans_by_doc.append([(t.start, t.end, t.score) for t in found])
    return points_from_spans(docs, spans_by_doc)


def points_from_spans(
    docs: Sequence[Doc], spans_by_doc: Sequence[Sequence[tuple[int, int, float]]]
) -> dict[str, dict[str, float]]:
    """The three operating points from scored (start, end, score) spans of ``docs``, as mean
    scores over the documents' sources (one source: pooled)."""
    groups: dict[str, list[int]] = {}
    for k, doc in enumerate(docs):
        groups.setdefault(doc.source, []).append(k)
    grid = sorted({round(p, 3) for spans in spans_by_doc for *_, p in spans} | {0.05})
    curves = [
        partial_pr_curve([docs[k] for k in ks], [spans_by_doc[k] for k in ks], grid)
        for ks in groups.values()
    ]
    best: dict[str, tuple[float, float, float, float]] = {}
    for i, t in enumerate(grid):
        per = [curve[i] for curve in curves]
        for name, beta in (("precision", 0.5), ("balanced", 1.0), ("recall", 2.0)):
            f = sum(_fbeta(p, r, beta) for p, r in per) / len(per)
            p = sum(x[0] for x in per) / len(per)
            r = sum(x[1] for x in per) / len(per)
            if name not in best or f > best[name][0] + 1e-9:
                best[name] = (f, t, p, r)
    return {
        name: {"threshold": round(t, 4), "precision": round(p, 4), "recall": round(r, 4)}
        for name, (_f, t, p, r) in best.items()
    }


def _fbeta(p: float, r: float, beta: float) -> float:
    return (1 + beta**2) * p * r / (beta**2 * p + r) if p + r else 0.0


def partial_pr_curve(
    docs: Sequence[Doc],
    spans_by_doc: Sequence[Sequence[tuple[int, int, float]]],
    grid: Sequence[float],
) -> list[tuple[float, float]]:
    """``partial_pr`` at every threshold of ``grid``, in one pass over the spans.

    Re-scoring every document at each of ~1,000 thresholds was 80 % of a workspace model's
    training time at 300 documents (bench/README.md). A prediction's precision credit does not
    depend on the threshold, and a gold span's recall credit only grows, at the scores of the
    predictions that cover more of it; so both are sums over the spans scoring >= t."""
    from .evaluation import _covered, _merge

    scores: list[float] = []  # per distinct predicted span: its best score ...
    credits: list[float] = []  # ... and the share of it inside gold spans
    events: list[float] = []  # a score at which some gold span's covered share grows ...
    gains: list[float] = []  # ... and by how much
    n_gold = 0
    for doc, spans in zip(docs, spans_by_doc, strict=True):
        gold = sorted({(s, e) for s, e, *_ in doc.spans})
        n_gold += len(gold)
        best: dict[tuple[int, int], float] = {}
        for s, e, p in spans:  # a span predicted twice counts once, as in partial_pr
            best[(s, e)] = max(p, best.get((s, e), -math.inf))
        union = _merge(gold)
        for (s, e), p in best.items():
            scores.append(p)
            credits.append(_covered(s, e, union) / (e - s))
        ranked = sorted(best.items(), key=lambda kv: -kv[1])
        for gs, ge in gold:
            parts: list[tuple[int, int]] = []
            before = 0
            for (s, e), p in ranked:
                if s < ge and gs < e:
                    parts.append((max(s, gs), min(e, ge)))
                    now = sum(b - a for a, b in _merge(parts))
                    if now > before:
                        events.append(p)
                        gains.append((now - before) / (ge - gs))
                        before = now
    return [
        (c / n if n else 0.0, r / n_gold if n_gold else 0.0)
        for (c, n), r in zip(
            _at_least(scores, credits, grid),
            (c for c, _ in _at_least(events, gains, grid)),
            strict=True,
        )
    ]


def _at_least(keys: list[float], values: list[float], grid: Sequence[float]):
    """Per threshold t of ``grid``: (sum of ``values`` whose key >= t, how many)."""
    order = np.argsort(keys, kind="stable")
    ranked = np.asarray(keys, dtype=float)[order]
    tail = np.concatenate([np.cumsum(np.asarray(values, dtype=float)[order][::-1])[::-1], [0.0]])
    for t in grid:
        i = int(np.searchsorted(ranked, t, side="left"))
        yield float(tail[i]), len(ranked) - i


def partial_pr(
    docs: Sequence[Doc], spans_by_doc: Sequence[Sequence[tuple[int, int, float]]], t: float
) -> tuple[float, float]:
    """Label-agnostic SemEval-style partial-overlap precision and recall at threshold t."""
    from .evaluation import partial_span_scores

    gold = [[(s, e, LOADED) for s, e, *_ in d.spans] for d in docs]
    pred = [[(s, e, LOADED) for s, e, p in spans if p >= t] for spans in spans_by_doc]
    micro = partial_span_scores(gold, pred).micro
    return micro.precision, micro.recall


def legacy_spans(prep) -> list[tuple]:
    """The packaged curated-candidate scorer's accepted spans (lexicon and patterns)."""
    from .analysis import _legacy_terms
    from .artifacts import DEFAULT_PATH, load_model

    return _legacy_terms(prep, load_model(DEFAULT_PATH, origin="builtin"))


def calibrate(
    tagger: Tagger, docs: Sequence[Doc], use_legacy: bool = True, span_level: bool = True
) -> None:
    """Platt-calibrate the tagger's span scores (with the span features unless
    ``span_level`` is False) and the curated scorer's probabilities on ``docs`` (dev), then
    choose the operating points on the merged output."""
    rows = dev_span_rows(tagger, docs)
    fit = platt(
        [r[1] for r in rows],
        [r[2] for r in rows],
        [r[3] for r in rows],
        _source_weights(docs, [r[0] for r in rows]),
        [r[4] for r in rows] if span_level else None,
    )
    tagger.calib_a, tagger.calib_b, tagger.calib_s = fit[:3]
    tagger.calib_x = fit[3] if len(fit) > 3 else {}
    if use_legacy:
        probs, hits = [], []
        for doc in docs:
            gold = [(s, e) for s, e, *_ in doc.spans]
            for s, e, _cat, p, *_ in legacy_spans(prepare(doc.text, "en")):
                probs.append(p)
                hits.append(float(any(a < e and s < b for a, b in gold)))
        tagger.legacy_a, tagger.legacy_b = platt(probs, hits)[:2] if probs else (0.0, 0.0)
    tagger.points = choose_points(tagger, docs, use_legacy)


def data_fingerprint() -> str:
    """sha256 over every file the tagger is trained from (a test compares it with the one
    stored in the packaged tagger, so changed data without a rebuild fails)."""
    import hashlib

    from .tagger import BIAS_WORDS_PATH

    digest = hashlib.sha256()
    for path in (
        BABE_PATH,
        PASSAGES_PATH,
        SEED_SPANS_PATH,
        LEXICON_DIR / "en.tsv",
        BIAS_WORDS_PATH,
    ):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _f1(points: dict) -> float:
    p, r = points["balanced"]["precision"], points["balanced"]["recall"]
    return 2 * p * r / (p + r) if p + r else 0.0


# --- the packaged tagger --------------------------------------------------------------
def train_tagger(
    params: Params | None = None,
    *,
    extra_docs: Sequence[Doc] = (),
    extra_copies: int = 5,
) -> Tagger:
    """Train on the training split (plus ``extra_docs``, e.g. a workspace's annotated
    articles, repeated ``extra_copies`` times so a little analyst data shifts the model) and,
    with ``params.train_on_dev``, the dev split; calibrate and choose operating points on
    out-of-fold spans (and the dev split, when it does not train)."""
    params = params or Params()
    if params.train_on_dev and params.calib_folds < 2:
        # Nothing unseen would be left to calibrate on.
        raise ValueError("train_on_dev needs out-of-fold calibration (calib_folds >= 2)")
    base = fitted_docs(train_on_dev=params.train_on_dev)
    docs = [*base, *extra_docs]
    weights = [_copies(d, params) for d in base] + [extra_copies] * len(extra_docs)
    tagger = fit_crf(docs, params, weights)
    tagger.trim = params.trim
    fit_categories(tagger, docs)
    # Two annotation conventions weigh the same in calibration and operating points: BABE's
    # words, and our phrase passages (the seed passages are phrase passages too).
    train = [replace(d, source="passages") if d.source == "seed" else d for d in docs]
    if params.train_on_dev:
        pooled, rows = train, out_of_fold_rows(docs, weights, params)
    else:
        dev = dev_docs()
        pooled = [replace(d, source="passages") if d.source == "seed" else d for d in dev]
        rows = dev_span_rows(tagger, dev)
        if params.calib_folds > 1:
            oof = out_of_fold_rows(docs, weights, params)
            rows = [*oof, *((k + len(train), *rest) for k, *rest in rows)]
            pooled = [*train, *pooled]
    calibrate_pooled(tagger, pooled, rows)
    # Merging the curated-candidate scorer's spans never raised balanced F1 on the dev split
    # (three rounds, bench/README.md); ``calibrate(..., use_legacy=True)`` still measures it.
    tagger.meta = {
        "params": {k: getattr(params, k) for k in Params.__dataclass_fields__},
        "data": (
            "BABE train and dev splits, our passages (train and dev), seed passages; see DATA.md"
            if params.train_on_dev
            else "BABE train split, our passages (train), seed passages; see DATA.md"
        ),
        "calibrated_on": (
            "out-of-fold spans of the train and dev splits"
            if params.train_on_dev
            else "BABE and passages dev splits + out-of-fold spans of the train split"
        ),
        "curated_scorer_merged": tagger.legacy_a > 0,
        "extra_docs": len(extra_docs),
        "data_sha256": data_fingerprint(),
    }
    return loads(dumps(tagger))


def build_default_tagger(path: Path = DEFAULT_TAGGER_PATH) -> Tagger:
    tagger = train_tagger()
    path.write_bytes(dumps(tagger))
    return loads(path.read_bytes())


if __name__ == "__main__":
    t = build_default_tagger()
    print(f"wrote {DEFAULT_TAGGER_PATH} ({DEFAULT_TAGGER_PATH.stat().st_size} bytes)")
    print(json.dumps(t.operating_points(), indent=2))
