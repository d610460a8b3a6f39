"""Training the frame models: our labelled articles and sentences, calibrated per-frame
classifiers, the article layer and per-frame thresholds. scikit-learn is imported here only,
never on the ``analyze()`` path (``frames.py`` scores the result with numpy).

The recipe, per codebook:

1. **Sentence model** — one logistic regression per frame over TF-IDF-weighted stemmed words
   and neighbouring word pairs plus one cue-lexicon feature per frame (how many of the frame's
   cue words the sentence holds). Cross-validated decision values (folds split by article, so
   no sentence is scored by a model that saw its neighbours) give a Platt calibration per frame.
   IDF weights and cue features are folded into the word coefficients, so scoring stays one
   sum per word.
2. **Article layer** — for every training article (and longer ones made by joining two to
   four of them), the out-of-fold sentence probabilities are
   summarised by ``frames.article_features``; a small logistic regression per frame maps them to a
   calibrated article probability.
3. **Decision rule** — each frame gets the threshold that maximises its F1 on cross-validated
   article probabilities (shrunk halfway towards the best shared threshold, as a frame with few
   examples would otherwise get a noisy one). No fixed top-k.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import frames as _frames
from .frames import (
    ARTICLE_FEATURES,
    LinearMultiLabel,
    article_features,
    features_for_training,
    pairs_for_training,
)
from .text import tokenize

FRAMES_DIR = Path(__file__).parent / "data" / "frames"
SEED = 20240628
SENTENCE_C = 0.5  # inverse regularisation of the sentence models (4-fold CV on train: 0.5-2 tie)
ARTICLE_C = 1.0
MIN_LENGTH = 8  # sentences scale as if this many words long at least (CV on train: 1, 5, 8, 12)
MIN_PAIR_DF = 2  # a word pair becomes a feature when at least this many sentences hold it
FOLDS = 5
JOINED_MIN_SENTENCES = 2
THRESHOLD_GRID = np.round(np.arange(0.15, 0.76, 0.05), 2)

POLICY_CODES = {
    "eco": "economic",
    "cap": "capacity_resources",
    "mor": "morality",
    "fair": "fairness_equality",
    "leg": "legality",
    "pres": "policy_prescription",
    "crime": "crime_punishment",
    "sec": "security_defense",
    "health": "health_safety",
    "qol": "quality_of_life",
    "cult": "cultural_identity",
    "pub": "public_opinion",
    "polit": "political",
    "ext": "external_reputation",
    "other": "other",
}
GENERIC_CODES = {
    "conf": "conflict",
    "hum": "human_interest",
    "resp": "responsibility",
    "moral": "morality",
    "econ": "economic_consequences",
}


class FrameDataError(ValueError):
    """A line of our frame data files cannot be read (the message names file and line)."""


@dataclass(frozen=True, slots=True)
class FrameDoc:
    """One short article (or, with genre "sentences", a group of unrelated sentences)."""

    id: str
    topic: str
    genre: str
    sentences: tuple[str, ...]
    policy: tuple[tuple[str, ...], ...]  # frame keys per sentence, dominant first
    generic: tuple[tuple[str, ...], ...]
    salient: tuple[str, ...] | None = None  # explicit policy label set ("= codes" header)

    @property
    def is_article(self) -> bool:
        return self.genre != "sentences"

    @property
    def text(self) -> str:
        return " ".join(self.sentences)

    def sentence_labels(self, book: str) -> tuple[tuple[str, ...], ...]:
        return self.policy if book == "policy" else self.generic

    def labels(self, book: str) -> frozenset[str]:
        """The article's label set: the frames its header names, else the union of its
        sentences' frames."""
        if book == "policy" and self.salient is not None:
            return frozenset(self.salient)
        return frozenset(k for keys in self.sentence_labels(book) for k in keys)


def read_frame_docs(directory: Path = FRAMES_DIR / "articles") -> list[FrameDoc]:
    """Every article of ``articles/*.txt`` (format in ``data/frames/README.md``)."""
    docs: list[FrameDoc] = []
    seen: set[str] = set()
    for path in sorted(directory.glob("*.txt")):
        head: tuple[str, str, str, tuple[str, ...] | None] | None = None
        rows: list[tuple[tuple[str, ...], tuple[str, ...], str]] = []
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate([*lines, "## end"], start=1):
            where = f"{path.name}, line {number}"
            if not line.strip() or line.startswith("# "):
                continue
            if line.startswith("## "):
                if head is not None:
                    if not rows:
                        raise FrameDataError(f"{where}: article {head[0]} has no sentences")
                    docs.append(_doc(head, rows))
                if line == "## end" and number == len(lines) + 1:
                    break
                parts, _, salient = line[3:].partition(" = ")
                parts = parts.split()
                if len(parts) != 3:
                    raise FrameDataError(
                        f"{where}: header must be '## <id> <topic> <genre>[ = <policy codes>]'"
                    )
                if parts[0] in seen:
                    raise FrameDataError(f"{where}: duplicate article id {parts[0]}")
                seen.add(parts[0])
                keys = _codes(salient, POLICY_CODES, where) if salient.strip() else None
                head, rows = (parts[0], parts[1], parts[2], keys), []
                continue
            if head is None:
                raise FrameDataError(f"{where}: sentence before the first '## ' header")
            rows.append(_row(line, where))
    return docs


