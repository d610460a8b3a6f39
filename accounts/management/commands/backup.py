"""`manage.py backup PATH`: the database and media files in one archive (see parallax/backup.py)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from parallax.backup import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Write a backup archive (.tar.gz) of the database and the media files. SQLite is "
        "copied with its online backup API, PostgreSQL with pg_dump; the site may keep running."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", type=Path, help="archive to write, e.g. parallax.tar.gz")
        parser.add_argument(
            "--no-media", action="store_true", help="database only (back media up yourself)"
        )

    def handle(self, *args, **opts) -> None:
        try:
            summary = backup_create(target=opts["path"], include_media=not opts["no_media"])
        except BackupError as err:
            raise CommandError(str(err)) from err
        self.stdout.write(
            f"Backed up {summary.engine}: {sum(summary.rows.values())} rows in "
            f"{len(summary.rows)} tables and {summary.media_files} media file(s) "
            f"to {summary.path}."
        )
