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
from .text import SpanIndex, wordlist

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
    # Whose document a document speaker is ("…, the statement said" after "The ministry said
    # in a statement"): the actor of the words is the issuer's (``documents``).
    issuer: att.SpeakerHit | None = None
    # The named source a definite description takes up again ("the ministry said" after "OTA
    # reported that Oskarn's Foreign Ministry …", ``speaker_context``): its actor is the
    # words' when the description resolves to none of its own.
    antecedent: att.SpeakerHit | None = None
    # A remark a medium reports second-hand ("dpa reported that Lenz had told coalition leaders
    # that …"): its relay is that report's alone, not carried to the speaker's other words.
    reported_remark: bool = False


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
    for q in found:
        keys = [h.text.lower().removeprefix("the ") for h in q.chain]
        if len(set(keys)) < len(keys):
            # "Kyodo News, citing a commentary carried by the Korean Central News Agency,
            # said …": one medium read by two rules is one link, where it stands innermost
            q.chain = tuple(h for i, h in enumerate(q.chain) if keys[i] not in keys[i + 1 :])
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
    if s_end <= after + 1 and text[end - 1 : end] in ("?", "!"):
        # '"Will the money come back?" asked one resident.': the sentence split after the
        # question mark; the tag is the start of the next sentence
        _, s_end = _sentence_of(starts, sentences, min(len(text) - 1, after + 1))
    tail = att.speaker_after(text, after, max(s_end, after))
    quoted = att.quoted_after(text, after, max(s_end, after)) if tail is None else None
    if quoted is not None:
        tail = quoted[1]
    speaker = tail or att.speaker_before(text, open_mark, s_start, verbs)
    if speaker is None:
        speaker = _chanter(text, s_start, open_mark)
    n_words = len(_WORD.findall(text, start, end))
    lead_in = text[s_start:open_mark].rstrip()
    if speaker is None and lead_in.endswith(":") and _TERMINAL.search(text, start, end):
        speaker = att.colon_speaker(text, s_start, s_start + len(lead_in))
    inside = bool(text[s_start:open_mark].strip()) and not _TERMINAL.search(text, start, end)
    before = text[max(0, open_mark - 20) : open_mark]
    kind = "direct"
    if inside and speaker is None:
        speaker = att.leading_speaker(text, s_start, open_mark, verbs)
        if speaker is None:
            speaker = _characterised_by_subject(text, s_start, open_mark)
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
    if inside and tail is not None and _is_medium(tail.text):
        # 'Spokesman Reza Kamali told reporters that ties were “at a good level”, IRNA
        # reported.': the agency relays the speaker who opens the clause.
        lead = att.leading_speaker(text, s_start, open_mark, verbs)
        spoken = lead is not None
        if lead is None:
            # "The ministry rejected the report, calling it “…”, according to KCNA.": the
            # subject's words, relayed; the rest of the sentence is no speech clause
            lead = _characterised_by_subject(text, s_start, open_mark)
        if lead is None:
            # 'Its foreign ministry called the drills “…”, according to OTA.': the subject of
            # a characterising verb before the quote is whose words the medium carried
            act = att.act_clause(text, s_start, open_mark, relayed=True)
            lead = act[0] if act is not None else None
        if (
            lead is not None
            and lead.start - s_start < 60
            and not speaker_context.is_media(lead.text)
        ):
            q = QuoteFound(start, end, "partial", lead, (tail, lead), open_mark, close_mark)
            q.in_reported = spoken
            return q
    relays = att.relay_sources(text, s_start, max(s_end, end), verbs)
    media = quoted[0] if quoted else att.media_after_quote(text, after, max(s_end, after))
    if media is None and tail is None and speaker is not None and speaker.verb in ("told", "tells"):
        # 'Customs chief Omar Haddad told Reuters: "…"': the medium told before the quote
        told = text.find(" t", speaker.end, open_mark)
        if told != -1:
            media = att.told_after(text, told + 1 + len(speaker.verb), open_mark)
    if media is not None and media.text.lower() not in {r.text.lower() for r in relays}:
        relays = [media, *relays]
    chain = _chain(relays, speaker)
    if speaker is not None and chain:
        speaker = chain[-1]
    return QuoteFound(start, end, kind, speaker, chain, open_mark, close_mark)


