"""A medium named in a relaying role in the sentence of a speaker's tag relays that speaker.

The phrase-by-phrase rules in ``attribution`` read the common relay formulas whole ("X told
Reuters that …", "…, TASS reported, citing KCNA"). This rule is the general case they leave:
any medium the sentence names right after a relaying word ("told", "according to", "citing",
"quoting", "carried / published / broadcast / quoted / cited by", "speaking to", "an
interview with", "comments to") or right before one ("IRNA quoting", "Anadolu, citing …",
"Detik.com quoted"), outside the words attributed, is a link of the chain — "told state-run
Petra", "a statement published by the state-run Maghreb Arabe Presse (MAP) agency", "with
state news agency IRNA quoting the spokesman". Media after the clause are outermost ("…, the
ministry said in a statement carried by KCNA, TASS reported": TASS, then KCNA); media before it
follow in the order written ("Prensa Latina, citing a statement read on VTV, said …").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from . import attribution as att
from . import medium_names

if TYPE_CHECKING:
    from .quotes import QuoteFound

# Cheap test before the medium regex runs on a sentence
_ROLE_HINT = re.compile(
    r"\b(?:told|tells|according|citing|quoting|quoted|cited|reported|carried|published|"
    r"released|relayed|broadcast|aired|speaking|spoke|interview|comments|remarks|statements|"
    r"said|says|appearing|Speaking|Appearing|Calling|[Ww]riting|wrote|column|op-ed|article|piece|"
    r"commentary|essay)\b"
)
# "state-run Petra", "the official Cuban News Agency (ACN)", "the state-run Maghreb Arabe Presse
# (MAP) agency": a status word makes the name after it a medium
_STATUS_MEDIUM = (
    r"(?:(?:the|The)\s+)?(?:[A-Z][\w\-]*['’]s\s+)?"
    r"(?:state-run|state-owned|state-controlled|state-affiliated|semi-official|official)\s+"
    r"(?:(?:news\s+agency|broadcaster|television|radio)\s+)?"
    r"[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3}(?:\s+\([A-Z]{2,6}\))?(?:\s+(?:news\s+)?agency)?"
)
_MEDIUM = re.compile(rf"{_STATUS_MEDIUM}|{att.MEDIA}")
# A relaying word right before a medium ("told", "published by") or right after it ("IRNA
# quoting", "Anadolu, citing", "Detik.com quoted")
_BEFORE = re.compile(
    r"\b(?:told|tells|according\s+to|citing|quoting|speaking\s+to|spoke\s+(?:to|with)|"
    r"[Cc]alling\s+in\s+to|"
    r"interview\s+with|(?:comments|remarks|statements?)\s+to|"
    # "Esposito made the comments on the Pod Save America podcast": where the words were said
    r"(?:made|making)\s+(?:the|his|her|their|these|those|similar)\s+(?:comments|remarks)\s+"
    r"(?:on|in|to|during)|"
    # "said on China Central Television's evening news", "Speaking on KBS Radio's show"
    r"(?:said|says|[Ss]peaking|spoke|[Aa]ppearing)\s+on|"
    # "Writing in the Daily Telegraph, …", "In a guest article for the FAZ, …", "wrote in an
    # op-ed for The Hindu": a piece written for a paper is relayed by it
    r"(?:[Ww]riting|wrote|writes)\s+(?:in|for)|"
    r"(?:column|op-ed|oped|article|piece|commentary|essay)\s+(?:for|in|published\s+by)|"
    r"(?:carried|published|released|relayed|broadcast|aired|reported|quoted|cited|seen|"
    r"obtained|reviewed)(?:\s+(?:on|last|this)\s+\w+)?\s+by)\s+"
)
_AFTER = re.compile(
    r"\s*,\s*(?:citing|quoting)\b|\s+(?:also\s+)?(?:reported|reports|quoted|quoting|cited|citing|"
    r"carried|published)\b"
)
# "said on the station", "Speaking on the same programme", "Writing in the paper": a medium
# named by its kind, after the article named it; ``media_descriptors`` puts the name in
_KIND_LINK = re.compile(
    r"the\s+(?:same\s+)?(?:radio\s+station|station|channel|broadcaster|programme|program|"
    r"show|newspaper|paper|daily|weekly|magazine|network)(?![\w’'\-])"
)
_NAMED_SHOW = re.compile(
    r"the\s+(?P<n>[A-Z][\w’'\-]*(?:\s+(?:(?:in|of|the|on|and|for|with|at)\s+)?[A-Z][\w’'\-]*){0,5})"
    r"\s+(?:podcast|programme|program|show)(?![\w\-])"
)
_CALLSIGN = re.compile(
    r"(?P<n>\d{1,4}(?:\.\d)?\s?(?:[A-Z][A-Z0-9]{1,4}|FM|AM))(?=['’]s\b|(?![\w\-.]))"
)
_JOURNAL = re.compile(r"(?:the\s+)?(?:[\w\-]+\s+)?journal\b", re.IGNORECASE)
_CAPITAL = re.compile(r"(?<![\w’'.\-])(?:[Tt]he\s+)?[A-Z]")
_PRONOUNS = frozenset(("he", "she", "it", "they", "we", "i", "you"))
_REACH = 60  # characters before a medium in which its relaying word stands


def relay_roles(text: str, sentences: list[tuple[int, int]], found: list[QuoteFound]) -> None:
    """Add to chains that have no relay the media their tag's sentence names in a relaying
    role (module docstring). A medium goes to the tag nearest to it when a sentence has two."""
    interviews_cited(text, sentences, found)
    starts = [s for s, _ in sentences]
    by_sentence: dict[int, list[QuoteFound]] = {}
    for q in found:
        if q.kind in ("scare", "partial") or q.speaker is None:
            continue
        if q.speaker.text.lower() in _PRONOUNS:
            continue  # resolved later, to a speaker whose chain it takes
        si = bisect_right(starts, q.speaker.start) - 1
        a, b = sentences[si]
        if q.start < b and q.end > a:  # the tag is in a sentence the words share
            by_sentence.setdefault(si, []).append(q)
    for si, quotes in by_sentence.items():
        if all(len(q.chain) >= 2 for q in quotes):
            continue
        a, b = sentences[si]
        if _ROLE_HINT.search(text, a, b) is None:
            continue
        bare = {id(q) for q in quotes if len(q.chain) == 1 and not att._is_media_hit(q.speaker)}
        for m in _media_in_role(text, a, b):
            q = min(quotes, key=lambda q: abs(q.speaker.start - m[0]))  # type: ignore[union-attr]
            if id(q) in bare and not _inside(q, m):
                _add(q, m)


# "The Chronicle, citing an interview the governor gave to the radio station KTBB, reported
# that …", "Citizen Digital, citing an interview with BBC Sport, reported that …": the outer
# medium took the words from the interview the inner one carried, so both are links, outer
# first; the one who gave the interview is the speaker of what the outer medium reports
_INTERVIEW_CITED = re.compile(
    rf"(?P<outer>{_STATUS_MEDIUM}|{att.MEDIA}),\s+citing\s+(?:an?\s+|the\s+)?"
    r"(?:(?:radio|television|TV|exclusive|recent)\s+)?(?:interview|remarks|comments)\s+"
    r"(?:(?:with|to|on)\s+|(?P<who>(?:the|a|an|his|her|its)\s+[\w’'\-]+(?:\s+[\w’'\-]+){0,4}?|"
    r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]+(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]+){0,3})\s+(?:gave|granted|made)\s+"
    r"(?:to|on)\s+)"
    rf"(?P<inner>{_STATUS_MEDIUM}|{att.MEDIA})\s*,"
)


def interviews_cited(text: str, sentences: list[tuple[int, int]], found: list[QuoteFound]) -> None:
    """A medium citing an interview another medium carried relays it (``_INTERVIEW_CITED``):
    the interview's medium is the link after the citing one, and the person who gave the
    interview, not the citing medium, speaks the words it reports."""
    if "interview" not in text and "remarks" not in text and "comments" not in text:
        return
    starts = [s for s, _ in sentences]
    for q in found:
        if q.kind in ("scare", "partial") or q.speaker is None:
            continue
        si = bisect_right(starts, q.start) - 1
        a, b = sentences[max(si, 0)]
        if text.find("citing", a, b) == -1:
            continue
        m = _INTERVIEW_CITED.search(text, a, b)
        if m is None or m.end() > q.start:
            continue
        outer = next((h for h in q.chain if m.start("outer") <= h.start < m.end("outer")), None)
        if outer is None or any(m.start("inner") <= h.start < m.end("inner") for h in q.chain):
            continue  # no citing medium in the chain, or the interview's medium already in it
        inner = _hit(m, "inner", "told")
        links = list(q.chain[:-1])
        speaker = q.chain[-1]
        if speaker is outer:
            if not m.group("who"):
                continue  # no one named: the outlet's own report
            speaker = att.SpeakerHit(m.start("who"), m.end("who"), m.group("who"), speaker.verb)
            links.append(outer)
        at = next(i for i, h in enumerate(links) if h is outer) + 1
        q.speaker = speaker
        q.chain = (*links[:at], inner, *links[at:], speaker)


def _lead(m: re.Match[str], group: str) -> int:
    return len(m.group(group)) - len(re.sub(r"^(?:the|The)\s+", "", m.group(group)))


def _hit(m: re.Match[str], group: str, verb: str) -> att.SpeakerHit:
    skip = _lead(m, group)
    return att.SpeakerHit(m.start(group) + skip, m.end(group), m.group(group)[skip:], verb)


def _media_in_role(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """(start, end, name) of the media in sentence [a, b) right after or right before a
    relaying word, in text order. The medium regex is large, so it is tried only where a
    relaying word puts a medium; a name no list knows is a medium when ``medium_names`` reads
    it as one."""
    found: dict[int, tuple[int, int, str]] = {}
    for role in _BEFORE.finditer(text, a, b):
        if _JOURNAL.match(text, role.end(), b) and role.group().lower().startswith(
            ("writing", "wrote", "writes")
        ):
            # "Researchers at X, writing in the journal Y, said …": a study published in a
            # journal is heard from its authors; the journal relays no one (a column is not one)
            continue
        m = _MEDIUM.match(text, role.end(), b) or _KIND_LINK.match(text, role.end(), b)
        show = _NAMED_SHOW.match(text, role.end(), b) or _CALLSIGN.match(text, role.end(), b)
        if show is not None and (m is None or m.end() <= show.start("n")):
            # "said on the This Week in Virology podcast", "Speaking to 4BC's breakfast
            # program": a programme by its name, a station by its call sign and frequency
            found.setdefault(show.start("n"), (show.start("n"), show.end("n"), show.group("n")))
        elif m is not None:
            found.setdefault(m.start(), (m.start(), m.end(), m.group()))
        elif (named := medium_names.name_at(text, role.end(), b)) is not None:
            found.setdefault(named[0], named)
    for role in _AFTER.finditer(text, a, b):
        for cap in _CAPITAL.finditer(text, max(a, role.start() - _REACH), role.start()):
            m = _MEDIUM.match(text, cap.start(), role.start())
            if m is not None and m.end() == role.start():
                found.setdefault(m.start(), (m.start(), m.end(), m.group()))
                break
            named = medium_names.name_at(text, cap.start(), role.start())
            if named is not None and named[1] == role.start():
                found.setdefault(named[0], named)
                break
    return [found[k] for k in sorted(found)]


def _inside(q: QuoteFound, m: tuple[int, int, str]) -> bool:
    """The medium is part of the words attributed, or of the speaker's own name."""
    sp = q.speaker
    return (q.start <= m[0] < q.end) or (sp.start <= m[0] < sp.end)  # type: ignore[union-attr]


def _add(q: QuoteFound, m: tuple[int, int, str]) -> None:
    start, end, name = m
    name = re.sub(r"^(?:the|The)\s+", "", name)
    hit = att.SpeakerHit(end - len(name), end, name, "relayed")
    if start >= q.end:
        # after the clause: outside every link found so far
        q.chain = (hit, *q.chain)
    else:
        q.chain = (*q.chain[:-1], hit, q.chain[-1])
