"""Session 17 (issue 10): relay forms found on the fresh relay dev sets relays_dev35–40 (South
and Southeast Asian, European, African and Middle Eastern agency copy, business wires, the
Americas, conflict reported at second hand), and a medium's own report of an act, which names
no speaker behind it."""

from __future__ import annotations

import pytest

from framing import engine
from framing.engine.relays import wire_origin


def _quotes(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [
        (text[q.start : q.end], q.speaker or "", tuple(q.chain))
        for q in engine.analyze(text).quotes
    ]


@pytest.mark.parametrize(
    "text",
    [
        # what the ministers did, reported by the agency: no speaker behind Reuters
        "According to Reuters, the ministers agreed a fund of $2 billion for the region.",
        "The ministers agreed a fund of $2 billion for the region, Reuters reported.",
        "Divers found the wreck on Tuesday, the Antara news agency reported.",
    ],
)
def test_an_act_a_medium_reports_is_the_mediums_own_report(text: str) -> None:
    quotes = _quotes(text)
    assert quotes, text
    for _span, speaker, chain in quotes:
        assert len(chain) == 1 and speaker == chain[0], (text, speaker, chain)


def test_found_that_still_names_the_finder_behind_the_medium() -> None:
    text = "Inspectors found that the dam was unsafe, Reuters reported."
    [(span, speaker, chain)] = _quotes(text)
    assert span == "the dam was unsafe"
    assert (speaker, chain) == ("Inspectors", ("Reuters", "Inspectors"))


STORY = "\n\nThe council said it would publish its plan in the spring.\n\nThe vote is on Monday."


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # press-release wires, each in its own dateline form
        (
            "SOUTH SAN FRANCISCO, Calif.--(BUSINESS WIRE)--Lumen Bio, Inc. today announced "
            "results from its trial." + STORY,
            "Business Wire",
        ),
        (
            "VANCOUVER, British Columbia, Dec. 03, 2026 (GLOBE NEWSWIRE) -- Norrow Metals Corp. "
            "is pleased to announce the closing of its financing." + STORY,
            "GlobeNewswire",
        ),
        (
            "Vancouver, British Columbia--(Newsfile Corp. - December 3, 2026) - Tidewater Gold "
            "Corp. is pleased to report assay results." + STORY,
            "Newsfile",
        ),
        # APA's "APA-City (Country) –"
        ("APA-Dakar (Senegal) – Senegal expects its deficit to narrow next year." + STORY, "APA"),
        # Ukrinform's line of who said it, closing the second paragraph
        (
            "The court has upheld the seizure of the assets.\n\nThis was reported by the press "
            "service of the prosecutor's office, Ukrinform reports.\n\nThe case goes on.",
            "Ukrinform",
        ),
    ],
)
def test_credits_in_the_forms_those_services_print(text: str, name: str) -> None:
    origin = wire_origin(text)
    assert origin is not None and origin.name == name, (text, origin)


@pytest.mark.parametrize(
    "text",
    [
        # a present-tense "reports" in the second paragraph with no "This was … by" is a relay
        "The court has upheld the seizure.\n\nThe appeal failed, Reuters reports.\n\nMore.",
        # a hyphenated word opening a line is no agency
        "PA-style reporting - the council met on Monday." + STORY,
    ],
)
def test_no_credit_where_none_stands(text: str) -> None:
    assert wire_origin(text) is None


def test_a_tag_closed_by_the_medium_named_before_by_its_kind() -> None:
    text = (
        "The tanker had been detained, Reuters said, quoting the state broadcaster. The seizure "
        "had been ordered by a judge in Hormozgan province, state television said, according "
        "to the agency."
    )
    last = _quotes(text)[-1]
    assert last[0] == "The seizure had been ordered by a judge in Hormozgan province"
    assert (last[1], last[2]) == ("state television", ("Reuters", "state television"))


def test_a_speaker_tag_before_according_to_the_service_keeps_the_speaker() -> None:
    text = (
        "Radio Liberty, citing police in Mitrovica, reported that two cars had been set on fire. "
        "No one had been injured, the police said, according to the service."
    )
    span, speaker, chain = _quotes(text)[-1]
    assert span == "No one had been injured"
    assert speaker == "the police" and len(chain) == 2
