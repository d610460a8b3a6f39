"""Building the summary's rows: articles, visible term rows, quotes, actors."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

import numpy as np
from django.db.models import F, Q
from django.db.models.functions import Greatest, Length, Substr

from articles.models import Article, Event
from framing.analysis_services import LOADED_TERMS_CODEBOOK, unpack_frames, unpack_sentences
from framing.engine.actors import fuller_name
from framing.engine.codebooks import POLICY_FRAMES
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
from framing.selectors import quote_relay, speaks_as_outlet
from reports.actors import event_actor_aliases, fullest_names
from reports.summary.fingerprints import PAYLOAD_VERSION
from reports.words import revision_words

# A sentence's strongest policy frame counts as its dominant frame only above this
# probability; below it the sentence is shown as having no clear frame.
DOMINANT_FRAME_MIN = 0.3


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
    # "The Ministry notes …" in the ministry's own release is the outlet's voice, no source
    outlet_of = {an.pk: revisions[rev].outlet.name for rev, an in analyses.items()}
    quotes = [q for q in quotes if not speaks_as_outlet(q.speaker, outlet_of[q.analysis_id])]
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
        "terms": term_rows(revisions, analyses),
        "quotes": _quote_rows(quotes, revisions, analyses),
        "actors": _actor_names(analyses),
        **_actor_kinds_and_merges(event, analyses),
    }


QUOTE_COLUMNS = (
    "analysis_id",
    "start",
    "end",
    "kind",
    "speaker",
    "speaker_actor",
    "verb",
    "chain",
)


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


def term_rows(revisions: dict[int, Article], analyses: dict[int, Analysis]) -> list[list]:
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
    """[article, speaker, speaker actor, kind, verb, quoted characters, relay] per quote; the
    relay says whom the words came through ("relays OTA via VCNA"), "" when heard directly
    or only through the article's own outlet."""
    article_of = {an.pk: revisions[rev] for rev, an in analyses.items()}
    rows = []
    for q in quotes:
        article = article_of[q.analysis_id]
        relay = quote_relay(q.chain, article.outlet.name) if q.chain and len(q.chain) > 1 else ""
        rows.append(
            [article.pk, q.speaker, q.speaker_actor, q.kind, q.verb, q.end - q.start, relay]
        )
    return rows


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
        names[key] = fuller_name(names.get(key, ""), name)
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
