"""Loaded terms: the tagger's (or, outside English, the span scorer's) spans, each with
its voice, speaker and target actor."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from ..doc import Doc
from ..scorer import features
from ..tagger import Tagger, default_tagger
from ..types import ActorMention, LoadedTerm
from ..voice import assign_voices
from .actors import quote_actor
from .base import Component

if TYPE_CHECKING:
    from ..artifacts import EngineModel

_TARGET_BEFORE = 14  # chars between an actor and the term it qualifies ("US-led aggressive")
_TARGET_ONLY_ACTOR = 80  # the sole actor of a sentence counts only when this close
_TARGET_AFTER = 24  # chars between a term and a following "of/in/by <actor>"


class LoadedTerms(Component):
    """Adds ``doc.loaded_terms``. English text goes through the model's learned tagger
    (every token a candidate); other languages keep the span scorer over the candidates."""

    name = "terms"
    requires = ("sentences", "quotes", "speakers", "actors", "candidates")

    def __init__(self, model: EngineModel) -> None:
        self.model = model
        self.tagger_: Tagger | None = None  # set by ``fit``
        self.report_ = None

    def apply(self, doc: Doc) -> None:
        doc.loaded_terms = loaded_terms(doc, self.model, self.tagger_)

    def fit(self, texts: Sequence[str], golds: Sequence[Sequence]) -> LoadedTerms:
        """Adapt the tagger to annotated ``texts`` (``golds[i]``: the (start, end[, label])
        spans analysts marked in ``texts[i]``; everything else is negative) as a workspace
        model does (``adaptation.adapt_tagger``); ``tagger_`` holds the adapted tagger and
        ``report_`` what cross-validation measured."""
        # Training code (python-crfsuite) stays off the analyze() import path.
        from ..adaptation import WorkspaceDoc, adapt_tagger

        base = self.model.tagger or default_tagger()
        docs = [
            WorkspaceDoc(text, tuple(_span(g) for g in gold), (), str(i))
            for i, (text, gold) in enumerate(zip(texts, golds, strict=True))
        ]
        if base is not None:
            self.tagger_, self.report_ = adapt_tagger(base, docs)
        return self

    def __repr__(self) -> str:
        return f"LoadedTerms({self.model.version})"


def _span(g) -> tuple[int, int, str]:
    if isinstance(g, dict):
        return int(g["start"]), int(g["end"]), str(g.get("label", "loaded"))
    return int(g[0]), int(g[1]), str(g[2]) if len(g) > 2 else "loaded"


def loaded_terms(
    doc: Doc, model: EngineModel, tagger: Tagger | None = None
) -> tuple[LoadedTerm, ...]:
    """Loaded terms with their voice, speaker and target; ``tagger`` (from ``fit``) replaces
    the model's own tagger."""
    if not doc.english:
        tagger = None
    elif tagger is None:
        tagger = model.loaded_term_tagger()
    found = tagged_terms(doc, tagger, model) if tagger is not None else legacy_terms(doc, model)
    if not found:
        return ()
    voices = assign_voices([(f[0], f[1]) for f in found], doc.quotes)
    sent_starts = [s for s, _ in doc.sentences]
    by_sentence: dict[int, list[ActorMention]] = {}
    for a in doc.actors:
        by_sentence.setdefault(max(0, bisect_right(sent_starts, a.start) - 1), []).append(a)
    out = []
    for (start, end, category, score, source, explanation), (voice, holder) in zip(
        found, voices, strict=True
    ):
        sp = holder.speaker if holder else None
        out.append(
            LoadedTerm(
                start=start,
                end=end,
                text=doc.text[start:end],
                category=category,
                score=score,
                source=source,  # type: ignore[arg-type]
                explanation=explanation,
                voice=voice,  # type: ignore[arg-type]
                speaker=sp.text if sp else None,
                speaker_actor=quote_actor(doc, holder) if sp and holder else None,
                target_actor=_target(doc, start, end, sp, sent_starts, by_sentence),
            )
        )
    return tuple(out)


def tagged_terms(doc: Doc, tagger: Tagger, model: EngineModel) -> list[tuple]:
    """Every span scoring at least the recall operating point (pages filter by the point
    the event chose), with a calibrated probability as its score."""
    legacy = legacy_terms(doc, model) if tagger.legacy_a > 0 else None
    return [
        (t.start, t.end, t.category, t.score, t.source, t.explanation)
        for t in tagger.tag(doc, legacy=legacy)
    ]


def legacy_terms(doc: Doc, model: EngineModel) -> list[tuple]:
    """The candidate span scorer (lexicon and pattern candidates only)."""
    cands = doc.candidates
    if not cands:
        return []
    x = features(cands, doc.context)
    probs = model.span.score(x)
    keep = np.flatnonzero(probs >= model.span.threshold)
    whys = model.span.explain(x[keep])
    out = []
    for k, why in zip(keep.tolist(), whys, strict=True):
        c = cands[k]
        why_text = f"{c.explanation} [model: {why}]" if why else c.explanation
        out.append((c.start, c.end, c.category, round(float(probs[k]), 4), c.source, why_text))
    return out


def _target(doc: Doc, start: int, end: int, speaker, sent_starts, by_sentence) -> str | None:
    """The actor a term qualifies: one right before it ("US-led aggressive bloc"), one it
    governs ("puppet regime in Seoul"), or the only actor in the sentence."""
    i = max(0, bisect_right(sent_starts, start) - 1)
    in_sentence = [
        a
        for a in by_sentence.get(i, ())
        if not (speaker and speaker.start <= a.start < speaker.end)
        and not (a.start >= start and a.end <= end)
    ]
    for a in in_sentence:
        if 0 <= start - a.end <= _TARGET_BEFORE:
            return a.actor
    for a in in_sentence:
        if 0 <= a.start - end <= _TARGET_AFTER and _links(doc.norm[end : a.start]):
            return a.actor
    for a in by_sentence.get(i, ()):
        if a.start < start < a.end or (a.start <= start and end <= a.end):
            return a.actor
    keys = {a.actor for a in in_sentence if abs(a.start - start) <= _TARGET_ONLY_ACTOR}
    return keys.pop() if len(keys) == 1 else None


def _links(between: str) -> bool:
    words = between.split()
    return len(words) <= 3 and (not words or words[0] in ("of", "in", "by", "from", "led", "the"))
