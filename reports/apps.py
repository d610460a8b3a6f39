from django.apps import AppConfig


class ReportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reports"
    verbose_name = "Comparison reports"

    def ready(self) -> None:
        # Export kinds register themselves on import (see reports.exports).
        from reports.exports import data  # noqa: F401
        from reports.report import exports  # noqa: F401
