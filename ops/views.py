"""/healthz for monitors (JSON, no login) and a status page for workspace owners."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from accounts.models import Role

from .health import health_check, readiness


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when all is well; 503 when degraded or down, so a monitor needs no parsing."""
    health = health_check()
    return JsonResponse(health.as_dict(), status=200 if health.status == "ok" else 503)


@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    """200 once this process may take traffic (database reachable, migrations applied)."""
    ready, why = readiness()
    return JsonResponse({"ready": ready, "detail": why}, status=200 if ready else 503)


@never_cache
@login_required
def status(request: HttpRequest) -> HttpResponse:
    owner = request.user.memberships.filter(role=Role.OWNER).exists()
    if not (owner or request.user.is_staff):
        raise PermissionDenied("Only workspace owners see the system status.")
    health = health_check()
    return render(request, "ops/status.html", {"health": health, "report": health.as_dict()})
