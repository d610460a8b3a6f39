"""Chunked, staged article writes shared by confirmed imports and the import command.

Each chunk is one short transaction (SQLite has a single writer: readers and annotators wait
at most one chunk). Articles are written with ``staged=True``, invisible to every page, and
``publish`` makes the whole import visible in one UPDATE.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from accounts.audit import audit_record
from accounts.models import AuditAction, AuditObject, User
from articles.ingestion import Span
from articles.ingestion.normalize import CONTROL_CHARS
from articles.models import Article, Event, ImportJob, Outlet, SourceFile, TextRevision
from articles.services import Published, outlet_get_or_create, text_sha256

# Django's full_clean checks each foreign key with a query; these are set by us, not typed in.
_ARTICLE_FKS = [
    "event",
    "outlet",
    "origin",
    "republication_of",
    "current_revision",
    "import_job",
    "source_file",
    "added_by",
]


@dataclass(slots=True)
class ArticleRow:
    """One article ready to write: text already normalised by the readers."""

    title: str
    text: str
    outlet: str
    origin: str = ""
    published: dt.date | dt.datetime | None = None
    url: str = ""
    byline: str = ""
    language: str = ""
    source_format: str = ""
    source_file: SourceFile | None = None
    source_location: str = ""
    republication_of_id: int | None = None
    republication_of_row: int | None = None  # an earlier row of the same chunk
    spans: Sequence[Span] = field(default_factory=list)


class OutletCache:
    """Outlets by case-insensitive name, created on first use, one query per new name."""

    def __init__(self, workspace) -> None:
        self.workspace = workspace
        self._by_name: dict[str, Outlet] = {}

    def get(self, name: str) -> Outlet:
        key = " ".join(name.split()).lower()
        if key not in self._by_name:
            outlet_name = " ".join(name.split())[:200]
            self._by_name[key] = outlet_get_or_create(workspace=self.workspace, name=outlet_name)
        return self._by_name[key]


class LabelIndex:
    """The workspace's current codebook labels by key, for importing spans as annotations,
    with the workspace's saved label mappings applied (a foreign label → one of ours, or
    dropped on purpose)."""

    def __init__(self, workspace) -> None:
        from framing.models import Codebook

        self._labels = {}
        for codebook in Codebook.objects.filter(workspace=workspace).order_by("pk"):
            version = codebook.versions.order_by("-number").first()
            if version is None:
                continue
            for label in version.labels.all():
                self._labels.setdefault(label.key, label)
        self.mapped = dict(workspace.label_mappings.values_list("source", "target_key"))

    def get(self, key: str):
        if key in self._labels:
            return self._labels[key]
        return self._labels.get(self.mapped.get(key, ""))

    def keys(self) -> list[tuple[str, str]]:
        """(key, name) of every label spans can be mapped to."""
        return sorted((k, lab.name) for k, lab in self._labels.items())

    def unknown(self, spans: Sequence[Span]) -> list[str]:
        """Labels neither in the codebooks nor mapped (a mapping to "drop" counts as known)."""
        return sorted(
            {s["label"] for s in spans if s["label"] not in self._labels} - set(self.mapped)
        )

    def foreign(self, spans: Sequence[Span]) -> list[str]:
        """Labels not in the codebooks, mapped or not."""
        return sorted({s["label"] for s in spans if s["label"] not in self._labels})


def write_chunk(
    *,
    job: ImportJob,
    event: Event,
    rows: Sequence[ArticleRow],
    user: User | None,
    outlets: OutletCache,
    labels: LabelIndex,
) -> list[Article]:
    """Write ``rows`` as staged articles with revision 1 and their spans, in one transaction."""
    now = timezone.now()
    with transaction.atomic():
        articles = [_article(job, event, row, user, outlets, now) for row in rows]
        Article.all_objects.bulk_create(articles)
        revisions = [
            TextRevision(
                article=a,
                number=1,
                text=a._text,
                sha256=a.content_hash,
                created_by=user,
                created_at=now,
            )
            for a in articles
        ]
        TextRevision.objects.bulk_create(revisions)
        for article, revision, row in zip(articles, revisions, rows, strict=True):
            article.current_revision = revision
            if row.republication_of_row is not None:
                article.republication_of = articles[row.republication_of_row]
        Article.all_objects.bulk_update(articles, ["current_revision", "republication_of"])
        _annotations(revisions, rows, labels, user)
    return articles


def _article(job, event, row: ArticleRow, user, outlets: OutletCache, now) -> Article:
    text = row.text
    if not is_normalised(text):  # offsets of imported spans rely on it
        raise ValueError(f"{row.source_location}: text was not normalised by the reader")
    when = Published.from_value(row.published)
    article = Article(
        event=event,
        outlet=outlets.get(row.outlet),
        origin=outlets.get(row.origin) if row.origin else None,
        republication_of_id=row.republication_of_id,
        title=" ".join(row.title.split())[:500] or "(untitled)",
        byline=row.byline.strip()[:300],
        published_date=when.date,
        published_at=when.at,
        url=row.url,
        language=row.language[:16],
        added_by=user,
        added_at=now,
        source_format=row.source_format[:20],
        source_file=row.source_file,
        source_location=row.source_location[:200],
        content_hash=text_sha256(text),
        import_job=job,
        staged=True,
    )
    article.full_clean(exclude=_ARTICLE_FKS, validate_unique=False, validate_constraints=False)
    article._text = text
    return article


_SPACE_BEFORE_NEWLINE = re.compile(r"[^\S\n]\n")


def is_normalised(text: str) -> bool:
    """``normalize_text(text) == text``, checked without building a second copy.

    The readers normalised the text at preview; re-running normalisation on a 5 MB text at
    commit only to compare costs 0.1 s, these read-only checks a third of that.
    """
    return (
        unicodedata.is_normalized("NFC", text)
        and "\r" not in text
        and "\x0b" not in text
        and "\x0c" not in text
        and CONTROL_CHARS.search(text) is None
        and "\n\n\n" not in text
        and not (text[:1].isspace() or text[-1:].isspace())
        and _SPACE_BEFORE_NEWLINE.search(text) is None
    )


def _annotations(revisions, rows, labels: LabelIndex, user) -> None:
    from framing.models import Annotation, AnnotationStatus

    annotations = []
    for revision, row in zip(revisions, rows, strict=True):
        for span in row.spans:
            if not 0 <= span["start"] < span["end"] <= len(revision.text):
                raise ValueError(f"{row.source_location}: span outside the text")
            label = labels.get(span["label"])
            if label is None:  # reported as a warning at preview; not an error
                continue
            annotation = Annotation(
                revision=revision,
                start=span["start"],
                end=span["end"],
                label=label,
                author_user=user,
                status=AnnotationStatus.ACCEPTED,
                note=span.get("note") or "",
                source="import",
            )
            annotation.full_clean(exclude=["revision", "label", "author_user"])
            annotations.append(annotation)
    Annotation.objects.bulk_create(annotations)


def publish(*, job: ImportJob) -> int:
    """Make every staged article of the job visible at once; the caller holds the transaction."""
    count = Article.all_objects.filter(import_job=job, staged=True).update(staged=False)
    audit_import(job=job, count=count)
    return count


def staged_delete(*, job: ImportJob, guard: Callable[[], None] | None = None) -> int:
    """Remove what an unfinished import wrote, a batch of articles per short transaction
    (revisions and spans go with them; items linking to them are unlinked by SET_NULL).

    ``guard`` runs first in each transaction and may raise to stop. Returns how many
    articles were removed.
    """
    staged = Article.all_objects.filter(import_job=job, staged=True)
    removed = 0
    while True:
        with transaction.atomic():
            if guard is not None:
                guard()
            ids = list(staged.values_list("pk", flat=True)[:DELETE_BATCH])
            if not ids:
                return removed
            Article.all_objects.filter(pk__in=ids).delete()
        removed += len(ids)


DELETE_BATCH = 500


def analyse_event_on_commit(event: Event) -> None:
    """Once the import is committed, a task splits the event's analysis into batches."""
    from framing.tasks import analyse_event

    transaction.on_commit(lambda: analyse_event.enqueue(event.pk))


def audit_import(*, job: ImportJob, count: int) -> None:
    """One audit entry per import: the articles appear together, under the importing user."""
    if count:
        audit_record(
            workspace=job.workspace_id,
            actor=job.created_by,
            action=AuditAction.CREATED,
            object_type=AuditObject.ARTICLE,
            object_id=None,
            label=f"{count} article{'s' if count != 1 else ''} in {job.event}",
            detail=f"import {job.pk} ({job.kind})",
        )
