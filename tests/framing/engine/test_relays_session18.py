"""Session 18 (issue 10): credit forms found on the fresh relay dev sets relays_dev41–46
(sports and culture copy, Pacific and Caribbean agencies, Eastern Europe and Central Asia,
regional papers running wire copy, disasters and health, East Asian and Gulf agencies)."""

from __future__ import annotations

import pytest

from framing.engine.relays import wire_origin

from .voice_helpers import analyzed_quotes as _quotes

LEDE = "The council voted on Wednesday to freeze transit fares for next year."
STORY = (
    "\n\nThe mayor said the freeze would cost about $3 million.\n\nThe budget vote is on Dec. 16."
)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # PACNEWS: the day before the month in capitals, three dashes; and its closing line
        (
            "SUVA, 03 DECEMBER 2026 (PACNEWS) --- Residents should expect intermittent water "
            "supply until next Wednesday, the Water Authority of Fiji has warned." + STORY,
            "PACNEWS",
        ),
        (LEDE + STORY + "\n\n....PACNEWS", "PACNEWS"),
        # 24.kg's correspondent, reporting from where it happened
        (
            "Bishkek will replace 60 kilometres of heating mains over three years, a 24.kg news "
            "agency correspondent reports from a meeting of the city council on Thursday." + STORY,
            "24.kg",
        ),
        # UzA alone on the last line
        (LEDE + STORY + "\n\nUzA", "UzA"),
        # regional papers' credit lines
        (LEDE + STORY + "\n\n— With files from The Canadian Press", "Canadian Press"),
        (
            LEDE + STORY + "\n\n(Additional reporting by Reuters; editing by the Examiner's desk)",
            "Reuters",
        ),
        ("By Ellen Ward, PA, and Staff Reporter\n\n" + LEDE + STORY, "PA Media"),
        ("By Rural Affairs Reporter, with AAP\n\n" + LEDE + STORY, "Australian Associated Press"),
        # a broadcaster's site rewriting agency copy; DW's editors' initials, then the agencies
        (LEDE + STORY + "\n\n(FRANCE 24 with AFP)", "Agence France-Presse"),
        (LEDE + STORY + "\n\nab/tj (AFP, Reuters)", "Agence France-Presse"),
        # a source line with the editor's initials after the agency
        (LEDE + STORY + "\n\nSource: Reuters/fh", "Reuters"),
        # Anadolu's closing "*Writing by …"
        ("ANKARA\n\n" + LEDE + STORY + "\n\n*Writing by Burak Dag", "Anadolu"),
    ],
)
def test_credits_in_the_forms_those_services_and_papers_print(text: str, name: str) -> None:
    origin = wire_origin(text)
    assert origin is not None and origin.name == name, (text, origin)


@pytest.mark.parametrize(
    "text",
    [
        # a closing line naming where a broadcaster's segment was made, with no agency in it
        LEDE + STORY + "\n\n(Filmed with the help of local residents)",
        # "with files" from a body that is no medium
        LEDE + STORY + "\n\n— With files from the city clerk's office",
        # a byline shared between two of the paper's own reporters
        "By Ellen Ward and Tom Lee\n\n" + LEDE + STORY,
        # an asterisk note that is no desk's signature
        LEDE + STORY + "\n\n*Figures from the city's transit authority",
        # a correspondent of a paper the list does not know as an agency
        "Fares will rise, a Riverside Gazette correspondent reports from the council." + STORY,
    ],
)
def test_no_credit_where_none_stands(text: str) -> None:
    assert wire_origin(text) is None


