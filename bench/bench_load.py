"""Load test: simulated analysts on a 2,000-article event behind the production server.

    # SQLite: a copy of the database bench_scale.py builds (pages --db ...)
    .venv/bin/python bench/bench_load.py --db /tmp/scale.sqlite3
    # PostgreSQL: the same rows copied into DATABASE_URL (FLUSHED: give it its own database)
    DATABASE_URL=postgres://parallax:parallax@127.0.0.1:5432/mybench \\
        .venv/bin/python bench/bench_load.py --db /tmp/scale.sqlite3
    # options: --users 50 --seconds 60 --think 2 8 (seconds between a user's requests;
    #          --think 0 0 for users that never pause) --reads-only --web-workers 3 --cold
    #          --burst (every user's first request at the same instant)

Starts what ``make serve`` starts (gunicorn with deploy/gunicorn.conf.py, DEBUG off, static
files collected (into $TMPDIR/parallax-bench-static, again only when they changed) and
served by WhiteNoise, one ``run_worker``), then pins itself to one core
(the load generator must not take the server's) and runs ``--users`` threads for
``--seconds``. Each user, with its own session, arrives at a random moment of the first
pause (uniform between 0 and the longest ``--think``; ``--burst``: all at once), then
repeatedly picks: 70 % reads (event page,
compare with two columns, charts page, one chart's JSON, article page; equally often), 25 %
annotation decisions (POST, as the article page's buttons send them, each on a tag of its
own), 5 % span CSV exports of the event (read to the end); then waits ``--think`` seconds
(uniform). Requests arrive as from a TLS proxy (``X-Forwarded-Proto: https``), on loopback.
A request that went out on a kept-alive connection the server closed at that moment (its
keep-alive timeout), with no answer, is sent again on a new connection, as browsers do;
these are counted and printed, and the time of both attempts is the request's.

Prints requests per second, p50 and p95 of all requests and of each kind, errors (any status
other than 200, or no answer within 60 s), and the load average before and after (the
machine is shared); then each request's time split at gunicorn's access log (before
gunicorn handles it: connecting, accepting, waiting for a free thread; in gunicorn: the
parsed request to the last byte written) and the server's request log by kind.
Issue 12's target: p95 <= 300 ms and no errors with 50 users for 60 s.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
SECRET = "load-bench-" + "k" * 50  # shared by the server and this script's sessions
TIMEOUT = 60
STATIC_ROOT = Path(tempfile.gettempdir()) / "parallax-bench-static"


def load() -> str:
    a, b, c = os.getloadavg()
    return f"load {a:.1f} {b:.1f} {c:.1f}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(url: str, tmp: Path, port: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PARALLAX_TESTING", "DEBUG")}
    env.update(
        DATABASE_URL=url,
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="127.0.0.1",
        TRUST_X_FORWARDED_PROTO="1",  # as behind the TLS proxy of the deployment layout
        STATIC_ROOT=str(STATIC_ROOT),  # kept between runs: collected only when changed
        MEDIA_ROOT=str(tmp / "media"),
        PARALLAX_VAR_DIR=str(tmp),
        HOST="127.0.0.1",
        PORT=str(port),
        DJANGO_SETTINGS_MODULE="parallax.settings",
    )
    return env


def _prepare_database(args, tmp: Path) -> str:
    """The URL the server uses: a copy of ``--db``, in a temporary SQLite file or in
    ``DATABASE_URL``."""
    shutil.copy(args.db, tmp / "load.sqlite3")  # migrated below; the original stays as built
    return os.environ.get("DATABASE_URL") or f"sqlite:///{tmp / 'load.sqlite3'}"


def _setup(url: str, source: str) -> None:
    os.environ.update(
        DATABASE_URL=url, SECRET_KEY=SECRET, DJANGO_SETTINGS_MODULE="parallax.settings"
    )
    os.environ.pop("PARALLAX_TESTING", None)
    from django.conf import settings

    settings.DATABASES["src"] = {"ENGINE": "django.db.backends.sqlite3", "NAME": source}
    import django

    django.setup()


def _plan(users: int):
    """(event id, article ids, chart keys, one session cookie and tag pool per user)."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    from accounts.models import User
    from articles.models import Event
    from framing.models import Annotation, AnnotationStatus
    from reports import figures

    event = Event.objects.get(title="Export bench")
    user = User.objects.get(username="bench")
    store = import_module(settings.SESSION_ENGINE).SessionStore
    sessions = []
    for _ in range(users):
        session = store()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        sessions.append(session.session_key)
    tags = list(
        Annotation.objects.filter(
            revision__article__event=event, status=AnnotationStatus.SUGGESTED
        ).values_list("pk", "version")[: users * 400]
    )
    pools = [tags[k::users] for k in range(users)]
    articles = list(event.articles.order_by("pk").values_list("pk", flat=True))
    return event.pk, articles, list(figures.CHARTS), list(zip(sessions, pools, strict=True))


