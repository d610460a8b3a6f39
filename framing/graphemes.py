"""Grapheme (user-perceived character) boundaries, for spans an analyst draws over a text.

Offsets are code points; a span must not start or end inside a grapheme cluster such as
"e" + combining accent, a flag (two regional indicators) or an emoji joined by ZWJ, or its
highlight and its exported text would show half a character. ``regex``'s ``\\X`` follows the
Unicode segmentation rules (UAX #29), which we should not re-implement.
"""

from __future__ import annotations

import regex

_GRAPHEME = regex.compile(r"\X")


def grapheme_around(text: str, offset: int) -> tuple[int, int] | None:
    """(start, end) of the grapheme cluster that ``offset`` falls strictly inside, or None
    when ``offset`` is a boundary (0, len(text) and every offset between two clusters)."""
    if offset <= 0 or offset >= len(text):
        return None
    # A line feed is always a boundary after it (CR LF is one cluster, ending at the LF),
    # so scanning can start at the line and need not walk the whole text.
    position = text.rfind("\n", 0, offset) + 1
    for match in _GRAPHEME.finditer(text, position):
        if match.end() >= offset:
            return None if match.start() == offset or match.end() == offset else match.span()
    return None


def whole_graphemes(text: str, start: int, end: int) -> tuple[int, int]:
    """The smallest span of whole grapheme clusters containing ``start``–``end``."""
    around_start = grapheme_around(text, start)
    around_end = grapheme_around(text, end)
    return (around_start[0] if around_start else start, around_end[1] if around_end else end)
