"""Format detection and the entry points the import service calls."""

from __future__ import annotations

import io
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .columns import ColumnMapping
from .errors import IngestionError, Rejection
from .limits import DEFAULT_LIMITS, Limits
from .readers.docx import read_docx
from .readers.eml import read_eml
from .readers.html import read_html
from .readers.jsonl import iter_json, iter_jsonl
from .readers.pdf import read_pdf
from .readers.tabular import iter_table
from .readers.text import read_md, read_txt
from .records import ParsedArticle
from .sandbox import sandboxed
from .streams import LimitedReader, Source, human_bytes, open_limited, peek_head, source_name_of
from .zipguard import (
    ENTRY_READ_ERRORS,
    ArchiveLimitError,
    ArchiveStopError,
    ZipBudget,
    checked_entries,
    entry_problem,
    open_zip,
)

SingleReader = Callable[..., ParsedArticle]
SINGLE_READERS: dict[str, SingleReader] = {
    "txt": read_txt,
    "md": read_md,
    "html": read_html,
    "docx": read_docx,
    "pdf": read_pdf,
    "eml": read_eml,
}
BULK_FORMATS = ("csv", "tsv", "jsonl", "json")
# Parsed in a child process with memory and time limits (sandbox.py); text, Markdown and the
# row-by-row bulk formats are cheap and bounded, so they are read in the calling process.
SANDBOXED_FORMATS = ("html", "docx", "pdf", "eml")
FORMATS = (*SINGLE_READERS, *BULK_FORMATS, "zip")
EXTENSIONS = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html",
    ".htm": "html", ".xhtml": "html", ".docx": "docx", ".pdf": "pdf", ".eml": "eml",
    ".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".json": "json", ".zip": "zip",
}  # fmt: skip
_KNOWN_UNSUPPORTED = {
    ".doc": "old Word .doc files are not supported; save it as .docx",
    ".xlsx": "spreadsheets must be saved as CSV (UTF-8) first",
    ".xls": "spreadsheets must be saved as CSV (UTF-8) first",
    ".odt": "OpenDocument text is not supported; save it as .docx",
    ".rtf": "RTF is not supported; save it as .docx or .txt",
}
_EMAIL_HEADERS = (b"from:", b"subject:", b"received:", b"mime-version:", b"return-path:",
                  b"date:", b"message-id:", b"to:", b"delivered-to:")  # fmt: skip


@dataclass(slots=True)
class ReadResult:
    articles: list[ParsedArticle] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)

    def add(self, item: ParsedArticle | Rejection) -> None:
        (self.articles if isinstance(item, ParsedArticle) else self.rejections).append(item)


def detect_format(name: str, head: bytes) -> str:
    """Format key from the file's first bytes (binary signatures win) and then its extension."""
    ext = os.path.splitext(name.lower())[1]
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx" if ext == ".docx" or b"word/" in head else "zip"
    if ext in EXTENSIONS and EXTENSIONS[ext] not in ("pdf", "docx", "zip"):
        return EXTENSIONS[ext]
    if ext in _KNOWN_UNSUPPORTED:
        raise IngestionError(_KNOWN_UNSUPPORTED[ext], source=name)
    if ext in EXTENSIONS:  # a .pdf/.docx/.zip without its signature
        raise IngestionError(f"is named {ext} but is not a {ext[1:].upper()} file", source=name)
    return _sniff_text(name, head)


def _sniff_text(name: str, head: bytes) -> str:
    sample = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:2048].lower()
    if b"\x00" in sample and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestionError(
            f"unsupported file type (supported: {', '.join(sorted(set(EXTENSIONS)))})", source=name
        )
    if sample.startswith((b"<!doctype html", b"<html")) or b"<body" in sample:
        return "html"
    if sample.startswith(b"["):
        return "json"
    if sample.startswith(b"{"):
        return "jsonl"
    first_line = sample.split(b"\n", 1)[0]
    if first_line.startswith(_EMAIL_HEADERS):
        return "eml"
    return "txt"


