"""Reported clauses the engine found no span for at all (issue 10, h-spans): closing tags with
a bare day ("said Tuesday"), an afterthought after the tag ("…, adding that …", "said as she
…"), a subject the speaker lists do not know ("the data provider Tallyfax said"), and
datelines in title case ("Lisbon, March 3 (Lusa) --"). Each form with negatives: a clause after
a dateline or before a comma is not reported speech unless a speech tag closes it."""

import pytest

from .voice_helpers import quotes_of


def _clause(text: str, words: str):
    """The reported clause holding ``words`` (None when no quote or clause holds them)."""
    at = text.index(words)
    return next((q for q in quotes_of(text) if q.start <= at < q.end), None)


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        # a bare day, or "today", after the verb (news-agency style)
        (
            "Ferry services to the islands will resume next week, the port authority said Tuesday.",
            "Ferry services to the islands will resume next week",
            "the port authority",
        ),
        (
            "The tunnel will reopen before the holidays, the regional minister said today.",
            "The tunnel will reopen before the holidays",
            "the regional minister",
        ),
        # an afterthought after the tag's own comma
        (
            "Ticket sales had doubled, the theatre company said in a statement, adding that it "
            "would add a second season.",
            "Ticket sales had doubled",
            "the theatre company",
        ),
        (
            "The merger would save both banks money, the chairman said on Monday, without giving "
            "a figure.",
            "The merger would save both banks money",
            "the chairman",
        ),
        (
            "It had been the hardest season of her career, Okonjo said as she left the court.",
            "It had been the hardest season of her career",
            "Okonjo",
        ),
        (
            "The port would not close, the minister said while visiting the docks.",
            "The port would not close",
            "the minister",
        ),
    ],
)
def test_a_closing_tag_with_a_day_or_an_afterthought_attributes_the_clause_before_it(
    text, clause, speaker
):
    q = _clause(text, clause)
    assert q is not None and q.kind == "reported"
    assert text[q.start : q.end] == clause
    assert q.speaker.text == speaker


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        (
            "House prices had fallen for a third month, the data provider Tallyfax said on Friday.",
            "House prices had fallen for a third month",
            "Tallyfax",  # the name after its kind ("the financial magazine Caixin reported")
        ),
        (
            "The river rose by two metres overnight, the northern branch of the Flood Agency said.",
            "The river rose by two metres overnight",
            "the northern branch of the Flood Agency",
        ),
        (
            "Demand had outgrown every forecast, Nordvatten kraft said in its yearly outlook.",
            "Demand had outgrown every forecast",
            "Nordvatten kraft",
        ),
        (
            "Two hikers were brought down from the ridge, mountain guides said.",
            "Two hikers were brought down from the ridge",
            "mountain guides",
        ),
        (
            "Two roads were still closed, the joint fire and rescue coordination unit said.",
            "Two roads were still closed",
            "the joint fire and rescue coordination unit",
        ),
        (
            "Circulation had halved in a decade, figures from the trade body PPA show.",
            "Circulation had halved in a decade",
            "figures from the trade body PPA",
        ),
    ],
)
def test_a_closing_tag_names_its_speaker_whatever_the_noun(text, clause, speaker):
    q = _clause(text, clause)
    assert q is not None and q.kind == "reported"
    assert text[q.start : q.end] == clause
    assert q.speaker.text == speaker


def test_a_closing_tag_told_names_the_medium_told_as_a_relay():
    text = "Barge traffic had halved since June, the Rhine shipping exchange told Reuters."
    q = _clause(text, "Barge traffic had halved")
    assert q is not None and q.speaker.text == "the Rhine shipping exchange"
    assert [h.text for h in q.chain] == ["Reuters", "the Rhine shipping exchange"]


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (
            "Lisbon, March 3 (Lusa) -- Rail workers will strike for two days next week, the union "
            "said Tuesday.",
            "Rail workers will strike for two days next week",
        ),
        (
            "Manila, March 3 (PNA) The coast guard found two missing fishermen alive, officials "
            "said.",
            "The coast guard found two missing fishermen alive",
        ),
        (
            "Osaka, March 3 (Kansai Press)--The city will ban cars from the old town, officials "
            "said Wednesday.",
            "The city will ban cars from the old town",
        ),
    ],
)
def test_a_title_case_dateline_is_not_part_of_the_clause(text, clause):
    q = _clause(text, clause)
    assert q is not None and text[q.start : q.end] == clause


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # no speech tag closes these: the comma joins a description, not a speaker
        ("The index fell 3 percent, the steepest fall since the spring.", "The index fell"),
        ("The company cut 300 jobs, two days after the mayor announced.", "The company cut"),
        ("Turnout was low, as the early figures showed.", "Turnout was low"),
        ("The shop was closed, and the owners said nothing.", "The shop was closed"),
        ("The vote was close, the closest the city has seen in decades.", "The vote was close"),
        # "found" is speech for a document, not for the police
        ("The car was burnt out, the police found.", "The car was burnt out"),
        # a dateline followed by narration is not reported speech
        (
            "Lisbon, March 3 (Lusa) -- Rail traffic stopped for an hour on Tuesday after a "
            "power cut.",
            "Rail traffic stopped",
        ),
        (
            "VALLETTA, March 3 - Heavy rain flooded several streets in the capital on Tuesday, "
            "disrupting traffic.",
            "Heavy rain flooded",
        ),
    ],
)
def test_a_comma_before_a_noun_phrase_without_a_speech_tag_is_no_reported_speech(text, words):
    assert _clause(text, words) is None