def _is_medium(name: str) -> bool:
    """A medium by its name, or by a kind phrase with the name after it."""
    if speaker_context.is_media(name):
        return True
    return att._kind_and_name(name)


# ", calling it “…”", ", describing the plan as “…”": a participle after a comma whose
# subject is the sentence's — the quoted words are that subject's.
_PARTICIPLE_BEFORE = re.compile(
    r",\s+(?:calling|describing|labelling|labeling|branding|dubbing|terming|denouncing|"
    r"condemning|deriding|dismissing|hailing|praising|saying|warning)\b[^,;:.!?\"“”]{0,60}\Z"
)


def _characterised_by_subject(text: str, s_start: int, open_mark: int) -> att.SpeakerHit | None:
    if not any(w in text[s_start:open_mark] for w in ("ing ", "ing:")):
        return None  # the common case, without a regex
    m = _PARTICIPLE_BEFORE.search(text, max(s_start, open_mark - 80), open_mark)
    if m is None:
        return None
    subject = _sentence_subject(text, s_start, m.start())
    if subject is None or subject.text.lower() in ("it", "they"):
        return None
    return subject


# 'Fans chanted "Out!"', '…, chanting "Justice for Jaylen!"': a chant or a shout is its
# crowd's words, and the crowd is the subject of the verb or of the sentence.
_CHANT_BEFORE = re.compile(
    r"(?<![\w’'])(?P<v>chanted|chant|chants|shouted|shout|shouts|sang|chanting|shouting|"
    r"singing)\s*[:,]?\s*\Z"
)


def _chanter(text: str, s_start: int, open_mark: int) -> att.SpeakerHit | None:
    window = text[max(s_start, open_mark - 14) : open_mark]
    if not any(w in window for w in ("chant", "shout", "sang", "singing")):
        return None  # the common case, without a regex
    m = _CHANT_BEFORE.search(text, max(s_start, open_mark - 14), open_mark)
    if m is None:
        return None
    verb = m.group("v")
    hit = None
    if not verb.endswith("ing"):
        hit = att.speaker_ending_at(text, m.start("v"), s_start, verb)
    if hit is None:
        hit = _sentence_subject(text, s_start, m.start("v"))
    if hit is None or hit.text.lower() in ("he", "she", "it"):
        return hit if hit is not None and hit.text.lower() != "it" else None
    return att.SpeakerHit(hit.start, hit.end, hit.text, verb)


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
    return _clause(text, m.end(), s_end, last.speaker, last.chain)


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
            else:
                out += _around_quotes(text, s_start, s_end, found, verbs)
            continue
        nested = _nested_report(text, s_start, s_end)
        if nested is not None:
            out.append(nested)
            continue
        r = att.reported_in_sentence(text, s_start, s_end, verbs)
        if r is None:
            q = _coordinated(text, s_start, s_start, s_end, [], verbs)
            if q is not None:
                out.append(q)
            continue
        end = _trim_end(text, r.end)
        while end > r.start and text[end - 1] in ".!?;:,":
            end -= 1
        second = _second_clause(text, r, end, s_end, verbs)
        if second is not None:
            # "A said X, while B said Y": two speakers, two clauses
            end = _trim_end(text, second[0])
            out.append(second[1])
        if end > r.start:
            out.append(QuoteFound(r.start, end, "reported", r.speaker, r.chain))
        added = _added_after_tag(text, r, end, s_end) or _continued_after_tag(
            text, r, end, s_end, verbs
        )
        if added is not None:
            out.append(added)
    return out


# "The news site T24, citing an interview on Halk TV, said the union's head, Arzu Celik, had
# told the channel that …": a medium reporting what somebody had told others; the clause after
# the inner "that" is that person's, heard through the medium and whom it cites.
# ("Kommersant reported that the governor told RBC that …": the plain past too, as the outer
# verb must be a medium's)
_NESTED_TOLD = re.compile(
    r"\s(?:(?P<aux>had|has)\s+)?(?:(?:also|earlier|privately|already)\s+)?"
    r"(?P<v>told|said\s+to|assured|informed|warned)\s+(?P<aud>[^;:“”\"]{2,100}?)\s+that\s+"
)
_OUTER_VERB = re.compile(
    r"(?<![\w’'\-])(?P<v>said|says|reported|reports|wrote|writes)\s+(?:on\s+\w+day\s+)?(?:that\s+)?"
)
_TOLD_WORDS = (" told ", " said to ", " assured ", " informed ")
_CITING_LEAD = re.compile(
    r",\s+(?:citing|quoting)\s+(?:(?:an?|the)\s+(?:interview|report|broadcast|story|article)s?"
    r"\s+(?:on|in|by|with|from)\s+)?(?P<m>[^,]{2,80}),\s*\Z"
)


