"""The user's settings page for personal API tokens: create (the secret shown once), revoke."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_POST

from api import tokens
from api.forms import TokenForm
from parallax.forms import add_service_errors


@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None, user=request.user)
    created = None
    if request.method == "POST" and form.is_valid():
        try:
            created = tokens.token_create(user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            form = TokenForm(user=request.user)
    ctx = {"form": form, "tokens": tokens.tokens_of(user=request.user), "created": created}
    response = render(request, "api/tokens.html", ctx)
    add_never_cache_headers(response)  # the page may hold a secret shown once
    return response


@login_required
@require_POST
def token_revoke_view(request: HttpRequest, pk: int) -> HttpResponse:
    # Another user's token is as unknown as a missing one.
    token = get_object_or_404(tokens.tokens_of(user=request.user), pk=pk)
    tokens.token_revoke(token=token)
    messages.success(request, f"Token “{token.name}” revoked; it no longer works.")
    return redirect("api_tokens")
