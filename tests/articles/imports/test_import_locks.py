"""A large import must not lock other users out: on SQLite there is one writer at a time.

The preview thread is paused half-way through parsing (as a 30,000-row CSV keeps it busy for
a minute); meanwhile a second user saves an annotation and loads a page. Each must finish
within a second — before the fix the preview held the write lock for the whole parse and
the save waited until it ended (or failed with "database is locked").
"""

from __future__ import annotations

import random
import threading
import time

import pytest
from django.db import connection
from django.urls import reverse

from articles.imports import import_preview
from articles.imports import preview as preview_module
from articles.models import ImportJob, ImportStatus
from framing.models import Annotation, Label
from framing.services import codebooks_install_defaults
from tests.factories import EventFactory, MembershipFactory, make_article

from .helpers import STORY, upload

TEXT = "Crews of the puppet regime sailed at dawn."
ROWS = 300
PAUSE_AT = 150  # records read before the parser stalls
STALL = 5.0  # how long the parser stalls unless the other user is done sooner


def _big_csv() -> bytes:
    # distinct texts: near-duplicate search of 300 copies of one story is another test's topic
    rng = random.Random(7)
    words = STORY.replace(".", "").replace(",", "").split()
    lines = ["title,text,outlet"]
    for n in range(ROWS):
        text = " ".join(rng.choice(words) for _ in range(60))
        lines.append(f"Report {n},{text} (item {n}).,Veloria Daily")
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture
def stalled_parser(monkeypatch):
    """The preview's record reader pauses after PAUSE_AT records until released."""
    reading, release = threading.Event(), threading.Event()
    original = preview_module.iter_records

    def slow(*args, **kwargs):
        for n, record in enumerate(original(*args, **kwargs)):
            if n == PAUSE_AT:
                reading.set()
                release.wait(STALL)
            yield record

    monkeypatch.setattr(preview_module, "iter_records", slow)
    return reading, release


def _in_thread(target):
    outcome: dict = {}

    def run():
        try:
            outcome["value"] = target()
        except BaseException as err:  # reported by the test, not lost in the thread
            outcome["error"] = err
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def _timed(call):
    began = time.perf_counter()
    result = call()
    return result, time.perf_counter() - began


def test_annotation_save_and_page_of_another_user_finish_within_a_second_during_a_preview(
    file_database, client, stalled_parser
):
    uploader = MembershipFactory(role="analyst")
    workspace = uploader.workspace
    codebooks_install_defaults(workspace=workspace)
    event = EventFactory(workspace=workspace)
    revision = make_article(event=event, text=TEXT).current_revision
    label = Label.objects.get(
        codebook_version__codebook__workspace=workspace, key="pejorative_label"
    )
    annotator = MembershipFactory(workspace=workspace, role="annotator").user
    client.force_login(annotator)
    client.get(event.get_absolute_url())  # templates compiled: the timing below is the lock's
    reading, release = stalled_parser
    files = [upload("big.csv", _big_csv())]

    thread, outcome = _in_thread(
        lambda: import_preview(event=event, files=files, user=uploader.user)
    )
    try:
        assert reading.wait(60), outcome.get("error")
        url = reverse("annotation_add", args=[revision.pk])
        saved, save_seconds = _timed(
            lambda: client.post(url, {"start": 13, "end": 26, "label": label.pk})
        )
        page, page_seconds = _timed(lambda: client.get(event.get_absolute_url()))
    finally:
        release.set()
        thread.join(60)

    assert (saved.status_code, page.status_code) == (302, 200)
    assert Annotation.objects.filter(revision=revision, author_user=annotator).count() == 1
    assert save_seconds < 1.0, f"annotation save took {save_seconds:.1f} s"
    assert page_seconds < 1.0, f"event page took {page_seconds:.1f} s"
    assert "error" not in outcome, outcome.get("error")
    job = ImportJob.objects.get()
    assert (job.status, job.total) == (ImportStatus.PREVIEW, ROWS)
