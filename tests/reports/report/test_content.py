"""A report's numbers are the comparison pages' numbers, for the articles it covers."""

from __future__ import annotations

import pytest
from django.urls import reverse

from articles.models import Event
from reports.report.config import ReportConfig
from reports.report.content import build_report
from reports.summary import event_summary
from reports.views.event import outlet_table
from tests.reports.helpers import client_for
from tests.reports.test_operating_point import _with_points

pytestmark = pytest.mark.django_db


def test_outlet_table_equals_the_compare_pages_counts(analysed, owner):
    event = analysed["event"]
    report = build_report(event, ReportConfig())
    page = outlet_table(event_summary(event), include_republications=True)
    assert sorted((o["name"], o["n"], o["words"]) for o in report.outlets) == sorted(
        (o["name"], o["n"], o["words"]) for o in page
    )


def test_own_voice_finding_counts_equal_the_density_chart_in_own_voice(analysed, owner):
    event = analysed["event"]
    report = build_report(event, ReportConfig())
    finding = next(f for f in report.findings if f.key == "own_voice_rate")
    url = reverse("reports:chart_data", args=[event.pk, "density"]) + "?voice=own"
    rows = client_for(owner).get(url).json()["table"]["rows"]
    by_outlet: dict[str, int] = {}
    for name, _category, terms, *_ in rows:
        by_outlet[name] = by_outlet.get(name, 0) + terms
    names = {str(o["id"]): o["name"] for o in report.outlets}
    assert {names[k]: v["count"] for k, v in finding.numbers.items()} == by_outlet


def test_report_charts_equal_the_charts_pages_json(analysed, owner):
    event = analysed["event"]
    report = build_report(event, ReportConfig())
    client = client_for(owner)
    for chart in report.charts:
        if chart.key == "vocabulary":
            continue  # computed by its own task; compared in the vocabulary tests
        page = client.get(reverse("reports:chart_data", args=[event.pk, chart.key])).json()
        assert page["table"]["rows"] == chart.rows, chart.key


def test_findings_state_n_uncertainty_and_evidence_links(analysed):
    report = build_report(analysed["event"], ReportConfig())
    assert report.findings
    for f in report.findings:
        assert f.n and f.uncertainty
        assert f.evidence and all(url.startswith("/events/") for _, url in f.evidence)


def test_choosing_one_outlet_leaves_the_others_out(analysed):
    event, wire = analysed["event"], analysed["wire"]
    report = build_report(event, ReportConfig(outlets=(wire.outlet_id,)))
    assert [o["name"] for o in report.outlets] == ["Wire"]
    assert [a["id"] for a in report.articles] == [wire.pk]
    assert report.findings == []  # one outlet has nothing to differ from


def test_a_stricter_operating_point_drops_low_scored_suggestions(analysed):
    _with_points(analysed["event"])
    event = Event.objects.get(pk=analysed["event"].pk)  # with the model's new metrics
    balanced = build_report(event, ReportConfig(point="balanced"))
    strict = build_report(event, ReportConfig(point="precision"))
    # "threaten peace" scores 0.4 and "reckless provocation" 0.8: only 0.95 passes 0.9.
    assert balanced.methodology.tags["suggested"] == 2
    assert strict.methodology.tags["suggested"] == 1
    assert strict.methodology.precision == 0.8 and strict.methodology.threshold == 0.9


def test_the_same_data_gives_the_same_fingerprint_and_numbers(analysed):
    event = analysed["event"]
    first = build_report(event, ReportConfig())
    second = build_report(event, ReportConfig())
    assert first.data_hash == second.data_hash
    assert [f.numbers for f in first.findings] == [f.numbers for f in second.findings]


def test_an_accepted_suggestion_changes_the_fingerprint(analysed):
    from framing.models import Annotation, AnnotationStatus

    event = analysed["event"]
    before = build_report(event, ReportConfig())
    note = Annotation.objects.filter(revision__article__event=event).first()
    note.status = AnnotationStatus.ACCEPTED
    note.save()
    after = build_report(event, ReportConfig())
    assert after.data_hash != before.data_hash
    assert after.methodology.tags["accepted"] == before.methodology.tags["accepted"] + 1
