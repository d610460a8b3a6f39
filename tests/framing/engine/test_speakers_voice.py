"""Speakers, voice and relays (issue 10, parts 1 and 2): our own development examples.

Each example was written for these tests; none comes from the held-out gold sets.
"""

from __future__ import annotations

import pytest

from framing.engine import analyze
from framing.engine.text import split_sentences
from tests.framing.engine.voice_helpers import chain_of, quotes_of


def _only(text: str):
    found = quotes_of(text)
    assert len(found) == 1, found
    return found[0]


# -- reported speech with common subjects ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Sources told reporters the talks had stalled over the border crossings.",
            "Sources",
            "the talks had stalled over the border crossings",
        ),
        (
            "Officials say the bridge will reopen in March after repairs.",
            "Officials",
            "the bridge will reopen in March after repairs",
        ),
        (
            "Health officials say the outbreak is under control in the northern districts.",
            "Health officials",
            "the outbreak is under control in the northern districts",
        ),
        (
            "People familiar with the matter said the company would cut 300 jobs.",
            "People familiar with the matter",
            "the company would cut 300 jobs",
        ),
        (
            "The complaint alleges that the firm hid losses from investors for two years.",
            "The complaint",
            "the firm hid losses from investors for two years",
        ),
        (
            "An opinion poll found that 58 percent of voters opposed the plan.",
            "An opinion poll",
            "58 percent of voters opposed the plan",
        ),
        (
            "The agency reported exports fell by 4 percent in the third quarter.",
            "The agency",
            "exports fell by 4 percent in the third quarter",
        ),
        (
            "The defendant moved the money through shell companies, prosecutors say.",
            "prosecutors",
            "The defendant moved the money through shell companies",
        ),
        (
            "The flood had cut the valley road in two places, rescuers said.",
            "rescuers",
            "The flood had cut the valley road in two places",
        ),
    ],
)
def test_reported_speech_with_common_subjects(text, speaker, content):
    q = _only(text)
    assert q.kind == "reported"
    assert q.speaker.text == speaker
    assert text[q.start : q.end] == content


def test_finding_verbs_need_a_document_as_subject():
    assert quotes_of("Police found the car abandoned near the river on Sunday night.") == []


# -- never split a proper name -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The drills come as the United States seeks to reassure its allies in the region.",
        "Tariffs will rise as the United States Notes its objections to the plan in Geneva.",
    ],
)
def test_capitalised_states_is_part_of_a_name_not_a_speech_verb(text):
    assert all(q.speaker is None or q.speaker.text != "the United" for q in quotes_of(text))
    assert quotes_of(text) == []


# -- speakers named around the quote -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We have waited long enough," Maria Lopez, 54, said outside the court.', "Maria Lopez"),
        (
            '"The numbers do not add up," Jane Doe, a spokeswoman for the water board, said.',
            "Jane Doe",
        ),
        ('"It will take years," said county commissioner Jane Doe.', "Jane Doe"),
        ('"The levee held," according to Tom Avery, the town engineer.', "Tom Avery"),
    ],
)
def test_speaker_after_quote_with_age_apposition_or_title(text, speaker):
    assert _only(text).speaker.text == speaker


def test_partial_quote_takes_the_speaker_of_the_previous_sentence():
    text = (
        "Councillor Amos Vell said on Tuesday the scheme had been rushed through. "
        'The result, in his view, was "a mess that the next council will inherit".'
    )
    partial = [q for q in quotes_of(text) if q.kind == "partial"]
    assert len(partial) == 1
    assert partial[0].speaker.text == "Councillor Amos Vell"


def test_partial_quote_in_a_new_paragraph_stays_unattributed():
    text = (
        "Councillor Amos Vell said on Tuesday the scheme had been rushed through.\n\n"
        'The result was "a mess that the next council will inherit".'
    )
    partial = [q for q in quotes_of(text) if q.kind == "partial"]
    assert partial and partial[0].speaker is None


# -- one person, one speaker; pronouns never shown ---------------------------------------------


def test_full_name_surname_and_pronoun_are_one_speaker():
    text = (
        "Pete Flores, the county sheriff, spoke after the hearing. "
        '"We did everything by the book," Flores said. '
        "He added that the deputies had followed protocol. "
        '"Nobody was hurt," he said.'
    )
    found = quotes_of(text)
    assert len(found) == 3
    assert {q.speaker.text for q in found} == {"Pete Flores"}


def test_pronoun_resolves_to_a_person_named_mid_sentence():
    text = (
        "The lawsuit was filed by Maria Lopez, a retired nurse. "
        "She said the clinic had ignored her complaints for months."
    )
    assert _only(text).speaker.text == "Maria Lopez"


def test_analysis_shows_no_pronoun_speaker():
    text = (
        "The storm closed the harbour on Monday. "
        "They said the ferries would not sail again before Thursday at the earliest."
    )
    speakers = {q.speaker for q in analyze(text).quotes}
    assert not speakers & {"he", "she", "it", "they", "He", "She", "It", "They"}


# -- the organisation named in the text wins over the dateline --------------------------------


def test_named_organisation_wins_over_dateline_country():
    text = (
        "TEHRAN, June 28 (MNA) – North Korea's foreign ministry on Saturday condemned the "
        'naval drills. The ministry said the exercises were "a dress rehearsal for war".'
    )
    quotes = [q for q in analyze(text).quotes if q.speaker == "The ministry"]
    assert quotes and {q.speaker_actor for q in quotes} == {"dprk"}


def test_dateline_country_still_used_when_the_text_names_no_organisation():
    text = (
        "TEHRAN, June 28 (MNA) – A ministry spokesman on Saturday said the naval drills "
        "in the Gulf had been planned for months."
    )
    (q,) = analyze(text).quotes
    assert q.speaker_actor == "iran"


# -- relays ------------------------------------------------------------------------------------


def test_told_a_news_agency_makes_it_a_relay():
    text = "Two senior sources told Reuters the deal could be signed next week."
    assert chain_of(_only(text)) == ["Reuters", "Two senior sources"]


def test_told_a_medium_after_a_quote_makes_it_a_relay():
    text = '"Nobody warned us," a resident told The Associated Press.'
    assert chain_of(_only(text)) == ["Associated Press", "a resident"]


def test_according_to_an_agency_which_cited_records():
    text = (
        "The crash killed four people, according to the Associated Press, which cited "
        "hospital records."
    )
    q = _only(text)
    assert text[q.start : q.end] == "The crash killed four people"
    assert chain_of(q) == ["the Associated Press", "hospital records"]


