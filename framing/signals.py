"""Hooks other apps listen to; framing never imports the apps that build on it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.dispatch import Signal

# Sent with ``event_ids`` (a set) once every current revision of those events has an analysis
# by the model they show: the moment summaries built from the analyses can be refreshed.
analysis_finished = Signal()

# Sent with ``revision_ids`` (a set) inside the transaction of every annotation service that
# adds, decides, relabels, deletes or restores annotations: summaries built on them update
# just those revisions' rows, in the same transaction.
annotations_changed = Signal()

# Inside ``annotations_batch()``: the revisions changed so far, announced once at its end.
_batch: ContextVar[set[int] | None] = ContextVar("annotations_batch", default=None)


def announce_annotations(revision_ids: Iterable[int]) -> None:
    """Tell listeners that annotations of ``revision_ids`` changed (call inside the write's
    transaction); within ``annotations_batch()`` they are told once, at its end."""
    pending = _batch.get()
    if pending is not None:
        pending.update(revision_ids)
    else:
        annotations_changed.send(sender=None, revision_ids=set(revision_ids))


@contextmanager
def annotations_batch() -> Iterator[None]:
    """Collect announcements (a bulk decision of hundreds of tags updates summaries once)."""
    if _batch.get() is not None:
        yield
        return
    token = _batch.set(set())
    try:
        yield
        pending = _batch.get() or set()
    finally:
        _batch.reset(token)
    if pending:
        annotations_changed.send(sender=None, revision_ids=pending)
