"""Relay links that name a medium by its kind: "the magazine", "the station", "the Saudi-owned
channel", "Reno TV station", "The Star newspaper".

Copy names a medium once and then calls it by its kind ("Huber told Der Spiegel … “…,” she told
the magazine"), or puts its kind before or after its name ("told the Saudi-owned channel Al
Hadath", "The Star newspaper, citing …"). The chain shows the medium's name:

1. **Apposition.** A kind phrase followed by a name ("the Reno TV station KOLO", "the Saudi-owned
   channel Al Hadath") is that name.
2. **Named before.** A kind phrase alone ("the magazine", "the business daily") is the nearest
   medium named before it in the text (outside the dateline) whose kind fits: a paper, daily,
   weekly, magazine or tabloid is print; a station, channel, broadcaster, radio, television or
   programme is broadcast; an agency or wire service is an agency; a site or outlet is any
   medium. A medium's kind comes from ``data/media.tsv``, from the words of its name ("Citizen
   TV", "Reno Gazette Journal") or from the kind word before it ("the newspaper O Globo"); a
   medium of unknown kind fits any kind phrase.
3. **Kind glued to a name.** "The Star newspaper", "Deutschlandfunk radio", "news channel
   BFMTV": the kind word is not part of the name shown.

A kind phrase nothing resolves stays as written ("told the agency" with no medium named before
it is left out, as a government agency may be meant).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache
from typing import TYPE_CHECKING

from . import attribution as att
from . import media as media_mod
from . import relays as relays_mod
from .text import DEMONYM, wordlist

if TYPE_CHECKING:
    from .quotes import QuoteFound

_PRINT = frozenset(
    wordlist("paper newspaper daily weekly magazine tabloid journal gazette publication")
)
_BROADCAST = frozenset(
    wordlist("station channel broadcaster television tv radio network programme program show")
)
_AGENCY = frozenset(wordlist("agency"))
_ANY = frozenset(wordlist("site website outlet portal podcast newsletter service"))
_KIND_WORDS = _PRINT | _BROADCAST | _AGENCY | _ANY | {"news", "wire", "media", "group"}
# Words of a medium's own name that tell its kind ("Reno Gazette Journal", "Citizen TV")
_PRINT_NAME = frozenset(
    wordlist(
        "newspaper paper daily weekly magazine tabloid journal gazette times post herald "
        "tribune telegraph guardian chronicle examiner inquirer enquirer courier observer "
        "globe star sun mirror express sentinel ledger register bulletin zeitung shimbun ilbo "
        "sinmun gazeta posten dagbladet mail nation economist spiegel"
    )
)
_BROADCAST_NAME = frozenset(
    wordlist(
        "tv television radio fm am channel station broadcaster broadcasting programme program "
        "show rundfunk"
    )
)
_TSV_KIND = {"agency": "agency", "state_agency": "agency", "broadcaster": "broadcast"}
_TSV_KIND["paper"] = "print"
# Status and ownership words before a kind word ("the state-run", "Saudi-owned", "business")
_MODIFIER = re.compile(r"[A-Za-z]+-(?:owned|run|based|controlled|funded|backed|language)\Z")
_STATE = frozenset(
    wordlist("state state-run state-owned state-controlled official semi-official government")
)
# A name right after a kind phrase: "… station KOLO", "… channel Al Hadath"
_APPOSED = re.compile(
    r"[ ]+(?:the[ ]+)?(?P<n>[A-Z][\w’'.&\-]*(?:[ ](?:of[ ]|de[ ]|al[ ]|el[ ])?[A-Z0-9][\w’'.&\-]*)"
    r"{0,3})"
)
# What may follow an apposed name: punctuation, "that", a time or place, a relaying verb
# ("told the magazine Germany would …" names no magazine: the name opens the clause)
_AFTER_APPOSED = re.compile(
    r"\s*(?:[,.;:)]|\Z)|\s+(?:that|in|on|at|during|after|before|about|last|this|reported|"
    r"said|says|quoted|cited|citing|quoting|published|broadcast|aired|carried)(?![\w’'\-])"
)
_NOT_MEDIUM = frozenset(
    wordlist(
        "ministry office department government council committee police army court statement "
        "report transcript spokesman spokeswoman spokesperson minister official officials "
        "agency's embassy command military navy sources source"
    )
)
_NOT_A_NAME = frozenset(
    wordlist(
        "monday tuesday wednesday thursday friday saturday sunday january february march april "
        "may june july august september october november december he she it they the a an in "
        "on at that this but and"
    )
)
_MEDIA = re.compile(att.MEDIA)
_NAMED_FIRST = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž\d]|[a-z]{1,3}[A-ZÀ-ÖØ-ÞĀ-Ž]")
_REPORTING = frozenset(wordlist("reported reports"))
_MEDIUM_SPOKE = frozenset(wordlist("confirmed said says quoted published carried broadcast aired"))
_IT = frozenset(("It", "it"))
_SCAN = 4000  # characters looked back for a medium named before a kind phrase


def _words(name: str) -> list[str]:
    return name.replace("’s", "").replace("'s", "").split()


def descriptor_kind(name: str) -> str | None:
    """'print', 'broadcast', 'agency' or 'any' when ``name`` names a medium by its kind alone
    ("the magazine", "the Saudi-owned channel"); None when it holds a
    name ("The Star newspaper", "Citizen TV") or is no medium at all."""
    words = _words(name)
    if not words or (words[-1] not in _KIND_WORDS and words[-1].lower() not in _KIND_WORDS):
        return None
    if words[-1][:1].isupper() and words[-1] != "TV":
        return None  # "Times Radio", "Kyiv Independent": the kind word is the name's own
    if words[0].lower() in ("local", "regional", "national", "public"):
        return None  # "told local radio": an unnamed station, no medium named before
    for w in words[:-1]:
        if w.lower() in _STATE:
            return None  # "state television", "the official news agency": the state-media rule's
        if w in ("the", "The", "a", "an", "its", "their"):
            continue
        if w.islower():
            if len(w) < 3:
                return None  # "The i paper": a lower-case name, not a modifier
            continue
        if _MODIFIER.fullmatch(w) or w == "TV":
            continue
        return None
    head = words[-1].lower()
    if head in ("media", "group", "news", "wire"):
        return None  # "state media" is the state-media rule's; "news" alone names nothing
    if head == "service":
        return "agency" if any(w in ("news", "wire") for w in words) else None
    if head in _AGENCY:
        return "agency"
    if head in _PRINT:
        return "print"
    if head in _BROADCAST:
        return "broadcast"
    return "any"


@cache
def _tsv_kinds() -> dict[str, str]:
    return {m.name.lower(): _TSV_KIND.get(m.kind, "") for m in media_mod.media()}


def medium_kind(name: str, before: str = "") -> str:
    """The kind of a named medium ('print', 'broadcast', 'agency') or '' when unknown, from the
    media list, the words of its name, or the kind word written right before it."""
    bare = re.sub(r"^(?:the|The)\s+", "", name.strip())
    bare = re.sub(r"^[A-Z][\w\-]*['’]s\s+", "", bare)  # "Nigeria's NAN"
    known = _tsv_kinds().get(bare.lower())
    if known:
        return known
    words = [w.lower() for w in _words(bare)]
    for w in reversed(words):
        if w in ("agency", "wire"):
            return "agency"
        if w in _BROADCAST_NAME:
            return "broadcast"
        if w in _PRINT_NAME:
            return "print"
    prev = before.split()[-1:] if before else []
    if prev:
        p = prev[0].lower()
        if p in _AGENCY:
            return "agency"
        if p in _PRINT:
            return "print"
        if p in _BROADCAST:
            return "broadcast"
    return ""


def _fits(want: str, have: str) -> bool:
    return want == "any" or not have or want == have


def display_name(name: str) -> str:
    """A medium's name without the kind word written after it ("The Star newspaper" -> "The
    Star", "DZBB radio" -> "DZBB", "Rossiya-24 TV channel" -> "Rossiya-24"); a phrase that is
    nothing but a kind, or that would keep no capitalised word, stays as written, and so do
    kinds that are part of a name ("the Funke media group", "the BBC's Today programme")."""
    words = name.split()
    if len(words) < 2 or descriptor_kind(name) is not None:
        return name
    end = len(words)
    while end > 1 and words[end - 1] in _GLUED:
        end -= 1
    if end < len(words) and words[end - 1] == "TV" and end > 1:
        end -= 1  # "Rossiya-24 TV channel" -> "Rossiya-24"
    if end == len(words) or words[end - 1].endswith(("’s", "'s")):
        return name
    kept = words[:end]
    if not any(w[:1].isupper() and w not in ("The", "A", "An") for w in kept):
        return name
    if not (kept[-1][:1].isupper() or kept[-1][:1].isdigit()):
        return name  # "Chinese state television": "state" ends no name
    if _nation_and_kind(name) and " ".join(kept).lower() not in _tsv_kinds():
        return name  # "Lebanese television": a nation's medium by its kind, no name to keep
    return " ".join(kept)


def _nation_and_kind(name: str) -> bool:
    """ "Nigerian newspaper", "the Pakistani broadcaster", "Russian news agencies": a medium
    named by its nation and lower-case kind words, which is no medium's name."""
    words = name.split()
    if words[:1] in (["the"], ["The"]):
        words = words[1:]
    return (
        len(words) >= 2
        and re.fullmatch(DEMONYM, words[0]) is not None
        and all(w.islower() for w in words[1:])
    )


