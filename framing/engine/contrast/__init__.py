"""Comparison between outlets covering one event.

* ``vocabulary``: distinctive terms by prior-smoothed log-odds (``distinctive_terms``).
* ``alignment``: sentence alignment across articles (``align_pair``, ``align_many``).
* ``labels``: competing wordings for the same referent (``event_referents``).
* ``groups``: noun phrases naming groups of people and descriptions of organisations.
* ``rates``: rates per 1,000 words with exact Poisson intervals.

Plain Python (numpy/scipy/scikit-learn); no Django and no imports from the rest of the engine.
"""

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
