import datetime as dt

from django.core.management.base import BaseCommand

from articles.imports.orphans import orphan_uploads, orphans_delete
from articles.ingestion.streams import human_bytes


class Command(BaseCommand):
    help = (
        "List uploaded files (originals, fetched pages, model files) that no database row "
        "refers to; with --delete, remove them. Dry run by default."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--delete", action="store_true", help="Remove the files found.")
        parser.add_argument(
            "--min-age-hours",
            type=float,
            default=1.0,
            help="Only files older than this (default 1): younger ones may be uploads in "
            "progress whose row is not committed yet.",
        )

    def handle(self, *args, delete: bool, min_age_hours: float, **options) -> None:
        orphans = orphan_uploads(min_age=dt.timedelta(hours=min_age_hours))
        for orphan in orphans:
            self.stdout.write(
                f"{orphan.name}\t{human_bytes(orphan.size)}\t{orphan.modified:%Y-%m-%d %H:%M}"
            )
        total = human_bytes(sum(o.size for o in orphans))
        if not delete:
            self.stdout.write(
                f"{len(orphans)} orphaned file(s), {total}. Dry run: nothing deleted; "
                "run with --delete to remove them."
            )
            return
        deleted = orphans_delete(orphans=orphans)
        self.stdout.write(f"Deleted {deleted} orphaned file(s), {total}.")
