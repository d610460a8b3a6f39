"""Fingerprints of what an event's summary is built from (a few aggregate queries)."""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, Max, Sum

from articles.models import Event
from framing.models import Analysis, Annotation, ModelVersion
from reports import summary_store as store
from reports.models import ActorCorrection

# 3: actor kinds and merged aliases; 4: articles in their own rows; 5: names; 6: an outlet's
# own name as a speaker is its own voice; 7: each quote row's relay ("relays OTA via VCNA")
PAYLOAD_VERSION = 7


def event_model_version(event: Event) -> ModelVersion | None:
    """The model whose analyses the event's pages show (read-only: never creates one)."""
    if event.analysis_model_id:
        return event.analysis_model
    return ModelVersion.objects.filter(workspace=None).order_by("-created_at").first()


@dataclass(frozen=True, slots=True)
class Fingerprints:
    base: str  # articles, revisions, outlets, republication links, analyses, model
    full: str  # base plus annotations and the operating point: the whole payload
    notes: dict[str, Any]  # the annotation counters behind ``full``


def event_fingerprints(event: Event, model: ModelVersion | None) -> Fingerprints:
    rows = list(
        event.articles.order_by("pk").values_list(
            "pk",
            "current_revision_id",
            "outlet_id",
            "outlet__name",
            "outlet__type",
            "republication_of_id",
            "origin_id",
            "title",
            "published_date",
        )
    )
    # Subqueries and aggregates: thousands of ids neither sent as parameters nor read back.
    # Analyses are only ever added or deleted, so count, sum and maximum of ids tell them apart.
    revisions = event.articles.values("current_revision")
    analyses = Analysis.objects.filter(revision_id__in=revisions, model_version=model).aggregate(
        n=Count("pk"), top=Max("pk"), total=Sum("pk")
    )
    notes = store.annotation_notes(Annotation.objects.filter(revision_id__in=revisions))
    point = event.operating_point  # the score floor pages apply depends on it
    # Analysts' actor merges change the payload's actors: a whole rebuild, like articles.
    merges = ActorCorrection.objects.filter(event=event).aggregate(n=Count("pk"), last=Max("pk"))
    base = _hash([PAYLOAD_VERSION, model.pk if model else None, rows, analyses, merges])
    return Fingerprints(base, full_fingerprint(base, point, notes), {**notes, "point": point})


def full_fingerprint(base: str, point: str, notes: dict[str, int]) -> str:
    """The whole summary's fingerprint from its parts (so a hook can move the notes alone)."""
    return _hash([base, point, {k: notes.get(k, 0) for k in store.NOTE_FIELDS}])


def _hash(basis: Any) -> str:
    return hashlib.sha256(json.dumps(basis, default=str).encode()).hexdigest()


# When this process last counted an event's inputs and found its stored summary matching:
# {(event, model, operating point): time.monotonic()}. The count (~15 ms at 2,000 articles,
# most of a chart request) is the safety net for changes made beside the services: theirs
# restamp the stored summary in the writing transaction, so it keeps matching after a
# match. Counted again at most every ``PARALLAX_SUMMARY_CHECK`` seconds per process, so a
# change beside the services shows "updating…" that much later (its refresh waits longer).
_MATCHED: dict[tuple[int, int | None, str], float] = {}
_MATCHED_MAX = 256


def _match_key(event: Event, model: ModelVersion | None) -> tuple[int, int | None, str]:
    # The operating point and the model are on rows the page reads anyway: moving either
    # (through a service without a hook) is seen at once.
    return (event.pk, model.pk if model else None, event.operating_point)


def matched_lately(event: Event, model: ModelVersion | None) -> bool:
    """Whether this process found the event's stored summary matching its inputs less than
    ``PARALLAX_SUMMARY_CHECK`` seconds ago (then a page need not count them again)."""
    seconds = float(getattr(settings, "PARALLAX_SUMMARY_CHECK", 0.0))
    last = _MATCHED.get(_match_key(event, model))
    return seconds > 0 and last is not None and time.monotonic() - last < seconds


def remember_match(event: Event, model: ModelVersion | None, *, matched: bool) -> None:
    key = _match_key(event, model)
    _MATCHED.pop(key, None)
    if matched:
        _MATCHED[key] = time.monotonic()
        while len(_MATCHED) > _MATCHED_MAX:
            _MATCHED.pop(next(iter(_MATCHED)))