def iter_records(
    source: Source,
    fmt: str | None = None,
    *,
    name: str | None = None,
    mapping: ColumnMapping | None = None,
    limits: Limits = DEFAULT_LIMITS,
    url: str | None = None,
) -> Iterator[ParsedArticle | Rejection]:
    """Stream the articles of one uploaded file: path, bytes or binary file object.

    CSV/TSV/JSONL are read row by row (memory stays flat however long the file). PDF, DOCX,
    HTML, e-mail and zip files are parsed in a child process with the ``limits``' memory, CPU
    and time allowances (``sandbox.py``). Raises ``IngestionError`` when the file as a whole is
    unusable — possibly after some records were yielded (e.g. a decoding error half-way), so
    callers should import inside a transaction.
    """
    name = source_name_of(source, name)
    if fmt is not None and fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {FORMATS}")
    if isinstance(source, str | os.PathLike) and _is_zip_path(source, fmt):
        yield from _sandboxed_zip(source, name=name, mapping=mapping, limits=limits)
        return
    with open_limited(source, name=name, max_bytes=limits.max_file_bytes) as stream:
        head = peek_head(stream)
        if not head:
            raise IngestionError("is empty", source=name)
        fmt = fmt or detect_format(name, head)
        if fmt == "zip":
            # the child reads a path: copying the stream to disk keeps this process's memory flat
            with tempfile.NamedTemporaryFile(prefix="parallax-", suffix=".zip") as spool:
                shutil.copyfileobj(stream, spool, length=1024 * 1024)
                spool.flush()
                yield from _sandboxed_zip(spool.name, name=name, mapping=mapping, limits=limits)
        elif fmt in SANDBOXED_FORMATS:
            data = _read_document(stream, name=name, limits=limits)
            yield from sandboxed(_read_single, fmt, data, source=name, limits=limits,
                                 name=name, url=url)  # fmt: skip
        else:
            yield from _iter_stream(stream, fmt, name=name, mapping=mapping, limits=limits)


def _iter_stream(stream, fmt, *, name, mapping, limits, prefix=""):
    if fmt in ("csv", "tsv"):
        yield from iter_table(stream, source_name=name, limits=limits, mapping=mapping, fmt=fmt,
                              location_prefix=prefix)  # fmt: skip
    elif fmt == "jsonl":
        yield from iter_jsonl(stream, source_name=name, limits=limits, mapping=mapping,
                              location_prefix=prefix)  # fmt: skip
    elif fmt == "json":
        yield from iter_json(stream.read(), source_name=name, limits=limits, mapping=mapping,
                             location_prefix=prefix)  # fmt: skip
    else:  # plain text and Markdown: cheap to read, so read here
        data = _read_document(stream, name=name, limits=limits)
        location = prefix.rstrip(", ") or None
        yield SINGLE_READERS[fmt](data, source_name=name, limits=limits, location=location)


def _read_document(stream, *, name, limits) -> bytes:
    data = stream.read(limits.max_single_document_bytes + 1)
    if len(data) > limits.max_single_document_bytes:
        raise IngestionError(
            f"is larger than the limit of {human_bytes(limits.max_single_document_bytes)} "
            "for one document",
            source=name,
        )
    return data


def _read_single(fmt, data, *, name, limits, url=None) -> Iterator[ParsedArticle]:
    """One document, in the sandbox's child process."""
    kwargs = {"url": url} if fmt == "html" else {}
    yield SINGLE_READERS[fmt](data, source_name=name, limits=limits, **kwargs)


def read_file(
    source: Source,
    fmt: str | None = None,
    *,
    name: str | None = None,
    mapping: ColumnMapping | None = None,
    limits: Limits = DEFAULT_LIMITS,
    url: str | None = None,
) -> ReadResult:
    """All articles and rejections of one file (``iter_records`` collected; for tests and
    benchmarks: the import services stream with ``iter_records``)."""
    result = ReadResult()
    for item in iter_records(source, fmt, name=name, mapping=mapping, limits=limits, url=url):
        result.add(item)
    return result


