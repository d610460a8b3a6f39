from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts.access import require
from accounts.models import Capability
from articles.views import _get_event_for_user
from framing.analysis_services import (
    builtin_model_version,
    event_model_diff,
    event_switch_model,
)
from framing.models import ModelVersion


def _models_for_workspace(workspace_id: int) -> QuerySet[ModelVersion]:
    builtin_model_version()  # make sure the built-in one is listed
    return ModelVersion.objects.filter(Q(workspace_id=workspace_id) | Q(workspace__isnull=True))


def _get_model_for_event(request: HttpRequest, event, pk: int) -> ModelVersion:
    # A model of another workspace is as unknown as a missing one.
    return get_object_or_404(_models_for_workspace(event.workspace_id), pk=pk)


@login_required
def model_list(request: HttpRequest, workspace_pk: int) -> HttpResponse:
    membership = require(user=request.user, workspace_id=workspace_pk)
    models = _models_for_workspace(workspace_pk)
    ctx = {"workspace": membership.workspace, "membership": membership, "models": models}
    return render(request, "framing/model_list.html", ctx)


@login_required
@require_POST
def model_train_start(request: HttpRequest, workspace_pk: int) -> HttpResponse:
    membership = require(user=request.user, workspace_id=workspace_pk, capability=Capability.EDIT)
    from framing.tasks import train_model
    from framing.training_services import training_check

    try:
        training_check(workspace=membership.workspace)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        train_model.enqueue(workspace_pk, request.user.pk)
        messages.success(request, "Training started; the new model appears here when done.")
    return redirect("model_list", workspace_pk=workspace_pk)


@login_required
def event_model(request: HttpRequest, pk: int) -> HttpResponse:
    """Which model an event shows; preview what another would change; switch (opt-in)."""
    event, membership = _get_event_for_user(request, pk)
    diff, candidate = None, None
    if request.method == "POST":
        require(user=request.user, workspace_id=event.workspace_id, capability=Capability.EDIT)
        candidate = _get_model_for_event(request, event, int(request.POST.get("model", 0)))
        if request.POST.get("action") == "switch":
            event_switch_model(event=event, model_version=candidate)
            messages.success(request, f"The event now shows {candidate}.")
            return redirect("event_model", pk=event.pk)
        diff = event_model_diff(event=event, model_version=candidate)
    ctx = {
        "event": event,
        "workspace": event.workspace,
        "membership": membership,
        "current": event.analysis_model,
        "models": _models_for_workspace(event.workspace_id),
        "candidate": candidate,
        "diff": diff,
    }
    return render(request, "framing/event_model.html", ctx)
