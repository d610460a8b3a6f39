"""Agreement between coders' layers, and the disagreements to curate. Plain Python.

Units and measures (what the page reports):
- **Token level**: texts are split into word tokens; a coder gives a token label L when one of
  their spans with label L covers any of it. Per label, each token is 1/0 per coder.
  *Cohen's κ* (scikit-learn) for each pair of coders over the tokens of the texts both coded,
  averaged over pairs; *Krippendorff's α* (the ``krippendorff`` package, nominal) over all
  coders, a text a coder did not code being missing data. "Overall" treats each token's set
  of labels as one nominal value.
- **Span level (overlap)**: for a pair of coders and a label, a span agrees when the other
  coder has a span of the same label overlapping it; the figure is the positive specific
  agreement 2·matches / (spans of A + spans of B) (the F1 of one coder against the other),
  averaged over pairs. This is an overlap-based variant, not Krippendorff's unitizing α_u.
- **Span level (κ and α)**: the units are the passages some coder marked — every coder's spans
  of a text joined where they overlap. A coder's value for a unit is the label they gave
  there ("none" when they marked nothing in it); κ per pair and α over all coders, as at
  token level, but each marked passage counts once however long it is. Per label, a unit is
  a passage someone marked with that label and the value is 1/0; since unmarked text is no
  unit, chance agreement is high and these figures are lower than the token ones.
- **Unitizing α_u** (Krippendorff 1995; the form of Krippendorff 2004, *Content Analysis*, 2nd
  ed., pp. 251–256): the texts every coder tagged, joined into one continuum of characters;
  per label, each coder's continuum is cut into units (their spans of the label, overlapping
  ones joined) and gaps, and two coders' overlapping segments disagree by the squared
  differences of their ends (two units) or by the squared length of a unit lying inside the
  other coder's gap. Expected disagreement is that of all ways of placing the same units and
  gaps. Overall α_u = 1 − ΣD_o / ΣD_e over labels. Checked against the book's worked example
  (tests/framing/test_agreement.py). No maintained Python package computes it (the
  ``krippendorff`` package does coded units only).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
import regex

TOKEN = regex.compile(r"[\p{L}\p{N}\p{M}]+(?:['’-][\p{L}\p{N}\p{M}]+)*")

Span = tuple[int, int, str]  # start, end, label key


@dataclass(frozen=True, slots=True)
class Doc:
    key: int  # revision id
    text: str
    layers: Mapping[int, Sequence[Span]]  # coder id -> spans; a coder absent did not code it


@dataclass(frozen=True, slots=True)
class Scores:
    label: str  # "" for overall
    kappa: float | None
    alpha: float | None
    span_agreement: float | None
    tokens: int
    span_kappa: float | None = None
    span_alpha: float | None = None
    units: int = 0
    unitizing_alpha: float | None = None


def tokens(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in TOKEN.finditer(text)]


def _token_labels(toks: list[tuple[int, int]], spans: Sequence[Span]) -> list[frozenset[str]]:
    out = []
    for s, e in toks:
        out.append(frozenset(lab for a, b, lab in spans if a < e and s < b))
    return out


def agreement(docs: Sequence[Doc], labels: Sequence[str]) -> list[Scores]:
    """Scores per label, then overall (label ""), over the texts at least two coders coded."""
    docs = [d for d in docs if len(d.layers) >= 2]
    coders = sorted({c for d in docs for c in d.layers})
    # token table: per coder, per token, the set of labels (None when the coder did not code it)
    table: dict[int, list[frozenset[str] | None]] = {c: [] for c in coders}
    for doc in docs:
        toks = tokens(doc.text)
        for c in coders:
            spans = doc.layers.get(c)
            table[c] += [None] * len(toks) if spans is None else _token_labels(toks, spans)
    rows = [_with_units(_scores(lab, table, coders, docs), docs, coders) for lab in labels]
    rows.append(_with_units(_scores("", table, coders, docs), docs, coders))
    alphas = unitizing_alpha(*_continuum(docs, coders), labels)
    return [replace(r, unitizing_alpha=alphas.get(r.label)) for r in rows]


def _continuum(docs: Sequence[Doc], coders: list[int]) -> tuple[int, list[list[Span]]]:
    """The texts every coder tagged joined into one continuum: its length and each coder's
    spans at their offsets in it (α_u needs every coder over the whole continuum)."""
    layers: list[list[Span]] = [[] for _ in coders]
    length = 0
    for doc in docs:
        if not all(c in doc.layers for c in coders):
            continue
        for layer, c in zip(layers, coders, strict=True):
            layer += [(s + length, e + length, lab) for s, e, lab in doc.layers[c]]
        length += len(doc.text)
    return length, layers


Segment = tuple[int, int, bool]  # begin, length, is a unit (else a gap)


def _segments(length: int, spans: Sequence[tuple[int, int]]) -> list[Segment]:
    """One coder's continuum [0, length) cut into units (``spans``, overlaps joined) and gaps."""
    out: list[Segment] = []
    at = 0
    for s, e in _units([(s, e, "") for s, e in spans]):
        if s > at:
            out.append((at, s - at, False))
        out.append((s, e - s, True))
        at = e
    if at < length:
        out.append((at, length - at, False))
    return out


