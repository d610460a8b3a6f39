"""The per-event summary: what every comparison chart aggregates, built once per change.

Pages call ``event_summary(event)``: it computes a cheap fingerprint (three small queries)
and rebuilds the stored payload only when the fingerprint moved, so a page view never
walks every article's annotations again. The payload is plain JSON: lists of rows that
``reports.figures`` turns into DataFrames.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter, OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.conf import settings
from django.db import transaction
from django.db.models import Count, F, Max, Q, Sum
from django.db.models.functions import Greatest, Length, Substr
from django.utils import timezone

from articles.models import Article, Event
from framing.analysis_services import LOADED_TERMS_CODEBOOK, unpack_frames, unpack_sentences
from framing.engine.codebooks import POLICY_FRAMES
from framing.engine.contrast import distinctive_terms_by_group
from framing.models import (
    ActorMention,
    Analysis,
    Annotation,
    AnnotationStatus,
    Codebook,
    ModelVersion,
    QuoteSpan,
)
from framing.operating_points import floors_by_analysis
from reports import summary_store as store
from reports.actors import event_actor_aliases, fullest_names
from reports.models import ActorCorrection, EventSummary
from reports.words import revision_words

PAYLOAD_VERSION = 4  # 3: actor kinds and merged aliases; 4: articles in their own rows
# A sentence's strongest policy frame counts as its dominant frame only above this
# probability; below it the sentence is shown as having no clear frame.
DOMINANT_FRAME_MIN = 0.3


def event_model_version(event: Event) -> ModelVersion | None:
    """The model whose analyses the event's pages show (read-only: never creates one)."""
    if event.analysis_model_id:
        return event.analysis_model
    return ModelVersion.objects.filter(workspace=None).order_by("-created_at").first()


@dataclass(frozen=True, slots=True)
class Fingerprints:
    base: str  # articles, revisions, outlets, republication links, analyses, model
    full: str  # base plus annotations and the operating point: the whole payload
    notes: dict[str, Any]  # the annotation counters behind ``full``


def _fingerprints(event: Event, model: ModelVersion | None) -> Fingerprints:
    rows = list(
        event.articles.order_by("pk").values_list(
            "pk",
            "current_revision_id",
            "outlet_id",
            "outlet__name",
            "outlet__type",
            "republication_of_id",
            "origin_id",
            "title",
            "published_date",
        )
    )
    # Subqueries and aggregates: thousands of ids neither sent as parameters nor read back.
    # Analyses are only ever added or deleted, so count, sum and maximum of ids tell them apart.
    revisions = event.articles.values("current_revision")
    analyses = Analysis.objects.filter(revision_id__in=revisions, model_version=model).aggregate(
        n=Count("pk"), top=Max("pk"), total=Sum("pk")
    )
    notes = store.annotation_notes(Annotation.objects.filter(revision_id__in=revisions))
    point = event.operating_point  # the score floor pages apply depends on it
    # Analysts' actor merges change the payload's actors: a whole rebuild, like articles.
    merges = ActorCorrection.objects.filter(event=event).aggregate(n=Count("pk"), last=Max("pk"))
    base = _hash([PAYLOAD_VERSION, model.pk if model else None, rows, analyses, merges])
    return Fingerprints(base, full_fingerprint(base, point, notes), {**notes, "point": point})


def full_fingerprint(base: str, point: str, notes: dict[str, int]) -> str:
    """The whole summary's fingerprint from its parts (so a hook can move the notes alone)."""
    return _hash([base, point, {k: notes.get(k, 0) for k in store.NOTE_FIELDS}])


def _hash(basis: Any) -> str:
    return hashlib.sha256(json.dumps(basis, default=str).encode()).hexdigest()


# Decoded payloads by event id, so a page whose summary has not changed since this process
# last read it decodes no JSON (an event of 2,000 articles stores megabytes). Read-only for
# callers; few entries, as each may hold tens of megabytes.
_DECODED: OrderedDict[int, tuple[str, dict[str, Any]]] = OrderedDict()
_DECODED_MAX = 4
# A refresh queued longer ago than this is taken for lost (its worker died) and queued again.
REFRESH_RETRY = dt.timedelta(minutes=5)
SUMMARY_DEBOUNCE = 10.0  # seconds a page-requested refresh waits for more changes


