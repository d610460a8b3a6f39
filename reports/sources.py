"""Sources and voice: whom each outlet quotes, how much of its text is its own, which verbs
it attributes with.

Everything comes from the event's stored summary (quote rows and per-article voice
characters) plus one query for the workspace's outlets, whose names and countries let us
say where a speaker belongs when the actor gazetteer does not know it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from framing.engine.actors import actor_defs
from framing.engine.documents import document_speaker
from reports.figures.base import sentences_url
from reports.summary import counted_articles

QUOTED, ATTRIBUTED = ("direct", "partial"), ("reported",)


@dataclass(frozen=True)
class OutletFact:
    name: str
    country: str
    type_display: str


@dataclass
class Speaker:
    name: str
    key: str  # what the sentence filter takes: actor key or surface name
    affiliation: str
    quoted: int = 0
    attributed: int = 0
    verbs: Counter = field(default_factory=Counter)
    url: str = ""
    relays: Counter = field(default_factory=Counter)  # "relays OTA via VCNA" -> quotes

    @property
    def total(self) -> int:
        return self.quoted + self.attributed

    @property
    def verb_list(self) -> list[tuple[str, int]]:
        return sorted(self.verbs.items(), key=lambda vn: (-vn[1], vn[0]))

    @property
    def relay_list(self) -> list[tuple[str, int]]:
        return sorted(self.relays.items(), key=lambda rn: (-rn[1], rn[0]))


@dataclass
class OutletSources:
    outlet_id: int
    name: str
    n: int
    words: int
    chars: int
    quoted_chars: int
    attributed_chars: int
    speakers: list[Speaker]
    verbs: list[tuple[str, int]]
    # (article, framing.selectors.ArticleRelays) for articles that visibly relay someone
    relays: list[tuple[Any, Any]] = field(default_factory=list)

    def share(self, part: str) -> float:
        if not self.chars:
            return 0.0
        if part == "own":
            return (self.chars - self.quoted_chars - self.attributed_chars) / self.chars
        return (self.quoted_chars if part == "quoted" else self.attributed_chars) / self.chars

    @property
    def shares(self) -> dict[str, str]:
        """Voice shares as percentages for display."""
        return {part: f"{100 * self.share(part):.0f}%" for part in ("own", "quoted", "attributed")}


def affiliation(
    speaker: str, actor: str, outlets: list[OutletFact], country: str = "", name: str = ""
) -> str:
    """Where a speaker belongs, if the gazetteer or the workspace's outlet data says so, else
    ``country``: the name of the actor when the event's texts name it as a country ("Orvane's
    foreign ministry" speaks for Orvane), else the state whose office the speaker (or the
    actor's ``name``: "the ministry" standing for "Oskarn's Foreign Ministry") is."""
    known = actor_defs().get(actor)
    if known is not None:
        return f"{known.name} ({known.kind})"
    text = speaker.lower()
    for o in outlets:
        if _names(o.name, text):
            details = ", ".join(x for x in (o.type_display, o.country) if x)
            return f"{o.name} — outlet: {details}"
    for home in sorted({o.country for o in outlets if o.country}, key=len, reverse=True):
        if _names(home, text):
            return f"{home} (country, from outlet data)"
    if country:
        return f"{country} (country)"
    if name and name != speaker:
        return affiliation(name, "", outlets)
    office = _STATE_OFFICE.match(speaker)
    return f"{office.group(1)} (country)" if office else ""


# "Oskarn's Foreign Ministry", "Aldmere's defence ministry": an office only a state has names
# its owner as a country.
_STATE_OFFICE = re.compile(
    r"(?:[Tt]he\s+)?([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2})['’]s\s+(?:[\w\-]+\s+){0,2}?"
    r"(?i:ministry|government|cabinet|presidency|embassy|navy|army|armed\s+forces|"
    r"foreign\s+office|interior\s+ministry)\b"
)


def _names(name: str, text: str) -> bool:
    # A name counts at a word start only ("Velmar" in "the Velmari navy", not in "Avelmar");
    # very short names would match everywhere.
    return len(name) >= 3 and re.search(r"(?<!\w)" + re.escape(name.lower()), text) is not None


