"""After a decision, the density and voice charts are rebuilt from counts redone for the
decided article alone (the other articles' term rows are the same objects); what they show
equals charts counted from scratch."""

from __future__ import annotations

import pytest

from framing.models import Annotation, AnnotationStatus
from framing.services import annotation_decide
from reports.figures import ChartOptions, base, term_density, voice_shares
from reports.summary import event_summary, summary_refresh
from reports.summary_store import TermRows


@pytest.fixture(autouse=True)
def _no_charts_counted_yet():
    for held in (base._FRAMES, base._TOTALS, base._TALLIES):
        held.clear()
    yield
    for held in (base._FRAMES, base._TOTALS, base._TALLIES):
        held.clear()


def _decide(analysed, analyst, phrase: str, status=AnnotationStatus.REJECTED) -> None:
    revision = analysed["state"].current_revision
    for note in Annotation.objects.filter(revision=revision):
        if revision.text[note.start : note.end] == phrase:
            annotation_decide(annotation=note, status=status, user=analyst)


def _from_scratch(payload, chart, opts):
    """The chart of ``payload`` from plain term rows: every row counted."""
    return chart(0, {**payload, "terms": list(payload["terms"])}, opts).to_dict()


OPTIONS = [ChartOptions(), ChartOptions(voice="own"), ChartOptions(include_republications=True)]


@pytest.mark.parametrize("opts", OPTIONS)
@pytest.mark.parametrize("chart", [term_density, voice_shares])
def test_charts_after_a_decision_equal_charts_counted_from_scratch(analysed, analyst, chart, opts):
    event = analysed["event"]
    summary_refresh(event)
    chart(0, event_summary(event), opts)  # counted once, as a process serving the page
    _decide(analysed, analyst, "threaten peace")
    after = event_summary(event)
    assert chart(0, after, opts).to_dict() == _from_scratch(after, chart, opts)
    _decide(analysed, analyst, "threaten peace", AnnotationStatus.ACCEPTED)
    again = event_summary(event)
    assert chart(0, again, opts).to_dict() == _from_scratch(again, chart, opts)


def test_after_a_decision_only_the_decided_articles_rows_are_counted(
    analysed, analyst, monkeypatch
):
    event = analysed["event"]
    summary_refresh(event)
    term_density(0, event_summary(event), ChartOptions())
    _decide(analysed, analyst, "threaten peace")
    after = event_summary(event)
    counted = []
    real = base._count
    monkeypatch.setattr(base, "_count", lambda terms, *a: counted.append(terms) or real(terms, *a))
    term_density(0, after, ChartOptions())
    state = analysed["state"].pk
    assert counted and all({t[0] for t in terms} <= {state} for terms in counted)


def test_the_summary_term_rows_keep_each_unchanged_articles_part(analysed, analyst):
    event = analysed["event"]
    summary_refresh(event)
    before = event_summary(event)["terms"]
    _decide(analysed, analyst, "threaten peace")
    after = event_summary(event)["terms"]
    assert isinstance(after, TermRows) and list(after) == [t for p in after.parts for t in p]
    wire = analysed["wire"].pk
    kept = [p for p in after.parts if p and p[0][0] == wire]
    assert kept and any(p is kept[0] for p in before.parts)
    assert all(p is not q for p in after.parts for q in before.parts if p and p[0][0] != wire)
