"""Relay round 9 (issue 10 part 2, h-relays5): long office titles as speakers, the source
cited inside a "MEDIUM, citing …, said" clause, and origins an uncredited article must not get."""

import pytest

from framing.engine.relays import is_own_outlet, wire_origin

from .voice_helpers import chain_of, quote_with


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Qatar's minister of state for foreign affairs told the Qatar News Agency (QNA) that "
            "Doha was ready to mediate.",
            "Doha was ready",
            "Qatar's minister of state for foreign affairs",
        ),
        (
            "The head of state said the talks would resume in the spring.",
            "the talks would resume",
            "The head of state",
        ),
        (
            "“We are ready to sign,” the secretary for trade and industry said.",
            "We are ready",
            "the secretary for trade and industry",
        ),
    ],
)
def test_office_title_with_lower_case_of_and_for_phrases_is_the_speaker(text, words, speaker):
    q = quote_with(text, words)
    assert q.speaker is not None and q.speaker.text == speaker


def test_office_title_keeps_the_medium_it_told():
    text = (
        "Qatar's minister of state for foreign affairs told the Qatar News Agency (QNA) that "
        "Doha was ready to mediate."
    )
    assert chain_of(quote_with(text, "Doha was ready")) == [
        "QNA",
        "Qatar's minister of state for foreign affairs",
    ]


def test_office_phrase_stops_before_a_determiner():
    # "of the …" is the existing object phrase, not a second office phrase swallowing a clause
    text = "A spokesman for the ministry said the border would reopen on Monday."
    assert quote_with(text, "the border would reopen").speaker.text == (
        "A spokesman for the ministry"
    )


@pytest.mark.parametrize(
    ("text", "words", "chain"),
    [
        (
            # (session 14: a nation's possessive before a medium's name is no part of the link)
            "CARACAS — Cuba's Prensa Latina, citing a foreign ministry statement read on state "
            "television VTV, said Venezuela would resume talks with Guyana next month.",
            "Venezuela would resume",
            ["Prensa Latina", "VTV", "a foreign ministry statement"],
        ),
        (
            "Xinhua, citing a statement broadcast by CCTV, said the drills had ended on schedule.",
            "the drills had ended",
            ["Xinhua", "CCTV", "a statement"],
        ),
        (
            "Anadolu, citing a ministry statement aired on state television TRT, said the "
            "border crossing would reopen.",
            "the border crossing would reopen",
            ["Anadolu", "TRT", "a ministry statement"],
        ),
    ],
)
def test_cited_source_inside_a_citing_clause_speaks_through_its_carriers(text, words, chain):
    q = quote_with(text, words)
    assert chain_of(q) == chain
    assert q.speaker.text == chain[-1]


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("LONDON (Reuters) - Britain's economy grew 0.3%, the statistics office said.", "Reuters"),
        ("WASHINGTON (CNN) — The Senate passed a stopgap bill late on Friday.", "CNN"),
        (
            "By Lena Koski, Associated Press\n\nHELSINKI (AP) — Finland will keep its border "
            "closed.\n\n(c) 2026 The Associated Press. All rights reserved.",
            "Associated Press",
        ),
        ("BEIJING, Dec. 2 (Xinhua) -- China's grain output reached a record.", "Xinhua"),
        ("(Bloomberg Opinion) -- The central bank held rates on Wednesday.", "Bloomberg"),
        ("LONDON (Sky Sports) — The club's ban breached its contract, Sky said.", "Sky Sports"),
    ],
)
def test_a_credit_naming_the_articles_own_outlet_is_no_origin(text, outlet):
    assert wire_origin(text, outlet) is None
    assert wire_origin(text) is not None  # without the outlet it reads as a credit


