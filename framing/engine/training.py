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
from .frame_training import (
    FrameExamples,
    frame_vocabulary,
    read_cues,
    seed_examples,
    train_frame_model,
)
from .frames import LinearMultiLabel
from .scorer import SpanModel, features
from .tagger import Tagger, default_tagger
from .text import split_sentences, tokenize

DATA = Path(__file__).parent / "data"
_MARK = re.compile(r"\[\[(.+?)\|([a-z_]+)\]\]", re.S)
SEED = 20240628  # fixed so the packaged model is reproducible


def _words(text: str) -> list[str]:
    return tokenize(text, [(0, len(text))]).words if text else []


# --- frames ---------------------------------------------------------------------------
# The frame models live in frame_training.py; these names stay importable from here.
def read_frame_seed(codebook: str) -> tuple[list[str], list[set[str]]]:
    """Our training sentences (held-out articles excluded) for one codebook."""
    ex = seed_examples(codebook)
    return ex.sentences, ex.labels


def train_frame_models(frame_examples, include_seed: bool = True) -> dict:
    """Both codebooks' frame models: our seed data (articles give the article layer) plus a
    workspace's labelled sentences, over one shared vocabulary."""
    examples, weak = {}, {}
    for book in CODEBOOKS:
        ex = seed_examples(book) if include_seed else FrameExamples([], [], [], [])
        extra = (frame_examples or {}).get(book)
        if extra:
            n = len(ex.sentences)
            # (sentences, labels[, groups[, articles[, weights]]]): groups keep an article's
            # sentences in one fold; articles are (sentence indices, article label set);
            # a weight < 1 marks labels inherited from the article (``train_frame_model``).
            if len(extra) > 4 and any(x < 1.0 for x in extra[4]):
                weak[book] = [1.0] * n + [float(x) for x in extra[4]]
            groups = extra[2] if len(extra) > 2 else None
            groups = groups or [f"workspace-{n + i}" for i in range(len(extra[0]))]
            articles = [
                ([n + i for i in idx], set(keys))
                for idx, keys in (extra[3] if len(extra) > 3 else [])
            ]
            ex = FrameExamples(
                [*ex.sentences, *extra[0]],
                [*ex.labels, *[set(x) for x in extra[1]]],
                [*ex.groups, *groups],
                [*ex.articles, *articles],
            )
        examples[book] = ex
    cues = {book: read_cues(book) for book in CODEBOOKS} if include_seed else {}
    vocabulary = frame_vocabulary(
        [s for ex in examples.values() for s in ex.sentences], cues.values()
    )
    return {
        book: train_frame_model(
            ex.sentences,
            ex.labels,
            [d.key for d in defs],
            groups=ex.groups,
            articles=ex.articles,
            cues=cues.get(book),
            vocabulary=vocabulary,
            weak=weak.get(book),
        )
        for book, defs in CODEBOOKS.items()
        for ex in [examples[book]]
    }


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
    tagger: Tagger | None = None,
    reuse_builtin_frames: bool = False,
    frames: Mapping[str, LinearMultiLabel] | None = None,
) -> EngineModel:
    """Train a full model. Workspace annotations are added to our seed data unless
    ``include_seed`` is False; ``tagger`` is a workspace's adapted loaded-term tagger
    (``adaptation.adapt_tagger``); ``reuse_builtin_frames`` takes the packaged frame models
    when there are no frame examples; ``frames`` are frame models already chosen
    (``frame_adaptation.choose_frames``), used as given. Returns the model with its content
    hash set."""
    texts, gold = read_span_seed() if include_seed else ([], [])
    texts, gold = [*texts, *(span_texts or [])], [*gold, *(span_gold or [])]
    span = train_span_model(texts, gold)
    if frames is not None:
        frames = dict(frames)
    elif reuse_builtin_frames and include_seed and not frame_examples and DEFAULT_PATH.exists():
        # No frame annotations: the frame models would be retrained from the seed data alone,
        # which is exactly the packaged model's (minutes saved per workspace training).
        frames = loads(DEFAULT_PATH.read_bytes(), origin="builtin").frames
    else:
        frames = train_frame_models(frame_examples, include_seed)
    meta: dict = {"seed": include_seed}
    if tagger is not None:
        meta["tagger"] = tagger.meta.get("adapted", "")
    draft = EngineModel(span, frames, "", origin, meta, tagger)
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
