"""One ``_get_<obj>_for_user`` per object type, all deciding through ``accounts.access``
with the token's grant: a foreign object is 404 and a missing right 403, as on the pages."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from rest_framework.request import Request

from accounts.access import require, workspaces_for
from accounts.models import Capability, Membership
from api.authentication import grant_of
from articles.models import Article, Event, ImportJob, Outlet, TextRevision
from framing.models import Annotation, Codebook, ModelVersion
from framing.selectors import models_for_workspaces
from reports.exports.registry import KINDS
from reports.models import ExportJob


def _require(request: Request, workspace_id: int, capability: str) -> Membership:
    return require(
        user=request.user,
        workspace_id=workspace_id,
        capability=capability,
        grant=grant_of(request),
    )


def visible_workspace_ids(request: Request) -> QuerySet:
    """Ids of the workspaces this request may read (the token's one, or all the user's)."""
    return workspaces_for(user=request.user, grant=grant_of(request)).values("pk")


def _get_workspace_for_user(request: Request, pk: int, capability: str = Capability.VIEW):
    return _require(request, pk, capability)


def _get_event_for_user(request: Request, pk: int, capability: str = Capability.VIEW) -> Event:
    event = get_object_or_404(Event.objects.select_related("workspace", "analysis_model"), pk=pk)
    _require(request, event.workspace_id, capability)
    return event


def _get_outlet_for_user(request: Request, pk: int, capability: str = Capability.VIEW) -> Outlet:
    outlet = get_object_or_404(Outlet, pk=pk)
    _require(request, outlet.workspace_id, capability)
    return outlet


def _get_article_for_user(request: Request, pk: int, capability: str = Capability.VIEW) -> Article:
    article = get_object_or_404(
        Article.objects.select_related("event__analysis_model", "outlet", "current_revision"),
        pk=pk,
    )
    _require(request, article.event.workspace_id, capability)
    return article


def _get_revision_for_user(
    request: Request, pk: int, capability: str = Capability.VIEW
) -> TextRevision:
    revision = get_object_or_404(
        TextRevision.objects.select_related("article__event__analysis_model"),
        pk=pk,
        article__staged=False,
    )
    _require(request, revision.article.event.workspace_id, capability)
    return revision


def _get_annotation_for_user(
    request: Request, pk: int, capability: str = Capability.VIEW
) -> tuple[Annotation, Membership]:
    annotation = get_object_or_404(
        Annotation.objects.select_related("revision__article__event", "label"),
        pk=pk,
        revision__article__staged=False,
    )
    membership = _require(request, annotation.revision.article.event.workspace_id, capability)
    return annotation, membership


def _get_import_for_user(request: Request, pk: int, capability: str = Capability.EDIT):
    job = get_object_or_404(ImportJob.objects.select_related("event"), pk=pk)
    _require(request, job.workspace_id, capability)
    return job


def _get_export_for_user(request: Request, pk: int) -> ExportJob:
    job = get_object_or_404(ExportJob.objects.select_related("event"), pk=pk)
    spec = KINDS.get(job.kind)
    _require(request, job.workspace_id, spec.capability if spec else Capability.EXPORT)
    return job


def _get_codebook_for_user(
    request: Request, pk: int, capability: str = Capability.VIEW
) -> Codebook:
    codebook = get_object_or_404(Codebook, pk=pk)
    _require(request, codebook.workspace_id, capability)
    return codebook


def models_visible(request: Request) -> QuerySet[ModelVersion]:
    """The models the pages list for the workspaces this request may read (an older built-in
    row only while one of their events shows it)."""
    return models_for_workspaces(workspace_ids=visible_workspace_ids(request))


def _get_model_for_user(request: Request, pk: int, workspace_id: int) -> ModelVersion:
    """A model usable in ``workspace_id``: the built-in one or the workspace's own."""
    return get_object_or_404(
        ModelVersion.objects.filter(Q(workspace__isnull=True) | Q(workspace_id=workspace_id)),
        pk=pk,
    )
