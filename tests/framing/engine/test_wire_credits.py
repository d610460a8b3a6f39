"""Wire credits by the slot they stand in (issue 10, h-credits): a credit is read from the
first lines or the last lines of an article, in whatever typography the desk uses there, and
never from a medium named in the story's own sentences."""

from __future__ import annotations

import pytest

from framing.engine.relays import credit_excerpt, wire_origin

BODY = (
    "The ministry said on Wednesday that the new rules would apply from January, and that "
    "companies had been told to prepare."
)


def _closing(line: str) -> str:
    return f"PARIS — {BODY}\n\n{line}"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("— with AFP", "Agence France-Presse"),
        ("(With AFP)", "Agence France-Presse"),
        ("(With inputs from PTI)", "Press Trust of India"),
        ("With additional reporting from Reuters", "Reuters"),
        ("Additional reporting by Reuters", "Reuters"),
        ("Source: Xinhua Editor: Zhang Rui", "Xinhua"),
        ("Ukrinform", "Ukrinform"),
        ("(AFP)", "Agence France-Presse"),
        ("==Kyodo", "Kyodo"),
        ("— AFP/dm", "Agence France-Presse"),
        ("Copyright © 2026 Reuters. All rights reserved.", "Reuters"),
        ("(c) Copyright Thomson Reuters 2026. Click For Restrictions", "Reuters"),
        ("The Associated Press contributed to this report.", "Associated Press"),
        (
            "Associated Press writer Jane Doe in Paris contributed to this report.",
            "Associated Press",
        ),
        ("Reuters' Tom Lee contributed reporting.", "Reuters"),
        ("— AFP, Reuters", "Agence France-Presse"),
        ("Reuters/AFP", "Reuters"),
        ("The statement said the port would reopen on Friday. (PNA)", "PNA"),
    ],
)
def test_a_closing_credit_line_names_the_origin(line, name):
    origin = wire_origin(_closing(line))
    assert origin is not None and origin.name == name


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Adapted from a report by the Austin American-Statesman.", "Austin American-Statesman"),
        (
            "This story was produced in partnership with ProPublica, a nonprofit newsroom that "
            "investigates abuses of power.",
            "ProPublica",
        ),
        (
            "This article is republished from The Conversation under a Creative Commons license.",
            "Conversation",
        ),
        (
            "This story was produced in partnership with the Pulitzer Center on Crisis Reporting.",
            "Pulitzer Center on Crisis Reporting",
        ),
        ("Originally published by the Texas Tribune.", "Texas Tribune"),
    ],
)
def test_a_syndication_or_partnership_line_names_the_origin(line, name):
    origin = wire_origin(_closing(line))
    assert origin is not None and origin.name == name


@pytest.mark.parametrize(
    "text",
    [
        f"MOSCOW, Dec 2 - {BODY}\n\nReporting by Dmitri Lavrov; Editing by Helen Marsh",
        f"NAIROBI, May 6 - {BODY}\n\n(Reporting by Duncan Mwangi; Additional reporting by Aisha "
        "Salim in Mombasa; Writing by Clare Ndirangu; Editing by Frances Kerry)",
        f"MOSCOW — {BODY}\n\nOur Standards: The Thomson Reuters Trust Principles.",
    ],
)
def test_reuters_desk_signature_names_reuters(text):
    origin = wire_origin(text)
    assert origin is not None and origin.name == "Reuters"


