from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.access import require
from accounts.models import Capability
from articles.models import OperatingPoint, TextRevision
from articles.services import StaleEditError, event_set_operating_point
from articles.views import _get_event_for_user
from framing.analysis_services import (
    builtin_model_version,
    event_model_diff,
    event_switch_model,
)
from framing.annotation_services import annotation_add_step, annotation_decide_step
from framing.forms import AnnotationForm, ArticleFrameForm, DecisionForm
from framing.frame_services import article_frame_decide
from framing.model_checks import frame_comparison, workspace_comparison
from framing.models import Annotation, Label, ModelVersion
from framing.operating_points import model_operating_points
from framing.selectors import models_for_workspaces
from framing.services import annotation_create
from framing.undo import annotation_json, undo_push


def _models_for_workspace(workspace_id: int) -> QuerySet[ModelVersion]:
    return models_for_workspaces(workspace_ids=[workspace_id])


def _get_model_for_event(request: HttpRequest, event, pk: int) -> ModelVersion:
    # A model of another workspace is as unknown as a missing one.
    return get_object_or_404(_models_for_workspace(event.workspace_id), pk=pk)


@login_required
def model_list(request: HttpRequest, workspace_pk: int) -> HttpResponse:
    membership = require(user=request.user, workspace_id=workspace_pk)
    models = [
        (m, workspace_comparison(m.metrics), frame_comparison(m.metrics))
        for m in _models_for_workspace(workspace_pk)
    ]
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
        from_scratch = request.POST.get("from_scratch") == "1"
        train_model.enqueue(workspace_pk, request.user.pk, from_scratch)
        messages.success(request, "Training started; the new model appears here when done.")
    return redirect("model_list", workspace_pk=workspace_pk)


@login_required
def event_model(request: HttpRequest, pk: int) -> HttpResponse:
    """Which model an event shows; preview what another would change; switch (opt-in)."""
    event, membership = _get_event_for_user(request, pk)
    diff, candidate = None, None
    if request.method == "POST":
        require(user=request.user, workspace_id=event.workspace_id, capability=Capability.EDIT)
        if request.POST.get("action") == "operating_point":
            return _set_operating_point(request, event)
        model_id = request.POST.get("model", "")
        if not model_id.isdigit():
            raise Http404("No such model.")
        candidate = _get_model_for_event(request, event, int(model_id))
        if request.POST.get("action") == "switch":
            force = request.POST.get("force") == "1"
            try:
                event_switch_model(
                    event=event, model_version=candidate, user=request.user, force=force
                )
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
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
        "comparison": workspace_comparison(candidate.metrics) if candidate else None,
        "points": _point_rows(event),
    }
    return render(request, "framing/event_model.html", ctx)


def _point_rows(event) -> list[dict]:
    """The three operating points with what the shown model measured at each."""
    model = event.analysis_model or builtin_model_version()
    measured = model_operating_points(model.metrics)
    return [
        {"key": key, "name": name, "chosen": key == event.operating_point, **measured.get(key, {})}
        for key, name in OperatingPoint.choices
    ]


def _set_operating_point(request: HttpRequest, event) -> HttpResponse:
    # Stored results are filtered when pages read them: nothing is re-analysed here.
    point = request.POST.get("operating_point", "")
    if point not in OperatingPoint.values:
        return HttpResponseBadRequest("Choose precision, balanced or recall.")
    event_set_operating_point(event=event, point=point)
    shown = event.get_operating_point_display()
    messages.success(request, f"The event now shows suggestions at “{shown}”.")
    return redirect("event_model", pk=event.pk)


def _get_revision_for_user(request: HttpRequest, pk: int, capability: str) -> TextRevision:
    revision = get_object_or_404(
        TextRevision.objects.select_related("article__event"), pk=pk, article__staged=False
    )
    require(
        user=request.user, workspace_id=revision.article.event.workspace_id, capability=capability
    )
    return revision


def _get_annotation_for_user(request: HttpRequest, pk: int, capability: str) -> Annotation:
    annotation = get_object_or_404(
        Annotation.objects.select_related("revision__article__event", "label"),
        pk=pk,
        revision__article__staged=False,
    )
    workspace_id = annotation.revision.article.event.workspace_id
    require(user=request.user, workspace_id=workspace_id, capability=capability)
    return annotation


