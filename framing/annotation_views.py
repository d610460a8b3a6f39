"""Keyboard-first annotation endpoints: delete, relabel, undo, the page's tag list, bulk
decisions. Each answers JSON to a JSON client (400/403/409 with messages) and otherwise
redirects back to the article, so the page also works without scripts."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from accounts.access import require
from accounts.models import Capability
from articles.models import TextRevision
from articles.services import StaleEditError
from articles.views import _get_event_for_user
from framing.annotation_services import (
    BulkSelection,
    annotation_delete,
    annotation_relabel,
    annotation_undo,
    bulk_candidates,
    bulk_decide,
)
from framing.forms import BulkDecisionForm, RelabelForm
from framing.selectors import visible_annotations
from framing.undo import annotation_json, undo_available, undo_pop, undo_push
from framing.views import (
    _errors_of,
    _get_annotation_for_user,
    _get_revision_for_user,
    _messages,
    _refused,
    _wants_json,
)


def _done(request: HttpRequest, revision: TextRevision, message: str, **data) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse({"message": message, **data})
    messages.success(request, message)
    return redirect("article_revision", pk=revision.article_id, number=revision.number)


@login_required
@require_POST
def annotation_delete_view(request: HttpRequest, pk: int) -> HttpResponse:
    annotation = _get_annotation_for_user(request, pk, Capability.ANNOTATE)
    revision = annotation.revision
    membership = require(user=request.user, workspace_id=revision.article.event.workspace_id)
    try:
        step = annotation_delete(
            annotation=annotation, user=request.user, is_owner=membership.can_manage
        )
    except PermissionDenied as exc:
        return _refused(request, revision, {"__all__": [str(exc)]}, status=403)
    undo_push(request, revision.pk, step)
    return _done(request, revision, "Tag deleted (u to undo).")


@login_required
@require_POST
def annotation_relabel_view(request: HttpRequest, pk: int) -> HttpResponse:
    annotation = _get_annotation_for_user(request, pk, Capability.ANNOTATE)
    revision = annotation.revision
    form = RelabelForm(request.POST, workspace_id=revision.article.event.workspace_id)
    if not form.is_valid():
        return _refused(request, revision, _messages(form.errors))
    try:
        step = annotation_relabel(
            annotation=annotation, label=form.cleaned_data["label"], user=request.user
        )
    except PermissionDenied as exc:
        return _refused(request, revision, {"__all__": [str(exc)]}, status=403)
    except ValidationError as exc:
        return _refused(request, revision, _errors_of(exc))
    undo_push(request, revision.pk, step)
    return _done(request, revision, f"Relabelled as {form.cleaned_data['label'].name}.")


@login_required
@require_POST
def annotation_undo_view(request: HttpRequest, revision_pk: int) -> HttpResponse:
    revision = _get_revision_for_user(request, revision_pk, Capability.ANNOTATE)
    step = undo_pop(request, revision.pk)
    if step is None:
        return _refused(request, revision, {"__all__": ["Nothing to undo on this text."]})
    try:
        annotation_undo(step=step, user=request.user)
    except StaleEditError as exc:
        return _refused(request, revision, {"__all__": [exc.message]}, 409, exc.current)
    return _done(request, revision, "Undone.", undo=undo_available(request, revision.pk))


@login_required
@require_GET
def revision_annotations(request: HttpRequest, revision_pk: int) -> HttpResponse:
    """The tags the article page shows for a revision, rejected ones included (flagged)."""
    revision = _get_revision_for_user(request, revision_pk, Capability.VIEW)
    rows = visible_annotations(revision=revision, event=revision.article.event)
    return JsonResponse(
        {
            "annotations": [annotation_json(a, request.user) for a in rows],
            "undo": undo_available(request, revision.pk),
        }
    )


@login_required
def event_bulk_decide(request: HttpRequest, pk: int) -> HttpResponse:
    """Accept or reject every undecided suggestion of a label and/or term across the event:
    GET previews the count, POST with that count confirms."""
    event, _ = _get_event_for_user(request, pk, Capability.EDIT)
    data = request.POST if request.method == "POST" else (request.GET or None)
    form = BulkDecisionForm(data, workspace_id=event.workspace_id)
    ctx: dict = {"event": event, "workspace": event.workspace, "form": form}
    if not form.is_valid():
        return render(request, "framing/bulk_decide.html", ctx, status=400 if data else 200)
    d = form.cleaned_data
    selection = BulkSelection(event=event, status=d["status"], label_key=d["label"], term=d["term"])
    if request.method == "POST":
        try:
            step = bulk_decide(selection=selection, user=request.user, expected=d["expected"] or 0)
        except StaleEditError as exc:
            form.add_error(None, exc.message)
            ctx["preview"] = bulk_candidates(selection=selection)
            return render(request, "framing/bulk_decide.html", ctx, status=409)
        messages.success(request, f"{len(step['steps'])} suggestion(s) {d['status']}.")
        return redirect("event_bulk_decide", pk=event.pk)
    ctx["preview"] = list(bulk_candidates(selection=selection)[:500])
    ctx["count"] = bulk_candidates(selection=selection).count()
    return render(request, "framing/bulk_decide.html", ctx)
