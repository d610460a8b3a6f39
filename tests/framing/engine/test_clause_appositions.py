"""Reported clauses still missed after h-spans (issue 10, h-clauses2): a long title in
apposition before the speaker's name, in a closing tag or opening the sentence; media and
documents as subjects ("The X business daily said", "court papers show", "a copy of the
contract seen by X shows"); a court's ruling; "told" with an audience, a place and a day
before "that"; a source cited between the verb and "that" whoever it is. Each form with
negatives."""

import pytest

from .voice_helpers import chain_of, quotes_of


def _clause(text: str, words: str):
    """The reported clause holding ``words`` (None when no quote or clause holds them)."""
    at = text.index(words)
    return next((q for q in quotes_of(text) if q.start <= at < q.end), None)


@pytest.mark.parametrize(
    ("text", "clause", "speaker", "chain"),
    [
        # a title in apposition before the name: the title is part of the tag
        (
            "Fuel prices will not be capped this winter, the Minister of State for Energy "
            "Affairs, Jonas Okoro, said on Tuesday.",
            "Fuel prices will not be capped this winter",
            "Jonas Okoro",
            ["Jonas Okoro"],
        ),
        # "told the newspaper X": whom the speaker told, after the name's own comma
        (
            "Rates will stay on hold next month, Chile's central bank governor, Marta Ruiz, "
            "told the newspaper El Sur in an interview published on Friday.",
            "Rates will stay on hold next month",
            "Marta Ruiz",
            ["El Sur", "Marta Ruiz"],
        ),
        # a short name between the title and the speaker's name
        (
            "The state will take over failing dams, the head of the national irrigation "
            "agency, Aguadur, Pedro Salas, told the newspaper La Voz on Monday.",
            "The state will take over failing dams",
            "Pedro Salas",
            ["La Voz", "Pedro Salas"],
        ),
        (
            "Growers will boycott the auction from March, the chairman of the Coffee Growers' "
            "Union, Anna Mbeki, told Radio Uhuru on Tuesday.",
            "Growers will boycott the auction from March",
            "Anna Mbeki",
            ["Radio Uhuru", "Anna Mbeki"],
        ),
        # "has announced" closes the sentence like "announced"
        (
            "Rail fares will rise by five per cent in March, Transport Minister Ines Vidal has "
            "announced.",
            "Rail fares will rise by five per cent in March",
            "Transport Minister Ines Vidal",
            ["Transport Minister Ines Vidal"],
        ),
        # "was quoted by X as saying" and only a day after it: the tag closes the sentence
        (
            "The port will close for a week, Harbour Master Ole Dahl was quoted by the local "
            "paper Kystposten as saying on Monday.",
            "The port will close for a week",
            "Harbour Master Ole Dahl",
            ["the local paper Kystposten", "Harbour Master Ole Dahl"],
        ),
        # "the <kind> <Name> reported, citing <anyone>": the medium relays whom it cites
        (
            "The city will sell its stake in the airport, the financial weekly Kapital "
            "reported, citing people close to the matter.",
            "The city will sell its stake in the airport",
            "people close to the matter",
            ["Kapital", "people close to the matter"],
        ),
        # a ruling closing the sentence
        (
            "A new hearing must be held for the accused, a Utah judge ruled Tuesday.",
            "A new hearing must be held for the accused",
            "a Utah judge",
            ["a Utah judge"],
        ),
        # a poll's tag with an afterthought holding another verb of saying
        (
            "Most voters backed the tram line, a poll by Ipsos P&Q for broadcaster TV Nord "
            "found, though many also said fares were too high.",
            "Most voters backed the tram line",
            "a poll by Ipsos P&Q for broadcaster TV Nord",
            None,
        ),
        # documents closing the sentence
        (
            "Deputies searched the house twice, court papers show.",
            "Deputies searched the house twice",
            "court papers",
            ["court papers"],
        ),
    ],
)
def test_a_closing_tag_after_a_title_a_medium_or_a_document(text, clause, speaker, chain):
    q = _clause(text, clause)
    assert q is not None and q.kind == "reported"
    assert text[q.start : q.end] == clause
    assert q.speaker.text == speaker
    if chain is not None:
        assert chain_of(q) == chain


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        # a title of more than nine words before the name
        (
            "The chief executive of the trade group Nordic Ferry and Freight Operators, Lars "
            "Holm, told reporters that the levy would drive ships away.",
            "the levy would drive ships away",
            "Lars Holm",
        ),
        # after "said", an audience word is the clause's subject, not whom the speaker told
        (
            "In an interview, the head of the service, Mira Tal, said listeners in the north "
            "often had no other news.",
            "listeners in the north often had no other news",
            "Mira Tal",
        ),
        # a medium named by a noun ending like an adverb
        (
            "The Hokkaido business daily said the price of a litre of milk reached 300 yen in "
            "May, without citing sources.",
            "the price of a litre of milk reached 300 yen in May",
            "The Hokkaido business daily",
        ),
        # documents opening the sentence
        (
            "Court papers show the deputies searched the house twice.",
            "the deputies searched the house twice",
            "Court papers",
        ),
        (
            "A copy of the lease seen by Reuters shows the rent was fixed at 300 euros.",
            "the rent was fixed at 300 euros",
            "A copy of the lease",
        ),
        # "had told" an audience, at a place, on a day, then "that"
        (
            "Mayer had told party leaders at a lunch on Friday that he expected the vote to pass.",
            "he expected the vote to pass",
            "Mayer",
        ),
    ],
)
def test_a_subject_opening_the_sentence(text, clause, speaker):
    q = _clause(text, clause)
    assert q is not None and q.kind == "reported"
    assert text[q.start : q.end] == clause
    assert q.speaker.text == speaker


