"""Outlet names that denote the same source: "VCNA" is "Velmar Central News Agency"."""

from __future__ import annotations

_MINOR = frozenset(("of", "the", "and", "for", "de", "du", "la", "le"))


def acronym(name: str) -> str:
    """Initials of a name's capitalised words ("Velmar Central News Agency" -> "VCNA")."""
    return "".join(w[0] for w in name.split() if w[:1].isupper() and w.lower() not in _MINOR)


def same_source_name(a: str, b: str) -> bool:
    """Case-insensitive equality, or one name the other's acronym ("VCNA" / "Velmar Central
    News Agency"); an acronym needs two letters or more."""
    a, b = " ".join(a.split()), " ".join(b.split())
    if not a or not b:
        return False
    if a.lower() == b.lower():
        return True
    for short, long in ((a, b), (b, a)):
        bare = short.replace(".", "")
        if len(bare) >= 2 and bare.isupper() and " " not in bare and acronym(long) == bare:
            return True
    return False
