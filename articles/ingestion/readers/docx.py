"""Word documents (.docx) through python-docx."""

from __future__ import annotations

import io
import re

import docx
from docx.opc.exceptions import PackageNotFoundError

from ..build import build_article
from ..errors import IngestionError
from ..limits import Limits
from ..records import ParsedArticle
from ..zipguard import ZipBudget, checked_entries, open_zip

_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def read_docx(
    data: bytes, *, source_name: str, limits: Limits, location: str | None = None
) -> ParsedArticle:
    """Paragraph text; title from core properties or the first Title/Heading paragraph."""
    _refuse_unsafe_package(data, source_name, limits)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as err:
        raise IngestionError(
            f"is not a readable Word (.docx) document ({err})", source=source_name, row=location
        ) from err
    paragraphs = [
        (p.style.name if p.style is not None else "", p.text) for p in document.paragraphs
    ]
    props = document.core_properties
    title = (props.title or "").strip() or None
    if title is None:
        heading = next((i for i, (style, text) in enumerate(paragraphs) if text.strip()), None)
        if heading is not None and paragraphs[heading][0].startswith(("Title", "Heading")):
            title = paragraphs.pop(heading)[1]
    text = "\n\n".join(text for _style, text in paragraphs if text.strip())
    return build_article(
        {"title": title, "text": text, "byline": (props.author or "").strip() or None},
        source_name=source_name,
        source_format="docx",
        location=location,
        limits=limits,
    )


def _refuse_unsafe_package(data: bytes, source: str, limits: Limits) -> None:
    # A .docx is a zip of XML parts: apply the zip-bomb checks, and refuse any part that
    # declares a DTD, since Word never writes one and entities are the XML attack surface.
    zf = open_zip(io.BytesIO(data), source=source)
    budget = ZipBudget(source=source, limits=limits)
    with zf:
        for info in checked_entries(zf, source=source, limits=limits):
            if not info.filename.endswith((".xml", ".rels")):
                continue
            part = budget.read(zf, info, max_bytes=limits.max_single_document_bytes)
            if _DTD.search(part):
                raise IngestionError(
                    f"document part '{info.filename}' declares a DTD or entities; refused "
                    "(Word never writes these)",
                    source=source,
                )
