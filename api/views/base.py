"""What every API view shares: allow-listed parameters, parsed once after authentication."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from rest_framework import generics
from rest_framework.request import Request
from rest_framework.views import APIView

from api.params import parse_query


class ScopedList(generics.ListAPIView):
    """A cursor-paginated list; ``filters`` are the query parameters it takes."""

    filters: tuple[str, ...] = ()
    params: dict[str, Any]

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)  # 401/403/429 before any 400
        self.params = parse_query(request.query_params, self.filters)


class ScopedView(APIView):
    """A view of several methods on one URL; ``filters`` as for lists."""

    filters: tuple[str, ...] = ()
    params: dict[str, Any]

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        self.params = parse_query(request.query_params, self.filters)


def valid_data(serializer_class: type, request: Request) -> dict:
    """The request body checked by ``serializer_class``, or ValidationError (400) per field."""
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def takes(*names: str) -> Callable:
    """For function views: refuse parameters other than ``names``; pass the parsed ones."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request: Request, *args: Any, **kwargs: Any):
            return view(request, *args, params=parse_query(request.query_params, names), **kwargs)

        wrapper.filters = names  # read by the schema
        return wrapper

    return decorator