def test_relay_chain_follows_the_same_speaker_later_in_the_article():
    text = (
        'KCNA quoted a defence ministry spokesman as saying the drills were "a grave '
        'provocation". Fishing boats stayed in port on Sunday. Residents said the coast was '
        "quiet. Schools opened as usual in the capital. The spokesman said Pyongyang would "
        "respond in kind."
    )
    last = quotes_of(text)[-1]
    assert last.speaker.text == "The spokesman"
    assert chain_of(last) == ["KCNA", "The spokesman"]


@pytest.mark.parametrize(
    ("text", "chain"),
    [
        (
            "Yonhap, citing the National Intelligence Service, said the launch had failed "
            "within seconds.",
            ["Yonhap", "the National Intelligence Service"],
        ),
        (
            "The Saudi Press Agency quoted the energy minister as telling delegates that output "
            "would stay flat.",
            ["SPA", "the energy minister"],
        ),
        (
            'The Saudi Press Agency quoted the energy minister: "Output will stay where it is."',
            ["SPA", "the energy minister"],
        ),
        ('"We were the better side," the coach told BBC Sport.', ["BBC Sport", "the coach"]),
        (
            "A spokesman for the ministry told state broadcaster CCTV that the talks would "
            "continue.",
            ["CCTV", "A spokesman for the ministry"],
        ),
    ],
)
def test_relay_formulas(text, chain):
    assert chain_of(_only(text)) == chain


def test_statement_carried_by_an_agency_keeps_the_clause_after_that():
    text = (
        "The ministry said in a statement carried by the state news agency KCNA that the "
        "drills would be answered."
    )
    q = _only(text)
    assert text[q.start : q.end] == "the drills would be answered"
    assert chain_of(q) == ["KCNA", "The ministry"]


def test_agency_before_the_ministry_is_not_its_country():
    text = "According to Xinhua, the ministry said the talks had been long and candid."
    assert analyze(text).quotes[0].speaker_actor != "xinhua"


# -- wire credits and the relay summary --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("WASHINGTON (AP) — The Senate passed the bill.", "Associated Press"),
        ("COLUMBUS, Ohio, Oct. 7 (UPI) — State officials met.", "United Press International"),
        ("Storm hits coast\nBy Jane Doe\nKYIV (Reuters) - Drones struck.", "Reuters"),
        ("MOSCOW, June 28 (TASS) -- The drills began.", "TASS"),
    ],
)
def test_wire_origin_from_the_dateline(text, name):
    from framing.engine.relays import wire_origin

    assert wire_origin(text).name == name


def test_no_wire_origin_without_a_credit():
    from framing.engine.relays import wire_origin

    assert wire_origin("The minister (right) - seen here in March - spoke.") is None


def test_relay_summary_reads_innermost_source_via_outer_ones():
    from framing.engine.relays import describe, relay_path

    chains = [["KCNA", "foreign ministry"], ["KCNA", "a spokesman"], ["defence ministry"]]
    assert describe(relay_path(chains, "TASS")) == "relays KCNA via TASS"
    assert describe(relay_path([["a resident"]], "AP")) == "relays Associated Press"
    assert describe(relay_path([], None)) == ""


# -- tags inside the sentence, colons, and generic descriptions after a quote -------------------


@pytest.mark.parametrize(
    "text",
    [
        "The fire started at dawn, the fire service said, and spread quickly to the roof.",
        "The fire started at dawn, according to the fire service, and spread quickly.",
    ],
)
def test_speech_tag_inside_the_sentence_attributes_the_clause_before_it(text):
    q = _only(text)
    assert text[q.start : q.end] == "The fire started at dawn"
    assert q.speaker.text == "the fire service"


def test_quote_after_a_colon_belongs_to_the_sentences_subject():
    text = 'Dana Ruiz spoke first. She was blunt: "We are broke and everyone knows it."'
    assert _only(text).speaker.text == "Dana Ruiz"


def test_colon_after_a_non_speaker_subject_names_no_one():
    text = 'The message on the banner was simple: "Go home and stay there."'
    assert _only(text).speaker is None


def test_any_short_description_right_after_a_quote_is_its_speaker():
    text = '"It was terrifying from start to finish," the 67-year-old said.'
    assert _only(text).speaker.text == "the 67-year-old"


def test_it_said_resolves_to_the_company_opening_the_previous_sentence():
    text = "The company posted a loss for the year. It said demand had fallen sharply in Europe."
    assert _only(text).speaker.text == "The company"


def test_clause_reported_by_an_agency_is_its_subjects_relayed_statement():
    text = (
        "North Korea's foreign ministry on Sunday denounced the joint drills, KCNA reported. "
        "Fishing boats stayed in port. The ministry said the drills were a rehearsal for invasion."
    )
    first, second = quotes_of(text)
    assert first.speaker.text == "North Korea's foreign ministry"
    assert chain_of(first) == ["KCNA", "North Korea's foreign ministry"]
    assert chain_of(second) == ["KCNA", "The ministry"]


def test_clause_reported_by_an_office_is_not_a_relay():
    text = "Prices of rice and fuel rose again in May, the statistics office said."
    assert chain_of(_only(text)) == ["the statistics office"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The ministry accused Seoul of staging reckless provocations near the border.",
            "Seoul of staging reckless provocations near the border",
        ),
        ("The union urged members to reject the pay offer.", "members to reject the pay offer"),
    ],
)
def test_accusing_and_urging_report_what_the_speaker_said(text, content):
    q = _only(text)
    assert text[q.start : q.end] == content


def test_a_bare_weekday_after_the_name_is_not_part_of_it():
    text = '"We are ready for whatever comes," said Prime Minister Anna Berg Tuesday.'
    assert _only(text).speaker.text == "Prime Minister Anna Berg"


def test_surname_speaker_takes_the_full_name_without_its_title():
    text = (
        "Minister of Defence Joanna Trell today condemned the intercept. "
        '"It was reckless and it was deliberate," Minister Trell said.'
    )
    assert _only(text).speaker.text == "Joanna Trell"


def test_a_time_phrase_after_a_quote_is_not_a_speaker():
    text = (
        'Velmar called the drills "a reckless provocation", a day after Aldmere said its '
        "frigate had been shadowed."
    )
    assert all(q.speaker is None or "day after" not in q.speaker.text for q in quotes_of(text))


# -- round 2: names in appositions, descriptions, untagged quote paragraphs, relays -----------


def _reported(text: str):
    found = [q for q in quotes_of(text) if q.kind == "reported"]
    assert found, quotes_of(text)
    return found


def test_name_in_an_apposition_after_a_description_is_the_speaker():
    q = _only("Its chief executive, Harald Moen, said the plant would stay open until March.")
    assert q.speaker.text == "Harald Moen"


def test_name_before_an_age_or_a_description_apposition_stays_the_speaker():
    q = _only("Harald Moen, a retired welder, said the plant would stay open until March.")
    assert q.speaker.text == "Harald Moen"


