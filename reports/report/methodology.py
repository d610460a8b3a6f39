"""The generated methodology section and the data fingerprint a saved report records."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from articles.models import Article, Event
from framing.analysis_services import LOADED_TERMS_CODEBOOK
from framing.engine.codebooks import POLICY_FRAMES
from framing.models import Annotation, AnnotationStatus, Codebook, ModelVersion
from framing.operating_points import model_operating_points, score_floor
from framing.team_services import event_agreement
from reports.models import ActorCorrection, AlignmentCorrection

FINGERPRINT_VERSION = 1


def data_fingerprint(
    *, event: Event, article_ids: list[int], model: ModelVersion | None, point: str
) -> str:
    """SHA-256 of what a report's numbers are made of: the chosen articles' texts (by their
    revisions' hashes), outlets and republication links, every annotation on those texts with
    its decision, the model, the operating point and the analysts' alignment and actor
    corrections. Equal fingerprints, equal numbers."""
    h = hashlib.sha256(f"parallax-report-data/{FINGERPRINT_VERSION}\n".encode())
    articles = (
        Article.objects.filter(pk__in=article_ids)
        .order_by("pk")
        .values_list(
            "pk",
            "current_revision_id",
            "current_revision__sha256",
            "outlet_id",
            "outlet__type",
            "republication_of_id",
            "origin_id",
            "published_date",
        )
    )
    for row in articles.iterator(chunk_size=2000):
        h.update(repr(row).encode())
    h.update(f"\nmodel {model.pk if model else None} {model.sha256 if model else ''}".encode())
    h.update(f"\npoint {point}\n".encode())
    notes = Annotation.objects.filter(
        revision_id__in=Article.objects.filter(pk__in=article_ids).values("current_revision")
    )
    for row in (
        notes.order_by("pk")
        .values_list(
            "pk", "revision_id", "start", "end", "label__key", "status", "score", "voice", "version"
        )
        .iterator(chunk_size=5000)
    ):
        h.update(repr(row).encode())
    for model_cls in (AlignmentCorrection, ActorCorrection):
        h.update(repr(list(model_cls.objects.filter(event=event).values_list("pk"))).encode())
    return h.hexdigest()


@dataclass
class Methodology:
    codebook: str
    codebook_version: int | None
    labels: int
    frames_codebook: str
    model_name: str
    model_id: str
    engine_version: str
    model_created: dt.datetime | None
    point: str
    threshold: float
    precision: float | None
    recall: float | None
    points: dict[str, dict[str, float]]
    tags: dict[str, int]
    agreement: list[dict[str, Any]] = field(default_factory=list)
    agreement_coders: int = 0
    data_hash: str = ""
    generated_at: dt.datetime | None = None
    reproduce: list[str] = field(default_factory=list)


def methodology_for(
    *,
    event: Event,
    payload: dict[str, Any],
    model: ModelVersion | None,
    point: str,
    data_hash: str,
    saved_id: int | None = None,
) -> Methodology:
    codebook = Codebook.objects.filter(
        workspace_id=event.workspace_id, key=LOADED_TERMS_CODEBOOK
    ).first()
    version = codebook.versions.order_by("-number").first() if codebook else None
    points = model_operating_points(model.metrics if model else None)
    measured = points.get(point, {})
    agreement, coders = _agreement(event)
    return Methodology(
        codebook=codebook.name if codebook else "none",
        codebook_version=version.number if version else None,
        labels=version.labels.count() if version else 0,
        frames_codebook=f"Policy Frames Codebook ({len(POLICY_FRAMES)} frames)",
        model_name=model.name if model else "no model",
        model_id=(model.sha256 or "")[:12] if model else "",
        engine_version=model.engine_version if model else "",
        model_created=model.created_at if model else None,
        point=point,
        threshold=score_floor(model.metrics if model else None, point),
        precision=measured.get("precision"),
        recall=measured.get("recall"),
        points=points,
        tags=tag_origins(payload),
        agreement=agreement,
        agreement_coders=coders,
        data_hash=data_hash,
        generated_at=timezone.now(),
        reproduce=_reproduce(event, saved_id),
    )


def tag_origins(payload: dict[str, Any]) -> dict[str, int]:
    """How many of the report's loaded-term tags are model suggestions nobody decided on,
    suggestions an analyst accepted, and tags analysts wrote themselves."""
    ids = [row[6] for row in payload["terms"]]
    counts: Counter = Counter()
    for chunk in range(0, len(ids), 5000):
        rows = Annotation.objects.filter(pk__in=ids[chunk : chunk + 5000]).values_list(
            "status", "author_user_id"
        )
        for status, user in rows:
            if user:
                counts["analyst"] += 1
            elif status == AnnotationStatus.ACCEPTED:
                counts["accepted"] += 1
            else:
                counts["suggested"] += 1
    return {k: counts[k] for k in ("suggested", "accepted", "analyst")}


def _agreement(event: Event) -> tuple[list[dict[str, Any]], int]:
    team = event_agreement(event=event)
    if len(team.coders) < 2:
        return [], len(team.coders)
    rows = [
        {
            "label": s.label or "all labels",
            "kappa": s.kappa,
            "alpha": s.alpha,
            "spans": s.span_agreement,
            "tokens": s.tokens,
        }
        for s in team.scores
    ]
    return rows, len(team.coders)


def _reproduce(event: Event, saved_id: int | None) -> list[str]:
    steps = [
        f"Open event {event.pk} in Parallax, Reports → the saved report, and regenerate: "
        "the report records the model and the data fingerprint above and warns when either "
        "has changed since.",
    ]
    if saved_id is not None:
        steps.append(
            f"Or from a shell: python manage.py report_build {saved_id} --format pdf "
            "--out report.pdf (same numbers while the fingerprint is unchanged)."
        )
    steps.append(
        "Rates are loaded terms per 1,000 words with exact Poisson intervals; shares carry "
        "Wilson intervals; a republished copy counts once."
    )
    return steps
