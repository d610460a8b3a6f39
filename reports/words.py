"""Stored word counts of text revisions (the denominators of per-1,000-word rates).

A revision never changes, so its count is computed once: when a summary is built (the text
is at hand then) or, for revisions no summary has seen yet, on first need here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from articles.models import TextRevision
from framing.engine.contrast import word_count
from reports.models import RevisionWords


def store_words(counts: Mapping[int, int]) -> None:
    """Remember ``counts`` (revision id -> words); counts already stored are left alone."""
    RevisionWords.objects.bulk_create(
        [RevisionWords(revision_id=rev, words=n) for rev, n in counts.items()],
        ignore_conflicts=True,
    )


def revision_words(revision_ids: Iterable[int]) -> dict[int, int]:
    """Words of each revision: one query when all are stored, three when some are new
    (their texts are read and counted once, then stored)."""
    wanted = {r for r in revision_ids if r}
    found = dict(
        RevisionWords.objects.filter(revision_id__in=wanted).values_list("revision_id", "words")
    )
    missing = wanted - found.keys()
    if missing:
        texts = TextRevision.objects.filter(pk__in=missing).values_list("pk", "text")
        fresh = {pk: word_count(text) for pk, text in texts}
        store_words(fresh)
        found.update(fresh)
    return found
