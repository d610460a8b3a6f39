"""The words group labels are found by (see ``groups``): families of group nouns with their
neutral terms, floating heads, heads no family lists, organisation descriptors, and the words
that end or may stay in a group phrase's modifiers."""

from __future__ import annotations

import re

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
        ("protesters", "protestors", "demonstrators", "rioters", "agitators"),
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
    "strikers": ("workers", "protesters"),
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
# Heads no family lists: plural nouns that name people by their ending (agent and membership
# nouns: "looters", "attackers", "survivors", "civilians", "combatants", "evacuees") or that
# always name people ("youths", "staff", "forces"). The lexicon cannot list every word outlets
# use for a group; these join the family their modifier names or, like floating heads, the
# family of people their article mentions most (authorities last: an unknown word for people
# in a story about police and protesters is far more often a word for the protesters).
_PERSON_PLURAL = re.compile(r"[a-z][a-z-]{2,}(?:ers|ors|ists|ians|ees|ants|ents|ites)\Z")
_NOT_PEOPLE = frozenset(
    """others numbers orders borders papers letters matters waters powers layers towers quarters
    headquarters centers centres filters barriers chambers containers computers corners prayers
    rivers waivers answers covers offers members' hours flowers fibers fibres meters metres
    liters litres shelters trailers monsters lasers markers banners posters stickers cylinders
    materials tutorials factors sectors doors floors colors colours errors mirrors motors
    sensors vectors corridors tractors reactors monitors indicators elevators generators
    terrors horrors favors favours rumors rumours honors honours tumors interiors exteriors
    districts artists' lists twists fists mists wrists tourists' plants grants restaurants
    elephants pants variants implants merchants' servants' assistants' giants chants
    rants tents events documents comments elements governments statements payments
    instruments arguments parliaments departments settlements agreements developments
    investments movements treatments requirements apartments moments segments accidents
    incidents percents contents talents presidents' continents fragments monuments sediments
    ornaments supplements shipments shipments parents' fees degrees trees decrees knees
    guarantees committees bees jamboree jamborees sites websites satellites appetites
    termites rites suites whites ites chapters kilometres kilometers millimetres lorries
    waters numbers matters quarters letters weathers leathers feathers feathers anchors
    insists persists resists exists assists consists
    """.split()  # noqa: SIM905
)
_PEOPLE_HEADS = frozenset(
    [
        "youths",
        "men",
        "women",
        "staff",
        "members",
        "pickets",
        "bandits",
        "criminals",
        "hooligans",
        "scabs",
        "pioneers",
        "crews",
    ]
)
# Plural nouns for people who are other parties to a story — professions, sources, people
# around the group — never an outlet's word for the group itself ("doctors treated 14 people",
# "hauliers said", "reporters saw"): without a modifier that names a family they are no label.
_OTHER_PARTIES = frozenset(
    """doctors nurses medics paramedics surgeons physicians lawyers attorneys reporters
    journalists correspondents editors photographers economists analysts experts exporters
    importers hauliers truckers taxpayers voters consumers investors shareholders officials
    diplomats researchers scientists teachers smugglers traffickers daughters sons mothers
    fathers husbands wives grandparents employers retailers landlords bankers insurers lenders
    manufacturers carmakers commentators critics observers lawmakers legislators senators
    ministers leaders rescuers negotiators mediators donors sponsors handlers spokespeople
    prosecutors judges jurors investigators inspectors auditors regulators pollsters
    shopkeepers traders bystanders onlookers viewers readers listeners""".split()  # noqa: SIM905
)
# Modifiers that make a people noun another group's ("gang members", "cartel members").
_OTHER_GROUP_MODIFIERS = frozenset(["gang", "cartel", "crime", "mafia"])
_FORCE_HEADS = frozenset(["forces", "squads", "units", "battalions", "brigades", "patrols"])
# Modifiers that say which group a head with no family of its own names.
_MODIFIER_FAMILY = {
    "armed": "armed",
    "riot": "police",
    "security": "police",
    "police": "police",
    "border": "police",
    "army": "military",
    "government": "military",
    "occupation": "military",
    "occupying": "military",
    "union": "workers",
    "village": "residents",
}
_PEOPLE_HINTS = ("protesters", "migrants", "armed", "settlers", "workers", "farmers", "residents")
_FORCE_HINTS = ("military", "police")

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
        # a subject and its verb end a group phrase: "We saw toddlers vomiting"
        "i",
        "we",
        "you",
        "he",
        "she",
        "they",
        "it",
        "us",
        "them",
        "saw",
        "see",
        "seen",
        "met",
        "found",
        "heard",
        "told",
        "said",
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
