"""What every component is: a named step over a ``Doc`` that says which layers it reads."""

from __future__ import annotations

from typing import ClassVar

from ..doc import Doc


class MissingLayer(RuntimeError):
    """A component ran on a ``Doc`` that lacks a layer it reads."""


class Component:
    """``component(doc) -> doc``: checks that the layers it ``requires`` are there, adds its
    own (``apply``) and records its ``name`` in ``doc.layers``. Trainable components also
    have ``fit``, returning a new component."""

    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]] = ()

    def __call__(self, doc: Doc) -> Doc:
        missing = [layer for layer in self.requires if layer not in doc.layers]
        if missing:
            raise MissingLayer(f"the {self.name} component needs the {', '.join(missing)} layer(s)")
        self.apply(doc)
        doc.layers.append(self.name)
        return doc

    def apply(self, doc: Doc) -> None:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"
