"""Relays an article makes visible: the wire credit of its dateline and the relay chains of
its quotes, summed up as "relays KCNA via TASS".

A wire credit ("HELSINKI (AP) —", "COLUMBUS, Ohio, Oct. 7 (UPI) —", "(Reuters) -") names the
agency whose copy the article is; it is the article's origin, not a speaker. Relay chains come
from ``quotes`` ("TASS reported, citing KCNA", "according to the Associated Press"), outermost
first, ending with the speaker.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Agencies usually credited by their short form; the name is what the origin is called.
AGENCIES = {
    "AP": "Associated Press",
    "UPI": "United Press International",
    "AFP": "Agence France-Presse",
    "DPA": "Deutsche Presse-Agentur",
    "ANSA": "ANSA",
    "EFE": "EFE",
    "PTI": "Press Trust of India",
    "MNA": "Mehr News Agency",
    "IRNA": "IRNA",
    "KCNA": "KCNA",
    "TASS": "TASS",
    "XINHUA": "Xinhua",
    "REUTERS": "Reuters",
    "BLOOMBERG": "Bloomberg",
    "YONHAP": "Yonhap",
    "KYODO": "Kyodo",
}
# Long forms written out in prose ("carried by the Korean Central News Agency") and the
# usual name the rest of the article (and the analyst) knows them by.
LONG_FORMS = {
    "korean central news agency": "KCNA",
    "islamic republic news agency": "IRNA",
    "xinhua news agency": "Xinhua",
    "the associated press": "Associated Press",
    "agence france-presse": "Agence France-Presse",
}
# At a line start within the first lines: an optional dateline (city, region, date) then the
# credit in parentheses and a dash. Every part is bounded, so the match stays linear.
_CREDIT = re.compile(
    r"(?m)^[ \t]*(?:[A-Z][A-Za-z.'\-]*(?:[ ][A-Za-z.'\-]+){0,3}"
    r"(?:,[ ]*[A-Z][\w.]*(?:[ ][A-Z][\w.]*)?){0,2}"
    r"(?:,?[ ]+[A-Z][a-z]{2,8}\.?[ ]+\d{1,2}(?:,[ ]*\d{4})?)?[ ]*)?"
    r"\((?P<agency>[A-Z][\w.&' \-]{1,40})\)[ ]*(?:--|[-–—:])"
)
_HEAD = 400  # a credit sits in the first lines (after a headline or a byline at most)


@dataclass(frozen=True, slots=True)
class WireOrigin:
    name: str  # "Associated Press"
    credit: str  # as written: "AP"
    start: int
    end: int


def wire_origin(text: str) -> WireOrigin | None:
    """The agency a dateline credits ("WASHINGTON (AP) —" -> Associated Press), if any."""
    m = _CREDIT.search(text, 0, min(len(text), _HEAD))
    if m is None:
        return None
    credit = m.group("agency").strip()
    return WireOrigin(agency_name(credit), credit, m.start("agency"), m.end("agency"))


def agency_name(name: str) -> str:
    """The usual name for an agency's short form or long form; other names without a
    leading "the"."""
    bare = re.sub(r"^(?:the|The)\s+", "", name.strip())
    return AGENCIES.get(bare.upper().replace(".", "")) or LONG_FORMS.get(bare.lower(), bare)


# "the public broadcaster Yle", "the newspaper Le Monde": the kind before the name
_KIND_FIRST = re.compile(
    r"^(?:the\s+|The\s+)?(?:(?:state|state-run|state-owned|official|public|semi-official)\s+)?"
    r"(?:news\s+agency|broadcaster|newspaper|daily|channel|website|(?:trade\s+)?publication|"
    r"magazine|(?:radio\s+|television\s+)?station|television|radio)\s+(?=[A-Z])"
)


_KNOWN_AGENCY = re.compile(
    r"(?:the\s+|The\s+)?(?:[A-Z][\w\-]*['’]s\s+)?(?:(?:state|state-run|official)\s+)?"
    r"(?:news\s+agency\s+)?(?P<n>[A-Z][\w.]*)(?:\s+(?:news\s+agency|agency))?"
)


_SHORT_FORM = re.compile(r"[A-Z]{2,6}")


# "the official Korean Central News Agency", "the state-run Anadolu": words saying whose or
# what kind of medium it is, not part of its name
_STATUS = re.compile(r"^(?:(?:state|state-run|state-owned|official|semi-official|public)\s+)+")
# "Belgian broadcaster RTBF", "the Russian news outlet RBC", "the news website Politico
# Europe": a nationality and a kind before the name
_NATIONAL_KIND = re.compile(
    r"^(?:the\s+|The\s+)?(?:[A-Z][a-z]+\s+)?(?:(?:state|state-run|official|public|online)\s+)?"
    r"(?:news\s+agency|news\s+outlet|news\s+website|news\s+site|outlet|broadcaster|newspaper|"
    r"daily|channel|website|tabloid|radio\s+station|television)\s+(?=[A-Z])"
)
# A short form the rest of the article may spell out ("told the AP", "according to the
# Associated Press"): one link under one name, the agency's usual long name
_SPELLED_OUT = frozenset(("AP",))
_NAME_THEN_AGENCY = re.compile(r"((?:[A-Z][\w.\-]*\s+){0,2}[A-Z][\w.\-]*)\s+(?:news\s+)?agency")


def usual_relay_name(name: str) -> str:
    """A relay link as the analyst knows it: "the Korean Central News Agency" -> "KCNA",
    "the public broadcaster Yle" -> "Yle", "the AP" -> "Associated Press"; any other name as
    written."""
    bare = _STATUS.sub("", re.sub(r"^(?:the|The)\s+", "", name.strip()))
    if bare.lower() in LONG_FORMS:
        return LONG_FORMS[bare.lower()]
    named = _NAME_THEN_AGENCY.fullmatch(bare)
    if named:
        return named.group(1)  # "RIA Novosti agency", "Interfax news agency"
    if bare.upper().replace(".", "") in _SPELLED_OUT:
        return AGENCIES[bare.upper().replace(".", "")]
    kind = _KIND_FIRST.match(name.strip()) or _NATIONAL_KIND.match(name.strip())
    if kind:
        return name.strip()[kind.end() :]
    if bare != re.sub(r"^(?:the|The)\s+", "", name.strip()) and bare[:1].isupper():
        name = bare  # "state-run Anadolu" -> "Anadolu"
    known = _KNOWN_AGENCY.fullmatch(name.strip())
    if known and (
        known.group("n").upper().replace(".", "") in AGENCIES
        or (known.group("n") != name.strip() and _SHORT_FORM.fullmatch(known.group("n")))
        # "the Interfax news agency", "the Belga news agency" -> "Interfax", "Belga"
        or name.strip().endswith(" news agency")
    ):
        # "the official VCNA news agency" -> "VCNA": a short form keeps its usual name
        # "Russia's TASS news agency", "the state news agency KCNA" -> "TASS", "KCNA"
        return known.group("n")
    return name


def same_source(a: str, b: str) -> bool:
    return agency_name(a).lower() == agency_name(b).lower()


def relay_path(chains: Iterable[Sequence[str]], origin: str | None = None) -> list[str]:
    """The article's relay path, outermost first, without the speakers: the most frequent
    relay prefix of its quotes' chains (two links or more), under the dateline's credit."""
    prefixes = Counter(
        tuple(agency_name(x) for x in chain[:-1]) for chain in chains if len(chain) >= 2
    )
    path = list(max(prefixes, key=lambda p: (prefixes[p], len(p)))) if prefixes else []
    if origin and not any(same_source(origin, x) for x in path):
        path.insert(0, agency_name(origin))
    return path


def describe(path: Sequence[str]) -> str:
    """ "relays KCNA via TASS" for ["TASS", "KCNA"]; "" for no relay."""
    if not path:
        return ""
    inner, *outer = reversed(path)
    return " via ".join([f"relays {inner}", *outer])