_PROGRAMME_OF = re.compile(r"(?P<m>[^’']{2,60})['’]s\s+[A-ZÀ-ÖØ-ÞĀ-Ž]")


def _nested_report(text: str, s_start: int, s_end: int) -> QuoteFound | None:
    if not any(text.find(w, s_start, s_end) != -1 for w in _TOLD_WORDS):
        return None  # the common case, without a regex
    m = _NESTED_TOLD.search(text, s_start, s_end)
    if m is None:
        return None
    outer = None
    for o in _OUTER_VERB.finditer(text, s_start, m.start()):
        outer = o
    if outer is None:
        return None
    subject = att.speaker_ending_at(text, m.start() + 1, outer.end(), m.group("v").split()[0])
    if subject is None or subject.start - outer.end() > 90:
        return None
    lead_end = _trim_end(text, outer.start())
    cited = _CITING_LEAD.search(text, s_start, lead_end) if text[lead_end - 1] == "," else None
    if cited is not None:
        lead_end = cited.start()
    lead_start = s_start
    while lead_start < lead_end and text[lead_start].isspace():
        lead_start += 1
    name = text[lead_start:lead_end]
    known = speaker_context.is_media(name) or att._MEDIA_RE.fullmatch(name) is not None
    medium = known or (
        # ("As reported by Axios, Haskins told donors that …": with "had" only, a name
        # the media list does not know reports a remark)
        m.group("aux")
        and (cited is not None or outer.group("v").startswith("report"))
        and len(name.split()) <= 6
        and name[:1].isupper()
    )
    if not medium or len(name.split()) > 8:
        return None  # "The minister said the general had told him that …": no medium between
    chain = [att.SpeakerHit(lead_start, lead_end, name, outer.group("v"))]
    if cited is not None:
        chain.append(att.SpeakerHit(cited.start("m"), cited.end("m"), cited.group("m"), "citing"))
    aud, aud_end = m.group("aud"), m.end("aud")
    owner = _PROGRAMME_OF.match(aud)
    # "had told Radio-Canada's Tout un matin that …": the broadcaster of the programme
    if (
        owner is not None
        and not speaker_context.is_media(aud)
        and speaker_context.is_media(owner.group("m"))
    ):
        aud, aud_end = owner.group("m"), m.start("aud") + owner.end("m")
    words = aud.split()
    # "had told All India Radio Port Blair that": a broadcaster the list knows, then its
    # station's place
    station = all(w[:1].isupper() for w in words) and any(
        speaker_context.is_media(" ".join(words[:k])) for k in range(len(words) - 1, 1, -1)
    )
    if (speaker_context.is_media(aud) or station) and not speaker_context._kind_link(aud):
        # "had told Radio Liberty that …": the medium told relays the person too
        chain.append(att.SpeakerHit(m.start("aud"), aud_end, aud, "told"))
    q = _clause(text, m.end(), s_end, subject, (*chain, subject))
    if q is not None:
        q.reported_remark = True
    return q


# "…, grain traders told Reuters, and a cap would …": the sentence goes on after a tag
# between commas with a clause of its own (a subject and a finite verb)
_GOES_ON = re.compile(r",\s+(?:and|but|while|whereas|although|though)\s+(?=\S)")
_FINITE = frozenset(
    wordlist(
        "would will had has have was were is are could should might may can must did does "
        "do expected expects"
    )
)
_SUBJECTS = frozenset(wordlist("she he they it we"))


def _continued_after_tag(text, r, end, s_end, verbs) -> QuoteFound | None:
    """The clause after ", and …" that goes on from a tag between commas (same speaker)."""
    if r.speaker.start < end:
        return None
    comma = text.find(",", r.speaker.end, s_end)
    m = _GOES_ON.match(text, comma, s_end) if comma != -1 else None
    if m is None or any(m.end() <= v[0] < s_end for v in verbs):
        return None
    words = text[m.end() : s_end].lower().split()
    if not words or not (words[0] in _SUBJECTS or _FINITE.intersection(words[1:5])):
        return None  # "…, the fire service said, and spread quickly": no clause of its own
    return _clause(text, m.end(), s_end, r.speaker, r.chain)


