"""Which of a workspace's texts the packaged tagger was itself trained on.

Cross-validation on a workspace's documents compares the shipped tagger with an adapted one,
but on the very sentences the shipped tagger was fitted on (BABE's train split, our training
passages) its scores — and the stacked tagger's, which reads them as features — measure what
it memorised, not how it does on new text: on BABE train articles the shipped tagger scored
0.74–0.79 partial F1 out of fold, on BABE's test articles 0.455, and the stacked tagger
chosen on that evidence scored below it on the test articles (bench/README.md, issue 11).
Such texts still train the workspace tagger; they are not evidence for choosing it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .tagger import Tagger
from .tagger_training import data_fingerprint, fitted_docs

# A run of this many words repeated word for word is the same text, not a common phrase (at 8,
# BABE's test split shared "a Black man who died in police custody" with its train split).
# Runs, not sentences: a headline without a full stop runs into the next sentence when pasted.
# A shorter training text counts whole if it has at least SHORT words.
RUN, SHORT = 12, 6
_WORD = re.compile(r"\w+")


def _runs(words: list[str], n: int) -> set[int]:
    return {hash(" ".join(words[i : i + n])) for i in range(len(words) - n + 1)}


def _text_keys(text: str) -> set[int]:
    """What a training text contributes: its RUN-word runs, or itself when shorter."""
    words = _WORD.findall(text.lower())
    if len(words) < SHORT:
        return set()
    return _runs(words, min(RUN, len(words)))


def _keys(text: str) -> set[int]:
    """Every run of SHORT … RUN lower-cased words of a workspace text."""
    words = _WORD.findall(text.lower())
    return set().union(*(_runs(words, n) for n in range(SHORT, RUN + 1)))


@lru_cache(maxsize=2)
def _training_keys(fingerprint: str, train_on_dev: bool) -> frozenset[int]:
    """Word-run keys of the texts the packaged tagger was fitted on — the dev split too when
    it trained on it (cached per data fingerprint: the files are read once per process)."""
    docs = fitted_docs(train_on_dev=train_on_dev)
    return frozenset(k for doc in docs for k in _text_keys(doc.text))


@lru_cache(maxsize=1)
def _fingerprint() -> str:
    return data_fingerprint()


def seen_by_base(base: Tagger, texts: Sequence[str]) -> list[bool]:
    """Per text: does it repeat RUN words of a text ``base`` was trained on? Known only for
    a tagger built from the committed training data (its ``data_sha256`` matches the files);
    for any other tagger nothing is known, so nothing counts as seen."""
    fingerprint = _fingerprint()
    if (base.meta or {}).get("data_sha256") != fingerprint:
        return [False] * len(texts)
    trained_on_dev = bool(((base.meta or {}).get("params") or {}).get("train_on_dev", False))
    known = _training_keys(fingerprint, trained_on_dev)
    return [not known.isdisjoint(_keys(text)) for text in texts]
