"""``analyze()``: run the pipeline on one text and assemble the ``Analysis`` from its Doc."""

from __future__ import annotations

import numpy as np

from .artifacts import EngineModel, default_model
from .components.actors import dateline_actor, quote_actor
from .components.frames import SENTENCE_FRAME_MIN
from .components.terms import legacy_terms as _legacy_terms
from .doc import Doc
from .pipeline import MissingLayer, for_model
from .quotes import QuoteFound
from .types import Analysis, Quote, Sentence
from .version import engine_version

# Release plus a fingerprint of the rule files: analyses by older rules are not current.
ENGINE_VERSION = engine_version()

# Kept importable from here: ``dateline_actor`` by callers, ``_legacy_terms`` by the tagger's
# training, ``SENTENCE_FRAME_MIN`` as the documented rule.
__all__ = ["ENGINE_VERSION", "SENTENCE_FRAME_MIN", "_legacy_terms", "analyze", "dateline_actor"]


def analyze(text: str, *, language: str = "en", model: EngineModel | None = None) -> Analysis:
    """Analyse one article: loaded terms, quotes and voices, actors, tone and frames.

    Every span holds code-point offsets into ``text`` (end exclusive) with
    ``text[start:end] == span.text``. ``model`` is a loaded ``EngineModel``; ``None`` uses the
    packaged default. Non-English text runs the language-independent layers only.
    """
    if not isinstance(text, str):
        raise TypeError("analyze() needs a str")
    model = model or default_model()
    return to_analysis(for_model(model)(text, language), model)


def to_analysis(doc: Doc, model: EngineModel) -> Analysis:
    """The ``Analysis`` of a Doc that went through the whole pipeline."""
    tones = doc.tones
    if tones is None or "frames" not in doc.layers:
        raise MissingLayer("to_analysis() needs a Doc that went through the whole pipeline")
    tone_list = np.round(tones.astype(np.float64), 4).tolist()
    sentences = tuple(
        Sentence(s, e, tone_list[i], tuple(doc.tone_evidence[i]), doc.dominant_frames[i])
        for i, (s, e) in enumerate(doc.sentences)
    )
    return Analysis(
        text_length=len(doc.text),
        language=doc.requested_language,
        engine_version=ENGINE_VERSION,
        model_version=model.version,
        sentences=sentences,
        loaded_terms=doc.loaded_terms,
        quotes=tuple(_quote(doc, q) for q in doc.quotes),
        actors=tuple(doc.actors),
        frames=doc.frames,
        sentence_frames=doc.sentence_frames,
        frame_keys=doc.frame_keys,
        tone=round(float(tones.mean()), 4) if len(doc.sentences) else 0.0,
        actor_tone=doc.actor_tone,
    )


def _quote(doc: Doc, q: QuoteFound) -> Quote:
    sp = q.speaker
    return Quote(
        start=q.start,
        end=q.end,
        text=doc.text[q.start : q.end],
        kind=q.kind,  # type: ignore[arg-type]
        speaker=sp.text if sp else None,
        speaker_start=sp.start if sp else None,
        speaker_end=sp.end if sp else None,
        speaker_actor=quote_actor(doc, q) if sp else None,
        verb=sp.verb if sp else None,
        chain=tuple(h.text for h in q.chain),
    )
