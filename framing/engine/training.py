"""Training: the span scorer and the frame models, from our seed data or a workspace's
annotations. scikit-learn is imported here only, never on the ``analyze()`` path.

Rebuild the packaged default model with ``python -m framing.engine.training``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np

from .artifacts import DEFAULT_PATH, EngineModel, dumps, loads
from .candidates import prepare
from .codebooks import CODEBOOKS
from .frames import LinearMultiLabel, features_for_training
from .scorer import SpanModel, features
from .tagger import default_tagger
from .text import split_sentences, tokenize

DATA = Path(__file__).parent / "data"
_MARK = re.compile(r"\[\[(.+?)\|([a-z_]+)\]\]", re.S)
SEED = 20240628  # fixed so the packaged model is reproducible


def _words(text: str) -> list[str]:
    return tokenize(text, [(0, len(text))]).words if text else []


# --- frames ---------------------------------------------------------------------------
def train_frame_model(
    sentences: Sequence[str],
    labels: Sequence[Iterable[str]],
    label_keys: Sequence[str],
    *,
    c: float = 1.0,
    vocabulary: Sequence[str] | None = None,
    calibrate: bool = True,
    cue_weight: float = 1.0,
) -> LinearMultiLabel:
    """One-vs-rest logistic regression per frame with Platt calibration on cross-validated
    decision values. ``labels[i]`` holds the frame keys of ``sentences[i]``. One-word
    examples (cue words) train the weights but are left out of calibration, which must
    reflect real sentences."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    docs = [features_for_training(_words(s)) for s in sentences]
    # A vocabulary shared between codebooks lets analyze() look tokens up once for all models.
    words = sorted(set(vocabulary) if vocabulary is not None else {w for d in docs for w in d})
    vocab = {w: i for i, w in enumerate(words)}
    rows, cols, vals = [], [], []
    for r, d in enumerate(docs):
        d = [w for w in d if w in vocab]
        scale = 1.0 / np.sqrt(max(len(d), 1))
        for w in d:
            rows.append(r), cols.append(vocab[w]), vals.append(scale)
    x = csr_matrix((vals, (rows, cols)), shape=(len(docs), len(words)), dtype=np.float64)
    x.sum_duplicates()
    sets = [set(lbls) for lbls in labels]
    sentence_rows = np.array([len(d) > 1 for d in docs])
    # Cue words seed the vocabulary but count less than a real sentence, so one cue word
    # cannot carry a frame on its own.
    weights = np.where(sentence_rows, 1.0, cue_weight)
    coef = np.zeros((len(words), len(label_keys)), dtype=np.float32)
    intercept, cal_a, cal_b = (np.zeros(len(label_keys)) for _ in range(3))
    for j, key in enumerate(label_keys):
        y = np.array([key in s for s in sets], dtype=int)
        if y.min() == y.max():
            intercept[j], cal_a[j], cal_b[j] = (-4.0 if y.max() == 0 else 4.0), 1.0, 0.0
            continue
        clf = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
        clf.fit(x, y, sample_weight=weights)
        coef[:, j] = clf.coef_[0]
        intercept[j] = clf.intercept_[0]
        if calibrate:
            cal_a[j], cal_b[j] = _platt(x, y, c, sentence_rows, weights)
        else:
            cal_a[j], cal_b[j] = 1.0, 0.0
    return LinearMultiLabel.create(label_keys, words, coef, intercept, cal_a, cal_b)


def _platt(
    x, y: np.ndarray, c: float, rows: np.ndarray, weights: np.ndarray
) -> tuple[float, float]:
    """Sigmoid calibration (Platt scaling) of cross-validated decision values, fitted on the
    ``rows`` that are real sentences. Falls back to the identity when there is too little
    data or the fit comes out inverted."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    folds = int(min(5, np.bincount(y).min()))
    if folds < 2 or len(set(y[rows].tolist())) < 2:
        return 1.0, 0.0
    base = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
    cv = StratifiedKFold(folds, shuffle=True, random_state=SEED)
    dec = cross_val_predict(
        base, x, y, cv=cv, method="decision_function", params={"sample_weight": weights}
    )
    cal = LogisticRegression(C=1.0, max_iter=1000).fit(dec[rows].reshape(-1, 1), y[rows])
    slope, offset = float(cal.coef_[0, 0]), float(cal.intercept_[0])
    return (slope, offset) if slope > 0.05 else (1.0, 0.0)


def read_frame_seed(codebook: str) -> tuple[list[str], list[set[str]]]:
    """Our example sentences and cue words for one codebook ("policy" or "generic")."""
    texts: list[str] = []
    labels: list[set[str]] = []
    column = 0 if codebook == "policy" else 1
    for line in _rows(DATA / "frames" / "sentences.tsv"):
        cols = line.split("\t")
        texts.append(cols[2])
        labels.append({k for k in cols[column].split(",") if k and k != "-"})
    for line in _rows(DATA / "frames" / "cues.tsv"):
        book, key, cues = line.split("\t")
        if book == codebook:
            for cue in cues.split():
                texts.append(cue)
                labels.append({key})
    return texts, labels


_HEADERS = ("policy\tgeneric\tsentence", "codebook\tframe\tcues")


def _rows(path: Path) -> list[str]:
    """Data rows of one of our TSV files (comments and the header line skipped)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [
        ln
        for ln in lines
        if ln.strip() and not ln.startswith("#") and "\t" in ln and ln not in _HEADERS
    ]


