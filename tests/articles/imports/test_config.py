"""Deployment settings reach the readers' limits."""

from __future__ import annotations

from articles.imports.config import import_limits


def test_child_process_limits_come_from_settings(settings):
    settings.INGEST_CHILD_MEMORY_MB = 300
    settings.INGEST_CHILD_CPU_SECONDS = 4.5
    settings.INGEST_CHILD_TIMEOUT_SECONDS = 9.0
    limits = import_limits()
    assert (limits.child_memory_mb, limits.child_cpu_seconds, limits.child_timeout_seconds) == (
        300, 4.5, 9.0
    )  # fmt: skip


def test_zip_limits_default_to_a_thousand_entries_and_200_mb(settings):
    settings.PARALLAX_IMPORT = {}
    limits = import_limits()
    assert (limits.max_zip_entries, limits.max_zip_total_bytes) == (1_000, 200 * 1024 * 1024)
