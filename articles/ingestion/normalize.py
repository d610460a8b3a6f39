"""Text normalisation, and re-mapping of span offsets through it.

``normalize_text`` is applied exactly once to every article before any offset is computed.
``normalize_with_map`` produces the identical string plus an offset map, so spans given against
the original text (interchange JSONL) can be moved onto the normalised text.
"""

from __future__ import annotations

import functools
import itertools
import re
import sys
import unicodedata
from dataclasses import dataclass

# Only at the start of a run, and possessive: "[^\S\n]+(?=\n|\Z)" retried from every space of
# a long run ending in a letter, quadratic time (11 s for 32,000 spaces).
_TRAILING_WS = re.compile(r"(?<![^\S\n])[^\S\n]++(?=\n|\Z)")
# Control characters carry no text, and PostgreSQL cannot store NUL at all: they go.
# Vertical tab and form feed (page breaks in extracted PDFs) become line ends.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_LINE_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})
_BLANK_RUN = re.compile(r"\n{3,}")
UNMAPPABLE = -1


def normalize_text(s: str) -> str:
    """Normalise article text.

    Steps, in order: control characters removed (vertical tab and form feed become
    ``\\n``); Unicode NFC; ``\\r\\n`` and ``\\r`` become ``\\n``; trailing whitespace is
    removed from every line; the whole text is trimmed; three or more consecutive newlines
    (two or more blank lines) become one blank line. The result is idempotent.
    """
    # Controls go first: removing one later could leave a letter and its accent apart.
    s = CONTROL_CHARS.sub("", s).translate(_LINE_BREAKS)
    if not unicodedata.is_normalized("NFC", s):
        s = unicodedata.normalize("NFC", s)
    if "\r" in s:
        s = s.replace("\r\n", "\n").replace("\r", "\n")
    s = _TRAILING_WS.sub("", s).strip()
    return _BLANK_RUN.sub("\n\n", s)


@dataclass(frozen=True, slots=True)
class NormalizedText:
    text: str
    # offsets[p] = position in ``text`` of original position p (len(original)+1 entries);
    # UNMAPPABLE where p falls inside characters that NFC merged or reordered.
    offsets: list[int]

    def map_offset(self, pos: int) -> int:
        return self.offsets[pos]


class SpanMappingError(ValueError):
    pass


def normalize_with_map(original: str) -> NormalizedText:
    """``normalize_text(original)`` together with an original→normalised offset map."""
    text, offsets = _controls_step(original)
    for step in (_nfc_with_map, _newlines_step, _trailing_ws_step, _strip_step, _blank_run_step):
        text, step_map = step(text)
        offsets = [UNMAPPABLE if p == UNMAPPABLE else step_map[p] for p in offsets]
    return NormalizedText(text, offsets)


def map_span(norm: NormalizedText, start: int, end: int) -> tuple[int, int]:
    """Move ``[start, end)`` of the original text onto the normalised text.

    Raises ``SpanMappingError`` (with a message fit for an analyst) when a boundary splits a
    character that normalisation combined, or when nothing of the span survives.
    """
    if not 0 <= start < end <= len(norm.offsets) - 1:
        raise SpanMappingError(
            f"span {start}-{end} is outside the text (length {len(norm.offsets) - 1})"
        )
    new_start, new_end = norm.offsets[start], norm.offsets[end]
    if UNMAPPABLE in (new_start, new_end):
        raise SpanMappingError(
            f"span {start}-{end} starts or ends inside a character that Unicode normalisation "
            "combines (e.g. a letter and its accent)"
        )
    if new_start >= new_end:
        raise SpanMappingError(
            f"span {start}-{end} covers only whitespace that normalisation removes"
        )
    return new_start, new_end


# --- steps: each returns (new_text, map) where map has len(text)+1 entries ---------------------


def _deletion_map(length: int, deleted: list[tuple[int, int]]) -> list[int]:
    """Map for removing the sorted, disjoint ``deleted`` ranges: a deleted position maps to where
    the removed run was, so span boundaries in removed whitespace snap to its edge."""
    out: list[int] = []
    shift = 0
    cursor = 0
    for start, end in deleted:
        out.extend(range(cursor - shift, start - shift))
        out.extend([start - shift] * (end - start))
        shift += end - start
        cursor = end
    out.extend(range(cursor - shift, length + 1 - shift))
    return out


