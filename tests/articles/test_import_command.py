"""`manage.py import_articles`: streaming, all-or-nothing, idempotent, with a progress bar."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

from articles.imports import command as command_module
from articles.imports import runs as runs_module
from articles.models import Article, ImportJob, ImportStatus
from tests.articles.imports.helpers import STORY, STORY_2, STORY_3, record
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(workspace):
    return EventFactory(workspace=workspace, title="Shoals")


def _write(path, *records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _run(path, event, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "import_articles", str(path), "--event", str(event.pk), *args, stdout=out, stderr=err
    )
    return out.getvalue(), err.getvalue()


def test_command_imports_every_article_and_reports_counts(tmp_path, event):
    path = _write(tmp_path / "c.jsonl", record(STORY), record(STORY_2), record(STORY_3))
    out, _ = _run(path, event)
    assert event.articles.count() == 3
    assert "Imported 3 article(s)" in out


def test_rerunning_the_command_skips_what_is_already_there(tmp_path, event):
    path = _write(tmp_path / "c.jsonl", record(STORY), record(STORY_2))
    _run(path, event)
    out, _ = _run(_write(tmp_path / "d.jsonl", record(STORY), record(STORY_3)), event)
    assert event.articles.count() == 3
    assert "Imported 1 article(s)" in out and "1 already there" in out


def test_command_shows_a_progress_bar_on_stderr(tmp_path, event):
    _, err = _run(_write(tmp_path / "c.jsonl", record(STORY)), event)
    assert "100.0%" in err and "1 articles" in err


def test_command_writes_in_chunks_and_publishes_at_the_end(tmp_path, event, settings):
    settings.PARALLAX_IMPORT = {"CHUNK_SIZE": 1}
    _run(_write(tmp_path / "c.jsonl", record(STORY), record(STORY_2), record(STORY_3)), event)
    job = ImportJob.objects.get(kind="command")
    assert (job.status, job.progress) == (ImportStatus.SUCCEEDED, 3)
    assert Article.all_objects.filter(staged=True).count() == 0


def test_failure_half_way_leaves_nothing_behind(tmp_path, event, settings):
    settings.PARALLAX_IMPORT = {"CHUNK_SIZE": 1, "MAX_RECORDS_PER_FILE": 2}
    path = _write(tmp_path / "c.jsonl", record(STORY), record(STORY_2), record(STORY_3))
    with pytest.raises(CommandError, match=r"nothing imported: c\.jsonl: has more than 2 records"):
        _run(path, event)
    assert Article.all_objects.count() == 0
    assert ImportJob.objects.get().status == ImportStatus.FAILED


def test_rows_without_outlet_are_rejected_unless_a_default_is_given(tmp_path, event):
    path = _write(tmp_path / "c.jsonl", {"title": "T", "text": STORY})
    _, err = _run(path, event, "--allow-rejects")
    assert "no outlet given (use --outlet)" in err and event.articles.count() == 0
    _run(path, event, "--outlet", "Ostrel Post")
    assert event.articles.get().outlet.name == "Ostrel Post"


def test_rejected_rows_make_the_command_fail_and_say_how_many(tmp_path, event):
    path = _write(tmp_path / "c.jsonl", record(STORY), {"title": "T"}, {"title": "U"})
    with pytest.raises(CommandError, match=r"2 row\(s\) rejected") as caught:
        _run(path, event)
    assert caught.value.returncode == 3
    assert event.articles.count() == 1  # the good row is still imported


def test_allow_rejects_exits_cleanly_but_still_lists_the_rejections(tmp_path, event):
    path = _write(tmp_path / "c.jsonl", record(STORY), {"title": "T"})
    out, err = _run(path, event, "--allow-rejects")
    assert "1 rejected" in out and "rejected:" in err
    assert event.articles.count() == 1


def test_a_script_sees_a_non_zero_exit_status_when_rows_are_rejected(tmp_path, event):
    # Through the real entry point, as a shell script would run it.
    from django.core.management import ManagementUtility

    path = _write(tmp_path / "c.jsonl", record(STORY), {"title": "T"})
    argv = ["manage.py", "import_articles", str(path), "--event", str(event.pk)]
    with pytest.raises(SystemExit) as exited:
        ManagementUtility(argv).execute()
    assert exited.value.code == 3


def test_staged_rows_of_a_killed_run_are_removed_by_the_next_run(tmp_path, event, monkeypatch):
    path = _write(tmp_path / "c.jsonl", record(STORY), record(STORY_2))

    def killed(**kwargs):
        raise KeyboardInterrupt

    # a KeyboardInterrupt is cleaned up too; simulate a hard kill by skipping the cleanup
    monkeypatch.setattr(runs_module, "staged_delete", lambda **kw: 0)
    monkeypatch.setattr(runs_module, "publish", killed)
    with pytest.raises(KeyboardInterrupt):
        _run(path, event)
    assert Article.all_objects.filter(staged=True).count() == 2
    monkeypatch.undo()
    _run(path, event)
    assert Article.all_objects.count() == 2 and event.articles.count() == 2


def test_command_keeps_the_file_as_evidence(tmp_path, event):
    path = _write(tmp_path / "c.jsonl", record(STORY))
    _run(path, event)
    article = event.articles.get()
    assert article.source_file.original_name == "c.jsonl"
    assert article.source_file.file.read() == path.read_bytes()


def test_unknown_event_is_an_error(tmp_path, event):
    path = _write(tmp_path / "c.jsonl", record(STORY))
    with pytest.raises(CommandError, match="no event with id 999999"):
        call_command("import_articles", str(path), "--event", "999999")


def test_csv_with_media_cloud_preset(tmp_path, event):
    path = tmp_path / "mc.csv"
    path.write_text(
        "stories_id,publish_date,title,url,language,media_id,media_name,text\n"
        f'1,2024-06-28,T,https://vd.example/1,en,7,Veloria Daily,"{STORY}"\n'
    )
    _run(path, event, "--mapping", "preset:mediacloud")
    assert event.articles.get().outlet.name == "Veloria Daily"


def _leave_running(path, event, monkeypatch):
    """A run killed hard half-way: its job still says running, its staged rows remain."""

    def killed(**kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(command_module, "job_fail", lambda *a: False)
    monkeypatch.setattr(runs_module, "publish", killed)
    with pytest.raises(KeyboardInterrupt):
        _run(path, event)
    monkeypatch.undo()


def test_a_second_run_leaves_a_live_run_on_the_same_event_alone(tmp_path, event, monkeypatch):
    _leave_running(_write(tmp_path / "c.jsonl", record(STORY), record(STORY_2)), event, monkeypatch)
    _run(_write(tmp_path / "d.jsonl", record(STORY_3)), event)
    first = ImportJob.objects.filter(kind="command").order_by("pk").first()
    assert first.status == ImportStatus.RUNNING
    assert Article.all_objects.filter(import_job=first, staged=True).count() == 2


def test_a_stalled_run_is_failed_and_cleaned_up_by_the_next_run(
    tmp_path, event, monkeypatch, settings
):
    _leave_running(_write(tmp_path / "c.jsonl", record(STORY), record(STORY_2)), event, monkeypatch)
    settings.PARALLAX_IMPORT = {"STALL_SECONDS": 0}
    _run(_write(tmp_path / "d.jsonl", record(STORY_3)), event)
    first = ImportJob.objects.filter(kind="command").order_by("pk").first()
    assert (first.status, first.error) == (ImportStatus.FAILED, "abandoned (the process stopped)")
    assert Article.all_objects.filter(staged=True).count() == 0
    assert event.articles.count() == 1


def test_a_run_taken_over_as_stalled_stops_without_publishing(tmp_path, event, monkeypatch):
    real_write = runs_module.write_chunk

    def taken_over(**kwargs):  # another run marks this one failed while it writes
        ImportJob.objects.filter(kind="command").update(status=ImportStatus.FAILED)
        return real_write(**kwargs)

    monkeypatch.setattr(runs_module, "write_chunk", taken_over)
    path = _write(tmp_path / "c.jsonl", record(STORY))
    with pytest.raises(CommandError, match="taken over as stalled"):
        _run(path, event)
    assert event.articles.count() == 0
    assert ImportJob.objects.get().status == ImportStatus.FAILED
