"""Comparison between outlets covering one event.

* ``vocabulary``: distinctive terms by prior-smoothed log-odds (``distinctive_terms``).
* ``alignment``: sentence alignment across articles (``align_pair``, ``align_many``).
* ``labels``: competing wordings for the same referent (``event_referents``).
* ``groups``: noun phrases naming groups of people and descriptions of organisations.
* ``rates``: rates per 1,000 words with exact Poisson intervals.
* ``units``: a sentence's fact units (clauses, with offsets); measured as alignment units by the
  evaluation (bench/README.md, round 7), not used by the pages.

Plain Python (numpy/scipy/scikit-learn); no Django and no imports from the rest of the engine.
Names are imported on first use (PEP 562): ``analyze()`` reads ``groups`` only, and importing
the alignment's scikit-learn and scipy with it cost ~0.6 s of every cold start.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .alignment import (
        AlignedRow,
        AlignmentScores,
        align_facts,
        align_many,
        align_pair,
        alignment_scores,
        reported_pairs,
        row_pairs,
    )
    from .groups import GroupPhrase, group_phrases
    from .labels import EventReferent, Referent, competing_labels, event_referents
    from .rates import Rate, rate_per_1000, rates_per_1000
    from .vocabulary import (
        Term,
        distinctive_terms,
        distinctive_terms_by_group,
        log_odds_z,
        term_counts,
        terms,
        word_count,
    )

_MODULE_OF = {
    "AlignedRow": "alignment",
    "AlignmentScores": "alignment",
    "align_facts": "alignment",
    "align_many": "alignment",
    "align_pair": "alignment",
    "alignment_scores": "alignment",
    "reported_pairs": "alignment",
    "row_pairs": "alignment",
    "GroupPhrase": "groups",
    "group_phrases": "groups",
    "EventReferent": "labels",
    "Referent": "labels",
    "competing_labels": "labels",
    "event_referents": "labels",
    "Rate": "rates",
    "rate_per_1000": "rates",
    "rates_per_1000": "rates",
    "Term": "vocabulary",
    "distinctive_terms": "vocabulary",
    "distinctive_terms_by_group": "vocabulary",
    "log_odds_z": "vocabulary",
    "term_counts": "vocabulary",
    "terms": "vocabulary",
    "word_count": "vocabulary",
}

__all__ = [
    "AlignedRow",
    "AlignmentScores",
    "EventReferent",
    "GroupPhrase",
    "Rate",
    "Referent",
    "Term",
    "align_facts",
    "align_many",
    "align_pair",
    "alignment_scores",
    "competing_labels",
    "distinctive_terms",
    "distinctive_terms_by_group",
    "event_referents",
    "group_phrases",
    "log_odds_z",
    "rate_per_1000",
    "rates_per_1000",
    "reported_pairs",
    "row_pairs",
    "term_counts",
    "terms",
    "word_count",
]


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
