"""The ingestion sandbox: what a child process costs, and the hostile corpus read through it.

Run: .venv/bin/python bench/bench_sandbox.py
Prints (1) the time to start a child that has the readers loaded and hear back, for the
forkserver the sandbox uses and for 'spawn' (which must import the readers in every child);
(2) for each file of tests/hostile/build_corpus.py: wall time, the web process's peak resident
growth while reading it, and the message. The load average is printed since the machine is
shared.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RUNS = 10


def _import_readers(conn) -> None:
    import articles.ingestion.dispatch  # noqa: F401 - what a spawned child must do first

    conn.send("ready")
    conn.close()


def _spawn_start_ms() -> list[float]:
    context = multiprocessing.get_context("spawn")
    times = []
    for _ in range(RUNS // 2):
        start = time.perf_counter()
        receiver, sender = context.Pipe(duplex=False)
        process = context.Process(target=_import_readers, args=(sender,))
        process.start()
        sender.close()
        receiver.recv()
        process.join()
        times.append((time.perf_counter() - start) * 1000)
    return times


def _rss() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize()


def _read_watched(path: Path) -> tuple[float, float, str]:
    from articles.ingestion import IngestionError, read_file

    base, peak, done = _rss(), [0], threading.Event()

    def sample() -> None:
        while not done.wait(0.01):
            peak[0] = max(peak[0], _rss() - base)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    start = time.perf_counter()
    try:
        result = read_file(path)
        message = str(result.rejections[0]) if result.rejections else "read"
    except IngestionError as err:
        message = str(err)
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    return seconds, peak[0] / 2**20, message


def main() -> None:
    from articles.ingestion import sandbox
    from tests.hostile.build_corpus import build

    first = sandbox.child_start_seconds() * 1000
    forkserver = [sandbox.child_start_seconds() * 1000 for _ in range(RUNS)]
    spawn = _spawn_start_ms()
    print(f"load average {os.getloadavg()[0]:.1f}")
    print(f"forkserver: first child {first:.0f} ms (starts the server: imports and warm-up), "
          f"then median {statistics.median(forkserver):.1f} ms per child")  # fmt: skip
    print(f"spawn: median {statistics.median(spawn):.0f} ms per child (imports the readers)")
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in build(Path(tmp)).items():
            seconds, growth, message = _read_watched(path)
            print(f"{name:24} {seconds:5.2f} s  web process +{growth:4.0f} MB  {message[:90]}")
    usage = sandbox.usage
    print(f"children that finished: {usage.runs}, CPU {usage.cpu_seconds:.1f} s, "
          f"largest peak RSS {usage.peak_rss_mb:.0f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
