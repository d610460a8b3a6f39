"""Lenient publication-date parsing: returns a date, an aware datetime, or None with a reason."""

from __future__ import annotations

import datetime as dt
import email.utils
import re

_MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")


class DateParseError(ValueError):
    pass


def parse_published(value: object) -> dt.date | dt.datetime | None:
    """Parse ISO dates/datetimes, RFC 2822 and "28 June 2024"/"June 28, 2024".

    Naive datetimes are taken as UTC. Raises ``DateParseError`` for text that is not a date;
    ambiguous numeric forms such as 06/07/2024 are refused rather than guessed.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    for parse in (_iso, _rfc2822, _named_month):
        result = parse(text)
        if result is not None:
            return result
    raise DateParseError(f"'{text[:40]}' is not a date this reader understands (use YYYY-MM-DD)")


def _iso(text: str) -> dt.date | dt.datetime | None:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return None
    try:
        # fromisoformat accepts "2024-06-28 10:00:00.123", "…T10:00Z", "…+02:00"
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _rfc2822(text: str) -> dt.datetime | None:
    if not re.search(r"\d{1,2}:\d{2}", text):
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _named_month(text: str) -> dt.date | None:
    match = _DAY_MONTH_YEAR.match(text)
    if match:
        day, month, year = match.groups()
    else:
        match = _MONTH_DAY_YEAR.match(text)
        if not match:
            return None
        month, day, year = match.groups()
    number = _MONTHS.get(month.lower())
    if number is None:
        return None
    try:
        return dt.date(int(year), number, int(day))
    except ValueError:
        return None
