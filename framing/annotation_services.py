"""Annotation workflow writes: delete one's own tag, relabel, bulk decisions and undo.

Every write returns an *undo step*, a small JSON-able dict the view keeps in the session;
``annotation_undo`` applies its reverse. Steps name rows by id and carry the state before
the change, so undo restores exactly that (or refuses, with 409, when someone changed the
row since).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from accounts.models import AuditAction, User
from articles.models import Event
from articles.services import StaleEditError
from framing.models import Annotation, AnnotationStatus, Label, SpanDecision
from framing.services import _audit_annotation, annotation_create, annotation_decide
from framing.signals import annotations_batch, announce_annotations

UndoStep = dict


def annotation_may_delete(*, annotation: Annotation, user: User, is_owner: bool) -> str | None:
    """Why ``user`` may not delete ``annotation``, or None when they may."""
    if annotation.author_user_id is None:
        return "A model suggestion cannot be deleted; reject it instead."
    if annotation.author_user_id != user.pk and not is_owner:
        return "Only its author or a workspace owner may delete someone else's tag."
    return None


@transaction.atomic
def annotation_delete(*, annotation: Annotation, user: User, is_owner: bool = False) -> UndoStep:
    """Delete an analyst's tag (one's own; owners any); model suggestions are rejected instead."""
    reason = annotation_may_delete(annotation=annotation, user=user, is_owner=is_owner)
    if reason:
        raise PermissionDenied(reason)
    step = {"kind": "delete", "data": _snapshot(annotation)}
    _audit_annotation(annotation, user, AuditAction.DELETED, f"{annotation.start}–{annotation.end}")
    annotation.delete()
    announce_annotations([step["data"]["revision"]])
    return step


def _snapshot(a: Annotation) -> dict:
    return {
        "revision": a.revision_id,
        "start": a.start,
        "end": a.end,
        "label": a.label_id,
        "note": a.note,
        "status": a.status,
        "author_user": a.author_user_id,
    }


def annotation_add_step(annotation: Annotation) -> UndoStep:
    return {"kind": "add", "id": annotation.pk}


@transaction.atomic
def annotation_decide_step(
    *, annotation: Annotation, status: str, user: User, version: int | None = None
) -> UndoStep:
    """``annotation_decide`` that also returns how to take the decision back."""
    before = _decision_state(annotation)
    previous = annotation.status
    annotation = annotation_decide(annotation=annotation, status=status, user=user, version=version)
    return {
        "kind": "decide",
        "id": annotation.pk,
        "status": previous,
        "decision": before,
        "version": annotation.version,
    }


def _decision_state(annotation: Annotation) -> dict | None:
    decision = SpanDecision.objects.filter(
        revision_id=annotation.revision_id,
        start=annotation.start,
        end=annotation.end,
        label_key=annotation.label.key,
    ).first()
    if decision is None:
        return None
    return {
        "status": decision.status,
        "decided_by": decision.decided_by_id,
        "decided_at": decision.decided_at.isoformat(),
    }


@transaction.atomic
@annotations_batch()
def annotation_relabel(*, annotation: Annotation, label: Label, user: User) -> UndoStep:
    """Give a span another label: an own tag changes label; a model suggestion is rejected
    and the analyst's own tag with the new label takes its place."""
    if (
        label.codebook_version.codebook.workspace_id
        != annotation.label.codebook_version.codebook.workspace_id
    ):
        raise ValidationError({"label": "The label belongs to another workspace."})
    if annotation.author_user_id is not None:
        if annotation.author_user_id != user.pk:
            raise PermissionDenied("Only its author may relabel an analyst's tag.")
        step = {"kind": "label", "id": annotation.pk, "label": annotation.label_id}
        old = annotation.label.name
        annotation.label = label
        annotation.updated_at = timezone.now()
        annotation.full_clean()
        annotation.save(update_fields=["label", "updated_at"])
        _audit_annotation(annotation, user, AuditAction.CHANGED, f"label was {old}")
        announce_annotations([annotation.revision_id])
        return step
    steps = []
    if annotation.status != AnnotationStatus.REJECTED:
        steps.append(
            annotation_decide_step(
                annotation=annotation, status=AnnotationStatus.REJECTED, user=user
            )
        )
    own = annotation_create(
        revision=annotation.revision,
        start=annotation.start,
        end=annotation.end,
        label=label,
        author_user=user,
        note=f"Relabelled from the suggestion “{annotation.label.name}”.",
    )
    steps.append(annotation_add_step(own))
    return {"kind": "group", "steps": steps, "id": own.pk}


@transaction.atomic
def annotation_undo(*, step: UndoStep, user: User) -> list[int]:
    """Reverse one undo step; returns the ids of the annotations it touched."""
    with annotations_batch():
        touched = _undo(step, user)
        revisions = Annotation.objects.filter(pk__in=touched).values_list("revision_id", flat=True)
        announce_annotations(revisions)  # deleted ones were announced as they went
    return touched