@pytest.mark.parametrize(
    ("text", "outlet", "name"),
    [
        ("PARIS (AFP) — Farmers blocked three motorways.", "Harbour Times", "Agence France-Presse"),
        (
            "SYDNEY, AAP — The federal budget would return to deficit.",
            "The Australian",
            "Australian Associated Press",
        ),
        (
            "LONDON (Sky News) — Floodwater poured through the town.",
            "Sky Sports",
            "Sky News",
        ),
        (
            "WASHINGTON (CNN) — Senators met on Monday.\n\nThe vote is due on Friday.\n\n— dpa",
            "CNN",
            "Deutsche Presse-Agentur",
        ),
    ],
)
def test_another_outlets_credit_stays_the_origin(text, outlet, name):
    origin = wire_origin(text, outlet)
    assert origin is not None and origin.name == name


@pytest.mark.parametrize(
    "text",
    [
        "(UPDATE 2) - A tanker was struck by a projectile off the coast of Yemen on Tuesday.",
        "(Video) — Floodwater poured through the centre of Haverby on Sunday.",
        "(LEAD) — North Korea fired two missiles on Tuesday, officials said.",
        "The World Food Programme (WFP) — which has not reached the town since June — said "
        "40,000 people were at risk.",
        "On Tuesday, Xinhua — China's state news agency — opened its largest African bureau.",
    ],
)
def test_tags_acronyms_and_time_phrases_before_a_dash_are_no_credit(text):
    assert wire_origin(text) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("AMMAN (Petra) -- Jordan will host the talks, the foreign ministry said.", "Petra"),
        ("VELMARA, June 26 (VCNA) — The ministry said on Friday …", "VCNA"),
        ("PORT HALLORAN, Aldmere, June 26 (Meridian Wire) - Talks resumed.", "Meridian Wire"),
        ("BEIJING, Xinhua — China's Ministry of Commerce said on Monday …", "Xinhua"),
    ],
)
def test_dateline_credits_outside_the_media_list_still_count(text, name):
    origin = wire_origin(text)
    assert origin is not None and origin.name == name


@pytest.mark.parametrize(
    ("link", "outlet", "own"),
    [
        ("Bloomberg Opinion", "Bloomberg", True),
        ("CNN Business", "CNN", True),
        ("Sky News", "Sky Sports", False),
        ("Australian Associated Press", "The Australian", False),
    ],
)
def test_outlet_with_a_section_name_is_the_outlet_itself(link, outlet, own):
    assert is_own_outlet(link, outlet) is own


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "More than 200 fighters had been captured, army spokesman Col. Getnet Adane told "
            "ENA. Roads between the towns and the regional capital, Bahir Dar, would reopen "
            "within days, he said.",
            "Roads between",
            "Col. Getnet Adane",
        ),
        (
            "In remarks carried by state television, Kim Yo Jong, the leader's sister, said the "
            "allies would pay dearly. North Korea would answer every show of force with one of "
            "its own, she said.",
            "every show of force",
            "Kim Yo Jong",
        ),
    ],
)
def test_a_pronoun_never_stands_for_a_name_inside_the_words_it_reports(text, words, speaker):
    assert quote_with(text, words).speaker.text == speaker


def test_a_pronoun_keeps_the_relay_of_the_person_it_stands_for():
    text = (
        "More than 200 fighters had been captured, army spokesman Col. Getnet Adane told ENA. "
        "Roads between the towns and the regional capital, Bahir Dar, would reopen within days, "
        "he said."
    )
    assert chain_of(quote_with(text, "Roads between")) == ["ENA", "Col. Getnet Adane"]


def test_two_appositions_between_a_quote_and_its_tag_keep_the_name():
    text = (
        "“Our priority is safety,” the statement said.\n\n“I woke up and the whole sky was "
        "orange,” Darnell Hughes, 52, who lives four blocks from the terminal, told the "
        "Associated Press."
    )
    q = quote_with(text, "I woke up")
    assert q.speaker.text == "Darnell Hughes"
    assert chain_of(q) == ["Associated Press", "Darnell Hughes"]


def test_agency_with_its_short_form_carries_a_statement():
    text = (
        "The Emirates News Agency (WAM) carried a statement from the United Arab Emirates "
        "foreign ministry saying Abu Dhabi would send a delegation to the talks."
    )
    q = quote_with(text, "Abu Dhabi would send")
    assert chain_of(q)[0] == "The Emirates News Agency"
    assert "foreign ministry" in q.speaker.text


