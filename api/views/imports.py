"""Bulk import through the import pages' machinery: upload a file → preview (items,
duplicates, rejections with their reasons) → confirm (with corrections) → progress."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import parsers, status
from rest_framework.decorators import api_view, parser_classes
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.models import Capability
from api.scoping import _get_event_for_user, _get_import_for_user
from api.serializers import (
    ImportConfirmSerializer,
    ImportItemSerializer,
    ImportJobSerializer,
    ImportUploadSerializer,
)
from api.views.base import ScopedList, takes, valid_data
from articles.imports import jobs, preview, selectors
from articles.imports.uploads import upload_refusal
from articles.models import ImportJob


def job_json(job: ImportJob) -> dict:
    state = jobs.job_state(job)
    job.stalled, job.done = state["stalled"], state["done"]
    return ImportJobSerializer(job, context={"counts": selectors.job_counts(job=job)}).data


@extend_schema(request={"multipart/form-data": ImportUploadSerializer},
               responses={201: ImportJobSerializer})  # fmt: skip
@api_view(["POST"])
@parser_classes([parsers.MultiPartParser])
@takes()
def import_create(request: Request, pk: int, params: dict) -> Response:
    """Read a file (JSONL, CSV/TSV with a header row, or any format the import page takes)
    into a preview; nothing is imported until you confirm it."""
    event = _get_event_for_user(request, pk, Capability.EDIT)
    request.data  # noqa: B018 - reads the body, through the import's upload size limit
    # Django stopped reading an oversized body: what arrived is incomplete, use none of it.
    refusal = upload_refusal(request._request)
    if refusal:
        raise ValidationError({"file": [refusal]})
    data = valid_data(ImportUploadSerializer, request)
    job = preview.import_preview(
        event=event,
        files=[data["file"]],
        user=request.user,
        default_outlet=data["default_outlet"],
    )
    return Response(job_json(job), status=status.HTTP_201_CREATED)


@extend_schema(responses=ImportJobSerializer)
@api_view(["GET"])
@takes()
def import_detail(request: Request, pk: int, params: dict) -> Response:
    """The job's status and progress (poll until ``done``) and its preview counts."""
    return Response(job_json(_get_import_for_user(request, pk)))


class ImportItems(ScopedList):
    """The preview's items: new, duplicates (with what they duplicate) and rejected ones
    with the field and the reason."""

    serializer_class = ImportItemSerializer

    def get_queryset(self):
        job = _get_import_for_user(self.request, self.kwargs["pk"])
        return job.items.select_related(None).defer("text", "spans")


@extend_schema(request=ImportConfirmSerializer, responses=ImportJobSerializer)
@api_view(["POST"])
@takes()
def import_confirm(request: Request, pk: int, params: dict) -> Response:
    """Import the previewed items (with your decisions and corrections): inline when small,
    else in the background — poll the job."""
    job = _get_import_for_user(request, pk)
    data = valid_data(ImportConfirmSerializer, request)
    decisions = {}
    for raw, change in data["decisions"].items():
        if not str(raw).isdigit():
            raise ValidationError({"decisions": [f"{raw!r} is not an item id."]})
        decisions[int(raw)] = dict(change)
    job = jobs.import_commit(job=job, decisions=decisions, user=request.user)
    return Response(job_json(job))


@extend_schema(request=None, responses=ImportJobSerializer)
@api_view(["POST"])
@takes()
def import_discard(request: Request, pk: int, params: dict) -> Response:
    job = _get_import_for_user(request, pk)
    return Response(job_json(jobs.job_discard(job=job, user=request.user)))
