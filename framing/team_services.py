"""Team coding: each annotator's layer of an event, agreement, and curation into a gold layer.

A layer is one analyst's own accepted tags on the event's current texts (model suggestions
and curated gold tags are not anyone's layer). The gold layer is the set of accepted tags
marked ``curated``, made by a curator choosing per disagreement (and taking agreed spans).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction

from accounts.models import AuditAction, User
from articles.models import Event, TextRevision
from framing.agreement import Disagreement, Doc, Scores, agreed_spans, agreement, disagreements
from framing.models import Annotation, AnnotationStatus
from framing.selectors import workspace_labels
from framing.services import _audit_annotation, annotation_create
from framing.signals import announce_annotations


def _layer_rows(event: Event):
    return Annotation.objects.filter(
        revision_id__in=event.articles.values("current_revision"),
        author_user__isnull=False,
        status=AnnotationStatus.ACCEPTED,
        curated=False,
    ).select_related("label", "author_user", "revision")


def event_layers(*, event: Event) -> tuple[list[Doc], dict[int, User], dict[int, TextRevision]]:
    """(documents with each coder's spans, coders by id, revisions by id)."""
    layers: dict[int, dict[int, list]] = defaultdict(lambda: defaultdict(list))
    coders, revisions = {}, {}
    for a in _layer_rows(event):
        layers[a.revision_id][a.author_user_id].append((a.start, a.end, a.label.key))
        coders[a.author_user_id] = a.author_user
        revisions[a.revision_id] = a.revision
    docs = [
        Doc(key=rid, text=revisions[rid].text, layers=dict(by_coder))
        for rid, by_coder in sorted(layers.items())
    ]
    return docs, coders, revisions


@dataclass(frozen=True, slots=True)
class TeamReport:
    docs: list[Doc]
    coders: dict
    revisions: dict
    scores: list[Scores]
    disagreements: list
    gold: int
    # (revision, coder, start, end, label) -> the annotation, so a disagreement links to it
    annotations: dict = field(default_factory=dict)

    def annotation_of(self, d: Disagreement) -> int | None:
        """The first coder-with-the-span's annotation behind a disagreement."""
        for coder in d.have:
            pk = self.annotations.get((d.doc, coder, d.start, d.end, d.label))
            if pk is not None:
                return pk
        return None


def event_agreement(*, event: Event) -> TeamReport:
    docs, coders, revisions = event_layers(event=event)
    used = sorted({s[2] for d in docs for spans in d.layers.values() for s in spans})
    gold = Annotation.objects.filter(
        revision_id__in=event.articles.values("current_revision"), curated=True
    ).count()
    return TeamReport(
        docs=docs,
        coders=coders,
        revisions=revisions,
        scores=agreement(docs, used),
        disagreements=disagreements(docs),
        gold=gold,
        annotations={
            (rev, coder, s, e, key): pk
            for pk, rev, coder, s, e, key in _layer_rows(event).values_list(
                "pk", "revision_id", "author_user_id", "start", "end", "label__key"
            )
        },
    )


@transaction.atomic
def curate_span(
    *, event: Event, user: User, revision_id: int, start: int, end: int, label_key: str,
    include: bool,
) -> Annotation | None:  # fmt: skip
    """Put one span in the event's gold layer (include) or make sure it is not there."""
    revision = TextRevision.objects.select_related("article__event").get(
        pk=revision_id, pk__in=event.articles.values("current_revision")
    )
    existing = Annotation.objects.filter(
        revision=revision, start=start, end=end, label__key=label_key, curated=True
    ).select_related("label")
    if not include:
        for a in existing:
            _audit_annotation(a, user, AuditAction.DELETED, "left out of the gold layer")
            a.delete()
            announce_annotations([revision.pk])
        return None
    if existing:
        return existing[0]
    label = workspace_labels(workspace_id=event.workspace_id).get(key=label_key)
    gold = annotation_create(
        revision=revision, start=start, end=end, label=label, author_user=user,
        note="Curated into the gold layer.",
    )  # fmt: skip
    Annotation.objects.filter(pk=gold.pk).update(curated=True, source="curated")
    announce_annotations([revision.pk])  # its summary row names the source
    gold.curated = True
    return gold


def curate_agreed(*, event: Event, user: User) -> int:
    """Add every span all coders of a text agree on to the gold layer; returns how many."""
    docs, _, _ = event_layers(event=event)
    added = 0
    for doc in docs:
        for start, end, label in agreed_spans(doc):
            curate_span(
                event=event, user=user, revision_id=doc.key, start=start, end=end,
                label_key=label, include=True,
            )  # fmt: skip
            added += 1
    return added