def event_summary(event: Event, *, rows: bool = True) -> dict[str, Any]:
    """The event's summary payload; never rebuilt here.

    When what the payload depends on has moved, a refresh is queued (a background task) and
    the last stored payload is returned marked ``"updating": True`` (an empty one if none was
    ever built), so a page shows the last result with a note instead of waiting.
    ``rows=False``: only the event-wide parts (labels, frames, outlets, actors) and the flag,
    for pages that read the article and outlet rows they show themselves.
    """
    model = event_model_version(event)
    prints = _fingerprints(event, model)
    fingerprint, payload = _stored_payload(event)
    updating = fingerprint != prints.full
    if updating:
        request_refresh(event, "refresh_requested_at", "refresh_summary")
        # The task may have run already (the immediate backend of tests and small set-ups).
        fingerprint, payload = _stored_payload(event)
        updating = fingerprint != prints.full
    if payload.get("version") != PAYLOAD_VERSION:
        return {**empty_summary(event, model), **({"updating": True} if updating else {})}
    if rows:
        payload = {**payload, **store.assembled_rows(event)}
    return {**payload, "updating": True} if updating else payload


def _stored_payload(event: Event) -> tuple[str, dict[str, Any]]:
    """(fingerprint, event-wide payload) as stored, decoded once per process and version."""
    stored = EventSummary.objects.filter(event=event)
    row = stored.values_list("fingerprint", "built_at").first()
    if row is None:
        return "", {}
    version = f"{row[0]}@{row[1].isoformat()}"  # a rebuild with equal inputs is a new version
    cached = _DECODED.get(event.pk)
    if cached is not None and cached[0] == version:
        _DECODED.move_to_end(event.pk)
        return row[0], cached[1]
    payload = stored.filter(fingerprint=row[0]).values_list("payload", flat=True).first()
    if payload is None:  # rebuilt between the two reads: the next request reads it
        return "", {}
    if cached is not None:  # unchanged parts stay the same objects (charts built on them stand)
        last = cached[1]
        payload = {k: last[k] if k in last and last[k] == v else v for k, v in payload.items()}
    _DECODED[event.pk] = (version, payload)
    _DECODED.move_to_end(event.pk)
    while len(_DECODED) > _DECODED_MAX:
        _DECODED.popitem(last=False)
    return row[0], payload


def request_refresh(event: Event, field: str, task_name: str, *, force: bool = False) -> None:
    """Queue ``reports.tasks.<task_name>`` for the event unless one is queued already
    (``force``: even then, as one queued earlier may have started before the change)."""
    from reports import tasks

    EventSummary.objects.get_or_create(event=event, defaults={"fingerprint": "", "payload": {}})
    now = timezone.now()
    idle = Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__lt": now - REFRESH_RETRY})
    rows = EventSummary.objects.filter(event=event)
    if (rows if force else rows.filter(idle)).update(**{field: now}):
        task = getattr(tasks, task_name)
        wait = 0 if force else summary_debounce_seconds()
        if wait and task.get_backend().supports_defer:
            # Decisions come in bursts: one rebuild a little later serves all of them, and
            # every web process decodes the new payload once instead of after each decision.
            task = task.using(run_after=now + dt.timedelta(seconds=wait))
        task.enqueue(event.pk)


def summary_debounce_seconds() -> float:
    """How long a page-requested refresh waits before running (``PARALLAX_SUMMARY_DEBOUNCE``)."""
    return float(getattr(settings, "PARALLAX_SUMMARY_DEBOUNCE", SUMMARY_DEBOUNCE))


def refresh_after_analysis(sender: object, *, event_ids: Iterable[int], **kwargs: Any) -> None:
    """An event's analysis just finished: rebuild its summary, vocabulary and span CSV lines
    now, in the background, so the first page after an import finds none missing or stale."""
    for event in Event.objects.filter(pk__in=list(event_ids)):
        request_refresh(event, "refresh_requested_at", "refresh_summary", force=True)
        request_refresh(event, "vocabulary_requested_at", "refresh_vocabulary", force=True)
        request_refresh(event, "span_csv_requested_at", "refresh_span_csv", force=True)


