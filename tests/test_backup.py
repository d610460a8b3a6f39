"""`manage.py backup` / `restore`: a round trip brings back every row and every media file."""

from __future__ import annotations

import io
import shutil
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection

from accounts.models import Workspace
from articles.imports.sources import source_store_upload
from articles.models import Article, Event, TextRevision
from tests.factories import EventFactory, MembershipFactory, make_article

# Restoring replaces the whole database, so these tests commit for real (and are flushed after).
pytestmark = pytest.mark.django_db(transaction=True)


def _snapshot() -> dict:
    media = Path(settings.MEDIA_ROOT)
    return {
        "workspaces": sorted(Workspace.objects.values_list("name", flat=True)),
        "events": sorted(Event.objects.values_list("title", flat=True)),
        "articles": sorted(Article.all_objects.values_list("title", "outlet__name")),
        "texts": sorted(TextRevision.objects.values_list("text", flat=True)),
        "media": {
            p.relative_to(media).as_posix(): p.read_bytes() for p in media.rglob("*") if p.is_file()
        },
    }


def _populate() -> None:
    member = MembershipFactory(role="owner")
    event = EventFactory(workspace=member.workspace, title="Shoals stand-off")
    make_article(event=event, title="Boats turned back", text="Patrol boats turned back at dawn.")
    make_article(event=event, title="Ministry speaks", text="The ministry said talks resume.")
    upload = ContentFile(b"title,text\nA,B\n", name="corpus.csv")
    source_store_upload(workspace=member.workspace, upload=upload, user=member.user)


def _vandalise() -> None:
    Article.all_objects.filter(title="Boats turned back").delete()
    Event.objects.update(title="Renamed after the backup")
    MembershipFactory(role="owner")  # a workspace that did not exist when backed up
    media = Path(settings.MEDIA_ROOT)
    for path in media.rglob("*.csv"):
        path.unlink()
    (media / "stray.txt").write_text("added after the backup")


def _round_trip(tmp_path) -> None:
    _populate()
    before = _snapshot()
    assert before["media"]  # the round trip covers media files too
    archive = tmp_path / "backups" / "parallax.tar.gz"
    out = io.StringIO()
    call_command("backup", str(archive), stdout=out)
    assert "1 media file(s)" in out.getvalue()
    _vandalise()
    assert _snapshot() != before
    out = io.StringIO()
    call_command("restore", str(archive), "--yes", stdout=out)
    assert "row counts match" in out.getvalue()
    assert _snapshot() == before


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the suite runs on PostgreSQL")
def test_sqlite_backup_and_restore_round_trip(tmp_path):
    _round_trip(tmp_path)


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs DATABASE_URL pointing at PostgreSQL (CI's second pass runs it)",
)
@pytest.mark.skipif(
    shutil.which("pg_dump") is None or shutil.which("pg_restore") is None,
    reason="pg_dump/pg_restore not installed (apt-get install postgresql-client)",
)
def test_postgresql_backup_and_restore_round_trip(tmp_path):
    _round_trip(tmp_path)


def test_the_archive_records_what_it_holds(tmp_path):
    _populate()
    archive = tmp_path / "b.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    dump = "database.sqlite3" if connection.vendor == "sqlite" else "database.pgdump"
    assert {"manifest.json", dump} <= set(names)
    assert any(n.startswith("media/sources/") and n.endswith(".csv") for n in names)


def test_restore_refuses_a_file_that_is_not_a_backup_and_changes_nothing(tmp_path):
    _populate()
    before = _snapshot()
    bogus = tmp_path / "not-a-backup.tar.gz"
    bogus.write_bytes(b"hello")
    with pytest.raises(CommandError, match="not a Parallax backup"):
        call_command("restore", str(bogus), "--yes")
    assert _snapshot() == before


def test_restore_refuses_a_backup_of_the_other_database_engine(tmp_path):
    _populate()
    archive = tmp_path / "b.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    forged = tmp_path / "other.tar.gz"
    with tarfile.open(archive) as src, tarfile.open(forged, "w:gz") as dst:
        for member in src.getmembers():
            data = src.extractfile(member).read()
            if member.name == "manifest.json":
                data = data.replace(f'"{connection.vendor}"'.encode(), f'"{other}"'.encode())
                member.size = len(data)
            dst.addfile(member, io.BytesIO(data))
    with pytest.raises(CommandError, match=f"is a {other} backup"):
        call_command("restore", str(forged), "--yes")


def test_restore_asks_before_replacing_and_stops_on_no(tmp_path, monkeypatch):
    _populate()
    archive = tmp_path / "b.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    Event.objects.update(title="Changed")
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="restore cancelled"):
        call_command("restore", str(archive))
    assert Event.objects.get().title == "Changed"
