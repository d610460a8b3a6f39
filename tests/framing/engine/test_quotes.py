from framing.engine.quotes import find_quotes, pair_marks
from framing.engine.text import split_sentences


def _quotes(text: str):
    return find_quotes(text, split_sentences(text))


def _one(text: str, kind: str):
    found = [q for q in _quotes(text) if q.kind == kind]
    assert len(found) == 1, found
    return found[0]


def test_curly_direct_quote_with_speaker_after():
    text = "“We will respond firmly,” the spokesperson said."
    q = _one(text, "direct")
    assert text[q.start : q.end] == "We will respond firmly,"
    assert q.speaker.text == "the spokesperson"
    assert q.speaker.verb == "said"


def test_straight_quote_with_speaker_before_and_colon():
    text = 'The minister said: "The drills will go ahead."'
    q = _one(text, "direct")
    assert text[q.start : q.end] == "The drills will go ahead."
    assert q.speaker.text == "The minister"


def test_said_then_speaker_order_is_understood():
    text = '"The talks failed," said Foreign Minister Lee Dong-hyun.'
    assert _one(text, "direct").speaker.text == "Foreign Minister Lee Dong-hyun"


def test_quote_spanning_two_paragraphs_is_one_speaker():
    text = '"The first part ends here.\n\n"The second part," the envoy said.'
    direct = [q for q in _quotes(text) if q.kind == "direct"]
    assert [text[q.start : q.end] for q in direct] == [
        "The first part ends here.",
        "The second part,",
    ]
    assert {q.speaker.text for q in direct} == {"the envoy"}


def test_unclosed_quote_stops_at_its_paragraph():
    assert pair_marks('He said "this never closes\nNext paragraph.') == [(8, 26, False)]


def test_partial_quote_inside_a_sentence_gets_the_sentence_speaker():
    text = 'The ministry called the drills "a reckless provocation against peace" on Monday.'
    q = _one(text, "partial")
    assert text[q.start : q.end] == "a reckless provocation against peace"
    assert q.speaker.text == "The ministry"


def test_short_quoted_term_without_speaker_is_a_scare_quote():
    text = 'The "defensive" drills involved 200 aircraft.'
    q = _one(text, "scare")
    assert text[q.start : q.end] == "defensive"


def test_so_called_makes_a_scare_quote_even_with_a_speaker_nearby():
    text = 'The agency said the so-called "defensive" drills were a rehearsal.'
    assert text[_one(text, "scare").start : _one(text, "scare").end] == "defensive"


def test_single_quoted_headline_term_is_a_scare_quote():
    text = "Allies stage 'routine' drills near the border"
    q = _one(text, "scare")
    assert text[q.start : q.end] == "routine"


def test_reported_speech_with_that_clause():
    text = "The ministry said that the drills were a grave provocation."
    q = _one(text, "reported")
    assert text[q.start : q.end] == "the drills were a grave provocation"
    assert q.speaker.text == "The ministry"


def test_reported_speech_with_trailing_attribution():
    text = "The drills threaten peace on the peninsula, KCNA said on Tuesday."
    q = _one(text, "reported")
    assert text[q.start : q.end] == "The drills threaten peace on the peninsula"
    assert q.speaker.text == "KCNA"


def test_according_to_is_reported_speech():
    text = "According to the coast guard, the vessel entered the zone twice."
    q = _one(text, "reported")
    assert q.speaker.text == "the coast guard"
    assert q.speaker.verb == "according to"


def test_announcement_without_that_is_not_reported_speech():
    assert _quotes("The government announced new tax rules for shipping firms.") == []


def test_relay_chain_runs_from_outermost_to_innermost():
    text = (
        "According to TASS, KCNA quoted a foreign ministry spokesperson as saying "
        "the drills were reckless."
    )
    q = _one(text, "reported")
    assert [h.text for h in q.chain] == ["TASS", "KCNA", "a foreign ministry spokesperson"]
    assert q.speaker.text == "a foreign ministry spokesperson"


def test_citing_puts_the_cited_source_inside_the_reporter():
    text = "TASS reported, citing KCNA, that the ministry rejected the proposal."
    q = _one(text, "reported")
    assert [h.text for h in q.chain] == ["TASS", "KCNA"]


def test_pronoun_speaker_resolves_to_the_previous_speaker():
    text = '"We are ready," the general said. He added: "We will not wait."'
    direct = [q for q in _quotes(text) if q.kind == "direct"]
    assert [q.speaker.text for q in direct] == ["the general", "the general"]
    assert direct[1].speaker.verb == "added"


def test_quote_marks_in_an_empty_pair_produce_nothing():
    assert _quotes('He wrote "" and left.') == []


def test_quoted_title_case_name_is_not_a_scare_quote():
    assert _quotes('The navy began Operation "Sea Shield" on Monday.') == []
    assert _quotes('The film "Northern Lights" won the prize.') == []


def test_so_called_title_case_term_is_still_a_scare_quote():
    text = 'He mocked the so-called "Peace Offensive" again.'
    assert text[_one(text, "scare").start : _one(text, "scare").end] == "Peace Offensive"


def test_speaker_before_a_parenthetical_is_found():
    text = "The minister, speaking in Seoul, said the talks would resume soon."
    assert _one(text, "reported").speaker.text == "The minister"


def test_carried_by_makes_the_carrier_the_outer_link():
    text = "The ministry, in a statement carried by KCNA, said the drills were reckless."
    assert [h.text for h in _one(text, "reported").chain] == ["KCNA", "The ministry"]


def test_speaker_in_the_middle_of_a_split_quote_owns_both_halves():
    text = '"We will respond," the spokesperson said, "and the response will be firm."'
    direct = [q for q in _quotes(text) if q.kind == "direct"]
    assert [q.speaker.text for q in direct] == ["the spokesperson", "the spokesperson"]
