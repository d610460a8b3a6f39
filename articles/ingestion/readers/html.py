"""HTML pages: trafilatura main-text extraction plus page metadata."""

from __future__ import annotations

import re

import lxml.html
import trafilatura
from lxml import etree

from ..build import build_article, clean_line
from ..decode import decode_bytes
from ..errors import IngestionError
from ..limits import Limits
from ..records import ParsedArticle

# A DOCTYPE internal subset is where entity definitions (billion laughs, external files) live.
# HTML never needs one, so it is cut out before any parser sees the document. Three plain
# searches, not one pattern: "<!DOCTYPE[^>\[]*(?:\[.*?\]\s*)?>" retried its lazy scan from
# every "<!DOCTYPE [" of a page without "]>", quadratic time (24 s for 300 KB, GIL held).
_DOCTYPE_START = re.compile(r"<!DOCTYPE", re.IGNORECASE)
_DOCTYPE_STOP = re.compile(r"[>\[]")
_SUBSET_END = re.compile(r"\]\s*>")
_XML_DECL = re.compile(r"\A\s*<\?xml[^>]*\?>")
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([\w-]+)", re.IGNORECASE)
_INVISIBLE = ("script", "style", "noscript", "template", "head", "svg", "iframe")
# Pages above this size skip trafilatura's second opinion (readability/jusText comparison):
# on a multi-megabyte page it costs a third of the extraction and the main text is plain there.
LARGE_PAGE_CHARS = 1_000_000
_VISIBLE_TEXT = etree.XPath(
    "//text()[not(ancestor::*[" + " or ".join(f"self::{tag}" for tag in _INVISIBLE) + "])]"
)


def read_html(
    data: bytes,
    *,
    source_name: str,
    limits: Limits,
    location: str | None = None,
    url: str | None = None,
) -> ParsedArticle:
    """Main text of an HTML page; ``extraction_ratio`` = extracted / visible characters."""
    tree = parse_html(decode_html(data, source=source_name), source=source_name)
    visible = visible_text(tree)
    if not visible:
        raise IngestionError("the page has no visible text", source=source_name, row=location)
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        fast=len(visible) > LARGE_PAGE_CHARS,
        with_metadata=True,
        include_comments=False,
        deduplicate=False,
        # htmldate's extensive search regex-scans the whole text for dates: seconds on a long
        # page, and its guesses from running text are weaker than the page metadata
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    warnings = []
    text = (doc.text or "").strip() if doc is not None else ""
    title = clean_line(doc.title) if doc is not None and doc.title else None
    if not text:
        text = visible
        warnings.append("main-text extraction found nothing; kept all visible text")
    elif title and text.split("\n", 1)[0].strip() == title:
        text = text.split("\n", 1)[1] if "\n" in text else text  # headline repeated as first line
    fields = {"title": title, "text": text, "url": url}
    if doc is not None:
        fields.update(
            published=doc.date, outlet=doc.sitename, byline=doc.author, url=doc.url or url
        )
    ratio = min(1.0, len(_collapse_spaces(text)) / len(visible))
    return build_article(
        fields,
        source_name=source_name,
        source_format="html",
        location=location,
        limits=limits,
        extraction_ratio=round(ratio, 4),
        warnings=warnings,
    )


def decode_html(data: bytes, *, source: str) -> str:
    """Decode using BOM/UTF-8 first, then the page's own ``<meta charset>``, then detection."""
    try:
        return decode_bytes(data, source=source) if _is_utf8_or_bom(data) else _declared(data)
    except (LookupError, UnicodeDecodeError):
        return decode_bytes(data, source=source)


def _is_utf8_or_bom(data: bytes) -> bool:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:3] == b"\xef\xbb\xbf":
        return True
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _declared(data: bytes) -> str:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        raise LookupError("no declared charset")
    return data.decode(match.group(1).decode("ascii"))


def parse_html(html: str, *, source: str) -> lxml.html.HtmlElement:
    html = strip_doctype(_XML_DECL.sub("", html, count=1))
    parser = lxml.html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, collect_ids=False
    )
    try:
        tree = lxml.html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError) as err:
        raise IngestionError(f"is not readable HTML ({err})", source=source) from err
    return tree


def strip_doctype(html: str) -> str:
    """``html`` without its first DOCTYPE declaration, internal subset included (linear time).

    An internal subset that is never closed with "]>" is no valid subset (no parser can take
    entities from it); it ends at the next ">" as a browser's bogus doctype would, or at the
    end of the page.
    """
    start = _DOCTYPE_START.search(html)
    stop = _DOCTYPE_STOP.search(html, start.end()) if start else None
    if start is None or stop is None:
        return html
    end = stop.end()
    if stop.group() == "[":
        close = _SUBSET_END.search(html, end)
        if close is not None:
            end = close.end()
        else:
            bracket = html.find(">", end)
            end = bracket + 1 if bracket >= 0 else len(html)
    return html[: start.start()] + html[end:]


def visible_text(tree: lxml.html.HtmlElement) -> str:
    """All text a reader would see, whitespace collapsed (the denominator of extraction_ratio)."""
    return _collapse_spaces(" ".join(_VISIBLE_TEXT(tree)))


def _collapse_spaces(text: str) -> str:
    # Same result as re.sub(r"\s+", " ", text).strip() (both use str.isspace), twice as fast.
    return " ".join(text.split())
