"""Import step 1: read uploads or a URL into preview items, find duplicates, keep evidence."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

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
from articles.ingestion.decode import ENCODINGS, chosen_encoding
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
from .items import ItemBuilder, items_delete
from .mappings import mapping_save
from .sources import source_delete_unused, source_store_fetched, source_store_upload

log = logging.getLogger(__name__)
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
    Parsing and duplicate search run outside any transaction (SQLite has one writer: a long
    parse must not stop other users' saves); items are written in short batches while the
    job is READING, and a failure removes the job, its items and the stored files.
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
    job = _job_create(event=event, user=user, kind="upload", mapping=mapping)
    with _dropped_on_failure(job):
        builder = ItemBuilder(job, default_outlet=default_outlet)
        for upload in files:
            _preview_upload(job, upload, user, mapping, limits, builder)
        builder.flush()
        classify(job=job)
        _reading_done(job)
    return job


def _job_create(*, event: Event, user: User, kind: str, mapping=None) -> ImportJob:
    return ImportJob.objects.create(
        workspace=event.workspace,
        event=event,
        kind=kind,
        created_by=user,
        status=ImportStatus.READING,
        heartbeat_at=timezone.now(),
        mapping=mapping.to_dict() if mapping else None,
    )


@contextmanager
def _dropped_on_failure(job: ImportJob):
    """All or nothing without one long transaction: a failed read removes what it wrote.

    The job stays READING (hidden from confirm and restart) until ``_reading_done``; if this
    clean-up fails too (or the process is killed), the stale READING job is discarded from
    its page or by ``cleanup_orphan_uploads``.
    """
    try:
        yield
    except BaseException:
        try:
            sources = list(job.source_files.all())
            items_delete(items=job.items.all())
            job.delete()  # with the job's links to its sources
            source_delete_unused(sources=sources)
        except Exception:
            log.exception("could not remove the failed import preview %s", job.pk)
        raise


def _reading_done(job: ImportJob, **changes) -> None:
    """READING -> PREVIEW with the final count; fails if the job was discarded meanwhile."""
    job.total = job.items.filter(decision__in=TO_WRITE).count()
    done = ImportJob.objects.filter(pk=job.pk, status=ImportStatus.READING).update(
        status=ImportStatus.PREVIEW, total=job.total, heartbeat_at=timezone.now(), **changes
    )
    if not done:
        raise ValidationError("This import was discarded while its files were being read.")
    job.status = ImportStatus.PREVIEW


def _preview_upload(job, upload, user, mapping, limits: Limits, builder: ItemBuilder) -> None:
    name = os.path.basename(upload.name or "upload")
    if not upload.size:
        builder.reject(name, "file", None, "the file is empty (0 bytes)")
        return None
    if upload.size is not None and upload.size > limits.max_file_bytes:
        builder.reject(
            name,
            "file",
            None,
            f"file is {human_bytes(upload.size)}, larger than the limit of "
            f"{human_bytes(limits.max_file_bytes)}",
        )
        return
    source = source_store_upload(workspace=job.workspace, upload=upload, user=user, name=name)
    job.source_files.add(source)
    read_source(job=job, source=source, mapping=mapping, limits=limits, builder=builder)


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
        with _local(source) as local, chosen_encoding(source.encoding):
            for record in iter_records(local, name=name, mapping=mapping, limits=limits):
                articles += isinstance(record, ParsedArticle)
                builder.add(record, source)
    except IngestionError as err:
        builder.discard_from(start)
        articles = 0
        # A file in another encoding is kept, like a CSV to remap, to be read again once the
        # analyst has chosen how.
        remappable = remappable or err.field == "encoding"
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
    # A path lets the readers stream zips from disk; other storages (S3, in memory) hand over
    # a file object. Only local files have a path worth using: some storages name one that
    # does not exist on this host.
    if isinstance(source.file.storage, FileSystemStorage):
        yield source.file.path
        return
    with source.file.open("rb") as handle:
        yield handle


def import_url(*, event: Event, url: str, user: User, default_outlet: str = "") -> ImportJob:
    """Fetch one page (SSRF-guarded), keep it as evidence, and preview it like an upload."""
    url = url.strip()
    try:
        fetched = fetch_url(url, fetch_policy())
        record = read_fetched(fetched, limits=import_limits())
    except IngestionError as err:
        hint = ""
        if err.field == "encoding":  # no preview to choose in: the file upload has one
            hint = " Save the page and upload the file to choose its encoding."
        raise ValidationError(f"Could not import {url}: {err}{hint}") from err
    job = _job_create(event=event, user=user, kind="url")
    with _dropped_on_failure(job):
        source = source_store_fetched(
            workspace=event.workspace,
            body=fetched.body,
            url=url,
            final_url=fetched.final_url,
            content_type=fetched.content_type,
            fetched_at=fetched.fetched_at,
            user=user,
        )
        job.source_files.add(source)
        builder = ItemBuilder(job, default_outlet=default_outlet)
        builder.add(record, source)
        builder.flush()
        classify(job=job)
        _reading_done(job)
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

    A failure while reading keeps the items read with the previous mapping. The job is
    READING meanwhile (a confirm is refused); the new items are written after the old ones,
    which are removed once the new ones are complete.
    """
    if not job.source_files.filter(pk=source.pk).exists():
        raise ValidationError("That file is not part of this import.")
    _claim_for_reading(job)
    builder = ItemBuilder(job)
    start = builder.position
    old = job.items.filter(source_file=source, position__lt=start)
    try:
        read_source(
            job=job, source=source, mapping=mapping, limits=import_limits(), builder=builder
        )
        builder.flush()
        classify(job=job, exclude=old)
    except BaseException:
        _remap_undo(job, start)
        raise
    # The new items are complete and classified: from here the remap only goes forward. If
    # it fails now, the job stays READING and shows as stalled, to be discarded.
    items_delete(items=old)
    with transaction.atomic():
        if save_as.strip():
            mapping_save(workspace=job.workspace, name=save_as, mapping=mapping, user=user)
        _reading_done(job, mapping=mapping.to_dict())
    job.mapping = mapping.to_dict()
    return job


