"""Whose voice a tagged span is in: the outlet's own, a quoted speaker's, or reported speech.

Kept apart from any tagger so it applies to whatever spans a tagger returns: it takes spans
and the quotes ``quotes.find_quotes`` found, nothing else. A term belongs to the innermost
speaker who uttered it; words inside a quotation are never the outlet's own voice.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Protocol


class QuoteLike(Protocol):
    start: int
    end: int
    kind: str


def assign_voices[Q: QuoteLike](
    spans: Sequence[tuple[int, int]], quotes: Sequence[Q]
) -> list[tuple[str, Q | None]]:
    """(voice, holder) per span: "quoted" for a span in a direct or partial quote,
    "attributed" in a reported clause, else "own" with no holder.

    The innermost holder wins (a quote nested in reported speech is quoted). A span a tagger
    drew a little past the quote — over a closing mark or a following word — still belongs to
    the quote holding most of its characters. Scare quotes are the outlet keeping its distance,
    so they stay in its own voice.
    """
    holders = sorted((q for q in quotes if q.kind != "scare"), key=lambda q: (q.start, q.end))
    starts = [q.start for q in holders]
    longest = max((q.end - q.start for q in holders), default=0)
    out: list[tuple[str, Q | None]] = []
    for start, end in spans:
        best: Q | None = None
        length = max(1, end - start)
        i = bisect_right(starts, end - 1) - 1
        while i >= 0 and holders[i].start >= start - longest:
            q = holders[i]
            inside = min(q.end, end) - max(q.start, start)
            if 2 * inside > length and (best is None or q.end - q.start < best.end - best.start):
                best = q
            i -= 1
        if best is None:
            out.append(("own", None))
        else:
            out.append(("attributed" if best.kind == "reported" else "quoted", best))
    return out
