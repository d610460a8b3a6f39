"""Workspace access: the one place that decides who may see and do what.

Non-members get 404 (they must not learn that an object exists); members whose
role lacks the capability get 403. A credential narrower than a log-in (an API token
limited to one workspace, or read-only) is a ``Grant`` and narrows both answers the same
way: another workspace is as unknown as one the user is not in.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from accounts.models import Capability, Membership, User, Workspace

# What a read-only credential may still do: everything a viewer may.
READ_CAPABILITIES = frozenset({Capability.VIEW, Capability.EXPORT})


@dataclass(frozen=True, slots=True)
class Grant:
    """What a credential allows beyond the user's roles: one workspace or all, read or write."""

    workspace_id: int | None = None
    read_only: bool = False

    def covers(self, workspace_id: int) -> bool:
        return self.workspace_id is None or self.workspace_id == workspace_id


def membership_for(*, user: User, workspace_id: int) -> Membership | None:
    if not user.is_authenticated:
        return None
    return (
        Membership.objects.select_related("workspace")
        .filter(user=user, workspace_id=workspace_id)
        .first()
    )


def require(
    *,
    user: User,
    workspace_id: int,
    capability: str = Capability.VIEW,
    grant: Grant | None = None,
) -> Membership:
    """Return the user's membership of the workspace, or raise 404 / 403."""
    if grant is not None and not grant.covers(workspace_id):
        raise Http404("No such workspace.")
    membership = membership_for(user=user, workspace_id=workspace_id)
    if membership is None:
        raise Http404("No such workspace.")
    if not membership.can(capability):
        raise PermissionDenied(f"Your role ({membership.get_role_display()}) may not {capability}.")
    if grant is not None and grant.read_only and capability not in READ_CAPABILITIES:
        raise PermissionDenied(f"This API token is read-only; it may not {capability}.")
    return membership


def workspaces_for(*, user: User, grant: Grant | None = None) -> QuerySet[Workspace]:
    workspaces = Workspace.objects.filter(memberships__user=user)
    if grant is not None and grant.workspace_id is not None:
        workspaces = workspaces.filter(pk=grant.workspace_id)
    return workspaces