def empty_summary(event: Event, model: ModelVersion | None) -> dict[str, Any]:
    """The payload's shape with nothing in it: what pages show before the first build."""
    return {
        "version": PAYLOAD_VERSION,
        "model_version": model.pk if model else None,
        "articles": [],
        "outlets": {},
        "origins": {},
        "labels": _term_labels(event),
        "frames": [{"key": d.key, "name": d.name, "colour": d.colour} for d in POLICY_FRAMES],
        "terms": [],
        "quotes": [],
        "actors": {},
        "actor_kinds": {},
        "actor_merge": {},
    }


def summary_refresh(event: Event) -> str:
    """Bring the stored summary up to date (run by a task); returns "fresh", "terms" or "full".

    Only annotations or the operating point moved: the term rows of articles whose
    annotation counters changed since their rows were built are redone (all of them if the
    operating point moved). Anything else: every row is built again.
    """
    model = event_model_version(event)
    prints = _fingerprints(event, model)
    stored = EventSummary.objects.filter(event=event).first()
    how = "full"
    if stored is not None and stored.fingerprint == prints.full:
        return "fresh"
    payload = stored.payload if stored is not None else {}
    if (
        stored is not None
        and stored.base_fingerprint == prints.base
        and payload.get("version") == PAYLOAD_VERSION
    ):
        how = "terms"
        point_moved = (payload.get("notes") or {}).get("point") != prints.notes["point"]
        ids = list(store.summarised(event)) if point_moved else store.stale_notes(event)
        with transaction.atomic():
            _redo_articles(event, model, ids)
    else:
        built = build_summary(event, model)
        with transaction.atomic():
            payload = store.store_rows(event, built)
    payload["notes"] = prints.notes
    EventSummary.objects.update_or_create(
        event=event,
        defaults={
            "fingerprint": prints.full,
            "base_fingerprint": prints.base,
            "payload": payload,
            "model_version": model,
            "built_at": timezone.now(),
            "refresh_requested_at": None,
        },
    )
    return how


def _redo_articles(event: Event, model: ModelVersion | None, article_ids) -> dict[str, int]:
    """Redo the term rows of summarised ``article_ids``; how the event's counters moved."""
    revisions = {rev: pk for pk, rev in store.summarised(event, article_ids).items() if rev}
    if not revisions:
        return {}
    analyses = {
        an.revision_id: an
        for an in Analysis.objects.filter(revision_id__in=revisions, model_version=model).only(
            "pk", "revision_id", "model_version_id"
        )
    }
    rows = _term_rows({r: _ArticleId(pk) for r, pk in revisions.items()}, analyses)
    fresh: dict[int, list] = {pk: [] for pk in revisions.values()}
    for row in rows:
        fresh[row[0]].append(row)
    return store.redo_term_rows(event, fresh, store.notes_by_revision(revisions))


def annotations_changed(sender: object, *, revision_ids: Iterable[int], **kwargs: Any) -> None:
    """framing's hook: annotations of ``revision_ids`` changed. Their articles' rows and the
    stored counters are redone in the writing transaction, so the next page shows the
    decision at once, neither "updating…" nor a queued rebuild."""
    by_event: dict[int, list[int]] = {}
    articles = Article.objects.filter(current_revision_id__in=list(revision_ids))
    for event_id, pk in articles.values_list("event_id", "pk"):
        by_event.setdefault(event_id, []).append(pk)
    for event in Event.objects.filter(pk__in=list(by_event)).select_related("analysis_model"):
        with transaction.atomic():
            stored = EventSummary.objects.select_for_update().filter(event=event).first()
            if stored is None or stored.payload.get("version") != PAYLOAD_VERSION:
                continue  # never built: the first build counts everything
            moved = _redo_articles(event, event_model_version(event), by_event[event.pk])
            if moved:
                _restamp(stored, moved)


def _restamp(stored: EventSummary, moved: dict[str, int]) -> None:
    """Move the stored counters (and so the fingerprint) by one hook's difference: if they
    matched the database before, they match after; if not, the mismatch stays visible."""
    notes = stored.payload.get("notes") or {}
    notes = {**notes, **store.notes_plus(notes, moved)}
    stored.payload = {**stored.payload, "notes": notes}
    stored.fingerprint = full_fingerprint(stored.base_fingerprint, notes.get("point"), notes)
    stored.save(update_fields=["payload", "fingerprint"])


@dataclass(frozen=True, slots=True)
class _ArticleId:
    pk: int


def counted_articles(payload: dict[str, Any], *, include_republications: bool) -> set[int]:
    """Article ids that charts count: a republished copy of an event article counts once."""
    ids = {a["id"] for a in payload["articles"]}
    if include_republications:
        return ids
    return {a["id"] for a in payload["articles"] if a["republication_of"] not in ids}


