"""Opening uploads (paths, bytes or file objects) as size-limited binary streams."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

from .errors import IngestionError

Source = str | os.PathLike | bytes | bytearray | BinaryIO
HEAD_BYTES = 64 * 1024


class LimitedReader(io.RawIOBase):
    """Counts bytes read from ``raw`` and fails once more than ``max_bytes`` arrive.

    Declared sizes (Content-Length, zip headers) can lie; counting what is actually read
    cannot.
    """

    def __init__(
        self, raw, *, max_bytes: int, source: str, what: str = "file", error=IngestionError
    ) -> None:
        self._raw = raw
        self._error = error
        self._max = max_bytes
        self._source = source
        self._what = what
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        chunk = self._raw.read(min(len(buffer), self._max - self.count + 1))
        self.count += len(chunk)
        if self.count > self._max:
            raise self._error(
                f"{self._what} is larger than the limit of {human_bytes(self._max)}",
                source=self._source,
            )
        buffer[: len(chunk)] = chunk
        return len(chunk)


def human_bytes(count: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if count < 1024 or unit == "GB":
            return f"{count:,.0f} {unit}" if unit == "bytes" else f"{count:,.1f} {unit}"
        count /= 1024
    raise AssertionError("unreachable")


def source_name_of(source: Source, name: str | None) -> str:
    if name:
        return name
    if isinstance(source, str | os.PathLike):
        return os.path.basename(os.fspath(source))
    return os.path.basename(str(getattr(source, "name", "") or "")) or "upload"


@contextmanager
def open_limited(source: Source, *, name: str, max_bytes: int) -> Iterator[io.BufferedReader]:
    """Binary, buffered, size-limited stream over any kind of source."""
    if isinstance(source, str | os.PathLike):
        size = os.path.getsize(source)
        if size > max_bytes:
            raise IngestionError(
                f"file is {human_bytes(size)}, larger than the limit of {human_bytes(max_bytes)}",
                source=name,
            )
        raw = open(source, "rb")  # noqa: SIM115 - closed below
    elif isinstance(source, bytes | bytearray):
        raw = io.BytesIO(source)
    else:
        raw = source
    try:
        limited = LimitedReader(raw, max_bytes=max_bytes, source=name)
        yield io.BufferedReader(limited, buffer_size=HEAD_BYTES * 2)
    finally:
        if raw is not source:
            raw.close()


def read_all(stream: io.BufferedReader) -> bytes:
    return stream.read()


def peek_head(stream: io.BufferedReader) -> bytes:
    return stream.peek(HEAD_BYTES)[:HEAD_BYTES]
