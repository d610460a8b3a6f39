"""Add and delete memos on spans, articles and events (annotators and up)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from accounts.access import require
from accounts.models import Capability
from articles.models import Article, Event
from framing.memo_services import memo_create, memo_delete
from framing.models import Annotation, Memo


class MemoForm(forms.Form):
    text = forms.CharField(max_length=10_000, widget=forms.Textarea(attrs={"rows": 3}))


def _target(kind: str, pk: int) -> tuple[dict, int, str]:
    """(service kwargs, workspace id, page to return to) for a memo's target."""
    if kind == "span":
        a = get_object_or_404(
            Annotation.objects.select_related("revision__article__event"),
            pk=pk,
            revision__article__staged=False,
        )
        article = a.revision.article
        return {"annotation": a}, article.event.workspace_id, article.get_absolute_url()
    if kind == "article":
        article = get_object_or_404(Article.objects.select_related("event"), pk=pk)
        return {"article": article}, article.event.workspace_id, article.get_absolute_url()
    if kind != "event":
        raise Http404("Memos are on a span, an article or an event.")
    event = get_object_or_404(Event, pk=pk)
    return {"event": event}, event.workspace_id, event.get_absolute_url()


@login_required
@require_POST
def memo_add(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    span = request.POST.get("span", "")
    if kind == "article" and span.isdigit():  # the article page's memo form, about one span
        target, workspace_id, back = _target("span", int(span))
        if target["annotation"].revision.article_id != pk:
            raise Http404("That span is not in this article.")
    else:
        target, workspace_id, back = _target(kind, pk)
    require(user=request.user, workspace_id=workspace_id, capability=Capability.ANNOTATE)
    form = MemoForm(request.POST)
    if not form.is_valid():
        return HttpResponse("A memo needs text (at most 10,000 characters).", status=400)
    try:
        memo_create(user=request.user, text=form.cleaned_data["text"], **target)
    except ValidationError as exc:
        return HttpResponse(" ".join(exc.messages), status=400)
    messages.success(request, "Memo added.")
    return redirect(back + "#memos")


@login_required
@require_POST
def memo_delete_view(request: HttpRequest, pk: int) -> HttpResponse:
    memo = get_object_or_404(Memo.objects.select_related("annotation", "article", "event"), pk=pk)
    membership = require(
        user=request.user, workspace_id=memo.workspace_id, capability=Capability.ANNOTATE
    )
    kind, target_pk = _kind_of(memo)
    _, _, back = _target(kind, target_pk)
    memo_delete(memo=memo, user=request.user, is_owner=membership.can_manage)
    messages.success(request, "Memo deleted.")
    return redirect(back + "#memos")


def _kind_of(memo: Memo) -> tuple[str, int]:
    if memo.annotation_id:
        return "span", memo.annotation_id
    if memo.article_id:
        return "article", memo.article_id
    return "event", memo.event_id
