"""The summary as pages read it: the stored payload, never rebuilt in a request."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from articles.models import Event
from reports import summary_store as store
from reports.models import EventSummary
from reports.summary.fingerprints import (
    PAYLOAD_VERSION,
    event_fingerprints,
    event_model_version,
    matched_lately,
    remember_match,
)
from reports.summary.refresh import request_refresh
from reports.summary.rows import empty_summary

# Decoded payloads by event id, so a page whose summary has not changed since this process
# last read it decodes no JSON (an event of 2,000 articles stores megabytes). Read-only for
# callers; few entries, as each may hold tens of megabytes.
_DECODED: OrderedDict[int, tuple[str, dict[str, Any]]] = OrderedDict()
_DECODED_MAX = 4


def event_summary(event: Event, *, rows: bool = True) -> dict[str, Any]:
    """The event's summary payload; never rebuilt here.

    When what the payload depends on has moved, a refresh is queued (a background task) and
    the last stored payload is returned marked ``"updating": True`` (an empty one if none was
    ever built), so a page shows the last result with a note instead of waiting.
    ``rows=False``: only the event-wide parts (labels, frames, outlets, actors) and the flag,
    for pages that read the article and outlet rows they show themselves.
    """
    model = event_model_version(event)
    # Stored first, counted second: a decision committing in between moves both (its hook
    # restamps the stored summary in the decision's transaction), so a mismatch may be that
    # decision, not staleness; the stored fingerprint read again tells (one small query).
    fingerprint, payload = _stored_payload(event)
    if fingerprint and payload.get("version") == PAYLOAD_VERSION and matched_lately(event, model):
        updating = False  # matched a moment ago; hooks have kept it matching since
    else:
        prints = event_fingerprints(event, model)
        if fingerprint != prints.full:
            fingerprint, payload = _stored_payload(event)
        updating = fingerprint != prints.full
        if updating:
            request_refresh(event, "refresh_requested_at", "refresh_summary")
            # The task may have run already (the immediate backend of tests and small set-ups).
            fingerprint, payload = _stored_payload(event)
            updating = fingerprint != prints.full
        remember_match(event, model, matched=not updating)
    if payload.get("version") != PAYLOAD_VERSION:
        return {**empty_summary(event, model), **({"updating": True} if updating else {})}
    if rows:
        payload = {**payload, **store.assembled_rows(event)}
    return {**payload, "updating": True} if updating else payload


def _stored_payload(event: Event) -> tuple[str, dict[str, Any]]:
    """(fingerprint, event-wide payload) as stored, decoded once per process and version."""
    stored = EventSummary.objects.filter(event=event)
    row = stored.values_list("fingerprint", "built_at").first()
    if row is None:
        return "", {}
    version = f"{row[0]}@{row[1].isoformat()}"  # a rebuild with equal inputs is a new version
    cached = _DECODED.get(event.pk)
    if cached is not None and cached[0] == version:
        _DECODED.move_to_end(event.pk)
        return row[0], cached[1]
    payload = stored.filter(fingerprint=row[0]).values_list("payload", flat=True).first()
    if payload is None:  # rebuilt between the two reads: the next request reads it
        return "", {}
    if cached is not None:  # unchanged parts stay the same objects (charts built on them stand)
        last = cached[1]
        payload = {k: last[k] if k in last and last[k] == v else v for k, v in payload.items()}
    _DECODED[event.pk] = (version, payload)
    _DECODED.move_to_end(event.pk)
    while len(_DECODED) > _DECODED_MAX:
        _DECODED.popitem(last=False)
    return row[0], payload


def summary_stamp(event: Event) -> str:
    """When the stored summary this process last read for ``event`` was built ("" if none):
    a refresh moves it, a decision's restamp does not. What depends on the event's articles
    (titles, outlets, which exist) but not on annotations can be kept per stamp."""
    cached = _DECODED.get(event.pk)
    return cached[0].rpartition("@")[2] if cached is not None else ""