@pytest.mark.parametrize(
    ("text", "span", "speaker", "chain"),
    [
        # a long title before the name, opening the sentence
        (
            "Association of Marine Park Tourism Operators executive director Col McKenzie told "
            "Reuters that operators were moving dive sites to deeper reefs.",
            "operators were moving dive sites to deeper reefs",
            "Col McKenzie",
            ("Reuters", "Col McKenzie"),
        ),
        (
            "But the general secretary of the Fiji Cane Growers Association, Bala Dass, told FBC "
            "News that farmers had been waiting up to five days at the mill gate.",
            "farmers had been waiting up to five days at the mill gate",
            "Bala Dass",
            ("FBC News", "Bala Dass"),
        ),
        # where the speaker is from closes the name
        (
            "Farmer Jasur Ergashev from Samarkand region told Gazeta.uz that many growers had "
            "lost part of the crop to frost.",
            "many growers had lost part of the crop to frost",
            "Farmer Jasur Ergashev",
            ("Gazeta.uz", "Farmer Jasur Ergashev"),
        ),
        # "Atty." is no sentence's end
        (
            "His lawyer, Atty. Rommel Sison, told ABS-CBN News that they would file a motion.",
            "they would file a motion",
            "Atty. Rommel Sison",
            ("ABS-CBN News", "Atty. Rommel Sison"),
        ),
        # after "said", lower-case words open the clause: they are no audience
        (
            "Speaking to News18 Bihar, Congress legislator Shakeel Ahmad Khan said voters in the "
            "city had lost faith in the process.",
            "voters in the city had lost faith in the process",
            "Shakeel Ahmad Khan",
            ("News18 Bihar", "Shakeel Ahmad Khan"),
        ),
        # people a medium cites, and a grandchild quoted
        (
            "WalesOnline, citing sources within the union, reported that the board had given "
            "Pike its full backing.",
            "the board had given Pike its full backing",
            "sources within the union",
            ("WalesOnline", "sources within the union"),
        ),
        (
            "GMA News, citing the promoter's camp, reported that the team had rejected a rematch.",
            "the team had rejected a rematch",
            "the promoter's camp",
            ("GMA News", "the promoter's camp"),
        ),
        (
            "Brazilian news site g1 quoted his granddaughter, Luana Santos, as saying that he had "
            "spent his last afternoon singing.",
            "he had spent his last afternoon singing",
            "his granddaughter, Luana Santos",
            ("g1", "his granddaughter, Luana Santos"),
        ),
        # a local station after its city
        (
            "Councillor Deirdre Heney told Dublin's FM104 that she had stopped naming her street.",
            "she had stopped naming her street",
            "Councillor Deirdre Heney",
            ("FM104", "Councillor Deirdre Heney"),
        ),
    ],
)
def test_clauses_found_with_their_speaker_and_relay(
    text: str, span: str, speaker: str, chain: tuple[str, ...]
) -> None:
    assert (span, speaker, chain) in _quotes(text), _quotes(text)


@pytest.mark.parametrize(
    "second",
    [
        # the medium named before, by its place and kind
        "Platforms had to answer for it, he told the Abu Dhabi-based newspaper.",
        "Platforms had to answer for it, he told the Al Ain newspaper.",
    ],
)
def test_a_medium_called_by_its_place_and_kind_is_the_one_named_before(second: str) -> None:
    text = (
        "The ruling came in Al Ain on Tuesday. Hamdan Al Shamsi told The National that it was "
        "one of the first such judgments. " + second
    )
    last = _quotes(text)[-1]
    assert last[0] == "Platforms had to answer for it"
    assert last[2] == ("The National", "Hamdan Al Shamsi")


def test_a_clause_of_its_own_before_the_speaker_is_no_part_of_the_speaker() -> None:
    text = "Residents of the coastal town fled when Superintendent Levi said the dam would break."
    assert ("the dam would break", "Superintendent Levi", ("Superintendent Levi",)) in _quotes(text)


def test_a_quote_after_told_the_programme_or_the_site_keeps_its_speaker_and_medium() -> None:
    text = (
        "Residents told Telediario that ash had covered cars overnight. A street vendor, Rosa "
        'Martínez, told the programme: "We sweep in the morning and by noon it is grey again."'
    )
    last = _quotes(text)[-1]
    assert last == (
        "We sweep in the morning and by noon it is grey again.",
        "Rosa Martínez",
        ("Telediario", "Rosa Martínez"),
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # agencies' own bylines, head lines and closing marks, in their house styles
        ("by Xinhua writers Wang Lei, Li Na\n\n" + LEDE + STORY, "Xinhua"),
        (LEDE + STORY + "\n\nSource(s): Xinhua News Agency", "Xinhua"),
        ("KYODO NEWS - Dec 3, 2026 - 12:34 | All, Japan\n\n" + LEDE + STORY, "Kyodo News"),
        (LEDE + STORY + "\n\nEnditem", "Xinhua"),
        (LEDE + STORY + "\n\nEnditem/AW", "CNA"),
        (LEDE + STORY + "\n\n(END)", "Yonhap"),
    ],
)
def test_house_style_marks_name_the_agency(text: str, name: str) -> None:
    origin = wire_origin(text)
    assert origin is not None and origin.name == name, (text, origin)


@pytest.mark.parametrize(
    "text",
    [
        "By Wang Lei and Li Na\n\n" + LEDE + STORY,
        LEDE + STORY + "\n\nSources: the ministry of transport",
        LEDE + STORY + "\n\nEnd of the item",
        # a name and a dash opening a long first line is the story, not a head line: a
        # medium's name with a date after its dash ("KYODO NEWS - Dec 3") is one (an agency
        # opening the story this way is a credit: session 19's "NNA - …")
        "The Kestria Ledger - The president said on Monday that he would veto the bill that "
        "parliament passed last week.\n\n" + LEDE + STORY,
    ],
)
def test_no_house_style_credit_where_none_stands(text: str) -> None:
    assert wire_origin(text) is None
