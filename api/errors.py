"""One error body for every API refusal: ``{"error": code, "detail": message, "fields": {...}}``.

Services raise Django's ValidationError, PermissionDenied and Http404 and the web pages turn
them into forms and pages; here they become the same JSON shape as DRF's own exceptions.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_handler

from articles.services import StaleEditError

CODES = {
    400: "invalid",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    410: "gone",
    413: "too_large",
    415: "unsupported_media_type",
    429: "throttled",
}


class Conflict(exceptions.APIException):
    """A write based on a version someone else changed since (the web UI's 409)."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"

    def __init__(self, detail: str, current: dict[str, Any]) -> None:
        super().__init__(detail)
        self.current = current


def error_body(code: str, detail: str, fields: dict[str, list[str]] | None = None) -> dict:
    return {"error": code, "detail": detail, "fields": fields or {}}


def _messages(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [f"{k}: {m}" for k, v in value.items() for m in _messages(v)]
    if isinstance(value, list):
        return [m for v in value for m in _messages(v)]
    return [str(value)]


def _translated(exc: Exception) -> Exception:
    if isinstance(exc, StaleEditError):
        return Conflict(exc.message, exc.current)
    if isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):
            fields = {k: [m for e in v for m in e.messages] for k, v in exc.error_dict.items()}
            return exceptions.ValidationError(fields)
        return exceptions.ValidationError({"non_field_errors": exc.messages})
    if isinstance(exc, Http404):
        return exceptions.NotFound(str(exc) or "Not found.")
    if isinstance(exc, PermissionDenied):
        return exceptions.PermissionDenied(str(exc) or "You may not do this.")
    return exc


def exception_handler(exc: Exception, context: dict) -> Response | None:
    exc = _translated(exc)
    response = drf_handler(exc, context)
    if response is None:
        return None  # a bug: Django's 500 handling applies
    request = context.get("request")
    if request is not None:  # an error is JSON even where CSV was asked for
        request.accepted_renderer = JSONRenderer()
        request.accepted_media_type = JSONRenderer.media_type
    code = CODES.get(response.status_code, "error")
    if isinstance(exc, exceptions.ValidationError):
        data = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        fields = {str(k): _messages(v) for k, v in data.items()}
        first = next(iter(fields.items()))
        detail = first[1][0] if first[0] == "non_field_errors" else f"{first[0]}: {first[1][0]}"
        response.data = error_body(code, detail, fields)
    else:
        if isinstance(exc, exceptions.AuthenticationFailed):
            code = "authentication_failed"
        response.data = error_body(code, " ".join(_messages(response.data.get("detail", ""))))
        if isinstance(exc, Conflict):
            response.data["current"] = exc.current
    return response
