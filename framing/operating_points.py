"""Operating points: which model suggestions the pages show, chosen per event.

The tagger stores every span it scores at or above its recall-first threshold; a model
version carries the three thresholds with the precision and recall measured at each on
held-out data (``metrics["operating_points"]``). Pages read stored results through a score
floor, so switching an event from "balanced" to "precision first" needs no re-analysis.
Models made before operating points existed have no thresholds: every stored suggestion
stays visible, so old analyses read as they always did.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from articles.models import OperatingPoint
from framing.models import ModelVersion

POINTS = tuple(OperatingPoint.values)


def engine_operating_points(model: Any) -> dict[str, dict[str, float]]:
    """Thresholds with measured precision/recall from an engine model, {} if it has none."""
    points = getattr(model, "operating_points", None)
    if points is None:
        return {}
    table = points() if callable(points) else points
    return {
        name: {k: float(v) for k, v in row.items() if k in ("threshold", "precision", "recall")}
        for name, row in (table or {}).items()
        if name in POINTS
    }


def model_operating_points(metrics: Mapping[str, Any] | None) -> dict[str, dict[str, float]]:
    """The operating points stored in a model version's metrics ({} for older models)."""
    table = (metrics or {}).get("operating_points") or {}
    return {name: table[name] for name in POINTS if name in table}


def score_floor(metrics: Mapping[str, Any] | None, point: str) -> float:
    """The lowest score a model suggestion needs to be shown at ``point``."""
    row = model_operating_points(metrics).get(point)
    return float(row["threshold"]) if row else 0.0


def floors_by_analysis(rows: Iterable[tuple[int, int, str]]) -> dict[int, float]:
    """analysis id -> score floor, from (analysis id, model version id, operating point) rows.

    One query for the model versions involved, however many analyses and events.
    """
    rows = list(rows)
    metrics = dict(
        ModelVersion.objects.filter(pk__in={m for _, m, _ in rows}).values_list("pk", "metrics")
    )
    return {pk: score_floor(metrics.get(model), point) for pk, model, point in rows}
