"""Evidence: the original bytes of every uploaded file and fetched page, kept as SourceFiles."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterable

from django.core.files.base import ContentFile, File
from django.db.models import Q

from accounts.models import User, Workspace
from articles.models import Article, SourceFile

_CHUNK = 1024 * 1024
# The command may run without a user; the model field is nullable but not `blank`.
_NO_USER = ["uploaded_by"]


def _sha256_and_size(chunks: Iterable[bytes]) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    for chunk in chunks:
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def source_store_upload(
    *, workspace: Workspace, upload: File, user: User | None, name: str | None = None
) -> SourceFile:
    """Store an uploaded (or local) file as evidence, hashed while it is read."""
    name = os.path.basename(name or upload.name or "upload")[:255]
    upload.seek(0)
    sha256, size = _sha256_and_size(upload.chunks(_CHUNK))
    upload.seek(0)
    source = SourceFile(
        workspace=workspace,
        original_name=name,
        content_type=(getattr(upload, "content_type", "") or "")[:100],
        size=size,
        sha256=sha256,
        uploaded_by=user,
    )
    source.file.save(name, upload, save=False)
    _save_or_remove_file(source, exclude=_NO_USER if user is None else None)
    return source


def _save_or_remove_file(source: SourceFile, *, exclude: list[str] | None) -> None:
    """Save the row of bytes just stored; if that fails, the bytes must not stay behind."""
    try:
        source.full_clean(exclude=exclude)
        source.save()
    except BaseException:
        source.file.delete(save=False)
        raise


def source_store_fetched(
    *,
    workspace: Workspace,
    body: bytes,
    url: str,
    final_url: str,
    content_type: str,
    fetched_at: dt.datetime,
    user: User | None,
) -> SourceFile:
    """Store a fetched page exactly as the server sent it, with where and when it came from."""
    name = os.path.basename(final_url.split("?", 1)[0].rstrip("/")) or "page"
    source = SourceFile(
        workspace=workspace,
        original_name=name[:255],
        content_type=content_type[:100],
        size=len(body),
        sha256=hashlib.sha256(body).hexdigest(),
        url=url,
        final_url=final_url,
        fetched_at=fetched_at,
        uploaded_by=user,
    )
    source.file.save(name[:100] or "page", ContentFile(body), save=False)
    _save_or_remove_file(source, exclude=_NO_USER if user is None else None)
    return source


def source_delete_unused(*, sources: Iterable[SourceFile]) -> int:
    """Delete sources (and their stored bytes) that no article, staged or not, refers to."""
    deleted = 0
    for source in sources:
        in_use = Article.all_objects.filter(Q(source_file=source)).exists()
        if in_use:
            continue
        source.file.delete(save=False)
        source.delete()
        deleted += 1
    return deleted
