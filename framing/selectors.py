from __future__ import annotations

from django.db.models import OuterRef, Q, QuerySet, Subquery

from framing.models import Annotation, AnnotationStatus, CodebookVersion, Label


def workspace_labels(*, workspace_id: int) -> QuerySet[Label]:
    """Labels of the current version of each of the workspace's codebooks."""
    latest = (
        CodebookVersion.objects.filter(codebook=OuterRef("codebook"))
        .order_by("-number")
        .values("pk")[:1]
    )
    current = CodebookVersion.objects.filter(
        codebook__workspace_id=workspace_id, pk=Subquery(latest)
    )
    return Label.objects.filter(codebook_version__in=current).select_related(
        "codebook_version__codebook"
    )


def visible_annotations(*, revision, event) -> list[Annotation]:
    """What the article page shows: analysts' spans, the suggestions of the model the event
    shows (not every model's) at its operating point, and suggestions an analyst accepted
    under an earlier model (a decision is the analyst's, it does not go with the model)."""
    from framing.operating_points import score_floor

    rows = revision.annotations.select_related("label", "author_user", "author_model")
    shown = Q(author_model__isnull=True) | Q(status=AnnotationStatus.ACCEPTED)
    if event.analysis_model_id:
        shown |= Q(author_model_id=event.analysis_model_id)
        floor = score_floor(event.analysis_model.metrics, event.operating_point)
    else:
        shown |= Q(author_model__isnull=False)
        floor = 0.0
    # Suggestions below the event's operating point stay stored but are not shown.
    hidden = Q(status=AnnotationStatus.SUGGESTED, author_model__isnull=False, score__lt=floor)
    result, seen = [], set()
    # The shown model's rows first, so an accepted span both models found appears once.
    ordered = sorted(rows.filter(shown).exclude(hidden), key=lambda a: _shown_first(a, event))
    for a in ordered:
        key = (a.start, a.end, a.label.key, a.author_user_id)
        if a.author_model_id is not None and key in seen:
            continue
        seen.add(key)
        result.append(a)
    return sorted(result, key=lambda a: (a.start, a.end, a.pk))


def _shown_first(a: Annotation, event) -> int:
    return 0 if a.author_model_id in (None, event.analysis_model_id) else 1


def article_memos(*, article, revision) -> list:
    """Memos on the article and on the spans of the revision shown."""
    from framing.models import Memo

    rows = Memo.objects.filter(Q(article=article) | Q(annotation__revision=revision))
    return list(rows.select_related("author", "annotation__label"))


def event_memos(*, event) -> list:
    from framing.models import Memo

    return list(Memo.objects.filter(event=event).select_related("author"))
