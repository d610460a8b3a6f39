from __future__ import annotations

import pytest

from tests.factories import EventFactory, OutletFactory, make_article
from tests.reports.helpers import Term, store_analysis

WIRE = (
    "The frigate sailed past the destroyer on Tuesday. "
    "The ministry called the drills a reckless provocation. "
    "Fishing boats stayed in port."
)
STATE = (
    "The aggressive bloc staged drills near our coast. "
    "The frigate sailed past the destroyer on Tuesday. "
    "The drills threaten peace."
)


@pytest.fixture
def event(workspace):
    return EventFactory(workspace=workspace)


@pytest.fixture
def analysed(event):
    """Two outlets, one article each, analysed by hand with known terms and frames."""
    wire = OutletFactory(workspace=event.workspace, name="Wire")
    state = OutletFactory(workspace=event.workspace, name="State Agency")
    a = make_article(event=event, outlet=wire, text=WIRE, title="Wire report")
    b = make_article(event=event, outlet=state, text=STATE, title="State report")
    store_analysis(
        a,
        terms=(Term("reckless provocation", "pejorative_label", 0.8, "attributed", "ministry"),),
        frames=["security_defense", "security_defense", "economic"],
        tone=-0.2,
        quotes=(("the ministry", "velmar_mfa", "called"),),
    )
    store_analysis(
        b,
        terms=(
            Term("aggressive bloc", "pejorative_label", 0.95),
            Term("threaten peace", "fear_appeal", 0.4),
        ),
        frames=["security_defense", "security_defense", "security_defense"],
        tone=-0.6,
    )
    return {"event": event, "wire": a, "state": b}
