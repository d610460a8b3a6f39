"""Group labels: noun phrases that name a group of people ("illegal aliens", "asylum seekers",
"border agents") and descriptions that name an organisation ("a medical charity").

A phrase is found by its head (one of a small lexicon of group nouns, multi-word heads first) and
extended to the left over at most two modifiers, stopping at determiners, numbers, quantifiers,
prepositions and other function words, so "thousands of illegal aliens" gives "illegal aliens"
and "about 2,400 asylum seekers" gives "asylum seekers". Each head belongs to a *family* — the
kind of group it names — and each family has a neutral reference term; heads whose group depends
on the story ("invaders", "mob", "families") are *floating* and carry only hints of the family
they usually name. Organisation descriptions ("an advocacy group", "a foreign-funded charity")
carry no family: they name whatever organisation they stand in apposition to.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .group_words import (
    _FORCE_HEADS,
    _FORCE_HINTS,
    _KEEP_MODIFIER,
    _MODIFIER_FAMILY,
    _NOT_MODIFIER,
    _NOT_PEOPLE,
    _OTHER_GROUP_MODIFIERS,
    _OTHER_PARTIES,
    _PEOPLE_FLEEING,
    _PEOPLE_HEADS,
    _PEOPLE_HINTS,
    _PERSON_PLURAL,
    _STOP,
    DESCRIPTORS,
    FAMILIES,
    FLOATING,
)
from .labels import TOKEN_RE


@dataclass(frozen=True, slots=True)
class GroupPhrase:
    """One group label in a sentence: offsets into it, the normalised wording and its kind."""

    start: int
    end: int
    wording: str
    family: str | None  # None for floating heads and organisation descriptions
    hints: tuple[str, ...] = ()
    descriptor: bool = False


def _heads() -> dict[tuple[str, ...], tuple[str | None, tuple[str, ...], bool]]:
    heads: dict[tuple[str, ...], tuple[str | None, tuple[str, ...], bool]] = {}
    for family, (_, words) in FAMILIES.items():
        for word in words:
            heads[tuple(word.split())] = (family, (), False)
    for word, hints in FLOATING.items():
        heads[tuple(word.split())] = (None, hints, False)
    for word in DESCRIPTORS:
        heads[(word,)] = (None, (), True)
    return heads


HEADS = _heads()
_FIRST_WORDS = frozenset(h[0] for h in HEADS)
_LONGEST = max(len(h) for h in HEADS)


# How a family without a neutral term is named as a referent.
FAMILY_NAMES = {"convoy": "the group on the move, as a whole", "alliance": "states acting together"}


def family_name(family: str) -> str:
    """The referent's name: its neutral term, or a description when it has none."""
    return neutral_term(family) or FAMILY_NAMES.get(family, family)


def neutral_term(family: str | None) -> str:
    """The reference term for a family ("" when the story's own word is the best one)."""
    return FAMILIES[family][0] if family in FAMILIES else ""


def group_phrases(sentence: str) -> list[GroupPhrase]:
    """Group labels in ``sentence``, left to right, non-overlapping."""
    return list(_group_phrases(sentence))


@lru_cache(maxsize=8192)  # pages re-read the same sentences on every request
def _group_phrases(sentence: str) -> tuple[GroupPhrase, ...]:
    tokens = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(sentence)]
    out: list[GroupPhrase] = []
    taken_until = 0
    for match in _PEOPLE_FLEEING.finditer(sentence):
        out.append(
            GroupPhrase(
                match.start(), match.end(), match.group().lower(), None, FLOATING["families"]
            )
        )
    k = 0
    while k < len(tokens):
        head = _head_at(tokens, k)
        if head is None or tokens[k][0] < taken_until:
            k += 1
            continue
        n, (family, hints, descriptor) = head
        last = k + n - 1
        if _continues(tokens, last, sentence):
            k += 1
            continue  # "caravan participants" is found at "caravan"; "march organisers" is not
        people = family is None and not descriptor and tokens[k][2].lower() not in FLOATING
        first = _extend_left(tokens, k, descriptor or people, sentence)
        start, end = tokens[first][0], tokens[last][1]
        if any(p.start < end and start < p.end for p in out):
            k = last + 1
            continue
        wording = " ".join(t[2].lower() for t in tokens[first : last + 1])
        out.append(GroupPhrase(start, end, wording, family, hints, descriptor))
        taken_until = end
        k = last + 1
    return tuple(sorted(out, key=lambda p: p.start))