def _row(line: str, where: str) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    parts = line.split(" :: ")
    if len(parts) != 3 or not parts[2].strip():
        raise FrameDataError(f"{where}: expected '<policy codes> :: <generic codes> :: <text>'")
    policy = _codes(parts[0], POLICY_CODES, where)
    return policy, _codes(parts[1], GENERIC_CODES, where), parts[2].strip()


def _codes(field: str, codes: dict[str, str], where: str) -> tuple[str, ...]:
    keys = []
    for code in field.split():
        if code == "-":
            continue
        if code not in codes:
            raise FrameDataError(f"{where}: unknown frame code {code!r}")
        keys.append(codes[code])
    return tuple(keys)


def _doc(head, rows) -> FrameDoc:
    return FrameDoc(
        head[0],
        head[1],
        head[2],
        tuple(r[2] for r in rows),
        tuple(r[0] for r in rows),
        tuple(r[1] for r in rows),
        head[3],
    )


def heldout_ids(path: Path = FRAMES_DIR / "heldout.txt") -> frozenset[str]:
    """Ids of the held-out articles (frozen before tuning; never trained on)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(ln.strip() for ln in lines if ln.strip() and not ln.startswith("#"))


def frame_split() -> tuple[list[FrameDoc], list[FrameDoc]]:
    """(training documents, held-out articles)."""
    held = heldout_ids()
    docs = read_frame_docs()
    return [d for d in docs if d.id not in held], [d for d in docs if d.id in held]


def read_cues(codebook: str, path: Path = FRAMES_DIR / "cues.tsv") -> dict[str, list[str]]:
    """frame key -> cue words and two-word cues of one codebook."""
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("codebook\t"):
            continue
        book, key, cues = line.split("\t")
        if book == codebook:
            out.setdefault(key, []).extend(cues.split())
    return out


# --- features ---------------------------------------------------------------------------
def _words(text: str) -> list[str]:
    return tokenize(text, [(0, len(text))]).words if text else []


def sentence_features(text: str) -> tuple[list[str], list[str]]:
    """(word features, word-pair features) of one sentence, as scoring derives them."""
    words = _words(text)
    return features_for_training(words), pairs_for_training(words)


def _cue_sets(cues: Mapping[str, Sequence[str]]) -> dict[str, set[str]]:
    """Cue words as feature names (stemmed; multi-word cues written with '_' become pairs)."""
    out: dict[str, set[str]] = {}
    for key, items in cues.items():
        names = set()
        for cue in items:
            stems = features_for_training(_words(cue.replace("_", " ")))
            if len(stems) == 1:
                names.add(stems[0])
            elif len(stems) == 2:
                names.add(f"{stems[0]} {stems[1]}")
        out[key] = names
    return out


def frame_vocabulary(
    sentences: Iterable[str], cues: Iterable[Mapping[str, Sequence[str]]] = ()
) -> list[str]:
    """Sorted feature names: every word of ``sentences``, word pairs held by at least
    MIN_PAIR_DF sentences, and the cue words (with the words of two-word cues)."""
    words: set[str] = set()
    pair_df: dict[str, int] = {}
    for s in sentences:
        uni, pairs = sentence_features(s)
        words.update(uni)
        for p in set(pairs):
            pair_df[p] = pair_df.get(p, 0) + 1
    names = words | {p for p, n in pair_df.items() if n >= MIN_PAIR_DF}
    for book in cues:
        for items in _cue_sets(book).values():
            names |= items
    for name in list(names):
        if " " in name:
            names.update(name.split(" ", 1))
    return sorted(names)


@dataclass(frozen=True, slots=True)
class _Design:
    unscaled: object  # csr (n, n_features + n_cues): idf-weighted counts, cue counts
    length: np.ndarray  # known words per sentence (the scale is 1/sqrt(length))
    idf: np.ndarray
    cue_of: list[list[int]]  # feature index -> cue columns it counts towards


def _design(
    sentences: Sequence[str],
    words: Sequence[str],
    cue_sets: dict[str, set[str]],
    keys,
    min_length: int = MIN_LENGTH,
) -> _Design:
    from scipy.sparse import csr_matrix

    vocab = {w: i for i, w in enumerate(words)}
    n_feat = len(words)
    cue_cols = [k for k in keys if cue_sets.get(k)]
    cue_of: list[list[int]] = [[] for _ in range(n_feat)]
    for c, k in enumerate(cue_cols):
        for name in cue_sets[k]:
            if name in vocab:
                cue_of[vocab[name]].append(n_feat + c)
    feats = []
    for s in sentences:
        uni, pairs = sentence_features(s)
        feats.append([vocab[f] for f in (*uni, *pairs) if f in vocab])
    lengths = np.array(
        [max(min_length, len(sentence_features(s)[0])) for s in sentences], dtype=float
    )
    df = np.zeros(n_feat)
    for ids in feats:
        df[list(set(ids))] += 1
    idf = np.log((1 + len(sentences)) / (1 + df)) + 1.0
    rows, cols, vals = [], [], []
    for r, ids in enumerate(feats):
        for i in ids:
            rows.append(r), cols.append(i), vals.append(idf[i])
            for c in cue_of[i]:
                rows.append(r), cols.append(c), vals.append(1.0)
    x = csr_matrix(
        (vals, (rows, cols)), shape=(len(sentences), n_feat + len(cue_cols)), dtype=np.float64
    )
    x.sum_duplicates()
    return _Design(x, lengths, idf, cue_of)


def _scaled(design: _Design, rows=None):
    from scipy.sparse import diags

    x, length = design.unscaled, design.length
    if rows is not None:
        x, length = x[rows], length[rows]
    return diags(1.0 / np.sqrt(length)) @ x


# --- training ---------------------------------------------------------------------------
def train_frame_model(
    sentences: Sequence[str],
    labels: Sequence[Iterable[str]],
    label_keys: Sequence[str],
    *,
    groups: Sequence[str] | None = None,
    articles: Sequence[tuple[Sequence[int], Iterable[str]]] | None = None,
    cues: Mapping[str, Sequence[str]] | None = None,
    c: float = SENTENCE_C,
    vocabulary: Sequence[str] | None = None,
    calibrate: bool = True,
    min_length: int = MIN_LENGTH,
    weak: Sequence[float] | None = None,
) -> LinearMultiLabel:
    """Per-frame calibrated classifiers for one codebook.

    ``labels[i]`` holds the frame keys of ``sentences[i]``; ``groups[i]`` names the document a
    sentence comes from (cross-validation never splits a document; default: each sentence its
    own). ``articles`` lists (sentence indices, article label set) for the article layer;
    without enough of them the model keeps the older top-fifth article rule. ``weak[i]`` < 1
    marks a sentence whose labels were inherited from its article's label set: a frame the
    article lacks is surely absent (a full negative), one it holds may be in another of its
    sentences (a positive weighted ``weak[i]``); calibration uses sentence-level labels only."""
    from sklearn.linear_model import LogisticRegression

    keys = list(label_keys)
    sets = [set(lbls) for lbls in labels]
    groups = list(groups) if groups is not None else [str(i) for i in range(len(sentences))]
    cue_sets = _cue_sets(cues or {})
    if vocabulary is None:
        vocabulary = frame_vocabulary(sentences, [cues or {}])
    words = list(vocabulary)
    design = _design(sentences, words, cue_sets, keys, min_length)
    x = _scaled(design)
    y_all = np.array([[k in s for k in keys] for s in sets], dtype=int).reshape(len(sets), -1)
    n_feat, n_cols = len(words), x.shape[1]
    w = np.ones(len(sets)) if weak is None else np.asarray(weak, dtype=float)
    coef = np.zeros((n_cols, len(keys)))
    intercept = np.zeros(len(keys))
    for j in range(len(keys)):
        y = y_all[:, j]
        if y.min() == y.max():
            intercept[j] = -4.0 if y.max() == 0 else 4.0
            continue
        clf = _sentence_clf(LogisticRegression, c).fit(x, y, **_weights(y, weak, w))
        coef[:, j], intercept[j] = clf.coef_[0], clf.intercept_[0]
    oof = _oof_sums(design, y_all, groups, c, None if weak is None else w) if calibrate else None
    cal_a, cal_b = np.ones(len(keys)), np.zeros(len(keys))
    if oof is not None:
        dec = oof[0] / np.sqrt(design.length)[:, None] + oof[1]
        sure = w >= 1.0 if (w >= 1.0).any() else np.ones(len(w), dtype=bool)
        for j in range(len(keys)):
            cal_a[j], cal_b[j] = _platt(dec[sure, j], y_all[sure, j])
    folded = _fold(coef, design, n_feat)
    layer = {}
    if oof is not None and articles:
        layer = _article_layer(articles, keys, design, oof, cal_a, cal_b, sets)
    return LinearMultiLabel.create(
        keys, words, folded, intercept, cal_a, cal_b, min_length=min_length, **layer
    )


def _weights(y: np.ndarray, weak, w: np.ndarray) -> dict:
    """``fit`` keyword arguments: inherited positives count ``w``, all else fully (none
    when no label is inherited, so the packaged model trains exactly as before)."""
    return {"sample_weight": np.where(y == 1, w, 1.0)} if weak is not None else {}


def _sentence_clf(cls, c: float):
    return cls(C=c, max_iter=3000, class_weight="balanced", solver="liblinear", random_state=SEED)


def _small_clf(cls, c: float):
    """Logistic regression for a few dense features (calibration, article layer): liblinear
    is fast and single-threaded here; a large intercept scaling leaves the intercept almost
    unpenalised."""
    return cls(C=c, solver="liblinear", intercept_scaling=100.0, max_iter=1000, random_state=SEED)


def _fold(coef: np.ndarray, design: _Design, n_feat: int) -> np.ndarray:
    """Word coefficients with IDF and cue features folded in (one number per word)."""
    out = coef[:n_feat] * design.idf[:, None]
    for i, cols in enumerate(design.cue_of):
        for col in cols:
            out[i] += coef[col]
    return out.astype(np.float32)


def _folds(groups: Sequence[str], k: int = FOLDS) -> np.ndarray:
    """Fold number per row, by a hash of its group (deterministic, documents never split)."""
    return np.array([int(hashlib.sha1(g.encode()).hexdigest(), 16) % k for g in groups])


def _oof_sums(design: _Design, y_all: np.ndarray, groups, c: float, w=None):
    """Out-of-fold unscaled coefficient sums per sentence (n, n_labels) and the intercept
    each sentence's fold model used (n, n_labels)."""
    from sklearn.linear_model import LogisticRegression

    fold = _folds(groups)
    x, u = _scaled(design), design.unscaled
    sums = np.zeros(y_all.shape, dtype=np.float64)
    inter = np.zeros(y_all.shape, dtype=np.float64)
    for f in range(FOLDS):
        test, train = fold == f, fold != f
        if not test.any() or not train.any():
            continue
        for j in range(y_all.shape[1]):
            y = y_all[train, j]
            if y.min() == y.max():
                inter[test, j] = -4.0 if y.max() == 0 else 4.0
                continue
            more = _weights(y, w, w[train]) if w is not None else {}
            clf = _sentence_clf(LogisticRegression, c).fit(x[train], y, **more)
            sums[test, j] = u[test] @ clf.coef_[0]
            inter[test, j] = clf.intercept_[0]
    return sums, inter


