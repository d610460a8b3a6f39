"""``analyze()``: run every layer on one text and assemble the ``Analysis``."""

from __future__ import annotations

import re
from bisect import bisect_right

import numpy as np

from .actors import gazetteer
from .artifacts import EngineModel, default_model
from .candidates import Prepared, english, prepare
from .contrast.groups import group_phrases
from .frames import LinearMultiLabel, score_frames, stack_models
from .quotes import QuoteFound
from .scorer import features
from .tagger import Tagger
from .tone import sentence_tones
from .types import ActorMention, Analysis, FrameScore, LoadedTerm, Quote, Sentence
from .voice import assign_voices

ENGINE_VERSION = "0.1.0"
SENTENCE_FRAME_MIN = 0.3  # below this no policy frame is called dominant for a sentence
_TARGET_BEFORE = 14  # chars between an actor and the term it qualifies ("US-led aggressive")
_TARGET_ONLY_ACTOR = 80  # the sole actor of a sentence counts only when this close
_TARGET_AFTER = 24  # chars between a term and a following "of/in/by <actor>"


def analyze(text: str, *, language: str = "en", model: EngineModel | None = None) -> Analysis:
    """Analyse one article: loaded terms, quotes and voices, actors, tone and frames.

    Every span holds code-point offsets into ``text`` (end exclusive) with
    ``text[start:end] == span.text``. ``model`` is a loaded ``EngineModel``; ``None`` uses the
    packaged default. Non-English text runs the language-independent layers only.
    """
    if not isinstance(text, str):
        raise TypeError("analyze() needs a str")
    model = model or default_model()
    prep = prepare(text, language)
    n = len(prep.sentences)
    actor_of = _speaker_actor_resolver(prep.actors, text)
    quotes = tuple(_quote(text, q, actor_of) for q in prep.quotes)
    terms = _loaded_terms(prep, model, actor_of)
    if english(language):
        tones, evidence = sentence_tones(prep.tokens, n)
    else:
        tones, evidence = np.zeros(n, dtype=np.float32), [[] for _ in range(n)]
    frames, sentence_frames, frame_keys = _frames(prep, model, n)
    dominant = _dominant(sentence_frames.get("policy"), frame_keys.get("policy", ()), n)
    tone_list = np.round(tones.astype(np.float64), 4).tolist()
    sentences = tuple(
        Sentence(s, e, tone_list[i], tuple(evidence[i]), dominant[i])
        for i, (s, e) in enumerate(prep.sentences)
    )
    return Analysis(
        text_length=len(text),
        language=language,
        engine_version=ENGINE_VERSION,
        model_version=model.version,
        sentences=sentences,
        loaded_terms=terms,
        quotes=quotes,
        actors=tuple(prep.actors),
        frames=frames,
        sentence_frames=sentence_frames,
        frame_keys=frame_keys,
        tone=round(float(tones.mean()), 4) if n else 0.0,
        actor_tone=_actor_tone(prep, tones),
    )


def _frames(prep: Prepared, model: EngineModel, n: int):
    """Score every codebook in one pass: models sharing a vocabulary are stacked column-wise
    so tokens are looked up and summed once."""
    frames: dict[str, tuple[FrameScore, ...]] = {}
    sentence_frames: dict[str, np.ndarray] = {}
    keys: dict[str, tuple[str, ...]] = {}
    combined, books = _stacked(model)
    result = score_frames(combined, prep.tokens, n)
    for book, labels, cols in books:
        sentence_frames[book] = np.ascontiguousarray(result.sentence_probs[:, cols])
        prefix = f"{book}:"
        frames[book] = tuple(
            FrameScore(f.key[len(prefix) :], f.probability, f.cues, f.selected)
            for f in result.article
            if f.key.startswith(prefix)
        )
        keys[book] = labels
    return frames, sentence_frames, keys


_STACKED: dict[int, tuple[EngineModel, LinearMultiLabel, list]] = {}


def _stacked(model: EngineModel) -> tuple[LinearMultiLabel, list]:
    """All frame models of ``model`` as one (cached per model object)."""
    hit = _STACKED.get(id(model))
    if hit is not None and hit[0] is model:
        return hit[1], hit[2]
    combined, books = stack_models(model.frames)
    if len(_STACKED) > 8:
        _STACKED.clear()
    _STACKED[id(model)] = (model, combined, books)
    return combined, books


