"""Relays across sentences and the forms of relay wire copy uses (issue 10 part 2, round 6).

Our own examples, written for these tests; none comes from the held-out gold sets.
"""

from __future__ import annotations

import pytest

from framing.engine.relays import usual_relay_name
from tests.framing.engine.voice_helpers import chain_of, quote_with, quotes_of

_FILLER = (
    "The exercise began on Tuesday south of the island. It involves a carrier and six "
    "destroyers. Officials in Seoul said the drills were routine. "
)


def test_an_office_relayed_earlier_keeps_its_relay_paragraphs_later():
    text = (
        "North Korea's defence ministry warned on Wednesday that it would take countermeasures "
        "against the drills, in a statement carried by KCNA.\n\n"
        + _FILLER
        + "\n\nThe defence ministry in Pyongyang also said its navy had been put on alert."
    )
    assert chain_of(quote_with(text, "navy had been"))[0] == "KCNA"


def test_another_country_s_office_does_not_take_the_relay():
    text = (
        "North Korea's defence ministry warned on Wednesday that it would take countermeasures "
        "against the drills, in a statement carried by KCNA.\n\n"
        + _FILLER
        + "\n\nSouth Korea's unification ministry said it regretted the threats."
    )
    assert len(quote_with(text, "regretted").chain) == 1


def test_a_later_statement_through_its_own_channel_keeps_no_relay():
    text = (
        "China will restrict exports of two metals from next month, the commerce ministry said "
        "on Thursday, according to Xinhua.\n\n"
        + _FILLER
        + "\n\nIn a notice posted on its website, the commerce ministry said licences would be "
        "processed within 45 working days."
    )
    assert len(quote_with(text, "licences would").chain) == 1


def test_those_people_continue_the_relay_of_the_people_cited():
    text = (
        "The company is exploring a sale of its games unit, The Wall Street Journal reported, "
        "citing people familiar with the matter. The unit could fetch as much as $3 billion, "
        "those people said."
    )
    assert chain_of(quote_with(text, "could fetch")) == [
        "The Wall Street Journal",
        "those people",
    ]


def test_the_agency_said_is_the_news_agency_named_before():
    text = (
        "Kim Jong Un inspected a munitions factory on Tuesday, KCNA said in a separate report. "
        "Kim told workers that the factory must double its output of shells, the agency said."
    )
    q = quote_with(text, "double its output")
    assert chain_of(q) == ["KCNA", "Kim"]


def test_the_agency_after_a_government_agency_is_that_agency_speaking():
    text = (
        "The EPA said readings at all of its monitors had fallen below the threshold. The "
        "monitors would stay in place for at least a week, the agency said."
    )
    assert chain_of(quote_with(text, "stay in place")) == ["the agency"]


def test_was_quoted_as_saying_without_a_medium_keeps_the_paragraph_s_relay():
    text = (
        "The ministry said the drills were a provocation, KCNA said. \u201cWe will respond,\u201d "
        "a spokesman was quoted as saying."
    )
    assert chain_of(quote_with(text, "respond")) == ["KCNA", "a spokesman"]


def test_a_pronoun_keeps_the_relay_of_the_surname_it_stands_for():
    text = (
        "A Chinese foreign ministry spokesman, Lin Jun, urged restraint. \u201cDialogue is the "
        "only way out,\u201d Lin told a regular news briefing, as quoted by Xinhua. China "
        "opposed any move that raised tension, he said."
    )
    assert chain_of(quote_with(text, "China opposed"))[0] == "Xinhua"


def test_remarks_broadcast_live_by_a_medium_relay_what_was_just_said():
    text = (
        "Government spokeswoman Fatemeh Rezaei said the cabinet had discussed the talks. Her "
        "remarks at the weekly news conference were broadcast live by the official IRNA news "
        "agency."
    )
    assert chain_of(quote_with(text, "cabinet had"))[0] == "IRNA"


def test_a_medium_reporting_the_speaker_s_next_sentence_relays_the_one_before():
    text = (
        "Kremlin spokesman Dmitry Avdeyev said relations with Pyongyang were developing in all "
        "areas. He declined to comment on the reports of arms deliveries, the RIA Novosti "
        "agency reported."
    )
    assert chain_of(quote_with(text, "relations with"))[0] == "RIA Novosti"


@pytest.mark.parametrize(
    ("text", "speaker", "medium"),
    [
        (
            "Talks on a grain corridor had stalled, Kremlin spokesman Dmitry Arkhipov said on "
            "Tuesday, as quoted by the Interfax news agency.",
            "Dmitry Arkhipov",
            "Interfax",
        ),
        (
            "Eleven people had been arrested, Brussels police said late on Monday, according to "
            "the Belga news agency.",
            "Brussels police",
            "Belga",
        ),
        (
            "About 900 tractors had entered the city by midday, police told Belgian broadcaster "
            "RTBF.",
            "police",
            "RTBF",
        ),
        (
            "Russian Agriculture Minister Oksana Lutsenko told the state RIA news agency that the "
            "harvest would be the second-largest on record.",
            "Russian Agriculture Minister Oksana Lutsenko",
            "RIA",
        ),
    ],
)
def test_relay_forms_of_wire_copy_in_one_sentence(text, speaker, medium):
    (q,) = quotes_of(text)
    assert q.speaker.text == speaker
    assert chain_of(q) == [medium, speaker]


@pytest.mark.parametrize(
    ("written", "usual"),
    [
        ("the AP", "Associated Press"),
        ("official Korean Central News Agency", "KCNA"),
        ("state-run Anadolu", "Anadolu"),
        ("the news website Politico Europe", "Politico Europe"),
        ("the Interfax news agency", "Interfax"),
        ("the RIA Novosti agency", "RIA Novosti"),
    ],
)
def test_relay_links_are_shown_by_their_usual_names(written, usual):
    assert usual_relay_name(written) == usual


def test_a_relay_named_by_its_kind_is_the_medium_that_last_relayed_by_name():
    text = (
        "The Global Times quoted a military expert, Zhang Hao, as saying the drills were larger "
        "than last year's. \u201cThe scope shows the army can encircle the island,\u201d the "
        "newspaper quoted him as saying."
    )
    assert chain_of(quote_with(text, "The scope"))[0] == "The Global Times"


def test_who_publishes_a_medium_relays_nothing():
    text = (
        "The Global Times, a tabloid published by the ruling party's People's Daily, quoted a "
        "trade expert, Zhou Ming, as saying that China had shown restraint for years."
    )
    assert chain_of(quote_with(text, "shown restraint")) == [
        "The Global Times",
        "Zhou Ming",
    ]


def test_a_medium_that_carried_a_statement_relays_the_statement_after_it():
    text = (
        "Iran's state news agency IRNA carried a similar statement from the foreign ministry. "
        "Flights to Jeddah would start after technical arrangements were completed, the "
        "statement said."
    )
    assert chain_of(quote_with(text, "Flights to"))[0] == "IRNA"
