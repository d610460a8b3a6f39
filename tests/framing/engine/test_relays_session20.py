"""Session 20 (issue 10): clauses and credits left over from session 19, and forms found on
the fresh relay dev sets relays_dev57–64."""

from __future__ import annotations

import pytest

from framing.engine.relays import wire_origin

from .voice_helpers import analyzed_quotes as _quotes

LEDE = "Hundreds of families were evacuated on Tuesday as the river rose, local officials said."


@pytest.mark.parametrize(
    ("text", "span", "speaker", "chain"),
    [
        # the occasion, its place and its day stand between the verb and "that"
        (
            "Ken Sato said at a news conference in Osaka that the city would bid again.",
            "the city would bid again",
            "Ken Sato",
            ("Ken Sato",),
        ),
        (
            "Ken Sato said at a press conference in Osaka on Monday that the city would bid.",
            "the city would bid",
            "Ken Sato",
            ("Ken Sato",),
        ),
        # a participle that is a title before the name in an apposition
        (
            "Dozens came. One of them, retired teacher Mary Lund, said the plan was too costly.",
            "the plan was too costly",
            "Mary Lund",
            ("Mary Lund",),
        ),
        # "One" counts people, it names no one
        (
            "Dozens came. One, unemployed welder Tom Rees, told the BBC the plan was too costly.",
            "the plan was too costly",
            "Tom Rees",
            ("BBC", "Tom Rees"),
        ),
        # the person a relative clause of saying is about
        (
            "Dozens came. Among them was retired teacher Mary Lund, who said the plan was too "
            "costly.",
            "the plan was too costly",
            "Mary Lund",
            ("Mary Lund",),
        ),
        # a media group's title is the medium, not the group that owns it
        (
            "Mayor Ken Boshcoff told Dougall Media's TBnewswatch that the budget was tight.",
            "the budget was tight",
            "Mayor Ken Boshcoff",
            ("TBnewswatch", "Mayor Ken Boshcoff"),
        ),
        (
            "Mayor Ken Boshcoff told Postmedia's Sudbury Star that the budget was tight.",
            "the budget was tight",
            "Mayor Ken Boshcoff",
            ("Sudbury Star", "Mayor Ken Boshcoff"),
        ),
        # what a paper found out, in its own voice, even with an official in it
        (
            "The Tribune reported that Mayor Ken Boshcoff had estimated the cost at $4 million.",
            "Mayor Ken Boshcoff had estimated the cost at $4 million",
            "The Tribune",
            ("The Tribune",),
        ),
    ],
)
def test_clauses_found_with_their_speaker_and_relay(
    text: str, span: str, speaker: str, chain: tuple[str, ...]
) -> None:
    assert (span, speaker, chain) in _quotes(text), _quotes(text)


@pytest.mark.parametrize(
    ("text", "speaker", "chain"),
    [
        # a source a medium cites, named by a title, a description or a document
        (
            "TASS reported, citing Rosatom chief Alexei Likhachev, that repair crews were ready.",
            "Alexei Likhachev",
            ("TASS", "Alexei Likhachev"),
        ),
        (
            "Prothom Alo, citing the factory's administration, reported that the owners had "
            "been unable to pay.",
            "the factory's administration",
            ("Prothom Alo", "the factory's administration"),
        ),
        (
            "Citizen Digital, quoting a broker at Africa Tea Brokers, said a weaker shilling had "
            "made tea more attractive.",
            "a broker at Africa Tea Brokers",
            ("Citizen Digital", "a broker at Africa Tea Brokers"),
        ),
        (
            "Helsingin Sanomat reported, citing the county's budget, that spending had risen.",
            "the county's budget",
            ("Helsingin Sanomat", "the county's budget"),
        ),
        # a medium's report in a clause of time late in the sentence
        (
            "Shares of Konkan Ports fell 7 per cent on Thursday after Reuters reported, citing "
            "two government sources, that tax officials were examining its transactions.",
            "two government sources",
            ("Reuters", "two government sources"),
        ),
        # a description ending in a place, then the name
        (
            "Speaking to Akicha FM, a herder from Kakuma, Mr Ekai Lokol, said he had lost 40 "
            "goats since August.",
            "Mr Ekai Lokol",
            ("Akicha FM", "Mr Ekai Lokol"),
        ),
        (
            "Speaking to the Kinmen Daily News, a Lieyu resident surnamed Hung said elderly "
            "residents paid NT$400 for a taxi.",
            "Hung",
            ("Kinmen Daily News", "Hung"),
        ),
    ],
)
def test_sources_heard_through_the_medium(text: str, speaker: str, chain: tuple[str, ...]) -> None:
    assert any(s == speaker and c == chain for _, s, c in _quotes(text)), _quotes(text)