def _undo(step: UndoStep, user: User) -> list[int]:
    kind = step["kind"]
    if kind == "group":
        touched = []
        for inner in reversed(step["steps"]):
            touched += _undo(inner, user)
        return touched
    if kind == "add":
        annotation = Annotation.objects.select_related("revision__article", "label").filter(
            pk=step["id"]
        )
        for a in annotation:  # already gone: nothing to undo
            _audit_annotation(a, user, AuditAction.DELETED, "undone")
            a.delete()
            announce_annotations([a.revision_id])
        return [step["id"]]
    if kind == "delete":
        data = dict(step["data"])
        restored = Annotation(
            revision_id=data["revision"],
            start=data["start"],
            end=data["end"],
            label_id=data["label"],
            note=data["note"],
            status=data["status"],
            author_user_id=data["author_user"],
            source="analyst",
        )
        restored.full_clean()
        restored.save()
        _audit_annotation(restored, user, AuditAction.CREATED, "restored by undo")
        return [restored.pk]
    if kind == "label":
        annotation = Annotation.objects.select_related("label").get(pk=step["id"])
        annotation.label_id = step["label"]
        annotation.save(update_fields=["label"])
        return [annotation.pk]
    if kind == "decide":
        return [_undo_decision(step, user)]
    raise ValidationError(f"Cannot undo a step of kind {kind!r}.")


def _undo_decision(step: UndoStep, user: User) -> int:
    annotation = Annotation.objects.select_related("label", "revision__article").get(pk=step["id"])
    rows = Annotation.objects.filter(pk=annotation.pk, version=step["version"])
    if not rows.update(status=step["status"], version=F("version") + 1, updated_at=timezone.now()):
        raise StaleEditError(
            "Someone decided this tag again after you; your decision was not undone.",
            current={
                "id": annotation.pk,
                "status": annotation.status,
                "version": annotation.version,
            },
        )
    key = {
        "revision_id": annotation.revision_id,
        "start": annotation.start,
        "end": annotation.end,
        "label_key": annotation.label.key,
    }
    before = step["decision"]
    if before is None:
        SpanDecision.objects.filter(**key).delete()
    else:
        SpanDecision.objects.update_or_create(
            **key,
            defaults={
                "status": before["status"],
                "decided_by_id": before["decided_by"],
                "decided_at": parse_datetime(before["decided_at"]),
            },
        )
    _audit_annotation(annotation, user, AuditAction.CHANGED, f"undone: {step['status']} again")
    return annotation.pk


# Bulk decisions -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BulkSelection:
    event: Event
    status: str  # what to decide: accepted or rejected
    label_key: str = ""
    term: str = ""  # the tagged text, compared case-insensitively

    def describe(self) -> str:
        parts = [f"label “{self.label_key}”"] if self.label_key else []
        if self.term:
            parts.append(f"text “{self.term}”")
        return " and ".join(parts)


def bulk_candidates(*, selection: BulkSelection) -> QuerySet[Annotation]:
    """The suggestions a bulk decision would change: undecided, shown model suggestions of
    the event's current texts with that label and/or that tagged text."""
    if not (selection.label_key or selection.term):
        raise ValidationError("Choose a label, a term or both.")
    if selection.status not in (AnnotationStatus.ACCEPTED, AnnotationStatus.REJECTED):
        raise ValidationError({"status": "Decide with accepted or rejected."})
    rows = Annotation.objects.filter(
        revision_id__in=selection.event.articles.values("current_revision"),
        author_model__isnull=False,
        status=AnnotationStatus.SUGGESTED,
    ).select_related("label", "revision")
    if selection.event.analysis_model_id:
        rows = rows.filter(author_model_id=selection.event.analysis_model_id)
    if selection.label_key:
        rows = rows.filter(label__key=selection.label_key)
    if not selection.term:
        return rows
    term = selection.term.casefold()
    ids = [a.pk for a in rows if a.text.casefold() == term]
    return rows.filter(pk__in=ids)


@transaction.atomic
def bulk_decide(*, selection: BulkSelection, user: User, expected: int) -> UndoStep:
    """Decide every candidate at once. ``expected`` is the count the preview showed; if the
    candidates changed since, nothing is decided (409) so the analyst sees the new count."""
    candidates = list(bulk_candidates(selection=selection))
    if len(candidates) != expected:
        raise StaleEditError(
            f"The preview showed {expected} suggestion(s) but {len(candidates)} now match "
            f"{selection.describe()}; nothing was decided. Check the new count and confirm again.",
            current={"count": len(candidates)},
        )
    with annotations_batch():
        steps = [
            annotation_decide_step(annotation=a, status=selection.status, user=user)
            for a in candidates
        ]
    return {"kind": "group", "steps": steps}