def test_speaker_noun_with_a_lower_case_object_is_a_speaker():
    q = _only("A spokeswoman for the port authority said the berth would reopen on Friday.")
    assert q.speaker.text == "A spokeswoman for the port authority"


def test_according_to_figures_from_a_lower_case_body():
    q = _only(
        "According to figures from the regional health authority, only 84 per cent were vaccinated."
    )
    assert q.speaker.text == "figures from the regional health authority"


def test_age_description_becomes_the_person_named_before():
    text = (
        "Mira Dalen watched the final from the stand. "
        "The 58-year-old said her team had lost its nerve in the last ten minutes."
    )
    assert _only(text).speaker.text == "Mira Dalen"


def test_title_description_becomes_the_person_with_that_title():
    text = (
        "Finance Minister Rutger Holm said the budget was balanced. Union leader Ada Berg "
        "disagreed. “My door is still open,” the minister said."
    )
    direct = [q for q in quotes_of(text) if q.kind == "direct"]
    assert direct[0].speaker.text.endswith("Rutger Holm")


def test_title_description_without_a_matching_name_stays():
    text = (
        "A spokesman for the navy declined to give numbers. Tomas Lind, a fisherman, watched "
        "the ships. “The exercise is routine,” the spokesman said."
    )
    direct = [q for q in quotes_of(text) if q.kind == "direct"]
    assert direct[0].speaker.text == "the spokesman"


def test_was_quoted_as_saying_after_a_quote_names_the_speaker():
    q = _only("“Our patience has limits,” the spokesman was quoted as saying.")
    assert q.speaker.text == "the spokesman"


def test_untagged_quote_after_a_sentence_naming_a_person_is_theirs():
    text = (
        "The pharmacist, Anil Roy, described the raid. "
        "“They wanted the cabinet with the controlled medicines.”"
    )
    assert _only(text).speaker.text == "Anil Roy"


def test_untagged_quote_paragraph_continues_the_speaker_the_last_paragraph_ended_on():
    text = "Mayor Ana Ruiz said the city would appeal the ruling.\n\n“We will not give up on this.”"
    direct = [q for q in quotes_of(text) if q.kind == "direct"]
    assert direct[0].speaker.text == "Mayor Ana Ruiz"


def test_surname_of_a_person_named_only_in_narration_takes_he():
    text = (
        "Anil Roy opened the shop in 2009. It sells medicines and toys. Business was slow "
        "this year. Trade fell in the spring. Roy said he had never been robbed before. "
        "“She kept her head,” he said."
    )
    direct = [q for q in quotes_of(text) if q.kind == "direct"]
    assert direct[0].speaker.text.endswith("Roy")


def test_agency_tail_keeps_the_titled_speaker_who_opens_the_clause():
    text = (
        "Foreign ministry spokesman Reza Kamali told a news conference that talks with the "
        "agency would continue next month, IRNA reported."
    )
    q = _only(text)
    assert q.speaker.text == "Reza Kamali"
    assert chain_of(q) == ["IRNA", "Reza Kamali"]
    assert text[q.start :].startswith("talks with the agency")


def test_carrier_inside_according_to_is_the_outer_relay():
    text = (
        "Tehran rejected the report as biased and outdated, according to a foreign ministry "
        "statement carried by the official news agency IRNA."
    )
    chain = chain_of(_only(text))
    assert chain[0] == "IRNA"
    assert chain[-1] == "a foreign ministry"


def test_the_statement_of_a_relayed_source_keeps_the_relay():
    text = (
        "In a statement carried by KCNA, the foreign ministry accused Seoul of raising tension. "
        "The statement said the drills would be answered in kind."
    )
    later = _reported(text)[-1]
    assert chain_of(later) == ["KCNA", "The statement"]


def test_relay_found_for_a_person_is_kept_when_only_the_surname_returns():
    text = (
        "TASS quoted the ministry's spokeswoman, Irina Sokol, as saying that the patrol was a "
        "provocation. “Such actions will not go unanswered,” Sokol said."
    )
    direct = [q for q in quotes_of(text) if q.kind == "direct"]
    assert chain_of(direct[0])[0] == "TASS"


def test_agency_citing_a_titled_source_relays_the_whole_name():
    text = (
        "Xinhua, citing a command spokesman, Senior Colonel Li Wen, said naval units were "
        "practising blockades of major ports."
    )
    chain = chain_of(_only(text))
    assert chain[0] == "Xinhua"
    assert chain[-1].endswith("Li Wen")


def test_relay_is_kept_for_a_name_with_a_lower_case_particle():
    text = (
        "The agency quoted Foreign Minister Faisal bin Saad as saying that the flights would "
        "resume. “We look forward to a new chapter,” Faisal said."
    )
    direct = [q for q in quotes_of(text) if q.kind == "direct"]
    assert chain_of(direct[0])[0] == "The agency"


def test_clause_after_a_quote_is_not_a_speaker():
    text = (
        "A department spokesperson said Washington was “closely monitoring” the activity and "
        "called on Beijing to act responsibly."
    )
    speakers = [q.speaker.text for q in quotes_of(text) if q.speaker is not None]
    assert "the activity and" not in speakers


def test_speaker_before_a_long_relative_clause():
    text = (
        "A senior official in the prime minister's office, who spoke on condition of anonymity "
        "because the talks were confidential, said the two sides had been close to a deal."
    )
    assert _only(text).speaker.text == "A senior official in the prime minister's office"


def test_bare_plural_with_a_place_phrase_is_a_speaker():
    q = _only("Farmers along the river said the timing could hardly be worse.")
    assert q.speaker.text == "Farmers along the river"


def test_clause_added_after_a_quote_is_the_quoted_speakers():
    text = (
        "“This is the direct result of an open-border policy,” Harmon said in a statement, "
        "adding that state troopers would be sent to the area."
    )
    reported = _reported(text)
    assert text[reported[0].start : reported[0].end] == "state troopers would be sent to the area"
    assert reported[0].speaker.text == "Harmon"


@pytest.mark.parametrize(
    ("text", "agency", "speaker"),
    [
        (
            "Foreign ministry spokesman Reza Kamali told a weekly news conference in Tehran "
            "that cooperation remained “at a good level”, IRNA reported.",
            "IRNA",
            "Reza Kamali",
        ),
        (
            "Asked about the patrol, Kremlin spokesman Dmitry Orlov told reporters that Russia "
            "would “take all necessary measures”, according to Interfax.",
            "Interfax",
            "Dmitry Orlov",
        ),
    ],
)
def test_agency_tail_after_a_partial_quote_relays_the_speaker_who_opens_the_clause(
    text, agency, speaker
):
    for q in quotes_of(text):
        assert q.speaker.text == speaker
        assert chain_of(q) == [agency, speaker]


