"""Reads for the import pages."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, QuerySet

from articles.ingestion import ColumnMapping, preview
from articles.models import ImportItem, ImportJob, ItemKind, SourceFile

from .config import conf, import_limits
from .preview import REMAPPABLE, _extension_format


@dataclass
class MappingPanel:
    source: SourceFile
    headers: list[str]
    columns: dict[str, str]
    error: str | None
    items: list[ImportItem] = field(default_factory=list)


def job_counts(*, job: ImportJob) -> dict[str, int]:
    by_kind = dict(job.items.values_list("kind").annotate(n=Count("pk")).order_by())
    return {
        "to_import": job.total,
        "new": by_kind.get(ItemKind.NEW, 0),
        "duplicate": by_kind.get(ItemKind.DUPLICATE, 0),
        "near": by_kind.get(ItemKind.NEAR_DUPLICATE, 0),
        "rejected": by_kind.get(ItemKind.REJECTED, 0),
    }


def preview_items(*, job: ImportJob) -> QuerySet[ImportItem]:
    """The editable rows: duplicates first (they need a decision), then the rest, capped."""
    rows = (
        job.items.exclude(kind=ItemKind.REJECTED)
        .select_related("duplicate_of_article__outlet", "duplicate_of_item")
        .defer("text")
        .order_by("position")
    )
    return rows[: conf("PREVIEW_ROWS")]


def rejections(*, job: ImportJob) -> QuerySet[ImportItem]:
    return job.items.filter(kind=ItemKind.REJECTED).order_by("position")[:500]


def mapping_panels(*, job: ImportJob) -> list[MappingPanel]:
    """One column-mapping step per CSV/TSV of the job: its headers, mapping and first rows."""
    panels = []
    saved = ColumnMapping.from_dict(job.mapping) if job.mapping else None
    for source in job.source_files.all():
        if _extension_format(source.original_name) not in REMAPPABLE:
            continue
        with source.file.open("rb") as handle:
            result = preview(handle, saved, n=0, name=source.original_name, limits=import_limits())
        columns = result.mapping.columns if result.mapping else {}
        items = list(job.items.filter(source_file=source).defer("text").order_by("position")[:5])
        panels.append(MappingPanel(source, result.headers, dict(columns), result.error, items))
    return panels
