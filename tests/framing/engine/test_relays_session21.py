"""Session 21 (issue 10): forms found on the fresh relay dev sets relays_dev65–68."""

from __future__ import annotations

import pytest

from framing.engine.relays import wire_origin

from .voice_helpers import analyzed_quotes as _quotes

LEDE = "Hundreds of families were evacuated on Tuesday as the river rose, local officials said."


@pytest.mark.parametrize(
    ("text", "span", "speaker", "chain"),
    [
        # an opening adverb before "X reported, citing Y, that": the comma after the verb
        # opens the source cited, not a tag inside the sentence
        (
            "Separately, the Maeil Business Newspaper reported, citing financial authorities, "
            "that household loans rose.",
            "household loans rose",
            "financial authorities",
            ("the Maeil Business Newspaper", "financial authorities"),
        ),
        (
            "Meanwhile, The Edge reported, citing cargo surveyor Intertek Testing Services, "
            "that exports rose.",
            "exports rose",
            "Intertek Testing Services",
            ("The Edge", "Intertek Testing Services"),
        ),
        # a plural possessive in the lower-case title before the source cited
        (
            "Valor reported, citing exporters' association Anec, that soybean shipments "
            "totalled 4.2 million tonnes.",
            "soybean shipments totalled 4.2 million tonnes",
            "Anec",
            ("Valor", "Anec"),
        ),
        # "that" after "remarks" opens the relative clause, it is no part of the speaker
        (
            "The Economic Times, citing remarks that Heavy Industries Secretary Kamal Bhatia "
            "made on CNBC-TV18, reported that the ministry would not penalise the company.",
            "the ministry would not penalise the company",
            "Heavy Industries Secretary Kamal Bhatia",
            ("The Economic Times", "CNBC-TV18", "Heavy Industries Secretary Kamal Bhatia"),
        ),
        # a hyphenated channel name is one medium
        (
            "Speaking to CNBC-TV18, Nasscom president Deepa Menon said hiring would pick up.",
            "hiring would pick up",
            "Deepa Menon",
            ("CNBC-TV18", "Deepa Menon"),
        ),
        # "the media group", "the business daily": a second mention of the medium
        (
            "Finance Minister Andrei Gusev said in an interview with RBC that the budget was "
            "safe. The ministry would keep buying currency, he told the media group.",
            "The ministry would keep buying currency",
            "Finance Minister Andrei Gusev",
            ("RBC", "Finance Minister Andrei Gusev"),
        ),
        (
            "Finance Minister Andrei Gusev said in an interview with Mint that the budget was "
            "safe. The plant would open in March, he told the business daily.",
            "The plant would open in March",
            "Finance Minister Andrei Gusev",
            ("Mint", "Finance Minister Andrei Gusev"),
        ),
        # a medium the list knows by a lower-case name, in a closing tag citing a document
        (
            "The publisher had settled with Stefan Krallmann, dpa reported, citing court "
            "documents.",
            "The publisher had settled with Stefan Krallmann",
            "court documents",
            ("dpa", "court documents"),
        ),
        # an owner's name and a title before the person quoted
        (
            "APTN News, quoting Qulaut's producer Jean-Michel Lévesque, said the album had "
            "been recorded in a hall.",
            "the album had been recorded in a hall",
            "Jean-Michel Lévesque",
            ("APTN News", "Jean-Michel Lévesque"),
        ),
        # the documents a medium has seen speak through it
        (
            "Dagens Nyheter reported on Wednesday, citing emails it had seen, that a freelance "
            "writer had drafted the novel.",
            "a freelance writer had drafted the novel",
            "emails",
            ("Dagens Nyheter", "emails"),
        ),
        # a paper reporting what someone had told a broadcaster's programme: the broadcaster
        (
            "La Presse reported that Énergir had told Radio-Canada's Tout un matin that it "
            "would keep serving its customers.",
            "it would keep serving its customers",
            "Énergir",
            ("La Presse", "Radio-Canada", "Énergir"),
        ),
        (
            "The Herald reported that councillor Jon Molyneux had told BBC Radio Scotland's "
            "Good Morning Scotland that enforcement was underfunded.",
            "enforcement was underfunded",
            "Jon Molyneux",
            ("The Herald", "BBC Radio Scotland", "Jon Molyneux"),
        ),
        # a BBC local station is one medium, not "BBC Radio"
        (
            "Speaking to BBC Radio Gloucestershire afterwards, Janet Hollis said residents "
            "were considering a legal challenge.",
            "residents were considering a legal challenge",
            "Janet Hollis",
            ("BBC Radio Gloucestershire", "Janet Hollis"),
        ),
        # "agency" after a nationality, before an agency the list knows, names a medium
        (
            "Fico said Slovakia would keep seeking gas transit via Ukraine, according to the "
            "Slovak agency TASR.",
            "Slovakia would keep seeking gas transit via Ukraine",
            "Fico",
            ("TASR", "Fico"),
        ),
        # "that" opens the clause after the source cited: "that the ministers" is no speaker
        (
            "Bulgarian National Radio reported, citing diplomatic sources, that the ministers "
            "had agreed to set up a working group.",
            "the ministers had agreed to set up a working group",
            "diplomatic sources",
            ("Bulgarian National Radio", "diplomatic sources"),
        ),
    ],
)
def test_clauses_found_with_their_speaker_and_relay(
    text: str, span: str, speaker: str, chain: tuple[str, ...]
) -> None:
    assert (span, speaker, chain) in _quotes(text), _quotes(text)


