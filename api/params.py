"""Query parameters of API lists: allow-listed per view and parsed in one place.

Unknown names are a 400 naming the allowed ones (as on the web pages, ``parallax.query``);
a value that does not parse is a 400 naming the field, never silently ignored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

from articles.models import OutletType
from framing.models import AnnotationStatus
from parallax.query import query_problem

VOICES = ("own", "quoted", "attributed")
PAGING = ("cursor", "page_size")


# Ids fit a signed 64-bit column; a larger number names nothing (and SQLite would overflow).
MAX_ID = 2**63 - 1


def _int(raw: str) -> int:
    value = int(raw)
    if not 1 <= value <= MAX_ID:
        raise ValueError
    return value


def _score(raw: str) -> float:
    value = float(raw)
    if not 0.0 <= value <= 1.0:
        raise ValueError
    return value


def _ids(raw: str) -> list[int]:
    ids = [_int(part) for part in raw.split(",")]
    if not 2 <= len(ids) <= 6:
        raise ValueError
    return ids


def _choice(options: Iterable[str]) -> Callable[[str], str]:
    options = tuple(options)

    def parse(raw: str) -> str:
        if raw not in options:
            raise ValueError
        return raw

    parse.options = options  # type: ignore[attr-defined]
    return parse


# name -> (parser, OpenAPI type, what a client must send)
FILTERS: dict[str, tuple[Callable[[str], Any], Any, str]] = {
    "workspace": (_int, OpenApiTypes.INT, "a workspace id"),
    "event": (_int, OpenApiTypes.INT, "an event id"),
    "revision": (_int, OpenApiTypes.INT, "a revision id"),
    "outlet": (_int, OpenApiTypes.INT, "an outlet id"),
    "article": (_int, OpenApiTypes.INT, "an article id"),
    "outlet_type": (_choice(OutletType.values), OpenApiTypes.STR, "an outlet type"),
    "since": (dt.date.fromisoformat, OpenApiTypes.DATE, "a date, YYYY-MM-DD"),
    "until": (dt.date.fromisoformat, OpenApiTypes.DATE, "a date, YYYY-MM-DD"),
    "label": (str, OpenApiTypes.STR, "a label key"),
    "voice": (_choice(VOICES), OpenApiTypes.STR, "own, quoted or attributed"),
    "min_score": (_score, OpenApiTypes.FLOAT, "a score from 0 to 1"),
    "status": (_choice(AnnotationStatus.values), OpenApiTypes.STR, "an annotation status"),
    "republications": (_choice(("all",)), OpenApiTypes.STR, "all: count republished copies"),
    "format": (_choice(("json", "csv")), OpenApiTypes.STR, "json or csv"),
    "articles": (_ids, OpenApiTypes.STR, "2 to 6 article ids, comma-separated"),
}


def parse_query(query: Mapping[str, str], allowed: Iterable[str]) -> dict[str, Any]:
    """The filters of ``query`` parsed, or ValidationError (400) naming the bad one."""
    names = [*allowed, *PAGING]
    problem = query_problem(query, names, {})
    if problem:
        raise ValidationError({"query": [problem.replace("this page", "this endpoint")]})
    parsed: dict[str, Any] = {}
    for name in allowed:
        raw = query.get(name, "")
        if not raw:
            continue
        if "\x00" in raw:  # no text column holds one (PostgreSQL refuses it outright)
            raise ValidationError({name: [f"{name} contains a NUL character."]})
        parser, _, wants = FILTERS[name]
        try:
            parsed[name] = parser(raw)
        except ValueError:
            raise ValidationError({name: [f"{name}={raw!r} is not {wants}."]}) from None
    if parsed.get("since") and parsed.get("until") and parsed["since"] > parsed["until"]:
        raise ValidationError({"since": ["since is after until."]})
    return parsed


def schema_parameters(allowed: Iterable[str]) -> list[OpenApiParameter]:
    out = []
    for name in allowed:
        parser, kind, wants = FILTERS[name]
        out.append(
            OpenApiParameter(
                name, kind, OpenApiParameter.QUERY, description=wants,
                enum=list(getattr(parser, "options", ())) or None,
            )
        )  # fmt: skip
    return out
