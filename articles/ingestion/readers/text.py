"""Plain text and Markdown."""

from __future__ import annotations

import re

from ..build import build_article
from ..decode import decode_bytes
from ..limits import Limits
from ..normalize import normalize_text
from ..records import ParsedArticle

_MAX_TITLE_LINE = 200


def read_txt(
    data: bytes, *, source_name: str, limits: Limits, location: str | None = None
) -> ParsedArticle:
    """A short first line followed by a blank line is the title; the rest is the text."""
    text = normalize_text(decode_bytes(data, source=source_name))
    title, body = _leading_title(text)
    return build_article(
        {"title": title, "text": body},
        source_name=source_name,
        source_format="txt",
        location=location,
        limits=limits,
    )


def _leading_title(text: str) -> tuple[str | None, str]:
    first, sep, rest = text.partition("\n\n")
    if sep and "\n" not in first and len(first) <= _MAX_TITLE_LINE and rest.strip():
        return first, rest
    return None, text


# --- Markdown ----------------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_FRONT_KEYS = {
    "title": "title",
    "date": "published",
    "published": "published",
    "outlet": "outlet",
    "source": "outlet",
    "url": "url",
    "author": "byline",
    "byline": "byline",
    "language": "language",
    "lang": "language",
    "event": "event",
    "origin": "origin",
}
_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_LINK_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s+\S+")
_LINE_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+][ \t]+)?")
_INLINE = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # image → alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # link → its text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference link
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),  # autolink
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),  # emphasis *x*
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),  # emphasis _x_
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),  # strikethrough
    (re.compile(r"`([^`]+)`"), r"\1"),  # inline code
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])"), r"\1"),  # backslash escapes
)


def read_md(
    data: bytes, *, source_name: str, limits: Limits, location: str | None = None
) -> ParsedArticle:
    """Markdown with its syntax stripped; a leading ``# heading`` (or front matter) is the title."""
    text = normalize_text(decode_bytes(data, source=source_name))
    fields, text = _front_matter(text)
    lines = text.split("\n")
    title_index = _first_content_line(lines)
    if title_index is not None and fields.get("title") is None:
        match = _HEADING.match(lines[title_index])
        if match and len(match.group(1)) == 1:
            fields["title"] = _strip_inline(match.group(2))
            del lines[title_index]
    fields["text"] = strip_markdown(lines)
    return build_article(
        fields, source_name=source_name, source_format="md", location=location, limits=limits
    )


def strip_markdown(lines: list[str]) -> str:
    """Remove Markdown syntax line by line, keeping every word of the text."""
    out = []
    in_fence = False
    for line in lines:
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            out.append(line)
            continue
        if _RULE.match(line) or _LINK_DEF.match(line):
            out.append("")
            continue
        heading = _HEADING.match(line)
        line = heading.group(2) if heading else _LINE_PREFIX.sub("", line, count=1)
        out.append(_strip_inline(line))
    return "\n".join(out)


def _strip_inline(line: str) -> str:
    for pattern, replacement in _INLINE:
        line = pattern.sub(replacement, line)
    return line


def _first_content_line(lines: list[str]) -> int | None:
    return next((i for i, line in enumerate(lines) if line.strip()), None)


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields = {}
    for line in match.group(1).split("\n"):
        key, sep, value = line.partition(":")
        target = _FRONT_KEYS.get(key.strip().lower())
        if sep and target:
            fields[target] = value.strip().strip("\"'")
    return fields, text[match.end() :]
