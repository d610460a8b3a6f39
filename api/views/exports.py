"""Export jobs through the reports app's machinery: start one (a task makes the file),
poll it, download the file. Exporting reads the workspace: viewers and read-only tokens may."""

from __future__ import annotations

from django.http import FileResponse
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.decorators import api_view
from rest_framework.exceptions import APIException
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.models import Capability
from api.schema import ERROR_RESPONSE
from api.scoping import _get_event_for_user, _get_export_for_user
from api.serializers import ExportJobSerializer, ExportStartSerializer
from api.views.base import takes, valid_data
from reports.exports import jobs
from reports.exports.registry import KINDS
from reports.models import ExportJob, ExportStatus

STATE_FIELDS = tuple(ExportJobSerializer().fields)


def export_json(job: ExportJob) -> dict:
    state = jobs.export_state(job)
    ready = bool(state["download_url"])
    download = reverse("v1:export_download", args=[job.pk]) if ready else ""
    return {**{k: state[k] for k in STATE_FIELDS if k in state}, "download": download}


class NotReady(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


class Gone(APIException):
    status_code = status.HTTP_410_GONE
    default_code = "gone"


@extend_schema(request=ExportStartSerializer, responses={202: ExportJobSerializer})
@api_view(["POST"])
@takes()
def export_start(request: Request, pk: int, params: dict) -> Response:
    """Queue an export of the event (``kind``: e.g. ``csv_spans``); poll the job."""
    data = valid_data(ExportStartSerializer, request)
    spec = KINDS.get(data["kind"])
    # An unknown kind still needs the export right: the 403/404 must not depend on the name.
    event = _get_event_for_user(request, pk, spec.capability if spec else Capability.EXPORT)
    job = jobs.export_start(user=request.user, event=event, kind=data["kind"],
                            params=data["params"])  # fmt: skip
    return Response(export_json(job), status=status.HTTP_202_ACCEPTED)


@extend_schema(responses=ExportJobSerializer)
@api_view(["GET"])
@takes()
def export_detail(request: Request, pk: int, params: dict) -> Response:
    return Response(export_json(_get_export_for_user(request, pk)))


@extend_schema(
    responses={
        (200, "*/*"): OpenApiResponse(OpenApiTypes.BINARY, "The file, of the kind's type."),
        409: ERROR_RESPONSE,
        410: ERROR_RESPONSE,
    }
)
@api_view(["GET"])
@takes()
def export_download(request: Request, pk: int, params: dict):
    """The finished file (409 while it is being made or if it failed, 410 once expired)."""
    job = _get_export_for_user(request, pk)
    if not jobs.export_ready(job):
        if job.status in (ExportStatus.SUCCEEDED, ExportStatus.EXPIRED):
            raise Gone("This export has expired; start it again.")
        raise NotReady(f"This export is {job.get_status_display().lower()}; poll the job.")
    response = FileResponse(
        job.file.open("rb"),
        as_attachment=True,
        filename=job.filename,
        content_type=job.content_type,
    )
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response