def test_lower_case_title_before_a_name_after_a_quote():
    q = _only("“We are deeply sorry,” chief executive Olivia Grant said in a video message.")
    assert q.speaker.text == "Olivia Grant"


def test_place_closing_a_longer_name_is_not_the_speaker():
    text = (
        "Professor James Whitlock of the Marine Institute in Galway, who was not involved in "
        "the study, said it was a surprising result."
    )
    assert _only(text).speaker.text == "Professor James Whitlock of the Marine Institute"


def test_company_named_like_a_person_takes_it():
    text = (
        "The port operator, Holmhaven Terminals, said in a statement that no worker would be "
        "made redundant. “We have made a fair offer,” it said."
    )
    direct = [q for q in quotes_of(text) if q.kind == "direct"]
    assert direct[0].speaker.text == "Holmhaven Terminals"


# -- round 3: clauses beside quotes, documents, appositions, pronouns, relay chains ------------


def _reported(text: str):
    return [q for q in quotes_of(text) if q.kind == "reported"]


def test_coordinated_said_after_a_partial_quote_is_reported_speech_of_the_same_speaker():
    text = (
        "The union leader called the offer “an insult to every driver” and said the strike "
        "would go ahead on Monday."
    )
    (q,) = _reported(text)
    assert text[q.start : q.end] == "the strike would go ahead on Monday"
    assert q.speaker.text == "The union leader"


def test_clause_before_a_quote_is_its_own_reported_speech_when_the_sentence_moves_on():
    text = (
        "Mayor Tessa Brandt said the depot would close in June, and described the decision "
        "as “painful but unavoidable”."
    )
    (q,) = _reported(text)
    assert text[q.start : q.end] == "the depot would close in June"
    assert q.speaker.text == "Mayor Tessa Brandt"


def test_trailing_tag_after_a_quote_attributes_the_clause_after_and():
    text = (
        "Inspector Rui Alves described the fraud as “slow and methodical” and more arrests "
        "were likely, he said."
    )
    (q,) = _reported(text)
    assert text[q.start : q.end] == "more arrests were likely"
    assert q.speaker.text == "Inspector Rui Alves"


def test_quote_tag_with_a_place_is_not_a_reported_clause():
    text = "“We are ready,” the coach told reporters at the club's training ground."
    assert _reported(text) == []


def test_participle_telling_a_medium_makes_it_a_relay_of_the_sentence_subject():
    text = (
        "Lakeside Rovers goalkeeper Mina Adeyemi has ruled out a transfer, telling BBC Sport "
        "that she wanted to finish the season with the club."
    )
    (q,) = _reported(text)
    assert q.speaker.text == "Mina Adeyemi"
    assert chain_of(q) == ["BBC Sport", "Mina Adeyemi"]


def test_relay_phrase_as_saying_is_not_a_participle_clause():
    text = "The agency quoted the minister as saying that the border would stay open."
    (q,) = _reported(text)
    assert text[q.start : q.end] == "the border would stay open"
    assert q.speaker.text == "the minister"


@pytest.mark.parametrize(
    "text",
    [
        "A state audit published in May found the clinic had no written rules for refunds.",
        "A survey by the regional chamber of commerce found most shops had raised prices.",
    ],
)
def test_documents_with_a_modifier_before_found_are_speakers(text):
    (q,) = _reported(text)
    assert q.speaker.text.split()[1] in ("state", "survey")


def test_age_then_apposition_still_names_the_speaker():
    text = (
        "Tomas Berg, 41, a ferry mechanic from the harbour district, said the engines had not "
        "been serviced for a year."
    )
    (q,) = _reported(text)
    assert q.speaker.text == "Tomas Berg"


def test_air_force_is_a_speaker():
    text = "The enemy launched 40 drones overnight, 35 of which were shot down, the air force said."
    (q,) = _reported(text)
    assert q.speaker.text == "the air force"


def test_he_is_not_resolved_to_a_person_the_article_called_she():
    text = (
        "The defence lawyer, Mara Quint, said her client was innocent. She called the case "
        "“thin”.\n\nOtto Brenner himself spoke only briefly. “I never took a cent,” he said."
    )
    direct = next(q for q in quotes_of(text) if q.kind == "direct")
    assert direct.speaker.text == "Otto Brenner"


def test_it_in_a_trailing_tag_is_not_the_subject_of_its_own_clause():
    text = (
        "Norway's fisheries ministry said the quota would be cut. Oslo would review the "
        "decision next year, it said."
    )
    second = _reported(text)[-1]
    assert second.speaker.text == "Norway's fisheries ministry"


def test_statement_carried_by_an_agency_long_form_is_relayed_by_its_usual_name():
    text = (
        "The foreign ministry said the sanctions were illegal, according to a statement "
        "carried by the Korean Central News Agency."
    )
    (q,) = _reported(text)
    assert chain_of(q) == ["KCNA", "The foreign ministry"]


def test_agency_citing_agency_puts_the_source_innermost():
    text = (
        "MOSCOW — The foreign ministry denounced the drills as reckless, TASS reported, "
        "citing KCNA. The ministry said the allies would regret it."
    )
    first, second = _reported(text)
    assert chain_of(first) == ["TASS", "KCNA", "The foreign ministry"]
    assert chain_of(second) == ["TASS", "KCNA", "The ministry"]


def test_a_later_relay_through_a_relayed_agency_keeps_the_outer_agency():
    text = (
        "Pyongyang promised support, the TASS news agency reported, citing KCNA. KCNA quoted "
        "the leader as saying that the two countries were close allies."
    )
    second = _reported(text)[-1]
    assert chain_of(second)[:2] == ["TASS", "KCNA"]


def test_a_relay_is_not_carried_to_a_different_person_sharing_a_name_word():
    text = (
        "KCNA quoted Kim Jong Un as saying that the alliance was strong. “Any transfer "
        "violates the resolutions,” said ministry spokeswoman Kim Soo-jin."
    )
    direct = next(q for q in quotes_of(text) if q.kind == "direct")
    assert chain_of(direct) == ["Kim Soo-jin"]


def test_a_verb_and_its_object_after_the_subject_are_not_a_title_before_a_name():
    text = (
        "Interior Minister Marguerite Dolan closed the Halden Bridge crossing on Saturday and "
        "said it would stay shut until further notice."
    )
    (q,) = _reported(text)
    assert q.speaker.text == "Interior Minister Marguerite Dolan"


def test_its_office_names_the_organisation_it_stands_for():
    text = (
        "Orvane said on Sunday it would offer visas to those who stayed. About 600 people had "
        "accepted, its foreign ministry said."
    )
    last = _reported(text)[-1]
    assert last.speaker.text == "Orvane's foreign ministry"


