"""Direct, partial and scare quotes, and reported speech, with speakers and relay chains.

Quote marks are paired on the original text: curly marks know their direction, straight
marks alternate, and a paragraph that ends inside a quote continues when the next paragraph
opens with a quote mark (the newspaper convention for quotes spanning paragraphs).

A quoted phrase of three or more words is a partial quote (someone's words, speaker None when
the sentence does not say whose); scare quotes are "so-called" + term or a word or two in
quotes with no speaker. A phrase of two words or more inside a clause the sentence attributes
("…should “avoid miscalculation”, the ministry said.") is that speaker's partial quote.
Speakers only the neighbouring sentences reveal (pronouns, a bare "X said." before a quote,
relay chains carried across sentences, the dateline agency) are resolved afterwards by
``speaker_context``, whose docstring states the rules.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from . import attribution as att
from . import speaker_context
from .text import SpanIndex

_DOUBLE = re.compile(r"[\"“”„«»]")
# The opening mark is matched first and its left context checked by a look-behind after it,
# so the regex engine jumps between quote characters instead of trying every position.
_SINGLE = re.compile(r"[‘'](?<![\w’'].)(?=\w)([^‘’'\n\"“”]{1,60}?)(?<=[\w.,!?])[’'](?![\w’'])")
_OPEN, _CLOSE, _EITHER = "“„«", "”»", '"'
_SO_CALLED = re.compile(r"(?:so[\s\-‐–]called|self[\s\-‐–]styled|supposed|alleged)\s*\Z", re.I)
_TERMINAL = re.compile(r"[.!?…]\s*\Z")
_WORD = re.compile(r"\w+")
MAX_SCARE_WORDS = 4  # after "so-called"
# Without "so-called" and with no speaker, only a word or two in quotes is the outlet keeping
# its distance ("the ‘peace’ mission"); a longer phrase is a partial quote of someone.
MAX_BARE_SCARE_WORDS = 2


@dataclass(slots=True)
class QuoteFound:
    start: int
    end: int
    kind: str
    speaker: att.SpeakerHit | None
    chain: tuple[att.SpeakerHit, ...]
    open_mark: int | None = None  # position of the opening mark (direct/partial/scare)
    close_mark: int | None = None
    continued_by: bool = False  # the next quote continues this one in a new paragraph
    # Attributed by the reported-speech clause around it ("…to “avoid miscalculation”, the
    # ministry said."), so that clause is still reported speech outside the marks.
    in_reported: bool = False


def pair_marks(text: str) -> list[tuple[int, int, bool]]:
    """(open_mark, close_mark, continues_previous) for double-quoted stretches."""
    pairs: list[tuple[int, int, bool]] = []
    open_at: int | None = None
    continued = False
    for m in _DOUBLE.finditer(text):
        pos, ch = m.start(), m.group()
        if open_at is None:
            if ch in _CLOSE:
                continue  # a stray closing mark
            open_at, continued = pos, False
            continue
        para_break = text.find("\n", open_at, pos)
        if para_break != -1:
            # The quote ran past its paragraph: close it there. A mark that opens the next
            # paragraph continues the same quote.
            pairs.append((open_at, _trim_end(text, para_break), continued))
            if ch in _CLOSE or not _at_paragraph_start(text, pos):
                open_at = None
                continue
            open_at, continued = pos, True
            continue
        if ch in _OPEN:
            continue  # nested opener inside an open quote: keep the outer one
        pairs.append((open_at, pos, continued))
        open_at = None
    if open_at is not None:
        nl = text.find("\n", open_at)
        pairs.append((open_at, _trim_end(text, nl if nl != -1 else len(text)), continued))
    return pairs


def _trim_end(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


def _at_paragraph_start(text: str, pos: int) -> bool:
    j = pos - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    return j < 0 or text[j] in "\r\n"


def find_quotes(
    text: str, sentences: list[tuple[int, int]], verbs: list[att.Verb] | None = None
) -> list[QuoteFound]:
    """All quotes and reported speech in ``text`` (sentences from ``text.split_sentences``;
    ``verbs`` from ``attribution.speech_verbs``, computed here when not given), with the
    speakers only neighbouring sentences reveal resolved by ``speaker_context``."""
    found = quote_spans(text, sentences, verbs)
    speaker_context.resolve(text, sentences, found)
    return found


def quote_spans(
    text: str, sentences: list[tuple[int, int]], verbs: list[att.Verb] | None = None
) -> list[QuoteFound]:
    """Quotes and reported speech with the speakers their own sentence names, sorted by
    position (the pipeline's quotes layer; ``speaker_context.resolve`` is the next one)."""
    if verbs is None:
        from .text import tokenize

        tok = tokenize(text, sentences)
        verbs = att.speech_verbs(tok.starts, tok.ends, tok.words)
    starts = [s for s, _ in sentences]
    verbs = _verbs_as_verbs(text, verbs, set(starts))
    found: list[QuoteFound] = []
    for open_mark, close_mark, continued in pair_marks(text):
        q = _classify(text, open_mark, close_mark, sentences, starts, verbs)
        if q is None:
            continue
        if continued and found:
            found[-1].continued_by = True
            if q.speaker is None:
                q.speaker, q.chain = found[-1].speaker, found[-1].chain
        elif q.speaker is None and q.kind == "direct" and _same_paragraph_follow_up(text, found, q):
            # '"…," the spokesperson said. "…"' — a bare quote after an attributed one in the
            # same paragraph is the same speaker talking on.
            q.speaker, q.chain = found[-1].speaker, found[-1].chain
        found.append(q)
    _backfill_continuations(found)
    found += _single_quoted_terms(text, found)
    found += _reported(text, sentences, found, verbs)
    found.sort(key=lambda q: (q.start, q.end))
    return found


def _verbs_as_verbs(text: str, verbs: list[att.Verb], sentence_starts: set[int]) -> list[att.Verb]:
    """Drop capitalised speech words inside a sentence: "the United States seeks" names a
    country, "Notes", "Reports" head a title; a speech verb mid-sentence is lower-case."""
    return [
        v
        for v in verbs
        if not text[v[0]].isupper() or v[0] in sentence_starts or v[2] == "according"
    ]


def _same_paragraph_follow_up(text: str, found: list[QuoteFound], q: QuoteFound) -> bool:
    if not found or found[-1].kind != "direct" or found[-1].speaker is None:
        return False
    prev_close, this_open = found[-1].close_mark, q.open_mark
    if prev_close is None or this_open is None:
        return False
    return this_open - prev_close < 200 and "\n" not in text[prev_close:this_open]


def _backfill_continuations(found: list[QuoteFound]) -> None:
    """A multi-paragraph quote is usually attributed only in its last part."""
    for i in range(len(found) - 2, -1, -1):
        nxt = found[i + 1]
        here = found[i]
        if (
            here.speaker is None
            and nxt.speaker is not None
            and here.kind == nxt.kind == "direct"
            and here.continued_by
        ):
            here.speaker, here.chain = nxt.speaker, nxt.chain


def _sentence_of(starts: list[int], sentences: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    i = max(0, bisect_right(starts, pos) - 1)
    return sentences[i] if sentences else (0, 0)


def _classify(text, open_mark, close_mark, sentences, starts, verbs) -> QuoteFound | None:
    start, end = open_mark + 1, close_mark
    while start < end and text[start].isspace():
        start += 1
    end = _trim_end(text, end) if end > start else end
    if start >= end:
        return None
    s_start, _ = _sentence_of(starts, sentences, open_mark)
    _, s_end = _sentence_of(starts, sentences, close_mark)
    after = close_mark + 1 if close_mark < len(text) and text[close_mark] in '"”»' else close_mark
    tail = att.speaker_after(text, after, max(s_end, after))
    speaker = tail or att.speaker_before(text, open_mark, s_start, verbs)
    n_words = len(_WORD.findall(text, start, end))
    lead_in = text[s_start:open_mark].rstrip()
    if speaker is None and lead_in.endswith(":") and _TERMINAL.search(text, start, end):
        speaker = att.colon_speaker(text, s_start, s_start + len(lead_in))
    inside = bool(text[s_start:open_mark].strip()) and not _TERMINAL.search(text, start, end)
    before = text[max(0, open_mark - 20) : open_mark]
    kind = "direct"
    if inside and speaker is None:
        speaker = att.leading_speaker(text, s_start, open_mark, verbs)
        kind = "partial"
    elif inside and not text[s_start:open_mark].rstrip().endswith((":", ",")):
        kind = "partial"
    so_called = _SO_CALLED.search(before)
    if inside and speaker is None and not so_called and n_words >= MAX_BARE_SCARE_WORDS:
        tail = _reported_around(text, open_mark, close_mark, s_start, s_end, verbs)
        if tail is not None:
            q = QuoteFound(start, end, "partial", tail.speaker, tail.chain, open_mark, close_mark)
            q.in_reported = True
            return q
    if n_words <= MAX_SCARE_WORDS and inside and (so_called or speaker is None):
        if not so_called and _is_title(text, start, end, open_mark):
            return None  # a quoted name or title (a film, an operation), not a quote at all
        if so_called or n_words <= MAX_BARE_SCARE_WORDS:
            return QuoteFound(start, end, "scare", None, (), open_mark, close_mark)
        # A longer phrase in quotes is somebody's words even when we cannot tell whose.
        return QuoteFound(start, end, "partial", None, (), open_mark, close_mark)
    if inside and tail is not None and speaker_context.is_media(tail.text):
        # 'Spokesman Reza Kamali told reporters that ties were “at a good level”, IRNA
        # reported.': the agency relays the speaker who opens the clause.
        lead = att.leading_speaker(text, s_start, open_mark, verbs)
        if (
            lead is not None
            and lead.start - s_start < 60
            and not speaker_context.is_media(lead.text)
        ):
            q = QuoteFound(start, end, "partial", lead, (tail, lead), open_mark, close_mark)
            q.in_reported = True
            return q
    relays = att.relay_sources(text, s_start, max(s_end, end), verbs)
    media = att.media_after_quote(text, after, max(s_end, after))
    if media is not None and media.text.lower() not in {r.text.lower() for r in relays}:
        relays = [media, *relays]
    chain = _chain(relays, speaker)
    if speaker is not None and chain:
        speaker = chain[-1]
    return QuoteFound(start, end, kind, speaker, chain, open_mark, close_mark)


def _reported_around(text, open_mark, close_mark, s_start, s_end, verbs) -> att.Reported | None:
    """The sentence's reported-speech clause when it holds the whole quote: a phrase of two
    words or more in quotes there is the speaker's own wording, not scare quotes. One word
    stays a scare quote, since the speaker may be the one keeping the distance."""
    r = att.reported_in_sentence(text, s_start, max(s_end, close_mark + 1), verbs)
    if r is None or not r.start <= open_mark < close_mark < r.end:
        return None
    return r


def _is_title(text: str, start: int, end: int, open_mark: int) -> bool:
    """Title-case words in quotes ("Northern Lights", Operation "Sea Shield") name something."""
    words = text[start:end].split()
    if not words or not all(w[:1].isupper() for w in words):
        return False
    before = text[max(0, open_mark - 30) : open_mark].split()
    return len(words) >= 2 or bool(before and before[-1][:1].isupper())


def _chain(relays: list[att.SpeakerHit], speaker: att.SpeakerHit | None) -> tuple:
    if speaker is None:
        return tuple(relays)
    names = [r.text.lower() for r in relays]
    if speaker.text.lower() in names:
        return tuple(relays)
    return (*relays, speaker)


def _single_quoted_terms(text: str, found: list[QuoteFound]) -> list[QuoteFound]:
    """Short 'single-quoted' terms: headline-style scare quotes and quotes within quotes."""
    out = []
    index = SpanIndex([(q.start, q.end, q) for q in found])
    for m in _SINGLE.finditer(text):
        n_words = len(_WORD.findall(m.group(1)))
        if n_words > MAX_SCARE_WORDS:
            continue
        hit = index.innermost(m.start(), m.end())
        outer = hit[2] if hit else None
        if outer is not None and outer.kind != "scare" and outer.speaker is not None:
            continue  # a quote inside a quote keeps the outer speaker's voice
        kind = "scare"
        so_called = _SO_CALLED.search(text, max(0, m.start() - 20), m.start())
        if n_words > MAX_BARE_SCARE_WORDS and not so_called:
            if _is_title(text, m.start(1), m.end(1), m.start()):
                continue
            kind = "partial"
        out.append(QuoteFound(m.start(1), m.end(1), kind, None, (), m.start(), m.end() - 1))
    return out


_ADDING = re.compile(r",\s+(?:adding|and\s+added)\s+(?:that\s+)?")


def _added_clause(text, s_start, s_end, found) -> QuoteFound | None:
    if text.find("add", s_start, s_end) == -1:
        return None  # the common case, without a regex
    last = None
    for q in found:
        if q.kind != "scare" and q.speaker is not None and s_start <= q.start < s_end:
            last = q
    if last is None:
        return None
    after = (last.close_mark or last.end) + 1
    m = _ADDING.search(text, after, s_end)
    if m is None or _DOUBLE.search(text, m.end(), s_end):
        return None
    end = _trim_end(text, s_end)
    while end > m.end() and text[end - 1] in ".!?;:,":
        end -= 1
    if end - m.end() < 12:
        return None
    return QuoteFound(m.end(), end, "reported", last.speaker, last.chain)


def _reported(text, sentences, found: list[QuoteFound], verbs) -> list[QuoteFound]:
    spans = SpanIndex(
        [
            (q.open_mark or q.start, (q.close_mark or q.end) + 1, q)
            for q in found
            if q.kind != "scare" and not q.in_reported
        ]
    )
    out = []
    for s_start, s_end in sentences:
        if spans.overlaps(s_start, s_end):
            # sentences holding direct quotes are attributed by the quote itself, except a
            # clause the quote's speaker adds after it ("…,” she said, adding that …)
            added = _added_clause(text, s_start, s_end, found)
            if added is not None:
                out.append(added)
            continue
        r = att.reported_in_sentence(text, s_start, s_end, verbs)
        if r is None:
            continue
        end = _trim_end(text, r.end)
        while end > r.start and text[end - 1] in ".!?;:,":
            end -= 1
        if end > r.start:
            out.append(QuoteFound(r.start, end, "reported", r.speaker, r.chain))
    return out
