"""ETag / If-None-Match on API reads: a client polling results gets 304 while nothing moved."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.middleware.http import ConditionalGetMiddleware
from django.utils.cache import patch_cache_control, patch_vary_headers

API_PREFIX = "/api/v1/"


class ApiConditionalGetMiddleware(ConditionalGetMiddleware):
    """Django's conditional GET (ETag from the body), for the API only; the answer depends on
    who asks, so shared caches must neither keep it nor mix users."""

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if not request.path.startswith(API_PREFIX):
            return response
        patch_vary_headers(response, ("Authorization", "Cookie"))
        patch_cache_control(response, private=True, no_cache=True)
        if response.status_code != 200:
            return response
        return super().process_response(request, response)
