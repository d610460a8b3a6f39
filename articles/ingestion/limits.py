"""Size and count limits, one place so the import service can tune them per deployment."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    max_file_bytes: int = 200 * MB  # one uploaded file (a CSV/JSONL/zip of thousands of articles)
    max_single_document_bytes: int = 50 * MB  # one html/pdf/docx/eml, inside a zip or not
    max_files_per_request: int = 500
    max_zip_entries: int = 1_000
    max_zip_total_bytes: int = 200 * MB  # declared *and* actually read uncompressed bytes
    max_zip_ratio: float = 200.0  # uncompressed/compressed per entry; text compresses ~5-10x
    max_records_per_file: int = 100_000
    max_text_chars: int = 2_000_000  # one article's text after normalisation
    min_text_chars: int = 1  # shorter (after normalisation) counts as empty
    max_title_chars: int = 1_000
    # The child process that parses a PDF/DOCX/HTML/e-mail/zip (see sandbox.py): memory on top
    # of what the child starts with, processor seconds per document, and wall-clock seconds the
    # web process waits for one document before killing the child.
    child_memory_mb: int = 1024
    child_cpu_seconds: float = 30
    child_timeout_seconds: float = 60


DEFAULT_LIMITS = Limits()
