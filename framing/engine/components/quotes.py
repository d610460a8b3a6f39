"""Quotes and reported speech, with the speakers their own sentence names."""

from __future__ import annotations

from ..attribution import speech_verbs
from ..doc import Doc
from ..headlines import restore_speakers, sentence_cased
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
        # Read in sentence case: a title-case headline's "Says" is a verb, its "City Will
        # Rebuild" no name (``headlines``); speakers keep the text's own spelling.
        cased = sentence_cased(doc)
        doc.quotes = quote_spans(cased, doc.sentences, doc.verbs)
        restore_speakers(doc, cased)
