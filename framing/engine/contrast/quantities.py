"""Numbers in sentences, for comparing reports of one fact: numbers in words read as digits
("Twenty-three" = 23, "Eleven thousand" = 11000), a scale word taken into the value ("140
million" = 140000000), the kind of quantity a number measures (time, money, length, a
percentage, a repeat), and what a number counts ("23 people")."""

from __future__ import annotations

import re
from functools import lru_cache

from .alignment import _stem

_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = {
    w: 10 * k
    for k, w in enumerate(
        ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    )
    if k > 1
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# "Twenty-three", "Eleven thousand", "three hundred": counts in words, read as digits so that
# "Twenty-three people" meets "23 people" (and does not clash with it).
_SPELLED = re.compile(
    r"\b(?:(?P<tens>" + "|".join(_TENS) + r")(?:[- ](?P<unit>" + "|".join(_UNITS[1:10]) + r"))?"
    r"|(?P<small>" + "|".join(_UNITS) + r"))(?:\s+(?P<scale>hundred|thousand|million))?\b",
    re.IGNORECASE,
)
# Words after a number that do not say what it counts ("about 4,000 took part" counts nothing
# the next word names; "14 per cent", "900 new jobs" look past them).
_NOT_UNITS = frozenset(
    [
        "per",
        "cent",
        "percent",
        "of",
        "more",
        "than",
        "new",
        "other",
        "extra",
        "additional",
        "some",
        "about",
    ]
)
_COUNTED = re.compile(r"(\d[\d,.]*\d|\d)((?:\s+[a-z][\w-]*){1,3})")


def _spelled(match: re.Match) -> str:
    if match.group("small"):
        value = _UNITS.index(match.group("small").lower())
    else:
        value = _TENS[match.group("tens").lower()]
        if match.group("unit"):
            value += _UNITS.index(match.group("unit").lower())
    if match.group("scale"):
        value *= _SCALES[match.group("scale").lower()]
    return str(value)


# "140 million", "2.1 billion": a number with its scale word is one value (140 million crowns
# and 140 buses share no number).
_SCALED = re.compile(r"\b(\d[\d,]*(?:\.\d+)?)\s+(thousand|million|billion)\b", re.IGNORECASE)
_SCALE_VALUES = {"thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}


def _scaled(match: re.Match) -> str:
    value = float(match.group(1).replace(",", "")) * _SCALE_VALUES[match.group(2).lower()]
    return str(round(value))


@lru_cache(maxsize=16384)
def digits(sentence: str) -> str:
    return _SCALED.sub(_scaled, _SPELLED.sub(_spelled, sentence))


def numbers(sentence: str) -> list[str]:
    """Numbers in digits, with numbers in words read as digits ("Three hundred" = 300)."""
    return [n.replace(",", "").rstrip(".") for n in _NUMBER.findall(digits(sentence))]


# Kinds of quantity: a number shared by two sentences is one value only when it measures the same
# kind of thing ("14 officers" / "14 years", "three times" / "three weeks" are not).
_KINDS = {
    "time": (
        "second",
        "minute",
        "hour",
        "day",
        "night",
        "week",
        "fortnight",
        "month",
        "year",
        "decade",
        "century",
    ),
    "times": ("time",),
    "percent": ("percent",),
    "money": (
        "crown",
        "dollar",
        "euro",
        "pound",
        "franc",
        "mark",
        "yuan",
        "yen",
        "rouble",
        "peso",
        "rupee",
        "krone",
        "kronor",
        "shekel",
    ),
    "length": (
        "millimetre",
        "centimetre",
        "metre",
        "kilometre",
        "mile",
        "km",
        "mm",
        "cm",
        "foot",
        "feet",
        "yard",
        "inch",
    ),
}
_KIND_OF = {
    form: kind
    for kind, words in _KINDS.items()
    for w in words
    for form in (w, w + "s", w + "es", w.removesuffix("y") + "ies")
}
_QUANTITY = re.compile(r"(\d[\d,.]*\d|\d)(?:[\s-]+([a-z]+)(?:\s+([a-z]+))?)?")


@lru_cache(maxsize=16384)
def number_kinds(sentence: str) -> tuple[str, ...]:
    """Each number, with the kind of quantity it measures when that is time, money, length, a
    percentage or a repeat ("3|time" for "three weeks", "3|times" for "three times"); counts of
    things and bare numbers are the number alone."""
    out = []
    for number, first, second in _QUANTITY.findall(digits(sentence)):
        value = number.replace(",", "").rstrip(".")
        percent = first == "percent" or (first, second) == ("per", "cent")
        kind = "percent" if percent else _KIND_OF.get(first, "")
        out.append(f"{value}|{kind}" if kind else value)
    return tuple(out)


def counts(sentence: str) -> list[str]:
    """What each number counts, as "unit" and "number:unit" ("23 people" gives "people" and
    "23:people"): two sentences that count the same thing with different numbers ("23 people
    were arrested" / "41 people were arrested") contradict each other; "2.3 metres" and "140
    people" count different things and do not."""
    out = []
    for number, after in _COUNTED.findall(digits(sentence)):
        words = after.lower().split()
        if words[:2] == ["per", "cent"] or words[:1] == ["percent"]:
            out += ["percent", f"{number.replace(',', '').rstrip('.')}:percent"]
            continue
        unit = next((w for w in after.split() if w.lower() not in _NOT_UNITS), None)
        if unit:
            unit = _stem(unit.lower())
            out += [unit, f"{number.replace(',', '').rstrip('.')}:{unit}"]
    return out


def single_count(sentence: str) -> tuple[str, str]:
    """(unit, number) when the sentence counts exactly one thing with one number, else ("", "")
    — a sentence with several counts usually carries several facts, and a clash between them
    says nothing."""
    counted = [c for c in counts(sentence) if ":" in c]
    if len(counted) != 1 or len(numbers(sentence)) != 1:
        return "", ""
    number, unit = counted[0].split(":")
    return unit, number
