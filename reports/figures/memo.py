"""Charts remembered per process while the summary parts they read are the same objects.

The summary's lists are shared between requests until a row changes (``summary_store``), and
a decision changes term rows only: the charts that read articles, quotes or actors alone are
then built once per process instead of on every request.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from reports.figures.base import Chart, ChartOptions
from reports.figures.event import CHARTS

# What every chart reads, and what some read beside it.
COMMON = ("articles", "outlets", "labels", "frames", "actors", "actor_kinds", "actor_merge")
EXTRA = {"density": ("terms",), "voice": ("terms",), "quotes": ("quotes",)}
# Key -> (the parts it was built from, the chart). Parts are held, so an identity is never
# reused by a new object while the entry lives.
_MEMO: OrderedDict[tuple, tuple[tuple, Chart]] = OrderedDict()
_MEMO_MAX = 128


def chart_for(key: str, event_id: int, payload: dict[str, Any], opts: ChartOptions) -> Chart:
    """``CHARTS[key]`` of the payload, reused while the parts it reads are unchanged."""
    memo_key = (key, event_id, opts)
    hit = _MEMO.get(memo_key)
    if key == "vocabulary":  # its one input is read fresh per request: compared by value
        parts: tuple = (payload.get("vocabulary"),)
        if hit is not None and hit[0] == parts:
            _MEMO.move_to_end(memo_key)
            return hit[1]
    else:
        parts = tuple(payload.get(name) for name in COMMON + EXTRA.get(key, ()))
    if hit is not None and all(a is b for a, b in zip(hit[0], parts, strict=True)):
        _MEMO.move_to_end(memo_key)
        return hit[1]
    chart = CHARTS[key](event_id, payload, opts)
    _MEMO[memo_key] = (parts, chart)
    while len(_MEMO) > _MEMO_MAX:
        _MEMO.popitem(last=False)
    return chart