@pytest.mark.parametrize(
    ("text", "speaker", "chain"),
    [
        # media the longer list (media_more.tsv) names, by lookup
        (
            "Irrigation Minister Manas Dutta told Anandabazar Patrika that the state would not "
            "agree to the deal.",
            "Irrigation Minister Manas Dutta",
            ("Anandabazar Patrika", "Irrigation Minister Manas Dutta"),
        ),
        (
            "Sinn Féin TD Niall Gallagher wrote in the Donegal News that the government should "
            "demand compensation.",
            "Sinn Féin TD Niall Gallagher",
            ("Donegal News", "Sinn Féin TD Niall Gallagher"),
        ),
        # a title, then the name in apposition: the name speaks
        (
            "Australia's Environment Minister, Mara Collins, told the BBC that the government had "
            "raised the matter.",
            "Mara Collins",
            ("BBC", "Mara Collins"),
        ),
        # asked by a medium about a report
        (
            "A State Department spokesperson, asked by Voice of America about the report, said "
            "Washington still backed the plan.",
            "A State Department spokesperson",
            ("Voice of America", "A State Department spokesperson"),
        ),
        # the medium told, inside the one quoting
        (
            "Yonhap News Agency quoted a coast guard official as telling Japanese broadcaster NHK "
            "that the crew had 1.2 tons of squid on board.",
            "a coast guard official",
            ("Yonhap News Agency", "NHK", "a coast guard official"),
        ),
        (
            "The Central News Agency quoted Commissioner Hsu Chen-wei as telling local radio that "
            "the county would ask for NT$500 million.",
            "Commissioner Hsu Chen-wei",
            # (the list knows Taiwan's agency since session 23: shown by its usual name)
            ("CNA", "local radio", "Commissioner Hsu Chen-wei"),
        ),
    ],
)
def test_media_named_and_told(text: str, speaker: str, chain: tuple[str, ...]) -> None:
    assert any(s == speaker and c == chain for _, s, c in _quotes(text)), _quotes(text)


def test_the_longer_media_list_is_known_by_lookup_only() -> None:
    from framing.engine import media, medium_names

    more = media.more_names()
    assert "Dainik Bhaskar" in more and "Korea Herald" in more
    assert "Dainik Bhaskar" not in media.names()  # not compiled into the patterns
    assert medium_names.is_medium_name("Dainik Bhaskar")
    assert not any(n in more for n in ("Forum", "Mercury", "Nation", "Today", "Trend"))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # whom a statement is made to that is no medium: a house, a judge, an exchange, a date
        (
            "Senior Minister Koh Poh Koon told the House that 110,000 members had made top-ups.",
            "Senior Minister Koh Poh Koon",
        ),
        (
            "Education Minister Mohamed Saad Berrada told the House of Representatives that "
            "teachers would get a raise.",
            "Education Minister Mohamed Saad Berrada",
        ),
        (
            "Bateman told U.S. District Judge Zachary Quinlan that he accepted the money.",
            "Bateman",
        ),
        (
            "Managing director Greg Tolhurst said in a statement to the Australian Securities "
            "Exchange that the company would keep producing.",
            "Greg Tolhurst",
        ),
        (
            "SINGAPORE – Rents for stalls will be frozen until 2028, Minister Grace Fu said on "
            "Dec 3.",
            "Minister Grace Fu",
        ),
    ],
)
def test_no_relay_where_no_medium_carried_the_words(text: str, speaker: str) -> None:
    found = _quotes(text)
    assert any(s == speaker for _, s, _ in found), found
    assert all(len(c) == 1 for _, _, c in found), found