def build_summary(event: Event, model: ModelVersion | None) -> dict[str, Any]:
    """Compute the payload from stored articles and analyses (a fixed number of queries).

    Reads no article text: lengths and tagged spans are cut in SQL, word counts are stored
    per revision (only a revision never counted before has its text read, once).
    """
    articles = list(
        event.articles.select_related("outlet", "origin")
        .annotate(chars=Length("current_revision__text"))
        .order_by("published_date", "published_at", "pk")
    )
    revisions = {a.current_revision_id: a for a in articles if a.current_revision_id}
    analyses = {
        an.revision_id: an
        for an in Analysis.objects.filter(revision_id__in=revisions, model_version=model)
    }
    # Thousands of quote rows: plain tuples, only the columns the payload uses.
    quotes = list(
        QuoteSpan.objects.filter(analysis__in=list(analyses.values()))
        .order_by("pk")
        .values_list(*QUOTE_COLUMNS, named=True)
    )
    words = revision_words(revisions)
    rows = [_article_row(a, analyses.get(a.current_revision_id), words) for a in articles]
    voiced = voice_chars(quotes, {an.pk: revisions[rev].pk for rev, an in analyses.items()})
    for row in rows:
        row["voice_chars"] = voiced.get(row["id"], {"quoted": 0, "attributed": 0})
    return {
        "version": PAYLOAD_VERSION,
        "model_version": model.pk if model else None,
        "articles": rows,
        "outlets": _outlets(articles),
        "origins": {str(a.origin_id): a.origin.name for a in articles if a.origin_id},
        "labels": _term_labels(event),
        "frames": [{"key": d.key, "name": d.name, "colour": d.colour} for d in POLICY_FRAMES],
        "terms": _term_rows(revisions, analyses),
        "quotes": _quote_rows(quotes, revisions, analyses),
        "actors": _actor_names(analyses),
        **_actor_kinds_and_merges(event, analyses),
    }


QUOTE_COLUMNS = ("analysis_id", "start", "end", "kind", "speaker", "speaker_actor", "verb")


def _article_row(
    article: Article, analysis: Analysis | None, words: dict[int, int]
) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": article.pk,
        "outlet": article.outlet_id,
        "title": article.title,
        "published": article.published_date.isoformat() if article.published_date else "",
        "url": article.url,
        "words": words.get(article.current_revision_id, 0),
        # Length() of a missing revision is NULL; an article without text has no characters.
        "chars": article.chars or 0,
        "republication_of": article.republication_of_id,
        "origin": article.origin_id,
        "revision": article.current_revision_id,
        "analysed": analysis is not None,
        "tone": round(analysis.tone, 4) if analysis else None,
        "actor_tone": analysis.actor_tone if analysis else {},
        "frames": {},
        "sentence_frames": {},
    }
    if analysis is not None:
        row["frames"] = {f["key"]: f["p"] for f in analysis.frames.get("policy", [])}
        row["sentence_frames"] = dict(Counter(dominant_frames(analysis)))
        row["sentences"] = len(unpack_sentences(analysis))
    return row


def dominant_frames(analysis: Analysis, codebook: str = "policy") -> list[str | None]:
    """Each sentence's strongest frame of ``codebook``, or None when no frame is clear."""
    matrix = unpack_frames(analysis).get(codebook)
    keys = analysis.frame_keys.get(codebook, [])
    if matrix is None or not len(matrix):
        return [None] * len(unpack_sentences(analysis))
    best = np.argmax(matrix, axis=1)
    top = matrix[np.arange(len(best)), best]
    return [keys[b] if p >= DOMINANT_FRAME_MIN else None for b, p in zip(best, top, strict=True)]


def _outlets(articles: list[Article]) -> dict[str, dict[str, str]]:
    return {
        str(a.outlet_id): {
            "name": a.outlet.name,
            "type": a.outlet.type,
            "type_display": a.outlet.get_type_display(),
            "country": a.outlet.country,
        }
        for a in articles
    }


def _term_labels(event: Event) -> list[dict[str, str]]:
    return term_labels(event.workspace_id)


