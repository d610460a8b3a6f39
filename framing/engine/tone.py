"""Sentence tone from vaderSentiment's lexicon, scored in one cheap pass.

vaderSentiment's own analyser re-tokenises every sentence and runs many rules per word; we load
its lexicon file once and apply the two rules that matter most for news copy — negation in the
three words before a sentiment word, and a booster/dampener right before it — then squash the
sentence sum into -1..1 with the same x/sqrt(x²+15) normalisation VADER uses.
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

import numpy as np

from .text import Tokens, wordlist

_NORMALISER = 15.0
_NEGATION_FACTOR = -0.74
_BOOST = 0.293
_NEGATIONS = frozenset(
    wordlist(
        "not no never none nobody nothing neither nor without cannot can't won't don't "
        "doesn't didn't isn't aren't wasn't weren't hasn't haven't hadn't shouldn't wouldn't "
        "couldn't mustn't hardly barely scarcely seldom rarely"
    )
)
_BOOSTERS = {
    **dict.fromkeys(
        wordlist(
            "very extremely highly deeply greatly hugely immensely enormously utterly totally "
            "completely absolutely incredibly especially exceptionally particularly "
            "remarkably seriously severely gravely truly so most more strongly fiercely "
            "thoroughly"
        ),
        _BOOST,
    ),
    **dict.fromkeys(
        wordlist(
            "slightly somewhat partly partially marginally barely hardly little less mildly "
            "fairly rather"
        ),
        -_BOOST,
    ),
}
# Entries of the VADER lexicon that are mostly function words or idioms in news copy.
_SKIP = frozenset(wordlist("like no yes please well pretty kind ok okay sure matter help care"))


@cache
def vader_lexicon() -> dict[str, float]:
    """word -> mean valence (-4..4) from vaderSentiment's lexicon file, loaded once."""
    import vaderSentiment  # only to locate the packaged file; its analyser is not used

    path = Path(vaderSentiment.__file__).parent / "vader_lexicon.txt"
    out: dict[str, float] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            word, _, rest = line.partition("\t")
            if word and word not in _SKIP and word[0].isalpha():
                out[word] = float(rest.partition("\t")[0])
    return out


def sentence_tones(
    tokens: Tokens, n_sentences: int
) -> tuple[np.ndarray, list[list[tuple[int, int, float]]]]:
    """Tone (-1..1) per sentence and the (start, end, valence) evidence behind each."""
    lex = vader_lexicon()
    words = tokens.words
    sums = [0.0] * n_sentences
    evidence: list[list[tuple[int, int, float]]] = [[] for _ in range(n_sentences)]
    if not words or not n_sentences:
        return np.zeros(n_sentences, dtype=np.float32), evidence
    sent = tokens.sentence.tolist()
    for i in [i for i, w in enumerate(words) if w in lex]:
        v = _adjusted(lex[words[i]], words, sent, i)
        s = sent[i]
        sums[s] += v
        evidence[s].append((tokens.starts[i], tokens.ends[i], round(v, 3)))
    tones = np.array([x / math.sqrt(x * x + _NORMALISER) for x in sums], dtype=np.float32)
    return tones, evidence


def _adjusted(v: float, words: list[str], sent: list[int], i: int) -> float:
    s = sent[i]
    if i > 0 and sent[i - 1] == s:
        boost = _BOOSTERS.get(words[i - 1])
        if boost:
            v += boost if v > 0 else -boost
    for j in range(max(0, i - 3), i):
        if sent[j] == s and (words[j] in _NEGATIONS or words[j].endswith("n't")):
            return v * _NEGATION_FACTOR
    return v
