"""``Doc``: one text and the layers the pipeline's components add to it, in order.

The text is tokenised once, when the ``Doc`` is made (``make_doc``); every component then
reads the layers before it and adds its own (spaCy's design, without spaCy). A layer is
``None`` or empty until its component has run. Everything is code-point offsets into
``text``; ``norm`` has the same length, so an offset found in it is valid in ``text``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from .text import Tokens, normalise, word_tokens
from .types import ActorMention, FrameScore, LoadedTerm

if TYPE_CHECKING:
    from .attribution import Verb
    from .quotes import QuoteFound
    from .scorer import Candidate, Context

# speaker span (start, end[, relay names outermost first]) -> actor key, or None
SpeakerActor = Callable[..., str | None]


def _no_actor(
    start: int | None, end: int | None, relays: Sequence[str] = (), name: str = ""
) -> str | None:
    return None


@dataclass(slots=True, eq=False)
class Doc:
    """One text and its layers. Fields after ``tokens`` are filled by components, in the
    order the pipeline runs them (see ``pipeline.COMPONENTS``)."""

    text: str
    requested_language: str  # as passed to ``analyze()``, kept in the ``Analysis``
    language: str  # primary subtag, lower-case ("en" for "en-GB")
    norm: str  # lower-cased, punctuation folded, same length as ``text``
    tokens: Tokens  # words and offsets; ``tokens.sentence`` is set by the sentences layer
    layers: list[str] = field(default_factory=list)  # names of the components run, in order
    # sentences
    sentences: list[tuple[int, int]] = field(default_factory=list)
    # tokens of title-case headlines read as words, not names (``headlines.headline_words``)
    headline_words: frozenset[int] | None = None
    # quotes and reported speech
    verbs: list[Verb] = field(default_factory=list)
    quotes: list[QuoteFound] = field(default_factory=list)
    # actors (and which actor each speaker is)
    actors: list[ActorMention] = field(default_factory=list)
    speaker_actor: SpeakerActor = _no_actor
    # candidates: lexicon, pattern and scare-quote spans, and what the span scorer reads
    candidates: list[Candidate] = field(default_factory=list)
    context: Context | None = None
    # loaded terms
    loaded_terms: tuple[LoadedTerm, ...] = ()
    # frames
    frames: dict[str, tuple[FrameScore, ...]] = field(default_factory=dict)
    sentence_frames: dict[str, np.ndarray] = field(default_factory=dict)
    frame_keys: dict[str, tuple[str, ...]] = field(default_factory=dict)
    dominant_frames: list[str | None] = field(default_factory=list)  # policy frame per sentence
    # tone
    tones: np.ndarray | None = None  # per sentence, float32
    tone_evidence: list[list[tuple[int, int, float]]] = field(default_factory=list)
    actor_tone: dict[str, float] = field(default_factory=dict)

    @property
    def english(self) -> bool:
        """Whether the English-only layers (tagger, tone, model candidates) apply."""
        return self.language == "en"


def primary_language(language: str) -> str:
    """ "en-GB", "en_US", "EN" -> "en"; empty -> "en"."""
    return (language or "en").lower().split("-")[0].split("_")[0]


def make_doc(text: str, language: str = "en") -> Doc:
    """The shared tokenisation: words with offsets and the normalised copy, computed once."""
    if not isinstance(text, str):
        raise TypeError("analyze() needs a str")
    return Doc(text, language, primary_language(language), normalise(text), word_tokens(text))