def test_a_named_medium_followed_by_its_kind_is_a_relay_of_what_it_was_told():
    text = "A port official told the Harbour Star website that two cranes had been damaged."
    (q,) = _reported(text)
    assert chain_of(q) == ["Harbour Star", "A port official"]


def test_cited_statement_released_by_an_agency_keeps_the_agency_between():
    text = (
        "The North will expand its arsenal, the TASS news agency reported, citing a defence "
        "ministry statement released by KCNA."
    )
    (q,) = _reported(text)
    assert chain_of(q)[:2] == ["TASS", "KCNA"]


def test_agency_tail_after_a_mixed_clause_relays_the_clause_and_its_quote():
    text = (
        "Foreign ministry spokeswoman Lin Hua said Beijing welcomed the “positive momentum” "
        "between the two sides, Xinhua reported."
    )
    reported = _reported(text)[0]
    partial = next(q for q in quotes_of(text) if q.kind == "partial")
    assert chain_of(reported) == ["Xinhua", "Lin Hua"]
    assert chain_of(partial)[0] == "Xinhua"


# -- round 4: names, media, collective subjects, relays told to a medium ----------------------


def test_an_age_description_becomes_a_hyphenated_name_in_full():
    text = (
        "Northam's top scorer, Imani Osei-Boateng, said her side had trained for it all week. "
        "\u201cWe knew exactly where the gaps would be,\u201d the 24-year-old said."
    )
    assert quotes_of(text)[-1].speaker.text == "Imani Osei-Boateng"


def test_a_long_titled_name_is_never_cut_before_its_last_word():
    text = (
        "Moscow would take countermeasures if troops came to the border, Deputy Prime Minister "
        "Anatoly Grekhov was quoted as saying by the TASS news agency. He said the agreement "
        "had made the region less safe."
    )
    assert quotes_of(text)[-1].speaker.text.endswith("Anatoly Grekhov")


@pytest.mark.parametrize(
    ("name", "later"),
    [
        ("Conor O'Donnell", "O'Donnell"),
        ("Paul R. DeMarco", "DeMarco"),
        ("Mette Kjærsgaard-Holm", "Kjærsgaard-Holm"),
    ],
)
def test_a_pronoun_after_a_surname_finds_names_with_apostrophes_initials_and_accents(name, later):
    text = (
        f"The plan was backed by {name}, a local historian. "
        f"\u201cIt is the right decision,\u201d {later} said. "
        "She said the vote would take place in May."
    )
    assert quotes_of(text)[-1].speaker.text == name


def test_a_news_medium_is_never_the_antecedent_of_he():
    text = (
        "Labour Minister Olivier Demaret said in an interview with Le Figaro that the reform "
        "would not be withdrawn. \u201cWe have listened, and now Parliament must decide,\u201d "
        "he told the newspaper."
    )
    assert quotes_of(text)[-1].speaker.text != "Le Figaro"


def test_a_pronoun_that_told_a_medium_keeps_the_medium_as_its_relay():
    text = (
        "Rovers captain Liam Farrelly was blunt after the defeat. "
        "\u201cWe got what we deserved,\u201d he told BBC Sport."
    )
    q = quotes_of(text)[-1]
    assert chain_of(q) == ["BBC Sport", "Liam Farrelly"]


def test_agency_quoted_him_as_saying_after_a_quote_relays_the_person():
    text = (
        "Deputy Foreign Minister Andrei Sobolev spoke on Monday. "
        "\u201cThose who invite foreign armies should not be surprised,\u201d TASS quoted him "
        "as saying."
    )
    q = quotes_of(text)[-1]
    assert q.speaker.text.endswith("Andrei Sobolev")
    assert chain_of(q)[0] == "TASS"


def test_a_name_with_its_affiliation_is_a_person_for_she():
    text = (
        "\u201cPeople want to know whether the pills were safe,\u201d said Gloria M. Ashworth of "
        "the Heart Patients Alliance. Patients should not stop taking their medicine, she said."
    )
    assert quotes_of(text)[-1].speaker.text.startswith("Gloria M. Ashworth")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "A ninth day of strikes would take place on March 23, France's main trade unions "
            "said on Thursday.",
            "France's main trade unions",
        ),
        (
            "There had been no unusual activity on the other side, Finnish border guards said.",
            "Finnish border guards",
        ),
        (
            "Senior managers worried that a recall would hurt the share sale, two of the "
            "people said.",
            "two of the people",
        ),
        (
            "A senior U.S. defence official said a new aid package would be announced soon.",
            "A senior U.S. defence official",
        ),
        (
            "The refinery workers' federation said deliveries from four refineries had stopped.",
            "The refinery workers' federation",
        ),
        (
            "Customs figures show imports of farm goods rose by 12 percent last year.",
            "Customs figures",
        ),
        (
            "He had been saving for college and loved football, his family said.",
            "his family",
        ),
        (
            "At least 38 people were killed in the earthquake, according to the state-run "
            "Anadolu Agency.",
            "the state-run Anadolu Agency",
        ),
    ],
)
def test_collective_and_document_subjects_round_four(text, speaker):
    assert _only(text).speaker.text == speaker


@pytest.mark.parametrize(
    ("text", "relay"),
    [
        (
            "Labour Minister Olivier Demaret said in an interview with Le Figaro that the reform "
            "would not be withdrawn.",
            "Le Figaro",
        ),
        (
            "Speaking to BBC Sport on Sunday, the midfielder said the squad had been second "
            "to every ball.",
            "BBC Sport",
        ),
        (
            "Foreign Minister Elina Haavisto-Lund told the public broadcaster Yle that the "
            "warning was familiar rhetoric.",
            "Yle",
        ),
    ],
)
def test_an_interview_with_a_medium_makes_the_medium_a_relay(text, relay):
    q = analyze(text).quotes[0]  # the chain as pages show it (usual names)
    assert q.chain[0] == relay
    assert len(q.chain) == 2


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "All parties should avoid actions that raise tension, spokeswoman Mao Ying said at a "
            "regular briefing.",
            "Mao Ying",
        ),
        (
            "The measure would cover coffee and sesame, a spokesperson for the ministry, Gao "
            "Lihua, told a regular press conference.",
            "Gao Lihua",
        ),
        (
            "It was also preparing to launch a second satellite, the spy agency told lawmakers "
            "last week.",
            "the spy agency",
        ),
        (
            "Shortages remained in the border areas, aid workers who have left the country say.",
            "aid workers",
        ),
    ],
)
def test_trailing_tags_with_titles_appositions_objects_and_relative_clauses(text, speaker):
    assert _only(text).speaker.text == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "relay"),
    [
        (
            "Moscow would take countermeasures if troops were stationed on the border, Deputy "
            "Foreign Minister Pavel Sorokin was quoted as saying by the TASS news agency.",
            "Deputy Foreign Minister Pavel Sorokin",
            "TASS",
        ),
        (
            "The army had recaptured the bridge after two days of fighting, the official Sudan "
            "News Agency quoted army spokesman Colonel Idris Mahjoub as saying.",
            "Colonel Idris Mahjoub",
            "Sudan News Agency",
        ),
        (
            "The quality team had flagged the batches in April, the emails show, according to "
            "Reuters.",
            "the emails",
            "Reuters",
        ),
    ],
)
def test_trailing_tags_that_name_a_relay(text, speaker, relay):
    q = analyze(text).quotes[0]
    assert q.speaker == speaker
    assert relay in q.chain[0]


