"""Actors: gazetteer and name mentions, and which actor each speaker is."""

from __future__ import annotations

import re
from bisect import bisect_right

from ..actors import find_actors, gazetteer
from ..doc import Doc, SpeakerActor
from ..types import ActorMention
from .base import Component


class Actors(Component):
    """Adds ``doc.actors`` and ``doc.speaker_actor``, the speaker span -> actor resolver
    the quotes and loaded terms read."""

    name = "actors"
    requires = ("sentences",)

    def apply(self, doc: Doc) -> None:
        doc.actors = find_actors(doc.text, {s for s, _ in doc.sentences})
        doc.speaker_actor = speaker_actor_resolver(doc.actors, doc.text)


def speaker_actor_resolver(actors: list[ActorMention], text: str = "") -> SpeakerActor:
    """Speaker span -> actor key: an actor named inside the speaker phrase, else — for an
    unnamed official source ("the ministry", "a spokesperson") — the organisation or country
    the text names as owning such an office ("North Korea's foreign ministry"), else the
    country of the dateline. A named organisation in the text wins over the dateline."""
    starts = [a.start for a in actors]
    home = dateline_actor(text)
    owners: list[tuple[int, str, str]] | None = None  # (start, actor, official word)
    memo: dict[tuple[int, int], str | None] = {}

    def resolve(start: int | None, end: int | None) -> str | None:
        nonlocal owners
        if start is None or end is None:
            return None
        if (start, end) in memo:
            return memo[start, end]
        i = bisect_right(starts, start - 1)
        found = None
        while i < len(actors) and actors[i].start < end:
            if actors[i].end <= end:
                found = actors[i].actor
                break
            i += 1
        if found is None and (official := _OFFICIAL_SOURCE.search(text, start, end)):
            if owners is None:
                owners = _owners(actors, text)  # once per text, only when needed
            found = _context_actor(owners, start, official.group().lower()) or home
        memo[start, end] = found
        return found

    return resolve


_OWNER_GAP = re.compile(r"(?:['’]s)?(?:\s+[\w\-]+){0,2}\s+")


def _owners(actors: list[ActorMention], text: str) -> list[tuple[int, str, str]]:
    """Countries and organisations named right before an official word ("North Korea's
    foreign ministry", "the Velmar navy"), in text order, with that word."""
    out = []
    for a in actors:
        if a.kind not in ("country", "organisation", "bloc"):
            continue
        window = text[a.end : a.end + 60]
        m = _OFFICIAL_SOURCE.search(window)
        if m is None or not _OWNER_GAP.fullmatch(window[: m.start()]):
            continue  # "Xinhua, the ministry said": a comma or more than two words between
        out.append((a.start, a.actor, m.group().lower()))
    return out


def _context_actor(owners: list[tuple[int, str, str]], start: int, word: str) -> str | None:
    """The latest owner named before ``start`` with the same official word, else the latest
    with any official word (a spokesperson belongs to whichever office was named)."""
    i = bisect_right(owners, (start,)) - 1
    fallback = None
    for _, actor, owned in reversed(owners[max(0, i - 40) : i + 1]):
        if owned == word or word.startswith("spokes"):
            return actor
        fallback = fallback or actor
    return fallback


_DATELINE = re.compile(r"\s*([A-Z][A-Z .'\-]{2,30}?)(?:,|\s+\(|\s+[-–—])")
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
