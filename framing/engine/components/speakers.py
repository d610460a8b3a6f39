"""Speakers and relays that only the surrounding text reveals."""

from __future__ import annotations

from .. import speaker_context
from ..doc import Doc
from ..headlines import restore_speakers, sentence_cased
from .base import Component


class Speakers(Component):
    """Completes ``doc.quotes`` in place (``speaker_context.resolve``): pronouns and bare
    quotes take the speaker of a neighbouring sentence, names take their full form, relay
    chains carry across sentences and the dateline's agency heads them."""

    name = "speakers"
    requires = ("sentences", "quotes")

    def apply(self, doc: Doc) -> None:
        cased = sentence_cased(doc)  # title-case headlines read in sentence case
        speaker_context.resolve(cased, doc.sentences, doc.quotes)
        restore_speakers(doc, cased)