def test_a_speech_tag_before_an_agency_citing_an_agency_is_the_innermost_speaker():
    text = (
        "North Korea would grow all its own grain within three years, Premier Ri Chol Man told "
        "a farming conference in Pyongyang, China's Xinhua news agency reported on Monday, "
        "citing the Korean Central News Agency."
    )
    q = analyze(text).quotes[0]
    assert q.chain == ("Xinhua", "KCNA", "Premier Ri Chol Man")
    assert text[q.start : q.end].startswith("North Korea would grow")


def test_a_prepositional_phrase_before_the_subject_is_not_the_speaker():
    text = (
        "In a statement posted on Telegram, the paramilitary group said its fighters still held "
        "the eastern end of the bridge."
    )
    q = _only(text)
    assert q.speaker.text == "the paramilitary group"
    assert text[q.start : q.end].startswith("its fighters")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Residents who packed the meeting in August chanted \u201cWhere is our money?\u201d "
            "as the board voted.",
            "Residents",
        ),
        (
            "About 200 people marched through the town centre on Saturday, chanting "
            "\u201cJustice for Jaylen!\u201d",
            "About 200 people",
        ),
        (
            "Supporters' groups said they would march before the match, and fans behind the "
            "goal chanted \u201cManager out!\u201d in the closing minutes.",
            "fans behind the goal",
        ),
    ],
)
def test_a_chant_is_the_crowd_s_words(text, speaker):
    chant = next(q for q in quotes_of(text) if q.kind == "direct")
    assert chant.speaker.text == speaker


def test_a_reported_clause_stops_where_a_new_subject_and_its_chant_begin():
    text = (
        "Supporters' groups said they would march before the match, and fans behind the goal "
        "chanted \u201cManager out!\u201d in the closing minutes."
    )
    clause = next(q for q in quotes_of(text) if q.kind == "reported")
    assert text[clause.start : clause.end] == "they would march before the match"


def test_a_second_speaker_after_while_gets_its_own_clause():
    text = (
        "A State Department spokesman said Washington remained in contact with both parties, "
        "while Saudi Arabia's foreign ministry said the kingdom was ready to host a new round."
    )
    found = quotes_of(text)
    assert [q.speaker.text for q in found] == [
        "A State Department spokesman",
        "Saudi Arabia's foreign ministry",
    ]
    assert text[found[1].start : found[1].end] == "the kingdom was ready to host a new round"


def test_adding_that_after_a_trailing_tag_is_the_same_speaker_s_clause():
    text = (
        "More than 20 countries would benefit from the measure, the ministry said, adding that "
        "details would be published next week."
    )
    found = quotes_of(text)
    assert [text[q.start : q.end] for q in found][-1] == "details would be published next week"
    assert found[-1].speaker.text == "the ministry"


def test_an_earlier_mention_takes_the_relay_a_later_mention_names():
    text = (
        "Rovers captain Liam Farrelly has told his team-mates to \u201cstop feeling sorry for "
        "ourselves\u201d after the defeat.\n\n"
        "\u201cWe got what we deserved,\u201d Farrelly told BBC Sport."
    )
    first = analyze(text).quotes[0]
    assert first.chain[0] == "BBC Sport"


def test_agency_relays_are_shown_by_their_usual_names():
    text = (
        "North Korea condemned the drills, Russia's TASS news agency reported, citing the "
        "Korean Central News Agency."
    )
    assert analyze(text).quotes[0].chain[:2] == ("TASS", "KCNA")


def test_a_name_inside_the_speaker_s_own_phrase_is_not_its_relay():
    text = (
        "Most of the migrants are from Sabrenne and travel alone, according to Border Service "
        "officers at the scene."
    )
    q = _only(text)
    assert chain_of(q) == ["Border Service officers at the scene"]


def test_run_together_initials_do_not_end_a_sentence():
    text = "The club's chairman, J.P. McAllister, said the manager kept the board's support."
    assert len(split_sentences(text)) == 1
    assert _only(text).speaker.text == "J.P. McAllister"


def test_a_possessive_before_an_agency_is_not_a_person_for_he():
    text = (
        "Grain output would double, Premier Ri Chol Man told a conference, China's Xinhua news "
        "agency reported. He said new canals would be finished by spring."
    )
    assert quotes_of(text)[-1].speaker.text == "Premier Ri Chol Man"


def test_a_title_heading_a_long_name_makes_it_a_person_for_she():
    text = (
        "Franklin County Prosecutor Janet D. Whitmore told reporters the case was about trust. "
        "She said ratepayers had paid for the scheme through higher bills."
    )
    assert quotes_of(text)[-1].speaker.text == "Franklin County Prosecutor Janet D. Whitmore"


def test_an_opening_participle_is_never_a_speaker():
    text = (
        "Participants carried banners and chanted for hours.\n\n"
        "Carrying banners, they shouted slogans. \u201cWe are workers, not criminals,\u201d it "
        "said."
    )
    assert all(q.speaker is None or q.speaker.text != "Carrying" for q in quotes_of(text))


def test_an_adjective_before_a_plural_speaker_is_not_the_subject_it_stands_for():
    text = (
        "Political scientists say party switches have gone one way for decades. The change was "
        "expected, it said."
    )
    assert all(q.speaker is None or q.speaker.text != "Political" for q in quotes_of(text))


def test_citing_two_sources_makes_the_last_named_the_speaker():
    text = (
        "Executives discussed delaying the recall for weeks, Reuters reported on Wednesday, "
        "citing internal emails and three people with knowledge of the discussions."
    )
    q = _only(text)
    assert q.speaker.text == "three people with knowledge of the discussions"
    assert chain_of(q)[0] == "Reuters"


def test_a_second_quote_sharing_a_pronoun_tag_gets_the_same_person():
    text = (
        "Rovers captain Liam Farrelly spoke after the match.\n\n"
        "The side had won every round of the cup until Saturday.\n\n"
        "The squad trains again on Monday.\n\n"
        "\u201cWe got what we deserved,\u201d he told BBC Sport. \u201cWe have a league game "
        "on Tuesday and we have to be better.\u201d"
    )
    first, second = [q for q in quotes_of(text) if q.kind == "direct"]
    assert first.speaker.text == second.speaker.text == "Liam Farrelly"


