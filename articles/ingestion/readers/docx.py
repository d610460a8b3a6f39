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
    # "XML part" by name, by declared content type or by its first bytes: a hostile package
    # can name its main part anything and encode it as UTF-16.
    zf = open_zip(io.BytesIO(data), source=source, limits=limits)
    budget = ZipBudget(source=source, limits=limits)
    with zf:
        entries = checked_entries(zf, source=source, limits=limits)
        xml_types = _xml_content_types(zf, entries, budget, source, limits)
        for info in entries:
            part = budget.read(zf, info, max_bytes=limits.max_single_document_bytes)
            if _is_xml_part(info.filename, part, xml_types):
                _check_xml(part, info.filename, source)


def _xml_content_types(zf, entries, budget, source: str, limits: Limits) -> set[str]:
    """Part names and ``.extension``s that [Content_Types].xml declares as XML, lower-cased."""
    info = next((i for i in entries if i.filename == "[Content_Types].xml"), None)
    if info is None:
        return set()  # python-docx will say the package is not a Word document
    part = budget.read(zf, info, max_bytes=limits.max_single_document_bytes)
    root = _check_xml(part, info.filename, source, keep=True)
    declared = set()
    for element in root:
        content_type = element.get("ContentType", "").lower()
        if not content_type.endswith("xml"):  # application/xml, text/xml, application/…+xml
            continue
        if element.get("PartName"):
            declared.add(element.get("PartName").lstrip("/").lower())
        elif element.get("Extension"):
            declared.add("." + element.get("Extension").lower())
    return declared


def _is_xml_part(name: str, part: bytes, xml_types: set[str]) -> bool:
    lowered = name.lower()
    extension = os.path.splitext(lowered)[1]
    return (
        lowered in xml_types
        or extension in xml_types
        or extension in (".xml", ".rels")
        or (_looks_like_xml(part))
    )


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