class User(threading.Thread):
    def __init__(self, base: str, port: int, plan, session: str, pool, args, stop: float):
        super().__init__(daemon=True)
        self.http = requests.Session()
        csrf = secrets.token_hex(16)  # 32 characters: Django's unmasked secret
        self.http.headers.update(
            {
                "Cookie": f"sessionid={session}; csrftoken={csrf}",
                "X-Forwarded-Proto": "https",
                "X-CSRFToken": csrf,
                "Origin": f"https://127.0.0.1:{port}",
            }
        )
        self.base, self.plan, self.pool, self.args, self.stop = base, plan, list(pool), args, stop
        self.results: list[tuple[str, float, bool]] = []
        self.failures: list[str] = []  # why each error was one: a status or an exception
        self.retries = 0  # requests sent again after a kept-alive connection was closed
        self.rng = random.Random(session)

    def run(self) -> None:
        low, high = self.args.think
        if not self.args.burst:
            # Analysts do not all click in the same millisecond: each user arrives at a
            # random moment of the first pause, as in a steady stream of users. (--burst: all
            # fifty first requests at once; they queue behind 2 cores' worth of threads.)
            self._pause(self.rng.uniform(0, high))
        while time.monotonic() < self.stop:
            kind, method, url, data = self._pick()
            rid = secrets.token_hex(6)  # matches the request to gunicorn's access log line
            start = time.perf_counter()
            ok = self._send(method, url, data, rid)
            self.results.append((kind, 1000 * (time.perf_counter() - start), ok, rid))
            if high:
                self._pause(self.rng.uniform(low, high))

    def _pause(self, seconds: float) -> None:
        time.sleep(min(seconds, max(0.0, self.stop - time.monotonic())))

    def _pick(self):
        event, articles, charts = self.plan
        r = self.rng.random()
        if not self.args.reads_only and r >= 0.70 and self.pool:
            if r < 0.95:
                pk, version = self.pool.pop()
                status = self.rng.choice(["accepted", "rejected"])
                data = {"status": status, "version": version}
                return "decision", "POST", f"/tags/{pk}/decide/", data
            return "span CSV", "GET", f"/events/{event}/compare/spans/?format=csv", None
        a, b = self.rng.sample(articles, 2)
        pages = [
            ("event page", f"/events/{event}/"),
            ("compare, 2 columns", f"/events/{event}/compare/?a={a}&a={b}"),
            ("charts page", f"/events/{event}/compare/charts/?a={a}&a={b}"),
            ("chart JSON", f"/events/{event}/compare/charts/{self.rng.choice(charts)}.json"),
            ("article page", f"/articles/{a}/"),
        ]
        kind, url = self.rng.choice(pages)
        return kind, "GET", url, None

    def _send(self, method: str, url: str, data, rid: str = "-") -> bool:
        reused = self._has_idle_connection()
        try:
            try:
                response = self._request(method, url, data, rid)
            except requests.ConnectionError as error:
                if not (reused and _closed_before_answer(error)):
                    raise
                # The server closed the kept-alive connection (its keep-alive timeout) just
                # as this request went out on it, so nothing was processed: a browser sends
                # such a request again on a new connection, and so do we (counted).
                self.retries += 1
                response = self._request(method, url, data, rid)
            if response.status_code != 200:
                self.failures.append(f"HTTP {response.status_code}")
            return response.status_code == 200
        except Exception as error:  # a refused or timed-out request is an error
            self.failures.append(type(error).__name__)
            return False

    def _request(self, method: str, url: str, data, rid: str):
        headers = {"X-Load-Id": rid}
        if method == "POST":
            headers["Accept"] = "application/json"
            return self.http.post(self.base + url, data=data, timeout=TIMEOUT, headers=headers)
        response = self.http.get(self.base + url, timeout=TIMEOUT, stream=True, headers=headers)
        for _ in response.iter_content(65536):
            pass
        return response

    def _has_idle_connection(self) -> bool:
        """Whether this user's next request goes out on a kept-alive connection."""
        pools = self.http.get_adapter(self.base).poolmanager.pools  # one host: its pools
        keys = pools.keys()  # the container refuses iteration itself
        idle = [conn for key in keys for conn in list(pools[key].pool.queue)]
        return any(conn is not None and conn.sock is not None for conn in idle)


def _closed_before_answer(error: Exception) -> bool:
    """A connection error whose cause is the server closing or resetting the connection
    before any byte of an answer (urllib3 wraps http.client's RemoteDisconnected and the
    socket's reset as "Connection aborted")."""
    cause = error.args[0] if error.args else None
    reasons = getattr(cause, "args", ())
    return any(
        isinstance(r, (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError))
        for r in reasons
    )


