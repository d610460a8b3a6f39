"""E-mail messages (.eml): newsletters, press releases forwarded to the team."""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage
from email.utils import getaddresses

from ..build import build_article
from ..errors import IngestionError
from ..limits import Limits
from ..records import ParsedArticle
from .html import parse_html, visible_text


def read_eml(
    data: bytes, *, source_name: str, limits: Limits, location: str | None = None
) -> ParsedArticle:
    """Subject as title, plain-text body (or the HTML body's text), Date, From as byline."""
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
    except (ValueError, TypeError, LookupError) as err:
        raise IngestionError(f"is not a readable e-mail ({err})", source=source_name) from err
    if not isinstance(message, EmailMessage) or not (message.keys() or message.get_payload()):
        raise IngestionError("is not a readable e-mail message", source=source_name, row=location)
    text, ratio = _body(message, source_name, location)
    return build_article(
        {
            "title": _header(message, "subject"),
            "text": text,
            "published": _header(message, "date"),
            "byline": _sender(message),
        },
        source_name=source_name,
        source_format="eml",
        location=location,
        limits=limits,
        extraction_ratio=ratio,
    )


def _header(message: EmailMessage, name: str) -> str | None:
    try:
        value = message.get(name)
    except (ValueError, IndexError, TypeError):
        return None  # malformed header: treat as absent rather than losing the body
    return str(value) if value is not None else None


def _sender(message: EmailMessage) -> str | None:
    raw = _header(message, "from")
    if not raw:
        return None
    addresses = getaddresses([raw])
    if not addresses:
        return raw
    name, address = addresses[0]
    return name or address or raw


def _body(message: EmailMessage, source: str, location: str | None) -> tuple[str, float | None]:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        raise IngestionError(
            "has no text or HTML body (only attachments?)", source=source, row=location
        )
    try:
        content = part.get_content()
    except (LookupError, UnicodeDecodeError, ValueError) as err:
        raise IngestionError(f"body cannot be decoded ({err})", source=source) from err
    if isinstance(content, bytes):
        content = content.decode("utf-8", errors="replace")
    if part.get_content_subtype() == "html":
        return visible_text(parse_html(content, source=source)), None
    return content, None
