"""Parallax framing engine: plain Python, no Django.

``analyze(text, *, language="en", model=None) -> Analysis`` is the one entry point; every span
in the result is a pair of code-point offsets into the exact string passed in. It runs the
pipeline of components in ``pipeline.py`` over one ``doc.Doc`` (see README.md).
"""

from .analysis import ENGINE_VERSION, analyze
from .artifacts import EngineModel, load_model, save_model
from .types import ActorMention, Analysis, FrameScore, LoadedTerm, Quote, Sentence

__all__ = [
    "ENGINE_VERSION",
    "ActorMention",
    "Analysis",
    "EngineModel",
    "FrameScore",
    "LoadedTerm",
    "Quote",
    "Sentence",
    "analyze",
    "load_model",
    "save_model",
]
