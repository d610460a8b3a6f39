import datetime as dt

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand

from articles.imports.jobs import job_discard
from articles.imports.orphans import (
    abandoned_previews,
    orphan_uploads,
    orphans_delete,
    unused_sources,
)
from articles.imports.sources import source_delete_unused
from articles.ingestion.streams import human_bytes


class Command(BaseCommand):
    help = (
        "List what killed processes left behind: stored files (originals, fetched pages, model "
        "files) that no row refers to, import previews whose reading stopped, and stored "
        "sources no import or article uses. With --delete, remove them. Dry run by default."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--delete", action="store_true", help="Remove what is found.")
        parser.add_argument(
            "--min-age-hours",
            type=float,
            default=1.0,
            help="Only what is older than this (default 1): younger files and rows may belong "
            "to an upload in progress.",
        )

    def handle(self, *args, delete: bool, min_age_hours: float, **options) -> None:
        min_age = dt.timedelta(hours=min_age_hours)
        previews = list(abandoned_previews(min_age=min_age))
        sources = list(unused_sources(min_age=min_age))
        files = orphan_uploads(min_age=min_age)
        for job in previews:
            self.stdout.write(f"abandoned preview: import {job.pk} into event {job.event_id}")
        for source in sources:
            self.stdout.write(f"unused source: {source.pk} {source.file.name}")
        for orphan in files:
            when = f"{orphan.modified:%Y-%m-%d %H:%M}"
            self.stdout.write(
                f"file without row: {orphan.name}\t{human_bytes(orphan.size)}\t{when}"
            )
        size = human_bytes(sum(o.size for o in files))
        counts = (
            f"{len(previews)} abandoned preview(s), {len(sources)} unused source(s), "
            f"{len(files)} orphaned file(s) ({size})"
        )
        if not delete:
            self.stdout.write(f"{counts}. Dry run: nothing deleted; run with --delete.")
            return
        for job in previews:
            try:
                job_discard(job=job, user=None)
            except ValidationError as err:  # it reported again meanwhile: not abandoned
                self.stdout.write(f"import {job.pk} kept: {' '.join(err.messages)}")
        source_delete_unused(sources=sources)
        orphans_delete(orphans=files)
        self.stdout.write(f"Deleted {counts}.")
