"""Import step 1: read uploads or a URL into preview items, find duplicates, keep evidence."""

from __future__ import annotations

import os
from collections.abc import Iterable
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from accounts.models import User
from articles.ingestion import (
    ColumnMapping,
    IngestionError,
    Limits,
    NearDuplicateIndex,
    ParsedArticle,
    fetch_url,
    iter_records,
    read_fetched,
)
from articles.ingestion.dispatch import EXTENSIONS
from articles.ingestion.streams import human_bytes
from articles.models import (
    Article,
    Event,
    ImportItem,
    ImportJob,
    ImportStatus,
    ItemDecision,
    ItemKind,
    SourceFile,
)

from .config import fetch_policy, import_limits
from .items import ItemBuilder
from .mappings import mapping_save
from .sources import source_delete_unused, source_store_fetched, source_store_upload

REMAPPABLE = ("csv", "tsv")  # a rejected CSV/TSV is kept so another column mapping can be tried


def import_preview(
    *,
    event: Event,
    files: Iterable[UploadedFile],
    user: User,
    mapping: ColumnMapping | None = None,
    default_outlet: str = "",
) -> ImportJob:
    """Store the uploads as evidence, parse them into preview items, flag duplicates.

    Nothing becomes an article here; ``import_commit`` does that once the analyst confirms.
    """
    files = list(files)
    limits = import_limits()
    if not files:
        raise ValidationError("Choose at least one file to import.")
    if len(files) > limits.max_files_per_request:
        raise ValidationError(
            f"{len(files)} files uploaded at once; the limit is {limits.max_files_per_request}. "
            "Put them in a .zip or upload them in several parts."
        )
    with _files_removed_on_failure() as stored, transaction.atomic():
        job = ImportJob.objects.create(
            workspace=event.workspace,
            event=event,
            kind="upload",
            created_by=user,
            mapping=mapping.to_dict() if mapping else None,
        )
        builder = ItemBuilder(job, default_outlet=default_outlet)
        for upload in files:
            source = _preview_upload(job, upload, user, mapping, limits, builder)
            if source is not None:
                stored.append(source)
        builder.flush()
        classify(job=job)
    return job


@contextmanager
def _files_removed_on_failure():
    """A rolled-back transaction forgets the SourceFile rows, not the bytes on disk."""
    stored: list[SourceFile] = []
    try:
        yield stored
    except BaseException:
        for source in stored:
            source.file.delete(save=False)
        raise


def _preview_upload(
    job, upload, user, mapping, limits: Limits, builder: ItemBuilder
) -> SourceFile | None:
    name = os.path.basename(upload.name or "upload")
    if upload.size is not None and upload.size > limits.max_file_bytes:
        builder.reject(
            name,
            "file",
            None,
            f"file is {human_bytes(upload.size)}, larger than the limit of "
            f"{human_bytes(limits.max_file_bytes)}",
        )
        return None
    source = source_store_upload(workspace=job.workspace, upload=upload, user=user, name=name)
    job.source_files.add(source)
    read_source(job=job, source=source, mapping=mapping, limits=limits, builder=builder)
    return source


def read_source(
    *,
    job: ImportJob,
    source: SourceFile,
    mapping: ColumnMapping | None,
    limits: Limits,
    builder: ItemBuilder,
) -> None:
    """Items for one stored file; a file that fails part-way contributes only its rejection."""
    start = builder.position
    name = source.original_name
    articles = 0
    remappable = _extension_format(name) in REMAPPABLE
    if _extension_format(name) in ("jsonl", "json"):
        mapping = None  # our interchange keys; a CSV mapping chosen for the batch does not apply
    try:
        with _local(source) as local:
            for record in iter_records(local, name=name, mapping=mapping, limits=limits):
                articles += isinstance(record, ParsedArticle)
                builder.add(record, source)
    except IngestionError as err:
        builder.discard_from(start)
        articles = 0
        builder.reject(
            err.source or name,
            str(err.row or "file"),
            err.field,
            err.message,
            source if remappable else None,
        )
    if not articles and not remappable:
        builder.flush()
        job.items.filter(source_file=source).update(source_file=None)
        job.source_files.remove(source)
        source_delete_unused(sources=[source])


def _extension_format(name: str) -> str | None:
    return EXTENSIONS.get(os.path.splitext(name.lower())[1])


@contextmanager
def _local(source: SourceFile):
    # A path lets the readers stream zips from disk; other storages hand over a file object.
    try:
        path = source.file.path
    except NotImplementedError:
        with source.file.open("rb") as handle:
            yield handle
        return
    yield path


