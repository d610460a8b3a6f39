"""GET parameters of list, explorer and filter views: declared per view, checked in one place.

A misspelt filter (``?lable=…``) or an unknown ordering (``?order=date``) used to be ignored,
so the page looked filtered when it was not. Views declare the parameters they read with
``@query_params``; anything else answers 400 naming the parameters and values allowed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import wraps

from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import render


def query_problem(
    query: QueryDict, allowed: Iterable[str], choices: Mapping[str, Iterable[str]]
) -> str | None:
    """Why ``query`` does not fit the allowed names and values, or None when it does.
    An empty value always fits: a form's "any" option submits one."""
    names = list(allowed)
    unknown = [name for name in query if name not in names]
    if unknown:
        takes = f"takes only: {', '.join(names)}" if names else "takes no parameters"
        plural = "s" if len(unknown) > 1 else ""
        return f"Unknown parameter{plural} {', '.join(unknown)}; this page {takes}."
    for name, values in choices.items():
        options = [str(v) for v in values]
        for value in query.getlist(name):
            if value and value not in options:
                return f"{name}={value} is not allowed; {name} is one of: {', '.join(options)}."
    return None


def query_params(
    *allowed: str, choices: Mapping[str, Iterable[str]] | None = None, json: bool = False
) -> Callable:
    """Decorate a GET view with the parameters it reads (and the values of the enumerated
    ones); others get 400, as a page or, with ``json=True``, as ``{"error": …}``."""
    fixed = {name: tuple(values) for name, values in (choices or {}).items()}

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
            problem = query_problem(request.GET, allowed, fixed)
            if problem is None:
                return view(request, *args, **kwargs)
            if json:
                return JsonResponse({"error": problem, "allowed": list(allowed)}, status=400)
            return render(request, "query_refused.html", {"problem": problem}, status=400)

        return wrapper

    return decorator
