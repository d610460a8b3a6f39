"""Shared readers for the quote, speaker and relay tests: the quotes of a text (scare quotes
left out, as the voice tests are about who speaks) and a quote's relay chain as names."""

from framing.engine.quotes import find_quotes
from framing.engine.text import split_sentences


def quotes_of(text: str) -> list:
    return [q for q in find_quotes(text, split_sentences(text)) if q.kind != "scare"]


def chain_of(q) -> list[str]:
    return [h.text for h in q.chain]


def quote_with(text: str, words: str):
    """The quote whose span holds ``words``."""
    return next(q for q in quotes_of(text) if words in text[q.start : q.end])


def analyzed_quotes(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """(span, speaker, chain) of each quote the whole pipeline (``engine.analyze``) finds."""
    from framing import engine

    return [
        (text[q.start : q.end], q.speaker or "", tuple(q.chain))
        for q in engine.analyze(text).quotes
    ]
