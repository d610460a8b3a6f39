"""Tone: each sentence's valence with its evidence, and the tone around each actor."""

from __future__ import annotations

from bisect import bisect_right

import numpy as np

from ..contrast.groups import group_phrases
from ..doc import Doc
from ..tone import sentence_tones
from .base import Component


class Tone(Component):
    """Adds ``doc.tones`` (-1..1 per sentence; 0 outside English), ``doc.tone_evidence``
    and ``doc.actor_tone``."""

    name = "tone"
    requires = ("sentences", "actors")

    def apply(self, doc: Doc) -> None:
        n = len(doc.sentences)
        if doc.english:
            doc.tones, doc.tone_evidence = sentence_tones(doc.tokens, n)
        else:
            doc.tones, doc.tone_evidence = np.zeros(n, dtype=np.float32), [[] for _ in range(n)]
        doc.actor_tone = actor_tone(doc, doc.tones)


def actor_tone(doc: Doc, tones: np.ndarray) -> dict[str, float]:
    """Mean tone of the sentences mentioning each actor, and each group of people (keyed
    ``group:<family>``, e.g. ``group:migrants`` for "asylum seekers" and "illegal aliens")."""
    if not len(tones):
        return {}
    sent_starts = [s for s, _ in doc.sentences]
    seen: dict[str, set[int]] = {}
    for a in doc.actors:
        seen.setdefault(a.actor, set()).add(max(0, bisect_right(sent_starts, a.start) - 1))
    if doc.english:
        for k, (start, end) in enumerate(doc.sentences):
            for phrase in group_phrases(doc.text[start:end]):
                if phrase.family:
                    seen.setdefault(f"group:{phrase.family}", set()).add(k)
    # tones[list(v)].mean() is np.mean([tones[i] for i in v]) without boxing every value;
    # the mean of one sentence is its own tone (x / 1 == x), read without a numpy call.
    values = tones.tolist()
    return {
        k: round(values[next(iter(v))] if len(v) == 1 else float(tones[list(v)].mean()), 4)
        for k, v in seen.items()
    }