def import_url(*, event: Event, url: str, user: User, default_outlet: str = "") -> ImportJob:
    """Fetch one page (SSRF-guarded), keep it as evidence, and preview it like an upload."""
    url = url.strip()
    try:
        fetched = fetch_url(url, fetch_policy())
        record = read_fetched(fetched, limits=import_limits())
    except IngestionError as err:
        raise ValidationError(f"Could not import {url}: {err}") from err
    with _files_removed_on_failure() as stored, transaction.atomic():
        job = ImportJob.objects.create(
            workspace=event.workspace, event=event, kind="url", created_by=user
        )
        source = source_store_fetched(
            workspace=event.workspace,
            body=fetched.body,
            url=url,
            final_url=fetched.final_url,
            content_type=fetched.content_type,
            fetched_at=fetched.fetched_at,
            user=user,
        )
        stored.append(source)
        job.source_files.add(source)
        builder = ItemBuilder(job, default_outlet=default_outlet)
        builder.add(record, source)
        builder.flush()
        classify(job=job)
    return job


def import_remap(
    *,
    job: ImportJob,
    source: SourceFile,
    mapping: ColumnMapping,
    user: User,
    save_as: str = "",
) -> ImportJob:
    """Read one CSV/TSV of a previewed job again with another column mapping.

    All or nothing: a failure keeps the items read with the previous mapping.
    """
    if not job.source_files.filter(pk=source.pk).exists():
        raise ValidationError("That file is not part of this import.")
    with transaction.atomic():
        # a conditional UPDATE, not the status read earlier: a confirm of the same preview
        # either committed before (nothing matches) or waits for this transaction
        if not ImportJob.objects.filter(pk=job.pk, status=ImportStatus.PREVIEW).update(
            mapping=mapping.to_dict()
        ):
            raise ValidationError("This import was already confirmed or discarded.")
        job.mapping = mapping.to_dict()
        if save_as.strip():
            mapping_save(workspace=job.workspace, name=save_as, mapping=mapping, user=user)
        job.items.filter(source_file=source).delete()
        builder = ItemBuilder(job)
        limits = import_limits()
        read_source(job=job, source=source, mapping=mapping, limits=limits, builder=builder)
        builder.flush()
        classify(job=job)
    return job


def classify(*, job: ImportJob) -> None:
    """Mark exact duplicates (content hash) and near-duplicates (MinHash) against the event's
    articles and earlier items of the batch; duplicates default to skip, the analyst decides.
    """
    existing = dict(
        Article.objects.filter(event=job.event).values_list("content_hash", "pk").order_by("-pk")
    )
    index = NearDuplicateIndex()
    # oldest first: the first copy of a story indexed is the one its later copies point at
    texts = (
        Article.objects.filter(event=job.event)
        .order_by("pk")
        .values_list("pk", "current_revision__text")
    )
    for pk, text in texts.iterator():
        if text:
            index.add(("a", pk), text[:NEAR_DUP_CHARS])
    first_by_hash: dict[str, int] = {}
    updates = []
    rows = job.items.exclude(kind=ItemKind.REJECTED).order_by("position")
    for pk, digest, text in rows.values_list("pk", "content_hash", "text").iterator():
        update = ImportItem(pk=pk, kind=ItemKind.NEW, decision=ItemDecision.CREATE)
        if digest in existing:
            update.kind, update.duplicate_of_article_id = ItemKind.DUPLICATE, existing[digest]
        elif digest in first_by_hash:
            update.kind, update.duplicate_of_item_id = ItemKind.DUPLICATE, first_by_hash[digest]
        else:
            first_by_hash[digest] = pk
            _near(update, index.match_and_add(("i", pk), text[:NEAR_DUP_CHARS]))
        if update.kind != ItemKind.NEW:
            update.decision = ItemDecision.SKIP
        updates.append(update)
    _save_outcomes(updates)
    job.total = job.items.filter(decision__in=TO_WRITE).count()
    job.save(update_fields=["total"])


TO_WRITE = (ItemDecision.CREATE, ItemDecision.REPUBLICATION)
# Near-duplicate signatures use the opening of each text: republished wire copy shares its
# opening, and hashing a whole 5 MB dossier's shingles would take seconds.
NEAR_DUP_CHARS = 50_000


def _save_outcomes(updates: list[ImportItem]) -> None:
    """One UPDATE per distinct outcome and 500 rows: most rows share theirs (new, or a copy of
    one story), and bulk_update's per-row CASE expressions took three quarters of the time."""
    groups: dict[tuple, list[int]] = {}
    for u in updates:
        outcome = (
            u.kind,
            u.decision,
            u.duplicate_of_article_id,
            u.duplicate_of_item_id,
            u.similarity,
        )
        groups.setdefault(outcome, []).append(u.pk)
    for (kind, decision, article, item, similarity), pks in groups.items():
        for start in range(0, len(pks), 500):
            ImportItem.objects.filter(pk__in=pks[start : start + 500]).update(
                kind=kind,
                decision=decision,
                duplicate_of_article_id=article,
                duplicate_of_item_id=item,
                similarity=similarity,
            )


def _near(update: ImportItem, matches) -> None:
    if not matches:
        return
    (kind, pk), similarity = matches[0]
    update.kind, update.similarity = ItemKind.NEAR_DUPLICATE, round(similarity, 3)
    if kind == "a":
        update.duplicate_of_article_id = pk
    else:
        update.duplicate_of_item_id = pk
