import datetime as dt

import pytest

from articles.ingestion import detect_language
from articles.ingestion.dates import DateParseError, parse_published

from .helpers import STORY


def test_english_article_is_detected():
    assert detect_language(STORY) == "en"


def test_french_article_is_detected():
    text = (
        "Le ministère de la mer a déclaré mardi que ses patrouilleurs avaient escorté deux "
        "chalutiers loin des hauts-fonds contestés, et que les pourparlers reprendraient."
    )
    assert detect_language(text) == "fr"


def test_short_text_has_no_language():
    assert detect_language("Talks resume.") is None


def test_iso_date_stays_a_date():
    assert parse_published("2024-06-28") == dt.date(2024, 6, 28)


def test_naive_datetime_is_taken_as_utc():
    assert parse_published("2024-06-28 10:15:00").tzinfo == dt.UTC


def test_rfc2822_keeps_its_offset():
    parsed = parse_published("Fri, 28 Jun 2024 09:30:00 +0200")
    assert parsed.utcoffset() == dt.timedelta(hours=2)


@pytest.mark.parametrize("text", ["28 June 2024", "June 28, 2024", "28 Jun. 2024"])
def test_named_month_dates_are_parsed(text):
    assert parse_published(text) == dt.date(2024, 6, 28)


def test_ambiguous_numeric_date_is_refused():
    with pytest.raises(DateParseError, match="not a date this reader understands"):
        parse_published("06/07/2024")