# Kind words a name may carry after it that are not part of the name
_GLUED = frozenset(
    wordlist(
        "newspaper paper daily weekly magazine tabloid broadcaster channel station radio "
        "television website podcast"
    )
)


def name_descriptors(text: str, sentences, found: list[QuoteFound]) -> None:
    """Rules 1 and 2 of the module, in place, on every relay link of ``found``."""
    todo = [
        (q, k)
        for q in found
        if len(q.chain) >= 2 and q.kind != "scare"
        for k, h in enumerate(q.chain[:-1])
        if descriptor_kind(h.text) is not None or _kind_last(h.text) or h.text in _IT
    ]
    if not todo:
        return  # the common case: no kind phrase in any chain
    floor = att.dateline(text)[0]
    # (start, name, kind, a relay link of some quote) of the media named in the text
    named: list[tuple[int, str, str, bool]] = []
    for q in found:
        for h in q.chain[:-1]:
            if (
                descriptor_kind(h.text) is not None
                or h.text in _IT  # "It quoted …": a pronoun stands for a medium, names none
                or text[h.start : h.end] != h.text
                or placed_descriptor(text, h.text) is not None
                or _nation_and_kind(h.text)
            ):
                continue
            kind = medium_kind(h.text, text[max(0, h.start - 30) : h.start])
            words = h.text.split()
            if (
                kind
                or (
                    not _NOT_MEDIUM.intersection(h.text.lower().split())
                    and (
                        _MEDIA.fullmatch(h.text)
                        # "The Moldovan news portal NewsMaker": its kind, then its name
                        or att._kind_and_name(h.text)
                        # "CNA", "Rappler", "Kass FM", "bTV", "6PR": a relay named by
                        # capitalised words (the first may hold its capital inside)
                        or (
                            all(w[:1].isupper() or w in ("of", "de", "and") for w in words[1:])
                            and _NAMED_FIRST.match(words[0]) is not None
                        )
                    )
                )
            ):
                named.append((h.start, h.text, kind, True))
        sp = q.speaker
        if (
            sp is not None
            and (
                sp.verb in _REPORTING
                # "The judiciary's Mizan news agency confirmed the sentence. It quoted …": a
                # medium by its kind word that spoke may stand for a later "it"
                or (sp.verb in _MEDIUM_SPOKE and medium_kind(sp.text) != "")
            )
            and text[sp.start : sp.end] == sp.text
            and descriptor_kind(sp.text) is None
            and placed_descriptor(text, sp.text) is None
            and att._is_name(sp.text)
            and not _NOT_MEDIUM.intersection(sp.text.lower().split())
        ):
            # "La Provence reported that … The Marseille daily quoted his aunt …": a name
            # that reported is a medium a later kind phrase may stand for
            named.append((sp.start, sp.text, medium_kind(sp.text), True))
    lo = max(floor, min(q.chain[k].start for q, k in todo) - _SCAN)
    hi = max(q.chain[k].start for q, k in todo)
    for m in _MEDIA.finditer(text, lo, hi):
        name = m.group()
        if text[m.end() : m.end() + 1] == "-" and text[m.end() + 1 : m.end() + 2].isupper():
            # "The Courier-Mail": the name goes on past a kind word the list knows
            name = text[m.start() : m.end() + 1] + re.match(r"[\w’']*", text[m.end() + 1 :]).group()
        if (
            descriptor_kind(name) is not None
            or placed_descriptor(text, name) is not None
            or _nation_and_kind(name)
        ):
            continue
        kind = medium_kind(name, text[max(0, m.start() - 30) : m.start()])
        named.append((m.start(), name, kind, False))
    named.sort()
    starts = [s for s, _, _, _ in named]
    s_starts = [a for a, _ in sentences]
    cache: dict[tuple[int, int], att.SpeakerHit | None] = {}
    for q, k in todo:
        h = q.chain[k]
        key = (h.start, h.end)
        if key not in cache:
            cache[key] = _resolve(text, h, named, starts, s_starts, floor, q)
        new = cache[key]
        links: list[att.SpeakerHit | None] = list(q.chain[:-1])
        if new is None:
            if h.verb == "told" and descriptor_kind(h.text) == "agency":
                links[k] = None  # "told the agency": maybe a government agency; no relay
            else:
                continue
        else:
            links[k] = new
        kept: list[att.SpeakerHit] = []
        for x in links:
            if x is not None and not (kept and relays_mod.same_source(kept[-1].text, x.text)):
                kept.append(x)
        q.chain = (*kept, q.chain[-1])


