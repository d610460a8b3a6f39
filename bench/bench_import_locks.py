"""How long another user's annotation save waits while a large CSV is previewed (SQLite).

    .venv/bin/python bench/bench_import_locks.py [ROWS]     # default 5,000 rows

A throw-away SQLite file in WAL mode with IMMEDIATE transactions (the production settings).
One thread previews a ROWS-row CSV (distinct ~60-word texts); meanwhile the main thread saves
an annotation every 0.2 s and times each save, until the preview ends. Prints the preview's
wall time, how many saves ran during it, their median and longest wait, and how many failed
("database is locked" after the 20 s busy timeout).
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
_DIR = Path(tempfile.mkdtemp(prefix="bench-locks-"))
os.environ["DATABASE_URL"] = f"sqlite:///{_DIR / 'bench.sqlite3'}"
os.environ["PARALLAX_TESTING"] = "1"
os.environ["MEDIA_ROOT"] = str(_DIR / "media")
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "parallax.settings")

import django  # noqa: E402

django.setup()

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import OperationalError, connection  # noqa: E402

from accounts.services import user_signup, workspace_create  # noqa: E402
from articles.imports import import_preview  # noqa: E402
from articles.services import article_create, event_create, outlet_get_or_create  # noqa: E402
from framing.models import Label  # noqa: E402
from framing.services import annotation_create, codebooks_install_defaults  # noqa: E402

PHRASE = (
    "patrol boats escorted two trawlers away from the shoals on Tuesday the coastal ministry "
    "said officials in the harbour town called the manoeuvres a provocation and talks between "
    "the capitals would resume next week fishermen said the night at sea had been long"
)
WORDS = PHRASE.split()
TEXT = "Crews of the puppet regime sailed at dawn."


def big_csv(rows: int) -> bytes:
    rng = random.Random(7)
    lines = ["title,text,outlet"]
    for n in range(rows):
        lines.append(f"Report {n},{' '.join(rng.choice(WORDS) for _ in range(60))} ({n}).,Wire")
    return ("\n".join(lines) + "\n").encode()


def main(rows: int) -> None:
    call_command("migrate", verbosity=0)
    user = user_signup(email="bench@example.org", username="bench", password="bench-pass-1")
    workspace = workspace_create(user=user, name="Bench")
    codebooks_install_defaults(workspace=workspace)
    event = event_create(workspace=workspace, title="Shoals", created_by=user)
    outlet = outlet_get_or_create(workspace=workspace, name="Wire")
    revision = article_create(event=event, outlet=outlet, title="A", text=TEXT).current_revision
    label = Label.objects.filter(codebook_version__codebook__workspace=workspace).first()
    data = big_csv(rows)
    upload = SimpleUploadedFile("big.csv", data, content_type="text/csv")
    done = threading.Event()
    took: dict[str, float] = {}

    def preview() -> None:
        began = time.perf_counter()
        try:
            import_preview(event=event, files=[upload], user=user)
        finally:
            took["preview"] = time.perf_counter() - began
            connection.close()
            done.set()

    thread = threading.Thread(target=preview)
    thread.start()
    waits, failures = [], 0
    while not done.is_set():
        began = time.perf_counter()
        try:
            annotation_create(revision=revision, start=13, end=26, label=label, author_user=user)
        except OperationalError:
            failures += 1
        waits.append(time.perf_counter() - began)
        time.sleep(0.2)
    thread.join()
    print(f"CSV: {rows:,} rows, {len(data) / 1e6:.1f} MB; load average {os.getloadavg()[0]:.1f}")
    print(f"preview: {took['preview']:.1f} s")
    median = statistics.median(waits) * 1000
    print(
        f"annotation saves during it: {len(waits)}, median {median:.0f} ms, "
        f"longest {max(waits):.2f} s, failed {failures}"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
