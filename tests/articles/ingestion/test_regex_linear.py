"""Every regex applied to uploaded text runs in linear time on hostile input (issue 9).

Each case is an input built against one pattern: an opener repeated without its closer, a long
run that a pattern rescans from each of its characters. Cases that took seconds to minutes
before the fix are marked with the old time; the others guard patterns found linear.
"""

from __future__ import annotations

import contextlib
import time

import pytest

from articles.ingestion import IngestionError, read_file
from articles.ingestion.columns import header_key
from articles.ingestion.dates import DateParseError, parse_published
from articles.ingestion.normalize import normalize_text, normalize_with_map
from articles.ingestion.readers.html import strip_doctype
from articles.ingestion.readers.text import strip_markdown
from tests.timing import assert_linear

from .helpers import STORY


@pytest.fixture(scope="module", autouse=True)
def _readers_loaded():
    # The first read loads trafilatura, lxml and the language model (seconds on a busy
    # machine): load them before anything is timed.
    read_file(f"<html><body><p>{STORY}</p></body></html>".encode(), name="warm.html")


def test_html_page_of_unclosed_doctype_subsets_is_read_quickly():
    # 300 KB of "<!DOCTYPE [" took 24.5 s, holding the GIL: every other request waited.
    page = "<!DOCTYPE [" * 28_000 + f"<html><body><article><p>{STORY}</p></article></body></html>"
    start = time.process_time()
    article = read_file(page.encode(), name="hostile.html").articles[0]
    assert time.process_time() - start < 5
    assert STORY in article.text


def test_html_body_of_an_email_with_unclosed_doctypes_is_read_quickly():
    html = "<!DOCTYPE [" * 28_000 + f"<p>{STORY}</p>"
    message = (
        "From: desk@courier.example\r\nSubject: Shoals\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/html; charset=utf-8\r\n\r\n" + html
    )
    start = time.process_time()
    with contextlib.suppress(IngestionError):  # a rejection is fine, if it is quick
        read_file(message.encode(), name="hostile.eml")
    assert time.process_time() - start < 5


DOCTYPES = {
    "unclosed subsets": "<!DOCTYPE [",  # 24.5 s for 300 KB before
    "unterminated doctypes": "<!DOCTYPE ",
    "subsets without '>'": "<!DOCTYPE x [ ] ] ",
}


@pytest.mark.parametrize("unit", DOCTYPES.values(), ids=DOCTYPES.keys())
def test_doctype_removal_is_linear(unit):
    assert_linear(strip_doctype, lambda n: unit * n + "<p>x</p>", 4_000)


WHITESPACE = {
    "spaces before a letter": lambda n: "a" + " " * n + "b",  # 11 s for 32,000 before
    "tabs and spaces before a letter": lambda n: "a" + " \t" * (n // 2) + "b",
    "spaces before each of many lines": lambda n: ("a" + " " * 20 + "\n") * (n // 20),
}


@pytest.mark.parametrize("make", WHITESPACE.values(), ids=WHITESPACE.keys())
def test_text_normalisation_is_linear(make):
    assert_linear(normalize_text, make, 4_000)


def test_text_normalisation_with_an_offset_map_is_linear():
    assert_linear(normalize_with_map, lambda n: "a" + " " * n + "b", 4_000)


MARKDOWN_LINES = {
    # the first seven took 2 to 80 s on a 96 KB line before
    "image openers": "![",
    "link openers": "[",
    "links without a closing parenthesis": "[a](",
    "autolink openers": "<http:",
    "strong and emphasis without closers": "**a *b",
    "emphasis then strong": "*a**",
    "images without a closing parenthesis": "![a](",
    "reference links": "[a][",
    "underscores": "__a _b",
    "strikethrough openers": "~~a",
    "code spans": "`a",
    "escapes": "\\",
    "quote markers": "> ",
    "list markers": "- ",
}


@pytest.mark.parametrize("unit", MARKDOWN_LINES.values(), ids=MARKDOWN_LINES.keys())
def test_markdown_line_stripping_is_linear(unit):
    assert_linear(
        lambda line: strip_markdown([line]), lambda n: "x " + unit * n, 12_000 // len(unit)
    )


def test_markdown_heading_with_a_long_run_of_blanks_is_linear():
    # "# x" + 32,000 spaces + "y" took 20 s before
    assert_linear(lambda line: strip_markdown([line]), lambda n: "# x" + " " * n + "y", 4_000)


def test_markdown_file_of_hostile_lines_is_read_quickly():
    line = "**a *b ![c [d](e <http:f " * 2_000
    start = time.process_time()
    read_file(f"# Title\n\n{line}\n{line}\n".encode(), name="hostile.md")
    assert time.process_time() - start < 5


@pytest.mark.parametrize(
    "unit", ["1 ", "June ", "1 June, ", "12:", "Mon, "], ids=["day", "month", "dmy", "time", "rfc"]
)
def test_date_parsing_is_linear(unit):
    assert_linear(_parse_or_refuse, lambda n: unit * n + "2024", 2_000)


def _parse_or_refuse(value: str) -> None:
    with contextlib.suppress(DateParseError):
        parse_published(value)


def test_header_normalisation_is_linear():
    assert_linear(header_key, lambda n: " -" * n + "text", 4_000)
