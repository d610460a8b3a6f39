"""Carry spans from one revision's text onto an edited text by diff.

Pure functions: the service decides what to store. A span is carried only when both of
its ends fall in (or at the edge of) text the edit kept; the caller flags every carried
span for review, since even an unchanged string may now sit in a changed sentence.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from difflib import SequenceMatcher

# A span is carried only if most of its characters survive the edit; a few stray
# letters that happen to match elsewhere are not the same words.
MIN_KEPT = 0.6


@dataclass(frozen=True, slots=True)
class Moved:
    start: int
    end: int
    exact: bool  # the new text under the span equals the old text


class OffsetMap:
    """Maps offsets in `old` to offsets in `new` through the equal blocks of a diff."""

    def __init__(self, old: str, new: str) -> None:
        matcher = SequenceMatcher(None, old, new, autojunk=False)
        # Only blocks of real length; the last one is a zero-length sentinel.
        self._blocks = [b for b in matcher.get_matching_blocks() if b.size]
        self._starts = [b.a for b in self._blocks]

    def _block_for(self, pos: int, *, is_end: bool) -> tuple[int, int, int] | None:
        # An end offset may sit exactly at a block's far edge (exclusive end).
        i = bisect.bisect_right(self._starts, pos - 1 if is_end else pos) - 1
        if i < 0:
            return None
        a, b, size = self._blocks[i]
        inside = a <= pos <= a + size if is_end else a <= pos < a + size
        return (a, b, size) if inside else None

    def kept(self, start: int, end: int) -> int:
        """How many characters of old[start:end] lie in blocks the edit kept."""
        total = 0
        for a, _, size in self._blocks:
            total += max(0, min(end, a + size) - max(start, a))
        return total

    def map(self, pos: int, *, is_end: bool = False) -> int | None:
        block = self._block_for(pos, is_end=is_end)
        if block is None:
            return None
        a, b, _ = block
        return b + (pos - a)


def reanchor(old: str, new: str, spans: list[tuple[int, int]]) -> list[Moved | None]:
    """For each (start, end) in `old`, where it lands in `new`, or None if it cannot."""
    offsets = OffsetMap(old, new)
    result: list[Moved | None] = []
    for start, end in spans:
        new_start = offsets.map(start)
        new_end = offsets.map(end, is_end=True)
        if (
            new_start is None
            or new_end is None
            or new_end <= new_start
            or offsets.kept(start, end) < MIN_KEPT * (end - start)
        ):
            result.append(None)
            continue
        exact = new[new_start:new_end] == old[start:end]
        result.append(Moved(new_start, new_end, exact))
    return result
