"""The ingestion sandbox: limits hit in the child come back as messages naming the file."""

from __future__ import annotations

import os
import signal
import time

import pytest

from articles.ingestion import IngestionError, Limits
from articles.ingestion.sandbox import UNREADABLE, sandboxed

# The functions below run in the child process, so they live at module level (picklable).


def _records(count, *, limits):
    for number in range(count):
        yield {"n": number, "pid": os.getpid()}


def _allocate(megabytes, *, limits):
    yield len(bytearray(megabytes * 1024 * 1024))


def _spin(*, limits):
    while True:
        pass
    yield  # a generator, like every sandboxed function


def _sleep(seconds, *, limits):
    time.sleep(seconds)
    yield "late"


def _pid_then_sleep(*, limits):
    yield os.getpid()
    time.sleep(60)
    yield "never"


def _refuse(*, limits):
    yield "first"
    raise IngestionError("has no usable text", source="a.pdf", row="entry x.pdf", field="text")


def _break(*, limits):
    raise ValueError("parser internals /secret/path")
    yield


def _segfault(*, limits):
    os.kill(os.getpid(), signal.SIGSEGV)
    yield


def _run(fn, *args, **limits):
    return list(sandboxed(fn, *args, source="doc.pdf", location="entry doc.pdf",
                          limits=Limits(**limits)))  # fmt: skip


def test_items_come_back_in_order_from_another_process():
    items = _run(_records, 3)
    assert [item["n"] for item in items] == [0, 1, 2]
    assert items[0]["pid"] != os.getpid()


def test_child_over_its_memory_allowance_is_refused_naming_the_file():
    with pytest.raises(IngestionError) as caught:
        _run(_allocate, 400, child_memory_mb=100)
    assert str(caught.value) == (
        f"doc.pdf, entry doc.pdf: {UNREADABLE}: reading it needed more than 100 MB of memory"
    )


def test_memory_allowance_is_on_top_of_what_the_child_starts_with():
    assert _run(_allocate, 50, child_memory_mb=100) == [50 * 1024 * 1024]


def test_child_over_its_processor_time_is_stopped():
    start = time.monotonic()
    with pytest.raises(IngestionError, match=r"more than 1 s of processor time"):
        _run(_spin, child_cpu_seconds=1, child_timeout_seconds=60)
    assert time.monotonic() - start < 30  # generous: the machine is shared


def test_child_over_the_wall_clock_timeout_is_killed():
    with pytest.raises(IngestionError, match=r"doc\.pdf.*took longer than 0\.5 s"):
        _run(_sleep, 30, child_timeout_seconds=0.5)


def test_ingestion_error_in_the_child_keeps_its_source_row_and_field():
    received = []
    with pytest.raises(IngestionError) as caught:
        for item in sandboxed(_refuse, source="a.pdf", limits=Limits()):
            received.append(item)
    err = caught.value
    assert received == ["first"]
    assert (err.source, err.row, err.field, err.message) == (
        "a.pdf", "entry x.pdf", "text", "has no usable text"
    )  # fmt: skip


def test_unexpected_exception_becomes_the_unreadable_message_without_internals(caplog):
    with pytest.raises(IngestionError) as caught:
        _run(_break)
    assert caught.value.message == UNREADABLE
    assert "secret" not in str(caught.value)
    assert "ValueError: parser internals" in caplog.text  # the operator still sees why


def test_child_killed_by_a_signal_is_reported_as_unreadable():
    with pytest.raises(IngestionError, match=r"doc\.pdf.*could not read this file"):
        _run(_segfault)


def test_stopping_early_kills_the_child():
    records = sandboxed(_pid_then_sleep, source="a.html", limits=Limits())
    pid = next(records)
    records.close()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
