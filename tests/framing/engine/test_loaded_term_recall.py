"""Recall of the loaded-term tagger on our own loaded sentences, and its precision on our own
neutral wire-style sentences (all written by the Parallax team; fictional events)."""

import pytest

from framing.engine import analyze
from framing.engine.artifacts import default_model

NEUTRAL_SENTENCES = (
    "The finance ministry said on Tuesday that inflation eased to 3.1 percent in October.",
    "Firefighters worked through the night to contain the blaze near the northern highway.",
    "The court adjourned the hearing until March after the defence requested more time.",
    "The agency said the earthquake, measuring 5.2, caused no reported injuries.",
    "Shares in the shipping group rose 4 percent after it reported higher quarterly profits.",
    "The foreign minister will visit three countries in the region next week, officials said.",
    "Voters in the coastal province will elect a new regional assembly on Sunday.",
    "The central bank kept its benchmark interest rate unchanged at 5.25 percent.",
    "The two delegations met for four hours and agreed to hold another round of talks.",
    "Police said a man had been arrested in connection with the robbery of a jewellery shop.",
    "The airline said it would resume flights to the island from the first of the month.",
    "Heavy rain is expected across the south on Thursday, the weather service said.",
    "Officials counted an unprecedented number of visitors at the museum this summer.",
    "The company claimed a tax credit for research spending, according to its annual report.",
    "The ruling party conceded defeat in the capital after all votes were counted.",
    "The coach insisted on an early start to training before the final.",
    "The patient was admitted to the regional hospital on Monday evening.",
    "The navy said two of its ships would take part in a search and rescue exercise.",
    "The prime minister is expected to announce the budget in parliament on Wednesday.",
    "Engineers plotted the route of the new pipeline across the valley.",
    "The ministry said the new rules would take effect in January and apply to all importers.",
    "Authorities reopened the border crossing after a two-day closure for repairs.",
    "The alliance holds its annual summit in June, a spokesperson said.",
    "The drought has reduced the wheat harvest by about a fifth, farmers' groups said.",
    "The opposition leader met union representatives to discuss the pension reform.",
    "The report said exports of electronics grew for the third consecutive month.",
    "Health officials said the outbreak had been brought under control within a week.",
    "The minister told reporters that negotiations on the trade agreement would resume soon.",
    "Rescue teams reached the village after the landslide cut the only road.",
    "The ceasefire monitors said they had recorded no violations overnight.",
)

LOADED_SENTENCES = (
    (
        "Officials described the civilian deaths as collateral casualties.",
        "collateral casualties",
        "euphemism",
    ),
    (
        "The army said it had carried out a kinetic operation near the border.",
        "kinetic operation",
        "euphemism",
    ),
    (
        "The statement called the shelling of the market an isolated incident.",
        "isolated incident",
        "euphemism",
    ),
    (
        "The ministry reported negative growth in the second quarter.",
        "negative growth",
        "euphemism",
    ),
    (
        "The commander spoke of a strategic withdrawal from the river town.",
        "strategic withdrawal",
        "euphemism",
    ),
    (
        "The editorial said the nation faced grave danger from its neighbours.",
        "grave danger",
        "fear_appeal",
    ),
    (
        "The commentary warned that the continent was teetering on the brink.",
        "teetering on the brink",
        "fear_appeal",
    ),
    (
        "The minister said the country stood on the brink of disaster.",
        "brink of disaster",
        "fear_appeal",
    ),
    (
        "The state daily said the neighbouring government was bent on war.",
        "bent on",
        "hostile_intent",
    ),
    (
        "The newspaper accused the rival bloc of plotting against the republic.",
        "plotting against",
        "hostile_intent",
    ),
    (
        "The agency said Washington seeks to contain the rising power.",
        "seeks to contain",
        "hostile_intent",
    ),
    (
        "The broadcast warned of the neighbour's territorial designs on the islands.",
        "territorial designs",
        "hostile_intent",
    ),
    (
        "The spokesperson called the sanctions a gross violation of international law.",
        "gross violation",
        "hyperbole",
    ),
    (
        "The minister said the remarks were utterly unacceptable.",
        "utterly unacceptable",
        "hyperbole",
    ),
    ("The columnist called the attack on the convoy depraved.", "depraved", "moral_condemnation"),
    ("The statement described the shelling as a callous act.", "callous", "moral_condemnation"),
    (
        "The president thanked the stalwart allies who had stood by the country.",
        "stalwart allies",
        "glorification",
    ),
    ("The parade celebrated the heroism of the border guards.", "heroism", "glorification"),
    (
        "The ministry insisted the vessel had never left international waters.",
        "insisted",
        "loaded_attribution",
    ),
    ("The official conceded that the figures had been revised.", "conceded", "loaded_attribution"),
    (
        "The embassy alleged that the journalist had entered the zone illegally.",
        "alleged",
        "loaded_attribution",
    ),
    (
        "The state channel said the opposition leader gloated over the result.",
        "gloated",
        "loaded_attribution",
    ),
)


def _balanced() -> float:
    return default_model().operating_points()["balanced"]["threshold"]


def test_neutral_wire_sentences_are_almost_never_tagged():
    # analyze() keeps every span down to the recall point; pages show the balanced point
    # by default, which is where precision on neutral copy matters.
    tagged = [
        (s, t.text)
        for s in NEUTRAL_SENTENCES
        for t in analyze(s).loaded_terms
        if t.score >= _balanced()
    ]
    assert len(tagged) <= 2, tagged


@pytest.mark.parametrize(("sentence", "term", "category"), LOADED_SENTENCES)
def test_loaded_term_is_found_with_its_category(sentence: str, term: str, category: str):
    # The learned phrase may be longer than the curated one ("bent on war" for "bent on").
    found = {(t.text, t.category) for t in analyze(sentence).loaded_terms}
    assert any(term in text and cat == category for text, cat in found), found


def test_alleged_as_an_adjective_is_not_tagged():
    terms = analyze("The alleged attacker appeared in court on Friday.").loaded_terms
    assert [t.text for t in terms] == []


def test_contain_a_fire_is_not_hostile_intent():
    terms = analyze("Crews sought to contain the fire before it reached the town.").loaded_terms
    assert [t.text for t in terms] == []