# --- zip ---------------------------------------------------------------------------------------


def _is_zip_path(path: str | os.PathLike, fmt: str | None) -> bool:
    # a .zip on disk goes to the child as its path; other sources are sniffed first
    return fmt == "zip" or (fmt is None and os.fspath(path).lower().endswith(".zip"))


def _sandboxed_zip(source, *, name, mapping, limits) -> Iterator[ParsedArticle | Rejection]:
    # the whole archive in one child: its entries are read there one after another
    yield from sandboxed(_iter_zip, source, source=name, limits=limits, name=name,
                         mapping=mapping)  # fmt: skip


def _iter_zip(source, *, name, mapping, limits) -> Iterator[ParsedArticle | Rejection]:
    """The records of an archive, in the sandbox's child process."""
    if isinstance(source, str | os.PathLike) and os.path.getsize(source) > limits.max_file_bytes:
        raise IngestionError(
            f"file is larger than the limit of {human_bytes(limits.max_file_bytes)}", source=name
        )
    if isinstance(source, bytes | bytearray):
        source = io.BytesIO(source)
    zf = open_zip(source, source=name, limits=limits)
    with zf:
        budget = ZipBudget(source=name, limits=limits)
        for info in checked_entries(zf, source=name, limits=limits):
            if _skipped(info.filename):
                continue
            yield from _zip_entry(zf, info, budget, name=name, mapping=mapping, limits=limits)


def _skipped(entry: str) -> bool:
    # macOS resource forks and hidden files ride along in archives made by Finder
    return entry.startswith("__MACOSX/") or os.path.basename(entry).startswith(".")


def _zip_entry(zf, info, budget, *, name, mapping, limits):
    location = f"entry {info.filename}"
    fmt = EXTENSIONS.get(os.path.splitext(info.filename.lower())[1])
    if fmt == "zip":
        yield Rejection(name, location, None, "archives inside archives are not opened; "
                        "extract it and upload its files")  # fmt: skip
        return
    if fmt is None:
        yield Rejection(name, location, None, "unsupported file type")
        return
    if info.flag_bits & 0x1:
        yield Rejection(name, location, None, entry_problem(info))
        return
    try:
        if fmt in BULK_FORMATS:
            yield from _zip_bulk_entry(zf, info, budget, fmt, name, mapping, limits, location)
            return
        if info.file_size > limits.max_single_document_bytes:
            raise IngestionError(
                f"is larger than the limit of {human_bytes(limits.max_single_document_bytes)} "
                "for one document"
            )
        data = budget.read(zf, info, max_bytes=limits.max_single_document_bytes)
        yield SINGLE_READERS[fmt](data, source_name=name, limits=limits, location=location)
    except ArchiveStopError:
        raise
    except IngestionError as err:
        yield Rejection(name, location, err.field, err.message)


def _zip_bulk_entry(zf, info, budget, fmt, name, mapping, limits, location):
    remaining = limits.max_zip_total_bytes - budget.used
    try:
        handle = zf.open(info)
    except ENTRY_READ_ERRORS as err:
        raise IngestionError(entry_problem(info, err)) from err
    with handle:
        limited = LimitedReader(
            handle,
            max_bytes=remaining,
            source=name,
            what="archive content",
            error=ArchiveLimitError,
        )
        stream = io.BufferedReader(limited, buffer_size=128 * 1024)
        try:
            yield from _iter_stream(stream, fmt, name=name, mapping=mapping, limits=limits,
                                    prefix=f"{location}, ")  # fmt: skip
        except ENTRY_READ_ERRORS as err:
            # rows of it were already handed out: the whole archive is refused, not the entry
            raise ArchiveStopError(entry_problem(info, err), source=name) from err
        finally:
            budget.used += limited.count


def is_zip_bytes(data: bytes) -> bool:
    return zipfile.is_zipfile(io.BytesIO(data))
