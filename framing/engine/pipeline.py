"""The engine as a pipeline of components over one ``Doc`` (spaCy's design, without spaCy).

``make_doc`` tokenises the text once; then each component, in the fixed order of
``COMPONENTS``, reads the layers before it and adds its own:

    sentences -> quotes -> speakers -> actors -> candidates -> terms -> frames -> tone

The first five depend on no model (``prepare()`` runs them, for training as for
analysis); ``terms`` and ``frames`` read an ``EngineModel`` — the packaged one or a
workspace's, through the same pipeline (``for_model``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .components.actors import Actors
from .components.base import Component, MissingLayer
from .components.candidates import Candidates
from .components.frames import Frames
from .components.quotes import Quotes
from .components.sentences import Sentences
from .components.speakers import Speakers
from .components.terms import LoadedTerms
from .components.tone import Tone
from .doc import Doc, make_doc

if TYPE_CHECKING:
    from .artifacts import EngineModel

COMPONENTS = (
    "sentences",
    "quotes",
    "speakers",
    "actors",
    "candidates",
    "terms",
    "frames",
    "tone",
)

__all__ = ["COMPONENTS", "Component", "Doc", "MissingLayer", "Pipeline", "for_model", "prepare"]


class Pipeline:
    """Components run in order over a ``Doc``; ``pipeline(text, language)`` makes the Doc
    and runs them all. Each component's ``requires`` must be met by the ones before it."""

    def __init__(self, components: Sequence[Component]) -> None:
        seen: list[str] = []
        for c in components:
            missing = [r for r in c.requires if r not in seen]
            if missing:
                raise MissingLayer(
                    f"the {c.name} component needs {', '.join(missing)} before it "
                    f"(order: {' -> '.join(COMPONENTS)})"
                )
            if c.name in seen:
                raise ValueError(f"the {c.name} component appears twice")
            seen.append(c.name)
        self.components = tuple(components)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.components)

    def get(self, name: str) -> Component:
        """The component called ``name``."""
        for c in self.components:
            if c.name == name:
                return c
        raise KeyError(name)

    def __call__(self, text: str, language: str = "en") -> Doc:
        return self.run(make_doc(text, language))

    def run(self, doc: Doc) -> Doc:
        """Run every component not yet applied to ``doc``."""
        for c in self.components:
            if c.name not in doc.layers:
                doc = c(doc)
        return doc

    def __repr__(self) -> str:
        return f"Pipeline({' -> '.join(self.names)})"


# The components that read no model are stateless: one instance serves every pipeline.
_SHARED = (Sentences(), Quotes(), Speakers(), Actors(), Candidates())
_PREPARE = Pipeline(_SHARED)


def prepare(text: str, language: str = "en") -> Doc:
    """``text`` through the model-independent layers (sentences to candidates)."""
    return _PREPARE(text, language)


_PIPELINES: dict[int, tuple[EngineModel, Pipeline]] = {}


def for_model(model: EngineModel) -> Pipeline:
    """The full pipeline reading ``model`` (cached per model object, so frame models are
    stacked once)."""
    hit = _PIPELINES.get(id(model))
    if hit is not None and hit[0] is model:
        return hit[1]
    pipe = Pipeline([*_SHARED, LoadedTerms(model), Frames.from_model(model), Tone()])
    if len(_PIPELINES) > 8:
        _PIPELINES.clear()
    _PIPELINES[id(model)] = (model, pipe)
    return pipe