def _kind_last(name: str) -> bool:
    """ "Reno TV station", "the Okaz daily": a lower-case kind word ends the link."""
    last = name.rsplit(None, 1)[-1]
    return last.islower() and last in _KIND_WORDS and last not in ("news", "media", "group")


# A place's capitalised word before a kind word is no name ("The Gdańsk daily", "the Flemish
# broadcaster"): the text names the place after a place preposition, or the word is a demonym
_PLACE_PREP = r"(?:in|of|from|to|near|across|around|outside|at)"
_KIND_ALT = "|".join(sorted(_KIND_WORDS))
_DEMONYM = re.compile(rf"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][a-zà-öø-ÿā-ž]+(?:ish|ese|ian|ean)|{DEMONYM})\Z")


def placed_descriptor(text: str, name: str) -> str | None:
    """The kind ('print', 'broadcast', …) of a medium named by its place and kind ("The
    Gdańsk daily" when the text speaks of "the shipyard in Gdańsk", "the Flemish
    broadcaster"); None when the capitalised words may be the medium's own name ("the Okaz
    daily", "The Star newspaper")."""
    words = _words(name)
    definite = words[:1] in (["the"], ["The"])
    if definite:
        words = words[1:]  # ("Flemish broadcaster" after "told the": the same phrase)
    if len(words) < 2 or not _kind_last(name):
        return None
    if not definite and not re.search(rf"\b[Tt]he\s+{re.escape(' '.join(words))}\b", text):
        return None  # "told Lebanese television": a medium named by kind, not one named before
    middle = words[:-1]
    if len(middle) > 2 or not all(w[:1].isupper() for w in middle):
        return None
    if middle[-1].endswith("-based") and all(w[:1].isupper() for w in middle):
        return descriptor_kind(f"the {words[-1]}")  # "the Abu Dhabi-based newspaper"
    known = _tsv_kinds()
    if any(
        f"{the}{' '.join(ws)}".lower() in known for ws in (words, middle) for the in ("", "the ")
    ):
        return None  # a medium the list knows by these words
    place = " ".join(middle)
    if len(middle) == 2 and re.search(
        rf"(?<![\w’'\-]){re.escape(place)}(?![\w’'\-])(?!\s+(?:{_KIND_ALT})\b)", text
    ):
        # "the Green Bay station" where the text also speaks of Green Bay: a two-word place
        return descriptor_kind(f"the {words[-1]}")
    for w in middle:
        if _DEMONYM.fullmatch(w) and words[-1] not in ("newspaper", "paper"):
            # ("The Australian newspaper" is a paper's name with its kind glued on)
            continue
        if w.isupper() or not re.search(
            rf"\b{_PLACE_PREP}\s+{re.escape(w)}(?![\w’'\-])(?!\s+(?:{_KIND_ALT})\b)", text
        ):
            return None  # ("TSF", "speaking to TSF radio": a medium's name, not a place)
    return descriptor_kind(f"the {words[-1]}")


