"""Checks shared by .zip uploads and zip-based documents (.docx): bombs, traversal, symlinks."""

from __future__ import annotations

import lzma
import os
import re
import stat
import zipfile
import zlib

from .errors import IngestionError
from .limits import MB, Limits
from .streams import human_bytes

# Ratios only mean something for big entries: a 20 KB run of spaces legitimately packs 1000x.
_RATIO_MIN_BYTES = 1 * MB
_DRIVE = re.compile(r"^[A-Za-z]:")


class ArchiveStopError(IngestionError):
    """The archive as a whole is refused while being read: stop reading it."""


class ArchiveLimitError(ArchiveStopError):
    """The archive as a whole broke a limit while being read."""


# What zipfile raises for an entry it cannot give back: encrypted (RuntimeError), bad CRC or
# header (BadZipFile), unknown compression (NotImplementedError), damaged compressed data
# (zlib.error, lzma/bz2 OSError), truncated data (EOFError).
ENTRY_READ_ERRORS = (
    RuntimeError,
    zipfile.BadZipFile,
    NotImplementedError,
    zlib.error,
    EOFError,
    OSError,
    lzma.LZMAError,
)


def entry_problem(info: zipfile.ZipInfo, err: BaseException | None = None) -> str:
    """Why an entry cannot be read, in words for the analyst."""
    if info.flag_bits & 0x1 or (isinstance(err, RuntimeError) and "encrypted" in str(err)):
        return f"entry {info.filename} is encrypted; save it without a password"
    if isinstance(err, NotImplementedError):
        return f"entry {info.filename} uses a compression method that is not supported"
    return f"entry {info.filename} is corrupt and cannot be read"


def open_zip(fileobj, *, source: str, limits: Limits) -> zipfile.ZipFile:
    """The archive, once its declared number of entries is within the limit."""
    try:
        _check_declared_entries(fileobj, source, limits)
        return zipfile.ZipFile(fileobj)
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise IngestionError(f"is not a valid zip archive ({err})", source=source) from err


def _check_declared_entries(fileobj, source: str, limits: Limits) -> None:
    # ZipFile() builds an object per central-directory entry before anything can be checked:
    # millions of tiny entries would cost gigabytes. The end record says how many there are;
    # zipfile's own reader of it is private but unchanged for decades (skipped if it goes).
    end_record = getattr(zipfile, "_EndRecData", None)
    if end_record is None:
        return
    if isinstance(fileobj, str | os.PathLike):
        with open(fileobj, "rb") as handle:
            record = end_record(handle)
    else:
        position = fileobj.tell()
        record = end_record(fileobj)
        fileobj.seek(position)
    if record and record[zipfile._ECD_ENTRIES_TOTAL] > limits.max_zip_entries:
        raise _too_many_entries(record[zipfile._ECD_ENTRIES_TOTAL], source, limits)


def _too_many_entries(count: int, source: str, limits: Limits) -> IngestionError:
    return IngestionError(
        f"archive has {count:,} entries; the limit is {limits.max_zip_entries:,}", source=source
    )


def checked_entries(zf: zipfile.ZipFile, *, source: str, limits: Limits) -> list[zipfile.ZipInfo]:
    """The archive's file entries, after refusing the whole archive if anything is unsafe."""
    infos = zf.infolist()
    if len(infos) > limits.max_zip_entries:
        raise _too_many_entries(len(infos), source, limits)
    total = compressed = 0
    for info in infos:
        _check_name(info, source)
        _check_ratio(info, source, limits)
        total += info.file_size
        compressed += info.compress_size
    if total > limits.max_zip_total_bytes:
        raise IngestionError(
            f"archive expands to {human_bytes(total)}; the limit is "
            f"{human_bytes(limits.max_zip_total_bytes)}",
            source=source,
        )
    # many entries each too small for the per-entry ratio check add up to the same bomb
    if total >= _RATIO_MIN_BYTES and total / max(compressed, 1) > limits.max_zip_ratio:
        raise IngestionError(
            f"archive expands {total / max(compressed, 1):,.0f} times (limit "
            f"{limits.max_zip_ratio:,.0f}); refused as a possible zip bomb",
            source=source,
        )
    return [info for info in infos if not info.is_dir()]


def _check_name(info: zipfile.ZipInfo, source: str) -> None:
    name = info.filename
    parts = re.split(r"[/\\]", name)
    if name.startswith(("/", "\\")) or _DRIVE.match(name):
        raise IngestionError(f"archive entry '{name}' has an absolute path; refused", source=source)
    if ".." in parts:
        raise IngestionError(
            f"archive entry '{name}' points outside the archive ('..'); refused", source=source
        )
    if stat.S_ISLNK(info.external_attr >> 16):
        raise IngestionError(f"archive entry '{name}' is a symbolic link; refused", source=source)


def _check_ratio(info: zipfile.ZipInfo, source: str, limits: Limits) -> None:
    if info.file_size < _RATIO_MIN_BYTES:
        return
    ratio = info.file_size / max(info.compress_size, 1)
    if ratio > limits.max_zip_ratio:
        raise IngestionError(
            f"archive entry '{info.filename}' expands {ratio:,.0f} times (limit "
            f"{limits.max_zip_ratio:,.0f}); refused as a possible zip bomb",
            source=source,
        )


class ZipBudget:
    """Counts bytes actually decompressed across an archive (headers can lie about sizes)."""

    def __init__(self, *, source: str, limits: Limits) -> None:
        self.source = source
        self.limits = limits
        self.used = 0

    def read(self, zf: zipfile.ZipFile, info: zipfile.ZipInfo, *, max_bytes: int) -> bytes:
        cap = min(max_bytes, self.limits.max_zip_total_bytes - self.used)
        try:
            with zf.open(info) as handle:
                data = handle.read(cap + 1)
        except ENTRY_READ_ERRORS as err:
            raise IngestionError(entry_problem(info, err), source=self.source) from err
        self.used += len(data)
        if len(data) > cap:
            raise ArchiveLimitError(
                f"archive entry '{info.filename}' is larger than allowed "
                f"({human_bytes(max_bytes)} per document, "
                f"{human_bytes(self.limits.max_zip_total_bytes)} per archive)",
                source=self.source,
            )
        return data
