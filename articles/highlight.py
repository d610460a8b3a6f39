"""Render article text with highlighted spans, escaping the text first.

Overlapping spans are flattened into segments so the markup never nests wrongly;
each segment carries the ids of the spans that cover it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    span_id: str
    css_class: str = "hl"
    title: str = ""
    data: dict[str, str] = field(default_factory=dict)
    colour: str = ""  # "#rrggbb"; anything else is ignored


_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def _style(colour: str) -> str:
    return f' style="--hl: {colour}"' if _HEX_COLOUR.fullmatch(colour) else ""


def _boundaries(length: int, marks: Sequence[Mark]) -> list[int]:
    points = {0, length}
    for m in marks:
        points.add(max(0, min(m.start, length)))
        points.add(max(0, min(m.end, length)))
    return sorted(points)


def highlight(text: str, marks: Sequence[Mark]) -> SafeString:
    """HTML for `text` with `<mark>` elements around the given spans; text is escaped."""
    points = _boundaries(len(text), marks)
    parts: list[str] = []
    for start, end in pairwise(points):
        piece = escape(text[start:end])
        covering = [m for m in marks if m.start <= start and end <= m.end]
        if not covering:
            parts.append(piece)
            continue
        top = covering[-1]
        attrs = "".join(format_html(' data-{}="{}"', k, v) for k, v in sorted(top.data.items()))
        parts.append(
            format_html(
                '<mark class="{}" data-spans="{}" title="{}"{}{}>{}</mark>',
                top.css_class,
                " ".join(m.span_id for m in covering),
                top.title,
                mark_safe(attrs),  # built from format_html above, so already escaped
                mark_safe(_style(top.colour)),  # a validated hex colour only
                piece,
            )
        )
    return mark_safe("".join(parts))  # every piece went through escape() or format_html()
