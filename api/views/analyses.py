"""Stored analyses: what the article page and the comparison pages show, as JSON.

Loaded terms are read through the same selectors as the pages, so the event's model and
operating point decide what is listed here exactly as they decide what is highlighted.
"""

from __future__ import annotations

from django.db.models import F
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from api.scoping import _get_article_for_user, _get_event_for_user
from api.serializers import AnalysisSerializer, TermSerializer
from api.views.base import ScopedList, takes
from articles.models import Article, TextRevision
from framing.analysis_services import unpack_sentences, unpack_tone
from framing.models import Analysis, AnnotationStatus
from framing.selectors import article_relays, visible_annotations
from reports.evidence import filter_articles, span_annotations, with_context
from reports.summary import dominant_frames, event_model_version


@extend_schema(responses=AnalysisSerializer)
@api_view(["GET"])
@takes("revision")
def article_analysis(request: Request, pk: int, params: dict) -> Response:
    """The analysis of the article's current text (or of ``revision``) by the model the
    event shows: tone, frames, sentences, loaded terms, quotes with relay chains, actors."""
    article = _get_article_for_user(request, pk)
    revision = article.current_revision
    if "revision" in params:
        revision = get_object_or_404(TextRevision, pk=params["revision"], article=article)
    model = event_model_version(article.event)
    analysis = get_object_or_404(
        Analysis.objects.prefetch_related("quotes", "actors"),
        revision=revision,
        model_version=model,
    )
    return Response(_analysis_json(article, revision, analysis))


def _analysis_json(article: Article, revision: TextRevision, analysis: Analysis) -> dict:
    text, event = revision.text, article.event
    spans = unpack_sentences(analysis)
    tones, frames = unpack_tone(analysis), dominant_frames(analysis)
    sentences = [
        {"start": int(s), "end": int(e), "tone": round(float(t), 4), "frame": f}
        for (s, e), t, f in zip(spans, tones, frames, strict=True)
    ]
    terms = [
        _term(a, text)
        for a in visible_annotations(revision=revision, event=event)
        if a.label.kind == "loaded_term" and a.status != AnnotationStatus.REJECTED
    ]
    relays = article_relays(revision_ids=[revision.pk], model_version_id=analysis.model_version_id)
    relay = relays.get(revision.pk)
    return {
        "article": article.pk,
        "revision": revision.pk,
        "model_version": analysis.model_version_id,
        "operating_point": event.operating_point,
        "engine_version": analysis.engine_version,
        "language": analysis.language,
        "tone": analysis.tone,
        "frames": analysis.frames,
        "actor_tone": analysis.actor_tone,
        "sentences": sentences,
        "loaded_terms": terms,
        "quotes": [_quote(q) for q in analysis.quotes.all()],
        "actors": [
            {"start": m.start, "end": m.end, "actor": m.actor, "name": m.name, "kind": m.kind}
            for m in analysis.actors.all()
        ],
        "relays": (
            {"path": list(relay.path), "origin": relay.origin, "summary": relay.summary}
            if relay
            else None
        ),
    }


def _term(a, text: str) -> dict:
    return {
        "id": a.pk, "start": a.start, "end": a.end, "text": text[a.start : a.end],
        "label": a.label.key, "voice": a.voice or "own", "speaker": a.speaker or a.speaker_actor,
        "score": a.score, "status": a.status,
        "source": "analyst" if a.author_user_id else (a.source or "model"), "version": a.version,
    }  # fmt: skip


def _quote(q) -> dict:
    return {
        "start": q.start, "end": q.end, "kind": q.kind, "speaker": q.speaker,
        "speaker_actor": q.speaker_actor, "verb": q.verb, "chain": list(q.chain or []),
    }  # fmt: skip


class TermList(ScopedList):
    """Loaded terms and other tags across an event's articles, as the span explorer lists
    them: the event's model at its operating point, analysts' tags, accepted suggestions."""

    serializer_class = TermSerializer
    filters = ("event", "outlet", "outlet_type", "since", "until", "label", "voice", "min_score")

    def get_queryset(self):
        if "event" not in self.params:
            raise ValidationError({"event": ["Name the event: ?event=ID."]})
        event = _get_event_for_user(self.request, self.params["event"])
        strings = {k: str(v) for k, v in self.params.items()}
        articles = filter_articles(event.articles.all(), strings, with_text=False)
        tags = with_context(span_annotations(articles, strings))
        if "min_score" in self.params:  # analysts' tags have no score and stay
            tags = tags.exclude(score__lt=self.params["min_score"])
        return tags.values(*_TERM_COLUMNS, article=F("revision__article_id"))

    def list(self, request: Request, *args, **kwargs) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        rows = [_term_row(r) for r in page]
        return self.get_paginated_response(TermSerializer(rows, many=True).data)


_TERM_COLUMNS = (
    "pk", "revision_id", "label__key", "kwic_left", "kwic_term", "kwic_right", "start", "end",
    "voice", "speaker", "speaker_actor", "score", "status", "source", "author_user_id",
)  # fmt: skip


def _term_row(r: dict) -> dict:
    return {
        **r,
        "voice": r["voice"] or "own",
        "speaker": r["speaker"] or r["speaker_actor"],
        "source": "analyst" if r["author_user_id"] else (r["source"] or "model"),
    }