def import_reencode(*, job: ImportJob, source: SourceFile, encoding: str) -> ImportJob:
    """Read one file of a previewed job again, decoded with the encoding the analyst chose.

    Like ``import_remap``: the file is read outside any transaction while the job is READING,
    and a failure keeps the items (and the encoding) read before.
    """
    if encoding not in ENCODINGS:
        raise ValidationError(f"Unknown encoding {encoding!r}.")
    if not job.source_files.filter(pk=source.pk).exists():
        raise ValidationError("That file is not part of this import.")
    mapping = ColumnMapping.from_dict(job.mapping) if job.mapping else None
    _claim_for_reading(job)
    previous = source.encoding
    builder = ItemBuilder(job)
    start = builder.position
    old = job.items.filter(source_file=source, position__lt=start)
    try:
        source.encoding = encoding
        source.full_clean()
        source.save(update_fields=["encoding"])
        read_source(
            job=job, source=source, mapping=mapping, limits=import_limits(), builder=builder
        )
        builder.flush()
        classify(job=job, exclude=old)
    except BaseException:
        SourceFile.objects.filter(pk=source.pk).update(encoding=previous)
        _remap_undo(job, start)
        raise
    items_delete(items=old)
    _reading_done(job)
    return job


def _claim_for_reading(job: ImportJob) -> None:
    # a conditional UPDATE, not the status read earlier: of a confirm and a re-read of the
    # same preview only one can still match
    if not ImportJob.objects.filter(pk=job.pk, status=ImportStatus.PREVIEW).update(
        status=ImportStatus.READING, heartbeat_at=timezone.now()
    ):
        if ImportJob.objects.filter(pk=job.pk, status=ImportStatus.READING).exists():
            raise ValidationError("A file of this import is being read again; wait a moment.")
        raise ValidationError("This import was already confirmed or discarded.")


def _remap_undo(job: ImportJob, start: int) -> None:
    try:
        job.items.filter(position__gte=start).delete()
        classify(job=job)  # the other items may point at the removed ones
    except Exception:
        log.exception("could not restore the classification of import %s", job.pk)
    ImportJob.objects.filter(pk=job.pk, status=ImportStatus.READING).update(
        status=ImportStatus.PREVIEW, heartbeat_at=timezone.now()
    )


def classify(*, job: ImportJob, exclude: QuerySet[ImportItem] | None = None) -> None:
    """Mark exact duplicates (content hash) and near-duplicates (MinHash) against the event's
    articles and earlier items of the batch; duplicates default to skip, the analyst decides.

    The search runs outside any transaction; the results are written in short batches, each
    only while the job is still READING (a discard meanwhile stops it). ``exclude``: items
    about to be replaced, neither classified nor matched against.
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
    if exclude is not None:
        rows = rows.exclude(pk__in=exclude.values("pk"))
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
    _write_classes(job, updates)


def _write_classes(job: ImportJob, updates: list[ImportItem]) -> None:
    # Items with the same outcome (most are simply new) share one UPDATE: Django's bulk_update
    # builds a CASE over every pk, which on SQLite costs seconds for a few thousand rows.
    groups: dict[tuple, list[int]] = {}
    for u in updates:
        key = (u.kind, u.decision, u.duplicate_of_article_id, u.duplicate_of_item_id, u.similarity)
        groups.setdefault(key, []).append(u.pk)
    batches = [
        (key, pks[start : start + _WRITE_BATCH])
        for key, pks in groups.items()
        for start in range(0, len(pks), _WRITE_BATCH)
    ]
    for n in range(0, len(batches), _WRITE_BATCH):
        with transaction.atomic():
            _still_reading(job)
            for key, pks in batches[n : n + _WRITE_BATCH]:
                ImportItem.objects.filter(pk__in=pks).update(
                    **dict(zip(_CLASS_FIELDS, key, strict=True))
                )


def _still_reading(job: ImportJob) -> None:
    reading = ImportJob.objects.filter(pk=job.pk, status=ImportStatus.READING)
    if not reading.update(heartbeat_at=timezone.now()):
        raise ValidationError("This import was discarded while its files were being read.")


_CLASS_FIELDS = (
    "kind",
    "decision",
    "duplicate_of_article_id",
    "duplicate_of_item_id",
    "similarity",
)
_WRITE_BATCH = 500
TO_WRITE = (ItemDecision.CREATE, ItemDecision.REPUBLICATION)
# Near-duplicate signatures use the opening of each text: republished wire copy shares its
# opening, and hashing a whole 5 MB dossier's shingles would take seconds.
NEAR_DUP_CHARS = 50_000


def _near(update: ImportItem, matches) -> None:
    if not matches:
        return
    (kind, pk), similarity = matches[0]
    update.kind, update.similarity = ItemKind.NEAR_DUPLICATE, round(similarity, 3)
    if kind == "a":
        update.duplicate_of_article_id = pk
    else:
        update.duplicate_of_item_id = pk
