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


def test_quoted_phrase_after_calling_is_a_partial_quote_of_the_sentence_subject():
    text = (
        "Norvia’s foreign ministry on Monday sharply criticised the convoy, calling it "
        "“a reckless provocation” that gravely threatens peace."
    )
    q = _one(text, "partial")
    assert text[q.start : q.end] == "a reckless provocation"
    assert q.speaker.text == "Norvia’s foreign ministry"
    assert [x for x in _quotes(text) if x.kind == "scare"] == []


def test_three_word_quote_without_a_speaker_is_partial_with_no_speaker():
    text = "Envoys kept urging “calm on all sides” as the ships left port."
    q = _one(text, "partial")
    assert text[q.start : q.end] == "calm on all sides"
    assert q.speaker is None


def test_single_word_in_quotes_without_speech_stays_a_scare_quote():
    text = "The ‘peace’ mission sailed at dawn."
    assert text[_one(text, "scare").start : _one(text, "scare").end] == "peace"


def test_she_said_resolves_to_the_named_spokesperson_before():
    text = (
        "Spokesperson Mira Holt said the convoy had turned back. "
        "She said the crews were safe and would return on Sunday."
    )
    reported = [q for q in _quotes(text) if q.kind == "reported"]
    assert [q.speaker.text for q in reported] == ["Spokesperson Mira Holt"] * 2


def test_he_resolves_to_a_titled_sentence_subject_rather_than_an_earlier_speaker():
    text = (
        "“We will not be moved,” said the mayor, Ana Pell.\n\n"
        "Harbour Minister Oren Tal rejected the demand. He told reporters that the port would "
        "stay open all week."
    )
    q = _one(text, "reported")
    assert q.speaker.text == "Harbour Minister Oren Tal"
    assert text[q.speaker.start : q.speaker.end] == q.speaker.text


def test_pronoun_without_a_matching_antecedent_is_not_shown_as_a_speaker():
    text = "The agency said the port was closed. She said the ferries had stopped running."
    reported = [q for q in _quotes(text) if q.kind == "reported"]
    assert reported[-1].speaker is None
    assert reported[-1].chain == ()


def test_relay_chain_carries_into_the_next_sentence():
    text = (
        "The ferry was held at sea on Tuesday, the Tarsen Press Agency (TPA) reported, citing "
        "the Tarsen coast guard. The coast guard said the crossing was closed until further notice."
    )
    reported = [q for q in _quotes(text) if q.kind == "reported"]
    assert [h.text for h in reported[0].chain] == ["TPA", "the Tarsen coast guard"]
    assert [h.text for h in reported[1].chain] == ["TPA", "The coast guard"]


def test_dateline_agency_is_the_outermost_link_of_a_relay():
    text = (
        "ORLIN, May 3 (ONA) — The ferry was held at sea, the Tarsen Press Agency (TPA) "
        "reported, citing the Tarsen coast guard."
    )
    q = _one(text, "reported")
    assert [h.text for h in q.chain] == ["ONA", "TPA", "the Tarsen coast guard"]
    assert text[q.start : q.end] == "The ferry was held at sea"


def test_dateline_agency_is_not_added_to_a_single_speaker():
    text = "ORLIN, May 3 (ONA) — The mayor said the ferry was held at sea for two days."
    assert [h.text for h in _one(text, "reported").chain] == ["The mayor"]


def test_bare_attribution_sentence_gives_the_next_quote_its_speaker():
    text = "Minister Aris Venn said in a statement. “The harbour will reopen on Friday.”"
    q = _one(text, "direct")
    assert q.speaker.text == "Minister Aris Venn"


def test_quote_paragraph_after_an_attributed_quote_keeps_its_speaker():
    text = (
        "“The crews acted with great care,” Captain Lo Brenn said.\n\n"
        "“We will keep sailing these waters as we always have.”"
    )
    direct = [q for q in _quotes(text) if q.kind == "direct"]
    assert [q.speaker.text for q in direct] == ["Captain Lo Brenn"] * 2


def test_quote_paragraph_after_unattributed_narration_keeps_no_speaker():
    text = (
        "“The crews acted with great care,” Captain Lo Brenn said. The ferry left at noon.\n\n"
        "“We will keep sailing these waters as we always have.”"
    )
    direct = [q for q in _quotes(text) if q.kind == "direct"]
    assert direct[-1].speaker is None


def test_weekday_after_a_speaker_is_not_part_of_the_name():
    text = "Norvia on Friday condemned the drills as “a needless show of force” at sea."
    assert _one(text, "partial").speaker.text == "Norvia"


def test_dismissed_as_gives_the_partial_quote_the_pronouns_named_antecedent():
    text = (
        "Interior Minister Dara Kostell rejected the findings on Tuesday. "
        "She dismissed the report as “a smear campaign” by hostile foreign media."
    )
    q = _one(text, "partial")
    assert text[q.start : q.end] == "a smear campaign"
    assert q.speaker.text == "Interior Minister Dara Kostell"
    assert q.speaker.verb == "dismissed"


def test_dismissed_claims_that_is_not_reported_speech_of_the_subject():
    text = "The harbour chief dismissed claims that the trawlers had been armed."
    assert [q for q in _quotes(text) if q.kind == "reported"] == []


def test_it_said_resolves_to_the_country_opening_the_sentence():
    text = "Aldmere released two photographs that it said showed the trawler inside its waters."
    assert _one(text, "reported").speaker.text == "Aldmere"


def test_it_said_resolves_to_the_organisation_opening_the_previous_sentence():
    text = "The Velmar Navy confirmed the sailing. It said the ships carried no weapons."
    q = _one(text, "reported")
    assert q.speaker.text == "The Velmar Navy"
    assert q.speaker.verb == "said"


def test_it_said_with_no_organisation_before_has_no_speaker():
    text = "The two crews talked for hours. It said the ships carried no weapons."
    q = _one(text, "reported")
    assert q.speaker is None
    assert q.chain == ()


def test_a_connective_opening_a_sentence_is_not_the_antecedent_of_it():
    text = "However the ferries kept sailing. It said the port would stay open."
    assert _one(text, "reported").speaker is None


def test_two_word_quote_in_a_clause_attributed_by_a_trailing_said_is_a_partial_quote():
    text = "Both navies should “avoid miscalculation” and return to port, the ministry said."
    q = _one(text, "partial")
    assert text[q.start : q.end] == "avoid miscalculation"
    assert q.speaker.text == "the ministry"
    assert [x for x in _quotes(text) if x.kind == "scare"] == []


def test_clause_around_a_quote_attributed_by_a_trailing_said_stays_reported_speech():
    text = "Both navies should “avoid miscalculation” and return to port, the ministry said."
    q = _one(text, "reported")
    assert text[q.start : q.end] == "Both navies should “avoid miscalculation” and return to port"
    assert q.speaker.text == "the ministry"


def test_one_word_quote_in_an_attributed_clause_stays_a_scare_quote():
    text = "The “defensive” drills must end at once, the ministry said."
    assert text[_one(text, "scare").start : _one(text, "scare").end] == "defensive"
    assert [x for x in _quotes(text) if x.kind == "partial"] == []


def test_so_called_phrase_in_an_attributed_clause_stays_a_scare_quote():
    text = "The so-called “defensive drills” must end at once, the ministry said."
    assert text[_one(text, "scare").start : _one(text, "scare").end] == "defensive drills"