def test_pages_never_show_a_bare_first_person_pronoun_as_a_speaker():
    text = "\u201cThe water was up to the windows by midnight,\u201d I said to the officer."
    assert all(q.speaker is None for q in analyze(text).quotes)


# -- round 5 (branch h-speakers): media named by call letters, mastheads and kinds --------------


@pytest.mark.parametrize(
    ("text", "medium"),
    [
        (
            "The driver's lawyer, Anne Quist, told WKRT-TV that her client would plead not guilty.",
            "WKRT-TV",
        ),
        (
            "The plant had failed two inspections in five years, sources told the Dispatch.",
            "Dispatch",
        ),
        (
            "Interior Minister Jan Rolf told the Funke media group that the border checks would "
            "stay in place until the spring.",
            "Funke media group",
        ),
    ],
)
def test_a_medium_named_by_call_letters_masthead_or_kind_relays_the_speaker(text, medium):
    q = _only(text)
    assert chain_of(q)[0] == medium


def test_a_medium_told_at_the_end_of_a_sentence_loses_the_full_stop():
    text = (
        "\u201cWe heard about it on the radio like everybody else,\u201d the union's leader, "
        "Sara Lind, told the daily Norrbotten Kuriren."
    )
    assert chain_of(_only(text))[0] == "Norrbotten Kuriren"


def test_told_a_medium_in_an_interview_that_opens_the_speakers_clause():
    text = (
        "The bank's chairman, Olof Berg, told Reuters in an interview that the board backed "
        "the chief executive."
    )
    q = _only(text)
    assert (q.speaker.text, chain_of(q)) == ("Olof Berg", ["Reuters", "Olof Berg"])
    assert text[q.start : q.end] == "the board backed the chief executive"


def test_a_name_in_the_apposition_after_a_quote_is_the_speaker():
    text = (
        "\u201cNobody asked us before the plan was announced,\u201d its chairman, Per Almqvist, "
        "told reporters."
    )
    assert _only(text).speaker.text == "Per Almqvist"


def test_plural_speakers_without_a_determiner_report_speech():
    text = "Immigrant advocates said the new fence would push people toward the desert."
    q = _only(text)
    assert q.speaker.text == "Immigrant advocates"


def test_a_quote_after_calling_belongs_to_the_sentence_subject():
    text = (
        "The mayor of a small river town on Monday criticised the state's flood plan, calling "
        "it \u201ca plan written by people who have never seen the river\u201d."
    )
    assert _only(text).speaker.text == "The mayor"


def test_a_quote_after_calling_keeps_the_subject_and_the_agency_that_relays_it():
    text = (
        "The Velmar foreign ministry on Friday rejected the panel's findings, calling them "
        "\u201ca fabrication by hostile forces\u201d, according to the Velmar Central News Agency."
    )
    q = _only(text)
    assert q.speaker.text == "The Velmar foreign ministry"
    assert chain_of(q) == ["the Velmar Central News Agency", "The Velmar foreign ministry"]


# -- round 5: which actor an unnamed office belongs to ------------------------------------------


def _actor_of(text: str, speaker: str) -> str | None:
    return next(q.speaker_actor for q in analyze(text).quotes if q.speaker == speaker)


def test_an_office_heard_through_a_state_agency_belongs_to_that_agencys_country():
    text = (
        "KYIV, May 3 (Reuters) - Ukraine's air force said it shot down 40 drones overnight.\n\n"
        "Russian forces captured a village near the front, the ministry said, according to "
        "RIA Novosti."
    )
    assert _actor_of(text, "the ministry") == "russia"


def test_the_norths_ministry_is_north_koreas_under_a_seoul_dateline():
    text = (
        "SEOUL — North Korea fired two missiles on Tuesday. A spokesman for the North's "
        "defence ministry said the launches were a warning to the allies."
    )
    assert _actor_of(text, "A spokesman for the North's defence ministry") == "dprk"


def test_an_agency_that_quotes_a_spokesman_is_not_the_office_he_speaks_for():
    text = (
        "MOSCOW — TASS quoted a spokesman as saying that the talks had been postponed. "
        "The spokesman said a new date would be set in May."
    )
    assert _actor_of(text, "The spokesman") != "tass"


def test_an_official_of_another_office_does_not_borrow_the_last_named_ministry():
    text = (
        "North Korea's foreign ministry condemned the drills on Friday.\n\n"
        "Health officials say the outbreak in the southern provinces is under control."
    )
    assert _actor_of(text, "Health officials") is None


# -- round 5: relays in prose --------------------------------------------------------------------


def test_was_quoted_by_an_agency_as_saying_relays_the_subject():
    text = (
        "Premier Pak Sung Il was quoted by VCNA as saying that the harvest had been the best "
        "in years."
    )
    q = _only(text)
    assert (q.speaker.text, chain_of(q)) == ("Premier Pak Sung Il", ["VCNA", "Premier Pak Sung Il"])
    assert text[q.start : q.end] == "the harvest had been the best in years"


def test_state_media_quoting_a_person_relays_him():
    text = "State media quoted Kim as saying the new submarine would patrol the eastern sea."
    q = _only(text)
    assert (q.speaker.text, chain_of(q)) == ("Kim", ["State media", "Kim"])


def test_state_media_is_the_one_state_agency_the_article_names():
    text = (
        "Pyongyang said on Thursday it had tested a new cruise missile, state media reported. "
        "KCNA said the test had been a success."
    )
    first = quotes_of(text)[0]
    assert chain_of(first) == ["KCNA", "Pyongyang"]


@pytest.mark.parametrize(
    ("text", "medium"),
    [
        (
            "Prime Minister Lena Kroll said in an interview published on Sunday by Le Monde that "
            "her government would not send troops.",
            "Le Monde",
        ),
        (
            "The club said in a statement to AFP that it would appeal against the ban.",
            "AFP",
        ),
        (
            "The president said in remarks broadcast by state television that the economy would "
            "recover by the spring.",
            "state television",
        ),
        (
            "The navy would hold live-fire drills next week, the minister told the BBC's Today "
            "programme.",
            "BBC's Today programme",
        ),
    ],
)
def test_a_medium_that_published_or_broadcast_the_words_relays_them(text, medium):
    assert chain_of(_only(text))[0] == medium


def test_one_carrier_named_twice_is_one_relay():
    text = (
        "A spokesman said in a statement carried by the official VCNA news agency that the "
        "exercises would be met with force."
    )
    assert chain_of(_only(text)) == ["VCNA", "A spokesman"]


def test_speakers_opening_with_the_share_no_relay_by_that_word():
    text = (
        "The company told Reuters that it would appeal the ruling.\n\n"
        "The president said on Monday that the economy would recover by the spring."
    )
    assert chain_of(quotes_of(text)[1]) == ["The president"]