def _dominant(policy: np.ndarray | None, keys: tuple[str, ...], n: int) -> list[str | None]:
    """Dominant policy frame per sentence, None where no frame reaches SENTENCE_FRAME_MIN."""
    if policy is None or not len(policy):
        return [None] * n
    best = policy.argmax(axis=1)
    ok = policy[np.arange(len(policy)), best] >= SENTENCE_FRAME_MIN
    return [keys[j] if good else None for j, good in zip(best.tolist(), ok.tolist(), strict=True)]


def _speaker_actor_resolver(actors: list[ActorMention], text: str = ""):
    """Speaker span -> actor key: an actor named inside the speaker phrase, else — for an
    unnamed official source ("the ministry", "a spokesperson") — the organisation or country
    the text names as owning such an office ("North Korea's foreign ministry"), else the
    country of the dateline. A named organisation in the text wins over the dateline."""
    starts = [a.start for a in actors]
    home = dateline_actor(text)
    owners: list[tuple[int, str, str]] | None = None  # (start, actor, official word)
    memo: dict[tuple[int, int], str | None] = {}

    def resolve(start: int | None, end: int | None) -> str | None:
        nonlocal owners
        if start is None or end is None:
            return None
        if (start, end) in memo:
            return memo[start, end]
        i = bisect_right(starts, start - 1)
        found = None
        while i < len(actors) and actors[i].start < end:
            if actors[i].end <= end:
                found = actors[i].actor
                break
            i += 1
        if found is None and (official := _OFFICIAL_SOURCE.search(text, start, end)):
            if owners is None:
                owners = _owners(actors, text)  # once per text, only when needed
            found = _context_actor(owners, start, official.group().lower()) or home
        memo[start, end] = found
        return found

    return resolve


_OWNER_GAP = re.compile(r"(?:['’]s)?(?:\s+[\w\-]+){0,2}\s+")


def _owners(actors: list[ActorMention], text: str) -> list[tuple[int, str, str]]:
    """Countries and organisations named right before an official word ("North Korea's
    foreign ministry", "the Velmar navy"), in text order, with that word."""
    out = []
    for a in actors:
        if a.kind not in ("country", "organisation", "bloc"):
            continue
        window = text[a.end : a.end + 60]
        m = _OFFICIAL_SOURCE.search(window)
        if m is None or not _OWNER_GAP.fullmatch(window[: m.start()]):
            continue  # "Xinhua, the ministry said": a comma or more than two words between
        out.append((a.start, a.actor, m.group().lower()))
    return out


def _context_actor(owners: list[tuple[int, str, str]], start: int, word: str) -> str | None:
    """The latest owner named before ``start`` with the same official word, else the latest
    with any official word (a spokesperson belongs to whichever office was named)."""
    i = bisect_right(owners, (start,)) - 1
    fallback = None
    for _, actor, owned in reversed(owners[max(0, i - 40) : i + 1]):
        if owned == word or word.startswith("spokes"):
            return actor
        fallback = fallback or actor
    return fallback


_DATELINE = re.compile(r"\s*([A-Z][A-Z .'\-]{2,30}?)(?:,|\s+\(|\s+[-–—])")
_OFFICIAL_SOURCE = re.compile(
    r"\b(?:ministry|ministries|spokes\w*|government|official|officials|military|army|navy|"
    r"foreign|defen[cs]e|presidential|cabinet|office)\b",
    re.IGNORECASE,
)


def dateline_actor(text: str) -> str | None:
    """The country of an all-caps dateline city ("PYONGYANG, June 28 (…) --" -> "dprk")."""
    m = _DATELINE.match(text[:80])
    if not m:
        return None
    city = m.group(1).strip().title()
    auto, defs = gazetteer()
    hits = [key for _, (length, key) in auto.iter(city) if length == len(city)]
    return next((k for k in hits if defs[k].kind == "country"), None)


