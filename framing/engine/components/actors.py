"""Actors: gazetteer and name mentions, and which actor each speaker is."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .. import attribution as att
from ..actors import find_actors, gazetteer
from ..doc import Doc, SpeakerActor
from ..headlines import sentence_cased
from ..text import wordlist
from ..types import ActorMention
from .base import Component

if TYPE_CHECKING:
    from ..quotes import QuoteFound


class Actors(Component):
    """Adds ``doc.actors`` and ``doc.speaker_actor``, the speaker span -> actor resolver
    the quotes and loaded terms read."""

    name = "actors"
    requires = ("sentences",)

    def apply(self, doc: Doc) -> None:
        # A title-case headline's capitals are no evidence of names (``headlines``).
        doc.actors = find_actors(doc.text, {s for s, _ in doc.sentences}, sentence_cased(doc))
        doc.speaker_actor = speaker_actor_resolver(doc.actors, doc.text)


def quote_actor(doc: Doc, q: QuoteFound) -> str | None:
    """The actor whose words a quote holds: its speaker's, the issuer's for a document
    speaker ("the statement said"), or, for a description that resolves to no actor of its
    own, the named source it takes up again ("the ministry" after "OTA reported that
    Oskarn's Foreign Ministry …")."""
    if q.speaker is None:
        return None
    relays = [h.text for h in q.chain[:-1]]
    who = q.issuer or q.speaker
    actor = doc.speaker_actor(who.start, who.end, relays, name=who.text)
    if actor is None and q.antecedent is not None:
        a = q.antecedent
        actor = doc.speaker_actor(a.start, a.end, relays, name=a.text)
    return actor


def speaker_actor_resolver(actors: list[ActorMention], text: str = "") -> SpeakerActor:
    """Speaker span -> actor key: an actor named inside the speaker phrase, else — for an
    unnamed official source ("the ministry", "a spokesperson") — the organisation or country
    the text names as owning such an office ("North Korea's foreign ministry"), else the
    country of the dateline. A named organisation in the text wins over the dateline."""
    starts = [a.start for a in actors]
    home = dateline_actor(text)
    # the dateline's credit is the article's origin, not a relay of its speakers
    credit = (att.dateline(text)[1] or att.SpeakerHit(0, 0, "", None)).text.lower()
    owners: list[tuple[int, str, str]] | None = None  # (start, actor, official word)
    memo: dict[tuple[int, int], str | None] = {}

    by_name = {a.name.casefold(): a.actor for a in actors}

    def resolve(
        start: int | None, end: int | None, relays: Sequence[str] = (), name: str = ""
    ) -> str | None:
        nonlocal owners
        if start is None or end is None:
            return None
        owner = _OWNER_NAMED.match(name) if name and name != text[start:end] else None
        if owner is not None and owner.group(1).casefold() in by_name:
            # "Its foreign ministry" read as "Orvane's foreign ministry": Orvane's
            return by_name[owner.group(1).casefold()]
        if owner is not None and _PROPER_OWNER.fullmatch(owner.group(1)):
            # ... even where Orvane only opens a sentence, which no name mention covers
            return owner_key(owner.group(1))
        key = (start, end, tuple(relays))
        if key in memo:
            return memo[key]
        if _PEOPLE_SOMEWHERE.match(text, start, end):
            memo[key] = None  # "Residents of Halden Bridge" are not Halden Bridge
            return None
        found = _the_north_or_south(text, start, end)
        i = bisect_right(starts, start - 1)
        while found is None and i < len(actors) and actors[i].start < end:
            if actors[i].end <= end:
                found = actors[i].actor
                if text.startswith(("'s ", "’s "), actors[i].end):
                    # "Oskarn's state news agency OTA": the owner is a modifier; a later
                    # name in the phrase is the speaker ("Aldmere's defence ministry" has none)
                    inner = [a for a in actors[i + 1 :] if a.start < end and a.end <= end]
                    found = inner[-1].actor if inner else found
                break
            i += 1
        if found is None:
            # "Orvane said …" opening a sentence, where no mention covers a lone capitalised
            # word: the actor the text names so elsewhere ("waved through Orvane")
            found = by_name.get(text[start:end].casefold())
        if found is None and (official := _OFFICIAL_SOURCE.search(text, start, end)):
            # "the ministry" heard through KCNA is North Korea's, whatever the dateline or the
            # last country named: a state agency relays its own government's offices
            found = _state_agency_home([r for r in relays if r.lower() != credit])
            if found is None:
                if owners is None:
                    owners = _owners(actors, text)  # once per text, only when needed
                phrase = text[start:end].lower()
                found = _context_actor(owners, start, official.group().lower(), phrase) or home
        memo[key] = found
        return found

    return resolve


# State news agencies that relay their own government's unnamed offices, and that country
# (a gazetteer key). Independent or foreign-reporting agencies (Yonhap, Kyodo, Reuters) are
# left out: "the ministry" they quote may be anyone's.
_STATE_AGENCY_HOME = {
    "kcna": "dprk",
    "korean central news agency": "dprk",
    "rodong sinmun": "dprk",
    "tass": "russia",
    "ria novosti": "russia",
    "interfax": "russia",
    "irna": "iran",
    "islamic republic news agency": "iran",
    "tasnim": "iran",
    "mehr": "iran",
    "fars": "iran",
    "xinhua": "china",
    "global times": "china",
    "cctv": "china",
    "people's daily": "china",
    "saudi press agency": "saudi_arabia",
    "spa": "saudi_arabia",
    "sana": "syria",
    "belta": "belarus",
}
_AGENCY_WORDS = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w\-]*['’]s\s+)?(?:(?:state|state-run|official|semi-official)\s+)?"
    r"(?:news\s+agency\s+)?|\s+(?:news\s+agency|agency|newspaper|daily)$",
    re.IGNORECASE,
)


