from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from accounts import services
from accounts.access import require, workspaces_for
from accounts.audit import audit_page
from accounts.forms import (
    EmailAuthenticationForm,
    InviteForm,
    RoleForm,
    SignupForm,
    UnlockingSetPasswordForm,
    WorkspaceForm,
)
from accounts.models import Capability, Invitation, Membership
from articles.selectors import events_with_counts
from parallax.forms import add_service_errors


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else ""


class LoginView(auth_views.LoginView):
    """Log-in by e-mail, throttled per account and per address (accounts/throttle.py)."""

    authentication_form = EmailAuthenticationForm

    def form_invalid(self, form: EmailAuthenticationForm) -> HttpResponse:
        response = super().form_invalid(form)
        if form.lockout is not None:
            response.status_code = 429
            response["Retry-After"] = str(
                max(1, int((form.lockout.until - timezone.now()).total_seconds()))
            )
        return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = UnlockingSetPasswordForm


def signup(request: HttpRequest) -> HttpResponse:
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.user_signup(**form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect(_safe_next(request) or "home")
    return render(request, "accounts/signup.html", {"form": form, "next": _safe_next(request)})


@login_required
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = get_object_or_404(
        Invitation.objects.select_related("workspace", "invited_by"),
        token=token,
        accepted_at__isnull=True,
    )
    refusal = invitation.refusal_for(request.user)
    if request.method == "POST" and not refusal:
        try:
            membership = services.invitation_accept(token=token, user=request.user)
        except ValidationError as exc:
            refusal = " ".join(exc.messages)
        else:
            messages.success(request, f"You joined {membership.workspace.name}.")
            return redirect(membership.workspace)
    ctx = {"invitation": invitation, "refusal": refusal}
    return render(request, "accounts/invitation.html", ctx, status=403 if refusal else 200)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    workspaces = workspaces_for(user=request.user).annotate(n_events=Count("events"))
    form = WorkspaceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        workspace = services.workspace_create(user=request.user, **form.cleaned_data)
        return redirect(workspace)
    return render(request, "accounts/home.html", {"workspaces": workspaces, "form": form})


@login_required
def workspace_detail(request: HttpRequest, pk: int) -> HttpResponse:
    membership = require(user=request.user, workspace_id=pk)
    events = events_with_counts(workspace=membership.workspace)
    ctx = {"workspace": membership.workspace, "membership": membership, "events": events}
    return render(request, "accounts/workspace_detail.html", ctx)


@login_required
def members(request: HttpRequest, pk: int) -> HttpResponse:
    membership = require(user=request.user, workspace_id=pk)
    workspace = membership.workspace
    form = InviteForm(request.POST or None)
    if request.method == "POST":
        require(user=request.user, workspace_id=pk, capability=Capability.MANAGE)
        if form.is_valid():
            try:
                result = services.member_invite(
                    workspace=workspace,
                    invited_by=request.user,
                    base_url=request.build_absolute_uri("/"),
                    **form.cleaned_data,
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _invite_message(result))
                return redirect("members", pk=pk)
    ctx = {
        "workspace": workspace,
        "membership": membership,
        "members": workspace.memberships.select_related("user"),
        "invitations": workspace.invitations.filter(accepted_at__isnull=True),
        "form": form,
        "role_form": RoleForm(),
    }
    return render(request, "accounts/members.html", ctx)


def _invite_message(result: object) -> str:
    if isinstance(result, Membership):
        return f"{result.user} is now a member ({result.get_role_display()})."
    return f"Invitation sent to {result.email}."  # type: ignore[attr-defined]


def _get_membership_for_owner(request: HttpRequest, pk: int, member_pk: int) -> Membership:
    require(user=request.user, workspace_id=pk, capability=Capability.MANAGE)
    return get_object_or_404(
        Membership.objects.select_related("user"), pk=member_pk, workspace_id=pk
    )


@login_required
@require_POST
def member_role(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    target = _get_membership_for_owner(request, pk, member_pk)
    form = RoleForm(request.POST)
    if form.is_valid():
        try:
            services.member_set_role(membership=target, role=form.cleaned_data["role"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    return redirect("members", pk=pk)


@login_required
@require_POST
def member_remove(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    target = _get_membership_for_owner(request, pk, member_pk)
    try:
        services.member_remove(membership=target)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("members", pk=pk)


@login_required
def audit_log(request: HttpRequest, pk: int) -> HttpResponse:
    """Who created, changed or deleted what: owners only (it names every member's actions)."""
    membership = require(user=request.user, workspace_id=pk, capability=Capability.MANAGE)
    page = audit_page(workspace=membership.workspace, number=request.GET.get("page"))
    ctx = {"workspace": membership.workspace, "membership": membership, "page": page}
    return render(request, "accounts/audit_log.html", ctx)