def _quote(text: str, q: QuoteFound, actor_of) -> Quote:
    sp = q.speaker
    return Quote(
        start=q.start,
        end=q.end,
        text=text[q.start : q.end],
        kind=q.kind,  # type: ignore[arg-type]
        speaker=sp.text if sp else None,
        speaker_start=sp.start if sp else None,
        speaker_end=sp.end if sp else None,
        speaker_actor=actor_of(sp.start, sp.end) if sp else None,
        verb=sp.verb if sp else None,
        chain=tuple(h.text for h in q.chain),
    )


def _loaded_terms(prep: Prepared, model: EngineModel, actor_of) -> tuple[LoadedTerm, ...]:
    """Loaded terms with their voice, speaker and target. English text goes through the
    learned tagger (every token a candidate); other languages keep the lexicon layers."""
    tagger = model.loaded_term_tagger() if english(prep.language) else None
    found = _tagged(prep, tagger, model) if tagger is not None else _legacy_terms(prep, model)
    if not found:
        return ()
    voices = assign_voices([(f[0], f[1]) for f in found], prep.quotes)
    sent_starts = [s for s, _ in prep.sentences]
    by_sentence: dict[int, list[ActorMention]] = {}
    for a in prep.actors:
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
                text=prep.text[start:end],
                category=category,
                score=score,
                source=source,  # type: ignore[arg-type]
                explanation=explanation,
                voice=voice,  # type: ignore[arg-type]
                speaker=sp.text if sp else None,
                speaker_actor=actor_of(sp.start, sp.end) if sp else None,
                target_actor=_target(prep, start, end, sp, sent_starts, by_sentence),
            )
        )
    return tuple(out)


def _tagged(prep: Prepared, tagger: Tagger, model: EngineModel) -> list[tuple]:
    """Every span scoring at least the recall operating point (pages filter by the point
    the event chose), with a calibrated probability as its score."""
    legacy = _legacy_terms(prep, model) if tagger.legacy_a > 0 else None
    return [
        (t.start, t.end, t.category, t.score, t.source, t.explanation)
        for t in tagger.tag(prep, legacy=legacy)
    ]


def _legacy_terms(prep: Prepared, model: EngineModel) -> list[tuple]:
    """The candidate span scorer (lexicon and pattern candidates only)."""
    cands = prep.candidates
    if not cands:
        return []
    x = features(cands, prep.context)
    probs = model.span.score(x)
    keep = np.flatnonzero(probs >= model.span.threshold)
    whys = model.span.explain(x[keep])
    out = []
    for k, why in zip(keep.tolist(), whys, strict=True):
        c = cands[k]
        why_text = f"{c.explanation} [model: {why}]" if why else c.explanation
        out.append((c.start, c.end, c.category, round(float(probs[k]), 4), c.source, why_text))
    return out


def _target(prep: Prepared, start: int, end: int, speaker, sent_starts, by_sentence) -> str | None:
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
        if 0 <= a.start - end <= _TARGET_AFTER and _links(prep.norm[end : a.start]):
            return a.actor
    for a in by_sentence.get(i, ()):
        if a.start < start < a.end or (a.start <= start and end <= a.end):
            return a.actor
    keys = {a.actor for a in in_sentence if abs(a.start - start) <= _TARGET_ONLY_ACTOR}
    return keys.pop() if len(keys) == 1 else None


def _links(between: str) -> bool:
    words = between.split()
    return len(words) <= 3 and (not words or words[0] in ("of", "in", "by", "from", "led", "the"))


def _actor_tone(prep: Prepared, tones: np.ndarray) -> dict[str, float]:
    """Mean tone of the sentences mentioning each actor, and each group of people (keyed
    ``group:<family>``, e.g. ``group:migrants`` for "asylum seekers" and "illegal aliens")."""
    if not len(tones):
        return {}
    sent_starts = [s for s, _ in prep.sentences]
    seen: dict[str, set[int]] = {}
    for a in prep.actors:
        seen.setdefault(a.actor, set()).add(max(0, bisect_right(sent_starts, a.start) - 1))
    if english(prep.language):
        for k, (start, end) in enumerate(prep.sentences):
            for phrase in group_phrases(prep.text[start:end]):
                if phrase.family:
                    seen.setdefault(f"group:{phrase.family}", set()).add(k)
    return {k: round(float(np.mean([tones[i] for i in v])), 4) for k, v in seen.items()}
