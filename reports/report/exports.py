"""Reports as kinds of background export (``reports.exports``): HTML, PDF and DOCX.

Params: ``report`` (a saved report of the job's event; absent: the whole event with every
section at the event's operating point, as the event page's Export panel asks) and
``base_url`` (the site's address, so evidence links in the file work outside the site;
absent: the file has no evidence links rather than broken ones).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError

from reports.exports.registry import ExportOutput, Progress, register
from reports.models import ExportJob, SavedReport
from reports.report.config import ReportConfig
from reports.report.content import build_report
from reports.report.docx import report_docx
from reports.report.html import report_html
from reports.report.pdf import report_pdf

CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def clean_params(params: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    report = str(params.get("report", "") or "")
    if report:
        if not report.isdigit():
            raise ValidationError("report: a saved report's number is expected.")
        out["report"] = int(report)
    base = str(params.get("base_url", "") or "")
    if base:
        if not base.startswith(("http://", "https://")) or len(base) > 300:
            raise ValidationError("base_url: an http(s) address of at most 300 characters.")
        out["base_url"] = base
    return out


def _report(job: ExportJob, progress: Progress):
    """(content, saved report or None) of the job; a saved report must be of the job's
    event (the view checked that event's rights, not the report's)."""
    saved = None
    config = ReportConfig()
    if "report" in job.params:
        saved = SavedReport.objects.filter(pk=job.params["report"], event=job.event).first()
        if saved is None:
            raise ValidationError("That saved report is not one of this event's.")
        config = ReportConfig.from_dict(saved.config)
    progress(5, "Reading the stored results")
    report = build_report(job.event, config, fresh=True, saved_id=saved.pk if saved else None)
    if saved is not None and saved.data_hash != report.data_hash:
        report.warning = (
            f"The data changed since this report was saved on {saved.updated_at:%Y-%m-%d} "
            f"(fingerprint then {saved.data_hash[:12]}, now {report.data_hash[:12]}): "
            "its numbers differ from the saved report's."
        )
    progress(50, "Laying out the document")
    return report, saved


def _name(job: ExportJob, saved: SavedReport | None, ext: str) -> str:
    which = f"report-{saved.pk}" if saved else "report"
    return f"event-{job.event_id}-{which}.{ext}"


@register(
    "report_html",
    label="Report (HTML, one file)",
    extension="html",
    clean=clean_params,
    group="report",
)
def report_html_export(job: ExportJob, progress: Progress) -> ExportOutput:
    report, saved = _report(job, progress)
    base = job.params.get("base_url", "")
    body = report_html(report, base_url=base, links=bool(base)).encode()
    return ExportOutput(_name(job, saved, "html"), CONTENT_TYPES["html"], body)


@register("report_pdf", label="Report (PDF)", extension="pdf", clean=clean_params, group="report")
def report_pdf_export(job: ExportJob, progress: Progress) -> ExportOutput:
    report, saved = _report(job, progress)
    base = job.params.get("base_url", "")
    body = report_pdf(report, base_url=base, links=bool(base))
    return ExportOutput(_name(job, saved, "pdf"), CONTENT_TYPES["pdf"], body)


@register(
    "report_docx", label="Report (Word)", extension="docx", clean=clean_params, group="report"
)
def report_docx_export(job: ExportJob, progress: Progress) -> ExportOutput:
    report, saved = _report(job, progress)
    body = report_docx(report, base_url=job.params.get("base_url", ""))
    return ExportOutput(_name(job, saved, "docx"), CONTENT_TYPES["docx"], body)


REPORT_KINDS = {"html": "report_html", "pdf": "report_pdf", "docx": "report_docx"}
