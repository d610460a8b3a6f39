"""Data exports of an event (registered kinds; see ``reports.exports``)."""

from __future__ import annotations

import tempfile

from reports import evidence
from reports.exports.registry import ExportOutput, Progress, register
from reports.models import ExportJob


@register("spans_csv", label="Spans (CSV)", extension="csv")
def spans_csv(job: ExportJob, progress: Progress) -> ExportOutput:
    event = job.event
    articles = evidence.event_articles(event, {})
    out = tempfile.TemporaryFile()  # noqa: SIM115 - the job closes it once stored
    for n, row in enumerate(evidence.spans_csv(evidence.iter_lines(articles, {}), "")):
        out.write(row.encode())
        if n % 500 == 0:
            progress(0, f"{n} spans written")
    out.seek(0)
    return ExportOutput(f"event-{event.pk}-spans.csv", "text/csv; charset=utf-8", out)
