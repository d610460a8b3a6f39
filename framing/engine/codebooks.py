"""The default codebooks as plain data: loaded-term categories, policy and generic frames.

Keys are stable: the Django side stores them. Colours come from the Okabe-Ito and Paul Tol
colour-blind-safe palettes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LabelDef:
    """One label of a codebook."""

    key: str
    name: str
    description: str
    colour: str


LOADED_TERM_CATEGORIES: tuple[LabelDef, ...] = (
    LabelDef(
        "pejorative_label",
        "Pejorative label / name-calling",
        "A disparaging name for an actor or group: 'puppet regime', 'aggressive bloc'.",
        "#D55E00",
    ),
    LabelDef(
        "hostile_intent",
        "Hostile intent attribution",
        "Ascribes hidden or malign purposes: 'scheming to encircle', 'plot', 'sinister design'.",
        "#CC79A7",
    ),
    LabelDef(
        "analogy_label",
        "Analogy and historical label",
        "Casts the present in a loaded historical mould: 'Asian-version NATO', 'new Cold War'.",
        "#0072B2",
    ),
    LabelDef(
        "hyperbole",
        "Hyperbole and intensifiers",
        "Exaggeration beyond the facts: 'grossly violates', 'brazenly provokes'.",
        "#E69F00",
    ),
    LabelDef(
        "fear_appeal",
        "Fear and threat appeal",
        "Invokes catastrophe or looming danger: 'on the brink of nuclear war', "
        "'existential threat'.",
        "#882255",
    ),
    LabelDef(
        "scare_quotes",
        "Delegitimising / scare quotes",
        "Distances the writer from a term: 'so-called \"defensive\" drills'.",
        "#56B4E9",
    ),
    LabelDef(
        "euphemism",
        "Euphemism and minimisation",
        "Softens or hides what happened: 'collateral damage', 'surgical strike'.",
        "#009E73",
    ),
    LabelDef(
        "moral_condemnation",
        "Moral condemnation",
        "Judges an actor morally: 'shameless', 'despicable', 'crimes against humanity'.",
        "#AA4499",
    ),
    LabelDef(
        "glorification",
        "Glorification / flag-waving",
        "Praise of one's own side or allies: 'ironclad commitment', 'freedom-loving nations'.",
        "#117733",
    ),
    LabelDef(
        "loaded_attribution",
        "Loaded attribution verb",
        "A speech verb that judges the speaker: 'claimed', 'admitted', 'boasted' vs 'said'.",
        "#999933",
    ),
)

POLICY_FRAMES: tuple[LabelDef, ...] = (
    LabelDef("economic", "Economic", "Costs, benefits, money, trade, markets.", "#E69F00"),
    LabelDef(
        "capacity_resources",
        "Capacity and resources",
        "Availability of physical, human or financial resources.",
        "#56B4E9",
    ),
    LabelDef("morality", "Morality", "Religious or ethical implications.", "#AA4499"),
    LabelDef(
        "fairness_equality",
        "Fairness and equality",
        "Distribution of rights, burdens and treatment among groups.",
        "#44AA99",
    ),
    LabelDef(
        "legality",
        "Legality, constitutionality, jurisprudence",
        "Law, rights, courts, treaties, authority.",
        "#332288",
    ),
    LabelDef(
        "policy_prescription",
        "Policy prescription and evaluation",
        "Specific policies and whether they work.",
        "#0072B2",
    ),
    LabelDef(
        "crime_punishment",
        "Crime and punishment",
        "Violations, enforcement, penalties, sanctions as punishment.",
        "#882255",
    ),
    LabelDef(
        "security_defense",
        "Security and defence",
        "Threats to a person, community or nation, and defence against them.",
        "#D55E00",
    ),
    LabelDef(
        "health_safety", "Health and safety", "Health care, injury, disease, safety.", "#009E73"
    ),
    LabelDef(
        "quality_of_life",
        "Quality of life",
        "Effects on people's well-being, daily life, livelihoods.",
        "#CC6677",
    ),
    LabelDef(
        "cultural_identity",
        "Cultural identity",
        "Traditions, values, history and identity of a group.",
        "#DDCC77",
    ),
    LabelDef(
        "public_opinion", "Public opinion", "Attitudes, polls, protests, public mood.", "#88CCEE"
    ),
    LabelDef(
        "political",
        "Political",
        "Politicians, parties, elections, partisan manoeuvring.",
        "#117733",
    ),
    LabelDef(
        "external_reputation",
        "External regulation and reputation",
        "Foreign policy, international standing, relations between states.",
        "#999933",
    ),
    LabelDef("other", "Other", "None of the above.", "#BBBBBB"),
)

GENERIC_FRAMES: tuple[LabelDef, ...] = (
    LabelDef("conflict", "Conflict", "Disagreement between actors, winners and losers.", "#D55E00"),
    LabelDef(
        "human_interest",
        "Human interest",
        "A human face or emotional angle on the story.",
        "#CC79A7",
    ),
    LabelDef(
        "responsibility",
        "Attribution of responsibility",
        "Who caused the problem or should solve it.",
        "#0072B2",
    ),
    LabelDef("morality", "Morality", "Moral messages, prescriptions of how to behave.", "#AA4499"),
    LabelDef(
        "economic_consequences",
        "Economic consequences",
        "Financial gains or losses for people, groups or countries.",
        "#E69F00",
    ),
)

CODEBOOKS: dict[str, tuple[LabelDef, ...]] = {"policy": POLICY_FRAMES, "generic": GENERIC_FRAMES}
CATEGORY_KEYS: tuple[str, ...] = tuple(d.key for d in LOADED_TERM_CATEGORIES)
