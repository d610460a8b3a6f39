"""Rules that generalise beyond the lexicon: evaluative modifier + actor noun, "X-version Y"
analogies, intensifier + verb, threat metaphors.

All rules run on the normalised text (same length as the original), so offsets carry over.
Word lists are per language; a language without rules simply gets none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import ahocorasick


@dataclass(frozen=True, slots=True)
class PatternMatch:
    start: int
    end: int
    category: str
    weight: float
    rule: str
    explanation: str


@dataclass(frozen=True, slots=True)
class Rule:
    """A regex anchored at one of its trigger words (found for all rules at once by an
    Aho-Corasick pass, so a rule costs nothing where its triggers are absent)."""

    name: str
    triggers: tuple[str, ...]
    regex: re.Pattern[str]
    category: str
    weight: float
    describe: Callable[[str], str]
    back: bool = False  # extend the span back over the word before the trigger ("Asian-")


def _words(words: str) -> tuple[str, ...]:
    return tuple(words.split())


def _alt(words: str) -> str:
    """Regex alternation of space-separated words; a hyphen also matches a space or nothing."""
    # Longest first so the regex engine prefers "warmongering" over "warmonger".
    items = sorted(set(words.split()), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\-", "[- ]?") for w in items) + ")"


NEG_MODIFIERS = (
    "aggressive hostile belligerent bellicose warmongering war-mongering rogue puppet reactionary "
    "imperialist hegemonic hegemonist expansionist revanchist militaristic criminal terrorist "
    "fascist murderous barbaric bloodthirsty rapacious predatory treacherous traitorous lawless "
    "despotic tyrannical totalitarian extremist fanatical marauding renegade sinister evil vicious "
    "brutal ruthless genocidal thuggish gangster racist neo-nazi nazi corrupt illegitimate "
    "cowardly "
    "arrogant warlike rabid colonialist neo-colonialist satanic diabolical vassal servile "
    "scheming hawkish jingoistic chauvinistic"
)
GROUP_NOUNS = (
    "bloc blocs forces regime regimes clique cliques gang gangs junta juntas elements "
    "authorities government governments leadership leaders leader rulers administration "
    "alliance alliances military army armies troops state states nation nations powers power "
    "camp circles faction factions hordes horde mercenaries puppets lackeys thugs dictatorship "
    "dictatorships imperialists hawks warmongers occupiers invaders aggressors militants "
    "separatists politicians officials masters overlords henchmen minions cronies stooges "
    "provocateurs groups group crew band bandits"
)
POS_MODIFIERS = (
    "freedom-loving peace-loving liberty-loving justice-loving heroic valiant glorious gallant "
    "brave courageous selfless noble fearless invincible indomitable righteous "
    "law-abiding civilised civilized"
)
POS_NOUNS = (
    "nations nation partners partner allies ally people peoples countries country democracies "
    "democracy soldiers army troops defenders forces leader leadership friends world "
    "servicemen servicewomen fighters guardians heroes navy sailors pilots men women sons "
    "daughters compatriots community"
)
_TARGETS = _alt(
    "nato cold-war marshall-plan warsaw-pact iron-curtain monroe-doctrine berlin-wall "
    "versailles yalta munich"
)
_TARGET_WORDS = "nato cold-war marshall-plan warsaw-pact iron-curtain monroe-doctrine berlin-wall"
_HISTORY = _alt(
    "cold-war vietnam iraq afghanistan munich pearl-harbor pearl-harbour iron-curtain crusade "
    "berlin-wall opium-war yalta versailles holocaust hitler chamberlain cuban-missile-crisis "
    "korean-war world-war gulf-of-tonkin bay-of-pigs colonial-era"
)
_NEW = "new second another next modern-day latter-day 21st-century present-day"
REGIONS = (
    "asian asia-pacific pacific arab middle-eastern middle-east east-asian indo-pacific "
    "eastern global economic mini tech technological digital african latin-american "
    "northeast-asian south-asian"
)
STRONG_INTENSIFIERS = (
    "grossly brazenly flagrantly blatantly wantonly shamelessly egregiously outrageously "
    "unscrupulously arrogantly viciously ruthlessly recklessly wilfully willfully savagely "
    "hysterically frenziedly unabashedly insidiously cynically rabidly maliciously "
    "treacherously"
)
WEAK_INTENSIFIERS = (
    "openly deliberately seriously severely wildly desperately brutally gravely totally "
    "completely utterly repeatedly persistently stubbornly"
)
_HOSTILE_VERBS = (
    r"(?:violat|undermin|provok|interfer|trampl|infring|destabili[sz]|escalat|distort|smear|"
    r"slander|meddl|breach|flout|defi|defy|disregard|sabotag|attack|insult|betray|jeopardi[sz]|"
    r"threaten|obstruct|encroach|hype|fabricat|vilif|demoni[sz]|provoc|challeng|exaggerat|"
    r"stok|inflam|incit)\w*"
)
_PLUNGE = "plung drag push engulf hurl throw tip draw"
_SOFTENERS = "surgical clinical limited measured proportionate"
_VERSION = "version style type model"
_COPY = "version copy replica edition"

_RULES_EN: tuple[Rule, ...] = (
    Rule(
        "modifier+actor",
        _words(NEG_MODIFIERS),
        re.compile(
            rf"{_alt(NEG_MODIFIERS)}(?:\s+(?:us|u\.s\.|western|american|[a-z]+-led))?\s+"
            rf"{_alt(GROUP_NOUNS)}\b"
        ),
        "pejorative_label",
        0.85,
        lambda t: f"rule modifier+actor: evaluative modifier on a group noun '{t}'",
    ),
    Rule(
        "so-called+term",
        ("so-called", "so called", "self-styled", "self-proclaimed"),
        re.compile(
            r"(?:so[- ]called|self[- ]styled|self[- ]proclaimed)\s+"
            r"(?:\"[^\"\n]{1,40}\"|'[^'\n]{1,40}'|"
            r"(?:(?!(?:of|by|in|on|at|is|are|was|were|be|and|or|but|that|which|who|to|for|from|"
            r"with|has|have|had|will|would|can|could|as|than|its|their|his|her)\b)[a-z][\w'-]*"
            r"(?:\s+|(?=[^\w])))){1,3}"
        ),
        "scare_quotes",
        0.9,
        lambda t: f"rule distancing prefix on a term '{t.strip()}'",
    ),
    Rule(
        "anti-x-forces",
        ("anti",),
        re.compile(
            r"anti-?[a-z]+(?:[- ][a-z]+)?\s+(?:forces|elements|groups|cliques|circles|"
            r"politicians|forces')\b"
        ),
        "pejorative_label",
        0.85,
        lambda t: f"rule anti-X forces label '{t}'",
    ),
    Rule(
        "praise+group",
        _words(POS_MODIFIERS),
        re.compile(rf"{_alt(POS_MODIFIERS)}\s+{_alt(POS_NOUNS)}\b"),
        "glorification",
        0.8,
        lambda t: f"rule praise+group: praising modifier on an own/allied group '{t}'",
    ),
    Rule(
        "x-version-y",
        _words(_VERSION),
        re.compile(rf"(?:version|style|type|model)[- ]{_TARGETS}\b"),
        "analogy_label",
        0.95,
        lambda t: f"rule X-version-Y analogy '{t}'",
        back=True,
    ),
    Rule(
        "x-version-of-y",
        _words(_COPY),
        re.compile(rf"(?:version|copy|replica|edition)\s+of\s+(?:the\s+)?{_TARGETS}\b"),
        "analogy_label",
        0.95,
        lambda t: f"rule X-version-of-Y analogy '{t}'",
        back=True,
    ),
    Rule(
        "y-of-x-version",
        _words(_TARGET_WORDS),
        re.compile(rf"{_TARGETS}\s+of\s+(?:the\s+)?[a-z]+(?:-[a-z]+)?\s+(?:version|style)\b"),
        "analogy_label",
        0.95,
        lambda t: f"rule Y-of-X-version analogy '{t}'",
    ),
    Rule(
        "regional-nato",
        _words(REGIONS),
        re.compile(rf"{_alt(REGIONS)}[- ]nato\b"),
        "analogy_label",
        0.9,
        lambda t: f"rule regional-NATO analogy '{t}'",
    ),
    Rule(
        "new-historical",
        _words(_NEW),
        re.compile(rf"{_alt(_NEW)}\s+{_HISTORY}\b"),
        "analogy_label",
        0.9,
        lambda t: f"rule new+historical-episode analogy '{t}'",
    ),
    Rule(
        "strong-intensifier+verb",
        _words(STRONG_INTENSIFIERS),
        re.compile(rf"{_alt(STRONG_INTENSIFIERS)}\s+[a-z]+\b"),
        "hyperbole",
        0.85,
        lambda t: f"rule intensifier+verb '{t}'",
    ),
    Rule(
        "weak-intensifier+hostile-verb",
        _words(WEAK_INTENSIFIERS),
        re.compile(rf"{_alt(WEAK_INTENSIFIERS)}\s+{_HOSTILE_VERBS}\b"),
        "hyperbole",
        0.7,
        lambda t: f"rule intensifier+hostile verb '{t}'",
    ),
    Rule(
        "plunge-into-catastrophe",
        _words(_PLUNGE),
        re.compile(
            r"(?:plung|drag|push|engulf|hurl|throw|tip|draw)\w*\s+(?:[\w'-]+\s+){0,4}?into\s+"
            r"(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:war|chaos|abyss|catastrophe|disaster|turmoil|"
            r"bloodshed|inferno|conflagration|quagmire|apocalypse|holocaust)\b"
        ),
        "fear_appeal",
        0.8,
        lambda t: f"rule plunge-into-catastrophe threat appeal '{t}'",
    ),
    Rule(
        "euphemistic-strike",
        _words(_SOFTENERS),
        re.compile(
            r"(?:surgical|clinical|limited|measured|proportionate)\s+(?:military\s+)?"
            r"(?:strike|strikes|operation|operations|action|response)\b"
        ),
        "euphemism",
        0.6,
        lambda t: f"rule softening modifier on use of force '{t}'",
    ),
)

RULES: dict[str, tuple[Rule, ...]] = {"en": _RULES_EN}
_BACK_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*[- ]\Z")


def _trigger_forms(word: str) -> set[str]:
    return {word, word.replace("-", " "), word.replace("-", "")}


@cache
def _automaton(language: str) -> ahocorasick.Automaton | None:
    rules = RULES.get(language, ())
    if not rules:
        return None
    index: dict[str, list[int]] = {}
    for i, rule in enumerate(rules):
        for trigger in rule.triggers:
            for form in _trigger_forms(trigger):
                index.setdefault(form, []).append(i)
    auto = ahocorasick.Automaton()
    for form, idx in index.items():
        auto.add_word(form, (len(form), tuple(sorted(set(idx)))))
    auto.make_automaton()
    return auto


def find_patterns(norm: str, language: str = "en") -> list[PatternMatch]:
    """All rule matches in normalised text for the language (none for unknown languages)."""
    auto = _automaton(language)
    if auto is None or not norm:
        return []
    rules = RULES[language]
    out = []
    seen: set[tuple[int, str]] = set()
    for last, (length, idx) in auto.iter(norm):
        start = last - length + 1
        if start > 0 and (norm[start - 1].isalnum() or norm[start - 1] == "_"):
            continue
        for i in idx:
            rule = rules[i]
            m = rule.regex.match(norm, start)
            if m is None or (start, rule.name) in seen:
                continue
            seen.add((start, rule.name))
            begin = start
            if rule.back:
                b = _BACK_WORD.search(norm, max(0, start - 40), start)
                if b is None:
                    continue
                begin = b.start()
            end = m.end()
            while end > begin and norm[end - 1] == " ":
                end -= 1
            out.append(
                PatternMatch(
                    begin,
                    end,
                    rule.category,
                    rule.weight,
                    rule.name,
                    rule.describe(norm[begin:end]),
                )
            )
    return out
