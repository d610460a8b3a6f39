"""Measure sentence alignment and competing labels against the demo events' gold files.

Plain Python (no Django): the gold file names sentences by their text, so each gold
sentence is mapped to the engine sentence that contains most of it, and the predicted rows
of ``align_many`` over a set of articles are compared pair by pair with the gold links.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from framing.engine.contrast import AlignmentScores, align_many, row_pairs
from framing.engine.contrast.units import Unit, article_units

GOLD_FILE = Path(__file__).resolve().parents[1] / "framing" / "eval" / "demo_alignment.json"
DEMO_FILE = Path(__file__).resolve().parents[1] / "articles" / "demo" / "naval_exercise.json"


@dataclass(frozen=True)
class GoldResult:
    scores: AlignmentScores
    predicted: int
    gold: int
    unmapped: int  # gold sentences no engine sentence overlapped


def sentence_index(spans: Sequence[tuple[int, int]], start: int, end: int) -> int | None:
    """The sentence overlapping [start, end) the most, or None."""
    best, best_overlap = None, 0
    for k, (s, e) in enumerate(spans):
        overlap = min(e, end) - max(s, start)
        if overlap > best_overlap:
            best, best_overlap = k, overlap
    return best


def evaluate(
    texts: Sequence[str],
    spans: Sequence[Sequence[tuple[int, int]]],
    gold: dict,
    columns: Sequence[int],
    anchor: int | None = None,
) -> GoldResult:
    """P/R/F1 of ``align_many`` over the articles ``columns`` (indices into the gold file).

    Links are compared as (article a, sentence, article b, sentence) with a < b; gold pairs
    whose two articles are not both among ``columns`` are left out. With ``anchor``, only
    links that involve that article count, on both sides: the gold file is exhaustive for the
    wire report's links but lists only some links between the other outlets.
    """
    chosen = list(columns)
    sentences = [[texts[c][s:e] for s, e in spans[c]] for c in chosen]
    rows = align_many(sentences)
    predicted = set()
    for i, a in enumerate(chosen):
        for j, b in enumerate(chosen):
            if a < b:
                predicted |= {(a, x, b, y) for x, y in row_pairs(rows, i, j)}
    wanted, unmapped = set(), 0
    for pair in gold["pairs"]:
        a, b = pair["a"], pair["b"]
        if a not in chosen or b not in chosen:
            continue
        ia = _locate(texts[a], spans[a], pair["a_sentence"])
        ib = _locate(texts[b], spans[b], pair["b_sentence"])
        if ia is None or ib is None:
            unmapped += 1
            continue
        wanted.add((a, ia, b, ib) if a < b else (b, ib, a, ia))
    if anchor is not None:
        predicted = {p for p in predicted if anchor in (p[0], p[2])}
        wanted = {p for p in wanted if anchor in (p[0], p[2])}
    hits = len(predicted & wanted)
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(wanted) if wanted else 0.0
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return GoldResult(AlignmentScores(precision, recall, f1), len(predicted), len(wanted), unmapped)


def _locate(text: str, spans: Sequence[tuple[int, int]], sentence: str) -> int | None:
    start = text.find(sentence)
    return None if start < 0 else sentence_index(spans, start, start + len(sentence))


def load_gold() -> tuple[dict, list[str]]:
    """The gold alignment and the demo texts in the order it indexes them."""
    gold = json.loads(GOLD_FILE.read_text(encoding="utf-8"))
    demo = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    return gold, [a["text"] for a in demo["articles"]]


# --- Both demo events, three states ---------------------------------------------------------

EVAL_DIR = Path(__file__).resolve().parents[1] / "framing" / "eval"
DEMO_DIR = Path(__file__).resolve().parents[1] / "articles" / "demo"
DEV_EVENTS = {
    "dev": "alignment_dev.json",
    "dev2": "alignment_dev2.json",
    "dev3": "alignment_dev3.json",
    "dev4": "alignment_dev4.json",
    "dev5": "alignment_dev5.json",
    "dev6": "alignment_dev6.json",
    "dev7": "alignment_dev7.json",
    "dev8": "alignment_dev8.json",
}


@dataclass(frozen=True)
class GoldEvent:
    """A demo event with its gold links between engine sentences.

    ``links`` are (a, i, b, j) with a < b over article indices of the demo file; with
    ``anchor`` only links involving that article are complete in the gold (naval event).
    """

    name: str
    sentences: list[list[str]]
    columns: list[int]
    links: set[tuple[int, int, int, int]]
    anchor: int | None
    scope: str


def load_gold_event(name: str) -> GoldEvent:
    """``naval`` (first demo, wire-anchored gold), ``caravan`` (second demo, every pair) or
    ``dev`` … ``dev7`` (the aligner's development events, every pair; not demos)."""
    from framing.engine import analyze

    if name in DEV_EVENTS:
        gold = json.loads((EVAL_DIR / "dev" / DEV_EVENTS[name]).read_text("utf-8"))
        texts = [a["text"] for a in gold["articles"]]
        pairs = _fact_pairs(gold)
        columns, anchor, scope = list(range(len(texts))), None, "every pair"
    elif name == "naval":
        gold, texts = load_gold()
        pairs = [(p["a"], p["a_sentence"], p["b"], p["b_sentence"]) for p in gold["pairs"]]
        columns, anchor, scope = [0, 1, 2, 3, 4, 6], 1, "links with the wire report"
    elif name == "caravan":
        gold = json.loads((EVAL_DIR / "demo_alignment_caravan.json").read_text("utf-8"))
        demo = json.loads((DEMO_DIR / "border_caravan.json").read_text("utf-8"))
        texts = [a["text"] for a in demo["articles"]]
        pairs = _fact_pairs(gold)
        columns, anchor, scope = list(range(len(texts))), None, "every pair"
    else:
        raise ValueError(f"no gold alignment called {name!r}")
    # The engine's sentences, as the page gets them from the stored analysis.
    spans = [[(s.start, s.end) for s in analyze(t).sentences] for t in texts]
    links = set()
    for a, sa, b, sb in pairs:
        if a not in columns or b not in columns:
            continue
        ia, ib = _locate(texts[a], spans[a], sa), _locate(texts[b], spans[b], sb)
        if ia is not None and ib is not None:
            links.add((a, ia, b, ib) if a < b else (b, ib, a, ia))
    sentences = [[t[s:e] for s, e in sp] for t, sp in zip(texts, spans, strict=True)]
    return GoldEvent(name, sentences, columns, links, anchor, scope)


def _fact_pairs(gold: dict) -> list[tuple[int, str, int, str]]:
    """Every pair of sentences (from different articles) that report one gold fact."""
    pairs = []
    for fact in gold["facts"]:
        items = sorted((int(a), s) for a, s in fact["sentences"].items())
        pairs += [(a, sa, b, sb) for k, (a, sa) in enumerate(items) for b, sb in items[k + 1 :]]
    return pairs


def event_units(event: GoldEvent, *, units: bool) -> list[list[Unit]]:
    """Each column's alignment units: its fact units (clauses, ``units``) or its sentences."""
    columns = [event.sentences[c] for c in event.columns]
    if units:
        return [article_units(column) for column in columns]
    return [[Unit(k, 0, 0, len(s), s) for k, s in enumerate(column)] for column in columns]


def unit_links(event: GoldEvent, units: Sequence[Sequence[Unit]]) -> set[tuple[int, int, int, int]]:
    """The gold links carried to alignment units, as (a, unit, b, unit): each gold link
    between two sentences becomes the link between their two units that are most alike (word
    TF-IDF cosine over the event's units). The gold names sentences and is not re-annotated: a
    sentence of one unit keeps its link as it was, and a two-fact sentence listed under two
    facts gives each fact the clause most like the other article's report. Only for fitting;
    figures are scored on the sentence gold."""
    from framing.engine.contrast.similarity import _tfidf_with

    flat = [u.text for column in units for u in column]
    matrix = _tfidf_with(flat, flat)[0]
    offsets = np.cumsum([0, *(len(column) for column in units)])
    found = set()
    for a, i, b, j in event.links:
        ka, kb = event.columns.index(a), event.columns.index(b)
        ua = [n for n, u in enumerate(units[ka]) if u.sentence == i]
        ub = [n for n, u in enumerate(units[kb]) if u.sentence == j]
        sims = matrix[[offsets[ka] + n for n in ua]] @ matrix[[offsets[kb] + n for n in ub]].T
        x, y = np.unravel_index(np.argmax(sims.toarray()), (len(ua), len(ub)))
        found.add((a, ua[x], b, ub[y]))
    return found


def predicted_links(
    event: GoldEvent,
    *,
    state: str,
    legacy: bool = False,
    weights: dict | None = None,
    units: bool = False,
) -> set[tuple[int, int, int, int]]:
    """Links the aligner makes between the event's sentences, at ``state`` ("reported" or
    "possibly"); ``legacy`` is the uncalibrated ``align_many`` (every link counts as both).
    With ``units`` the aligner links fact units (clauses; round 7's experiment, not what the
    page does), and a link between two units is a link between their sentences."""
    from framing.engine.contrast import align_facts, reported_pairs
    from framing.engine.contrast.similarity import model

    chosen = event.columns
    fitted = weights or model()
    aligned = event_units(event, units=units and not legacy)
    texts = [[u.text for u in column] for column in aligned]
    if legacy:
        rows = align_many(texts)
    else:
        rows = align_facts(texts, possible=fitted["possible"], weights=fitted)
    at = fitted["reported"] if state == "reported" else fitted["possible"]
    out = set()
    for i, a in enumerate(chosen):
        for j, b in enumerate(chosen):
            if a < b:
                found = row_pairs(rows, i, j) if legacy else reported_pairs(rows, i, j, at=at)
                out |= {(a, aligned[i][x].sentence, b, aligned[j][y].sentence) for x, y in found}
    if event.anchor is not None:
        out = {p for p in out if event.anchor in (p[0], p[2])}
    return out


def _gold(event: GoldEvent) -> set[tuple[int, int, int, int]]:
    if event.anchor is None:
        return event.links
    return {p for p in event.links if event.anchor in (p[0], p[2])}


def _scores(hits: int, predicted: int, gold: int) -> AlignmentScores:
    precision = hits / predicted if predicted else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return AlignmentScores(precision, recall, f1)


def score_links(
    event: GoldEvent,
    *,
    state: str,
    legacy: bool = False,
    weights: dict | None = None,
    units: bool = False,
) -> AlignmentScores:
    """Precision, recall and F1 of the predicted links at ``state`` against the gold."""
    predicted = predicted_links(event, state=state, legacy=legacy, weights=weights, units=units)
    gold = _gold(event)
    return _scores(len(predicted & gold), len(predicted), len(gold))


def pooled_scores(
    events: Sequence[GoldEvent], *, state: str, weights: dict | None = None
) -> AlignmentScores:
    """Micro-averaged precision and recall over several events (links pooled)."""
    hits = predicted = gold = 0
    for event in events:
        found, wanted = predicted_links(event, state=state, weights=weights), _gold(event)
        hits, predicted, gold = (
            hits + len(found & wanted),
            predicted + len(found),
            gold + len(wanted),
        )
    return _scores(hits, predicted, gold)


def _link_units(links_by_unit: Iterable[tuple[tuple, set, set]]) -> list[list[int]]:
    """(correct, predicted, gold) counts per resampling unit: every link (predicted or gold)
    belongs to the unit of the sentence it starts from."""
    units: dict[tuple, list[int]] = {}
    for key, predicted, gold in links_by_unit:
        for link in predicted | gold:
            counts = units.setdefault((*key, *link[:2]), [0, 0, 0])
            counts[0] += link in predicted and link in gold
            counts[1] += link in predicted
            counts[2] += link in gold
    return list(units.values())


def _bootstrap_pr(
    units: list[list[int]], *, rounds: int, seed: int
) -> tuple[tuple[float, float], tuple[float, float]]:
    """95 % bootstrap intervals of precision and recall, resampling the units."""
    table = np.array(units, dtype=float)
    rng = np.random.default_rng(seed)
    draws = table[rng.integers(0, len(table), size=(rounds, len(table)))].sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        precision, recall = draws[:, 0] / draws[:, 1], draws[:, 0] / draws[:, 2]

    def interval(values):
        values = values[~np.isnan(values)]
        return tuple(float(v) for v in np.percentile(values, [2.5, 97.5]))

    return interval(precision), interval(recall)


def pooled_intervals(
    results: Sequence[tuple[str, set, set]], *, rounds: int = 1000, seed: int = 0
) -> tuple[tuple[float, float], tuple[float, float]]:
    """95 % bootstrap intervals of pooled precision and recall over several events' (name,
    predicted, gold) links, resampling the sentences links start from (as ``bootstrap_links``)."""
    units = _link_units(((name,), predicted, gold) for name, predicted, gold in results)
    return _bootstrap_pr(units, rounds=rounds, seed=seed)


def bootstrap_links(
    event: GoldEvent,
    *,
    state: str,
    legacy: bool = False,
    rounds: int = 1000,
    seed: int = 0,
) -> tuple[AlignmentScores, tuple[float, float], tuple[float, float]]:
    """Scores at ``state`` with 95 % bootstrap intervals for precision and recall.

    Resamples the event's facts, grouped by the engine sentence of the first article that
    reports them: every link (predicted or gold) belongs to the sentence it starts from, so
    a false link and the true links around it are drawn together."""
    predicted = predicted_links(event, state=state, legacy=legacy)
    gold = _gold(event)
    units = _link_units([((), predicted, gold)])
    p_interval, r_interval = _bootstrap_pr(units, rounds=rounds, seed=seed)
    point = _scores(len(predicted & gold), len(predicted), len(gold))
    return point, p_interval, r_interval


# --- Competing labels ------------------------------------------------------------------------

LABELS_GOLD = EVAL_DIR / "demo_labels_caravan.json"


def _engine_inputs(texts: list[str]):
    """Sentences, loaded-term spans and actor spans per (article, sentence), offsets in it."""
    from framing.engine import analyze

    sentences, loaded, actors = [], {}, {}
    for a, text in enumerate(texts):
        result = analyze(text)
        spans = [(s.start, s.end) for s in result.sentences]
        sentences.append([text[s:e] for s, e in spans])
        for k, (s0, e0) in enumerate(spans):
            inside = [t for t in result.loaded_terms if s0 <= t.start and t.end <= e0]
            loaded[(a, k)] = [(t.start - s0, t.end - s0) for t in inside]
            acts = [m for m in result.actors if s0 <= m.start and m.end <= e0]
            actors[(a, k)] = [(m.start - s0, m.end - s0, m.actor, m.name) for m in acts]
    return sentences, loaded, actors


def system_referents(texts: list[str], *, before: bool) -> list[dict[str, Counter[str]]]:
    """Per referent, outlet (article index as a string) -> wording counts."""
    from framing.engine.contrast import competing_labels

    sentences, loaded, actors = _engine_inputs(texts)
    rows = align_many(sentences, include_unmatched=False)
    if before:
        # What reports/alignment.py did: loaded terms and actor mentions as candidates, slot
        # links in aligned rows, shown when a loaded term is among the wordings.
        terms = {
            key: sorted({*loaded.get(key, ()), *((s, e) for s, e, *_ in actors.get(key, ()))})
            for key in set(loaded) | set(actors)
        }
        found = competing_labels(rows, terms, sentences)
        return [r.wordings for r in found if len({w for c in r.wordings.values() for w in c}) > 1]
    from framing.engine.contrast import event_referents

    found = event_referents(sentences, rows=rows, actors=actors, loaded=loaded)
    return [r.wordings for r in found if len(r.distinct()) > 1]


def _captures(system: dict[str, Counter[str]], outlet: str, word: str) -> bool:
    return any(w == word or w.endswith(" " + word) for w in system.get(outlet, ()))


def labels_captured(gold: dict, system: list[dict[str, Counter[str]]]) -> tuple[int, int]:
    """(captured, coded) over the gold referents, each matched to one system referent."""
    coded = [
        [(o, w) for o, words in ref["wordings"].items() for w in words] for ref in gold["referents"]
    ]
    overlap = {
        (g, s): sum(_captures(sys_ref, o, w) for o, w in coded[g])
        for g in range(len(coded))
        for s, sys_ref in enumerate(system)
    }
    captured, taken_g, taken_s = 0, set(), set()
    for (g, s), n in sorted(overlap.items(), key=lambda kv: -kv[1]):
        if n and g not in taken_g and s not in taken_s:
            captured += n
            taken_g.add(g)
            taken_s.add(s)
    return captured, sum(len(c) for c in coded)


def labels_precision(gold: dict, system: list[dict[str, Counter[str]]]) -> tuple[int, int]:
    """(coded, shown): of the wordings shown for the system referents that the one-to-one
    matching pairs with a gold referent, how many are coded for that referent and outlet
    ("reporters" or "claim" shown among the words for migrants are not)."""
    coded = [{o: set(words) for o, words in ref["wordings"].items()} for ref in gold["referents"]]
    overlap = {
        (g, s): sum(_captures(sys_ref, o, w) for o, ws in coded[g].items() for w in ws)
        for g in range(len(coded))
        for s, sys_ref in enumerate(system)
    }
    hits = shown = 0
    taken_g, taken_s = set(), set()
    for (g, s), n in sorted(overlap.items(), key=lambda kv: -kv[1]):
        if n and g not in taken_g and s not in taken_s:
            taken_g.add(g)
            taken_s.add(s)
            for outlet, words in system[s].items():
                for w in words:
                    shown += 1
                    hits += any(w == c or w.endswith(" " + c) for c in coded[g].get(outlet, ()))
    return hits, shown


HELDOUT_LABELS = EVAL_DIR / "gold" / "labels_news.json"
DEV_LABELS = EVAL_DIR / "dev" / "labels_dev.json"


def stories_captured(path: Path) -> list[tuple[str, int, int, int, int]]:
    """(story, captured, coded, shown and coded, shown) for each story of a multi-story labels
    gold file (see ``labels_precision``)."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for story in gold["stories"]:
        texts = [a["text"] for a in story["articles"]]
        system = system_referents(texts, before=False)
        captured, coded = labels_captured(story, system)
        out.append((story["event"], captured, coded, *labels_precision(story, system)))
    return out
