from django.apps import AppConfig


class ReportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reports"
    verbose_name = "Comparison reports"

    def ready(self) -> None:
        # framing announces finished analyses; it never imports reports (apps depend one way).
        from framing.signals import analysis_finished, annotations_changed

        # Export kinds register themselves on import (see reports.exports).
        from reports.exports import data  # noqa: F401
        from reports.report import exports  # noqa: F401
        from reports.span_export import annotations_changed as span_csv_changed
        from reports.summary import annotations_changed as summary_rows_changed
        from reports.summary import refresh_after_analysis

        analysis_finished.connect(refresh_after_analysis, dispatch_uid="reports-summary")
        annotations_changed.connect(summary_rows_changed, dispatch_uid="reports-summary-rows")
        annotations_changed.connect(span_csv_changed, dispatch_uid="reports-span-csv")
