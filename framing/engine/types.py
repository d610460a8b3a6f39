"""Result types of the framing engine: frozen, slotted dataclasses with code-point offsets.

Every span type carries ``start``/``end`` (end exclusive) into the exact string given to
``analyze()``, and its ``text`` equals ``text[start:end]``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

import numpy as np

Voice = Literal["own", "quoted", "attributed"]
Source = Literal["lexicon", "pattern", "model", "analyst"]
QuoteKind = Literal["direct", "partial", "scare", "reported"]
ActorKind = Literal["country", "organisation", "person", "bloc", "other"]


@dataclass(frozen=True, slots=True)
class LoadedTerm:
    """A word or phrase whose connotation carries a judgement beyond the facts."""

    start: int
    end: int
    text: str
    category: str
    score: float
    source: Source
    explanation: str
    voice: Voice
    speaker: str | None
    speaker_actor: str | None
    target_actor: str | None


@dataclass(frozen=True, slots=True)
class Quote:
    """Quoted or reported content; for direct quotes the span excludes the quote marks."""

    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_actor: str | None
    verb: str | None
    chain: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A mention of a country, organisation, person or bloc, merged under a canonical key."""

    start: int
    end: int
    text: str
    actor: str
    name: str
    kind: ActorKind


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence span with its tone and dominant policy frame."""

    start: int
    end: int
    tone: float
    tone_evidence: tuple[tuple[int, int, float], ...]
    frame: str | None


@dataclass(frozen=True, slots=True)
class FrameScore:
    """Probability of one frame with the cue words that drove it. ``selected`` says whether
    the frame is in the article's label set (the model's own per-frame decision rule)."""

    key: str
    probability: float
    cues: tuple[str, ...]
    selected: bool = False


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything ``analyze()`` found in one text."""

    text_length: int
    language: str
    engine_version: str
    model_version: str
    sentences: tuple[Sentence, ...]
    loaded_terms: tuple[LoadedTerm, ...]
    quotes: tuple[Quote, ...]
    actors: tuple[ActorMention, ...]
    frames: dict[str, tuple[FrameScore, ...]]
    sentence_frames: dict[str, np.ndarray] = field(default_factory=dict)
    frame_keys: dict[str, tuple[str, ...]] = field(default_factory=dict)
    tone: float = 0.0
    actor_tone: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict (numpy arrays become nested lists of floats)."""
        return {
            "text_length": self.text_length,
            "language": self.language,
            "engine_version": self.engine_version,
            "model_version": self.model_version,
            "sentences": [_plain(asdict(s)) for s in self.sentences],
            "loaded_terms": [asdict(t) for t in self.loaded_terms],
            "quotes": [_plain(asdict(q)) for q in self.quotes],
            "actors": [asdict(a) for a in self.actors],
            "frames": {k: [_plain(asdict(f)) for f in v] for k, v in self.frames.items()},
            "sentence_frames": {
                k: np.asarray(v, dtype=np.float64).round(6).tolist()
                for k, v in self.sentence_frames.items()
            },
            "frame_keys": {k: list(v) for k, v in self.frame_keys.items()},
            "tone": self.tone,
            "actor_tone": dict(self.actor_tone),
        }


def _plain(value: Any) -> Any:
    """Tuples become lists so the dict round-trips through JSON unchanged."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value
