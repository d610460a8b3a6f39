from django.core.management.base import BaseCommand

from reports.exports.jobs import exports_cleanup


class Command(BaseCommand):
    help = (
        "Delete export files past their expiry (PARALLAX_EXPORTS['TTL_HOURS']) and export "
        "files whose job is gone. Starting an export also deletes expired files; run this "
        "from cron where exports are rare."
    )

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"{exports_cleanup()} export file(s) deleted")