def _resolve(text, h, named, starts, s_starts, floor, q) -> att.SpeakerHit | None:
    want = descriptor_kind(h.text)
    if want is None and text[h.start : h.end] == h.text:
        want = placed_descriptor(text, h.text)
    if h.text in _IT:
        # "Il Mattino reported that … It quoted a retired fisherman, X, as saying …": "it"
        # relaying is the medium named in its sentence or the one before, or no one
        si = bisect_right(s_starts, h.start)
        i = bisect_left(starts, h.start)
        near = [
            c
            for c in reversed(named[:i])
            if c[0] >= floor
            and c[0] + len(c[1]) <= h.start
            and bisect_right(s_starts, c[0]) >= si - 1
        ]
        return (
            att.SpeakerHit(near[0][0], near[0][0] + len(near[0][1]), near[0][1], h.verb)
            if near
            else None
        )
    if text[h.start : h.end] == h.text and _kind_last(h.text):
        m = _APPOSED.match(text, h.end)
        if (
            m is not None
            and m.group("n").split()[0].lower() not in _NOT_A_NAME
            and (q.speaker is None or m.start("n") != q.speaker.start)
        ):
            name = m.group("n").rstrip(".")
            end = m.start("n") + len(name)
            if not name.endswith(("’s", "'s")) and _AFTER_APPOSED.match(text, end):
                return att.SpeakerHit(m.start("n"), end, name, h.verb)
    if want is None:
        return None
    i = bisect_left(starts, h.start)
    before = [c for c in reversed(named[:i]) if c[0] >= floor and c[0] + len(c[1]) <= h.start]
    first = next((c for c in before if _fits(want, c[2])), None)
    if first is None:
        # no medium of that kind named before: the last relay, whatever its kind (a "CNA" the
        # list calls an agency may be the broadcaster the article means)
        best = next((c for c in before if c[3]), None)
    else:
        # in the sentence of the nearest fitting medium, a medium that relayed someone wins
        # over one named in passing ("The Global Times, a tabloid run by the People's Daily,
        # quoted …  … the newspaper quoted him")
        si = bisect_right(s_starts, first[0])
        best = next(
            (
                c
                for c in before
                if c[3] and _fits(want, c[2]) and bisect_right(s_starts, c[0]) == si
            ),
            first,
        )
    if best is None:
        return None
    start, name = best[0], best[1]
    return att.SpeakerHit(start, start + len(name), name, h.verb)