def test_a_pronoun_after_on_a_weekday_stays_in_the_reported_clause():
    text = "The ministry said on Thursday it had tested a new cruise missile off the coast."
    q = _only(text)
    assert text[q.start : q.end] == "it had tested a new cruise missile off the coast"


def test_a_speaker_made_only_of_function_words_is_never_shown():
    text = "The, too, said the plan had been dead for months before the vote."
    assert all(q.speaker is None for q in analyze(text).quotes)


def test_names_with_two_particles_are_whole_speakers():
    text = (
        "Ursula von der Leyen said the bloc would respond within days. Charles de la Fuente "
        "told reporters that the club was not for sale."
    )
    assert [q.speaker.text for q in quotes_of(text)] == [
        "Ursula von der Leyen",
        "Charles de la Fuente",
    ]


def test_an_age_with_its_noun_stands_for_the_person_named_before():
    text = (
        "Harbour Town captain Dara Quinlan was furious after the defeat. \u201cWe got what we "
        "deserved,\u201d the 31-year-old midfielder said."
    )
    assert _only(text).speaker.text == "Dara Quinlan"


def test_an_apposition_of_the_title_and_a_name_names_the_speaker():
    text = (
        "The inquiry's report was published on Thursday. Its author, the retired high court "
        "judge Ann Lowe, told reporters that the failures had been systemic."
    )
    assert _only(text).speaker.text == "Ann Lowe"


def test_a_poll_published_by_someone_found_reports_what_it_found():
    text = (
        "A poll published last week by the University of Westmark found that most voters "
        "backed the new tram line."
    )
    q = _only(text)
    assert q.speaker.text == "A poll"
    assert text[q.start : q.end] == "most voters backed the new tram line"


# -- round 5: quote tags -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Council member Ana Duarte spoke last.\n\n\u201cWe are not going anywhere,\u201d "
            "Duarte joked.",
            "Ana Duarte",
        ),
        (
            "\u201cWill the money ever come back?\u201d asked one resident. Nobody answered.",
            "one resident",
        ),
        (
            "\u201cWe were second best all afternoon,\u201d Rovers manager Gary Holm told "
            "reporters after the match.",
            "Gary Holm",
        ),
        (
            "\u201cWe have to act now,\u201d Sen. Maria Calder, D-Ore., said on Tuesday.",
            "Sen. Maria Calder",
        ),
    ],
)
def test_quote_tags_name_their_speaker(text, speaker):
    assert quotes_of(text)[-1].speaker.text == speaker


def test_an_apposition_with_an_article_is_a_description_not_a_name():
    text = "\u201cQuite frankly, I am disappointed,\u201d the governor, a Democrat, told reporters."
    assert _only(text).speaker.text == "the governor"


# -- round 5: relays named after the words ------------------------------------------------------


def test_comments_carried_by_an_agency_afterwards_relay_the_last_speaker():
    text = (
        "The foreign ministry said the sanctions were illegal. \u201cWe will respond,\u201d "
        "spokeswoman Maria Ivanova said. Her comments were carried by TASS."
    )
    first, second = quotes_of(text)[:2]
    assert chain_of(first) == ["The foreign ministry"]
    assert chain_of(second) == ["TASS", "Maria Ivanova"]


def test_the_statement_carried_by_an_agency_relays_the_sentence_before():
    text = (
        "The defence ministry said on Sunday the launch had been a success. The statement, "
        "carried by the Velmar News Agency, also said the missile could reach any target."
    )
    assert chain_of(quotes_of(text)[0]) == ["Velmar News Agency", "The defence ministry"]


def test_in_comments_reported_by_an_agency_relays_and_stays_out_of_the_clause():
    text = (
        "The spokesman said the talks would continue next week, in comments reported by Interfax."
    )
    q = _only(text)
    assert chain_of(q)[0] == "Interfax"
    assert text[q.start : q.end] == "the talks would continue next week"


def test_an_agency_quoting_someone_without_as_saying_relays_him():
    text = (
        "The kingdom supports an immediate ceasefire, the Saudi Press Agency quoted the minister."
    )
    assert chain_of(_only(text)) == ["SPA", "the minister"]


def test_quoted_as_saying_on_a_weekday_closes_the_sentence():
    text = (
        "The talks were constructive, VCNA quoted Foreign Minister Tor Halden as saying on Monday."
    )
    q = _only(text)
    assert text[q.start : q.end] == "The talks were constructive"
    assert chain_of(q) == ["VCNA", "Foreign Minister Tor Halden"]


# -- round 5: whom a pronoun stands for ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Coach Tom Baker watched from the stands. After meeting club president Maria Lopez "
            "on Monday, he said: \u201cWe will rebuild this club.\u201d",
            "Coach Tom Baker",
        ),
        (
            "Senator Paul Grant met Governor Lisa Moreno on Tuesday. \u201cWe agreed on "
            "nothing at all,\u201d he said afterwards.",
            "Senator Paul Grant",
        ),
        (
            "The striker, Jon Eriksen, was substituted after an hour. Asked about captain Anna "
            "Berg, he said: \u201cShe is the heart of this team.\u201d",
            "Jon Eriksen",
        ),
    ],
)
def test_a_pronoun_is_not_the_name_its_sentence_met_or_asked_about(text, speaker):
    assert _only(text).speaker.text == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "medium"),
    [
        (
            "A VCNA dispatch said the missile had flown 1,000 km before landing in the sea.",
            "A VCNA dispatch",
            None,
        ),
        (
            "The ministry's statement, published on KCNA's website, said the drills were a "
            "provocation.",
            "The ministry's statement",
            "KCNA",
        ),
        (
            "Kim told a party meeting, according to a KCNA report, that the country must be "
            "ready for war.",
            "Kim",
            "a KCNA report",
        ),
        (
            "The governor said in an exclusive interview on Sunday with Fox News that the border "
            "was open.",
            "The governor",
            "Fox News",
        ),
        (
            "Okonkwo, speaking with BBC Sport after the match, said the team had let the fans "
            "down.",
            "Okonkwo",
            "BBC Sport",
        ),
    ],
)
def test_more_relay_forms_in_one_sentence(text, speaker, medium):
    q = _only(text)
    assert q.speaker.text == speaker
    assert chain_of(q) == ([medium, speaker] if medium else [speaker])


def test_a_spokesman_for_the_ministry_continues_the_ministrys_relay():
    text = (
        "The defence ministry said on Tuesday that the drills were a provocation, in a "
        "statement carried by KCNA. A spokesman for the ministry said the army would respond."
    )
    assert chain_of(quotes_of(text)[1]) == ["KCNA", "A spokesman for the ministry"]
