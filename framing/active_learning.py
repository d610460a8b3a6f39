"""What to annotate next: the event's sentences where the model is least sure, or where the
analysts' layers disagree (uncertainty sampling over stored analyses; nothing is re-run)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from articles.models import Event, TextRevision
from framing.agreement import disagreements
from framing.analysis_services import builtin_model_version, unpack_sentences
from framing.models import Analysis, Annotation, AnnotationStatus
from framing.operating_points import score_floor
from framing.team_services import event_layers

DISAGREEMENT = 2.0  # ranks above any model uncertainty (which is at most 1)


@dataclass(slots=True)
class QueueItem:
    revision: TextRevision
    start: int
    end: int
    priority: float
    reasons: list[str] = field(default_factory=list)
    annotation_id: int | None = None  # a suggestion in the sentence, to jump to

    @property
    def text(self) -> str:
        return self.revision.text[self.start : self.end]

    @property
    def anchor(self) -> str:
        where = f"a{self.annotation_id}" if self.annotation_id else "article-text"
        return f"{self.revision.article.get_absolute_url()}#{where}"


def uncertainty(score: float, threshold: float) -> float:
    """1 at the operating threshold, falling towards 0 as the score moves away from it in
    log-odds (a 0.49 against 0.5 is a coin toss; 0.02 is a confident no)."""
    clip = lambda p: min(max(p, 1e-4), 1 - 1e-4)  # noqa: E731
    gap = abs(
        math.log(clip(score) / (1 - clip(score)))
        - math.log(clip(threshold) / (1 - clip(threshold)))
    )
    return 1.0 / (1.0 + gap)


def event_annotation_queue(*, event: Event, limit: int = 40) -> list[QueueItem]:
    """The event's sentences to annotate next, most useful first."""
    model = event.analysis_model or builtin_model_version()
    threshold = score_floor(model.metrics, "balanced") or 0.5
    revisions = {
        r.pk: r
        for r in TextRevision.objects.filter(
            pk__in=event.articles.values("current_revision")
        ).select_related("article")
    }
    analyses = Analysis.objects.filter(revision_id__in=revisions, model_version=model)
    bounds = {a.revision_id: unpack_sentences(a).tolist() for a in analyses}
    items: dict[tuple[int, int], QueueItem] = {}

    def add(revision_id: int, start: int, priority: float, reason: str, pk=None) -> None:
        sentence = _sentence_of(bounds.get(revision_id, []), start, revisions[revision_id])
        key = (revision_id, sentence[0])
        item = items.setdefault(key, QueueItem(revisions[revision_id], *sentence, 0.0))
        item.priority = max(item.priority, priority)
        item.reasons.append(reason)
        item.annotation_id = item.annotation_id or pk

    suggested = Annotation.objects.filter(
        revision_id__in=revisions,
        analysis__model_version=model,
        status=AnnotationStatus.SUGGESTED,
        score__isnull=False,
    ).select_related("label")
    for a in suggested:
        text = revisions[a.revision_id].text[a.start : a.end]
        add(
            a.revision_id,
            a.start,
            uncertainty(a.score, threshold),
            f"model unsure: “{text}” ({a.label.name}, p={a.score:.2f})",
            a.pk,
        )
    docs, _, _ = event_layers(event=event)
    for d in disagreements(docs):
        if d.doc in revisions:
            text = revisions[d.doc].text[d.start : d.end]
            add(d.doc, d.start, DISAGREEMENT, f"coders disagree: “{text}” ({d.label})")
    ranked = sorted(items.values(), key=lambda i: (-i.priority, i.revision.pk, i.start))
    return ranked[:limit]


def _sentence_of(bounds: list, offset: int, revision: TextRevision) -> tuple[int, int]:
    for start, end in bounds:
        if start <= offset < end:
            return start, end
    # No stored analysis for this text yet: the line around the offset.
    text = revision.text
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end
