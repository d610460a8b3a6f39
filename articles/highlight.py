"""Render article text with highlighted spans, escaping the text first.

Overlapping spans are flattened into segments so the markup never nests wrongly;
each segment carries the ids of the spans that cover it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from django.utils.functional import Promise
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
        piece = html.escape(text[start:end])
        covering = [m for m in marks if m.start <= start and end <= m.end]
        if not covering:
            parts.append(piece)
            continue
        top = covering[-1]
        attrs = "".join(f' data-{escaped(k)}="{escaped(v)}"' for k, v in sorted(top.data.items()))
        spans = escaped(" ".join(m.span_id for m in covering))
        css, title = escaped(top.css_class), escaped(top.title)
        parts.append(
            f'<mark class="{css}" data-spans="{spans}" title="{title}"'
            f"{attrs}{_style(top.colour)}>{piece}</mark>"  # a validated hex colour only
        )
    return mark_safe("".join(parts))  # every piece went through html.escape() or escaped()


def escaped(value: object) -> str:
    """``conditional_escape`` as a plain string (what ``format_html`` does to each argument;
    a page of thousands of marks spent more time in its wrappers than in the escaping)."""
    if isinstance(value, Promise):
        value = str(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))
