"""Where an event's summary lives: small per-article and per-outlet rows, not one JSON blob.

``ArticleSummary`` holds one article's row, term rows and quotes; ``OutletSummary`` the
counters the outlet tables show; ``EventSummary.payload`` only the event-wide parts (labels,
frames, actors). Pages read the rows they show; the charts, which aggregate every article,
read the assembled lists through a per-process cache that re-reads only rows whose token
moved, so a decision costs a process one small row, not a multi-megabyte decode.

An annotation change redoes its article's rows in the writing transaction
(``annotations_changed``, sent by framing's annotation services). The stored annotation
counters (``notes``) move by that article's difference, so a change that bypassed the hook
still shows as a mismatch (and is redone by the refresh task).
"""

from __future__ import annotations

import secrets
from collections import Counter
from collections.abc import Iterable
from itertools import chain
from typing import Any

from django.db.models import Count, Q, Sum

from articles.models import Event
from framing.models import Annotation, AnnotationStatus
from reports.models import ArticleSummary, EventSummary, OutletSummary

# Additive counters of a set of annotations: a sum over revisions is the event's, so one
# article's change moves the event's stored counters by its own difference.
NOTE_FIELDS = {
    "n": Count("pk"),
    "rejected": Count("pk", filter=Q(status=AnnotationStatus.REJECTED)),
    "accepted": Count("pk", filter=Q(status=AnnotationStatus.ACCEPTED)),
    "versions": Sum("version"),
    "labels": Sum("label_id"),
    "ids": Sum("pk"),
}
EMPTY_NOTES = dict.fromkeys(NOTE_FIELDS, 0)
# Keys of the payload kept in the article rows rather than in ``EventSummary.payload``.
ROW_KEYS = ("articles", "terms", "quotes")


def annotation_notes(annotations) -> dict[str, int]:
    """The counters of ``annotations`` (a queryset), as one aggregate query."""
    row = annotations.aggregate(**NOTE_FIELDS)
    return {k: int(v or 0) for k, v in row.items()}


def notes_by_revision(revision_ids) -> dict[int, dict[str, int]]:
    """The counters of each revision's annotations (one grouped query)."""
    rows = (
        Annotation.objects.filter(revision_id__in=revision_ids)
        .order_by()
        .values("revision_id")
        .annotate(**NOTE_FIELDS)
    )
    return {r.pop("revision_id"): {k: int(v or 0) for k, v in r.items()} for r in rows}


def notes_plus(a: dict[str, int], b: dict[str, int], sign: int = 1) -> dict[str, int]:
    return {k: a.get(k, 0) + sign * b.get(k, 0) for k in NOTE_FIELDS}


def new_token() -> str:
    return secrets.token_hex(8)


def store_rows(event: Event, payload: dict[str, Any]) -> dict[str, Any]:
    """Replace the event's article and outlet rows with a freshly built ``payload``'s; return
    the event-wide rest of the payload (what ``EventSummary.payload`` keeps)."""
    revisions = [a["revision"] for a in payload["articles"] if a["revision"]]
    notes = notes_by_revision(revisions)
    terms: dict[int, list] = {}
    for row in payload["terms"]:
        terms.setdefault(row[0], []).append(row)
    quotes: dict[int, list] = {}
    for row in payload["quotes"]:
        quotes.setdefault(row[0], []).append(row)
    ids = {a["id"] for a in payload["articles"]}
    rows = [
        ArticleSummary(
            article_id=a["id"],
            event=event,
            outlet_id=a["outlet"],
            position=position,
            revision_id=a["revision"],
            counted=a["republication_of"] not in ids,
            words=a["words"],
            row=a,
            terms=terms.get(a["id"], []),
            quotes=quotes.get(a["id"], []),
            term_counts=dict(Counter(t[1] for t in terms.get(a["id"], []))),
            notes=notes.get(a["revision"], EMPTY_NOTES),
            token=new_token(),
        )
        for position, a in enumerate(payload["articles"])
    ]
    ArticleSummary.objects.filter(event=event).delete()
    ArticleSummary.objects.bulk_create(rows, batch_size=200)
    _store_outlets(event, rows)
    rows_written(event)
    return {k: v for k, v in payload.items() if k not in ROW_KEYS}


