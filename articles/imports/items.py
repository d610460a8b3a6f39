"""Preview items: parsed records (and rejections) stored per job until the analyst confirms."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from articles.ingestion import ParsedArticle, Rejection
from articles.models import ImportItem, ImportJob, ItemDecision, ItemKind, SourceFile
from articles.services import text_sha256

from .writer import ArticleRow, LabelIndex

_BATCH = 500
# A batch is one short write transaction; a few huge texts fill one as much as 500 small ones.
_BATCH_CHARS = 4_000_000
HEARTBEAT_SECONDS = 5  # well inside PARALLAX_IMPORT["STALL_SECONDS"]
_url_ok = URLValidator(schemes=["http", "https"])


def valid_url(value: str) -> bool:
    try:
        _url_ok(value)
    except ValidationError:
        return False
    return len(value) <= 2000


def outlet_from_url(url: str) -> str:
    host = (urlsplit(url).hostname or "") if url else ""
    return host.removeprefix("www.")


def row_from_record(
    record: ParsedArticle, *, default_outlet: str = "", source: SourceFile | None = None
) -> tuple[ArticleRow, list[str]]:
    """The article row for a parsed record, and warnings about what was dropped.

    An invalid URL is left empty; the outlet falls back to the URL's host, then the default.
    Previews and the command share this, so both import a record the same way.
    """
    warnings = []
    url = record.url or ""
    if url and not valid_url(url):
        warnings.append(f"URL '{url[:80]}' is not a valid http(s) address; left empty")
        url = ""
    row = ArticleRow(
        title=record.title,
        text=record.text,
        outlet=record.outlet or outlet_from_url(url) or default_outlet.strip(),
        origin=record.origin or "",
        published=record.published,
        url=url,
        byline=record.byline or "",
        language=record.language or "",
        source_format=record.source_format,
        source_file=source,
        source_location=record.location or "",
        spans=record.spans,
    )
    return row, warnings


class ItemBuilder:
    """Collects a job's items and writes them in batches (a large CSV is not held in memory)."""

    def __init__(self, job: ImportJob, *, default_outlet: str = "") -> None:
        self.job = job
        self.default_outlet = default_outlet.strip()
        self.labels = LabelIndex(job.workspace)
        last = job.items.order_by("-position").values_list("position", flat=True).first()
        self.position = (last + 1) if last is not None else 0
        self._pending: list[ImportItem] = []
        self._pending_chars = 0
        self._beat = time.monotonic()

    def add(self, record: ParsedArticle | Rejection, source: SourceFile | None) -> None:
        if isinstance(record, Rejection):
            self.reject(record.source, record.location, record.field, record.message, source)
        else:
            self._append(self._article_item(record, source))

    def reject(
        self, name: str, location: str, field: str | None, message: str, source=None
    ) -> None:
        self._append(
            ImportItem(
                job=self.job,
                source_file=source,
                source_name=name[:2000],
                location=(location or "file")[:200],
                kind=ItemKind.REJECTED,
                decision=ItemDecision.SKIP,
                field=(field or "")[:50],
                message=message,
            )
        )

    def _article_item(self, record: ParsedArticle, source: SourceFile | None) -> ImportItem:
        row, dropped = row_from_record(record, default_outlet=self.default_outlet, source=source)
        warnings = [*record.warnings, *dropped]
        unknown = self.labels.unknown(record.spans)
        if unknown:
            warnings.append(
                "span label(s) not in this workspace's codebooks, not imported: "
                + ", ".join(unknown)
            )
        return ImportItem(
            job=self.job,
            source_file=source,
            source_name=record.source_name[:2000],
            location=(record.location or "")[:200],
            source_format=row.source_format[:20],
            title=row.title[:500],
            outlet=row.outlet[:200],
            origin=row.origin[:200],
            published=row.published.isoformat() if row.published else "",
            url=row.url,
            byline=row.byline[:300],
            language=row.language[:16],
            text=row.text,
            content_hash=text_sha256(row.text),
            spans=[dict(s) for s in row.spans],
            warnings=warnings,
            extraction_ratio=record.extraction_ratio,
        )

    def _append(self, item: ImportItem) -> None:
        if time.monotonic() - self._beat > HEARTBEAT_SECONDS:  # a slow file between batches
            ImportJob.objects.filter(pk=self.job.pk).update(heartbeat_at=timezone.now())
            self._beat = time.monotonic()
        item.position = self.position
        self.position += 1
        self._pending.append(item)
        self._pending_chars += len(item.text)
        if len(self._pending) >= _BATCH or self._pending_chars >= _BATCH_CHARS:
            self.flush()

    def flush(self) -> None:
        """Write the pending items in one short transaction; it doubles as the heartbeat."""
        with transaction.atomic():
            ImportItem.objects.bulk_create(self._pending)
            ImportJob.objects.filter(pk=self.job.pk).update(heartbeat_at=timezone.now())
        self._pending = []
        self._pending_chars = 0

    def discard_from(self, position: int) -> None:
        """Drop every item from ``position`` on: a file that fails half-way imports nothing."""
        self._pending = [i for i in self._pending if i.position < position]
        self._pending_chars = sum(len(i.text) for i in self._pending)
        self.job.items.filter(position__gte=position).delete()
        self.position = position


def items_delete(*, items: QuerySet[ImportItem]) -> None:
    """Delete items a batch per short transaction (a large preview has tens of thousands)."""
    while ids := list(items.values_list("pk", flat=True)[:_BATCH]):
        ImportItem.objects.filter(pk__in=ids).delete()