def test_a_tag_going_on_with_that_opens_its_clause_after_a_short_opening_phrase():
    text = "In Geneva, agency spokesman Ilse Brandt said in a statement that talks would resume."
    q = _clause(text, "talks would resume")
    assert q is not None and text[q.start : q.end] == "talks would resume"
    assert _clause(text, "In Geneva") is None


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        # a subject the speaker lists do not know, opening the sentence
        (
            "Container lines said they were rerouting ships around the cape.",
            "they were rerouting ships around the cape",
            "Container lines",
        ),
        (
            "Members of the harbour board said they would review the fees.",
            "they would review the fees",
            "Members of the harbour board",
        ),
        # a name or a description in apposition: the name, else the apposition, speaks
        (
            "The festival's co-sponsor, the regional broadcaster Kanal Nord, said the final "
            "would be shown live.",
            "the final would be shown live",
            "Kanal Nord",
        ),
        (
            "A pharmacist at a clinic in Tartu, Mari Kask, told broadcaster ETV that stocks had "
            "run out in March.",
            "stocks had run out in March",
            "Mari Kask",
        ),
        # a relative clause on the subject, and a long way from the verb to "that"
        (
            "Okafor, whose father founded the paper in 1961, told staff at a meeting in the "
            "newsroom that no jobs would go.",
            "no jobs would go",
            "Okafor",
        ),
        (
            "The head of the fishermen's cooperative, Tomas Berg, said in a video posted on "
            "Telegram that boats would stay in port.",
            "boats would stay in port",
            "Tomas Berg",
        ),
        # an opening phrase before the subject
        (
            "Speaking on the evening news of the state broadcaster, the deputy governor of the "
            "province, Anh Nguyen, said that 400 homes had lost power.",
            "400 homes had lost power",
            "Anh Nguyen",
        ),
        # an organisation with its short form in brackets
        (
            "The Baltic Ferry Operators Federation (BFOF) said the strike would end on Friday.",
            "the strike would end on Friday",
            "BFOF",
        ),
    ],
)
def test_a_subject_opening_the_sentence_says_the_clause_after_its_verb(text, clause, speaker):
    q = _clause(text, clause)
    assert q is not None and q.kind == "reported"
    assert text[q.start : q.end] == clause
    assert q.speaker.text == speaker


def test_a_source_cited_between_the_verb_and_that_is_the_innermost_speaker():
    text = "The news site Norra Posten reported, citing fishermen, that the harbour was frozen."
    q = _clause(text, "the harbour was frozen")
    assert q is not None and text[q.start : q.end] == "the harbour was frozen"
    assert [h.text for h in q.chain] == ["Norra Posten", "fishermen"]


def test_without_citing_a_source_cites_no_one():
    text = "Tallinn Daily reported that the ferry had been sold, without citing a source."
    q = _clause(text, "the ferry had been sold")
    assert q is not None and text[q.start : q.end] == "the ferry had been sold"
    assert [h.text for h in q.chain] == ["Tallinn Daily"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # the verb of a sentence opening with a clause, not a subject
        ("Protesters marched on Friday and the crowd said little.", "little"),
        ("The council said in a statement on its website.", "in a statement"),
        ("When the mayor arrived, the crowd said nothing at all.", "nothing at all"),
    ],
)
def test_no_clause_follows_a_verb_without_one(text, words):
    assert _clause(text, words) is None


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (
            "Power would be back within two days, she told viewers.",
            "Power would be back within two days",
        ),
        (
            "The harbour would be dredged next year, Port Director Lea Holm told a briefing.",
            "The harbour would be dredged next year",
        ),
        (
            "The firm would open two new plants, Vance told shareholders on Tuesday.",
            "The firm would open two new plants",
        ),
    ],
)
def test_a_closing_tag_may_name_the_audience_told(text, clause):
    q = _clause(text, clause)
    assert q is not None and text[q.start : q.end] == clause
