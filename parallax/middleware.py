"""Structured request logs: one JSON line per request with its timing.

Operators grep or ship these lines (journald, a log collector) to find slow pages and
errors without a profiler; the query string is left out because it can carry search
terms analysts typed.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

logger = logging.getLogger("parallax.request")


class RequestLogMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started, cpu = time.perf_counter(), time.thread_time()
        response = self.get_response(request)
        if logger.isEnabledFor(logging.INFO):
            user = getattr(request, "user", None)
            line = {
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "ms": round((time.perf_counter() - started) * 1000, 1),
                # This thread's CPU: far below "ms" means the request waited (for the
                # database, a lock, or the interpreter held by another thread).
                "cpu_ms": round((time.thread_time() - cpu) * 1000, 1),
                "user": user.pk if user is not None and user.is_authenticated else None,
            }
            logger.info(json.dumps(line))
        return response