def test_a_un_agency_is_no_medium() -> None:
    from framing.engine import speaker_context

    assert not speaker_context.is_media("the UN refugee agency UNHCR")


def test_speaking_to_reporters_is_heard_directly_not_through_the_earlier_relay() -> None:
    text = (
        "The Economic Times, citing remarks that Heavy Industries Secretary Kamal Bhatia made "
        "on CNBC-TV18, reported that the ministry would not penalise the company.\n\n"
        "Speaking to reporters in New Delhi later, Bhatia said a review of all battery "
        "projects would be completed by March."
    )
    later = [q for q in _quotes(text) if q[0].startswith("a review")]
    assert later and later[0][2] == ("Heavy Industries Secretary Kamal Bhatia",), later


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        # a republishing note naming a newsroom the longer media list knows
        (
            LEDE + "\n\nMiners' shares were mixed.\n\nOriginally published by BusinessDay.",
            "BusinessDay",
        ),
        # a price agency's copyright line
        (LEDE + "\n\n© 2026 Argus Media group. All rights reserved.", "Argus Media"),
        # the rewrite desk's formula naming the agency's field
        (
            LEDE[:-1] + ", the Prime business news agency reports.\n\nMore rain is due.",
            "Prime",
        ),
        # the paper's staff with the agency's copy, over the story
        ("Staff and MTI\n\n" + LEDE, "MTI"),
        # the present-tense formula with "says"
        (LEDE[:-1] + ", the ČTK news agency says.\n\nMore rain is due.", "ČTK"),
        # a republishing note naming a TV partner
        (
            LEDE + "\n\nThis story was originally published by our news partners at KXAN.",
            "KXAN",
        ),
        # a byline naming the Local Democracy Reporting Service
        (
            "By Tom Wickes, Local Democracy Reporting Service\n\n" + LEDE,
            "Local Democracy Reporting Service",
        ),
    ],
)
def test_credits_in_more_placements(text: str, credit: str) -> None:
    origin = wire_origin(text)
    assert origin is not None and credit in (origin.credit, origin.name), (text, origin)


@pytest.mark.parametrize(
    "text",
    [
        # "Prime" is a slot name: known only where a credit stands
        "The Prime Minister said on Thursday the plan would go ahead.\n\nMore is due.\n\nPrime "
        "time viewers were told the same.",
        LEDE + "\n\nArgus, the shop's dog, was rescued by firefighters.",
        # "Staff and agencies" names no agency
        "Staff and agencies\n\n" + LEDE,
    ],
)
def test_no_credit_where_none_stands(text: str) -> None:
    assert wire_origin(text) is None


def test_a_republishing_note_under_another_name_drops_the_link_to_its_own_house() -> None:
    from framing.engine.relays import agency_name

    # "This article first appeared in Caixin Global" and "told Caixin": one house
    assert agency_name("Caixin Global") == agency_name("Caixin")


def test_an_agency_known_by_its_initials_in_a_credit_slot_is_one_source_with_its_long_name() -> (
    None
):
    from framing.engine.relays import same_source

    # "told PAP" in copy republished from "the Polish Press Agency (PAP)"
    assert same_source("PAP", "the Polish Press Agency")
    assert same_source("MAP", "Maghreb Arabe Presse")
    assert not same_source("PAP", "Reuters")