def test_a_name_after_a_description_and_a_two_word_title_is_the_speaker():
    text = (
        "In an interview with CNBC on Thursday, Harrowgate's largest shareholder, activist "
        "investor Paul R. DeMarco, said a sale was “long overdue”."
    )
    q = quote_with(text, "long overdue")
    assert q.speaker.text == "Paul R. DeMarco"
    assert chain_of(q) == ["CNBC", "Paul R. DeMarco"]


def test_a_description_ending_in_an_organisation_is_no_name_in_the_apposition():
    text = (
        "The People's Daily, the flagship newspaper of the Communist Party, said in a "
        "commentary that the policy showed China was a true friend of developing countries."
    )
    assert quote_with(text, "the policy showed").speaker.text == "The People's Daily"


def test_a_name_with_a_particle_in_an_apposition_is_the_speaker_a_pronoun_continues():
    text = (
        "The company's chief executive, Anneke de Vries, told a local radio station that "
        "automation was needed to compete. “If we stand still, the ships go elsewhere,” she said."
    )
    assert quote_with(text, "automation was needed").speaker.text == "Anneke de Vries"
    assert quote_with(text, "If we stand still").speaker.text == "Anneke de Vries"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Amman, May 6 (Petra) -- Households in Irbid will receive piped water twice a week.",
            "Petra",
        ),
        ("GÖTEBORG (TT) A 15-year-old boy has been detained on suspicion of murder.", "TT"),
        ("ABU DHABI, 6th May, 2026 (WAM) -- A floating solar plant began operation today.", "WAM"),
        (
            "MOSCOW, May 6. /ITAR-TASS/. The water level of the Ural river rose by 74 cm.",
            "ITAR-TASS",
        ),
        (
            "AUSTIN, Texas, May 6, 2026 /PRNewswire/ -- Helixa Bio, Inc. today announced plans.",
            "PR Newswire",
        ),
        ("MOSCOW, May 6 – RIA Novosti. The launch of the Soyuz has been postponed.", "RIA Novosti"),
        ("GEORGE TOWN, May 6 -- The ferry will run every ten minutes.\n\n-- BERNAMA", "Bernama"),
    ],
)
def test_more_wire_credit_forms_are_the_origin(text, name):
    origin = wire_origin(text)
    assert origin is not None and origin.name == name


@pytest.mark.parametrize(
    "text",
    [
        "Party leader Jane Doe (SNP) Said nothing on Monday about the vote.",
        "Shares of Harrowgate (HGT) Rose 4 percent on Monday.",
    ],
)
def test_a_bracket_without_a_dash_needs_a_dateline(text):
    assert wire_origin(text) is None


@pytest.mark.parametrize(
    ("text", "words", "chain"),
    [
        (
            "Coast guard spokesman Rodel Amparo told DZBB radio that divers were still searching "
            "for a crew member.",
            "divers were still",
            ["DZBB", "Rodel Amparo"],
        ),
        (
            "Wang Liqun, the project's chief engineer, said on China Central Television's evening "
            "news programme that engineers had faced rock temperatures of up to 60 degrees.",
            "rock temperatures",
            ["China Central Television", "Wang Liqun"],
        ),
        (
            "Speaking on KBS Radio's morning show, Lee Hyun-joo, who heads a patients' group, said "
            "the ceiling was long overdue.",
            "the ceiling was long overdue",
            ["KBS Radio", "Lee Hyun-joo"],
        ),
    ],
)
def test_a_medium_the_speaker_spoke_on_relays_the_words(text, words, chain):
    assert chain_of(quote_with(text, words)) == chain


def test_said_on_a_day_or_a_platform_is_no_relay():
    text = "Officials said on Twitter on Monday that the road was closed."
    assert chain_of(quote_with(text, "the road was closed")) == ["Officials"]
