"""The per-event summary: what every comparison chart aggregates, built once per change.

Pages call ``event_summary(event)``: it computes a cheap fingerprint (a few aggregate
queries) and never rebuilds anything in the request: when the fingerprint moved, it returns
the last stored summary marked "updating" and queues a refresh. What an event's articles
show lives in small per-article and per-outlet rows (``reports.summary_store``), kept up to
date by framing's ``annotations_changed`` hook in the writing transaction.

fingerprints  what a summary is built from, hashed
pages         ``event_summary`` as pages read it
refresh       queued refreshes, the annotation hook, ``summary_refresh`` (the task's work)
rows          building articles', terms' and quotes' rows (``build_summary``)
vocabulary    each outlet's distinctive vocabulary, computed by a task
"""

from reports.summary.fingerprints import (
    PAYLOAD_VERSION,
    Fingerprints,
    event_fingerprints,
    event_model_version,
    full_fingerprint,
)
from reports.summary.pages import event_summary, summary_stamp
from reports.summary.refresh import (
    REFRESH_RETRY,
    SUMMARY_DEBOUNCE,
    annotations_changed,
    refresh_after_analysis,
    request_refresh,
    summary_debounce_seconds,
    summary_refresh,
)
from reports.summary.rows import (
    DOMINANT_FRAME_MIN,
    QUOTE_COLUMNS,
    QUOTED_KINDS,
    TERM_COLUMNS,
    build_summary,
    counted_articles,
    dominant_frames,
    empty_summary,
    shown_suggestions,
    term_labels,
    term_rows,
    visible_annotations,
    voice_chars,
    with_surface,
)
from reports.summary.vocabulary import (
    VOCABULARY_TOP,
    build_vocabulary,
    event_vocabulary,
    event_vocabulary_state,
    vocabulary_refresh,
)

__all__ = [
    "DOMINANT_FRAME_MIN",
    "PAYLOAD_VERSION",
    "QUOTED_KINDS",
    "QUOTE_COLUMNS",
    "REFRESH_RETRY",
    "SUMMARY_DEBOUNCE",
    "TERM_COLUMNS",
    "VOCABULARY_TOP",
    "Fingerprints",
    "annotations_changed",
    "build_summary",
    "build_vocabulary",
    "counted_articles",
    "dominant_frames",
    "empty_summary",
    "event_fingerprints",
    "event_model_version",
    "event_summary",
    "event_vocabulary",
    "event_vocabulary_state",
    "full_fingerprint",
    "refresh_after_analysis",
    "request_refresh",
    "shown_suggestions",
    "summary_debounce_seconds",
    "summary_refresh",
    "summary_stamp",
    "term_labels",
    "term_rows",
    "visible_annotations",
    "vocabulary_refresh",
    "voice_chars",
    "with_surface",
]
