"""Actor mentions: a small gazetteer (aliases merged under one key) plus capitalised-sequence
detection for names the gazetteer does not know."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ahocorasick

from .text import wordlist
from .types import ActorMention

GAZETTEER = Path(__file__).parent / "data" / "gazetteer.tsv"
_NON_WORD = re.compile(r"[^\w]+")
_CAPS = re.compile(
    # Starting with a consuming [A-Z] (word start checked by a look-behind after it) lets the
    # regex engine skip straight to capitals instead of trying every position.
    r"[A-Z](?<![\w’'].)(?:[a-z’'\-]+|[A-Z]+s?)"
    r"(?:[ ](?:of[ ](?:the[ ])?|for[ ]|de[ ]|al-|bin[ ])?(?:[A-Z][a-z’'\-]+|[A-Z]{2,}s?)){0,7}"
)
_STOP = frozenset(
    wordlist(
        "The A An In On At As By For From To Of And But Or If When While After Before Since "
        "Until This That These Those It Its He She They We I You His Her Their Our My Your "
        "There Here Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February "
        "March April May June July August September October November December Jan Feb Mar Apr "
        "Jun Jul Aug Sep Sept Oct Nov Dec Today Yesterday "
        "Tomorrow However Meanwhile Also Still Yet Some Many Most Such Other Another Both "
        "Each Every All No Not Mr Mrs Ms Dr Sir Madam What Who Why How Where Which Whose "
        "Although Though Because So Then Now Later Earlier According Under Over Despite "
        "Against With Without Within Among Amid Last Next First Second Third One Two Three "
        "Four Five New Old Asked Speaking Earlier Officials Analysts Experts Critics "
        "Observers Residents Sources Photo Editor Editorial Update Breaking Read More Related "
        "Share Opinion Comment Commentary"
    )
)
_TITLES = re.compile(
    r"(?:President|Minister|Premier|Chancellor|Secretary|Ambassador|Senator|Spokesperson|"
    r"Spokesman|Spokeswoman|spokesperson|spokesman|spokeswoman|General|Gen\.|Admiral|Colonel|"
    r"Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Chairman|Chairwoman|Leader|leader|King|Queen|Prince|Pope|"
    r"Governor|Mayor|Representative|Rep\.|Sen\.|Director|Commander|Professor|Prof\.|analyst|"
    r"envoy|Envoy|official|researcher|lawmaker|diplomat)[ ,]+\Z"
)
_ORG_WORDS = frozenset(
    wordlist(
        "Ministry Agency Party Council Committee Institute University News Times Post Daily "
        "Corporation Bank Association Command Forces Army Navy Department Office Centre "
        "Center Foundation Group Company Union Organisation Organization Assembly Parliament "
        "Congress Senate Court Commission Service Bureau Federation Fund Network Herald "
        "Journal Tribune Gazette Telegraph Press Broadcasting Television Radio Institute "
        "Academy Alliance Coalition Front Movement Guard Corps Fleet Authority Administration "
        "Cabinet"
    )
)


_TITLE_WORDS = frozenset(
    wordlist(
        "President Minister Foreign Defence Defense Prime Deputy Vice Secretary General "
        "Admiral Spokesperson Spokesman Spokeswoman Ambassador Senator Chancellor Premier Mr "
        "Mrs Ms Dr Chairman Chairwoman Leader Supreme Commander Governor Mayor Director "
        "Professor King Queen Prince Colonel Lieutenant Major Captain State Councillor Envoy "
        "Special Chief Senior Representative Rep Sen Gen Adm Col Lt Maj Capt Sgt Sergeant "
        "Marshal Field"
    )
)


# A capitalised word whose government, ministry or navy the text mentions names a country
# ("Velmar’s foreign ministry", "the government of Kestria"), even one no gazetteer lists.
_STATE_NOUNS = (
    r"(?:government|foreign|ministry|navy|army|air force|president|prime minister|defence|"
    r"defense|military|coast ?guard|embassy|parliament|border|interior|armed forces|"
    r"authorities|troops|warships|frigate|capital|territorial|waters|southern|northern|"
    r"eastern|western|territory)\b"
)
_STATE_POSSESSIVE = re.compile(
    r"\b([A-Z][a-z]{2,})['’]s "
    + _STATE_NOUNS
    + r"|\b(?:government|authorities|embassy|president|people|coast|ministry|navy|army|"
    r"parliament) of ([A-Z][a-z]{2,})\b"
)
# Last words of place names: "Serrin Strait" and "Halden Bridge" are places, not people.
_PLACE_WORDS = frozenset(
    wordlist(
        "Strait Straits River Sea Bay Bridge Peninsula Island Islands Gulf Ocean Lake Coast "
        "Valley Square Street Road Avenue Mountains Mountain Desert Canal Harbour Harbor "
        "Province Region District County Basin Delta Plain Plains Highlands Heights Border "
        "Crossing Port"
    )
)


# A title, a name of one to three words, then "of"/"at": the person of an organisation.
_TITLED_PERSON_OF = re.compile(
    r"((?:(?:" + "|".join(sorted(_TITLE_WORDS)) + r")\.? )+(?:[A-Z][\w’'\-]+ ){0,2}[A-Z][\w’'\-]+)"
    r" (?:of|at|for) "
)
# A lower-case organisation noun right after a name makes it an organisation's name.
_ORG_AFTER = re.compile(
    r"[ ](?:party|movement|group|network|ministry|agency|campaign|alliance|coalition|union|"
    r"council|committee|charity|organi[sz]ation|company|firm|bank|militia|faction|bloc|"
    r"newspaper|daily|broadcaster|foundation|institute|think[ -]tank)\b"
)

# "Frontier Aid, a medical charity working …": an organisation noun heading an apposition
# (never "Iris Mahler, the network coordinator": the noun must end the apposition's head).
_ORG_APPOSED = re.compile(
    r",[ ](?:an?|the)[ ](?:[\w\-]+[ ]){0,3}?(?:charity|group|organi[sz]ation|network|agency|"
    r"company|firm|bank|ngo|NGO|foundation|institute|think[ -]tank|newspaper|broadcaster|"
    r"militia|movement|coalition|alliance|union|association)"
    r"(?=[,.;:)]|[ ](?:working|based|that|which|in|of|for|from|with|set|founded|run|active|"
    r"operating|campaigning|funded|backed|close|linked)\b)"
)


@dataclass(frozen=True, slots=True)
class ActorDef:
    key: str
    name: str
    kind: str


@cache
def gazetteer() -> tuple[ahocorasick.Automaton, dict[str, ActorDef]]:
    auto = ahocorasick.Automaton()
    defs: dict[str, ActorDef] = {}
    for line in GAZETTEER.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("key\t"):
            continue
        key, name, kind, aliases = [*line.split("\t"), "", "", "", ""][:4]
        defs[key] = ActorDef(key, name, kind)
        for alias in {name, *aliases.split("|")}:
            if alias:
                auto.add_word(alias, (len(alias), key))
    auto.make_automaton()
    return auto, defs


@cache
def name_words() -> frozenset[str]:
    """The gazetteer's one-word aliases, lower-cased ("china", "beijing", "kremlin"): words
    that stay names when a title-case headline capitalises everything."""
    # An Automaton is not a dict: its aliases come from keys().
    return frozenset(a.lower() for a in gazetteer()[0].keys() if a.isalpha())  # noqa: SIM118


def actor_defs() -> dict[str, ActorDef]:
    """Gazetteer entries by key."""
    return gazetteer()[1]


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in "_") and not (after.isalnum() or after in "_")


def find_actors(
    text: str, sentence_starts: frozenset[int] | set[int], cased: str | None = None
) -> list[ActorMention]:
    """Gazetteer and capitalised-name mentions, non-overlapping, sorted by position.

    ``cased`` is the text as capitals are read for names (``headlines.sentence_cased``: a
    title-case headline's ordinary words lower-cased), the same length; default ``text``."""
    auto, defs = gazetteer()
    hits = []
    for last, (length, key) in auto.iter(text):
        start = last - length + 1
        if _bounded(text, start, last + 1):
            hits.append((start, last + 1, key))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    mentions: list[ActorMention] = []
    covered_until = -1
    for start, end, key in hits:
        if start < covered_until:
            continue
        d = defs[key]
        mentions.append(ActorMention(start, end, text[start:end], key, d.name, d.kind))  # type: ignore[arg-type]
        covered_until = end
    mentions += _capitalised(text, mentions, sentence_starts, cased or text)
    mentions.sort(key=lambda m: m.start)
    return mentions


def _capitalised(text, known: list[ActorMention], sentence_starts, cased) -> list[ActorMention]:
    taken_starts = [m.start for m in known]  # known mentions are sorted and non-overlapping
    taken_ends = [m.end for m in known]
    out: list[ActorMention] = []
    people: dict[str, str] = {}  # surname -> person key, so "Kim" later merges with "Kim Min-ho"
    states = {a or b for a, b in _STATE_POSSESSIVE.findall(text)}
    # Words the text capitalises inside a sentence are names where they open one, too.
    inside = {
        w
        for m in _CAPS.finditer(cased)
        if not _opening(text, m.start(), sentence_starts)
        for w in m.group().split()
    }
    # Capitals are read in ``cased``: in a title-case headline they say nothing about names.
    for m in _CAPS.finditer(cased):
        start, end = m.span()
        group = m.group()
        if (possessive := _POSSESSIVE.search(group)) is not None:
            # "Kestria’s asylum court": the actor is Kestria, under the key Kestria has anyway
            group, end = group[: possessive.start()], end - len(possessive.group())
        lone = " " not in group and group not in people and group not in states
        if _opening(text, start, sentence_starts) and lone and group not in inside:
            continue  # a lone capitalised word opening a sentence is almost never a name
        words = group.split()
        # "Residents of Halden Bridge": a stop word and the connector after it both go
        while words and (words[0] in _STOP or words[0].islower()):
            start = cased.index(words[1], start + len(words[0])) if len(words) > 1 else end
            words = words[1:]
        if not words or start >= end:
            continue
        k = bisect_right(taken_starts, end - 1) - 1
        if k >= 0 and taken_ends[k] > start:
            continue
        if len(words) == 1 and words[0] in _ORG_WORDS:
            continue  # "The Ministry notes …": an office word alone names no one
        titled = False
        person_of = _TITLED_PERSON_OF.match(" ".join(words))
        if person_of is not None:
            # "Professor Halden Russ of the Velmar Academy …": the person, and the academy
            rest = words[len(person_of.group().split()) :]
            if rest and rest[0] == "the":
                rest = rest[1:]
            if rest and any(w in _ORG_WORDS for w in rest):
                r_start = cased.index(rest[0], start + len(person_of.group()) - 1)
                surface = text[r_start:end]
                key = _NON_WORD.sub("_", surface.lower()).strip("_")
                out.append(ActorMention(r_start, end, surface, key, surface, "organisation"))
            words = words[: len(person_of.group(1).split())]
            end = cased.index(words[-1], start) + len(words[-1])
        if not any(w in _ORG_WORDS for w in words):
            # Up to the last title word: "Interior Minister Marguerite Dolan" is Dolan.
            cut = max(
                (
                    i
                    for i, w in enumerate(words[:-1])
                    if w.rstrip(".") in _TITLE_WORDS and words[i + 1][0].isupper()
                ),
                default=-1,
            )
            for word in words[: cut + 1]:
                start = cased.index(word, start) + len(word)
            if cut >= 0:
                start = cased.index(words[cut + 1], start)
                words, titled = words[cut + 1 :], True
            if words[0].rstrip(".") in _TITLE_WORDS:
                continue
        known_person = len(words) == 1 and words[0] in people
        state = len(words) == 1 and words[0] in states
        short = start in sentence_starts or len(words[0]) < 3
        if len(words) == 1 and not (known_person or state) and short:
            continue
        surface = text[start:end]
        kind = "person" if titled else _kind(text, start, words, states, end)
        if len(words) == 1 and words[0] in people:
            key, kind = people[words[0]], "person"
        else:
            key = _NON_WORD.sub("_", surface.lower()).strip("_")
            if kind == "person":
                people[words[-1]] = key
                if words[0] not in states:  # "Kestria" of "Kestria First" is the country
                    people[words[0]] = key
        out.append(ActorMention(start, end, surface, key, surface, kind))  # type: ignore[arg-type]
    return out


def _opening(text: str, start: int, sentence_starts) -> bool:
    """Whether a word opens a sentence or a quotation (“Better a queue …”): its capital is
    no sign of a name."""
    return start in sentence_starts or (start > 0 and text[start - 1] in '“"‘')


def _kind(
    text: str, start: int, words: list[str], states: set[str] = frozenset(), end: int = -1
) -> str:
    if any(w in _ORG_WORDS for w in words):
        return "organisation"
    if end >= 0 and (_ORG_AFTER.match(text, end) or _ORG_APPOSED.match(text, end)):
        # "the opposition Kestria First party", "Frontier Aid, a medical charity, …"
        return "organisation"
    if len(words) == 1 and words[0] in states:
        return "country"
    if words[-1] in _PLACE_WORDS or words[0] == "Port":
        return "other"
    if _TITLES.search(text, max(0, start - 16), start):
        return "person"
    if 2 <= len(words) <= 3 and all(w[0].isupper() and not w.isupper() for w in words):
        return "person"
    return "other"


def fuller_name(old: str, new: str) -> str:
    """The name an actor is shown by: the longer, but never an all-capitals spelling over an
    ordinary one ("HALDEN BRIDGE, Kestria —" is a dateline's typography, not the name)."""
    if not old or not new:
        return old or new
    return max(old, new, key=lambda n: (not n.isupper(), len(n)))


def merge_actor_keys(mentions: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """Alias keys of an event's actors mapped to the key they stand for.

    ``mentions`` are (key, name, kind) over every article of the event. Within an article a
    surname already joins its full name (``find_actors``); across articles, an actor named by
    one word ("Falk", key ``falk``) joins the one person of the event whose full name ends
    with that word ("Adrian Falk") or, for a word known to name a person, begins with it;
    names that differ only in case or a possessive ("Falk’s") join one key. Ambiguous words
    ("Kim" with two Kims) stay apart. Keys that stand for themselves are left out.
    """
    names: dict[str, tuple[str, str]] = {}
    for key, name, kind in mentions:
        # A key's fullest name and most specific kind: "Marta Kessock" mentioned later as
        # "Kessock" is still Marta, not the other Kessock of the event.
        name = _POSSESSIVE.sub("", name)
        old_name, old_kind = names.get(key, ("", "other"))
        names[key] = (
            fuller_name(old_name, name),
            kind if old_kind == "other" else old_kind,
        )
    by_last: dict[str, set[str]] = {}
    by_first: dict[str, set[str]] = {}
    by_spelling: dict[str, set[str]] = {}
    for key, (name, _) in names.items():
        by_spelling.setdefault(name.casefold(), set()).add(key)
    for name, kind in names.values():
        words = name.split()
        if kind == "person" and len(words) > 1:
            # One owner per spelling: "Adrian Falk" and "Adrian Falk’s" are one person, so
            # "Falk" is not ambiguous between them.
            canonical = min(by_spelling[name.casefold()])
            by_last.setdefault(words[-1], set()).add(canonical)
            by_first.setdefault(words[0], set()).add(canonical)
    # Organisations by their last words: "Border Service" is the "Kestrian Border Service"
    # when the event names exactly one longer organisation ending so.
    by_tail: dict[tuple[str, ...], set[str]] = {}
    for name, kind in names.values():
        words = tuple(w.casefold() for w in name.split())
        if kind == "organisation":
            canonical = min(by_spelling[name.casefold()])
            for i in range(1, len(words) - 1):
                by_tail.setdefault(words[i:], set()).add(canonical)
    merged: dict[str, str] = {}
    for key, (name, kind) in names.items():
        words = name.split()
        owners = set()
        if kind == "organisation" and len(words) >= 2:
            owners = by_tail.get(tuple(w.casefold() for w in words), set())
        if len(words) == 1:
            owners = by_last.get(words[0], set())
            # A first name only for a word known to be a person ("Kim"): "Kestria" is not
            # "Kestria First".
            if kind == "person":
                owners = owners | by_first.get(words[0], set())
        if len(owners) == 1 and key not in owners:
            merged[key] = next(iter(owners))
        elif len(by_spelling[name.casefold()]) > 1:
            merged[key] = min(by_spelling[name.casefold()])
    return {k: _final(k, merged) for k in merged if _final(k, merged) != k}


_POSSESSIVE = re.compile(r"['’]s\Z")


def _final(key: str, merged: dict[str, str]) -> str:
    seen = {key}
    while key in merged and merged[key] not in seen:
        key = merged[key]
        seen.add(key)
    return key
