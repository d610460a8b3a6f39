"""Article-level frame decisions: an analyst says a frame is, or is not, in an article's
label set. Frame training reads them as the article layer's labels."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.audit import audit_record
from accounts.models import AuditAction, AuditObject, User
from articles.models import TextRevision
from framing.models import AnnotationStatus, ArticleFrame, Label

FRAME_CODEBOOKS = {"policy-frames": "policy", "generic-frames": "generic"}
DECISIONS = (AnnotationStatus.ACCEPTED, AnnotationStatus.REJECTED)


def is_frame_label(label: Label) -> bool:
    return label.codebook_version.codebook.key in FRAME_CODEBOOKS


def article_frame_decide(
    *, revision: TextRevision, label: Label, status: str, user: User
) -> ArticleFrame | None:
    """Accept or reject ``label`` as a frame of the article, or clear the decision
    (``status`` ""); returns the decision, None when cleared."""
    workspace_id = revision.article.event.workspace_id
    if label.codebook_version.codebook.workspace_id != workspace_id or not is_frame_label(label):
        raise ValidationError({"label": "Choose a frame from this workspace's frame codebooks."})
    if status and status not in DECISIONS:
        raise ValidationError({"status": "A frame decision is accepted, rejected or cleared."})
    with transaction.atomic():
        ArticleFrame.objects.filter(revision=revision, label=label).delete()
        frame = None
        if status:
            frame = ArticleFrame(
                revision=revision, label=label, status=status, decided_by=user,
                decided_at=timezone.now(),
            )  # fmt: skip
            frame.full_clean()
            frame.save()
        audit_record(
            workspace=workspace_id,
            actor=user,
            action=AuditAction.CHANGED if status else AuditAction.DELETED,
            object_type=AuditObject.ANNOTATION,
            object_id=frame.pk if frame else None,
            label=f"frame {label.name} of “{revision.article.title}”",
            detail=status or "decision cleared",
        )
    return frame
