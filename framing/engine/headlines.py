"""Title-case headlines ("Border Agents Detain Hundreds As Caravan Reaches Tijuana"), where
every word is capitalised, so a capital is no evidence of a name.

The tagger reads them as words (``tagger._headline_words``); the quote, speaker and actor
layers read the same signal through ``sentence_cased``: the text with those words' capitals
lowered, the same length, so every offset found in it is valid in the text."""

from __future__ import annotations

from dataclasses import replace

from .doc import Doc


def headline_words(doc: Doc) -> frozenset[int]:
    """Token indexes of the doc's title-case headline words that are not names (computed once
    per doc, after the sentences layer; English only)."""
    if doc.headline_words is None:
        if doc.english and doc.tokens.words:
            from .tagger import _headline_words  # the tagger's own rule, so both layers agree

            doc.headline_words = frozenset(_headline_words(doc))
        else:
            doc.headline_words = frozenset()
    return doc.headline_words


def sentence_cased(doc: Doc) -> str:
    """``doc.text`` with the first letter of every headline word lower-cased ("Border agents
    detain hundreds as caravan reaches Tijuana"); the text itself when it has none."""
    freed = headline_words(doc)
    if not freed:
        return doc.text
    chars = list(doc.text)
    for i in freed:
        s = doc.tokens.starts[i]
        low = chars[s].lower()
        if len(low) == 1:
            chars[s] = low
    return "".join(chars)


def restore_speakers(doc: Doc, cased: str) -> None:
    """Speakers found in ``cased`` shown as the text writes them ("Police Chief", not "Police
    chief"): every hit whose text is its span of ``cased`` takes its span of ``doc.text``."""
    if cased is doc.text:
        return
    text = doc.text

    def fix(hit):
        if hit is None or hit.text != cased[hit.start : hit.end]:
            return hit
        return replace(hit, text=text[hit.start : hit.end])

    for q in doc.quotes:
        q.speaker = fix(q.speaker)
        q.chain = tuple(fix(h) for h in q.chain)
