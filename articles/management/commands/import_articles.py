"""Import a large corpus file into an event: streaming, all-or-nothing, safe to re-run."""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from articles.imports.command import import_path
from articles.imports.mappings import mapping_resolve
from articles.ingestion import FORMATS, IngestionError
from articles.ingestion.decode import ENCODINGS, chosen_encoding
from articles.models import Event

# Distinct from 1 (nothing imported) and 2 (bad arguments).
REJECTS_EXIT_STATUS = 3


class Command(BaseCommand):
    help = (
        "Import articles from a file (JSONL, CSV, TSV, JSON, zip or a single document) into an "
        "event. Articles whose text is already in the event are skipped, so re-running is safe. "
        "Exits with status 3 when rows were rejected (the rest are imported) unless "
        "--allow-rejects is given, and 1 when nothing could be imported."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument("--event", type=int, required=True, help="event id")
        parser.add_argument("--format", choices=[f for f in FORMATS], default=None)
        parser.add_argument("--user", help="e-mail of the importing user (recorded as adder)")
        parser.add_argument("--outlet", default="", help="outlet for records that name none")
        parser.add_argument(
            "--mapping", default="", help="CSV mapping: preset:mediacloud, saved:<id>, or none"
        )
        parser.add_argument(
            "--encoding", choices=list(ENCODINGS), default=None, help="for files not in UTF-8"
        )
        parser.add_argument("--no-analyse", action="store_true", help="do not queue analysis")
        parser.add_argument("--no-source", action="store_true", help="do not keep a copy")
        parser.add_argument(
            "--allow-rejects",
            action="store_true",
            help="exit 0 even when rows were rejected (they are still listed)",
        )

    def handle(self, *args, **opts) -> None:
        path: Path = opts["path"]
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        event = Event.objects.select_related("workspace").filter(pk=opts["event"]).first()
        if event is None:
            raise CommandError(f"no event with id {opts['event']}")
        user = None
        if opts["user"]:
            user = User.objects.filter(email__iexact=opts["user"]).first()
            if user is None:
                raise CommandError(f"no user with e-mail {opts['user']}")
        mapping = mapping_resolve(workspace=event.workspace, key=opts["mapping"])
        bar = _Bar(self.stderr)
        try:
            with chosen_encoding(opts["encoding"]):
                result = import_path(
                    event=event,
                    path=path,
                    user=user,
                    fmt=opts["format"],
                    mapping=mapping,
                    default_outlet=opts["outlet"],
                    store_source=not opts["no_source"],
                    analyse=not opts["no_analyse"],
                    progress=bar.update,
                )
        except IngestionError as err:
            bar.close()
            hint = " (choose one with --encoding)" if err.field == "encoding" else ""
            raise CommandError(f"nothing imported: {err}{hint}") from err
        bar.close()
        for rejection in result.rejections[:50]:
            self.stderr.write(f"rejected: {rejection}")
        if len(result.rejections) > 50:
            self.stderr.write(f"… and {len(result.rejections) - 50} more rejections")
        self.stdout.write(
            f"Imported {result.created} article(s) into “{event.title}”; "
            f"{result.skipped} already there, {len(result.rejections)} rejected."
        )
        # A script must be able to tell a partial import from a complete one.
        if result.rejections and not opts["allow_rejects"]:
            raise CommandError(
                f"{len(result.rejections)} row(s) rejected (listed above); the other articles "
                "were imported. Pass --allow-rejects to accept this with exit status 0.",
                returncode=REJECTS_EXIT_STATUS,
            )


class _Bar:
    """A one-line progress bar on stderr, redrawn at most ten times a second."""

    def __init__(self, stream) -> None:
        self.stream, self.last, self.drawn = stream, 0.0, False

    def update(self, done: int, total: int, articles: int) -> None:
        now = time.monotonic()
        if now - self.last < 0.1 and done < total:
            return
        self.last, self.drawn = now, True
        share = done / total if total else 1.0
        filled = int(share * 30)
        line = f"\r[{'#' * filled}{'.' * (30 - filled)}] {share:6.1%} {articles:,} articles"
        self.stream.write(line, ending="")
        self.stream.flush()

    def close(self) -> None:
        if self.drawn:
            self.stream.write("")
