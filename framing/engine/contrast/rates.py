"""Rates per 1,000 words with an exact Poisson confidence interval."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from scipy.stats import chi2


@dataclass(frozen=True, slots=True)
class Rate:
    """``count`` occurrences in ``words`` words, as a rate per 1,000 words with its interval."""

    count: int
    words: int
    rate: float
    low: float
    high: float
    confidence: float

    def to_dict(self) -> dict[str, float | int]:
        return asdict(self)


def rate_per_1000(count: int, words: int, *, confidence: float = 0.95) -> Rate:
    """Rate per 1,000 words with the exact (Garwood) Poisson interval.

    The count is treated as Poisson; its interval is ``chi2.ppf(a/2, 2k) / 2`` to
    ``chi2.ppf(1 - a/2, 2k + 2) / 2`` with ``a = 1 - confidence`` (lower bound 0 when k = 0), then
    scaled to per-1,000 words. Exact rather than a normal approximation because the counts that
    matter here (a loaded term in one outlet's coverage) are often in single digits, where the
    normal interval dips below zero and undercovers.
    """
    if words <= 0:
        raise ValueError("words must be positive")
    if count < 0:
        raise ValueError("count cannot be negative")
    if not 0 < confidence < 1:
        raise ValueError("confidence must be between 0 and 1")
    tail = (1 - confidence) / 2
    low = 0.0 if count == 0 else chi2.ppf(tail, 2 * count) / 2
    high = chi2.ppf(1 - tail, 2 * count + 2) / 2
    scale = 1000.0 / words
    return Rate(count, words, count * scale, float(low * scale), float(high * scale), confidence)
