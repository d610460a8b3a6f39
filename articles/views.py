from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from accounts.access import require
from accounts.models import Capability, Membership
from articles import selectors, services
from articles.forms import EventForm, OutletForm, PasteArticleForm, TextEditForm
from articles.highlight import Mark, highlight
from articles.models import Article, Event, Outlet, TextRevision
from articles.services import StaleEditError
from framing.assignment_selectors import assignment_for
from framing.selectors import (
    article_frame_rows,
    article_memos,
    article_relays,
    event_memos,
    visible_annotations,
    workspace_labels,
)
from parallax.forms import add_service_errors
from parallax.query import query_params


def _get_event_for_user(
    request: HttpRequest, pk: int, capability: str = Capability.VIEW
) -> tuple[Event, Membership]:
    event = get_object_or_404(Event.objects.select_related("workspace"), pk=pk)
    membership = require(user=request.user, workspace_id=event.workspace_id, capability=capability)
    return event, membership


def _get_outlet_for_user(
    request: HttpRequest, pk: int, capability: str = Capability.VIEW
) -> tuple[Outlet, Membership]:
    outlet = get_object_or_404(Outlet.objects.select_related("workspace"), pk=pk)
    membership = require(user=request.user, workspace_id=outlet.workspace_id, capability=capability)
    return outlet, membership


def _get_article_for_user(
    request: HttpRequest, pk: int, capability: str = Capability.VIEW
) -> tuple[Article, Membership]:
    article = get_object_or_404(
        Article.objects.select_related("event__workspace", "outlet", "origin", "current_revision"),
        pk=pk,
    )
    membership = require(
        user=request.user, workspace_id=article.event.workspace_id, capability=capability
    )
    return article, membership