def _state_agency_home(relays: Sequence[str]) -> str | None:
    """The country of the innermost state agency among a speaker's relays, if any."""
    for name in reversed(relays):
        home = _STATE_AGENCY_HOME.get(_AGENCY_WORDS.sub("", name.strip()).lower())
        if home is not None:
            return home
    return None


_THE_NORTH = re.compile(r"\bthe\s+(North|South)(?:['’]s)?\b(?!\s+[A-Z])")


def _the_north_or_south(text: str, start: int, end: int) -> str | None:
    """ "the North's defence ministry" is North Korea's when the text names North Korea
    ("the South" South Korea's); elsewhere "the North" may be anything."""
    if "the North" not in text[start:end] and "the South" not in text[start:end]:
        return None  # the common case, without a regex
    m = _THE_NORTH.search(text, start, end)
    if m is None:
        return None
    side = m.group(1)
    return {"North": "dprk", "South": "south_korea"}[side] if f"{side} Korea" in text else None


_OWNER_GAP = re.compile(r"(?:['’]s)?(?:\s+[\w\-]+){0,2}\s+")


def _owners(actors: list[ActorMention], text: str) -> list[tuple[int, str, str]]:
    """Countries and organisations named right before an official word ("North Korea's
    foreign ministry", "the Velmar navy"), in text order, with that word."""
    out = []
    for a in actors:
        if a.kind not in ("country", "organisation", "bloc") or a.actor in _MEDIA_ACTORS:
            continue  # "KCNA quoted a spokesman": an agency relays an office, it owns none
        window = text[a.end : a.end + 60]
        m = _OFFICIAL_SOURCE.search(window)
        if m is None or not _OWNER_GAP.fullmatch(window[: m.start()]):
            continue  # "Xinhua, the ministry said": a comma or more than two words between
        out.append((a.start, a.actor, m.group().lower()))
    return out


def _context_actor(
    owners: list[tuple[int, str, str]], start: int, word: str, phrase: str = ""
) -> str | None:
    """The latest owner named before ``start`` with the same official word, else the latest
    with any official word (a spokesperson belongs to whichever office was named). A phrase
    naming an office of its own ("a department spokesperson", "health officials") borrows
    only an owner of that office."""
    own = [
        w
        for w in _WORD.findall(phrase)
        if w not in _PLAIN_WORDS and not _OFFICIAL_SOURCE.fullmatch(w)
    ]
    i = bisect_right(owners, (start,)) - 1
    fallback = None
    for _, actor, owned in reversed(owners[max(0, i - 40) : i + 1]):
        if owned == word or owned in own or (word.startswith("spokes") and not own):
            return actor
        fallback = fallback or actor
    return None if own else fallback


_WORD = re.compile(r"[a-z][\w\-]*")
# Words that do not name an office of their own: determiners, ranks, the official words.
_PLAIN_WORDS = frozenset(
    wordlist(
        "the a an one two three several some many its his her their this that senior top junior "
        "other another unnamed anonymous said says told speaking for of who"
    )
)


_MEDIA_ACTORS = frozenset(
    wordlist(
        "afp ap bbc cgtn cnn global_times kcna kyodo peoples_daily reuters ria_novosti "
        "rodong_sinmun rt tass xinhua yonhap"
    )
)
_DATELINE = re.compile(r"\s*([A-Z][A-Z .'\-]{2,30}?)(?:,|\s+\(|\s+[-–—])")
_OWNER_NAMED = re.compile(r"(.+?)['’]s\s")
_PROPER_OWNER = re.compile(r"[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,3}")


def owner_key(name: str) -> str:
    """The actor key of a name: its gazetteer key, else the key ``find_actors`` gives a name
    it reads from capitals ("Orvane" -> "orvane"), so both meet across an event."""
    auto, _ = gazetteer()
    hits = [key for _, (length, key) in auto.iter(name) if length == len(name)]
    return hits[0] if hits else re.sub(r"[^\w]+", "_", name.lower()).strip("_")


# People of a place or critics of someone speak as themselves, not for the place or target
# they are named by ("Residents of Halden Bridge", "Critics in Kestria", "critics of the
# government"); officials, staff or spokespeople of an organisation do speak for it.
_PEOPLE_SOMEWHERE = re.compile(
    r"(?:[A-Za-z\-]+\s+){0,2}?(?:residents|critics|people|voters|"
    r"citizens|locals|villagers|families|witnesses|protesters|demonstrators|migrants|farmers|"
    r"workers|students|shopkeepers|traders|businesses|business\s+groups|analysts|experts|"
    r"observers|commentators|many|some|others|parents|relatives|survivors|refugees|"
    r"hauliers|drivers|doctors|teachers|opponents|supporters|fans|mourners|onlookers|groups)"
    r"\s+(?:of|in|from|near|across|around|throughout|outside)\s",
    re.IGNORECASE,
)
_OFFICIAL_SOURCE = re.compile(
    r"\b(?:ministry|ministries|spokes\w*|government|official|officials|military|army|navy|"
    r"foreign|defen[cs]e|presidential|cabinet|office)\b",
    re.IGNORECASE,
)


def dateline_actor(text: str) -> str | None:
    """The country of an all-caps dateline city ("PYONGYANG, June 28 (…) --" -> "dprk")."""
    m = _DATELINE.match(text[:80])
    if not m:
        return None
    city = m.group(1).strip().title()
    auto, defs = gazetteer()
    hits = [key for _, (length, key) in auto.iter(city) if length == len(city)]
    return next((k for k in hits if defs[k].kind == "country"), None)
