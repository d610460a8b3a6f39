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

import re
from dataclasses import dataclass
from functools import lru_cache

from .labels import TOKEN_RE

# family -> (neutral reference term, heads). Heads are plural: a singular is usually a modifier
# ("migrant caravan") or one person, not the group.
FAMILIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "migrants": (
        "migrants",
        (
            "migrants",
            "asylum seekers",
            "asylum-seekers",
            "refugees",
            "immigrants",
            "emigrants",
            "aliens",
            "illegals",
            "caravan participants",
            "caravan members",
            "border crashers",
            "border-crashers",
            "border jumpers",
            "border-jumpers",
            "newcomers",
            "undocumented",
            "evacuees",
            "deportees",
            "displaced people",
            "displaced persons",
        ),
    ),
    "protesters": (
        "protesters",
        ("protesters", "protestors", "demonstrators", "rioters", "agitators", "strikers"),
    ),
    "police": (
        "police officers",
        (
            "officers",
            "agents",
            "guards",
            "police",
            "policemen",
            "police officers",
            "riot police",
            "gendarmes",
            "border guards",
        ),
    ),
    "military": (
        "troops",
        ("troops", "soldiers", "servicemen", "marines", "sailors", "paratroopers", "reservists"),
    ),
    "armed": (
        "fighters",
        (
            "militants",
            "fighters",
            "insurgents",
            "rebels",
            "guerrillas",
            "terrorists",
            "jihadists",
            "gunmen",
            "extremists",
            "separatists",
            "paramilitaries",
            "freedom fighters",
            "militiamen",
        ),
    ),
    "settlers": ("settlers", ("settlers", "colonists", "colonizers", "colonisers")),
    "workers": ("workers", ("workers", "employees", "labourers", "laborers", "unionists")),
    "farmers": ("farmers", ("farmers", "growers", "ranchers", "smallholders", "peasants")),
    "activists": (
        "activists",
        (
            "activists",
            "campaigners",
            "advocates",
            "organisers",
            "organizers",
            "volunteers",
            "aid workers",
        ),
    ),
    "residents": ("residents", ("residents", "locals", "villagers", "inhabitants")),
    "convoy": ("", ("caravan", "convoy", "column", "march", "procession", "exodus")),
    # States acting together: "an aggressive bloc", "three democracies", "the allies"
    "alliance": ("", ("bloc", "allies", "partners", "democracies", "axis", "alliance")),
}

# Floating heads: the group they name depends on the story; hints in order of preference.
FLOATING: dict[str, tuple[str, ...]] = {
    "invaders": ("migrants", "military", "armed"),
    "hordes": ("migrants", "protesters"),
    "horde": ("migrants", "protesters"),
    "mob": ("protesters", "migrants"),
    "crowd": ("protesters", "migrants"),
    "marchers": ("protesters", "migrants"),
    "families": ("migrants", "residents"),
    "thugs": ("protesters", "armed"),
    "young men": ("migrants", "protesters", "armed"),
    "military-age men": ("migrants", "protesters", "armed"),
}
# Nouns that describe an organisation; they name the one they stand in apposition to.
DESCRIPTORS = frozenset(
    [
        "group",
        "organisation",
        "organization",
        "charity",
        "outfit",
        "lobby",
        "network",
        "ngo",
        "agency",
        "body",
        "movement",
        "coalition",
        "party",
        "faction",
        "foundation",
        "campaign",
        "association",
    ]
)
_PEOPLE_FLEEING = re.compile(r"\bpeople (?:fleeing|seeking|escaping) [a-z]+", re.IGNORECASE)

_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "some",
        "many",
        "most",
        "several",
        "few",
        "all",
        "any",
        "each",
        "every",
        "both",
        "other",
        "others",
        "another",
        "such",
        "no",
        "not",
        "our",
        "their",
        "his",
        "her",
        "its",
        "my",
        "your",
        "whose",
        "which",
        "who",
        "what",
        "thousands",
        "hundreds",
        "dozens",
        "scores",
        "millions",
        "tens",
        "about",
        "around",
        "nearly",
        "almost",
        "roughly",
        "some",
        "more",
        "less",
        "fewer",
        "than",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "without",
        "into",
        "onto",
        "over",
        "under",
        "as",
        "and",
        "or",
        "but",
        "nor",
        "than",
        "then",
        "so",
        "very",
        "also",
        "only",
        "just",
        "even",
        "still",
        "first",
        "last",
        "next",
        "whole",
        "entire",
        "same",
        "own",
        "new",
        "said",
        "says",
        "say",
        "were",
        "was",
        "are",
        "is",
        "be",
        "been",
        "being",
        "had",
        "has",
        "have",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "must",
        "can",
        "did",
        "do",
        "does",
        "told",
        "tell",
        "according",
        "among",
        "between",
        "after",
        "before",
        "during",
        "against",
        "up",
        "down",
        "out",
        "off",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "including",
        "where",
        "when",
        "while",
        "dozen",
        "already",
        "whom",
        "like",
        "near",
    ]
)
# A modifier ending like this is an adverb or a verb form, not part of the name of a group.
_NOT_MODIFIER = re.compile(r".*(?:ly|ing|ed)$")
# Participles that are adjectives before a group noun ("armed settlers"), unlike "deployed".
_KEEP_MODIFIER = frozenset(
    [
        "military-age",
        "foreign-funded",
        "open-borders",
        "undocumented",
        "armed",
        "unarmed",
        "displaced",
        "masked",
        "alleged",
        "suspected",
        "detained",
        "injured",
        "wounded",
        "stranded",
        "exhausted",
        "organised",
        "organized",
        "unaccompanied",
    ]
)


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
        first = _extend_left(tokens, k, descriptor, sentence)
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
        return None
    for n in range(min(_LONGEST, len(tokens) - k), 0, -1):
        words = tokens[k : k + n]
        # Case matters: "March" is a month, "Border Service" a name.
        if any(not w[2].islower() and not (i == 0 and k == 0) for i, w in enumerate(words)):
            continue
        key = tuple(w[2].lower() for w in words)
        if key in HEADS:
            return n, HEADS[key]
    return None


def _continues(tokens, last: int, sentence: str) -> bool:
    """True when the head is only a modifier of a following noun ("caravan participants")."""
    if last + 1 >= len(tokens):
        return False
    gap = sentence[tokens[last][1] : tokens[last + 1][0]]
    nxt = (tokens[last + 1][2].lower(),)
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