def term_labels(workspace_id: int) -> list[dict[str, str]]:
    """The workspace's loaded-term labels (latest codebook version), in codebook order."""
    codebook = Codebook.objects.filter(workspace_id=workspace_id, key=LOADED_TERMS_CODEBOOK).first()
    version = codebook.versions.order_by("-number").first() if codebook else None
    if version is None:
        return []
    return [
        {"key": lab.key, "name": lab.name, "colour": lab.colour, "description": lab.description}
        for lab in version.labels.all()
    ]


def visible_annotations(revision_ids, analyses: dict[int, Analysis]):
    """Annotations pages show: the chosen model's suggestions that reach the event's
    operating point, accepted ones whatever their score, and analysts' own spans; never
    rejected ones."""
    return (
        Annotation.objects.filter(revision_id__in=revision_ids)
        .filter(shown_suggestions(analyses.values()) | Q(author_user__isnull=False))
        .exclude(status=AnnotationStatus.REJECTED)
        .select_related("label")
        .order_by("revision_id", "start", "end")
    )


def shown_suggestions(analyses: Iterable[Analysis]) -> Q:
    """Model suggestions of ``analyses`` at each one's event operating point (one query)."""
    ids = [a.pk for a in analyses]
    rows = Analysis.objects.filter(pk__in=ids).values_list(
        "pk", "model_version_id", "revision__article__event__operating_point"
    )
    by_floor: dict[float, list[int]] = {}
    for pk, floor in floors_by_analysis(rows).items():
        by_floor.setdefault(floor, []).append(pk)
    shown = Q(analysis_id__in=ids, status=AnnotationStatus.ACCEPTED)
    for floor, pks in by_floor.items():
        passes = Q(score__gte=floor) | Q(score__isnull=True) if floor > 0 else Q()
        shown |= Q(analysis_id__in=pks) & passes
    return shown


def with_surface(annotations):
    """``annotations`` each with ``surface``: its span of the revision text, cut in SQL so
    the full text never leaves the database (SQL strings count from 1; offsets from 0)."""
    return annotations.annotate(
        surface=Substr("revision__text", F("start") + 1, Greatest(F("end") - F("start"), 0))
    )


TERM_COLUMNS = (
    "revision_id",
    "label__key",
    "voice",
    "score",
    "speaker_actor",
    "speaker",
    "pk",
    "author_user_id",
    "source",
    "surface",
)


def _term_rows(revisions: dict[int, Article], analyses: dict[int, Analysis]) -> list[list]:
    """[article, category, voice, score, speaker, text, annotation id, source] per span.

    Read as tuples of the needed columns: an event of 200 articles has over ten thousand
    spans, and building a model instance for each was most of a rebuild's time.
    """
    rows = []
    visible = with_surface(visible_annotations(list(revisions), analyses))
    for rev, key, voice, score, actor, speaker, pk, user, source, surface in visible.values_list(
        *TERM_COLUMNS
    ):
        rows.append(
            [
                revisions[rev].pk,
                key,
                voice or "own",
                score if score is not None else 1.0,
                actor or speaker,
                surface,
                pk,
                "analyst" if user else (source or "model"),
            ]
        )
    return rows


def _quote_rows(quotes, revisions: dict[int, Article], analyses: dict[int, Analysis]) -> list[list]:
    """[article, speaker, speaker actor, kind, verb, quoted characters] per quote."""
    by_analysis = {an.pk: revisions[rev].pk for rev, an in analyses.items()}
    return [
        [by_analysis[q.analysis_id], q.speaker, q.speaker_actor, q.kind, q.verb, q.end - q.start]
        for q in quotes
    ]


QUOTED_KINDS = ("direct", "partial")


def voice_chars(quotes: Iterable, article_of: dict[int, int]) -> dict[int, dict[str, int]]:
    """Characters of each article inside quotes and inside reported speech.

    ``quotes`` are QuoteSpans or rows with the same attribute names (analysis_id, kind,
    start, end).

    Nested spans count once: a direct quote inside reported speech is quoted, not both.
    Scare quotes are the outlet distancing itself in its own voice, so they count as own.
    """
    spans: dict[int, dict[str, list[tuple[int, int]]]] = {}
    for q in quotes:
        kind = "quoted" if q.kind in QUOTED_KINDS else "attributed" if q.kind == "reported" else ""
        if kind and q.end > q.start:
            per = spans.setdefault(article_of[q.analysis_id], {"quoted": [], "attributed": []})
            per[kind].append((q.start, q.end))
    out = {}
    for article, per in spans.items():
        quoted = _union(per["quoted"])
        both = _union(per["quoted"] + per["attributed"])
        out[article] = {"quoted": _length(quoted), "attributed": _length(both) - _length(quoted)}
    return out


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _length(spans: list[tuple[int, int]]) -> int:
    return sum(e - s for s, e in spans)