def _store_outlets(event: Event, rows: list[ArticleSummary]) -> None:
    outlets: dict[int, OutletSummary] = {}
    for r in rows:
        o = outlets.setdefault(
            r.outlet_id,
            OutletSummary(event=event, outlet_id=r.outlet_id, position=len(outlets)),
        )
        o.articles += 1
        o.words += r.words
        o.counted_articles += r.counted
        o.counted_words += r.words if r.counted else 0
        o.term_counts = dict(Counter(o.term_counts) + Counter(r.term_counts))
    OutletSummary.objects.filter(event=event).delete()
    OutletSummary.objects.bulk_create(outlets.values())


def redo_term_rows(event: Event, fresh: dict[int, list], notes: dict[int, dict]) -> dict[str, int]:
    """Store ``fresh`` term rows ({article id: rows}) of already summarised articles of
    ``event`` with their revisions' ``notes``, and move their outlets' counters by the
    difference; returns how the event's annotation counters moved (call in a transaction)."""
    rows = ArticleSummary.objects.select_for_update().filter(
        event=event, article_id__in=list(fresh)
    )
    moved: dict[str, int] = dict(EMPTY_NOTES)
    outlet_moves: dict[int, Counter] = {}
    changed = []
    for r in rows:
        counts = Counter(t[1] for t in fresh[r.pk])
        change = outlet_moves.setdefault(r.outlet_id, Counter())
        change.update(counts)
        change.subtract(r.term_counts)
        new_notes = notes.get(r.revision_id, EMPTY_NOTES)
        moved = notes_plus(notes_plus(moved, new_notes), r.notes, -1)
        r.terms, r.term_counts, r.notes = fresh[r.pk], dict(counts), new_notes
        r.token = new_token()
        changed.append(r)
    ArticleSummary.objects.bulk_update(changed, ["terms", "term_counts", "notes", "token"])
    rows_written(event)
    for outlet in OutletSummary.objects.select_for_update().filter(
        event=event, outlet_id__in=list(outlet_moves)
    ):
        total = Counter(outlet.term_counts)
        total.update(outlet_moves[outlet.outlet_id])
        outlet.term_counts = {k: v for k, v in total.items() if v}
        outlet.save(update_fields=["term_counts"])
    return moved


def rows_written(event: Event) -> str:
    """Mark the event's article rows as rewritten (call in the writing transaction)."""
    token = new_token()
    EventSummary.objects.filter(event=event).update(rows_token=token)
    return token


def summarised(event: Event, article_ids: Iterable[int] | None = None) -> dict[int, int | None]:
    """{article id: revision id} of ``article_ids`` (None: all) with a summary row in ``event``."""
    rows = ArticleSummary.objects.filter(event=event)
    if article_ids is not None:
        rows = rows.filter(article_id__in=list(article_ids))
    return dict(rows.values_list("article_id", "revision_id"))


def stale_notes(event: Event) -> list[int]:
    """Articles whose stored annotation counters differ from their revision's now."""
    rows = list(
        ArticleSummary.objects.filter(event=event).values_list("pk", "revision_id", "notes")
    )
    now = notes_by_revision([rev for _, rev, _ in rows if rev])
    return [pk for pk, rev, notes in rows if now.get(rev, EMPTY_NOTES) != notes]


# Decoded article rows by event: {event id: (tokens, {article id: (token, row, terms, quotes)},
# assembled lists, the event's rows_token read before them)}. Read-only for callers; few
# events, each a few megabytes.
_ROWS: dict[int, tuple[tuple, dict[int, tuple], dict[str, list], str]] = {}
_ROWS_MAX = 4


