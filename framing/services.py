"""Writes for codebooks, labels and annotations."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from accounts.audit import audit_record
from accounts.models import AuditAction, AuditObject, User, Workspace
from articles.models import TextRevision
from articles.services import StaleEditError
from framing.graphemes import grapheme_around, whole_graphemes
from framing.models import (
    Annotation,
    AnnotationStatus,
    Codebook,
    CodebookVersion,
    Label,
    LabelKind,
    ModelVersion,
    SpanDecision,
)
from framing.signals import announce_annotations

# The codebooks every workspace starts with; keys are the engine's stable keys.
DEFAULT_CODEBOOKS = (
    ("loaded-terms", "Loaded terms", LabelKind.LOADED_TERM, "LOADED_TERM_CATEGORIES"),
    ("policy-frames", "Policy Frames Codebook", LabelKind.FRAME, "POLICY_FRAMES"),
    ("generic-frames", "Generic news frames", LabelKind.FRAME, "GENERIC_FRAMES"),
)


@transaction.atomic
def codebooks_install_defaults(*, workspace: Workspace) -> list[Codebook]:
    from framing.engine import codebooks as engine_codebooks

    installed = []
    for key, name, kind, attr in DEFAULT_CODEBOOKS:
        if Codebook.objects.filter(workspace=workspace, key=key).exists():
            continue
        codebook = Codebook.objects.create(workspace=workspace, key=key, name=name, kind=kind)
        labels = [
            {
                "key": d.key,
                "name": d.name,
                "description": d.description,
                "colour": d.colour,
                "kind": kind,
            }
            for d in getattr(engine_codebooks, attr)
        ]
        codebook_version_create(codebook=codebook, labels=labels, user=None, note="Default")
        installed.append(codebook)
    return installed


@transaction.atomic
def codebook_version_create(
    *, codebook: Codebook, labels: Sequence[dict], user: User | None, note: str = ""
) -> CodebookVersion:
    """Freeze a new version of `codebook` with exactly these labels."""
    keys = [label["key"] for label in labels]
    if len(keys) != len(set(keys)):
        raise ValidationError({"labels": "Label keys must be unique within a codebook."})
    latest = codebook.versions.order_by("-number").first()
    version = CodebookVersion.objects.create(
        codebook=codebook, number=(latest.number + 1) if latest else 1, note=note, created_by=user
    )
    rows = []
    for position, spec in enumerate(labels):
        label = Label(codebook_version=version, position=position, **spec)
        label.full_clean(exclude=["codebook_version"])
        rows.append(label)
    Label.objects.bulk_create(rows)
    audit_record(
        workspace=codebook.workspace_id,
        actor=user,
        action=AuditAction.CREATED if version.number == 1 else AuditAction.CHANGED,
        object_type=AuditObject.CODEBOOK,
        object_id=codebook.pk,
        label=codebook.name,
        detail=f"version {version.number}: {len(rows)} labels" + (f"; {note}" if note else ""),
    )
    return version


def current_version(*, codebook: Codebook) -> CodebookVersion:
    return codebook.versions.order_by("-number").first()


def _check_span(revision: TextRevision, start: int, end: int) -> None:
    text = revision.text
    if not (0 <= start < end <= len(text)):
        raise ValidationError(
            {"start": f"Span {start}–{end} is outside the text (length {len(text)})."}
        )
    # Refused rather than snapped: the analyst should see what will be tagged.
    for field, offset in (("start", start), ("end", end)):
        cluster = grapheme_around(text, offset)
        if cluster:
            whole = whole_graphemes(text, start, end)
            raise ValidationError(
                {
                    field: f"Span {start}–{end} {'starts' if field == 'start' else 'ends'} "
                    f"inside the character “{text[cluster[0] : cluster[1]]}” (an accent, flag "
                    f"or joined emoji is one character); select {whole[0]}–{whole[1]} to "
                    "keep it whole."
                }
            )


def annotation_create(
    *,
    revision: TextRevision,
    start: int,
    end: int,
    label: Label,
    author_user: User | None = None,
    author_model: ModelVersion | None = None,
    status: str = AnnotationStatus.ACCEPTED,
    note: str = "",
) -> Annotation:
    """One span by an analyst (accepted by default) or a model (suggested)."""
    if (author_user is None) == (author_model is None):
        raise ValidationError("An annotation has exactly one author: a user or a model version.")
    _check_span(revision, start, end)
    workspace_id = revision.article.event.workspace_id
    if label.codebook_version.codebook.workspace_id != workspace_id:
        raise ValidationError({"label": "The label belongs to another workspace."})
    annotation = Annotation(
        revision=revision,
        start=start,
        end=end,
        label=label,
        author_user=author_user,
        author_model=author_model,
        status=status,
        note=note,
        source="analyst" if author_user else "model",
    )
    annotation.full_clean()
    annotation.save()
    if author_user is not None:  # model suggestions are the engine's, not a person's change
        _audit_annotation(annotation, author_user, AuditAction.CREATED, f"{start}–{end}")
    announce_annotations([revision.pk])
    return annotation


def _audit_annotation(annotation: Annotation, user: User, action: str, detail: str) -> None:
    article = annotation.revision.article
    audit_record(
        workspace=article.event.workspace_id,
        actor=user,
        action=action,
        object_type=AuditObject.ANNOTATION,
        object_id=annotation.pk,
        label=f"{annotation.label.name} in “{article.title}”",
        detail=detail,
    )


@transaction.atomic
@transaction.atomic  # the decision and the summary rows it moves (annotations_changed)
def annotation_decide(
    *, annotation: Annotation, status: str, user: User, version: int | None = None
) -> Annotation:
    """Accept or reject a suggestion; the decision outlives this model version.

    ``version`` is the annotation's version the deciding page showed; when someone decided
    since, ``StaleEditError`` says what they decided instead of silently overruling it.
    """
    if status not in (AnnotationStatus.ACCEPTED, AnnotationStatus.REJECTED):
        raise ValidationError({"status": "Decide with accepted or rejected."})
    now = timezone.now()
    rows = Annotation.objects.filter(pk=annotation.pk)
    if version is not None:
        rows = rows.filter(version=version)
    if not rows.update(status=status, updated_at=now, version=F("version") + 1):
        raise _stale_decision(annotation)
    annotation.refresh_from_db(fields=["status", "updated_at", "version"])
    SpanDecision.objects.update_or_create(
        revision=annotation.revision,
        start=annotation.start,
        end=annotation.end,
        label_key=annotation.label.key,
        defaults={"status": status, "decided_by": user, "decided_at": timezone.now()},
    )
    _audit_annotation(annotation, user, AuditAction.CHANGED, status)
    announce_annotations([annotation.revision_id])
    return annotation


def _stale_decision(annotation: Annotation) -> StaleEditError:
    current = Annotation.objects.select_related("label").get(pk=annotation.pk)
    decision = (
        SpanDecision.objects.filter(
            revision_id=current.revision_id,
            start=current.start,
            end=current.end,
            label_key=current.label.key,
        )
        .select_related("decided_by")
        .first()
    )
    who = f" by {decision.decided_by}" if decision and decision.decided_by else ""
    when = (
        f" at {timezone.localtime(decision.decided_at):%Y-%m-%d %H:%M}"
        if decision and decision.decided_at
        else ""
    )
    return StaleEditError(
        f"This tag was {current.get_status_display().lower()}{who}{when} after you opened the "
        f"page; your decision was not saved. It is now {current.get_status_display().lower()}: "
        "decide again if you still disagree.",
        current={"id": current.pk, "status": current.status, "version": current.version},
    )


@dataclass(frozen=True, slots=True)
class ReanchorPlan:
    """Where each analyst annotation of a revision lands in an edited text (None: dropped)."""

    annotation_ids: tuple[int, ...]
    moved: list


def annotations_reanchor_plan(
    *,
    old: TextRevision,
    new_text: str,
    mapper: Callable[[str, str, list[tuple[int, int]]], Iterable],
) -> ReanchorPlan:
    """The diff behind ``annotations_reanchor``, run before the write transaction: on a long
    text it takes seconds, and SQLite's single write lock must not wait for it."""
    rows = list(_carried(old).values_list("pk", "start", "end"))
    moved = list(mapper(old.text, new_text, [(start, end) for _, start, end in rows]))
    return ReanchorPlan(tuple(pk for pk, _, _ in rows), moved)