@pytest.mark.parametrize(
    ("text", "speaker", "chain"),
    [
        # a broadcaster's programme stays the broadcaster's, a presenter too
        ("Ann Lee told NPR's Morning Edition that the budget was tight.", "Ann Lee", ("NPR",)),
        ("Ann Lee told CNN's Jake Tapper that the budget was tight.", "Ann Lee", ("CNN",)),
        # "had said" is words heard through the agency
        (
            "Yonhap reported that the ministry had said it would respond within a week.",
            "the ministry",
            ("Yonhap",),
        ),
    ],
)
def test_what_stays_as_it_was(text: str, speaker: str, chain: tuple[str, ...]) -> None:
    found = _quotes(text)
    assert any(s == speaker and c[: len(chain)] == chain for _, s, c in found), found


@pytest.mark.parametrize(
    "text",
    [
        # a picture's credit under the headline credits no copy
        "Flood waters rise in the south\nAFP - Getty Images\n\n" + LEDE,
        "Flood waters rise in the south\nReuters/Stringer\n\n" + LEDE,
    ],
)
def test_no_credit_where_none_stands(text: str) -> None:
    assert wire_origin(text) is None


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        # republishing notes, whatever the newsroom's name, at a line's or a sentence's start
        (LEDE + "\n\nThis article was originally published on Mongabay-India.", "Mongabay-India"),
        (LEDE + "\n\nThis article first appeared in Kazinform.", "Kazinform"),
        (
            LEDE + "\n\nThis article was originally published by Euractiv and is republished "
            "with permission.",
            "Euractiv",
        ),
        (
            LEDE + "\n\nOklahoma Voice is part of States Newsroom, a nonprofit news network. "
            "This article first appeared in Oklahoma Voice and is republished under a Creative "
            "Commons license.",
            "Oklahoma Voice",
        ),
        (
            LEDE + "\n\nRepublished with permission from the Kenya News Agency (KNA).",
            "Kenya News Agency",
        ),
        # closing and opening credits in the houses' own forms
        (LEDE + "\n\n– Additional reporting: PA", "PA"),
        (LEDE + "\n\nAzerTAc contributed to this report.", "AzerTAc"),
        (LEDE + "\n\nCMC/sc/ir/2026", "CMC"),
        (LEDE + "\n\n—JIS", "JIS"),
        ("With AFP\n\n" + LEDE, "AFP"),
        ("By Okeive Francis, JIS Reporter\n\n" + LEDE, "JIS"),
        # the rewrite desk's present-tense formula closing the lede
        (LEDE[:-1] + ", AAP reports.\n\nMore rain is due.", "AAP"),
        (LEDE[:-1] + ", the PA news agency reports.\n\nMore rain is due.", "PA"),
        (
            LEDE[:-1] + ", Reuters reports, citing the union.\n\nMore rain is due.",
            "Reuters",
        ),
    ],
)
def test_credits_in_more_placements(text: str, credit: str) -> None:
    origin = wire_origin(text)
    assert origin is not None and credit in (origin.credit, origin.name), (text, origin)


def test_a_past_tense_tag_in_the_lede_is_a_relay_not_a_credit() -> None:
    text = "Bangladesh will import rice, the state news agency BSS reported.\n\nMore is due."
    assert wire_origin(text) is None


def test_an_agency_line_under_the_headline_still_credits_the_copy() -> None:
    origin = wire_origin("Flood waters rise in the south\nAFP - Hong Kong\n\n" + LEDE)
    assert origin is not None and origin.credit == "AFP"
