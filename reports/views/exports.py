"""Export jobs: start one from an event, watch its progress, download the file.

Starting only queues a task, so no page waits for a file to be made. Jobs belong to the
event's workspace: non-members get 404, a role without the kind's capability 403.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts.access import require
from accounts.models import Capability, Membership
from articles.views import _get_event_for_user
from parallax.query import query_params
from reports.exports import jobs
from reports.exports.registry import KINDS
from reports.models import ExportJob, ExportStatus


def _get_export_for_user(request: HttpRequest, pk: int) -> tuple[ExportJob, Membership]:
    job = get_object_or_404(ExportJob.objects.select_related("event", "workspace"), pk=pk)
    spec = KINDS.get(job.kind)
    capability = spec.capability if spec else Capability.EXPORT
    membership = require(user=request.user, workspace_id=job.workspace_id, capability=capability)
    return job, membership


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@login_required
@require_POST
def export_start(request: HttpRequest, pk: int) -> HttpResponse:
    kind = request.POST.get("kind", "")
    spec = KINDS.get(kind)
    # An unknown kind still needs the export right: the 403/404 must not depend on the name.
    event, _ = _get_event_for_user(request, pk, spec.capability if spec else Capability.EXPORT)
    skip = ("kind", "csrfmiddlewaretoken")
    # One value stays a string; a repeated field (a=1&a=2) becomes a list.
    params = {k: v if len(v) > 1 else v[0] for k, v in request.POST.lists() if k not in skip}
    try:
        job = jobs.export_start(
            user=request.user,
            event=event,
            kind=kind,
            params=params,
            base_url=request.build_absolute_uri("/")[:-1],
        )
    except ValidationError as exc:
        if _wants_json(request):
            return JsonResponse({"error": " ".join(exc.messages)}, status=400)
        messages.error(request, " ".join(exc.messages))
        return redirect(event)
    if _wants_json(request):
        return JsonResponse(jobs.export_state(job), status=202)
    return redirect(job)


@login_required
@query_params()
def export_job(request: HttpRequest, pk: int) -> HttpResponse:
    job, membership = _get_export_for_user(request, pk)
    ctx = {"job": job, "event": job.event, "state": jobs.export_state(job)}
    return render(request, "reports/export_job.html", {**ctx, "membership": membership})


@login_required
@query_params(json=True)
def export_state(request: HttpRequest, pk: int) -> JsonResponse:
    job, _ = _get_export_for_user(request, pk)
    return JsonResponse(jobs.export_state(job))


@login_required
@query_params()
def export_download(request: HttpRequest, pk: int) -> HttpResponse:
    job, _ = _get_export_for_user(request, pk)
    if not jobs.export_ready(job):
        ctx = {"job": job, "event": job.event, "state": jobs.export_state(job)}
        # 410 once the file is gone for good; 409 while it is still being made, or failed
        finished = job.status in (ExportStatus.SUCCEEDED, ExportStatus.EXPIRED)
        status = 410 if finished else 409
        return render(request, "reports/export_job.html", ctx, status=status)
    response = FileResponse(
        job.file.open("rb"),
        as_attachment=True,
        filename=job.filename,
        content_type=job.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response
