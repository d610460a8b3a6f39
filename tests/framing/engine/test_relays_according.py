"""'According to' formulas and agency datelines in the shapes wire copy uses (issue 10, round
13, branch h-according): the medium whose piece the words come from is the relay, whatever
the piece ("a report published on Thursday by", "an interview he gave to", "footage aired
by"); a dateline's credit is read through no-break spaces, long place names, a page's head and
a dash closing the last paragraph, and a country in brackets is no credit."""

from __future__ import annotations

import pytest

from framing import engine
from framing.engine.relays import HEAD_CHARS, credit_excerpt, usual_relay_name, wire_origin


def _chain(text: str, words: str) -> tuple[str, ...]:
    a = text.index(words)
    b = a + len(words)
    hits = [q for q in engine.analyze(text).quotes if q.kind != "scare" and q.start < b > a]
    hits = [q for q in hits if q.end > a]
    assert hits, f"no attribution holds {words!r}"
    best = max(hits, key=lambda q: min(q.end, b) - max(q.start, a))
    return tuple(usual_relay_name(link) for link in best.chain)


@pytest.mark.parametrize(
    ("text", "words", "chain"),
    [
        (
            "The coalition, which has governed the province since the last election, will not "
            "seek new partners, according to a report published on Thursday by the daily "
            "Dagens Nyheter.",
            "will not seek new partners",
            ("Dagens Nyheter",),
        ),
        (
            "General Ivo Rask said the offensive would resume in spring, according to an "
            "interview he gave to Sky News.",
            "the offensive would resume",
            ("Sky News", "General Ivo Rask"),
        ),
        (
            "No talks are planned, the spokeswoman said, according to a transcript of the "
            "briefing carried by TASS.",
            "No talks are planned",
            ("TASS", "the spokeswoman"),
        ),
        (
            "According to footage aired by state television, the minister visited the front.",
            "the minister visited the front",
            ("state television",),
        ),
        (
            "According to a report by the Jiji Press news agency, Tokyo will send a delegation.",
            "Tokyo will send a delegation",
            ("Jiji Press",),
        ),
        (
            "The army, according to a report by Xinhua, has moved two brigades to the border.",
            "has moved two brigades",
            ("Xinhua",),
        ),
        (
            "According to Kyiv's military administration, quoted by Ukrinform, three people "
            "were hurt.",
            "three people were hurt",
            ("Ukrinform", "Kyiv's military administration"),
        ),
        (
            "Officials in the port city said the fire had been contained, according to the "
            "German news agency dpa.",
            "the fire had been contained",
            ("dpa", "Officials in the port city"),
        ),
        (
            "Health Minister Ali Koca said 30 people had been hurt, according to the state-run "
            "Anadolu Agency.",
            "30 people had been hurt",
            ("Anadolu", "Health Minister Ali Koca"),
        ),
        (
            "The senator will retire next year, according to the Playbook newsletter, which "
            "cited two aides.",
            "The senator will retire",
            ("the Playbook newsletter", "two aides"),
        ),
    ],
)
def test_according_to_a_mediums_piece_names_the_medium(text, words, chain):
    assert _chain(text, words) == chain


def test_a_source_between_subject_and_verb_that_is_no_medium_is_no_relay():
    assert _chain(
        "Prices, according to the central bank, will rise by 3 percent next year.", "will rise"
    ) == ("the central bank",)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("LONDON,\u00a0June 3 (Reuters) -\u00a0British inflation fell.", "Reuters"),
        ("WASHINGTON\u00a0(AP)\u00a0—\u00a0The Senate passed the bill.", "Associated Press"),
        ("DUBAI, United Arab Emirates (AP) — Iran seized a tanker.", "Associated Press"),
        ("NEW DELHI, June 3, (IANS): The court sought a reply.", "IANS"),
        ("ANKARA (AA) - Turkish officials met on Tuesday.", "Anadolu"),
        ("OTTAWA (CP) — The government tabled its budget.", "Canadian Press"),
        ("BERLIN (dpa-AFX) - German shares closed higher.", "dpa-AFX"),
    ],
)
def test_dateline_credits_in_more_typographies(text, name):
    origin = wire_origin(text)
    assert origin is not None and origin.name == name


@pytest.mark.parametrize(
    "text",
    [
        "SAN JOSE (Costa Rica) — The government declared a state of emergency.",
        "ISTANBUL (Turkey) - Police detained 30 people after the protest.",
        "KYIV (Ukraine) — Air raid sirens sounded overnight.",
    ],
)
def test_a_country_in_brackets_after_the_city_is_no_credit(text):
    assert wire_origin(text) is None


HEAD = (
    "China expands visa-free entry to six more countries as tourism recovers\n\n"
    "The move is the latest in a series of steps meant to revive inbound travel, which has "
    "lagged behind other large economies since the borders reopened, analysts say.\n\n"
    "Travellers queue at a border checkpoint in Shenzhen on Monday. Photo: File\n\n"
    "Updated: 14:05, 3 Jun 2026\n\nShare this article\n\nBy Staff Writer\n\n"
)
STORY = "BEIJING, June 3 (Xinhua) -- China will extend its visa-free policy from July."


def test_a_dateline_after_a_pages_head_is_read_as_the_app_reads_it():
    text = HEAD + "Related coverage and more photographs below.\n\n" + STORY + " More." * 50
    assert len(text[: text.index("BEIJING")]) > 400
    assert wire_origin(text).name == "Xinhua"
    assert wire_origin(credit_excerpt(text[:HEAD_CHARS], text[-300:])).name == "Xinhua"
    # after the story's prose has begun, a bracketed credit is a quoted line, not the dateline
    prose = " ".join(["The ministry said the rules would apply from January."] * 5)
    assert wire_origin(prose + "\n\n" + prose + "\n\n" + STORY) is None


@pytest.mark.parametrize(
    ("ending", "name"),
    [(" — Reuters", "Reuters"), ("—AFP", "Agence France-Presse"), (" -- Bernama", "Bernama")],
)
def test_an_agency_after_a_dash_closing_the_last_paragraph_credits_it(ending, name):
    text = "PARIS — The cabinet approved the budget.\n\nUnions said they would strike." + ending
    assert wire_origin(text).name == name


def test_a_person_after_a_dash_closing_the_text_is_no_credit():
    assert wire_origin("PARIS — The cabinet approved the budget. — Jane Doe") is None
