"""Frames: article and sentence probabilities for every codebook of the model."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from ..doc import Doc
from ..frames import LinearMultiLabel, score_frames, stack_models
from ..types import FrameScore
from .base import Component

if TYPE_CHECKING:
    from ..artifacts import EngineModel

SENTENCE_FRAME_MIN = 0.3  # below this no policy frame is called dominant for a sentence
# (article frames, sentence probabilities, label keys), each per codebook
FrameLayers = tuple[
    dict[str, tuple[FrameScore, ...]], dict[str, np.ndarray], dict[str, tuple[str, ...]]
]


class Frames(Component):
    """Adds ``doc.frames`` (article level, per codebook), ``doc.sentence_frames``,
    ``doc.frame_keys`` and ``doc.dominant_frames`` (the policy frame of each sentence)."""

    name = "frames"
    requires = ("sentences",)

    def __init__(self, models: Mapping[str, LinearMultiLabel]) -> None:
        self.models = dict(models)
        self._stacked: tuple[LinearMultiLabel, list] | None = None

    @classmethod
    def from_model(cls, model: EngineModel) -> Frames:
        return cls(model.frames)

    def apply(self, doc: Doc) -> None:
        n = len(doc.sentences)
        doc.frames, doc.sentence_frames, doc.frame_keys = self.score(doc, n)
        policy = doc.sentence_frames.get("policy")
        doc.dominant_frames = _dominant(policy, doc.frame_keys.get("policy", ()), n)

    def score(self, doc: Doc, n: int) -> FrameLayers:
        """Score every codebook in one pass: models sharing a vocabulary are stacked
        column-wise so tokens are looked up and summed once."""
        frames: dict[str, tuple[FrameScore, ...]] = {}
        sentence_frames: dict[str, np.ndarray] = {}
        keys: dict[str, tuple[str, ...]] = {}
        if self._stacked is None:
            self._stacked = stack_models(self.models)
        combined, books = self._stacked
        result = score_frames(combined, doc.tokens, n)
        for book, labels, cols in books:
            sentence_frames[book] = np.ascontiguousarray(result.sentence_probs[:, cols])
            prefix = f"{book}:"
            frames[book] = tuple(
                FrameScore(f.key[len(prefix) :], f.probability, f.cues, f.selected)
                for f in result.article
                if f.key.startswith(prefix)
            )
            keys[book] = labels
        return frames, sentence_frames, keys

    def fit(
        self,
        examples: Mapping[str, tuple[Sequence[str], Sequence[Iterable[str]]]],
        *,
        include_seed: bool = True,
    ) -> Frames:
        """Retrain every codebook's model on labelled sentences (``examples[codebook]`` is
        (sentences, label sets)) added to our seed data unless ``include_seed`` is False."""
        from ..training import train_frame_models  # scikit-learn, loaded only to train

        self.models = train_frame_models(examples, include_seed)
        self._stacked = None
        return self


def _dominant(policy: np.ndarray | None, keys: tuple[str, ...], n: int) -> list[str | None]:
    """Dominant policy frame per sentence, None where no frame reaches SENTENCE_FRAME_MIN."""
    if policy is None or not len(policy):
        return [None] * n
    best = policy.argmax(axis=1)
    ok = policy[np.arange(len(policy)), best] >= SENTENCE_FRAME_MIN
    return [keys[j] if good else None for j, good in zip(best.tolist(), ok.tolist(), strict=True)]
