"""Collect and merge loaded-term candidates from every layer for one text.

Shared by ``analyze()`` and by span-model training, so the model is trained on exactly the
candidates it will later score.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from . import scorer
from .doc import Doc, primary_language
from .lexicon import load_lexicon
from .patterns import find_patterns
from .quotes import QuoteFound
from .tone import vader_lexicon

_SO_CALLED = re.compile(r"(?:so-called|self-styled|supposed)\s*\Z")


# What ``prepare()`` returns: a ``Doc`` with every layer up to the candidates.
Prepared = Doc


def english(language: str) -> bool:
    return primary_language(language) == "en"


def prepare(text: str, language: str = "en") -> Doc:
    """Run the pipeline's layers up to the candidates (the model-independent ones) on
    ``text``: what the tagger and the span scorer read, in training as in ``analyze()``."""
    # The pipeline imports this module (its candidates component), so it is imported here.
    from .pipeline import prepare as shared_layers

    return shared_layers(text, language)


def find_candidates(doc: Doc) -> tuple[list[scorer.Candidate], scorer.Context]:
    """Lexicon, pattern and scare-quote candidates merged (plus, for English, the span
    model's own candidates), and the context the span scorer reads, for a ``Doc`` with its
    sentences, quotes and actors."""
    text, norm, sentences, tokens = doc.text, doc.norm, doc.sentences, doc.tokens
    quotes, actors = doc.quotes, doc.actors
    raw = _layer_candidates(text, norm, doc.language, quotes)
    merged = merge(raw)
    is_en = english(doc.language)
    ctx = scorer.Context(
        text=text,
        tokens=tokens,
        sentences=sentences,
        regions=voice_regions(quotes),
        scare=[(q.open_mark, q.close_mark) for q in quotes if q.kind == "scare"],
        actor_spans=[(a.start, a.end) for a in actors],
        valence=vader_lexicon() if is_en else {},
        rarity=scorer.rarity_table("en") if is_en else {},
    )
    if is_en:
        merged += scorer.model_candidates(ctx, [(c.start, c.end) for c in merged])
        merged.sort(key=lambda c: c.start)
    return merged, ctx


def voice_regions(quotes: list[QuoteFound]) -> list[tuple[int, int, str]]:
    out = []
    for q in quotes:
        if q.kind in ("direct", "partial"):
            out.append((q.start, q.end, "quoted"))
        elif q.kind == "reported":
            out.append((q.start, q.end, "attributed"))
    return out


def _layer_candidates(text: str, norm: str, lang: str, quotes: list[QuoteFound]) -> list:
    out = [
        scorer.Candidate(
            m.start,
            m.end,
            m.entry.category,
            m.entry.weight,
            "lexicon",
            f"lexicon '{m.entry.term.split('|')[0]}': {m.entry.note}",
        )
        for m in load_lexicon(lang).find(norm)
    ]
    out += [
        scorer.Candidate(m.start, m.end, m.category, m.weight, "pattern", m.explanation)
        for m in find_patterns(norm, lang)
    ]
    out += _scare_candidates(text, norm, quotes)
    return out


def _scare_candidates(text: str, norm: str, quotes: list[QuoteFound]) -> list:
    out = []
    plain: dict[str, bool] = {}
    for q in quotes:
        if q.kind != "scare" or q.open_mark is None or q.close_mark is None:
            continue
        start, end = q.open_mark, min(len(text), q.close_mark + 1)
        term = norm[q.start : q.end].strip()
        so_called = _SO_CALLED.search(norm, max(0, start - 16), start)
        if not so_called and term not in plain:
            plain[term] = _used_plainly(norm, term)
        weight, why = 0.75, "scare quotes around a term"
        if so_called:
            start, weight, why = so_called.start(), 0.95, "'so-called' with scare quotes"
        elif named := _NAMED_BEFORE.search(norm, max(0, start - 48), start):
            weight = 0.3
            why = f"quoted word after '{named.group(1)}': someone's word or a name, not distancing"
        elif _in_heading(text, start, end):
            weight, why = 0.3, "quoted words in a heading: a quotation, not distancing"
        elif plain[term]:
            weight, why = 0.35, "quoted term the outlet also uses plainly"
        out.append(scorer.Candidate(start, end, "scare_quotes", weight, "pattern", f"rule {why}"))
    return out


# A quoted word right after a verb of naming, calling or chanting is somebody's word or the
# name of something ("branded him a 'traitor'", "chanted 'out'", "titled 'Dawn'"): the outlet
# reports it rather than keeping its distance (issue 8: 8 % of scare-quote hits were right).
_NAMED_BEFORE = re.compile(
    r"\b(call|calls|called|calling|brand|brands|branded|branding|label|labels|labelled|labeled|"
    r"labelling|labeling|dub|dubs|dubbed|term|terms|termed|describe|describes|described|"
    r"describing|smear|smears|smeared|chant|chants|chanted|chanting|shout|shouts|shouted|"
    r"shouting|sang|sing|singing|title|titled|entitled|named|headed|headlined|reads|reading|"
    r"word|words|slogan|slogans|phrase|motto|banner|banners|placard|placards|sign|signs|"
    r"hashtag|nicknamed|codenamed|code-named|known)\b(?:[\s,:]+[\w\-']+){0,3}[\s,:]*\Z"
)


def _in_heading(text: str, start: int, end: int) -> bool:
    """A short line without a closing full stop (a headline or subheading)."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    line = text[lo : len(text) if hi == -1 else hi].strip().rstrip("\"'”’)»")
    return bool(line) and line[-1] not in ".!?,;:" and len(line.split()) <= 16


