"""The per-session undo stack of annotation actions, and the JSON the article page reads."""

from __future__ import annotations

from django.http import HttpRequest

from accounts.models import User
from framing.annotation_services import UndoStep
from framing.models import Annotation

SESSION_KEY = "annotation_undo"
UNDO_DEPTH = 50


def undo_push(request: HttpRequest, revision_id: int, step: UndoStep) -> None:
    stack = request.session.get(SESSION_KEY, [])
    stack.append({"revision": revision_id, "step": step})
    request.session[SESSION_KEY] = stack[-UNDO_DEPTH:]


def undo_pop(request: HttpRequest, revision_id: int) -> UndoStep | None:
    """The last step taken on this revision (steps on other pages stay)."""
    stack = request.session.get(SESSION_KEY, [])
    for i in range(len(stack) - 1, -1, -1):
        if stack[i]["revision"] == revision_id:
            step = stack.pop(i)["step"]
            request.session[SESSION_KEY] = stack
            return step
    return None


def undo_available(request: HttpRequest, revision_id: int) -> bool:
    return any(e["revision"] == revision_id for e in request.session.get(SESSION_KEY, []))


def annotation_json(a: Annotation, user: User) -> dict:
    return {
        "id": a.pk,
        "start": a.start,
        "end": a.end,
        "label": a.label_id,
        "label_key": a.label.key,
        "label_name": a.label.name,
        "colour": a.label.colour,
        "status": a.status,
        "version": a.version,
        "model": a.author_model_id is not None,
        "own": a.author_user_id is not None and a.author_user_id == user.pk,
        "by": str(a.author_user or a.author_model or ""),
        "score": a.score,
        "review": a.needs_review,
    }
