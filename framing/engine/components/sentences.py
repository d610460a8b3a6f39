"""Sentences: sentence spans, and each shared token's sentence index."""

from __future__ import annotations

from ..doc import Doc
from ..text import assign_sentences, split_sentences
from .base import Component


class Sentences(Component):
    """Adds ``doc.sentences`` (trimmed spans) and sets ``doc.tokens.sentence``."""

    name = "sentences"

    def apply(self, doc: Doc) -> None:
        doc.sentences = split_sentences(doc.text)
        doc.tokens = assign_sentences(doc.tokens, doc.sentences)
