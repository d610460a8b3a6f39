"""Data exports of an event: CSV per table, all tables as a ZIP of CSVs or one XLSX, and
everything as JSON in our interchange format. Registered as export kinds (see
``reports.exports``); the tables are in ``tables``, the file writers in ``writers`` and
``interchange``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError

from reports.exports.data import writers
from reports.exports.data.interchange import json_file
from reports.exports.data.tables import EventData, tables
from reports.exports.registry import ExportOutput, Progress, register
from reports.models import ExportJob

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_ALIGNED = 6


def clean_params(params: Mapping[str, Any]) -> dict[str, Any]:
    """Data exports take one optional parameter: ``a``, the article ids (2–6) whose
    alignment is exported (the compare page's columns); others are refused by name."""
    unknown = sorted(set(params) - {"a"})
    if unknown:
        raise ValidationError(f"Unknown export option(s): {', '.join(unknown)}.")
    raw = params.get("a") or []
    ids = [raw] if isinstance(raw, str | int) else list(raw)
    if not all(str(i).isdigit() for i in ids) or len(ids) > MAX_ALIGNED:
        raise ValidationError(f"a: up to {MAX_ALIGNED} article ids (whole numbers).")
    return {"a": [str(i) for i in ids]} if ids else {}


def _data(job: ExportJob, progress: Progress) -> EventData:
    """The event's data with its summary brought up to date (each step reports, so a long
    refresh on a big event is not taken for a dead worker)."""
    data = EventData(
        job.event, alignment_ids=job.params.get("a", []), base_url=job.params.get("base_url", "")
    )
    progress(1, "Bringing the event's summary up to date")
    data.payload  # noqa: B018 - read here, under its own message
    progress(3, "Reading the analyses")
    data.analyses  # noqa: B018
    return data


def _stem(job: ExportJob) -> str:
    return f"event-{job.event_id}-{job.created_at:%Y%m%d-%H%M}"


@register("data_xlsx", label="All tables (XLSX)", extension="xlsx", clean=clean_params)
def data_xlsx(job: ExportJob, progress: Progress) -> ExportOutput:
    data = _data(job, progress)
    out = writers.xlsx_file(tables(data), progress)
    return ExportOutput(f"{_stem(job)}-data.xlsx", XLSX_TYPE, out)


@register("data_zip", label="All tables (CSV in a ZIP)", extension="zip", clean=clean_params)
def data_zip(job: ExportJob, progress: Progress) -> ExportOutput:
    data = _data(job, progress)
    out = writers.zip_file(tables(data), progress)
    return ExportOutput(f"{_stem(job)}-data.zip", "application/zip", out)


@register("data_json", label="Everything (JSON)", extension="json", clean=clean_params)
def data_json(job: ExportJob, progress: Progress) -> ExportOutput:
    data = _data(job, progress)
    out = json_file(data, progress)
    return ExportOutput(f"{_stem(job)}.json", "application/json", out)


def _csv_kind(name: str, title: str) -> None:
    def generate(job: ExportJob, progress: Progress) -> ExportOutput:
        data = _data(job, progress)
        table = next(t for t in tables(data) if t.name == name)
        return ExportOutput(f"{_stem(job)}-{name}.csv", CSV_TYPE, writers.csv_file(table, progress))

    register(f"csv_{name}", label=f"{title} (CSV)", extension="csv", clean=clean_params)(generate)


for _name, _title in (
    ("spans", "Spans"),
    ("sentences", "Sentence frames"),
    ("articles", "Article frames"),
    ("outlets", "Per-outlet aggregates"),
    ("quotes", "Quotes"),
    ("alignment", "Alignment"),
):
    _csv_kind(_name, _title)
