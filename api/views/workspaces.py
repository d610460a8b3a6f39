"""Workspaces and their members (read only: membership is managed on the pages)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.access import workspaces_for
from accounts.models import Membership
from api.authentication import grant_of
from api.scoping import _get_workspace_for_user
from api.serializers import MemberSerializer, WorkspaceSerializer
from api.views.base import ScopedList, takes


def _roles(request: Request) -> dict[int, str]:
    return dict(Membership.objects.filter(user=request.user).values_list("workspace_id", "role"))


class WorkspaceList(ScopedList):
    """The workspaces you belong to (a token limited to one workspace: that one)."""

    serializer_class = WorkspaceSerializer

    def get_queryset(self):
        return workspaces_for(user=self.request.user, grant=grant_of(self.request))

    def get_serializer_context(self) -> dict:
        return {**super().get_serializer_context(), "roles": _roles(self.request)}


@extend_schema(responses=WorkspaceSerializer)
@api_view(["GET"])
@takes()
def workspace_detail(request: Request, pk: int, params: dict) -> Response:
    membership = _get_workspace_for_user(request, pk)
    context = {"roles": {pk: membership.role}}
    return Response(WorkspaceSerializer(membership.workspace, context=context).data)


class MemberList(ScopedList):
    serializer_class = MemberSerializer

    def get_queryset(self):
        membership = _get_workspace_for_user(self.request, self.kwargs["pk"])
        return membership.workspace.memberships.select_related("user")
