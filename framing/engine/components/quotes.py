"""Quotes and reported speech, with the speakers their own sentence names."""

from __future__ import annotations

from ..attribution import speech_verbs
from ..doc import Doc
from ..quotes import quote_spans
from .base import Component


class Quotes(Component):
    """Adds ``doc.verbs`` (speech-verb tokens, read off the shared tokens once) and
    ``doc.quotes``: direct, partial and scare quotes and reported clauses, sorted by start."""

    name = "quotes"
    requires = ("sentences",)

    def apply(self, doc: Doc) -> None:
        t = doc.tokens
        doc.verbs = speech_verbs(t.starts, t.ends, t.words)
        doc.quotes = quote_spans(doc.text, doc.sentences, doc.verbs)