@login_required
def event_create(request: HttpRequest, workspace_pk: int) -> HttpResponse:
    membership = require(user=request.user, workspace_id=workspace_pk, capability=Capability.EDIT)
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_create(
                workspace=membership.workspace, created_by=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return redirect(event)
    ctx = {"form": form, "workspace": membership.workspace, "event": None}
    return render(request, "articles/event_form.html", ctx)


@login_required
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    event, membership = _get_event_for_user(request, pk, Capability.EDIT)
    form = EventForm(request.POST or None, instance=event)
    ctx = {"form": form, "workspace": membership.workspace, "event": event}
    if request.method == "POST" and form.is_valid():
        try:
            services.event_update(event=event, **form.cleaned_data)
        except StaleEditError as exc:
            # the analyst's values stay in the form, now based on the current version
            event.refresh_from_db()  # the form's validation wrote its values onto it
            base = {"version": exc.current["version"]}
            form = _rebased(EventForm, request, exc, base, instance=event)
            ctx.update(form=form, conflict=_conflict_rows(form, exc.current))
            return render(request, "articles/event_form.html", ctx, status=409)
        return redirect(event)
    return render(request, "articles/event_form.html", ctx)


def _conflict_rows(form, current: dict) -> list[tuple[str, object]]:
    """(label, value now) for each visible field of the form, to compare with the form."""
    rows = []
    for field in form.visible_fields():
        value = current.get(field.name, "")
        rows.append((field.label, ", ".join(value) if isinstance(value, list) else value))
    return rows


def _rebased(form_class, request: HttpRequest, exc: StaleEditError, base: dict, **kwargs):
    """The submitted form again, its base set to what is current now and the conflict shown,
    so saving it once more is a deliberate choice to replace the other edit."""
    data = request.POST.copy()
    data.update({k: str(v) for k, v in base.items()})
    if "instance" in kwargs:  # validation writes onto its instance: not the page's copy
        kwargs["instance"] = type(kwargs["instance"]).objects.get(pk=kwargs["instance"].pk)
    form = form_class(data, **kwargs)
    form.is_valid()
    form.add_error(None, exc.message)
    return form


@login_required
@query_params("page")
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event, membership = _get_event_for_user(request, pk)
    page = selectors.event_article_page(event=event, number=request.GET.get("page"))
    ctx = {"event": event, "membership": membership, "articles": page.object_list}
    ctx["memos"] = event_memos(event=event)
    return render(request, "articles/event_detail.html", {**ctx, "page_obj": page})


@login_required
def article_paste(request: HttpRequest, pk: int) -> HttpResponse:
    event, membership = _get_event_for_user(request, pk, Capability.EDIT)
    form = PasteArticleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            article = services.article_create_from_form(
                event=event, user=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Added “{article.title}”.")
            return redirect(article)
    ctx = {"form": form, "event": event, "membership": membership}
    return render(request, "articles/article_paste.html", ctx)


@login_required
@query_params("rejected", choices={"rejected": ["1"]})
def article_detail(request: HttpRequest, pk: int, number: int | None = None) -> HttpResponse:
    article, membership = _get_article_for_user(request, pk)
    revisions = article.revisions.only("id", "number", "created_at", "note", "created_by")
    if number is None:
        revision = article.current_revision
    else:
        revision = get_object_or_404(TextRevision, article=article, number=number)
    annotations = visible_annotations(revision=revision, event=article.event) if revision else []
    # Rejected suggestions are listed below but kept out of the text unless asked for.
    show_rejected = request.GET.get("rejected") == "1"
    marks = [_mark(a) for a in annotations if show_rejected or a.status != "rejected"]
    # Loaded-term labels first: they get the 1–9 shortcuts on the page.
    labels = sorted(
        workspace_labels(workspace_id=article.event.workspace_id),
        key=lambda lab: (lab.kind != "loaded_term", lab.codebook_version.codebook.name),
    )
    relays = (
        article_relays(
            revision_ids=[revision.pk], model_version_id=article.event.analysis_model_id
        ).get(revision.pk)
        if revision
        else None
    )
    ctx = {
        "article": article,
        "membership": membership,
        "revision": revision,
        "relays": relays,
        "revisions": revisions.select_related("created_by"),
        "annotations": annotations,
        "show_rejected": show_rejected,
        "body": highlight(revision.text, marks) if revision else "",
        "labels": labels if membership.can_annotate else [],
        "page_data": _page_data(request, revision, annotations, labels, membership),
        "memos": article_memos(article=article, revision=revision),
        "frames": article_frame_rows(revision=revision, event=article.event) if revision else [],
        # The "mark done" bar, when this article is assigned to the reader.
        "assignment": (
            assignment_for(user=request.user, article=article) if membership.can_annotate else None
        ),
    }
    return render(request, "articles/article_detail.html", ctx)


def _mark(a) -> Mark:
    return Mark(
        a.start,
        a.end,
        f"a{a.pk}",
        css_class=f"hl hl-{a.status}" + (" hl-review" if a.needs_review else ""),
        title=f"{a.label.name} ({a.get_status_display()})",
        colour=a.label.colour,
    )


def _page_data(request, revision, annotations, labels, membership) -> dict | None:
    """What static/js/annotate.js needs, read from a JSON data block (no inline script)."""
    if revision is None or not membership.can_annotate:
        return None
    from django.urls import reverse

    from framing.undo import annotation_json, undo_available

    return {
        "revision": revision.pk,
        "current": revision.pk == revision.article.current_revision_id,
        "annotations": [annotation_json(a, request.user) for a in annotations],
        "labels": [
            {"id": lab.pk, "key": lab.key, "name": lab.name, "colour": lab.colour} for lab in labels
        ],
        "undo": undo_available(request, revision.pk),
        "urls": {
            "add": reverse("annotation_add", args=[revision.pk]),
            "list": reverse("revision_annotations", args=[revision.pk]),
            "undo": reverse("annotation_undo", args=[revision.pk]),
            "decide": reverse("annotation_decide", args=[0]),
            "delete": reverse("annotation_delete", args=[0]),
            "relabel": reverse("annotation_relabel", args=[0]),
        },
    }


@login_required
@require_POST
def article_confirm_origin(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm the relay the engine read into the article's origin (edit right needed)."""
    article, _ = _get_article_for_user(request, pk, Capability.EDIT)
    try:
        services.article_confirm_origin(article=article, name=request.POST.get("origin", ""))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Origin set: this article relays {article.origin.name}.")
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        return redirect(back)
    return redirect(article)


@login_required
def article_edit_text(request: HttpRequest, pk: int) -> HttpResponse:
    article, _ = _get_article_for_user(request, pk, Capability.EDIT)
    current = article.current_revision
    initial = {"text": current.text if current else "", "base_revision": current and current.pk}
    form = TextEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            result = services.article_revise(
                article=article, user=request.user, **form.cleaned_data
            )
        except StaleEditError as exc:
            base = {"base_revision": exc.current["revision"]}
            form = _rebased(TextEditForm, request, exc, base)
            ctx = {"form": form, "article": article, "conflict": exc.current}
            return render(request, "articles/article_edit_text.html", ctx, status=409)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                f"Saved revision {result.revision.number}: {result.reanchored} annotation(s) "
                f"re-anchored for review, {result.dropped} left on the old revision.",
            )
            return redirect(article)
    return render(request, "articles/article_edit_text.html", {"form": form, "article": article})


@login_required
@query_params()
def outlet_list(request: HttpRequest, workspace_pk: int) -> HttpResponse:
    membership = require(user=request.user, workspace_id=workspace_pk)
    outlets = selectors.outlets_with_counts(workspace=membership.workspace)
    ctx = {"workspace": membership.workspace, "membership": membership, "outlets": outlets}
    return render(request, "articles/outlet_list.html", ctx)


@login_required
def outlet_detail(request: HttpRequest, pk: int) -> HttpResponse:
    outlet, membership = _get_outlet_for_user(request, pk)
    form = OutletForm(request.POST or None, instance=outlet)
    conflict, status = None, 200
    if request.method == "POST":
        require(user=request.user, workspace_id=outlet.workspace_id, capability=Capability.EDIT)
        if form.is_valid():
            try:
                services.outlet_update(outlet=outlet, **form.cleaned_data)
            except StaleEditError as exc:
                outlet.refresh_from_db()  # the form's validation wrote its values onto it
                base = {"version": exc.current["version"]}
                form = _rebased(OutletForm, request, exc, base, instance=outlet)
                conflict, status = _conflict_rows(form, exc.current), 409
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, "Outlet saved.")
                return redirect(outlet)
    articles = outlet.articles.select_related("event").order_by("-published_date")[:200]
    ctx = {"outlet": outlet, "membership": membership, "form": form, "articles": articles}
    ctx["conflict"] = conflict
    return render(request, "articles/outlet_detail.html", ctx, status=status)
