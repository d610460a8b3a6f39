"""Data exports of an event (registered kinds; see ``reports.exports``)."""

from __future__ import annotations

import tempfile

from reports import evidence, span_export
from reports.exports.registry import ExportOutput, Progress, register
from reports.models import ExportJob


@register("spans_csv", label="Spans (CSV)", extension="csv")
def spans_csv(job: ExportJob, progress: Progress) -> ExportOutput:
    event = job.event
    articles = evidence.event_articles(event, {})
    out = tempfile.TemporaryFile()  # noqa: SIM115 - the job closes it once stored
    written = 0
    for rows in span_export.spans_csv(articles, {}, ""):  # a chunk of rows at a time
        out.write(rows.encode())
        written += rows.count("\n")
        progress(0, f"{max(written - 1, 0)} spans written")
    out.seek(0)
    return ExportOutput(f"event-{event.pk}-spans.csv", "text/csv; charset=utf-8", out)
