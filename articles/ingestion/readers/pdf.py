"""PDF text layers (no OCR: scanned documents are refused).

pypdf opens the file, checks encryption, reads the metadata and spots scans; the text itself
comes from PDFium (pypdfium2), about three times faster than pypdf's pure-Python extraction on
text-dense documents. A file PDFium cannot open falls back to pypdf's extraction.
"""

from __future__ import annotations

import io
import logging
import threading

import pypdfium2
from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError, PdfStreamError

from ..build import build_article
from ..errors import IngestionError
from ..limits import Limits
from ..records import ParsedArticle

# Fewer text characters than this per page on average means there is no real text layer.
_MIN_CHARS_PER_PAGE = 20
_PDF_ERRORS = (PdfReadError, PdfStreamError, ValueError, KeyError, TypeError, AttributeError)
# PDFium is not thread-safe, and a web server may read two uploads at once on threads.
_PDFIUM_LOCK = threading.Lock()
# PDFium marks a word hyphenated across a line end with U+FFFE and drops the line break;
# pypdf (and the reader) see a hyphen and a new line, which is what the page shows.
_PDFIUM_FIXES = str.maketrans({"\ufffe": "-\n"})


def read_pdf(
    data: bytes, *, source_name: str, limits: Limits, location: str | None = None
) -> ParsedArticle:
    """Text of every page, pages separated by a blank line; title/author from metadata."""

    def fail(message: str) -> IngestionError:
        return IngestionError(message, source=source_name, row=location)

    if not data.lstrip()[:5].startswith(b"%PDF-"):
        raise fail("is not a PDF file (no %PDF- header)")
    # pypdf logs every recoverable oddity; those are not the analyst's concern
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        _decrypt(reader, fail)
        pages = _page_texts(reader, data)
        metadata = reader.metadata
    except IngestionError:
        raise
    except _PDF_ERRORS as err:
        raise fail(f"is a damaged or unreadable PDF ({err})") from err
    text = "\n\n".join(page.strip() for page in pages)
    if len(text.strip()) < _MIN_CHARS_PER_PAGE * max(1, len(pages)) / 2 and _has_images(reader):
        raise fail("has no text layer (a scanned document?); run OCR on it first")
    if not text.strip():
        raise fail("contains no extractable text")
    title = author = None
    if metadata is not None:
        title = (metadata.title or "").strip() or None
        author = (metadata.author or "").strip() or None
    return build_article(
        {"title": title, "text": text, "byline": author},
        source_name=source_name,
        source_format="pdf",
        location=location,
        limits=limits,
    )


def _decrypt(reader: PdfReader, fail) -> None:
    if not reader.is_encrypted:
        return
    # Many PDFs are "encrypted" only against editing, with an empty open password.
    try:
        opened = reader.decrypt("")
    except (DependencyError, FileNotDecryptedError, NotImplementedError) as err:
        raise fail(f"is encrypted and cannot be opened ({err})") from err
    if not opened:
        raise fail("is password-protected; remove the password and upload it again")


def _has_images(reader: PdfReader) -> bool:
    for page in reader.pages:
        try:
            resources = page.get("/Resources") or {}
            xobjects = resources.get("/XObject") or {}
            if any(xobjects[name].get("/Subtype") == "/Image" for name in xobjects):
                return True
        except _PDF_ERRORS:
            continue
    return False


def _page_texts(reader: PdfReader, data: bytes) -> list[str]:
    try:
        return _pdfium_texts(data)
    except pypdfium2.PdfiumError:
        # a file pypdf repairs but PDFium refuses: pypdf's own (slower) extraction
        return _pypdf_range(reader, 0, len(reader.pages))


def _pdfium_texts(data: bytes) -> list[str]:
    # the page count from PDFium (pypdf's len(reader.pages) parses the whole page tree), and
    # the document opened once: every opening parses it again
    with _PDFIUM_LOCK:
        document = pypdfium2.PdfDocument(data)
        try:
            return [_pdfium_page(document, i) for i in range(len(document))]
        finally:
            document.close()


def _pdfium_page(document: pypdfium2.PdfDocument, index: int) -> str:
    page = document[index]
    try:
        textpage = page.get_textpage()
        try:
            # get_text_bounded, not get_text_range: the latter is limited to UCS-2
            text = textpage.get_text_bounded()
        finally:
            textpage.close()
    finally:
        page.close()
    return text.replace("\r\n", "\n").translate(_PDFIUM_FIXES)


def _pypdf_range(reader: PdfReader, start: int, stop: int) -> list[str]:
    return [reader.pages[i].extract_text() or "" for i in range(start, stop)]