def _percentile(times: list[float], q: float) -> float:
    times = sorted(times)
    return times[min(len(times) - 1, round(q * (len(times) - 1)))] if times else 0.0


def _report(results, seconds: float) -> None:
    everything = [r for user in results for r in user]
    times = [ms for _, ms, *_ in everything]
    errors = sum(not ok for _, _, ok, _ in everything)
    print(
        f"all: {len(everything)} requests, {len(everything) / seconds:.1f} req/s, "
        f"p50 {statistics.median(times):.0f} ms, p95 {_percentile(times, 0.95):.0f} ms, "
        f"errors {errors} ({load()})"
    )
    by_kind = defaultdict(list)
    for kind, ms, ok, _ in everything:
        by_kind[kind].append((ms, ok))
    for kind, rows in sorted(by_kind.items()):
        ms = [m for m, _ in rows]
        print(
            f"  {kind:20} n {len(rows):5}  p50 {statistics.median(ms):7.0f} ms  "
            f"p95 {_percentile(ms, 0.95):7.0f} ms  errors {sum(not ok for _, ok in rows)}"
        )


def _gunicorn_split(results, access_log: Path) -> None:
    """Each request's client time split at gunicorn's own timing (access log ``%(L)s``:
    from the parsed request to the last byte written): "in gunicorn" is that; "before" is
    the rest (connecting, the accept, waiting for a free thread, reading the request)."""
    handled = {}
    for line in access_log.read_text().splitlines():
        rid, seconds = line.split()
        handled[rid] = 1000 * float(seconds)
    split = [(ms - handled[rid], handled[rid]) for user in results for _, ms, _, rid in user
             if rid in handled]  # fmt: skip
    if not split:
        return
    before, inside = [b for b, _ in split], [i for _, i in split]
    print(
        f"client time split at gunicorn's access log ({len(split)} requests): before gunicorn "
        f"handles it p50 {statistics.median(before):.0f} ms p95 {_percentile(before, 0.95):.0f}"
        f" max {max(before):.0f}; in gunicorn p50 {statistics.median(inside):.0f} ms p95 "
        f"{_percentile(inside, 0.95):.0f} max {max(inside):.0f}"
    )


def _server_side(log_path: Path, offset: int) -> None:
    """The server's own view of the test's requests (its request log from ``offset``): time
    inside Django and the thread's CPU, by kind. Far below the client's times: the requests
    queued before a process took them; "ms" far above "cpu": they waited inside."""
    kinds = [
        ("decision", "/decide/"),
        ("span CSV", "/spans/"),
        ("chart JSON", ".json"),
        ("charts page", "/charts/"),
        ("compare, 2 columns", "/compare/"),
        ("article page", "/articles/"),
        ("event page", "/events/"),
    ]
    by_kind = defaultdict(list)
    with log_path.open() as log:
        log.seek(offset)
        for line in log:
            if line.startswith("{"):
                row = json.loads(line)
                kind = next((k for k, part in kinds if part in row["path"]), "other")
                by_kind[kind].append((row["ms"], row.get("cpu_ms", 0.0)))
    print("server side (request log; a streamed body's writing is not counted):")
    for kind, rows in sorted(by_kind.items()):
        ms, cpu = [m for m, _ in rows], [c for _, c in rows]
        print(
            f"  {kind:20} n {len(rows):5}  ms p50 {statistics.median(ms):6.0f} "
            f"p95 {_percentile(ms, 0.95):6.0f}  cpu p50 {statistics.median(cpu):6.0f} "
            f"p95 {_percentile(cpu, 0.95):6.0f}"
        )


def _wait_ready(base: str, proc: subprocess.Popen) -> None:
    for _ in range(120):
        if proc.poll() is not None:
            raise SystemExit("gunicorn exited; see its log")
        try:
            proxied = {"X-Forwarded-Proto": "https"}
            if requests.get(base + "/healthz", headers=proxied, timeout=5).status_code < 500:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise SystemExit("gunicorn did not answer in 60 s")


