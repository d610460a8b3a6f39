"""Documents are not speakers: "…, the statement said" gives the words to whoever issued the
statement ("The ministry said in a statement …", "a statement from the UAE foreign ministry",
"a foreign ministry statement"). The quote keeps the phrase as written; its actor is the
issuer's, so pages list the words under the issuer, and under no named source when the text
names no issuer (``reports.sources``) — never under a source called "the statement"."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from . import attribution as att
from .text import wordlist

if TYPE_CHECKING:
    from .quotes import QuoteFound

_NOUNS = (
    r"statement|release|communiqu[eé]|letter|ruling|report|memo|memorandum|message|notice|"
    r"announcement|declaration|press\s+release|news\s+release|commentary|editorial"
)
# Words that say which document, not whose: "a separate statement", "the written ruling".
_ADJECTIVES = frozenset(
    wordlist(
        "separate similar new joint written brief short earlier later latest official internal "
        "first second third final further subsequent recent previous lengthy detailed fresh "
        "formal public confidential leaked draft same initial follow-up late overnight emailed "
        "televised strongly-worded strongly worded terse"
    )
)
_DETERMINERS = r"(?:the|a|an|this|that|another)"
# The speaker phrase: a determiner, up to three words, the document noun — no owner ("its
# statement", "the company's report" name theirs) and no name of its own.
_DOCUMENT = re.compile(rf"(?i:{_DETERMINERS})\s+((?:[\w\-]+\s+){{0,3}}?)(?i:({_NOUNS}))")
# A document introduced in the text: "in a statement", "issued a statement", "according to a
# foreign ministry statement", "carried a statement from …".
_INTRODUCED = re.compile(
    r"\b(?:in|according\s+to|citing|issued|released|published|posted|sent|read|carried|"
    r"put\s+out|made)\s+(?:a|an|its|their|his|her|the)\s+((?:[\w\-’']+\s+){0,3}?)"
    rf"({_NOUNS})\b",
    re.IGNORECASE,
)
# "a statement from the United Arab Emirates foreign ministry saying …": the issuer after it
_FROM = re.compile(
    r"\s+(?:from|by|issued\s+by|released\s+by)\s+((?:the\s+)?(?:[\w’'\-]+\s+){0,5}?[\w’'\-]+)"
    r"(?=\s+(?:saying|said|that|on|in|carried|released|published|which|who|to|at|was|and)\b"
    r"|[,.;:)]|\Z)"
)
_MEDIA = re.compile(att.MEDIA)
_ISSUER_WORD = re.compile(
    r"\b(?:[A-Z][\w’'\-]+|ministry|government|office|council|police|army|military|navy|"
    r"department|agency|court|commission|company|committee|embassy|presidency|cabinet|"
    r"party|union|spokes\w+)\b"
)


def document_speaker(phrase: str) -> tuple[str, str] | None:
    """(modifier words, noun) when ``phrase`` names a document as its speaker ("the
    statement", "a foreign ministry statement"), else None."""
    m = _DOCUMENT.fullmatch(phrase)
    if m is None:
        return None
    return m.group(1).strip(), m.group(2).lower()


def documents_to_issuers(text: str, sentences, found: list[QuoteFound]) -> None:
    """Set ``issuer`` on each quote whose speaker is a document, when the text names who
    issued it (in place, in order, so a later "the statement" can take the issuer an earlier
    one was given). The speaker phrase stays as written; its actor becomes the issuer's."""
    starts = [s for s, _ in sentences]
    for i, q in enumerate(found):
        if q.speaker is None or q.kind == "scare":
            continue
        own = _DOCUMENT.fullmatch(q.speaker.text)
        if own is None:
            continue
        si = max(0, bisect_right(starts, q.speaker.start) - 1)
        subject = _subject_after(text, q.speaker, sentences[si][1])
        if subject is not None:
            # "In a separate report carried by KCNA, the ministry said …": the ministry speaks
            q.chain = (*q.chain[:-1], subject) if q.chain and q.chain[-1] == q.speaker else q.chain
            q.speaker = subject
            continue
        q.issuer = _own_modifier(q.speaker.start + own.start(1), own.group(1)) or _issuer(
            text, sentences, si, found[:i], q, own.group(2).lower()
        )


# "In a statement carried by KCNA, the foreign ministry said": the subject after the comma
_IN_DOCUMENT_SUBJECT = re.compile(
    r"[^,.;:“”\"]*,\s+((?:[Tt]he\s+)?(?:[\w’'\-]+\s+){0,4}?[\w’'\-]+)\s+"
    r"(?:said|says|added|warned|stated|announced|accused|declared|wrote|insisted|claimed)\b"
)


def _subject_after(text: str, sp: att.SpeakerHit, end: int) -> att.SpeakerHit | None:
    """The speaker of "In a statement …, X said" when the document was taken for it."""
    if text[max(0, sp.start - 3) : sp.start].lower() != "in ":
        return None
    m = _IN_DOCUMENT_SUBJECT.match(text, sp.end, end)
    if m is None or _MEDIA.fullmatch(m.group(1)):
        return None
    return att.SpeakerHit(m.start(1), m.end(1), m.group(1), sp.verb)


def _own_modifier(start: int, modifier: str) -> att.SpeakerHit | None:
    """ "a foreign ministry statement", "a White House statement": the issuer is named in it.
    ``modifier`` is the words before the noun, found at ``start`` in the text."""
    words = [w for w in modifier.split() if w.lower() not in _ADJECTIVES]
    if not words or not _ISSUER_WORD.search(" ".join(words)):
        return None
    first = modifier.index(words[0])
    last = modifier.index(words[-1], first) + len(words[-1])
    return att.SpeakerHit(start + first, start + last, modifier[first:last], None)


def _issuer(text, sentences, si, earlier, q, noun: str) -> att.SpeakerHit | None:
    """The issuer of the latest document of the same kind introduced up to three sentences
    back: named after it ("from the ministry"), in it ("a ministry statement"), or the
    speaker of that sentence ("The ministry said in a statement …")."""
    stem = noun.split()[-1][:5]
    for k in range(si, max(-1, si - 4), -1):
        a, b = sentences[k]
        b = min(b, q.speaker.start, q.start) if k == si else b
        for m in reversed(list(_INTRODUCED.finditer(text, a, b))):
            if not m.group(2).lower().split()[-1].startswith(stem):
                continue
            issuer = _named_after(text, m.end(), b) or _own_modifier(m.start(1), m.group(1))
            if issuer is None:
                issuer = _sentence_speaker(earlier, a, b) or _issuing_subject(text, a, m.start())
            if issuer is not None:
                return issuer
    return None


def _named_after(text: str, pos: int, end: int) -> att.SpeakerHit | None:
    m = _FROM.match(text, pos, end)
    if m is None or not _ISSUER_WORD.search(m.group(1)) or _MEDIA.fullmatch(m.group(1)):
        return None
    skip = 4 if m.group(1)[:4].lower() == "the " else 0
    return att.SpeakerHit(m.start(1) + skip, m.end(1), m.group(1)[skip:], None)


# "The ministry issued a statement on Monday": the subject of the verb that issued it
_ISSUING_SUBJECT = re.compile(
    r"\s*((?:[Tt]he\s+)?[A-Za-z][\w’'\-]*(?:\s+(?:of\s+(?:the\s+)?)?[\w’'\-]+){0,5}?)"
    r"(?:\s+(?:has|had|have|also|on\s+\w+))*\s*\Z"
)
_ISSUING_VERB = re.compile(r"\s(?:issued|released|published|posted|sent|put\s+out|made)\s")


def _issuing_subject(text: str, a: int, intro: int) -> att.SpeakerHit | None:
    if not _ISSUING_VERB.match(text, intro - 1):
        return None
    m = _ISSUING_SUBJECT.match(text, a, intro)
    if m is None or not _ISSUER_WORD.search(m.group(1)) or _MEDIA.fullmatch(m.group(1)):
        return None
    return att.SpeakerHit(m.start(1), m.end(1), m.group(1), None)


def _sentence_speaker(earlier, a: int, b: int) -> att.SpeakerHit | None:
    """The latest speaker named in [a, b), or the issuer of a document speaker there."""
    for prev in reversed(earlier):
        sp = prev.speaker
        if sp is not None and a <= sp.start < b:
            if document_speaker(sp.text) is None:
                return sp
            if prev.issuer is not None:
                return prev.issuer
    return None
