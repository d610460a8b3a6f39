"""Comparison summaries: per-outlet aggregates (CSV too), aligned facts, competing labels.

Figures come from the event's stored summary, the one the comparison pages and charts
render: the API never computes its own version of a number a page shows.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import renderers
from rest_framework.decorators import api_view, renderer_classes
from rest_framework.request import Request
from rest_framework.response import Response

from api.scoping import _get_event_for_user
from api.serializers import AlignmentSerializer, OutletFiguresSerializer
from api.views.base import takes
from framing.engine.contrast import rate_per_1000
from reports.alignment import align_columns
from reports.columns import choose_articles
from reports.evidence import safe_cell
from reports.summary import counted_articles, event_model_version, event_summary
from reports.views.event import outlet_table


class CsvRenderer(renderers.BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data: Any, accepted_media_type=None, renderer_context=None) -> bytes:
        out = io.StringIO()
        # Text is made formula-safe; numbers stay numbers (a negative tone is not a formula).
        cells = [[safe_cell(c) if isinstance(c, str) else c for c in row] for row in data]
        csv.writer(out).writerows(cells)
        return out.getvalue().encode()


def outlet_figures(payload: dict, *, include_republications: bool, voice: str | None) -> list:
    """Per outlet, as the compare page and charts count: articles, words, mean tone of the
    analysed articles, and loaded terms per category with rates per 1,000 words."""
    keep = counted_articles(payload, include_republications=include_republications)
    outlet_of = {a["id"]: a["outlet"] for a in payload["articles"] if a["id"] in keep}
    counts = Counter(
        (outlet_of[row[0]], row[1])
        for row in payload["terms"]
        if row[0] in outlet_of and (voice is None or row[2] == voice)
    )
    tones: dict[int, list[float]] = {}
    for a in payload["articles"]:
        if a["id"] in keep and a["tone"] is not None:
            tones.setdefault(a["outlet"], []).append(a["tone"])
    rows = []
    for o in outlet_table(payload, include_republications=include_republications):
        mine = tones.get(o["id"], [])
        terms = {}
        for label in payload["labels"]:
            rate = rate_per_1000(counts[(o["id"], label["key"])], max(int(o["words"]), 1))
            terms[label["key"]] = {
                "count": rate.count, "per_1000": round(rate.rate, 3),
                "low": round(rate.low, 3), "high": round(rate.high, 3),
            }  # fmt: skip
        rows.append(
            {
                "outlet": o["id"], "name": o["name"], "type": o.get("type", ""),
                "articles": o["n"], "words": o["words"], "analysed": len(mine),
                "mean_tone": round(sum(mine) / len(mine), 3) if mine else None, "terms": terms,
            }
        )  # fmt: skip
    return rows


def _csv_rows(rows: list[dict], labels: list[dict]) -> list[list]:
    keys = [lab["key"] for lab in labels]
    head = ["outlet_id", "outlet", "type", "articles", "words", "analysed", "mean_tone"]
    head += [f"{k}_{what}" for k in keys for what in ("terms", "per_1000")]
    body = [
        [r["outlet"], r["name"], r["type"], r["articles"], r["words"], r["analysed"],
         "" if r["mean_tone"] is None else r["mean_tone"]]
        + [v for k in keys for v in (r["terms"][k]["count"], r["terms"][k]["per_1000"])]
        for r in rows
    ]  # fmt: skip
    return [head, *body]


@extend_schema(responses=OutletFiguresSerializer)
@api_view(["GET"])
@renderer_classes([renderers.JSONRenderer, CsvRenderer])
@takes("voice", "republications", "format")
def event_outlets(request: Request, pk: int, params: dict) -> Response:
    """Per-outlet aggregates (``?format=csv`` for a spreadsheet). ``updating`` is true while
    a refresh of the stored summary is queued: the figures are the last ones built."""
    event = _get_event_for_user(request, pk)
    payload = event_summary(event)
    rows = outlet_figures(
        payload,
        include_republications=params.get("republications") == "all",
        voice=params.get("voice"),
    )
    if params.get("format") == "csv":
        return Response(_csv_rows(rows, payload["labels"]))
    labels = [{"key": lab["key"], "name": lab["name"]} for lab in payload["labels"]]
    body = {"event": event.pk, "updating": bool(payload.get("updating")), "labels": labels}
    return Response({**body, "outlets": rows})


@extend_schema(responses=AlignmentSerializer)
@api_view(["GET"])
@takes("articles")
def event_alignment(request: Request, pk: int, params: dict) -> Response:
    """Aligned facts across 2–6 articles (default: one per outlet, as the page chooses) and
    competing labels: referents that outlets name in different words."""
    event = _get_event_for_user(request, pk)
    wanted = [str(i) for i in params.get("articles", [])]
    articles = choose_articles(event, wanted)
    alignment = align_columns(event, articles, event_model_version(event))
    facts = [
        {
            "key": row.key,
            "score": round(row.score, 4),
            "confirmed": row.confirmed,
            "cells": [_cell(c) for c in row.cells],
        }
        for row in alignment.rows
    ]
    labels = [
        {"key": r["key"], "kind": r["kind"], "neutral": r["neutral"],
         "outlets": [{"outlet": o, "wordings": [{"text": w, "n": n} for w, n in words]}
                     for o, words in r["outlets"]]}
        for r in alignment.referents
    ]  # fmt: skip
    return Response({"articles": [a.pk for a in articles], "facts": facts, "labels": labels})


def _cell(c) -> dict | None:
    if c is None:
        return None
    return {"article": c.article.pk if c.article else None, "sentence": c.index,
            "text": c.text, "state": c.state, "similarity": round(c.similarity, 4)}  # fmt: skip
