"""Speakers and relays that only the surrounding text reveals."""

from __future__ import annotations

from .. import speaker_context
from ..doc import Doc
from .base import Component


class Speakers(Component):
    """Completes ``doc.quotes`` in place (``speaker_context.resolve``): pronouns and bare
    quotes take the speaker of a neighbouring sentence, names take their full form, relay
    chains carry across sentences and the dateline's agency heads them."""

    name = "speakers"
    requires = ("sentences", "quotes")

    def apply(self, doc: Doc) -> None:
        speaker_context.resolve(doc.text, doc.sentences, doc.quotes)