_WHILE = re.compile(r",\s+(?:while|whereas|but|and)\s+(?=\S)")


def _second_clause(text, r, end, s_end, verbs) -> tuple[int, QuoteFound] | None:
    """A second speaker's clause after ", while"/", but" in a sentence that opened with its
    own speaker ("A US spokesman said …, while Saudi Arabia's foreign ministry said …")."""
    if r.speaker.start >= r.start or text.find(", ", r.start, end) == -1:
        return None  # a trailing tag or no comma: one clause
    for m in _WHILE.finditer(text, r.start, end):
        r2 = att.reported_in_sentence(text, m.end(), s_end, verbs)
        if (
            r2 is None
            or r2.speaker.start < m.end()
            or r2.speaker.start - m.end() > 60
            or r2.speaker.text.lower() == r.speaker.text.lower()
        ):
            continue
        e2 = _trim_end(text, r2.end)
        while e2 > r2.start and text[e2 - 1] in ".!?;:,":
            e2 -= 1
        if e2 - r2.start >= 12:
            return m.start(), QuoteFound(r2.start, e2, "reported", r2.speaker, r2.chain)
    return None


def _added_after_tag(text, r, end, s_end) -> QuoteFound | None:
    """ "…, the ministry said, adding that details would follow": the clause the speaker of a
    trailing tag adds after it; "…, according to the Daily Nation, which said …": what the
    source named by a closing "according to" says next."""
    if r.speaker.start < end:
        return None
    if text.find("which", r.speaker.end, s_end) != -1:
        which = _WHICH_SAID.match(text, r.speaker.end, s_end)
        if which is not None:
            return _clause(text, which.end(), s_end, r.speaker, r.chain)
    if text.find("adding", r.speaker.end, s_end) == -1:
        return None
    m = _ADDING.search(text, r.speaker.end, s_end)
    if m is None:
        return None
    return _clause(text, m.end(), s_end, r.speaker, r.chain)


# ", which said several lawmakers walked out": right after the source's name (an acronym in
# brackets may close it)
_WHICH_SAID = re.compile(
    r"(?:\s*\([A-ZÀ-ÖØ-ÞĀ-Ž][\w\-]{1,8}\))?\s*,\s*which\s+(?:also\s+)?"
    r"(?:said|says|reported|reports|added|wrote)\s+(?:on\s+\w+day\s+)?(?:that\s+)?"
)


# "He called the plan “reckless” and said the timing was no accident.", "…, saying the
# talks had stalled", "…, telling BBC Sport that …": a second speech verb whose subject is the
# sentence's speaker.
_COORDINATED = re.compile(
    r"(?:(?:,\s*|\s+)(?:and|but)\s+(?:also\s+|later\s+)?(?P<v>said|says|added|adds|warned|"
    r"insisted|argued|noted|stressed|told\s+(?:reporters|journalists|the\s+\w+))"
    # a participle only after a comma: "quoted Kim as saying" is a relay, not a new clause
    r"|,\s*(?P<p>saying|telling\s+(?P<media>" + att.MEDIA + r"|reporters|journalists)))"
    r"(?:\s+(?:on|in|at)\s+[A-Za-z]+)?\s*(?P<that>that\s+)?"
)
_COORDINATED_WORDS = (
    "and said",
    "and added",
    "and also",
    "and warned",
    "and told",
    "saying",
    "telling",
    "but said",
    "and insisted",
    "and argued",
    "and noted",
    "and stressed",
    "and says",
    "and adds",
    "and later",
)
_MEDIA_TAIL = re.compile(
    rf",\s*(?P<m>{att.MEDIA})\s+(?:reported|said|says|reports)(?:\s+on\s+\w+)?\s*[.!?]?\s*\Z"
)
_CHARACTERISING = frozenset(
    wordlist(
        "described describes called calls labelled labeled branded dubbed termed accused "
        "accuses condemned denounced criticised criticized praised hailed"
    )
)
_NEXT_CLAUSE = re.compile(r"(?:,\s*|\s+)(?:and|but)\s*\Z")
# ", and described …", " and called for …": the writer's sentence moves on to another verb.
_NEXT_VERB = re.compile(
    r",?\s+(?:and|but)\s+(?:also\s+)?[a-z]+(?:ed|ing)\b"
    r"|,\s+(?:calling|describing|branding|labelling|labeling|dubbing|adding|accusing)\b"
)


