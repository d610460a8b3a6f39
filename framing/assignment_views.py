"""Assignments: an editor gives an event's articles to annotators; each annotator works
through "My assignments" and marks their articles done; everyone who annotates sees the
event's progress."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts.access import require
from accounts.models import Capability, Membership
from articles.models import Event
from articles.views import _get_event_for_user
from framing import assignment_selectors as selectors
from framing import assignment_services as services
from framing.forms import AssignForm, ReassignForm, SplitForm, UnassignForm
from framing.models import Assignment
from parallax.forms import add_service_errors
from parallax.query import query_params


def _get_assignment_for_user(
    request: HttpRequest, pk: int, capability: str = Capability.ANNOTATE
) -> tuple[Assignment, Membership]:
    assignment = get_object_or_404(Assignment.objects.select_related("article__event"), pk=pk)
    membership = require(
        user=request.user, workspace_id=assignment.article.event.workspace_id, capability=capability
    )
    return assignment, membership


def _forms(event: Event) -> dict:
    ws = event.workspace_id
    assignees = selectors.event_assignees(event=event)
    return {
        "assign_form": AssignForm(workspace_id=ws),
        "split_form": SplitForm(workspace_id=ws),
        "reassign_form": ReassignForm(workspace_id=ws, assignees=assignees),
    }


def _page(
    request: HttpRequest, event: Event, membership: Membership, status: int = 200, **forms
) -> HttpResponse:
    ctx = {"event": event, "workspace": event.workspace, "membership": membership}
    ctx["progress"] = selectors.event_progress(event=event)
    if membership.can_edit:
        page = selectors.event_assignment_page(event=event, number=request.GET.get("page"))
        ctx.update(rows=page.object_list, page_obj=page)
        ctx.update({**_forms(event), **forms})  # a refused form shows with its errors
    return render(request, "framing/assignments.html", ctx, status=status)


@login_required
@query_params("page")
def event_assignments(request: HttpRequest, pk: int) -> HttpResponse:
    """Progress per annotator for everyone who annotates; the assignment tools for editors."""
    event, membership = _get_event_for_user(request, pk, Capability.ANNOTATE)
    return _page(request, event, membership)


def _done(request: HttpRequest, event: Event, text: str) -> HttpResponse:
    messages.success(request, text)
    return redirect("event_assignments", pk=event.pk)


@login_required
@require_POST
def event_assign(request: HttpRequest, pk: int) -> HttpResponse:
    event, membership = _get_event_for_user(request, pk, Capability.EDIT)
    form = AssignForm(request.POST, workspace_id=event.workspace_id)
    if form.is_valid():
        try:
            n = services.assignments_create(
                event=event, article_ids=form.cleaned_data["articles"],
                annotators=list(form.cleaned_data["annotators"]), by=request.user,
            )  # fmt: skip
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return _done(request, event, f"{n} new assignment(s).")
    return _page(request, event, membership, status=400, assign_form=form)


@login_required
@require_POST
def event_split(request: HttpRequest, pk: int) -> HttpResponse:
    event, membership = _get_event_for_user(request, pk, Capability.EDIT)
    form = SplitForm(request.POST, workspace_id=event.workspace_id)
    if form.is_valid():
        try:
            n = services.assignments_split(
                event=event, annotators=list(form.cleaned_data["annotators"]),
                per_article=form.cleaned_data["per_article"], by=request.user,
            )  # fmt: skip
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return _done(request, event, f"{n} new assignment(s) of unassigned articles.")
    return _page(request, event, membership, status=400, split_form=form)


@login_required
@require_POST
def event_unassign(request: HttpRequest, pk: int) -> HttpResponse:
    event, _ = _get_event_for_user(request, pk, Capability.EDIT)
    form = UnassignForm(request.POST)
    if not form.is_valid():
        return HttpResponse("Choose an assignment to remove.", status=400)
    n = services.assignments_delete(event=event, assignment_ids=form.cleaned_data["assignment"])
    return _done(request, event, f"{n} assignment(s) removed; the tags made stay.")


@login_required
@require_POST
def event_reassign(request: HttpRequest, pk: int) -> HttpResponse:
    event, membership = _get_event_for_user(request, pk, Capability.EDIT)
    assignees = selectors.event_assignees(event=event)
    form = ReassignForm(request.POST, workspace_id=event.workspace_id, assignees=assignees)
    if form.is_valid():
        d = form.cleaned_data
        try:
            n = services.assignments_reassign(
                event=event, from_user=d["from_user"], to_user=d["to_user"], by=request.user,
                article_ids=d["articles"] or None,
            )  # fmt: skip
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return _done(request, event, f"{n} unfinished article(s) moved to {d['to_user']}.")
    return _page(request, event, membership, status=400, reassign_form=form)


@login_required
def my_assignments(request: HttpRequest) -> HttpResponse:
    groups = selectors.my_assignments_by_event(user=request.user)
    return render(request, "framing/my_assignments.html", {"groups": groups})


@login_required
@require_POST
def assignment_done(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark one's own article done (or open again), then go on to the next one to do."""
    assignment, _ = _get_assignment_for_user(request, pk)
    done = request.POST.get("done") != "0"
    services.assignment_set_done(assignment=assignment, user=request.user, done=done)
    if not done:
        messages.success(request, "Open again: it is back in your assignments.")
        return redirect(assignment.article)
    event_id = assignment.article.event_id
    following = selectors.next_assignment(user=request.user, event_id=event_id)
    if following is None:
        messages.success(request, "Done. That was your last open article of this event.")
        return redirect("my_assignments")
    messages.success(request, f"Done. Next: “{following.article.title}”.")
    return redirect(following.article)