def _settle(
    base: str, plan, session: str, processes: int, *, warm_all: bool, timeout: float = 300
) -> None:
    """Open every page once and wait for the tasks they queue (summary, vocabulary, span
    CSV lines) to be run by the worker, then open every page and chart a few times per web
    process, so that each process has read the summary rows and drawn each chart once: a
    deployed event is looked at long before fifty people do. (A process's first chart of a
    kind costs 0.1-1 s of CPU; ``--cold`` leaves that to the test.)"""
    from django_tasks_db.models import DBTaskResult

    warm = User(base, 0, plan, session, [], argparse.Namespace(think=(0, 0)), 0)
    event, articles, _ = plan
    for url in (
        f"/events/{event}/compare/?a={articles[0]}&a={articles[1]}",
        f"/events/{event}/compare/charts/vocabulary.json",
        f"/events/{event}/compare/spans/?format=csv",  # its lines are stored by a task
    ):
        warm._send("GET", url, None)
    end = time.monotonic() + timeout
    while DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).exists():
        if time.monotonic() > end:
            print("  (tasks still queued after the warm-up)")
            break
        time.sleep(1)
    if not warm_all:
        return
    _, _, charts = plan
    # A kept-alive connection stays with one process: a new connection for every request.
    warm.http.headers["Connection"] = "close"
    pages = [f"/events/{event}/compare/charts/{key}.json" for key in charts]
    pages += [f"/events/{event}/", f"/events/{event}/compare/charts/?a={articles[0]}"]
    for _ in range(3 * processes):  # connections go to whichever process accepts first
        for url in pages:
            warm._send("GET", url, None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="SQLite file built by bench_scale.py")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think", type=float, nargs=2, default=(2.0, 8.0))
    parser.add_argument("--reads-only", action="store_true")
    parser.add_argument("--cold", action="store_true", help="no per-process warm-up")
    parser.add_argument(
        "--burst", action="store_true", help="every user's first request at the same instant"
    )
    parser.add_argument("--web-workers", type=int, default=3)
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # stop the servers on the way out
    tmp = Path(tempfile.mkdtemp(prefix="bench-load-"))
    url = _prepare_database(args, tmp)
    _setup(url, str(tmp / "load.sqlite3"))
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    if connection.vendor == "postgresql":
        call_command("migrate", database="src", verbosity=0)
        from _scale_data import copy_database

        start = time.perf_counter()
        copy_database()
        # As after any restore: statistics for the planner and a visibility map, now rather
        # than by autovacuum in the middle of the test (it woke there ~20 s in, every run).
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE)")
        print(f"copied {args.db} into PostgreSQL in {time.perf_counter() - start:.0f} s")
    port = _free_port()
    env = _env(url, tmp, port)
    env["WEB_WORKERS"] = str(args.web_workers)
    py = sys.executable
    manage = [py, "manage.py"]
    subprocess.run([*manage, "collect_static"], cwd=ROOT, env=env, check=True)
    log = open(tmp / "server.log", "w")  # noqa: SIM115 -- open while the servers run
    gunicorn = [str(Path(py).parent / "gunicorn"), "-c", "deploy/gunicorn.conf.py"]
    # The bench's own access log: each request's id and gunicorn's time for it.
    access = ["--access-logfile", str(tmp / "access.log")]
    gunicorn += [*access, "--access-logformat", "%({x-load-id}i)s %(L)s"]
    procs = [
        subprocess.Popen([*gunicorn, "parallax.wsgi"], cwd=ROOT, env=env, stderr=log, stdout=log),
        subprocess.Popen(
            [*manage, "run_worker", "--interval", "1", "--no-reload"],
            cwd=ROOT,
            env=env,
            stderr=log,
            stdout=log,
        ),
    ]
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_ready(base, procs[0])
        event, articles, charts, users = _plan(args.users)
        plan = (event, articles, charts)
        _settle(base, plan, users[0][0], args.web_workers, warm_all=not args.cold)
        os.sched_setaffinity(0, {os.cpu_count() - 1})  # taskset: the generator on one core
        what = "reads only" if args.reads_only else "70/25/5 mix"
        print(
            f"{connection.vendor}, {len(articles):,} articles, {args.users} users, "
            f"{args.seconds:.0f} s, {what}, think {args.think[0]:g}-{args.think[1]:g} s, "
            f"{'all arriving at once' if args.burst else 'arriving over the first pause'}, "
            f"gunicorn {args.web_workers} workers x {env.get('WEB_THREADS', '2')} threads "
            f"({load()})"
        )
        log.flush()
        offset = (tmp / "server.log").stat().st_size
        stop = time.monotonic() + args.seconds
        threads = [User(base, port, plan, s, pool, args, stop) for s, pool in users]
        start = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join(TIMEOUT + args.seconds)
        _report([t.results for t in threads], time.monotonic() - start)
        failures = Counter(f for t in threads for f in t.failures)
        if failures:
            print("errors: " + ", ".join(f"{n} {why}" for why, n in failures.most_common()))
        retries = sum(t.retries for t in threads)
        print(f"sent again after the server closed a kept-alive connection: {retries}")
        _gunicorn_split([t.results for t in threads], tmp / "access.log")
        _server_side(tmp / "server.log", offset)
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(30)
        log.close()
        if os.environ.get("KEEP_LOAD_LOG"):
            print(f"server log: {tmp / 'server.log'}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
