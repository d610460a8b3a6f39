"""Who says what: speaker phrases, speech verbs, reported speech and relay chains.

Regexes run on the original text (capitalisation matters for names). They are compiled once
and only ever applied to one sentence or a short window around a quote, so they stay cheap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NAME_WORD = r"[A-Z][\w’'.\-]*"
_CONNECT = r"(?:of|for|and|the|de|del|da|von|van|al|bin|on)"
_PROPER = rf"(?:the\s+)?{_NAME_WORD}(?:\s+(?:{_CONNECT}\s+)?{_NAME_WORD}){{0,6}}"
SPEAKER_NOUNS = (
    "ministry ministries spokesperson spokesman spokeswoman spokespeople official officials "
    "statement statements agency commentary editorial report minister president leader envoy "
    "ambassador diplomat diplomats analyst analysts expert experts source sources commander "
    "general admiral military army navy command department office committee council government "
    "secretary chief premier chancellor senator lawmaker lawmakers legislator observer observers "
    "researcher researchers professor scholar newspaper daily outlet broadcaster media resident "
    "residents witness witnesses citizen citizens veteran mother father woman man student worker "
    "fisherman farmer vendor driver owner officer officers soldier spokesmen representative "
    "delegate delegation mission embassy consulate white house kremlin pentagon blue house "
    "communique communiqué release readout note memorandum bulletin article piece column "
    "columnist commentator host anchor correspondent reporter journalist paper tabloid"
)
_NOUN_ALT = "|".join(sorted((re.escape(w) for w in SPEAKER_NOUNS.split()), key=len, reverse=True))
_DET = r"(?:the|a|an|one|another|its|his|her|their|this|that|The|A|An|One|Another|Its|His|Her|Their|This|That)"
_COMMON = (
    rf"(?:{_DET}\s+|{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}['’]s\s+)"
    rf"(?:[\w’'\-]+\s+){{0,4}}?(?:{_NOUN_ALT})\b"
    rf"(?:\s+(?:of|for|at|in)\s+{_PROPER})?"
    rf"(?:,?\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})?"
)
_PRONOUN = r"(?:he|she|they|it|He|She|They|It)"
SPEAKER = rf"(?:{_COMMON}|{_PROPER}|{_PRONOUN})"

VERBS = (
    "said says say told tells stated states added adds noted notes stressed stresses emphasised "
    "emphasized emphasises emphasizes declared declares announced announces warned warns argued "
    "argues claimed claims insisted insists asserted asserts alleged alleges admitted admits "
    "acknowledged acknowledges conceded concedes explained explains wrote writes reported reports "
    "replied replies responded responds commented comments continued urged urges asked asks "
    "denied denies maintained maintains confirmed confirms boasted boasts tweeted posted "
    "suggested suggests recalled concluded charged countered retorted lamented laments "
    "complained complains vowed vows pledged pledges promised promises threatened threatens "
    "slammed blasted criticised criticized condemned condemns denounced denounces accused "
    "accuses called calls described describes labelled labeled termed dubbed branded hailed "
    "hails praised praises quipped observed observes remarked pointed out underlined "
    "underscored reiterated reiterates demanded demands predicted believes believed thinks "
    "cautioned announced"
)
_VERB_ALT = "|".join(sorted(set(VERBS.split()), key=len, reverse=True)).replace(" ", r"\s+")
VERB = rf"(?:{_VERB_ALT})"
# Verbs that introduce a reported clause on their own ("X said the drills…"); others
# ("announced", "confirmed", "told reporters") only do so with an explicit "that".
SAY_VERBS = frozenset(
    [
        "said",
        "says",
        "stated",
        "states",
        "claimed",
        "claims",
        "warned",
        "warns",
        "argued",
        "argues",
        "insisted",
        "insists",
        "asserted",
        "asserts",
        "alleged",
        "alleges",
        "added",
        "adds",
        "noted",
        "notes",
        "stressed",
        "stresses",
        "emphasised",
        "emphasized",
        "declared",
        "declares",
        "believes",
        "believed",
        "thinks",
        "suggested",
        "suggests",
        "maintained",
        "maintains",
        "reiterated",
        "reiterates",
        "predicted",
        "cautioned",
        "contended",
        "contends",
    ]
)
_TAIL = r"(?:\s+(?:in|on|at|during|to|via|after|before|through)\s+[^,.;:!?\"“”]{1,60}?)?"

# '"…," said the minister.' / '"…," the minister said on Monday.'
AFTER_QUOTE = re.compile(
    rf"\s*[,.!?]?\s*(?:(?P<v1>{VERB})\s+(?P<s1>{SPEAKER})|(?P<s2>{SPEAKER})\s+(?P<v2>{VERB}))\b"
)
# 'The minister said: "…"' / 'According to KCNA, "…"' — anchored at the end of the window.
BEFORE_QUOTE = re.compile(
    rf"(?:(?P<s1>{SPEAKER})\s+(?P<v1>{VERB})(?:\s+that|\s+(?:in|on)\s+[^,:\"“”]{{1,50}})?"
    rf"|(?P<v2>according\s+to|According\s+to)\s+(?P<s2>{SPEAKER}))\s*[:,]?\s*\Z"
)
# 'X called the drills "a provocation"': the speaker opens the clause holding a partial quote.
LEADING_SPEAKER = re.compile(
    rf"(?P<s>{SPEAKER})\s+(?:also\s+|further\s+|had\s+|has\s+)?(?P<v>{VERB})\b"
)
ACCORDING = re.compile(
    rf"(?P<v>[Aa]ccording\s+to|[Aa]s\s+(?:quoted|cited|reported)\s+by)\s+(?P<s>{SPEAKER})"
)
CITING = re.compile(rf"(?P<v>citing|quoting)\s+(?P<s>{SPEAKER})")
QUOTED_AS = re.compile(
    rf"(?P<outer>{SPEAKER})\s+(?:quoted|cited)\s+(?P<inner>{SPEAKER})\s+as\s+(?:saying|stating|"
    rf"telling|warning|claiming|describing|calling)\b"
)


@dataclass(frozen=True, slots=True)
class SpeakerHit:
    start: int
    end: int
    text: str
    verb: str | None


@dataclass(frozen=True, slots=True)
class Reported:
    """Reported speech in one sentence: the clause attributed, its speaker, the relay chain."""

    start: int
    end: int
    speaker: SpeakerHit
    chain: tuple[SpeakerHit, ...]


def _hit(m: re.Match[str], s: str, v: str | None) -> SpeakerHit | None:
    name = m.group(s)
    if not name:
        return None
    verb = m.group(v) if v and m.group(v) else None
    return SpeakerHit(m.start(s), m.end(s), name, " ".join(verb.split()).lower() if verb else None)


def speaker_after(text: str, pos: int, limit: int) -> SpeakerHit | None:
    """Speaker and verb right after a closing quote mark at ``pos``."""
    m = AFTER_QUOTE.match(text, pos, min(limit, pos + 160))
    if not m:
        return None
    return _hit(m, "s1", "v1") or _hit(m, "s2", "v2")


def speaker_before(text: str, pos: int, floor: int) -> SpeakerHit | None:
    """Speaker and verb introducing a quote that opens at ``pos``."""
    m = BEFORE_QUOTE.search(text, max(floor, pos - 200), pos)
    if not m:
        return None
    return _hit(m, "s1", "v1") or _hit(m, "s2", "v2")


def leading_speaker(text: str, start: int, end: int) -> SpeakerHit | None:
    """First speaker + speech verb inside a sentence span (for partial quotes)."""
    m = LEADING_SPEAKER.search(text, start, end)
    return _hit(m, "s", "v") if m else None


def relay_sources(text: str, start: int, end: int) -> list[SpeakerHit]:
    """Relaying sources named in a sentence, outermost first ("according to TASS", "citing
    KCNA", "KCNA quoted the ministry as saying")."""
    out: list[SpeakerHit] = []
    for m in ACCORDING.finditer(text, start, end):
        out.append(_hit(m, "s", "v"))  # type: ignore[arg-type]
    for m in QUOTED_AS.finditer(text, start, end):
        out.append(SpeakerHit(m.start("outer"), m.end("outer"), m.group("outer"), "quoted"))
        out.append(
            SpeakerHit(m.start("inner"), m.end("inner"), m.group("inner"), "quoted as saying")
        )
    for m in CITING.finditer(text, start, end):
        subj = LEADING_SPEAKER.search(text, start, m.start())
        if subj:
            out.append(_hit(subj, "s", "v"))  # type: ignore[arg-type]
        out.append(_hit(m, "s", "v"))  # type: ignore[arg-type]
    return _dedupe(out)


def _dedupe(hits: list[SpeakerHit]) -> list[SpeakerHit]:
    seen: set[str] = set()
    out = []
    for h in hits:
        key = h.text.lower()
        if key not in seen:
            seen.add(key)
            out.append(h)
    return out


_REPORTED_LEAD = re.compile(
    rf"(?P<s>{SPEAKER})\s+(?:also\s+|further\s+|has\s+|had\s+|have\s+)?(?P<v>{VERB})"
    rf"(?:\s+(?:on|in)\s+(?:a\s+|the\s+)?[A-Z]?[\w\-]+(?:\s+[\w\-]+)?)?"
    rf"(?:\s*,\s*(?:citing|quoting)\s+{SPEAKER}\s*,)?"
    rf"(?:\s+(?:[\w’'\-]+\s+){{0,4}}?(?P<that>that)|\s*,)?\s+"
)
_REPORTED_TAIL = re.compile(
    rf",\s*(?:(?P<s1>{SPEAKER})\s+(?P<v1>{VERB})|(?P<v2>{VERB})\s+(?P<s2>{SPEAKER})"
    rf"|(?P<v3>according\s+to)\s+(?P<s3>{SPEAKER})){_TAIL}\s*[.!?]?\s*\Z"
)
_ACCORDING_LEAD = re.compile(rf"(?P<v>[Aa]ccording\s+to)\s+(?P<s>{SPEAKER})\s*,\s*")
_AS_SAYING = re.compile(r"\bas\s+saying\s+(?:that\s+)?")


def reported_in_sentence(text: str, start: int, end: int) -> Reported | None:
    """Reported speech in one sentence, e.g. 'The ministry said (that) …', '…, KCNA said.',
    'According to TASS, …'. Returns the attributed clause span."""
    relays = relay_sources(text, start, end)
    said = _AS_SAYING.search(text, start, end)
    if said and relays:
        return _reported(said.end(), end, relays[-1], relays)
    m = _ACCORDING_LEAD.match(text, start, end)
    if m:
        inner = _REPORTED_LEAD.match(text, m.end(), end)
        if inner and (inner.group("that") or inner.group("v").lower() in SAY_VERBS):
            return _reported(inner.end(), end, _hit(inner, "s", "v"), relays)  # type: ignore[arg-type]
        return _reported(m.end(), end, _hit(m, "s", "v"), relays)  # type: ignore[arg-type]
    m = _REPORTED_TAIL.search(text, start, end)
    if m and m.start() - start > 12:
        hit = _hit(m, "s1", "v1") or _hit(m, "s2", "v2") or _hit(m, "s3", "v3")
        return _reported(start, m.start(), hit, relays)  # type: ignore[arg-type]
    m = _REPORTED_LEAD.search(text, start, end)
    if m and m.start() - start < 60 and (m.group("that") or m.group("v").lower() in SAY_VERBS):
        return _reported(m.end(), end, _hit(m, "s", "v"), relays)  # type: ignore[arg-type]
    return None


def _reported(
    start: int, end: int, speaker: SpeakerHit, relays: list[SpeakerHit]
) -> Reported | None:
    if end - start < 12:
        return None
    names = [r.text.lower() for r in relays]
    if speaker.text.lower() in names:
        # The grammatical subject relays someone else ("TASS reported, citing KCNA"): the
        # clause belongs to the innermost source.
        return Reported(start, end, relays[-1], tuple(relays))
    return Reported(start, end, speaker, (*relays, speaker))
