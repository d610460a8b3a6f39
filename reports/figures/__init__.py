"""Charts: DataFrames in, compact plotly JSON out (see ``base`` for the shared pieces)."""

from reports.figures.base import VOICES, Chart, ChartOptions
from reports.figures.event import (
    CHARTS,
    actor_tone,
    frame_heatmap,
    quote_sources,
    term_density,
    timeline,
    tone_by_outlet,
    voice_shares,
)

__all__ = [
    "CHARTS",
    "VOICES",
    "Chart",
    "ChartOptions",
    "actor_tone",
    "frame_heatmap",
    "quote_sources",
    "term_density",
    "timeline",
    "tone_by_outlet",
    "voice_shares",
]
