"""Import settings (``settings.PARALLAX_IMPORT``) turned into the readers' limit objects."""

from __future__ import annotations

import ssl
from typing import Any

from django.conf import settings

from articles.ingestion import FetchPolicy, Limits

MB = 1024 * 1024
DEFAULTS: dict[str, Any] = {
    "MAX_FILE_BYTES": 200 * MB,
    "MAX_DOCUMENT_BYTES": 50 * MB,
    "MAX_FILES": 100,  # keep equal to settings.DATA_UPLOAD_MAX_NUMBER_FILES
    "MAX_REQUEST_BYTES": 500 * MB,  # all files of one upload request together
    "MAX_TEXT_CHARS": 2_000_000,
    "MAX_RECORDS_PER_FILE": 100_000,
    "MAX_ZIP_ENTRIES": 1_000,
    "MAX_ZIP_TOTAL_BYTES": 200 * MB,  # expanded, declared and actually read
    # Confirmed imports up to this many articles run inside the request; larger ones as a task.
    "INLINE_MAX_ARTICLES": 200,
    "CHUNK_SIZE": 500,  # articles per short write transaction…
    "CHUNK_CHARS": 5_000_000,  # …and about this much text: a chunk's end is the heartbeat
    "STALL_SECONDS": 30,  # a running job whose heartbeat is older than this is stalled
    "FETCH_ALLOW_PRIVATE": False,  # tests allow 127.0.0.1; never in production
    "FETCH_MAX_BYTES": 10 * MB,
    "FETCH_TIMEOUT": 15.0,
    "FETCH_CA_FILE": "",  # extra trusted CA bundle (tests: a self-signed certificate)
    "PREVIEW_ROWS": 200,  # editable rows shown on the preview page
}


def conf(key: str) -> Any:
    return {**DEFAULTS, **getattr(settings, "PARALLAX_IMPORT", {})}[key]


def import_limits() -> Limits:
    return Limits(
        max_file_bytes=conf("MAX_FILE_BYTES"),
        max_single_document_bytes=conf("MAX_DOCUMENT_BYTES"),
        max_files_per_request=conf("MAX_FILES"),
        max_text_chars=conf("MAX_TEXT_CHARS"),
        max_records_per_file=conf("MAX_RECORDS_PER_FILE"),
        max_zip_entries=conf("MAX_ZIP_ENTRIES"),
        max_zip_total_bytes=conf("MAX_ZIP_TOTAL_BYTES"),
        child_memory_mb=settings.INGEST_CHILD_MEMORY_MB,
        child_cpu_seconds=settings.INGEST_CHILD_CPU_SECONDS,
        child_timeout_seconds=settings.INGEST_CHILD_TIMEOUT_SECONDS,
    )


def fetch_policy() -> FetchPolicy:
    ca_file = conf("FETCH_CA_FILE")
    return FetchPolicy(
        allow_private=conf("FETCH_ALLOW_PRIVATE"),
        max_bytes=conf("FETCH_MAX_BYTES"),
        timeout=conf("FETCH_TIMEOUT"),
        ssl_context=ssl.create_default_context(cafile=ca_file) if ca_file else None,
    )
