"""Run the parsing of untrusted documents in a child process with memory, CPU and time limits.

A 1 MB PDF can inflate to gigabytes and an XML part can hold a billion laughs; parsers are C
libraries we cannot bound from the inside. So the document is handed to a child process that
caps its own address space (RLIMIT_AS) and processor time (RLIMIT_CPU) before reading, and
the web process waits for it with a wall-clock timeout. Whatever goes wrong in the child (a
limit, a crash, a parser bug) comes back as an ``IngestionError`` naming the file; the web
process never holds the document's expanded form.

Children come from a ``forkserver`` that has imported the readers once: about 10 ms per child
instead of ~0.7 s for ``spawn``, and never ``fork`` (a web server runs threads, and forking a
threaded process can deadlock). As with any multiprocessing use, a script that reads documents
needs the ``if __name__ == "__main__":`` guard (each child imports the main module).

This bounds resources; it is not a boundary against a parser exploit that runs code (the child
has the web process's user and files, and its results come back pickled).
"""

from __future__ import annotations

import logging
import math
import multiprocessing
import os
import resource
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from .decode import EncodingUnknownError, chosen_encoding, current_choice
from .errors import IngestionError
from .limits import MB, Limits

logger = logging.getLogger(__name__)

UNREADABLE = "could not read this file (too large or malformed)"
# The forkserver imports these once; each child then starts with the readers loaded.
_PRELOAD = ["articles.ingestion.sandbox_warmup"]
_EXIT_MEMORY = 3  # the child ran out of its address-space allowance
_context_lock = threading.Lock()
_context: multiprocessing.context.ForkServerContext | None = None


@dataclass(slots=True)
class ChildUsage:
    """Totals over the children this process started that finished (benchmarks read these;
    not locked, so approximate when threads read documents at the same time)."""

    runs: int = 0
    cpu_seconds: float = 0.0
    peak_rss_mb: float = 0.0


usage = ChildUsage()


def sandboxed(
    fn: Callable[..., Iterator[Any]],
    /,
    *args: Any,
    source: str,
    location: str | None = None,
    limits: Limits,
    **kwargs: Any,
) -> Iterator[Any]:
    """Yield what the generator ``fn(*args, limits=limits, **kwargs)`` yields, run in a child.

    The CPU and wall-clock limits apply to each item (a zip's entries each get the full
    allowance); the memory limit to the whole child. Raises ``IngestionError`` for anything
    ``fn`` raises or any way the child fails. ``fn`` and its arguments must be picklable.
    """
    receiver, sender = _get_context().Pipe(duplex=False)
    process = _get_context().Process(
        target=_child_main,
        args=(sender, fn, args, kwargs, limits, current_choice()),
        name=f"ingest {source}",
        daemon=True,  # dies with the web process; and a daemon may not start processes itself
    )
    process.start()
    sender.close()  # ours closed, the child's end is the only writer: EOF means it died
    try:
        yield from _receive(receiver, process, source=source, location=location, limits=limits)
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()  # the caller stopped early, or a limit was hit
        process.join()


def _receive(receiver: Connection, process, *, source, location, limits) -> Iterator[Any]:
    while True:
        if not receiver.poll(limits.child_timeout_seconds):
            process.kill()
            raise _unreadable(
                f"reading it took longer than {limits.child_timeout_seconds:g} s",
                source=source,
                location=location,
            )
        try:
            kind, payload = receiver.recv()
        except (EOFError, OSError):
            process.join()
            raise _death(process.exitcode, source, location, limits) from None
        if kind == "item":
            yield payload
        elif kind == "done":
            _count(payload)
            return
        elif kind == "error":
            _count(payload.pop("usage"))
            raise IngestionError(**payload)
        elif kind == "encoding":
            _count(payload.pop("usage"))
            raise EncodingUnknownError(**payload)
        else:  # "crash": a parser raised something other than IngestionError
            logger.warning("ingestion child failed on %s: %s", source, payload)
            raise _unreadable(None, source=source, location=location)


def _death(exitcode: int | None, source: str, location: str | None, limits: Limits):
    if exitcode == _EXIT_MEMORY:
        reason = f"reading it needed more than {limits.child_memory_mb:,} MB of memory"
    elif exitcode == -signal.SIGXCPU:
        reason = f"reading it needed more than {limits.child_cpu_seconds:g} s of processor time"
    else:
        reason = None
        logger.warning("ingestion child for %s exited with %s", source, exitcode)
    return _unreadable(reason, source=source, location=location)


def _unreadable(reason: str | None, *, source: str, location: str | None) -> IngestionError:
    message = f"{UNREADABLE}: {reason}" if reason else UNREADABLE
    return IngestionError(message, source=source, row=location)


def _count(child: tuple[float, float]) -> None:
    usage.runs += 1
    usage.cpu_seconds += child[0]
    usage.peak_rss_mb = max(usage.peak_rss_mb, child[1])


def _get_context() -> multiprocessing.context.ForkServerContext:
    global _context
    with _context_lock:
        if _context is None:
            context = multiprocessing.get_context("forkserver")
            # one forkserver per process, shared with any other forkserver user: the preload
            # only takes effect if this runs before the server starts
            context.set_forkserver_preload(_PRELOAD)
            _context = context
        return _context


# --- in the child ------------------------------------------------------------------------------


def _child_main(
    conn: Connection, fn, args, kwargs, limits: Limits, encoding: str | None = None
) -> None:
    _limit_self(limits)
    try:
        with chosen_encoding(encoding):
            for item in fn(*args, limits=limits, **kwargs):
                conn.send(("item", item))
                _arm_cpu(limits.child_cpu_seconds)  # each item gets the full allowance
        conn.send(("done", _own_usage()))
    except MemoryError:
        os._exit(_EXIT_MEMORY)
    except EncodingUnknownError as err:
        # Its guesses let the analyst choose an encoding: rebuilt as such in the web process.
        fields = {"source": err.source, "guesses": err.guesses}
        conn.send(("encoding", {"message": err.message, **fields, "usage": _own_usage()}))
    except IngestionError as err:
        fields = {"source": err.source, "row": err.row, "field": err.field}
        conn.send(("error", {"message": err.message, **fields, "usage": _own_usage()}))
    except Exception as err:  # hostile input makes parsers fail in any way
        conn.send(("crash", f"{type(err).__name__}: {err}"[:500]))
    finally:
        conn.close()


def _limit_self(limits: Limits) -> None:
    # no core files from a killed child; address space counted from what the child starts with
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    allowance = _address_space() + limits.child_memory_mb * MB
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        allowance = min(allowance, hard)
    resource.setrlimit(resource.RLIMIT_AS, (allowance, hard))
    _arm_cpu(limits.child_cpu_seconds)


def _arm_cpu(seconds: float) -> None:
    # The soft limit counts from the process's start; past it the kernel sends SIGXCPU, whose
    # default action ends the process. The hard limit stays put so it can be re-armed.
    used = _own_usage()[0]
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = math.ceil(used + seconds)
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def _own_usage() -> tuple[float, float]:
    """(CPU seconds, peak RSS in MB) of this process."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime, own.ru_maxrss / 1024


def _address_space() -> int:
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:  # not Linux (where RLIMIT_AS is not enforced anyway)
        return 512 * MB


def child_start_seconds() -> float:
    """Time to start one child and hear back (benchmarks)."""
    start = time.perf_counter()
    for _ in sandboxed(_nothing, source="probe", limits=Limits()):
        pass
    return time.perf_counter() - start


def _nothing(*, limits: Limits) -> Iterator[None]:
    yield from ()