def _head_at(tokens, k: int):
    if tokens[k][2].lower() not in _FIRST_WORDS:
        return _people_head(tokens, k)
    for n in range(min(_LONGEST, len(tokens) - k), 0, -1):
        words = tokens[k : k + n]
        # Case matters: "March" is a month, "Border Service" a name.
        if any(not w[2].islower() and not (i == 0 and k == 0) for i, w in enumerate(words)):
            continue
        key = tuple(w[2].lower() for w in words)
        if key in HEADS:
            return n, HEADS[key]
    return None


def _people_head(tokens, k: int):
    """A head the lexicon does not list but that names people (see ``_PERSON_PLURAL``), as a
    floating head whose hints its modifier or its kind decides."""
    word = tokens[k][2]
    if not (word.islower() or (k == 0 and word[1:].islower())):
        return None  # "Dockers and their families" opens a sentence; "Farmers Union" is a name
    word = word.lower()
    modifier = tokens[k - 1][2].lower() if k else ""
    if not _names_people(word) or modifier in _OTHER_GROUP_MODIFIERS:
        return None
    forces = word in _FORCE_HEADS
    if word in _OTHER_PARTIES and modifier not in _MODIFIER_FAMILY:
        return None  # "doctors", "hauliers": other parties to the story, not a group label
    if word == "staff" and (modifier in ("its", "their") or modifier.endswith(("'s", "’s"))):
        return None  # "its staff": an organisation's people, not a group of the story
    if forces and modifier == "armed":
        return 1, (None, ("military",), False)  # "armed forces": a state's
    if modifier in _MODIFIER_FAMILY:
        return 1, (None, (_MODIFIER_FAMILY[modifier],), False)
    return 1, (None, _FORCE_HINTS if forces else _PEOPLE_HINTS, False)


def _names_people(word: str) -> bool:
    """A lower-case plural that names people or forces ("youths", "looters", "squads")."""
    return (
        word in _FORCE_HEADS
        or word in _PEOPLE_HEADS
        or (_PERSON_PLURAL.match(word) is not None and word not in _NOT_PEOPLE)
    )


# Nouns a loaded wording may name an actor or group by, besides the heads above: "the puppet
# regime", "the clique", "the warmongers".
_REFERENT_NOUNS = frozenset(
    """regime regimes junta clique puppet puppets government administration authorities
    leadership establishment elite elites gang gangs cartel cartels state states country
    nation empire hegemon hawks lackeys stooges henchmen""".split()  # noqa: SIM905
)


_CLAUSE_PRONOUNS = frozenset("i we you he she they it us them me".split())  # noqa: SIM905


def names_a_referent(wording: str) -> bool:
    """Whether a loaded wording can stand for an actor or a group in another outlet's slot:
    it holds a noun that names people, a state or an organisation, or a name ("Asian-version
    NATO"); "insists", "hurling rocks" or "so-called “humanitarian”" name no one."""
    words = [w.group() for w in TOKEN_RE.finditer(wording)]
    if any(w.lower() in _CLAUSE_PRONOUNS for w in words):
        return False  # "we saw toddlers": a clause, not a name for anyone
    for i, w in enumerate(words):
        lower = w.lower()
        if (lower,) in HEADS or lower in _REFERENT_NOUNS or _names_people(lower):
            return True
        if i and w[:1].isupper():
            return True
    return any(tuple(words[i : i + 2]) in HEADS for i in range(len(words) - 1))


def _continues(tokens, last: int, sentence: str) -> bool:
    """True when the head is only a modifier of a following noun ("caravan participants")."""
    if last + 1 >= len(tokens):
        return False
    gap = sentence[tokens[last][1] : tokens[last + 1][0]]
    nxt = (tokens[last + 1][2].lower(),)
    if gap == " " and _people_head(tokens, last + 1) is not None:
        return True  # "agency staff", "union members": the noun before is a modifier
    return gap == " " and nxt[0] in _FIRST_WORDS and ((tokens[last][2].lower(), *nxt) not in HEADS)


def _extend_left(tokens, k: int, descriptor: bool, sentence: str) -> int:
    first = k
    while first > 0 and k - first < 2:
        if sentence[tokens[first - 1][1] : tokens[first][0]] != " ":
            break  # punctuation or a quotation mark ends the phrase
        word = tokens[first - 1][2]
        lower = word.lower()
        if lower in _STOP or any(c.isdigit() for c in word) or word.endswith(("'s", "’s")):
            break
        if not word.islower() and not (first - 1 == 0 and word[0].isupper() and word[1:].islower()):
            break
        if _NOT_MODIFIER.match(lower) and lower not in _KEEP_MODIFIER:
            break
        if lower in DESCRIPTORS and not descriptor:
            break
        first -= 1
    return first
