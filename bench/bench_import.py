"""Import end to end: 20,000-article JSONL through `manage.py import_articles`, and one ~5 MB
PDF and one ~5 MB HTML upload through the import services (preview + confirm).

Run: .venv/bin/python bench/bench_import.py [n_articles] [uploads]   ("uploads": only those)
Prints wall time and peak RSS; for the uploads (each done REPEATS times) also the CPU time of
this process and of the ingestion sandbox's child, and the load average (the machine is shared).
Uses a throwaway SQLite database in a temporary directory; the analysis the import queues runs
later in the worker and is not measured here.
"""

from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_ingestion_parse import WORDS, _article_text  # noqa: E402

PYTHON = sys.executable
TARGET_SECONDS, TARGET_RSS_MB, TARGET_UPLOAD = 60, 1024, 2.0
REPEATS = 3


def _env(tmp: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "parallax.settings",
        "DEBUG": "1",
        "PARALLAX_VAR_DIR": str(tmp),
        "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}",
        "MEDIA_ROOT": str(tmp / "media"),
        "LOG_LEVEL": "WARNING",
    }


def _manage(tmp: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PYTHON, str(ROOT / "manage.py"), *args],
        env=_env(tmp),
        check=True,
        capture_output=True,
        text=True,
    )


def _setup_event(tmp: Path) -> int:
    _manage(tmp, "migrate", "-v", "0")
    code = (
        "from accounts.models import Workspace; from articles.models import Event; "
        "w = Workspace.objects.create(name='Bench'); "
        "print(Event.objects.create(workspace=w, title='Marren shoals').pk)"
    )
    return int(_manage(tmp, "shell", "-c", code).stdout.strip().splitlines()[-1])


def _write_corpus(path: Path, n: int) -> None:
    rng = random.Random(7)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            record = {
                "title": f"Report {i} on the shoals",
                "text": _article_text(rng, 800),
                "outlet": f"Outlet {i % 12}",
                "url": f"https://outlet{i % 12}.example/{i}",
                "published": "2024-06-28",
                "language": "en",
            }
            out.write(json.dumps(record) + "\n")


def bench_command(tmp: Path, n: int) -> None:
    event = _setup_event(tmp)
    corpus = tmp / "corpus.jsonl"
    _write_corpus(corpus, n)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    result = _manage(tmp, "import_articles", str(corpus), "--event", str(event))
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert peak_mb >= before / 1024
    print(
        f"import_articles: {n:,} articles ({corpus.stat().st_size / 1e6:.0f} MB JSONL) in "
        f"{seconds:.1f} s (target {TARGET_SECONDS} s); peak RSS {peak_mb:.0f} MB "
        f"(target {TARGET_RSS_MB} MB) — {result.stdout.strip()}"
    )


def bench_uploads(tmp: Path) -> None:
    """In-process: the services a 5 MB upload goes through, timed from upload to articles."""
    os.environ.update(_env(tmp))
    import django

    django.setup()
    from django.conf import settings
    from django.core.files.uploadedfile import SimpleUploadedFile

    from accounts.models import User, Workspace
    from articles.imports import import_commit, import_preview
    from articles.models import Event
    from tests.articles.ingestion.helpers import make_pdf

    # one 5 MB document holds far more text than an article: lift the per-article text cap
    settings.PARALLAX_IMPORT = {"MAX_TEXT_CHARS": 20_000_000}
    user = User.objects.create_user(username="bench", email="bench@example.org", password="x")
    workspace = Workspace.objects.create(name="Uploads")
    rng = random.Random(9)
    pages = [
        [" ".join(rng.choice(WORDS) for _ in range(12)) for _ in range(50)] for _ in range(1100)
    ]
    pdf = make_pdf(pages, title="Long dossier")
    paragraphs = "".join(f"<p>{_article_text(rng, 80)}</p>\n" for _ in range(9000))
    html = (
        "<html><head><title>Long dossier</title></head><body><nav>Home World</nav>"
        f"<article><h1>Long dossier</h1>{paragraphs}</article></body></html>"
    ).encode()
    # A running server has loaded the language model, trafilatura and the task modules once;
    # a tiny upload first keeps those one-off start-up costs out of the per-upload figure.
    warm = Event.objects.create(workspace=workspace, title="warm-up")
    start = time.perf_counter()
    # long enough (>= 40 letters) for language detection, which loads its model on first use
    page = (
        b"<html><body><article><p>A short page to warm up the readers, the language model "
        b"and the task modules before anything is timed.</p></article></body></html>"
    )
    job = import_preview(
        event=warm, files=[SimpleUploadedFile("w.html", page)], user=user, default_outlet="Bench"
    )
    import_commit(job=job, decisions={}, user=user)
    print(f"warm-up (first upload in a fresh process): {time.perf_counter() - start:.2f} s")
    for name, data in (("dossier.pdf", pdf), ("dossier.html", html)):
        for _ in range(REPEATS):
            event = Event.objects.create(workspace=workspace, title=name)
            upload = SimpleUploadedFile(name, data)
            cpu, helper, start = time.process_time(), _helper_cpu(), time.perf_counter()
            job = import_preview(event=event, files=[upload], user=user, default_outlet="Bench")
            job = import_commit(job=job, decisions={}, user=user)
            seconds = time.perf_counter() - start
            cpu, helper = time.process_time() - cpu, _helper_cpu() - helper
            chars = len(event.articles.get().current_revision.text)
            print(
                f"upload {name}: {len(data) / 1e6:.1f} MB -> {chars:,} chars, {job.status}, in "
                f"{seconds:.2f} s wall (target {TARGET_UPLOAD} s); CPU {cpu:.2f} s here + "
                f"{helper:.2f} s child; load average {os.getloadavg()[0]:.1f}"
            )
    from articles.ingestion import sandbox

    print(f"largest peak RSS of an ingestion child: {sandbox.usage.peak_rss_mb:.0f} MB")


def _helper_cpu() -> float:
    """CPU seconds of reaped children and of the ingestion sandbox's children (those are the
    forkserver's children, so RUSAGE_CHILDREN misses them; the sandbox counts them)."""
    from articles.ingestion import sandbox

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime + sandbox.usage.cpu_seconds


def main() -> None:
    args = sys.argv[1:]
    n = int(args[0]) if args and args[0].isdigit() else 20_000
    with tempfile.TemporaryDirectory() as tmp:
        if "uploads" not in args:
            bench_command(Path(tmp), n)
        else:
            _manage(Path(tmp), "migrate", "-v", "0")
        bench_uploads(Path(tmp))


if __name__ == "__main__":
    main()