def _used_plainly(norm: str, term: str) -> bool:
    """Whether the outlet also writes the term without quote marks somewhere (then quoting it
    once is less likely to be distancing). Computed once per distinct term."""
    if not term:
        return False
    for m in re.finditer(re.escape(term), norm):
        before = norm[m.start() - 1] if m.start() else " "
        if before not in "\"'":
            return True
    return False


def merge(cands: list[scorer.Candidate]) -> list[scorer.Candidate]:
    """Resolve overlaps: longest span wins, then highest weight; overlapping losers count as
    agreeing layers and lend their explanation."""
    kept: list[scorer.Candidate] = []
    for cluster in _clusters(cands):
        kept += _resolve(cluster)
    kept.sort(key=lambda c: c.start)
    return kept


def _clusters(cands: list[scorer.Candidate]) -> list[list[scorer.Candidate]]:
    """Groups of transitively overlapping candidates (one sweep over start order)."""
    groups: list[list[scorer.Candidate]] = []
    reach = -1
    for c in sorted(cands, key=lambda c: (c.start, c.end)):
        if c.start < reach:
            groups[-1].append(c)
            reach = max(reach, c.end)
        else:
            groups.append([c])
            reach = c.end
    return groups


def _resolve(cluster: list[scorer.Candidate]) -> list[scorer.Candidate]:
    order = sorted(cluster, key=lambda c: (-(c.end - c.start), -c.weight, c.start))
    kept: list[scorer.Candidate] = []
    # Kept spans never overlap each other, so they sit in start order too: the ones a
    # candidate overlaps are found by bisection (a run of "so-called so-called …" makes one
    # cluster of thousands, and scanning every kept span for each was quadratic).
    starts: list[int] = []
    slots: list[int] = []  # index into ``kept`` of the span at each sorted position
    for c in order:
        pos = bisect_left(starts, c.end)
        lo = pos
        while lo > 0 and kept[slots[lo - 1]].end > c.start:
            lo -= 1
        hit = min(slots[lo:pos], default=None)  # the earliest kept, as a linear scan found
        if hit is None:
            starts.insert(pos, c.start)
            slots.insert(pos, len(kept))
            kept.append(c)
            continue
        k = kept[hit]
        weight = max(k.weight, c.weight) if k.source == c.source else k.weight
        category = k.category
        if k.category == "scare_quotes" and c.category != "scare_quotes":
            # Quote marks around a lexicon or pattern term: the term says what is loaded
            # ("‘aggressive bloc’" is a pejorative label however it is quoted).
            category, weight = c.category, max(k.weight, c.weight)
        kept[hit] = replace(
            k,
            category=category,
            weight=weight,
            layers=k.layers + 1,
            explanation=_join(k.explanation, c.explanation),
        )
    return kept


def _join(a: str, b: str) -> str:
    return a if b in a or len(a) > 160 else f"{a}; {b}"
