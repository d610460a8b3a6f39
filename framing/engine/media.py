"""The news media the engine knows by name (``data/media.tsv``): agencies, broadcasters and
papers that credit or relay other people's words.

The list is data, not code: adding an agency is one line in the TSV. Patterns elsewhere still
recognise media the list lacks by their kind words ("the state-run X", "broadcaster X", "X news
agency"); the list covers names that carry no such word ("told Kompas TV", "according to ANI").

A longer list, ``data/media_more.tsv`` (the world's papers, broadcasters, sites and stations by
country), is known by lookup only (``more_names``): where a rule asks whether a name it found
is a medium's, and as examples for the medium-name model. It is not compiled into the
patterns, whose regexes would take a minute to build with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

MEDIA_TSV = Path(__file__).parent / "data" / "media.tsv"
MORE_TSV = Path(__file__).parent / "data" / "media_more.tsv"
# A paper's or channel's field before its kind ("the sports daily AS", "the business daily
# Nikkei"): read alike by the attribution rules and the relay-name cleaner
FIELDS = "sports|business|financial|economic|football|entertainment|investigative|medical"
# The kinds a medium named before is re-mentioned by ("the agency", "the daily", "the service"):
# read alike by the speaker tag that closes on one and by the relay link named by one
KINDS = (
    "agency",
    "service",
    "daily",
    "newspaper",
    "paper",
    "broadcaster",
    "channel",
    "station",
    "network",
    "outlet",
    "portal",
    "website",
    "site",
    "tabloid",
    "weekly",
    "magazine",
)


@dataclass(frozen=True, slots=True)
class Medium:
    name: str  # as written, case-sensitive: "AFP", "Prensa Latina"
    usual: str  # the name an analyst knows it by: "Agence France-Presse"
    kind: str  # agency, state_agency, broadcaster, paper
    credit: bool  # a dateline credit in this form resolves to ``usual``


@cache
def media(*, slots: bool = False) -> tuple[Medium, ...]:
    """The list's media; with ``slots``, also the names known only in a credit's slot (rows
    marked 'slot': "PA", "MAP", "Petra" are words or names elsewhere, but "By X, PA Political
    Correspondent", "(MAP)" closing the text or "SYDNEY, Dec 3 PA -" can only be credits)."""
    out = []
    for line in MEDIA_TSV.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("name\t"):
            continue
        name, usual, kind, credit = [*line.split("\t"), "", "", ""][:4]
        if credit == "slot" and not slots:
            continue
        out.append(Medium(name, usual or name, kind, credit in ("credit", "slot")))
    return tuple(out)


@cache
def more_names() -> frozenset[str]:
    """The names of ``data/media_more.tsv`` known outside a credit's slot, as written and
    without a leading "The" ("The Korea Herald" and "Korea Herald")."""
    out: set[str] = set()
    for line in MORE_TSV.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _usual, _kind, flag = [*line.split("\t"), "", "", ""][:4]
        if flag != "slot":
            out.add(name)
            out.add(name.removeprefix("The "))
    return frozenset(out)


def names(kinds: frozenset[str] | None = None, *, slots: bool = False) -> list[str]:
    return [m.name for m in media(slots=slots) if kinds is None or m.kind in kinds]


def alternation(words: list[str]) -> str:
    """A regex matching any of ``words`` (spaces match any run of white space), as a trie, so
    a failed match costs one character test per name group rather than one test per name.
    Longer continuations are tried first; the caller adds the right-hand boundary."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie(trie)


def _trie(node: dict) -> str:
    branches = []
    ends = "" in node
    for ch in sorted((c for c in node if c), key=lambda c: (c == " ", c)):
        head = r"\s+" if ch == " " else re.escape(ch)
        branches.append(head + _trie(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body