def unit_distance(g: Segment, h: Segment) -> int:
    """Krippendorff's δ² between two coders' segments: two overlapping units, the squared
    differences of their starts and of their ends; a unit inside the other's gap, its
    squared length; anything else (two gaps, a unit only partly in a gap, no overlap) 0."""
    (bg, lg, ug), (bh, lh, uh) = g, h
    if ug and uh and bg < bh + lh and bh < bg + lg:
        return (bg - bh) ** 2 + (bg + lg - bh - lh) ** 2
    if ug and not uh and bh <= bg and bg + lg <= bh + lh:
        return lg**2
    if uh and not ug and bg <= bh and bh + lh <= bg + lg:
        return lh**2
    return 0


def _observed(length: int, cut: list[list[Segment]]) -> float:
    m, total = len(cut), 0
    for a, b in itertools.combinations(range(m), 2):
        total += sum(unit_distance(g, h) for g, h in _overlapping(cut[a], cut[b]))
    return 2 * total / (m * (m - 1) * length**2)


def _overlapping(one: list[Segment], two: list[Segment]):
    """Pairs of overlapping segments of two coders (each list tiles the continuum in order,
    so a merge walk finds them all in linear time)."""
    i = j = 0
    while i < len(one) and j < len(two):
        yield one[i], two[j]
        if one[i][0] + one[i][1] <= two[j][0] + two[j][1]:
            i += 1
        else:
            j += 1


def _expected(length: int, cut: list[list[Segment]]) -> float:
    m = len(cut)
    units = np.array([lg for segs in cut for _, lg, u in segs if u], dtype=float)
    gaps = np.sort(np.array([lg for segs in cut for _, lg, u in segs if not u], dtype=float))
    # Places for each unit inside a gap at least as long: the sum over those gaps of
    # (gap − unit + 1), from suffix sums of the sorted gap lengths (an event's units × gaps
    # would be millions of terms on a long event).
    at = np.searchsorted(gaps, units, side="left")
    suffix = np.concatenate([np.cumsum(gaps[::-1])[::-1], [0.0]])
    fit = suffix[at] - (units - 1) * (len(gaps) - at)
    total = float(
        np.sum((len(units) - 1) / 3 * (2 * units**3 - 3 * units**2 + units) + units**2 * fit)
    )
    denominator = m * length * (m * length - 1) - float(np.sum(units * (units - 1)))
    return 2 / length * total / denominator if denominator else 0.0


def unitizing_alpha(
    length: int, layers: Sequence[Sequence[Span]], labels: Sequence[str]
) -> dict[str, float | None]:
    """Krippendorff's α_u per label and overall (key "") for coders' ``layers`` of spans over
    a continuum [0, length); None where no coder marked the label (nothing to agree on)."""
    out: dict[str, float | None] = {"": None}
    if len(layers) < 2 or length < 2:
        return {lab: None for lab in [*labels, ""]}
    observed = expected = 0.0
    for lab in labels:
        cut = [_segments(length, [(s, e) for s, e, k in spans if k == lab]) for spans in layers]
        d_e = _expected(length, cut)
        if not any(u for segs in cut for *_, u in segs) or d_e == 0:
            out[lab] = None
            continue
        d_o = _observed(length, cut)
        out[lab] = 1 - d_o / d_e
        observed, expected = observed + d_o, expected + d_e
    out[""] = 1 - observed / expected if expected else None
    return out