_NEXT_SUBJECT = re.compile(r",\s+(?:and|but|while|whereas)\s+(?=[A-Za-z])")


def _sentence_subject(text: str, s_start: int, s_end: int) -> att.SpeakerHit | None:
    """The speaker phrase opening a sentence and followed by its verb ("Ukrainian President
    X thanked …")."""
    start = s_start
    if s_start < 120:
        start = max(s_start, att.clause_start(text))
    m = att._SUBJECT_AT.match(text, start, s_end)
    if m is None or speaker_context.speaker_kind(m.group("s")) == "":
        return None
    named = _TITLE_THEN_NAME.match(text, m.end("s"), s_end)
    if named and not _NOT_TITLE.intersection(named.group("title").split()):
        # "Halden Rovers striker Grace Okonkwo has …": the name after the title is the subject
        return att.SpeakerHit(named.start("n"), named.end("n"), named.group("n"), None)
    return att.SpeakerHit(m.start("s"), m.end("s"), m.group("s"), None)


# "closed the Halden Bridge crossing" is a verb and its object, not a title before a name
_NOT_TITLE = frozenset(wordlist("the a an of in on at to for from with by and or that this its"))
_TITLE_THEN_NAME = re.compile(
    r"(?P<title>(?:\s+[a-z][\w\-]*(?<!ed)(?<!ing)){1,2})\s+(?P<n>[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-"
    r"]*){1,3})(?=\s+[a-z])"
)


def _coordinated(text, s_start, lo, hi, inside: list[QuoteFound], verbs) -> QuoteFound | None:
    """A coordinated or participial speech verb between ``lo`` and ``hi`` whose subject is the
    speaker of an earlier quote in the sentence, else the sentence's subject."""
    if not any(text.find(w, lo, hi) != -1 for w in _COORDINATED_WORDS):
        return None  # the common case, without a regex
    m = _COORDINATED.search(text, lo, hi)
    if m is None:
        return None
    if m.group("v") and not m.group("that") and m.group("v").startswith("told"):
        return None  # "and told the court the story": "that" must open what was told
    earlier = [q for q in inside if q.speaker is not None and q.start < m.start()]
    speaker = earlier[-1].speaker if earlier else _sentence_subject(text, s_start, m.start())
    if speaker is None:
        return None
    chain = earlier[-1].chain if earlier else (speaker,)
    media = m.group("media")
    if media and speaker_context.is_media(media):
        skip = len(media) - len(media.removeprefix("the ").removeprefix("The "))
        relay = att.SpeakerHit(m.start("media") + skip, m.end("media"), media[skip:], "told")
        chain = (relay, *chain)
    return _clause(text, m.end(), hi, speaker, tuple(chain))


def _around_quotes(text, s_start, s_end, found: list[QuoteFound], verbs) -> list[QuoteFound]:
    """Reported clauses in a sentence that also holds quotes, outside the quotes: "Haldane said
    clinics would open next week, and described the response as “encouraging”", "She called
    the case “a political prosecution” and said the timing was no accident", "X described the
    scheme as “patient” and more charges were possible, she said"."""
    inside = [
        q
        for q in found
        if q.kind != "scare"
        and (q.open_mark if q.open_mark is not None else q.start) < s_end
        and (q.close_mark if q.close_mark is not None else q.end) >= s_start
    ]
    marks = sorted(
        (
            q.open_mark if q.open_mark is not None else q.start,
            (q.close_mark if q.close_mark is not None else q.end) + 1,
        )
        for q in inside
    )
    out: list[QuoteFound] = []
    lo = s_start
    for a, b in [*marks, (s_end, s_end)]:
        seg_end = min(a, s_end)
        if seg_end - lo >= 20:
            q = _in_segment(text, s_start, lo, seg_end, s_end, inside, verbs)
            if q is not None:
                if out and out[-1].end > q.start:
                    # a clause run on through a quote stops where the next clause begins
                    joint = _NEXT_CLAUSE.search(text, max(s_start, q.start - 12), q.start)
                    out[-1].end = _trim_end(text, joint.start() if joint else q.start)
                out.append(q)
        lo = max(lo, b)
    return [q for q in out if q.end - q.start >= 12]


