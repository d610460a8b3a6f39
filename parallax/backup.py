"""Backups of the whole installation: the database and the media files, in one archive.

SQLite is copied with its online backup API (consistent while the site keeps running);
PostgreSQL with ``pg_dump`` in its custom format, from a snapshot that the row counts in the
manifest are taken from too. The archive is a gzipped tar::

    manifest.json       format, engine, time, rows per table
    database.sqlite3    or database.pgdump
    media/...           uploaded originals, fetched pages, model artifacts

Restoring replaces the database and the media directory with the archive's, then checks
that every table has the row count the manifest recorded.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
DUMP_NAMES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why."""


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    engine: str
    rows: dict[str, int]
    media_files: int


def _vendor() -> str:
    if connection.vendor not in DUMP_NAMES:
        raise BackupError(f"backups support SQLite and PostgreSQL, not {connection.vendor}")
    return connection.vendor


def _tables() -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True))


def _count_rows(cursor, tables: list[str]) -> dict[str, int]:
    quote = connection.ops.quote_name
    counts = {}
    for table in tables:
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # names from introspection
        counts[table] = cursor.fetchone()[0]
    return counts


def _media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


# ---- backup -------------------------------------------------------------------------------


def backup_create(*, target: Path, include_media: bool = True) -> BackupSummary:
    """Write an archive of the database (and media) to ``target``, atomically."""
    vendor = _vendor()
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".backup-") as tmp:
        dump = Path(tmp) / DUMP_NAMES[vendor]
        rows = _dump_sqlite(dump) if vendor == "sqlite" else _dump_postgresql(dump)
        media = _media_files() if include_media else []
        manifest = {
            "format": FORMAT,
            "engine": vendor,
            "created_at": timezone.now().isoformat(),
            "rows": rows,
            "media": include_media,
            "media_files": len(media),
        }
        (Path(tmp) / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        partial = Path(tmp) / "archive.tar.gz"
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(Path(tmp) / MANIFEST, MANIFEST)
            tar.add(dump, dump.name)
            for path in media:
                tar.add(path, f"media/{path.relative_to(_media_root()).as_posix()}")
        os.replace(partial, target)
    return BackupSummary(target, vendor, rows, len(media))


def _media_files() -> list[Path]:
    root = _media_root()
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []


def _dump_sqlite(dump: Path) -> dict[str, int]:
    connection.ensure_connection()
    destination = sqlite3.connect(dump)
    try:
        # The online backup API copies a consistent state while others keep writing.
        connection.connection.backup(destination)
        return _count_rows(destination.cursor(), _tables())
    finally:
        destination.close()


def _pg_command(program: str) -> tuple[list[str], dict[str, str]]:
    if shutil.which(program) is None:
        raise BackupError(f"{program} is not installed (apt-get install postgresql-client)")
    db = connection.settings_dict
    args = [program, "--no-password", "--dbname", db["NAME"]]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args += [flag, str(db[key])]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return args, env


def _run(args: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(f"{args[0]} failed: {result.stderr.strip()}")


def _dump_postgresql(dump: Path) -> dict[str, int]:
    args, env = _pg_command("pg_dump")
    with transaction.atomic(), connection.cursor() as cursor:
        # pg_dump reads the snapshot this transaction counted the rows in.
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        rows = _count_rows(cursor, _tables())
        _run([*args, "--format=custom", f"--snapshot={snapshot}", "--file", str(dump)], env)
    return rows


# ---- restore ------------------------------------------------------------------------------


def backup_read_manifest(source: Path) -> dict:
    try:
        with tarfile.open(source, "r:gz") as tar:
            member = tar.extractfile(MANIFEST)
            manifest = json.loads(member.read()) if member else None
    except (OSError, KeyError, tarfile.TarError, json.JSONDecodeError) as err:
        raise BackupError(f"{source}: not a Parallax backup ({err})") from err
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{source}: not a Parallax backup of format {FORMAT}")
    return manifest


def backup_restore(*, source: Path) -> BackupSummary:
    """Replace the database and media with the archive's; check the row counts after."""
    manifest = backup_read_manifest(source)
    vendor = _vendor()
    if manifest["engine"] != vendor:
        raise BackupError(
            f"{source} is a {manifest['engine']} backup; this installation uses {vendor}"
        )
    with tempfile.TemporaryDirectory(prefix=".restore-") as tmp:
        with tarfile.open(source, "r:gz") as tar:
            tar.extractall(tmp, filter="data")  # refuses absolute paths, .. and links out
        dump = Path(tmp) / DUMP_NAMES[vendor]
        if not dump.is_file():
            raise BackupError(f"{source}: the archive has no {dump.name}")
        _load_sqlite(dump) if vendor == "sqlite" else _load_postgresql(dump)
        media = 0
        if manifest.get("media"):
            media = _replace_media(Path(tmp) / "media")
    missing = sorted(set(manifest["rows"]) - set(_tables()))
    if missing:
        raise BackupError(f"tables of the backup missing after restore: {', '.join(missing)}")
    with connection.cursor() as cursor:
        rows = _count_rows(cursor, sorted(manifest["rows"]))
    if rows != manifest["rows"]:
        wrong = sorted(t for t in rows if rows[t] != manifest["rows"][t])
        raise BackupError(f"restored row counts differ from the backup in: {', '.join(wrong)}")
    return BackupSummary(source, vendor, rows, media)


def _load_sqlite(dump: Path) -> None:
    connection.ensure_connection()
    if connection.in_atomic_block:
        raise BackupError("restore cannot run inside a transaction")
    archived = sqlite3.connect(dump)
    try:
        archived.backup(connection.connection)
    finally:
        archived.close()


def _load_postgresql(dump: Path) -> None:
    args, env = _pg_command("pg_restore")
    connection.close()  # no session of ours may hold locks on the tables being replaced
    _run([*args, "--clean", "--if-exists", "--no-owner", "--single-transaction", str(dump)], env)


def _replace_media(extracted: Path) -> int:
    """Swap the media directory for the archive's; the old one is removed only after."""
    root = _media_root()
    root.parent.mkdir(parents=True, exist_ok=True)
    incoming = Path(tempfile.mkdtemp(dir=root.parent, prefix=".media-restore-"))
    if extracted.is_dir():
        shutil.copytree(extracted, incoming, dirs_exist_ok=True)
    old = root.with_name(f".media-old-{os.getpid()}")
    # mkdtemp makes the directory private; the web server must keep reading it.
    incoming.chmod(root.stat().st_mode & 0o7777 if root.exists() else 0o755)
    if root.exists():
        root.rename(old)
    incoming.rename(root)
    shutil.rmtree(old, ignore_errors=True)
    return sum(1 for p in root.rglob("*") if p.is_file())
