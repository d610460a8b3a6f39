"""Comparison views, one module per area; every view starts from the access helpers
(`articles.views._get_event_for_user` / `accounts.access.require`)."""

from reports.views.aligned import actors_correct, aligned, aligned_correct
from reports.views.event import (
    chart_data,
    charts,
    compare,
    outlet_table,
    sentences,
    spans,
    vocabulary,
)

__all__ = [
    "actors_correct",
    "aligned",
    "aligned_correct",
    "chart_data",
    "charts",
    "compare",
    "outlet_table",
    "sentences",
    "spans",
    "vocabulary",
]
