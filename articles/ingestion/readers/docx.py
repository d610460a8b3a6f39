"""Word documents (.docx) through python-docx."""

from __future__ import annotations

import io
import os
from xml.etree.ElementTree import ParseError

import docx
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser as SafeXMLParser
from docx.opc.exceptions import PackageNotFoundError

from ..build import build_article
from ..errors import IngestionError
from ..limits import Limits
from ..records import ParsedArticle
from ..zipguard import ZipBudget, checked_entries, open_zip


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
    # A .docx is a zip of XML parts: apply the zip-bomb checks, then read every XML part with a
    # parser that refuses DTDs (Word never writes one; entities are the XML attack surface).
    # "XML part" by name, by declared content type, or, for a part with no declared type, by
    # its first bytes: a hostile package can name its main part anything and encode it as
    # UTF-16. Parts declared as something else (pictures, embedded fonts) are binary.
    zf = open_zip(io.BytesIO(data), source=source, limits=limits)
    budget = ZipBudget(source=source, limits=limits)
    with zf:
        entries = checked_entries(zf, source=source, limits=limits)
        types = _content_types(zf, entries, budget, source, limits)
        for info in entries:
            part = budget.read(zf, info, max_bytes=limits.max_single_document_bytes)
            if _is_xml_part(info.filename, part, types):
                _check_xml(part, info.filename, source)


def _content_types(zf, entries, budget, source: str, limits: Limits) -> dict[str, bool]:
    """Declared part names and ``.extension``s (lower-cased) -> whether the type is XML."""
    info = next((i for i in entries if i.filename == "[Content_Types].xml"), None)
    if info is None:
        return {}  # python-docx will say the package is not a Word document
    part = budget.read(zf, info, max_bytes=limits.max_single_document_bytes)
    root = _check_xml(part, info.filename, source, keep=True)
    declared = {}
    for element in root:
        # application/xml, text/xml, application/…+xml
        is_xml = element.get("ContentType", "").lower().endswith("xml")
        if element.get("PartName"):
            declared[element.get("PartName").lstrip("/").lower()] = is_xml
        elif element.get("Extension"):
            declared.setdefault("." + element.get("Extension").lower(), is_xml)
    return declared


def _is_xml_part(name: str, part: bytes, types: dict[str, bool]) -> bool:
    lowered = name.lower()
    extension = os.path.splitext(lowered)[1]
    if extension in (".xml", ".rels"):
        return True
    declared = types.get(lowered, types.get(extension))  # an Override wins over a Default
    return declared if declared is not None else _looks_like_xml(part)


def _looks_like_xml(part: bytes) -> bool:
    # after byte-order marks and the zero bytes of UTF-16/32, XML starts with '<' (or is EBCDIC)
    head = part[:256].replace(b"\x00", b"")
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        head = head.removeprefix(bom)
    return head.lstrip(b" \t\r\n").startswith((b"<", b"\x4c\x6f\xa7\x94"))


def _check_xml(part: bytes, name: str, source: str, *, keep: bool = False):
    """Parse ``part`` with DTDs refused; the root element if ``keep``, else nothing is built."""
    parser = SafeXMLParser(forbid_dtd=True, target=None if keep else _Discard())
    try:
        parser.feed(part)
        return parser.close()
    except DefusedXmlException as err:
        raise IngestionError(
            f"document part '{name}' declares a DTD or entities; refused (Word never writes these)",
            source=source,
        ) from err
    except ParseError as err:
        raise IngestionError(
            f"document part '{name}' is not well-formed XML ({err})", source=source
        ) from err


class _Discard:
    """A parser target that builds nothing: only well-formedness and the DTD check matter."""

    def close(self) -> None:
        return None