def _actor_names(analyses: dict[int, Analysis]) -> dict[str, str]:
    """Each actor key's fullest name: "Dara Kostell", not the "Kostell" of a later mention."""
    rows = (
        ActorMention.objects.filter(analysis_id__in=[a.pk for a in analyses.values()])
        .values_list("actor", "name")
        .distinct()
    )
    names: dict[str, str] = {}
    for key, name in sorted(rows):
        if len(name) > len(names.get(key, "")):
            names[key] = name
    return names


def _actor_kinds_and_merges(event: Event, analyses: dict[int, Analysis]) -> dict[str, Any]:
    """Each actor's kind (charts leave places out) and the alias map of the event."""
    rows = (
        ActorMention.objects.filter(analysis_id__in=[a.pk for a in analyses.values()])
        .values_list("actor", "name", "kind")
        .order_by("actor", "name")
        .distinct()
    )
    names = fullest_names(rows)
    return {
        "actor_kinds": {k: kind for k, (_, kind) in names.items()},
        "actor_merge": event_actor_aliases(event, names),
    }


VOCABULARY_TOP = 15


def event_vocabulary(event: Event) -> list[dict[str, Any]]:
    """The last computed distinctive vocabulary of the event (see ``event_vocabulary_state``)."""
    return event_vocabulary_state(event)[0]


def event_vocabulary_state(event: Event) -> tuple[list[dict[str, Any]], bool]:
    """(last computed vocabulary, whether a newer one is on its way); never computed here.

    The vocabulary depends on texts, outlets and republication links only, so annotation
    decisions do not make it stale; when those moved a task recomputes it.
    """
    base = _fingerprints(event, event_model_version(event)).base
    row = EventSummary.objects.filter(event=event).values_list(
        "vocabulary", "vocabulary_fingerprint"
    )
    stored = row.first()
    if stored is not None and stored[1] == base:
        return stored[0] or [], False
    request_refresh(event, "vocabulary_requested_at", "refresh_vocabulary")
    stored = row.first()  # the immediate backend has run the task already
    return (stored[0] or []) if stored else [], not (stored and stored[1] == base)


def vocabulary_refresh(event: Event) -> list[dict[str, Any]]:
    """Compute and store each outlet's most distinctive terms against the other outlets.

    Republished copies are left out: a wire story carried twice must not make its own words
    look distinctive.
    """
    base = _fingerprints(event, event_model_version(event)).base
    result = build_vocabulary(event)
    EventSummary.objects.get_or_create(event=event, defaults={"fingerprint": "", "payload": {}})
    EventSummary.objects.filter(event=event).update(
        vocabulary=result, vocabulary_fingerprint=base, vocabulary_requested_at=None
    )
    return result


def build_vocabulary(event: Event) -> list[dict[str, Any]]:
    ids = set(event.articles.values_list("pk", flat=True))
    texts: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    rows = event.articles.filter(current_revision__isnull=False).values_list(
        "outlet_id", "outlet__name", "republication_of_id", "current_revision__text"
    )
    for outlet, name, original, text in rows.iterator(chunk_size=200):
        if original in ids:
            continue
        texts.setdefault(str(outlet), []).append(text)
        names[str(outlet)] = name
    result = []
    if len(texts) < 2:
        return result
    # One count of every text for all outlets (per outlet, a 2,000-article event took 34 s).
    by_outlet = distinctive_terms_by_group(texts, top=VOCABULARY_TOP)
    for outlet, docs in texts.items():
        top = by_outlet[outlet]
        result.append(
            {
                "outlet": int(outlet),
                "name": names[outlet],
                "terms": [
                    {
                        "term": t.term,
                        "z": round(t.z, 2),
                        "count": t.count_target,
                        "rest": t.count_rest,
                        "rate": round(t.rate_target_per_1000, 2),
                        "rate_rest": round(t.rate_rest_per_1000, 2),
                    }
                    for t in top
                ],
                "n": len(docs),
            }
        )
    return result
