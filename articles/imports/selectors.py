"""Reads for the import pages."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, QuerySet

from articles.ingestion import ColumnMapping, preview
from articles.ingestion.decode import EncodingGuess, chosen_encoding, encoding_guesses
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


@dataclass
class EncodingPanel:
    source: SourceFile
    message: str  # why the file could not be read as it is
    guesses: list[EncodingGuess]


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
        with source.file.open("rb") as handle, chosen_encoding(source.encoding):
            result = preview(handle, saved, n=0, name=source.original_name, limits=import_limits())
        columns = result.mapping.columns if result.mapping else {}
        items = list(job.items.filter(source_file=source).defer("text").order_by("position")[:5])
        panels.append(MappingPanel(source, result.headers, dict(columns), result.error, items))
    return panels


def _guesses(source: SourceFile) -> list[EncodingGuess]:
    if _extension_format(source.original_name) == "zip":
        return []  # the bytes of an archive say nothing; each entry's message has its sample
    with source.file.open("rb") as handle:
        data = handle.read(import_limits().max_file_bytes)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        return encoding_guesses(data, err.start)
    return []  # valid UTF-8: another chosen encoding was what failed


def encoding_panels(*, job: ImportJob) -> list[EncodingPanel]:
    """One encoding choice per kept file that is not UTF-8: the likely encodings, each with
    how the text around the first bad byte reads in it, so the analyst can compare."""
    panels = []
    failed = job.items.filter(kind=ItemKind.REJECTED, field="encoding", source_file__isnull=False)
    seen = set()
    for item in failed.select_related("source_file").order_by("position"):
        source = item.source_file
        if source.pk in seen:
            continue  # one choice per file, however many of a zip's entries need it
        seen.add(source.pk)
        panels.append(EncodingPanel(source, item.message, _guesses(source)))
    return panels


def label_mapping_panel(*, job: ImportJob) -> dict | None:
    """Span labels of the job's rows that are not in the workspace's codebooks, with how many
    spans carry each and what they are mapped to now; None when every label is known."""
    from collections import Counter

    from .writer import LabelIndex

    index = LabelIndex(job.workspace)
    counts: Counter = Counter()
    for spans in job.items.exclude(kind=ItemKind.REJECTED).values_list("spans", flat=True):
        counts.update(s["label"] for s in spans or [] if s.get("label") in index.foreign(spans))
    if not counts:
        return None
    rows = [
        {"source": label, "spans": n, "target": index.mapped.get(label), "i": i}
        for i, (label, n) in enumerate(sorted(counts.items()))
    ]
    return {"rows": rows, "choices": index.keys()}
