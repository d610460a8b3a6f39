"""`manage.py restore PATH`: replace the database and media with a backup's."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from parallax.backup import BackupError, backup_read_manifest, backup_restore


class Command(BaseCommand):
    help = (
        "Replace the database and the media files with those of a backup archive written by "
        "`backup`, then check every table's row count. Stop the web server and the task "
        "worker first."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--yes", action="store_true", help="do not ask before replacing the data"
        )

    def handle(self, *args, **opts) -> None:
        try:
            manifest = backup_read_manifest(opts["path"])
            if not opts["yes"] and not self._confirmed(manifest):
                raise CommandError("restore cancelled; nothing was changed")
            summary = backup_restore(source=opts["path"])
        except BackupError as err:
            raise CommandError(str(err)) from err
        self.stdout.write(
            f"Restored {sum(summary.rows.values())} rows in {len(summary.rows)} tables and "
            f"{summary.media_files} media file(s) from {summary.path}; row counts match."
        )

    def _confirmed(self, manifest: dict) -> bool:
        answer = input(
            f"Replace ALL data of this installation with the {manifest['engine']} backup "
            f"made {manifest['created_at']}? Type 'yes': "
        )
        return answer.strip().lower() == "yes"
