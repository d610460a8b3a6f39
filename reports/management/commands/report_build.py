"""Build a saved report from the shell: the same file the page makes, for reproducing it."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reports.models import SavedReport
from reports.report.config import ReportConfig
from reports.report.content import build_report
from reports.report.docx import report_docx
from reports.report.html import report_html
from reports.report.pdf import report_pdf
from reports.report.services import saved_report_state


class Command(BaseCommand):
    help = (
        "Write a saved report as HTML, PDF or DOCX; warns when the data changed since it was saved."
    )

    def add_arguments(self, parser):
        parser.add_argument("report", type=int, help="Saved report id.")
        parser.add_argument("--format", choices=("html", "pdf", "docx"), default="pdf")
        parser.add_argument("--out", type=Path, required=True)

    def handle(self, *args, report: int, format: str, out: Path, **options):
        saved = SavedReport.objects.select_related("event").filter(pk=report).first()
        if saved is None:
            raise CommandError(f"No saved report {report}.")
        state = saved_report_state(saved)
        if state.data_changed or state.model_changed:
            self.stderr.write(
                f"warning: the data changed since report {report} was saved "
                f"(saved {saved.data_hash[:12]}, now {state.fingerprint[:12]}): numbers may differ."
            )
        content = build_report(
            saved.event, ReportConfig.from_dict(saved.config), fresh=True, saved_id=saved.pk
        )
        writers = {
            "html": lambda r: report_html(r).encode(),
            "pdf": report_pdf,
            "docx": report_docx,
        }
        out.write_bytes(writers[format](content))
        self.stdout.write(f"{out} ({format}, data {content.data_hash[:12]})")
