"""Evaluation of predicted spans against gold, and inter-coder agreement.

Plain Python + numpy; no Django, no imports from the rest of the engine. Spans are accepted as
``(start, end, label)`` tuples, mappings with ``start``/``end``/``label`` keys, or objects with
those attributes (``category`` is accepted in place of ``label`` so engine ``LoadedTerm``s work).
Offsets are code-point indices, end exclusive.

Conventions shared by every metric here:

* A ratio whose denominator is zero is reported as ``0.0`` (e.g. precision with no predictions),
  except agreement coefficients, which are ``nan`` when the data have no variation at all (every
  unit got the same single value), because chance agreement is then 1 and the coefficient is
  undefined rather than perfect or null.
* Identical duplicate spans in one document are counted once.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

Span = tuple[int, int, str]
MISSED = "<missed>"
SPURIOUS = "<spurious>"
OUTSIDE = "O"


# --------------------------------------------------------------------------- span normalising


def as_span(item: Any) -> Span:
    """Return ``(start, end, label)`` for a tuple, mapping or span-like object; validate offsets."""
    if isinstance(item, Mapping):
        start, end = item["start"], item["end"]
        label = item["label"] if "label" in item else item["category"]
    elif isinstance(item, tuple | list):
        start, end, label = item
    else:
        start, end = item.start, item.end
        label = getattr(item, "label", None) or item.category
    start, end = int(start), int(end)
    if start < 0 or end <= start:
        raise ValueError(f"span needs 0 <= start < end, got ({start}, {end})")
    return start, end, str(label)


def _documents(
    gold: Mapping[Hashable, Iterable[Any]] | Sequence[Iterable[Any]],
    pred: Mapping[Hashable, Iterable[Any]] | Sequence[Iterable[Any]],
) -> list[tuple[set[Span], set[Span]]]:
    """Pair gold and predicted spans per document (by key for mappings, by position otherwise)."""
    if isinstance(gold, Mapping) != isinstance(pred, Mapping):
        raise TypeError("gold and pred must both be mappings or both be sequences")
    if isinstance(gold, Mapping):
        keys = list(dict.fromkeys([*gold.keys(), *pred.keys()]))
        pairs = [(gold.get(k, ()), pred.get(k, ())) for k in keys]
    else:
        if len(gold) != len(pred):
            raise ValueError(f"{len(gold)} gold documents but {len(pred)} predicted")
        pairs = list(zip(gold, pred, strict=True))
    return [({as_span(s) for s in g}, {as_span(s) for s in p}) for g, p in pairs]


def _merge(intervals: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Union of half-open intervals as sorted, disjoint intervals."""
    merged: list[list[int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def _covered(start: int, end: int, merged: list[tuple[int, int]]) -> int:
    """Number of characters of [start, end) inside the disjoint intervals ``merged``."""
    return sum(max(0, min(end, e) - max(start, s)) for s, e in merged)


# --------------------------------------------------------------------------- span metrics


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision/recall/F1 with the (possibly fractional) credit behind them."""

    precision: float
    recall: float
    f1: float
    n_gold: int = 0
    n_pred: int = 0
    credit_pred: float = 0.0  # summed precision credit (true positives when exact)
    credit_gold: float = 0.0  # summed recall credit

    def to_dict(self) -> dict[str, float | int]:
        return asdict(self)


def _prf(credit_pred: float, n_pred: int, credit_gold: float, n_gold: int) -> PRF:
    p = credit_pred / n_pred if n_pred else 0.0
    r = credit_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return PRF(p, r, f, n_gold, n_pred, credit_pred, credit_gold)


@dataclass(frozen=True, slots=True)
class SpanScores:
    """Per-label and overall scores. ``macro`` averages per-label P, R and F1 (unweighted)."""

    mode: str  # "exact" or "partial"
    per_label: dict[str, PRF]
    micro: PRF
    macro: PRF

    def to_dict(self) -> dict[str, Any]:
        return {
            "mode": self.mode,
            "per_label": {k: v.to_dict() for k, v in self.per_label.items()},
            "micro": self.micro.to_dict(),
            "macro": self.macro.to_dict(),
        }


def _summarise(mode: str, credits: dict[str, list[float]]) -> SpanScores:
    """credits[label] = [credit_pred, n_pred, credit_gold, n_gold] -> SpanScores."""
    per_label = {
        label: _prf(cp, int(np_), cg, int(ng))
        for label, (cp, np_, cg, ng) in sorted(credits.items())
    }
    totals = [sum(c[i] for c in credits.values()) for i in range(4)]
    micro = _prf(totals[0], int(totals[1]), totals[2], int(totals[3]))
    if per_label:
        scores = per_label.values()
        macro = PRF(
            float(np.mean([s.precision for s in scores])),
            float(np.mean([s.recall for s in scores])),
            float(np.mean([s.f1 for s in scores])),
            micro.n_gold,
            micro.n_pred,
        )
    else:
        macro = PRF(0.0, 0.0, 0.0)
    return SpanScores(mode, per_label, micro, macro)


def exact_span_scores(gold: Any, pred: Any) -> SpanScores:
    """Exact-match P/R/F1: a prediction counts only if start, end and label all equal a gold span.

    ``gold`` and ``pred`` are per-document span collections: two equal-length sequences, or two
    mappings keyed by document id (a key missing on one side means no spans there).
    """
    credits: dict[str, list[float]] = defaultdict(lambda: [0.0, 0, 0.0, 0])
    for gold_spans, pred_spans in _documents(gold, pred):
        hits = gold_spans & pred_spans
        for _s, _e, label in pred_spans:
            credits[label][1] += 1
        for _s, _e, label in gold_spans:
            credits[label][3] += 1
        for _s, _e, label in hits:
            credits[label][0] += 1
            credits[label][2] += 1
    return _summarise("exact", credits)


def partial_span_scores(gold: Any, pred: Any) -> SpanScores:
    """Character-overlap P/R/F1 in the style of SemEval-2020 Task 11.

    Each predicted span earns the fraction of its characters that fall inside gold spans of the
    same label; precision is the mean earned over predictions. Recall mirrors it: each gold span
    earns the fraction of its characters covered by same-label predictions. Coverage is measured
    against the *union* of the other side's spans, so overlapping predictions over one gold span
    cannot push its recall credit above 1 (no double counting).
    """
    credits: dict[str, list[float]] = defaultdict(lambda: [0.0, 0, 0.0, 0])
    for gold_spans, pred_spans in _documents(gold, pred):
        gold_by = _by_label(gold_spans)
        pred_by = _by_label(pred_spans)
        for label in gold_by.keys() | pred_by.keys():
            g_union = _merge((s, e) for s, e, _ in gold_by[label])
            p_union = _merge((s, e) for s, e, _ in pred_by[label])
            c = credits[label]
            for s, e, _ in pred_by[label]:
                c[0] += _covered(s, e, g_union) / (e - s)
                c[1] += 1
            for s, e, _ in gold_by[label]:
                c[2] += _covered(s, e, p_union) / (e - s)
                c[3] += 1
    return _summarise("partial", credits)


def _by_label(spans: Iterable[Span]) -> defaultdict[str, list[Span]]:
    out: defaultdict[str, list[Span]] = defaultdict(list)
    for span in spans:
        out[span[2]].append(span)
    return out


@dataclass(frozen=True, slots=True)
class SpanConfusion:
    """Counts of (gold label, predicted label) for overlapping spans.

    ``counts[(gold, MISSED)]`` counts gold spans no prediction overlaps and
    ``counts[(SPURIOUS, pred)]`` predictions overlapping no gold span.
    """

    counts: dict[tuple[str, str], int]

    @property
    def labels(self) -> list[str]:
        found = {lab for pair in self.counts for lab in pair} - {MISSED, SPURIOUS}
        return sorted(found)

    def missed(self, label: str) -> int:
        return self.counts.get((label, MISSED), 0)

    def spurious(self, label: str) -> int:
        return self.counts.get((SPURIOUS, label), 0)

    def to_dict(self) -> dict[str, Any]:
        rows = [{"gold": g, "pred": p, "count": n} for (g, p), n in sorted(self.counts.items())]
        return {"labels": self.labels, "rows": rows}


def span_confusion(gold: Any, pred: Any) -> SpanConfusion:
    """Confusion table between gold and predicted labels for overlapping spans.

    Each prediction is paired with the gold span it overlaps most (ties go to a gold span with the
    same label, then to the earliest), so a prediction is counted once even when it straddles two
    gold spans. A gold span overlapped by no prediction is "missed"; a gold span overlapped only by
    other-label predictions shows up as confusion, not as missed.
    """
    counts: Counter[tuple[str, str]] = Counter()
    for gold_spans, pred_spans in _documents(gold, pred):
        touched: set[Span] = set()
        ordered_gold = sorted(gold_spans)
        for ps, pe, plabel in sorted(pred_spans):
            best = max(
                ordered_gold,
                key=lambda g: (min(pe, g[1]) - max(ps, g[0]), g[2] == plabel, -g[0]),
                default=None,
            )
            if best is None or min(pe, best[1]) <= max(ps, best[0]):
                counts[(SPURIOUS, plabel)] += 1
                continue
            counts[(best[2], plabel)] += 1
            touched.update(g for g in ordered_gold if g[0] < pe and ps < g[1])
        for g in ordered_gold:
            if g not in touched:
                counts[(g[2], MISSED)] += 1
    return SpanConfusion(dict(counts))


@dataclass(frozen=True, slots=True)
class SpanEvaluation:
    """Exact scores, partial-overlap scores and the confusion table for one gold/pred pair."""

    exact: SpanScores
    partial: SpanScores
    confusion: SpanConfusion

    def to_dict(self) -> dict[str, Any]:
        return {
            "exact": self.exact.to_dict(),
            "partial": self.partial.to_dict(),
            "confusion": self.confusion.to_dict(),
        }


def evaluate_spans(gold: Any, pred: Any) -> SpanEvaluation:
    """All span metrics at once; see the individual functions for definitions."""
    return SpanEvaluation(
        exact_span_scores(gold, pred), partial_span_scores(gold, pred), span_confusion(gold, pred)
    )


# --------------------------------------------------------------------------- agreement


@dataclass(frozen=True, slots=True)
class Agreement:
    """An agreement coefficient with its observed/expected parts and per-label versions.

    For Cohen's κ ``observed``/``expected`` are agreement proportions; for Krippendorff's α they
    are disagreements. ``per_label`` holds the one-vs-rest coefficient for each value used.
    """

    coefficient: str  # "cohen_kappa" or "krippendorff_alpha"
    value: float
    observed: float
    expected: float
    n_units: int
    per_label: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        # NaN is not valid JSON; an undefined coefficient is reported as null.
        d["value"] = None if math.isnan(self.value) else self.value
        d["per_label"] = {k: None if math.isnan(v) else v for k, v in self.per_label.items()}
        return d


def _kappa_value(a: list[Hashable], b: list[Hashable]) -> tuple[float, float, float]:
    n = len(a)
    if n == 0:
        return math.nan, 0.0, 0.0
    p_o = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    p_e = sum(ca[k] * cb[k] for k in ca) / (n * n)
    if math.isclose(p_e, 1.0):
        return math.nan, p_o, p_e
    return (p_o - p_e) / (1 - p_e), p_o, p_e


def cohen_kappa(
    coder_a: Sequence[Hashable | None], coder_b: Sequence[Hashable | None]
) -> Agreement:
    """Cohen's κ for two coders who coded the same units (same order).

    Units where either coder gave ``None`` are dropped (pairwise-complete). ``per_label`` holds a
    one-vs-rest κ for every value either coder used. κ is ``nan`` when chance agreement is 1.
    """
    if len(coder_a) != len(coder_b):
        raise ValueError("both coders must code the same units")
    pairs = [
        (x, y) for x, y in zip(coder_a, coder_b, strict=True) if x is not None and y is not None
    ]
    a = [x for x, _ in pairs]
    b = [y for _, y in pairs]
    value, p_o, p_e = _kappa_value(a, b)
    per_label = {}
    for label in sorted({*a, *b}, key=str):
        per_label[str(label)] = _kappa_value([x == label for x in a], [y == label for y in b])[0]
    return Agreement("cohen_kappa", value, p_o, p_e, len(pairs), per_label)


def _alpha_value(coders: Sequence[Sequence[Hashable | None]]) -> tuple[float, float, float, int]:
    """Nominal α via the coincidence matrix. Returns (alpha, D_o, D_e, pairable units)."""
    values = sorted({v for row in coders for v in row if v is not None}, key=str)
    index = {v: i for i, v in enumerate(values)}
    n_units = len(coders[0]) if coders else 0
    # counts[u, c]: how many coders gave value c to unit u
    counts = np.zeros((n_units, len(values)))
    for row in coders:
        for u, v in enumerate(row):
            if v is not None:
                counts[u, index[v]] += 1
    m = counts.sum(axis=1)
    pairable = m >= 2  # a unit coded once offers no pair to compare
    counts, m = counts[pairable], m[pairable]
    if counts.size == 0:
        return math.nan, 0.0, 0.0, 0
    weights = 1.0 / (m - 1)
    # o[c, k] = sum_u n_uc * (n_uk - [c == k]) / (m_u - 1)
    coincidence = (counts * weights[:, None]).T @ counts - np.diag(weights @ counts)
    n_c = coincidence.sum(axis=1)
    n = n_c.sum()
    observed = (n - np.trace(coincidence)) / n
    expected = (n * n - (n_c**2).sum()) / (n * (n - 1))
    if expected == 0:
        return math.nan, float(observed), 0.0, int(pairable.sum())
    return float(1 - observed / expected), float(observed), float(expected), int(pairable.sum())


def krippendorff_alpha(coders: Sequence[Sequence[Hashable | None]]) -> Agreement:
    """Krippendorff's α for nominal data: any number of coders, ``None`` marks a missing value.

    ``coders[i][u]`` is coder i's value for unit u; all rows have the same length. Computed from
    the coincidence matrix (each unit coded by m >= 2 coders contributes its m(m-1) ordered value
    pairs with weight 1/(m-1)); units coded by fewer than two coders are ignored. ``per_label``
    gives a one-vs-rest α per value. α is ``nan`` if the pairable data use a single value only.
    """
    if len({len(row) for row in coders}) > 1:
        raise ValueError("every coder row must have one entry per unit (use None when missing)")
    value, d_o, d_e, n_units = _alpha_value(coders)
    labels = sorted({v for row in coders for v in row if v is not None}, key=str)
    per_label = {}
    for label in labels:
        binary = [[None if v is None else v == label for v in row] for row in coders]
        per_label[str(label)] = _alpha_value(binary)[0]
    return Agreement("krippendorff_alpha", value, d_o, d_e, n_units, per_label)


# --------------------------------------------------------------------------- span agreement


@dataclass(frozen=True, slots=True)
class SpanAgreement:
    """Agreement between annotators who marked spans on the same text, unit by unit.

    ``kappa`` is Cohen's κ for two annotators and Light's κ (mean pairwise κ) for more.
    """

    alpha: Agreement
    kappa: float
    per_label_kappa: dict[str, float]
    n_units: int

    def to_dict(self) -> dict[str, Any]:
        def clean(x: float) -> float | None:
            return None if math.isnan(x) else x

        return {
            "alpha": self.alpha.to_dict(),
            "kappa": clean(self.kappa),
            "per_label_kappa": {k: clean(v) for k, v in self.per_label_kappa.items()},
            "n_units": self.n_units,
        }


def units_labels(spans: Iterable[Any], units: Sequence[tuple[int, int]]) -> list[str]:
    """Label of each unit: the label of the span overlapping it most, else ``OUTSIDE``.

    Among equal overlaps the shorter (more specific) span wins, then the label sorting first, so
    nested annotations resolve deterministically.
    """
    ordered = sorted(as_span(s) for s in spans)
    out = []
    for us, ue in units:
        best = None
        for s, e, label in ordered:
            if s >= ue:
                break
            overlap = min(ue, e) - max(us, s)
            if overlap > 0:
                key = (-overlap, e - s, label)
                best = key if best is None or key < best else best
        out.append(OUTSIDE if best is None else best[2])
    return out


def span_agreement(
    text: str,
    annotations: Sequence[Iterable[Any] | None],
    *,
    units: Sequence[tuple[int, int]] | None = None,
    ignore_whitespace: bool = True,
) -> SpanAgreement:
    """Agreement of two or more annotators' spans on one text, via per-unit labels.

    Each unit (by default every character, skipping whitespace so that whether a span includes a
    trailing space does not count as disagreement; or the given ``(start, end)`` token units) gets
    each annotator's label or ``OUTSIDE``, and α/κ are computed over those units, overall and per
    label (one-vs-rest). This is a character-unit approximation of Krippendorff's unitizing α: it
    weighs disagreement by length like the unitizing coefficient but does not model span
    boundaries as units of their own. ``None`` in ``annotations`` means that annotator did not
    code the text (all units missing).
    """
    if len(annotations) < 2:
        raise ValueError("agreement needs at least two annotators")
    if units is None:
        units = [
            (i, i + 1) for i, ch in enumerate(text) if not (ignore_whitespace and ch.isspace())
        ]
    coders: list[list[str | None]] = [
        [None] * len(units) if spans is None else list(units_labels(spans, units))
        for spans in annotations
    ]
    alpha = krippendorff_alpha(coders)
    kappas: list[float] = []
    per_label: defaultdict[str, list[float]] = defaultdict(list)
    for i in range(len(coders)):
        for j in range(i + 1, len(coders)):
            if annotations[i] is None or annotations[j] is None:
                continue
            k = cohen_kappa(coders[i], coders[j])
            kappas.append(k.value)
            for label in alpha.per_label:
                per_label[label].append(k.per_label.get(label, math.nan))
    return SpanAgreement(
        alpha=alpha,
        kappa=_mean(kappas),
        per_label_kappa={label: _mean(v) for label, v in per_label.items()},
        n_units=len(units),
    )


def _mean(values: list[float]) -> float:
    """Mean ignoring NaN (undefined pairs); NaN when nothing is defined."""
    finite = [v for v in values if not math.isnan(v)]
    return float(np.mean(finite)) if finite else math.nan
