from __future__ import annotations

from django.db.models import OuterRef, QuerySet, Subquery

from framing.models import CodebookVersion, Label


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
