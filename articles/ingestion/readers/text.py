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
# Heading: the opening hashes here; the closing "###" and trailing blanks are cut in Python, as a
# lazy "(.*?)(?:[ \t]+#+)?[ \t]*$" rescanned a long run of blanks from each of its spaces.
_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_LINK_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s+\S+")
_LINE_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+][ \t]+)?")


def _inner(match: re.Match) -> str:
    # group 1 is None when the opener found no closer: the rest of the line stays as it was
    inner = match.group(1)
    return match.group() if inner is None else inner


# Every pattern must stay linear on a hostile line (a 1 MB line of "[" or "**a *b"):
# - bracket and angle texts stop at the next opening bracket too, so a scan from an opener
#   that never closes ends at the next opener instead of the end of the line;
# - a destination holds one level of balanced parentheses (".../X_(y)") and no others;
# - an emphasis opener with no closer after it consumes the rest of the line unchanged
#   (``_inner``): every later opener would look for a closer in the same, shorter tail.
_DESTINATION = r"\((?:[^()]++|\([^()]*+\))*+\)"
_INLINE = (
    (re.compile(rf"!\[([^\[\]]*+)\]{_DESTINATION}"), r"\1"),  # image → alt text
    (re.compile(rf"\[([^\[\]]++)\]{_DESTINATION}"), r"\1"),  # link → its text
    (re.compile(r"\[([^\[\]]++)\]\[[^\[\]]*+\]"), r"\1"),  # reference link
    (re.compile(r"<((?:https?|mailto):[^<>\s]++)>"), r"\1"),  # autolink
    (re.compile(r"\*\*(?=\S)(?:(.+?)(?<=\S)\*\*|.*)"), _inner),  # strong **x**
    (re.compile(r"__(?=\S)(?:(.+?)(?<=\S)__|.*)"), _inner),  # strong __x__
    (re.compile(r"(?<![\w*])\*(?=\S)(?:(.+?)(?<=\S)\*(?![\w*])|.*)"), _inner),  # *x*
    (re.compile(r"(?<![\w_])_(?=\S)(?:(.+?)(?<=\S)_(?![\w_])|.*)"), _inner),  # _x_
    (re.compile(r"~~(?=\S)(?:(.+?)(?<=\S)~~|.*)"), _inner),  # strikethrough
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
        heading = _heading(lines[title_index])
        if heading and heading[0] == 1:
            fields["title"] = _strip_inline(heading[1])
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
        heading = _heading(line)
        line = heading[1] if heading else _LINE_PREFIX.sub("", line, count=1)
        out.append(_strip_inline(line))
    return "\n".join(out)


def _heading(line: str) -> tuple[int, str] | None:
    """(level, text) of an ATX heading line, its closing hashes and blanks removed."""
    match = _HEADING.match(line)
    if match is None:
        return None
    text = line[match.end() :].rstrip(" \t")
    unclosed = text.rstrip("#")
    if unclosed != text and unclosed[-1:] in (" ", "\t"):
        text = unclosed.rstrip(" \t")
    return len(match.group(1)), text


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