@pytest.mark.parametrize(
    ("text", "clause", "chain"),
    [
        (
            "Le Soir reported, citing the minister's entourage, that the budget would be cut.",
            "the budget would be cut",
            ["Le Soir", "the minister's entourage"],
        ),
        (
            "The Daily Courier reported earlier on Wednesday, citing bankers involved, that "
            "advisers had been hired.",
            "advisers had been hired",
            ["The Daily Courier", "bankers involved"],
        ),
        (
            "The daily Kuryer, citing data from the mining ministry, reported that 11 pits had "
            "cut output in May.",
            "11 pits had cut output in May",
            ["Kuryer", "data from the mining ministry"],
        ),
        (
            "The Harbour Gazette, quoting a copy of the agreement, said the price had been "
            "fixed at 500 dollars a tonne.",
            "the price had been fixed at 500 dollars a tonne",
            ["The Harbour Gazette", "a copy of the agreement"],
        ),
        # the agency relays the words of the person it quoted, named in apposition
        (
            "The online daily Diario Sur quoted a Malaga tenants' union spokesman, Luis Gil, "
            "as saying the tax did nothing about holiday flats.",
            "the tax did nothing about holiday flats",
            ["Diario Sur", "Luis Gil"],
        ),
    ],
)
def test_a_source_cited_or_quoted_is_the_innermost_speaker(text, clause, chain):
    q = _clause(text, clause)
    assert q is not None and text[q.start : q.end] == clause
    assert chain_of(q) == chain


def test_reported_that_with_a_told_clause_inside_is_not_a_closing_tag():
    text = (
        "The agency Baltnews, citing the tabloid Vakaras, reported that Mayer had told party "
        "leaders at a lunch on Monday that he expected the states to give in."
    )
    q = _clause(text, "he expected the states to give in")
    assert q is not None and not q.speaker.text.lower().startswith("that")
    assert text[q.start : q.end].endswith("he expected the states to give in")
    assert _clause(text, "The agency Baltnews") is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # a minister rules nothing out in a statement, and a past ruling is background
        ("A new hearing must be held for the accused, the minister ruled Tuesday.", "A new"),
        ("The minister ruled out a tax rise this year.", "a tax rise"),
        ("In 2021 the Supreme Court ruled that the licences violated the herders' rights.", "the"),
        # "citing" a reason, not a source
        ("Citing security concerns, the mayor cancelled the parade.", "Citing"),
        # a conjunction opens a second clause, not a speaker's title
        (
            "China has become the region's largest trading partner over the past decade, and "
            "Beijing has pledged to open its market wider.",
            "largest trading partner",
        ),
    ],
)
def test_no_clause_without_a_speaker(text, words):
    assert _clause(text, words) is None


def test_a_member_of_a_body_named_in_apposition_keeps_the_member_as_speaker():
    text = (
        "The Daily Star quoted a member of the gas regulator, OGRA, as saying that the "
        "utilities had lost 16% of their gas to leaks."
    )
    q = _clause(text, "the utilities had lost")
    assert q is not None and q.speaker.text != "OGRA"


@pytest.mark.parametrize(
    ("text", "first", "second", "speaker"),
    [
        (
            "Most farmers had sold their barley early, grain traders told Reuters, and a levy "
            "would mostly hit the spring harvest.",
            "Most farmers had sold their barley early",
            "a levy would mostly hit the spring harvest",
            "grain traders",
        ),
        (
            "Ticket sales had fallen by a third, Nordic Stage Group said in a statement, while "
            "streaming revenue had doubled.",
            "Ticket sales had fallen by a third",
            "streaming revenue had doubled",
            "Nordic Stage Group",
        ),
    ],
)
def test_a_tag_between_commas_attributes_the_clauses_on_both_sides(text, first, second, speaker):
    for clause in (first, second):
        q = _clause(text, clause)
        assert q is not None and text[q.start : q.end] == clause
        assert q.speaker.text == speaker


def test_a_tag_between_commas_before_a_bare_verb_phrase_attributes_only_the_clause_before():
    text = "The fire started in the kitchen, the fire service said, and spread quickly."
    q = _clause(text, "The fire started")
    assert q is not None and text[q.start : q.end] == "The fire started in the kitchen"
    assert _clause(text, "spread quickly") is None
