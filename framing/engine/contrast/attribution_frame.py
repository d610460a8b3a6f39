"""The attribution frame of a sentence — who says it and the verb of saying ("Solheim said",
"according to the ministry", "said Mara Olin, who runs the bakery") — found cheaply by
pattern, without the engine's quote and speaker layers, for aligned facts.

Two sentences by one speaker share the frame whatever they report ("The ministry chose 40
percent, Solheim said." / "Solheim's office said the police were responsible"), so the
similarity features leave speech verbs out of their words and count names outside the frame
only.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import wordlist

# Verbs that attribute a sentence to a speaker. "states" is left out (the noun), and so are
# verbs whose other senses carry content ("claimed waters", "asked us", "notes to editors").
SPEECH_WORDS = frozenset(
    wordlist(
        "said says say told tells added adds stated insisted insists warned warns argued argues "
        "stressed stresses explained explains according announced announces declared declares "
        "acknowledged acknowledges admitted admits maintained maintains reiterated reiterates "
        "confirmed confirms replied replies"
    )
)
_PASSIVE = frozenset(wordlist("was were been be being is are has have had"))
# A segment: text between clause punctuation or quotation marks.
_SEGMENT = re.compile(r"[^,;:“”\"—–()]+")
_WORD = re.compile(r"[\w’'-]+")
# What may follow a closing attribution without ending it: a short aside ("61"), the
# speaker's description ("who runs the bakery", "a mining analyst") or a place or time.
_AFTER_TAIL = ("who ", "whose ", "on ", "in ", "at ", "adding", "a ", "an ", "the ")
_TAIL_WORDS = 7  # ", the regional government said." has 4
_HEAD_WORDS = 5  # "Foreign ministry spokesperson Dara Kostell said" has 5 before the verb


def _verb_index(words: list[str]) -> int | None:
    """The first speech verb that is not passive ("vessels have been told" reports a fact)."""
    for i, w in enumerate(words):
        if w in SPEECH_WORDS and (w == "said" or i == 0 or words[i - 1] not in _PASSIVE):
            return i
    return None


@lru_cache(maxsize=16384)
def attribution_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    """Character spans of the sentence's attribution frames: a closing one (", the ministry
    said.", "” said Mara Olin, who …"), an opening "According to X", or the speaker and verb
    opening a clause ("Ministry officials said (that)")."""
    spans = []
    segments = [m for m in _SEGMENT.finditer(sentence) if _WORD.search(m.group())]
    for k, seg in enumerate(segments):
        found = list(_WORD.finditer(seg.group()))
        words = [w.group().lower() for w in found]
        i = _verb_index(words)
        if i is None:
            continue
        after = segments[k + 1 :]
        closing = all(
            len(_WORD.findall(r.group())) <= 3 or r.group().strip().lower().startswith(_AFTER_TAIL)
            for r in after
        )
        if len(words) <= _TAIL_WORDS and (
            (k > 0 and closing and len(words) - i - 1 <= 3) or words[0] == "according"
        ):
            spans.append((seg.start(), seg.end()))
        elif i <= _HEAD_WORDS:
            end = found[i].end()
            if words[i] == "according" and i + 1 < len(words) and words[i + 1] == "to":
                end = found[min(i + 4, len(found) - 1)].end()  # "according to the X Y"
            elif i + 1 < len(words) and words[i + 1] == "that":
                end = found[i + 1].end()
            spans.append((seg.start(), seg.start() + end))
    return tuple(spans)


@lru_cache(maxsize=16384)
def without_attribution(sentence: str) -> str:
    """The sentence with its attribution frames cut out (each replaced by a space)."""
    pieces, last = [], 0
    for start, end in attribution_spans(sentence):
        pieces.append(sentence[last:start])
        last = end
    pieces.append(sentence[last:])
    return " ".join(pieces)