def _wants_json(request: HttpRequest) -> bool:
    accept = request.headers.get("Accept", "")
    return "application/json" in accept and "text/html" not in accept


def _refused(
    request: HttpRequest,
    revision: TextRevision,
    errors: dict[str, list[str]],
    status: int = 400,
    current: dict | None = None,
) -> HttpResponse:
    """A write that did not happen: its errors (and, for a stale one, the current state) as
    JSON or as a page, never a redirect that would look like success."""
    if _wants_json(request):
        return JsonResponse({"errors": errors, "current": current}, status=status)
    url = reverse("article_revision", args=[revision.article_id, revision.number])
    if current and "id" in current:
        url += f"#a{current['id']}"
    ctx = {"article": revision.article, "errors": errors, "back": url}
    return render(request, "framing/annotation_refused.html", ctx, status=status)


@login_required
@require_POST
def annotation_add(request: HttpRequest, revision_pk: int) -> HttpResponse:
    revision = _get_revision_for_user(request, revision_pk, Capability.ANNOTATE)
    form = AnnotationForm(request.POST, workspace_id=revision.article.event.workspace_id)
    if not form.is_valid():
        return _refused(request, revision, _messages(form.errors))
    data = dict(form.cleaned_data)
    quote = data.pop("quote")
    if revision.pk != revision.article.current_revision_id:
        errors = {"__all__": ["This revision is no longer the article's current text; open the "
                              "current revision and select again."]}  # fmt: skip
        return _refused(request, revision, errors, status=409)
    if quote and revision.text[data["start"] : data["end"]] != quote:
        # The page's selection no longer matches the stored text: never save a guess.
        errors = {"__all__": [f"The selection “{quote}” does not match the text at "
                              f"{data['start']}–{data['end']}; select it again."]}  # fmt: skip
        return _refused(request, revision, errors)
    try:
        annotation = annotation_create(revision=revision, author_user=request.user, **data)
    except ValidationError as exc:
        return _refused(request, revision, _errors_of(exc))
    undo_push(request, revision.pk, annotation_add_step(annotation))
    if _wants_json(request):
        return JsonResponse({"annotation": annotation_json(annotation, request.user)}, status=201)
    messages.success(request, "Tag added.")
    return redirect("article_revision", pk=revision.article_id, number=revision.number)


def _messages(errors: dict[str, list[str]]) -> dict[str, list[str]]:
    return {field: [str(e) for e in errs] for field, errs in errors.items()}


def _errors_of(exc: ValidationError) -> dict[str, list[str]]:
    return exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}


@login_required
@require_POST
def annotation_decide_view(request: HttpRequest, pk: int) -> HttpResponse:
    annotation = _get_annotation_for_user(request, pk, Capability.ANNOTATE)
    revision = annotation.revision
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return _refused(request, revision, _messages(form.errors))
    try:
        step = annotation_decide_step(annotation=annotation, user=request.user, **form.cleaned_data)
    except StaleEditError as exc:
        errors = {"__all__": [exc.message]}
        return _refused(request, revision, errors, status=409, current=exc.current)
    except ValidationError as exc:
        return _refused(request, revision, _errors_of(exc))
    undo_push(request, revision.pk, step)
    if _wants_json(request):
        return JsonResponse({"annotation": annotation_json(annotation, request.user)})
    url = reverse("article_revision", args=[revision.article_id, revision.number])
    return redirect(f"{url}#a{annotation.pk}")


@login_required
@require_POST
def article_frame_view(request: HttpRequest, revision_pk: int) -> HttpResponse:
    """Accept, reject or clear one frame of an article (the article layer's labels)."""
    revision = _get_revision_for_user(request, revision_pk, Capability.ANNOTATE)
    form = ArticleFrameForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest("Choose a frame and accept, reject or clear.")
    label = get_object_or_404(
        Label.objects.select_related("codebook_version__codebook"),
        pk=form.cleaned_data["label"],
        codebook_version__codebook__workspace_id=revision.article.event.workspace_id,
    )
    try:
        article_frame_decide(
            revision=revision, label=label, status=form.cleaned_data["status"], user=request.user
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(f"{revision.article.get_absolute_url()}#article-frames")