# --- spans ----------------------------------------------------------------------------
def parse_marked(text: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Strip ``[[span|category]]`` markup; returns clean text and gold spans."""
    out, spans, pos = [], [], 0
    length = 0
    for m in _MARK.finditer(text):
        chunk = text[pos : m.start()]
        out.append(chunk)
        length += len(chunk)
        spans.append((length, length + len(m.group(1)), m.group(2)))
        out.append(m.group(1))
        length += len(m.group(1))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), spans


def read_span_seed(language: str = "en") -> tuple[list[str], list[list[tuple[int, int, str]]]]:
    """Our annotated example passages (one per blank-line-separated block)."""
    raw = (DATA / "spans" / f"{language}.txt").read_text(encoding="utf-8")
    blocks = [b.strip() for b in re.split(r"\n\s*\n", raw) if b.strip() and not b.startswith("#")]
    parsed = [parse_marked(b) for b in blocks]
    return [t for t, _ in parsed], [s for _, s in parsed]


def _gold(spans: Iterable) -> list[tuple[int, int]]:
    out = []
    for s in spans:
        if isinstance(s, Mapping):
            out.append((int(s["start"]), int(s["end"])))
        else:
            out.append((int(s[0]), int(s[1])))
    return out


def span_training_matrix(texts: Sequence[str], spans: Sequence[Iterable], language: str = "en"):
    """Features of every candidate in ``texts`` and whether it overlaps a gold span."""
    xs, ys = [], []
    for text, gold in zip(texts, spans, strict=True):
        prep = prepare(text, language)
        if not prep.candidates:
            continue
        g = _gold(gold)
        xs.append(features(prep.candidates, prep.context))
        ys.extend(int(any(a < c.end and c.start < b for a, b in g)) for c in prep.candidates)
    if not xs:
        raise ValueError("no candidate spans in the training texts")
    return np.vstack(xs), np.array(ys)


def train_span_model(
    texts: Sequence[str],
    spans: Sequence[Iterable],
    *,
    language: str = "en",
    c: float = 0.1,
    threshold: float = 0.6,
) -> SpanModel:
    """Fit the span scorer. ``spans[i]`` lists gold (start, end[, label]) tuples or dicts with
    ``start``/``end`` for ``texts[i]``; any candidate overlapping a gold span is a positive."""
    from sklearn.linear_model import LogisticRegression

    x, y = span_training_matrix(texts, spans, language)
    if y.min() == y.max():
        raise ValueError("span training needs both tagged and untagged candidates")
    clf = LogisticRegression(C=c, max_iter=5000).fit(x, y)
    return SpanModel(clf.coef_[0].astype(np.float64), float(clf.intercept_[0]), threshold)


# --- bundles --------------------------------------------------------------------------
def train_engine_model(
    *,
    span_texts: Sequence[str] | None = None,
    span_gold: Sequence[Iterable] | None = None,
    frame_examples: Mapping[str, tuple[Sequence[str], Sequence[Iterable[str]]]] | None = None,
    include_seed: bool = True,
    origin: str = "trained",
) -> EngineModel:
    """Train a full model. Workspace annotations are added to our seed data unless
    ``include_seed`` is False. Returns the model with its content hash set."""
    texts, gold = read_span_seed() if include_seed else ([], [])
    texts, gold = [*texts, *(span_texts or [])], [*gold, *(span_gold or [])]
    span = train_span_model(texts, gold)
    frames = {}
    examples = {}
    for book in CODEBOOKS:
        sents, labels = read_frame_seed(book) if include_seed else ([], [])
        extra = (frame_examples or {}).get(book)
        if extra:
            sents, labels = [*sents, *extra[0]], [*labels, *[set(x) for x in extra[1]]]
        examples[book] = (sents, labels)
    vocabulary = {
        w for sents, _ in examples.values() for s in sents for w in features_for_training(_words(s))
    }
    for book, defs in CODEBOOKS.items():
        sents, labels = examples[book]
        frames[book] = train_frame_model(
            sents, labels, [d.key for d in defs], vocabulary=sorted(vocabulary)
        )
    meta: dict = {"seed": include_seed}
    tagger = default_tagger()
    if span_texts and tagger is not None:
        # The loaded-term tagger adapts to the workspace through learned word offsets.
        meta["tagger_adjust"] = tagger.fit_adjustments(list(span_texts), list(span_gold or []))
    draft = EngineModel(span, frames, "", origin, meta)
    return loads(dumps(draft), origin=origin)


def build_default(path: Path = DEFAULT_PATH) -> EngineModel:
    """Train on our seed data and write the packaged default model."""
    model = train_engine_model(origin="builtin")
    path.write_bytes(dumps(model))
    return model


def split_for_sentences(text: str) -> list[str]:
    """Sentences of a text (helper for turning annotated articles into frame examples)."""
    return [text[s:e] for s, e in split_sentences(text)]


if __name__ == "__main__":
    from .tagger import DEFAULT_TAGGER_PATH
    from .tagger_training import build_default_tagger

    # The tagger first: the bundle's version covers both files.
    build_default_tagger()
    default_tagger.cache_clear()
    print(f"wrote {DEFAULT_TAGGER_PATH} ({DEFAULT_TAGGER_PATH.stat().st_size} bytes)")
    m = build_default()
    print(f"wrote {DEFAULT_PATH} ({DEFAULT_PATH.stat().st_size} bytes) {m.version}")
