"""Error pages of our own, readable and in the site's layout.

Django's bad_request view renders 400.html without the request (no user, no CSP nonce) and
says only "Bad Request (400)" when the template is missing; a form with too many files or
fields fails inside the CSRF check, before any view of ours could explain the limit.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import (
    DisallowedHost,
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.views import defaults

# Under this prefix clients are programs: errors are the API's JSON body, never a page.
API_PREFIX = "/api/"


def _bad_request_reason(exception: Exception | None) -> str:
    if isinstance(exception, TooManyFilesSent):
        return (
            f"More than {settings.DATA_UPLOAD_MAX_NUMBER_FILES} files were sent at once. "
            "Put them in a .zip or upload them in several parts; nothing was saved."
        )
    if isinstance(exception, TooManyFieldsSent):
        return (
            f"The form sent more than {settings.DATA_UPLOAD_MAX_NUMBER_FIELDS} fields. "
            "Submit fewer items at a time; nothing was saved."
        )
    if isinstance(exception, RequestDataTooBig):
        limit = filesizeformat(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
        return (
            f"The form data (besides files) is larger than the limit of {limit}. "
            "Submit less at a time; nothing was saved."
        )
    if isinstance(exception, DisallowedHost):
        return "This site is not served under the address you used."
    return "The request could not be read. Go back, reload the page and try again."


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    ctx = {"reason": _bad_request_reason(exception)}
    if isinstance(exception, DisallowedHost):
        # Nothing that builds links from the host header: render the bare message.
        return HttpResponse(ctx["reason"], status=400, content_type="text/plain; charset=utf-8")
    return render(request, "400.html", ctx, status=400)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: an expired form, a blocked cookie or a foreign page posting to us."""
    return render(request, "403_csrf.html", {"no_cookie": not request.COOKIES}, status=403)


def _api_error(code: str, detail: str, status: int) -> JsonResponse:
    return JsonResponse({"error": code, "detail": detail, "fields": {}}, status=status)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        return _api_error("not_found", "No such endpoint or object.", 404)
    return defaults.page_not_found(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        return _api_error("server_error", "Something went wrong on our side; it is logged.", 500)
    return defaults.server_error(request)
