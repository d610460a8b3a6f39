from __future__ import annotations

import pytest

from tests.factories import OutletFactory, make_article
from tests.reports.helpers import Term, store_analysis

HOSTILE_OUTLET = '<script>alert("o")</script> & Sons'
HOSTILE_TITLE = "<img src=x onerror=alert(1)> “Drills” =cmd|'/c calc'!A1"


@pytest.fixture
def hostile(analysed):
    """The analysed event plus a third outlet and article whose names are markup."""
    event = analysed["event"]
    outlet = OutletFactory(workspace=event.workspace, name=HOSTILE_OUTLET)
    text = (
        "The frigate sailed past the destroyer on Tuesday. "
        "Critics called the <b>drills</b> a dangerous stunt. "
        "Fishing boats stayed in port."
    )
    article = make_article(event=event, outlet=outlet, text=text, title=HOSTILE_TITLE)
    store_analysis(
        article,
        terms=(Term("dangerous stunt", "pejorative_label", 0.9),),
        frames=["security_defense", "security_defense", "economic"],
        tone=-0.4,
    )
    return {**analysed, "hostile": article}
