"""Keeping the stored summary up to date: queued refreshes and the annotation hook."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from articles.models import Article, Event
from framing.models import Analysis, ModelVersion
from reports import summary_store as store
from reports.models import EventSummary
from reports.summary.fingerprints import (
    PAYLOAD_VERSION,
    event_fingerprints,
    event_model_version,
    full_fingerprint,
)
from reports.summary.rows import build_summary, term_rows

# A refresh queued longer ago than this is taken for lost (its worker died) and queued again.
REFRESH_RETRY = dt.timedelta(minutes=5)
SUMMARY_DEBOUNCE = 10.0  # seconds a page-requested refresh waits for more changes


def request_refresh(event: Event, field: str, task_name: str, *, force: bool = False) -> None:
    """Queue ``reports.tasks.<task_name>`` for the event unless one is queued already
    (``force``: even then, as one queued earlier may have started before the change)."""
    from reports import tasks

    EventSummary.objects.get_or_create(event=event, defaults={"fingerprint": "", "payload": {}})
    now = timezone.now()
    idle = Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__lt": now - REFRESH_RETRY})
    rows = EventSummary.objects.filter(event=event)
    if (rows if force else rows.filter(idle)).update(**{field: now}):
        task = getattr(tasks, task_name)
        wait = 0 if force else summary_debounce_seconds()
        if wait and task.get_backend().supports_defer:
            # Decisions come in bursts: one rebuild a little later serves all of them, and
            # every web process decodes the new payload once instead of after each decision.
            task = task.using(run_after=now + dt.timedelta(seconds=wait))
        task.enqueue(event.pk)


def summary_debounce_seconds() -> float:
    """How long a page-requested refresh waits before running (``PARALLAX_SUMMARY_DEBOUNCE``)."""
    return float(getattr(settings, "PARALLAX_SUMMARY_DEBOUNCE", SUMMARY_DEBOUNCE))


def refresh_after_analysis(sender: object, *, event_ids: Iterable[int], **kwargs: Any) -> None:
    """An event's analysis just finished: rebuild its summary, vocabulary and span CSV lines
    now, in the background, so the first page after an import finds none missing or stale."""
    for event in Event.objects.filter(pk__in=list(event_ids)):
        request_refresh(event, "refresh_requested_at", "refresh_summary", force=True)
        request_refresh(event, "vocabulary_requested_at", "refresh_vocabulary", force=True)
        request_refresh(event, "span_csv_requested_at", "refresh_span_csv", force=True)


def summary_refresh(event: Event) -> str:
    """Bring the stored summary up to date (run by a task); returns "fresh", "terms" or "full".

    Only annotations or the operating point moved: the term rows of articles whose
    annotation counters changed since their rows were built are redone (all of them if the
    operating point moved). Anything else: every row is built again.
    """
    model = event_model_version(event)
    prints = event_fingerprints(event, model)
    stored = EventSummary.objects.filter(event=event).first()
    how = "full"
    if stored is not None and stored.fingerprint == prints.full:
        return "fresh"
    payload = stored.payload if stored is not None else {}
    if (
        stored is not None
        and stored.base_fingerprint == prints.base
        and payload.get("version") == PAYLOAD_VERSION
    ):
        how = "terms"
        point_moved = (payload.get("notes") or {}).get("point") != prints.notes["point"]
        ids = list(store.summarised(event)) if point_moved else store.stale_notes(event)
        with transaction.atomic():
            _redo_articles(event, model, ids)
    else:
        built = build_summary(event, model)
        with transaction.atomic():
            payload = store.store_rows(event, built)
    payload["notes"] = prints.notes
    defaults = {
        "fingerprint": prints.full,
        "base_fingerprint": prints.base,
        "payload": payload,
        "model_version": model,
        "built_at": timezone.now(),
        "refresh_requested_at": None,
    }
    EventSummary.objects.update_or_create(
        event=event,
        defaults=defaults,
        # the rows were written before the first summary row existed to carry their token
        create_defaults={**defaults, "rows_token": store.new_token()},
    )
    return how


def _redo_articles(event: Event, model: ModelVersion | None, article_ids) -> dict[str, int]:
    """Redo the term rows of summarised ``article_ids``; how the event's counters moved."""
    revisions = {rev: pk for pk, rev in store.summarised(event, article_ids).items() if rev}
    if not revisions:
        return {}
    analyses = {
        an.revision_id: an
        for an in Analysis.objects.filter(revision_id__in=revisions, model_version=model).only(
            "pk", "revision_id", "model_version_id"
        )
    }
    rows = term_rows({r: _ArticleId(pk) for r, pk in revisions.items()}, analyses)
    fresh: dict[int, list] = {pk: [] for pk in revisions.values()}
    for row in rows:
        fresh[row[0]].append(row)
    return store.redo_term_rows(event, fresh, store.notes_by_revision(revisions))


def annotations_changed(sender: object, *, revision_ids: Iterable[int], **kwargs: Any) -> None:
    """framing's hook: annotations of ``revision_ids`` changed. Their articles' rows and the
    stored counters are redone in the writing transaction, so the next page shows the
    decision at once, neither "updating…" nor a queued rebuild."""
    by_event: dict[int, list[int]] = {}
    articles = Article.objects.filter(current_revision_id__in=list(revision_ids))
    for event_id, pk in articles.values_list("event_id", "pk"):
        by_event.setdefault(event_id, []).append(pk)
    for event in Event.objects.filter(pk__in=list(by_event)).select_related("analysis_model"):
        with transaction.atomic():
            stored = EventSummary.objects.select_for_update().filter(event=event).first()
            if stored is None or stored.payload.get("version") != PAYLOAD_VERSION:
                continue  # never built: the first build counts everything
            moved = _redo_articles(event, event_model_version(event), by_event[event.pk])
            if moved:
                _restamp(stored, moved)


def _restamp(stored: EventSummary, moved: dict[str, int]) -> None:
    """Move the stored counters (and so the fingerprint) by one hook's difference: if they
    matched the database before, they match after; if not, the mismatch stays visible."""
    notes = stored.payload.get("notes") or {}
    notes = {**notes, **store.notes_plus(notes, moved)}
    stored.payload = {**stored.payload, "notes": notes}
    stored.fingerprint = full_fingerprint(stored.base_fingerprint, notes.get("point"), notes)
    stored.save(update_fields=["payload", "fingerprint"])


@dataclass(frozen=True, slots=True)
class _ArticleId:
    pk: int
