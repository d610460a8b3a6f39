"""Workspace access: the one place that decides who may see and do what.

Non-members get 404 (they must not learn that an object exists); members whose
role lacks the capability get 403.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404

from accounts.models import Capability, Membership, User, Workspace


def membership_for(*, user: User, workspace_id: int) -> Membership | None:
    if not user.is_authenticated:
        return None
    return (
        Membership.objects.select_related("workspace")
        .filter(user=user, workspace_id=workspace_id)
        .first()
    )


def require(*, user: User, workspace_id: int, capability: str = Capability.VIEW) -> Membership:
    """Return the user's membership of the workspace, or raise 404 / 403."""
    membership = membership_for(user=user, workspace_id=workspace_id)
    if membership is None:
        raise Http404("No such workspace.")
    if not membership.can(capability):
        raise PermissionDenied(f"Your role ({membership.get_role_display()}) may not {capability}.")
    return membership


def workspaces_for(*, user: User):
    return Workspace.objects.filter(memberships__user=user)