def _units(spans: Sequence[Span]) -> list[tuple[int, int]]:
    """Overlapping spans joined: the passages some coder marked."""
    out: list[list[int]] = []
    for s, e, _ in sorted(spans):
        if out and s < out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def _with_units(row: Scores, docs: Sequence[Doc], coders: list[int]) -> Scores:
    """``row`` with span-level κ and α over marked passages (see the module docstring)."""
    table: dict[int, list[frozenset[str] | None]] = {c: [] for c in coders}
    for doc in docs:
        marked = [sp for spans in doc.layers.values() for sp in spans]
        units = _units([sp for sp in marked if not row.label or sp[2] == row.label])
        for c in coders:
            spans = doc.layers.get(c)
            table[c] += [None] * len(units) if spans is None else _token_labels(units, spans)
    unit_row = _scores(row.label, table, coders, [])
    return replace(row, span_kappa=unit_row.kappa, span_alpha=unit_row.alpha, units=unit_row.tokens)


def _values(cells: list, label: str) -> list:
    if label:
        return [None if c is None else int(label in c) for c in cells]
    return [None if c is None else "|".join(sorted(c)) for c in cells]


def _scores(label: str, table: dict, coders: list[int], docs: Sequence[Doc]) -> Scores:
    from sklearn.metrics import cohen_kappa_score

    values = {c: _values(cells, label) for c, cells in table.items()}
    n = len(next(iter(values.values()), []))
    kappas = []
    for a, b in itertools.combinations(coders, 2):
        pairs = [(x, y) for x, y in zip(values[a], values[b], strict=True) if None not in (x, y)]
        if pairs and len({v for p in pairs for v in p}) > 1:
            kappas.append(cohen_kappa_score([x for x, _ in pairs], [y for _, y in pairs]))
        elif pairs:
            kappas.append(1.0)  # every token the same value from both: full agreement
    return Scores(
        label=label,
        kappa=float(np.mean(kappas)) if kappas else None,
        alpha=_alpha(values, coders),
        span_agreement=_span_agreement(docs, coders, label),
        tokens=n,
    )


def _alpha(values: dict, coders: list[int]) -> float | None:
    import krippendorff

    codes: dict = {}
    matrix = np.array(
        [
            [np.nan if v is None else codes.setdefault(v, len(codes)) for v in values[c]]
            for c in coders
        ],
        dtype=float,
    )
    if len(coders) < 2 or len(codes) < 2:
        return None if len(codes) < 1 else 1.0
    return float(krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal"))


def _span_agreement(docs: Sequence[Doc], coders: list[int], label: str) -> float | None:
    scores = []
    for a, b in itertools.combinations(coders, 2):
        matched, total = 0, 0
        for doc in docs:
            if a not in doc.layers or b not in doc.layers:
                continue
            sa = [s for s in doc.layers[a] if not label or s[2] == label]
            sb = [s for s in doc.layers[b] if not label or s[2] == label]
            matched += sum(_overlaps(s, sb) for s in sa) + sum(_overlaps(s, sa) for s in sb)
            total += len(sa) + len(sb)
        if total:
            scores.append(matched / total)
    return float(np.mean(scores)) if scores else None


def _overlaps(span: Span, others: Sequence[Span]) -> bool:
    s, e, lab = span
    return any(lab == ol and s < oe and os < e for os, oe, ol in others)


@dataclass(frozen=True, slots=True)
class Disagreement:
    doc: int
    start: int
    end: int
    label: str
    have: tuple[int, ...]  # coders with an overlapping span of this label
    lack: tuple[int, ...]  # coders of the text without one


def disagreements(docs: Sequence[Doc]) -> list[Disagreement]:
    """Each span some coders of a text have and others lack (by label and overlap), once."""
    out = []
    for doc in docs:
        if len(doc.layers) < 2:
            continue
        seen: list[Span] = []
        for coder in sorted(doc.layers):
            for span in doc.layers[coder]:
                if _overlaps(span, seen):
                    continue
                seen.append(span)
                have = tuple(c for c in sorted(doc.layers) if _overlaps(span, doc.layers[c]))
                lack = tuple(c for c in sorted(doc.layers) if c not in have)
                if lack:
                    out.append(Disagreement(doc.key, span[0], span[1], span[2], have, lack))
    return out


def agreed_spans(doc: Doc) -> list[Span]:
    """Spans of the first coder that every coder of the text has (same label, overlapping)."""
    if len(doc.layers) < 2:
        return []
    first, *rest = sorted(doc.layers)
    return [s for s in doc.layers[first] if all(_overlaps(s, doc.layers[c]) for c in rest)]