def _apply_deletions(text: str, deleted: list[tuple[int, int]]) -> tuple[str, list[int]]:
    kept = []
    cursor = 0
    for start, end in deleted:
        kept.append(text[cursor:start])
        cursor = end
    kept.append(text[cursor:])
    return "".join(kept), _deletion_map(len(text), deleted)


def _controls_step(text: str) -> tuple[str, list[int]]:
    new_text, mapping = _apply_deletions(text, [m.span() for m in CONTROL_CHARS.finditer(text)])
    return new_text.translate(_LINE_BREAKS), mapping


def _newlines_step(text: str) -> tuple[str, list[int]]:
    deleted = [(m.start(), m.start() + 1) for m in re.finditer(r"\r\n", text)]
    new_text, mapping = _apply_deletions(text, deleted)
    return new_text.replace("\r", "\n"), mapping


def _trailing_ws_step(text: str) -> tuple[str, list[int]]:
    return _apply_deletions(text, [m.span() for m in _TRAILING_WS.finditer(text)])


def _strip_step(text: str) -> tuple[str, list[int]]:
    lead = len(text) - len(text.lstrip())
    if lead == len(text):
        return _apply_deletions(text, [(0, len(text))] if text else [])
    trail = len(text) - len(text.rstrip())
    deleted = [(0, lead)] if lead else []
    if trail:
        deleted.append((len(text) - trail, len(text)))
    return _apply_deletions(text, deleted)


def _blank_run_step(text: str) -> tuple[str, list[int]]:
    return _apply_deletions(text, [(m.start() + 2, m.end()) for m in _BLANK_RUN.finditer(text)])


# --- NFC with a map ----------------------------------------------------------------------------


def _nfc_with_map(text: str) -> tuple[str, list[int]]:
    if unicodedata.is_normalized("NFC", text):
        return text, list(range(len(text) + 1))
    segments = _segments(text, _is_starter_boundary)
    nfc = unicodedata.normalize("NFC", text)
    if "".join(unicodedata.normalize("NFC", text[a:b]) for a, b in segments) != nfc:
        # Exotic sequences (e.g. Tibetan vowel signs) interact across starters; ASCII characters
        # never compose or reorder with a neighbour, so splitting only there is always exact.
        segments = _segments(text, lambda ch: ch < "\x80")
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for start, end in segments:
        piece = text[start:end]
        normal = unicodedata.normalize("NFC", piece)
        if normal == piece:
            offsets.extend(range(pos, pos + len(piece)))
        else:
            offsets.append(pos)
            offsets.extend([UNMAPPABLE] * (len(piece) - 1))
        out.append(normal)
        pos += len(normal)
    offsets.append(pos)
    return "".join(out), offsets


def _segments(text: str, is_boundary) -> list[tuple[int, int]]:
    bounds = [0] + [i for i in range(1, len(text)) if is_boundary(text[i])] + [len(text)]
    return [(a, b) for a, b in itertools.pairwise(bounds) if a < b]


def _is_starter_boundary(ch: str) -> bool:
    # A segment may start at a character that neither reorders (combining class 0) nor can be
    # the second half of a canonical composition.
    return unicodedata.combining(ch) == 0 and ch not in _composition_seconds()


@functools.cache
def _composition_seconds() -> frozenset[str]:
    seconds = set()
    for cp in range(sys.maxunicode + 1):
        decomposition = unicodedata.decomposition(chr(cp))
        if decomposition and not decomposition.startswith("<"):
            parts = decomposition.split()
            if len(parts) == 2:
                seconds.add(chr(int(parts[1], 16)))
    # Hangul syllables compose algorithmically (L+V, LV+T) and have no decomposition entry.
    seconds.update(chr(cp) for cp in range(0x1161, 0x1176))
    seconds.update(chr(cp) for cp in range(0x11A8, 0x11C3))
    return frozenset(seconds)