def test_a_named_closing_credit_wins_over_a_desk_signature():
    text = f"PARIS — {BODY}\n\n(Reporting by Ana Ruiz; Editing by Tom Grady)\n\n— with AFP"
    assert wire_origin(text).name == "Agence France-Presse"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (f"Dec 2 (Reuters) - {BODY}", "Reuters"),
        (f"BERLIN, 2 December (dpa) - {BODY}", "Deutsche Presse-Agentur"),
        (f"BAKU, Azerbaijan, December 2. Trend: {BODY}", "Trend"),
        (f"Moscow. December 2. INTERFAX - {BODY}", "Interfax"),
        (f"By Jane Doe (AFP)\n\nPARIS — {BODY}", "Agence France-Presse"),
        (f"By JANE DOE AP Business Writer\n\nNEW YORK — {BODY}", "Associated Press"),
        (f"By Reuters\n\nLONDON — {BODY}", "Reuters"),
        (f"AFP | Dec 2, 2026\n\nPARIS — {BODY}", "Agence France-Presse"),
        (f"Source: Xinhua | Updated: 2026-12-02 10:12\n\nBEIJING — {BODY}", "Xinhua"),
        (f"GEORGE TOWN, May 6 -- {BODY}\n\n-- BERNAMA", "Bernama"),
        (f"New Delhi [India], December 2 (ANI): {BODY}", "ANI"),
        (f"AFP-JIJI\n\nTOKYO — {BODY}", "Agence France-Presse"),
    ],
)
def test_a_credit_in_the_first_lines_names_the_origin(text, name):
    origin = wire_origin(text)
    assert origin is not None and origin.name == name


@pytest.mark.parametrize(
    "text",
    [
        # a medium in the story's own sentences, first or last
        _closing("Reuters reported on Tuesday that the talks had failed."),
        _closing("Two officials told AFP."),
        f"Reuters reported on Tuesday that {BODY}",
        # a source line that names no medium: an organisation's data is no agency credit
        _closing("Source: the ministry"),
        _closing("Source: World Bank"),
        _closing("Source: Reuters calculations"),
        # "agencies" names no one; a reporter or an editor is no credit
        _closing("With inputs from agencies"),
        _closing("Staff writer Jane Doe contributed to this report."),
        _closing("Editor: Zhang Rui"),
        _closing("(Reporting by Jane Doe)"),
        # a photo credit credits the picture, not the text
        _closing("Photo: AFP"),
        _closing("AFP via Getty Images"),
        # not an outlet: a date, a person, a place, a report the story is about
        _closing("This story was first published in March."),
        _closing("This story was written by Jane Doe."),
        _closing("This story was reported from Kyiv."),
        _closing("This report was produced by the Copernicus Climate Change Service."),
        _closing("Adapted from a report by the World Health Organization."),
        f"LONDON, May 6. Analysis: {BODY}",
        _closing("The ministry said (AFP) nothing of the kind on Monday."),
        _closing("An AFP-owned studio opened."),
    ],
)
def test_a_medium_outside_a_credit_slot_is_no_origin(text):
    assert wire_origin(text) is None


def test_a_closing_credit_naming_the_outlet_itself_is_no_origin():
    text = _closing("This story was produced by the Kestria Ledger's investigations team.")
    assert wire_origin(text, "The Kestria Ledger") is None
    text = _closing("(Reporting by Anna Keel; Editing by Toby Marsh)")
    assert wire_origin(text, "Reuters") is None
    assert wire_origin(text, "Harbour Times").name == "Reuters"


def test_an_agency_named_mid_article_is_no_closing_credit():
    text = f"PARIS — {BODY}\n\nAFP\n\n" + BODY * 4
    assert wire_origin(text) is None


def test_the_apps_excerpt_reads_like_the_whole_text():
    # the app reads the first 400 and the last 300 characters; a line cut at the tail's start
    # ("… told AFP.") must not read as a line of its own
    lead = "WASHINGTON — " + BODY * 4
    text = lead + "\n\nThe aide spoke on condition of anonymity and told AFP.\n\nThe vote is due."
    cut = text.index("AFP.")
    text = text + " " + "x" * (300 - (len(text) - cut) - 1)
    tail = text[-300:]
    assert tail.startswith("AFP.")
    assert wire_origin(text) is None
    assert wire_origin(credit_excerpt(text[:400], tail)) is None
    credited = lead + "\n\n— with AFP"
    assert wire_origin(credit_excerpt(credited[:400], credited[-300:])).name == (
        "Agence France-Presse"
    )