def sources_by_outlet(
    event_id: int,
    payload: dict[str, Any],
    outlets: list[OutletFact],
    *,
    include_republications: bool = False,
) -> list[OutletSources]:
    """Per outlet: voice shares of its text, its speakers with counts and verbs, its verbs."""
    keep = counted_articles(payload, include_republications=include_republications)
    articles = {a["id"]: a for a in payload["articles"] if a["id"] in keep}
    names = payload.get("actors", {})
    result: dict[int, OutletSources] = {}
    for a in articles.values():
        name = payload["outlets"][str(a["outlet"])]["name"]
        o = result.setdefault(a["outlet"], OutletSources(a["outlet"], name, 0, 0, 0, 0, 0, [], []))
        voiced = a.get("voice_chars", {})
        o.n, o.words, o.chars = o.n + 1, o.words + a["words"], o.chars + a.get("chars", 0)
        o.quoted_chars += voiced.get("quoted", 0)
        o.attributed_chars += voiced.get("attributed", 0)
    speakers: dict[int, dict[str, Speaker]] = defaultdict(dict)
    verbs: dict[int, Counter] = defaultdict(Counter)
    merged = payload.get("actor_merge", {})  # "Border Service" is the Kestrian Border Service
    kinds = payload.get("actor_kinds", {})
    for article_id, speaker, actor, kind, verb, _chars, *relay in payload["quotes"]:
        if article_id not in articles or kind not in QUOTED + ATTRIBUTED:
            continue
        outlet = articles[article_id]["outlet"]
        if (speaker or "").lower() in _PRONOUNS:
            speaker = ""  # analyses stored before pronouns were resolved: "he" names nobody
        elif not actor and document_speaker(speaker or "") is not None:
            speaker = ""  # "the statement said" with no issuer named: a document is no source
        actor = merged.get(actor, actor) if actor else actor
        # one row for "Orvane's foreign ministry" whichever apostrophe the outlet types
        key = (actor or speaker or "").replace("’", "'")
        who = speakers[outlet].get(key.lower())
        if who is None:
            label = names.get(actor) or _gazetteer_name(actor) or speaker or "unnamed speaker"
            country = label if kinds.get(actor) == "country" else ""
            where = affiliation(speaker or label, actor, outlets, country, name=label)
            who = Speaker(label, key, where)
            who.url = sentences_url(event_id, outlet=outlet, speaker=key) if key else ""
            speakers[outlet][key.lower()] = who
        if kind in QUOTED:
            who.quoted += 1
        else:
            who.attributed += 1
        if verb:
            who.verbs[verb.lower()] += 1
            verbs[outlet][verb.lower()] += 1
        if relay and relay[0]:
            who.relays[relay[0]] += 1
    _merge_surnames(speakers)
    for outlet, o in result.items():
        o.speakers = sorted(speakers[outlet].values(), key=lambda s: (-s.total, s.name))
        o.verbs = sorted(verbs[outlet].items(), key=lambda vn: (-vn[1], vn[0]))
    return sorted(result.values(), key=lambda o: o.name.lower())


_PRONOUNS = frozenset(
    ["he", "she", "it", "they", "we", "i", "you", "many", "some", "most", "others", "few"]
)
_TITLES = frozenset(["mr", "mrs", "ms", "dr", "prof", "sir"])


def _surname_of(name: str) -> str | None:
    """ "flores" for "Flores" or "Mr. Flores"; None for anything else."""
    words = [w.strip(".,") for w in name.split()]
    if len(words) == 2 and words[0].lower() in _TITLES:
        words = words[1:]
    return words[0].lower() if len(words) == 1 and words[0][:1].isupper() else None


def _merge_surnames(speakers: dict[int, dict[str, Speaker]]) -> None:
    """One person, one row: "Flores" merges into "Pete Flores" when exactly one full name
    with that surname speaks anywhere in the event (two Floreses stay apart)."""
    full: dict[str, set[str]] = defaultdict(set)
    for rows in speakers.values():
        for who in rows.values():
            words = who.name.split()
            if len(words) >= 2 and all(w[:1].isupper() for w in words):
                full[words[-1].strip(".,").lower()].add(who.name)
    for rows in speakers.values():
        for key, who in list(rows.items()):
            surname = _surname_of(who.name)
            names = full.get(surname or "", set())
            if len(names) != 1:
                continue
            (name,) = names
            target = next((w for w in rows.values() if w.name == name), None)
            if target is None:
                who.name = name  # only the surname speaks in this outlet: show the full name
                continue
            target.quoted += who.quoted
            target.attributed += who.attributed
            target.verbs.update(who.verbs)
            target.relays.update(who.relays)
            del rows[key]


def _gazetteer_name(actor: str) -> str:
    known = actor_defs().get(actor) if actor else None
    return known.name if known else ""
