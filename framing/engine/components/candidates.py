"""Candidates: the curated layers' spans, merged, and what the span scorer reads."""

from __future__ import annotations

from .. import candidates
from ..doc import Doc
from .base import Component


class Candidates(Component):
    """Adds ``doc.candidates`` (lexicon, pattern and scare-quote spans merged where they
    overlap; for English also the span model's own) and ``doc.context``. The tagger reads
    them as features; for other languages the span scorer decides on them alone."""

    name = "candidates"
    requires = ("sentences", "quotes", "speakers", "actors")

    def apply(self, doc: Doc) -> None:
        doc.candidates, doc.context = candidates.find_candidates(doc)
