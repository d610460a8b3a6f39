"""Memos: free-text notes on a span, an article or an event."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError

from accounts.models import User
from articles.models import Article, Event
from framing.models import Annotation, Memo


def memo_create(
    *,
    user: User,
    text: str,
    annotation: Annotation | None = None,
    article: Article | None = None,
    event: Event | None = None,
) -> Memo:
    targets = [t for t in (annotation, article, event) if t is not None]
    if len(targets) != 1:
        raise ValidationError("A memo is about exactly one span, article or event.")
    if annotation is not None:
        workspace_id = annotation.revision.article.event.workspace_id
    elif article is not None:
        workspace_id = article.event.workspace_id
    else:
        workspace_id = event.workspace_id
    memo = Memo(
        workspace_id=workspace_id,
        annotation=annotation,
        article=article,
        event=event,
        text=text.strip(),
        author=user,
    )
    memo.full_clean()
    memo.save()
    return memo


def memo_delete(*, memo: Memo, user: User, is_owner: bool = False) -> None:
    if memo.author_id != user.pk and not is_owner:
        raise PermissionDenied("Only its author or a workspace owner may delete a memo.")
    memo.delete()