def _platt(dec: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Sigmoid calibration (Platt scaling) of cross-validated decision values; the identity
    when there is too little data or the fit comes out inverted."""
    from sklearn.linear_model import LogisticRegression

    if y.min() == y.max() or y.sum() < 3:
        return 1.0, 0.0
    cal = _small_clf(LogisticRegression, 1.0).fit(dec.reshape(-1, 1), y)
    slope, offset = float(cal.coef_[0, 0]), float(cal.intercept_[0])
    return (slope, offset) if slope > 0.05 else (1.0, 0.0)


def _article_layer(articles, keys, design: _Design, oof, cal_a, cal_b, labels) -> dict:
    """Article coefficients and per-frame thresholds from out-of-fold sentence scores."""
    from sklearn.linear_model import LogisticRegression

    sums, inter = oof
    probs = 1 / (1 + np.exp(-((sums / np.sqrt(design.length)[:, None] + inter) * cal_a + cal_b)))
    docs = [(list(rows), set(lbls)) for rows, lbls in articles if len(rows)]
    everything = docs + _joined(docs, labels)
    feats = np.stack([article_features(probs[rows]) for rows, _ in everything])
    y_all = np.array([[k in lbls for k in keys] for _, lbls in everything], dtype=int)
    fold = np.arange(len(everything)) % FOLDS
    n = len(keys)
    coef = np.zeros((n, ARTICLE_FEATURES))
    intercept = np.zeros(n)
    oof = np.zeros(y_all.shape)
    usable = np.zeros(n, dtype=bool)
    for j in range(n):
        y = y_all[:, j]
        if y.sum() < 3 or y.min() == y.max():
            coef[j, 0], intercept[j] = 1.0, 0.0  # too few examples: trust the top sentences
            oof[:, j] = 1 / (1 + np.exp(-feats[:, j, 0]))
            continue
        usable[j] = True
        clf = _small_clf(LogisticRegression, ARTICLE_C).fit(feats[:, j], y)
        coef[j], intercept[j] = clf.coef_[0], clf.intercept_[0]
        for f in range(FOLDS):
            train, test = fold != f, fold == f
            if y[train].min() == y[train].max():
                oof[test, j] = y[train].mean()
                continue
            part = _small_clf(LogisticRegression, ARTICLE_C).fit(feats[train, j], y[train])
            oof[test, j] = part.predict_proba(feats[test, j])[:, 1]
    # Thresholds are chosen for the rule as applied: a frame no sentence carries is never in.
    evidence = np.stack([probs[rows].max(axis=0) for rows, _ in everything])
    oof = np.where(evidence >= _frames.EVIDENCE_MIN, oof, 0.0)
    thresholds = _thresholds(oof, y_all, usable)
    return {"article_coef": coef, "article_intercept": intercept, "threshold": thresholds}


def _joined(docs, labels) -> list[tuple[list[int], set[str]]]:
    """Longer articles made by joining two to four training articles. Their label set is
    what a reader of a long article would call salient: the frames held by at least
    JOINED_MIN_SENTENCES of its sentences (one mention among thirty is not a frame of the
    article, one among five is)."""
    rng = np.random.default_rng(SEED)
    out = []
    for _ in range(2 * len(docs)):
        pick = rng.choice(len(docs), size=int(rng.integers(2, 5)), replace=False)
        rows = [r for i in pick for r in docs[i][0]]
        held: dict[str, int] = {}
        for r in rows:
            for k in labels[r]:
                held[k] = held.get(k, 0) + 1
        out.append((rows, {k for k, n in held.items() if n >= JOINED_MIN_SENTENCES}))
    return out


def _f1(pred: np.ndarray, y: np.ndarray) -> float:
    tp = float((pred & (y == 1)).sum())
    denom = float(pred.sum() + (y == 1).sum())
    return 2 * tp / denom if denom else 0.0


def _thresholds(oof: np.ndarray, y: np.ndarray, usable: np.ndarray) -> np.ndarray:
    """Per-frame F1-maximising thresholds, shrunk halfway towards the best shared one."""
    shared = max(THRESHOLD_GRID, key=lambda t: _f1(oof[:, usable] >= t, y[:, usable]))
    out = np.full(oof.shape[1], float(shared))
    for j in np.flatnonzero(usable):
        best = max(THRESHOLD_GRID, key=lambda t: (_f1(oof[:, j] >= t, y[:, j]), -abs(t - shared)))
        out[j] = round((float(best) + float(shared)) / 2, 3)
    return out


# --- seed data ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class FrameExamples:
    """Training rows of one codebook: sentences with labels and groups, and articles."""

    sentences: list[str]
    labels: list[set[str]]
    groups: list[str]
    articles: list[tuple[list[int], set[str]]]


def seed_examples(book: str, docs: Sequence[FrameDoc] | None = None) -> FrameExamples:
    """Our training documents (the held-out articles excluded) and the older example
    sentences of ``sentences.tsv`` for one codebook."""
    if docs is None:
        docs = frame_split()[0]
    sents: list[str] = []
    labels: list[set[str]] = []
    groups: list[str] = []
    articles: list[tuple[list[int], set[str]]] = []
    for d in docs:
        start = len(sents)
        sents.extend(d.sentences)
        labels.extend(set(k) for k in d.sentence_labels(book))
        groups.extend([d.id] * len(d.sentences))
        if d.is_article:
            articles.append((list(range(start, len(sents))), set(d.labels(book))))
    column = 0 if book == "policy" else 1
    for n, line in enumerate(_tsv_rows(FRAMES_DIR / "sentences.tsv")):
        cols = line.split("\t")
        sents.append(cols[2])
        labels.append({k for k in cols[column].split(",") if k and k != "-"})
        groups.append(f"tsv-{n}")
    return FrameExamples(sents, labels, groups, articles)


def _tsv_rows(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [
        ln
        for ln in lines
        if ln.strip()
        and not ln.startswith("#")
        and "\t" in ln
        and not ln.startswith(("policy\tgeneric", "codebook\tframe"))
    ]
