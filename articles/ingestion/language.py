"""Offline language identification (py3langid)."""

from __future__ import annotations

import re

import py3langid

MIN_LETTERS = 40  # below this py3langid guesses; better to say "unknown"
_SAMPLE_CHARS = 2_000  # the opening is enough and keeps long articles cheap
_LETTER = re.compile(r"[^\W\d_]")


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when the text is too short to tell."""
    sample = text[:_SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None
    code, _score = py3langid.classify(sample)
    return code or None