def _in_segment(text, s_start, lo, hi, s_end, inside, verbs) -> QuoteFound | None:
    co = _coordinated(text, s_start, lo, hi, inside, verbs)
    if co is not None:
        if hi < s_end:
            # the clause runs on through the quote that follows ("and said it was “a test”")
            end = _trim_end(text, s_end)
            while end > co.start and text[end - 1] in ".!?;:,":
                end -= 1
            co.end = end
        return co
    r = att.reported_in_sentence(text, lo, hi, verbs)
    if r is None and hi < s_end and hi - lo < 80:
        # "Lin said that there were “discrepancies” in the figures": the words before the
        # partial quote are too short a clause alone; read the sentence through the quote
        following = next((q for q in inside if (q.open_mark or q.start) >= hi), None)
        if following is not None and following.kind == "partial":
            r = att.reported_in_sentence(text, lo, s_end, verbs)
            if r is not None and not (lo <= r.start < hi and r.speaker.end <= hi):
                r = None  # only a speaker named before the quote ("…, Mr Moran told the paper")
    if r is None:
        return None
    start, end = r.start, r.end
    lead = re.match(r"\s*(?:,\s*)?(?:and|but)\s+", text[start:end])
    if lo > s_start and (r.speaker.start < end or lead is None):
        # after a quote, "…,” he told reporters at the briefing." is the quote's own tag; only
        # a new clause with its own trailing tag ("and more were possible, she said") is new
        return None
    if hi < s_end:
        # a clause cut by the quote that follows is only its own clause when the sentence
        # moves on to another verb before the quote ("…next week, and described it as “…”")
        cut = _NEXT_VERB.search(text, start, end)
        following = next((q for q in inside if (q.open_mark or q.start) >= hi), None)
        joint = _NEXT_SUBJECT.search(text, start, end) if cut is None else None
        if joint is not None and following is not None and following.kind == "direct":
            # "Supporters said they would march, and fans chanted “…”": a new clause with its
            # own subject and quote follows the reported one
            cut = joint
        if cut is not None:
            end = cut.start()
        else:
            if following is None or following.kind != "partial":
                return None
            if (r.speaker.verb or "") in _CHARACTERISING:
                return None  # "described the fraud as “slow”": the quote is the description
            # "X quoted an expert as saying the drills were “routine”": a reported clause
            # that runs on through a quoted phrase (a mixed clause) ends with the sentence
            end = s_end
            tail = _MEDIA_TAIL.search(text, hi, s_end)
            if tail is not None and following.speaker is not None:
                # "X said the drills were a “stern warning”, Xinhua reported.": the agency
                # relays the clause and the quote in it
                name = tail.group("m")
                skip = len(name) - len(name.removeprefix("the ").removeprefix("The "))
                media = att.SpeakerHit(
                    tail.start("m") + skip, tail.end("m"), name[skip:], "reported"
                )
                if following.speaker.text == r.speaker.text and not any(
                    h.text == media.text for h in following.chain
                ):
                    following.chain = (media, *following.chain)
                return _clause(text, start, tail.start(), r.speaker, (media, *r.chain))
            if (
                following.speaker is not None
                and following.speaker.text == r.speaker.text
                and len(following.chain) > len(r.chain)
            ):
                # the relay named after the quote ("…, according to a statement carried by
                # KCNA") is the clause's relay too
                return _clause(text, start, end, r.speaker, following.chain)
    if lead:
        start += lead.end()
        before = [q for q in inside if (q.close_mark or q.end) < lo and q.speaker is not None]
        if before and any(h.text.lower() == r.speaker.text.lower() for h in before[-1].chain[:-1]):
            # 'The embassy called it “a provocation” and promised a response, Czech Radio
            # reported, citing Interfax.': the predicate after "and" shares the subject the
            # quote before it has, and the tag that relays both
            return _clause(text, start, end, before[-1].speaker, before[-1].chain)
    return _clause(text, start, end, r.speaker, r.chain)


def _clause(text, start, end, speaker, chain) -> QuoteFound | None:
    end = _trim_end(text, end)
    while end > start and text[end - 1] in ".!?;:,":
        end -= 1
    if end - start < 12:
        return None
    return QuoteFound(start, end, "reported", speaker, chain)
