"""The codebook editor: owners and analysts add, rename, recolour, describe, merge and retire
labels, and import/export codebooks as JSON. Each change is a new codebook version."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts.access import require
from accounts.models import Capability
from framing import codebook_services as cs
from framing.forms import CodebookImportForm, LabelChangeForm, LabelForm, LabelMergeForm
from framing.models import Annotation, AnnotationStatus, Codebook
from framing.services import current_version

EXAMPLES_PER_LABEL = 3


def _get_codebook_for_user(request: HttpRequest, pk: int, capability: str) -> Codebook:
    codebook = get_object_or_404(Codebook.objects.select_related("workspace"), pk=pk)
    require(user=request.user, workspace_id=codebook.workspace_id, capability=capability)
    return codebook


@login_required
def codebook_list(request: HttpRequest, workspace_pk: int) -> HttpResponse:
    membership = require(user=request.user, workspace_id=workspace_pk, capability=Capability.EDIT)
    form = CodebookImportForm()
    books = Codebook.objects.filter(workspace_id=workspace_pk).prefetch_related("versions")
    ctx = {"workspace": membership.workspace, "codebooks": books, "form": form}
    return render(request, "framing/codebook_list.html", ctx)


@login_required
@require_POST
def codebook_import_view(request: HttpRequest, workspace_pk: int) -> HttpResponse:
    membership = require(user=request.user, workspace_id=workspace_pk, capability=Capability.EDIT)
    form = CodebookImportForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            data = cs.parse_codebook_json(upload.read(), filename=upload.name)
            version = cs.codebook_import(
                workspace=membership.workspace, data=data, user=request.user
            )
        except ValidationError as exc:
            form.add_error("file", exc)
        else:
            messages.success(request, f"Imported {version}.")
            return redirect("codebook_edit", pk=version.codebook_id)
    books = Codebook.objects.filter(workspace_id=workspace_pk)
    ctx = {"workspace": membership.workspace, "codebooks": books, "form": form}
    return render(request, "framing/codebook_list.html", ctx, status=400)


@login_required
def codebook_export_view(request: HttpRequest, pk: int) -> HttpResponse:
    codebook = _get_codebook_for_user(request, pk, Capability.EDIT)
    response = JsonResponse(cs.codebook_export(codebook=codebook), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = f'attachment; filename="{codebook.key}.codebook.json"'
    return response


ACTIONS = {
    "add": (LabelForm, cs.label_add),
    "change": (LabelChangeForm, cs.label_change),
    "merge": (LabelMergeForm, cs.label_merge),
    "retire": (None, cs.label_retire),
}


@login_required
def codebook_edit(request: HttpRequest, pk: int) -> HttpResponse:
    codebook = _get_codebook_for_user(request, pk, Capability.EDIT)
    if request.method != "POST":
        return render(request, "framing/codebook_edit.html", _edit_context(codebook, {}))
    action = request.POST.get("action", "")
    if action not in ACTIONS:
        return HttpResponse("Unknown action.", status=400)
    form_class, service = ACTIONS[action]
    form = form_class(request.POST) if form_class else None
    data = {"key": request.POST.get("key", "")} if form is None else None
    if form is not None and form.is_valid():
        data = form.cleaned_data
    if data is not None:
        try:
            version = service(codebook=codebook, user=request.user, **data)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, f"Saved as version {version.number}: {version.note}.")
            return redirect("codebook_edit", pk=codebook.pk)
    ctx = _edit_context(codebook, {action: form})
    return render(request, "framing/codebook_edit.html", ctx, status=400)


def _edit_context(codebook: Codebook, bound: dict) -> dict:
    version = current_version(codebook=codebook)
    labels = list(version.labels.all()) if version else []
    # Example spans: a few accepted tags per label key, from any version of this codebook.
    examples: dict[str, list[Annotation]] = {}
    rows = Annotation.objects.filter(
        label__codebook_version__codebook=codebook, status=AnnotationStatus.ACCEPTED
    ).select_related("label", "revision")[:2000]
    for a in rows:
        bucket = examples.setdefault(a.label.key, [])
        if len(bucket) < EXAMPLES_PER_LABEL:
            bucket.append(a)
    return {
        "codebook": codebook,
        "workspace": codebook.workspace,
        "version": version,
        "labels": [(lab, examples.get(lab.key, [])) for lab in labels],
        "versions": codebook.versions.all()[:10],
        "add_form": bound.get("add") or LabelForm(),
        "merge_form": bound.get("merge") or LabelMergeForm(),
        "change_form": bound.get("change"),
    }
