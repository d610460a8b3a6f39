"""The audit log's writer and reader.

Services call ``audit_record`` inside their own transaction, so an entry exists exactly when
the change it describes was committed (a signal would also fire for fixtures, the admin and
bulk paths that never call it, and could not name the acting user).
"""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

from accounts.models import AuditEntry, User, Workspace

PAGE_SIZE = 50


def audit_record(
    *,
    workspace: Workspace | int,
    actor: User | None,
    action: str,
    object_type: str,
    object_id: int | None,
    label: str,
    detail: str = "",
) -> AuditEntry:
    """Record one change; `actor` None means Parallax itself (defaults, the worker)."""
    entry = AuditEntry(
        workspace_id=workspace if isinstance(workspace, int) else workspace.pk,
        actor=actor,
        actor_name=actor.username if actor is not None else "",
        action=action,
        object_type=object_type,
        object_id=object_id,
        object_label=" ".join(str(label).split())[:300] or "(untitled)",
        detail=detail[:500],
    )
    entry.full_clean(exclude=["workspace", "actor"])
    entry.save()
    return entry


def audit_entries(*, workspace: Workspace) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(workspace=workspace)


def audit_page(*, workspace: Workspace, number: str | int | None) -> Page:
    return Paginator(audit_entries(workspace=workspace), PAGE_SIZE).get_page(number)