def assembled_rows(event: Event) -> dict[str, list]:
    """{"articles", "terms", "quotes"} of the whole event in summary order, reading from the
    database only rows this process has not seen at their current token.

    The event's ``rows_token`` is read first: unchanged since this process assembled the
    lists, no row (not even the two thousand row tokens) is read. Rows written after it was
    read carry a new one, so the next request reads them."""
    written = EventSummary.objects.filter(event=event).values_list("rows_token", flat=True)
    rows_token = written.first() or ""
    cached = _ROWS.get(event.pk)
    if cached is not None and rows_token and cached[3] == rows_token:
        return cached[2]
    tokens = tuple(
        ArticleSummary.objects.filter(event=event)
        .order_by("position")
        .values_list("article_id", "token")
    )
    if cached is not None and cached[0] == tokens:
        _ROWS[event.pk] = (*cached[:3], rows_token)
        return cached[2]
    known = cached[1] if cached is not None else {}
    stale = [pk for pk, token in tokens if known.get(pk, ("",))[0] != token]
    if stale:
        rows = ArticleSummary.objects.filter(event=event)
        if len(stale) < 500:  # otherwise the whole event costs one query, not a long IN list
            rows = rows.filter(article_id__in=stale)
        fetched = rows.values_list("article_id", "token", "row", "terms", "quotes")
        fresh = {pk: (t, row, terms, quotes) for pk, t, row, terms, quotes in fetched}
    else:
        fresh = {}
    lists = _assemble(tokens, known, fresh, cached)
    known = {pk: fresh.get(pk) or known[pk] for pk, _ in tokens if pk in fresh or pk in known}
    _ROWS[event.pk] = (tokens, known, lists, rows_token)
    while len(_ROWS) > _ROWS_MAX:
        _ROWS.pop(next(iter(_ROWS)))
    return lists


class TermRows(list):
    """The event's term rows, with ``parts``: each article's own list of them, in order (the
    same objects while the article's row is unchanged), so a count can redo only the
    articles whose parts changed (``reports.figures.base.term_counts``). Never changed once
    built; any list made from it is a plain list, without parts."""

    __slots__ = ("parts",)

    def __init__(self, parts: list[list]) -> None:
        super().__init__(chain.from_iterable(parts))
        self.parts = tuple(parts)


def _assemble(tokens: tuple, known: dict, fresh: dict, cached: tuple | None) -> dict[str, list]:
    """The event's lists from the rows; the last lists of articles and quotes are kept (the
    same objects) when their rows did not change, so what was computed from them stays
    valid (a decision changes term rows only)."""
    order = [pk for pk, _ in tokens]
    same_order = cached is not None and [pk for pk, _ in cached[0]] == order
    lists: dict[str, list] = {"articles": [], "terms": [], "quotes": []}
    parts = []
    for pk in order:
        _, row, terms, quotes = fresh.get(pk) or known[pk]
        lists["articles"].append(row)
        parts.append(terms)
        lists["quotes"].extend(quotes)
    lists["terms"] = TermRows(parts)
    if same_order and not fresh.keys() - known.keys():
        for part, index in (("articles", 1), ("quotes", 3)):
            if all(fresh[pk][index] == known[pk][index] for pk in fresh):
                lists[part] = cached[2][part]
    return lists


def outlet_rows(event: Event, *, include_republications: bool) -> list[dict[str, Any]]:
    """n (articles, words) per outlet as the charts count them, from the outlet rows."""
    rows = (
        OutletSummary.objects.filter(event=event)
        .select_related("outlet")
        .order_by("position")
        .only("outlet", "articles", "words", "counted_articles", "counted_words")
    )
    out = []
    for r in rows:
        n = r.articles if include_republications else r.counted_articles
        if not n:
            continue
        out.append(
            {
                "id": r.outlet_id,
                "name": r.outlet.name,
                "type": r.outlet.type,
                "type_display": r.outlet.get_type_display(),
                "country": r.outlet.country,
                "n": n,
                "words": r.words if include_republications else r.counted_words,
            }
        )
    return out


def term_counts_of(article_ids: Iterable[int]) -> Counter:
    """Visible spans per label key over ``article_ids``, from their summary rows."""
    total: Counter = Counter()
    for counts in ArticleSummary.objects.filter(article_id__in=list(article_ids)).values_list(
        "term_counts", flat=True
    ):
        total.update(counts)
    return total
