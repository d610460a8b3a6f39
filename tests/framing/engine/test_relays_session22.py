"""Credit forms from the fresh dev sets relays_dev69–72 (session 22), measured before any rule
looked at them: a lede tag naming a news agency by initials no list knows, and a source line
over the story naming a masthead the longer list knows, or a known one with its edition's
name. Guards: a source line naming a body, the tag without "news agency"."""

from __future__ import annotations

import pytest

from framing.engine.relays import wire_origin

BODY = (
    "Floodwaters started to recede on Thursday, the provincial governor said.\n\n"
    "More rain is expected over the weekend, the weather office said."
)
OUTLET = "Gulf Coast Daily"


# the rules' own reading (the learned detector is tested on its own)
pytestmark = pytest.mark.usefixtures("rules_alone")


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        (
            "Authorities evacuated more than 3,000 people on Wednesday after the eruption, the "
            "Guatemalan government news agency AGN reports.\n\n" + BODY,
            "AGN",
        ),
        (
            "The judicial election will be held on March 8, the Bolivian state news agency ABI "
            "reports.\n\n" + BODY,
            "ABI",
        ),
        ("Source: FBC News\n\n" + BODY, "FBC News"),
        ("Source: Thai PBS World\n\n" + BODY, "Thai PBS World"),
    ],
    ids=["lede-initials", "lede-state-initials", "source-masthead", "source-edition"],
)
def test_credits_read(text: str, credit: str) -> None:
    found = wire_origin(text, OUTLET)
    assert found is not None and found.credit == credit


@pytest.mark.parametrize(
    "text",
    [
        "Source: World Bank\n\n" + BODY,
        "Source: Ministry of Health\n\n" + BODY,
        "The judicial election will be held on March 8, the agency ABI reports.\n\n" + BODY,
        "The vote was delayed.\n\nIt will be held on March 8, the state news agency ABI "
        "reported on Wednesday.\n\n" + BODY,
    ],
    ids=["source-a-bank", "source-a-ministry", "no-news-agency", "past-tense-later"],
)
def test_no_credit(text: str) -> None:
    assert wire_origin(text, OUTLET) is None