def _carried(old: TextRevision):
    return old.annotations.filter(author_user__isnull=False).order_by("pk")


@transaction.atomic
def annotations_reanchor(
    *,
    old: TextRevision,
    new: TextRevision,
    mapper: Callable[[str, str, list[tuple[int, int]]], Iterable],
    plan: ReanchorPlan | None = None,
) -> tuple[int, int]:
    """Copy the old revision's analyst annotations onto the new revision by diff.

    Model suggestions are not carried: the next analysis of the new text makes its own.
    ``plan`` (from ``annotations_reanchor_plan``) is used when it covers exactly the current
    annotations; one added meanwhile makes this map them again. Returns (carried, dropped).
    """
    annotations = list(_carried(old).select_related("label"))
    if plan is not None and plan.annotation_ids == tuple(a.pk for a in annotations):
        moved = plan.moved
    else:
        moved = mapper(old.text, new.text, [(a.start, a.end) for a in annotations])
    copies = []
    for annotation, target in zip(annotations, moved, strict=True):
        if target is None:
            continue
        how = "unchanged" if target.exact else "text under the span changed"
        copies.append(
            Annotation(
                revision=new,
                start=target.start,
                end=target.end,
                label=annotation.label,
                author_user=annotation.author_user,
                status=annotation.status,
                note=annotation.note,
                source=annotation.source,
                reanchored_from=annotation,
                needs_review=True,
                explanation=f"Re-anchored from revision {old.number} ({how}).",
            )
        )
    Annotation.objects.bulk_create(copies)
    return len(copies), len(annotations) - len(copies)
