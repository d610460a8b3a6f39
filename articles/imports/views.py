"""Import pages: upload or URL → preview (mapping, duplicates, edits) → progress."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts.access import require
from accounts.models import Capability
from articles.forms_import import EncodingForm, MappingForm, UploadForm, UrlForm, item_decisions
from articles.ingestion.decode import ENCODINGS
from articles.models import ImportJob, ImportStatus, SourceFile
from articles.views import _get_event_for_user

from . import jobs, mappings, preview, selectors
from .uploads import upload_refusal


def _job_for_user(request: HttpRequest, pk: int) -> ImportJob:
    job = get_object_or_404(ImportJob.objects.select_related("event__workspace"), pk=pk)
    _get_event_for_user(request, job.event_id, Capability.EDIT)
    return job


def _start_page(request, event, upload_form, url_form, status=200) -> HttpResponse:
    ctx = {"event": event, "upload_form": upload_form, "url_form": url_form}
    return render(request, "articles/import_start.html", ctx, status=status)


@login_required
def import_start(request: HttpRequest, pk: int) -> HttpResponse:
    event, _ = _get_event_for_user(request, pk, Capability.EDIT)
    choices = mappings.mapping_choices(workspace=event.workspace)
    refusal = upload_refusal(request) if request.method == "POST" else ""
    if refusal:  # Django stopped reading the body: what arrived is incomplete, use none of it
        messages.error(request, refusal)
        return _start_page(request, event, UploadForm(mapping_choices=choices), UrlForm(), 400)
    form = UploadForm(request.POST or None, request.FILES or None, mapping_choices=choices)
    if request.method == "POST" and form.is_valid():
        try:
            mapping = mappings.mapping_resolve(
                workspace=event.workspace, key=form.cleaned_data["mapping"]
            )
            job = preview.import_preview(
                event=event,
                files=form.cleaned_data["files"],
                user=request.user,
                mapping=mapping,
                default_outlet=form.cleaned_data["default_outlet"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect(job)
    status = 400 if request.method == "POST" else 200
    return _start_page(request, event, form, UrlForm(), status)


@login_required
@require_POST
def import_url(request: HttpRequest, pk: int) -> HttpResponse:
    event, _ = _get_event_for_user(request, pk, Capability.EDIT)
    form = UrlForm(request.POST)
    if form.is_valid():
        try:
            job = preview.import_url(event=event, user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error("url", exc)
        else:
            return redirect(job)
    choices = mappings.mapping_choices(workspace=event.workspace)
    return _start_page(request, event, UploadForm(mapping_choices=choices), form, 400)


@login_required
def import_job(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job_for_user(request, pk)
    if job.status != ImportStatus.PREVIEW:
        ctx = {"job": job, "event": job.event, "state": jobs.job_state(job)}
        return render(request, "articles/import_job.html", ctx)
    items = list(selectors.preview_items(job=job))
    errors = []
    if request.method == "POST":
        try:
            job = jobs.import_commit(
                job=job, decisions=item_decisions(request.POST, items), user=request.user
            )
        except ValidationError as exc:
            errors = exc.messages
        else:
            return redirect(job)
    return _preview_page(request, job, items, errors)


def _preview_page(request, job, items, errors, status=200) -> HttpResponse:
    panels = selectors.mapping_panels(job=job)
    for panel in panels:
        panel.form = MappingForm(headers=panel.headers, current=panel.columns)
    encodings = selectors.encoding_panels(job=job)
    for panel in encodings:
        panel.form = EncodingForm(likely=[g.encoding for g in panel.guesses])
    ctx = {
        "job": job,
        "event": job.event,
        "encodings": encodings,
        "items": items,
        "counts": selectors.job_counts(job=job),
        "rejections": selectors.rejections(job=job),
        "panels": panels,
        "label_panel": selectors.label_mapping_panel(job=job),
        "errors": errors,
    }
    return render(request, "articles/import_preview.html", ctx, status=400 if errors else status)


@login_required
@require_POST
def import_remap(request: HttpRequest, pk: int, source_pk: int) -> HttpResponse:
    job = _job_for_user(request, pk)
    source = get_object_or_404(job.source_files, pk=source_pk)
    panel = next((p for p in selectors.mapping_panels(job=job) if p.source == source), None)
    form = MappingForm(request.POST, headers=panel.headers if panel else [], current={})
    try:
        if not form.is_valid():
            raise ValidationError([e for errs in form.errors.values() for e in errs])
        mapping = mappings.mapping_from_columns(form.columns(), name=form.cleaned_data["save_as"])
        preview.import_remap(
            job=job,
            source=source,
            mapping=mapping,
            user=request.user,
            save_as=form.cleaned_data["save_as"],
        )
    except ValidationError as exc:
        return _preview_page(request, job, list(selectors.preview_items(job=job)), exc.messages)
    messages.success(request, f"Read {source.original_name} again with the new column mapping.")
    return redirect(job)


@login_required
@require_POST
def import_reencode(request: HttpRequest, pk: int, source_pk: int) -> HttpResponse:
    job = _job_for_user(request, pk)
    source = get_object_or_404(job.source_files, pk=source_pk)
    form = EncodingForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError([e for errs in form.errors.values() for e in errs])
        encoding = form.cleaned_data["encoding"]
        preview.import_reencode(job=job, source=source, encoding=encoding)
    except ValidationError as exc:
        return _preview_page(request, job, list(selectors.preview_items(job=job)), exc.messages)
    messages.success(request, f"Read {source.original_name} again as {ENCODINGS[encoding]}.")
    return redirect(job)


@login_required
def import_state(request: HttpRequest, pk: int) -> JsonResponse:
    return JsonResponse(jobs.job_state(_job_for_user(request, pk)))


@login_required
@require_POST
def import_restart(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job_for_user(request, pk)
    try:
        jobs.job_restart(job=job, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(job)


@login_required
@require_POST
def import_discard(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job_for_user(request, pk)
    try:
        jobs.job_discard(job=job, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(job)
    messages.success(request, "Import discarded; nothing was added.")
    return redirect(job.event)


@login_required
def source_download(request: HttpRequest, pk: int) -> FileResponse:
    """The original bytes, never rendered by the browser in our origin.

    A download is an export: roles without the export right (annotators) are refused.
    """
    source = get_object_or_404(SourceFile, pk=pk)
    require(user=request.user, workspace_id=source.workspace_id, capability=Capability.EXPORT)
    response = FileResponse(
        source.file.open("rb"),
        as_attachment=True,
        filename=source.original_name or f"source-{source.pk}",
        content_type="application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response


@login_required
@require_POST
def import_map_labels(request: HttpRequest, pk: int) -> HttpResponse:
    """Save which of our labels each foreign span label stands for; applied at commit."""
    job = _job_for_user(request, pk)
    panel = selectors.label_mapping_panel(job=job) or {"rows": [], "choices": []}
    choices = {
        row["source"]: request.POST.get(f"target_{row['i']}", "")
        for row in panel["rows"]
        if f"target_{row['i']}" in request.POST
    }
    try:
        mappings.label_mapping_save(
            workspace=job.workspace,
            choices=choices,
            known={k for k, _ in panel["choices"]},
            user=request.user,
        )
    except ValidationError as exc:
        return _preview_page(request, job, list(selectors.preview_items(job=job)), exc.messages)
    messages.success(request, f"Saved {len(choices)} label mapping(s) for this workspace.")
    return redirect(job)
