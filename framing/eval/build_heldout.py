"""Build the held-out gold set ``heldout.jsonl`` from ``heldout_source.txt``.

The source holds the passages with inline span markup, ``{{label:phrase|note}}``. This script
removes the markup, records code-point offsets of every marked phrase in the clean text, checks
that ``text[start:end] == phrase`` and writes one JSON object per line in the interchange format.

Usage (from the repository root)::

    .venv/bin/python framing/eval/build_heldout.py           # rebuild and print counts
    .venv/bin/python framing/eval/build_heldout.py --check   # fail if heldout.jsonl is stale

It deliberately imports nothing from ``framing.engine``: the set was written independently of the
engine's lexicon and must stay that way (see README.md in this directory).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "heldout_source.txt"
OUTPUT = HERE / "heldout.jsonl"

# The stable loaded-term category keys of the engine contract, copied here on purpose so that the
# gold data does not depend on engine code.
CATEGORIES = (
    "pejorative_label",
    "hostile_intent",
    "analogy_label",
    "hyperbole",
    "fear_appeal",
    "scare_quotes",
    "euphemism",
    "moral_condemnation",
    "glorification",
    "loaded_attribution",
)
OUTLET_TYPES = {
    "state_media",
    "state_affiliated",
    "public_broadcaster",
    "commercial",
    "wire_agency",
    "government",
    "ngo",
    "other",
}
GENRES = {"news", "statement", "opinion"}
SIDES = {"adversary", "allied", "neutral"}
HEADER_KEYS = ("title", "outlet", "outlet_type", "genre", "side", "event")

MARK = re.compile(r"\{\{(?P<label>[a-z_]+):(?P<phrase>[^|{}]+)(?:\|(?P<note>[^{}]*))?\}\}")
# A sentence ends at . ! or ? (optionally followed by a closing quote) before whitespace or the
# end of the text; decimals such as "2.4" and times such as "10:30" do not match.
SENTENCE_END = re.compile(r"[.!?][\"'”’]?(?=\s|$)")


class SourceError(ValueError):
    """Raised when the source file breaks one of the format rules."""


def split_records(source: str) -> list[list[str]]:
    """Split the source into records (lists of lines), dropping the leading comment block."""
    blocks = re.split(r"^---[ \t]*$", source, flags=re.MULTILINE)
    return [block.strip("\n").splitlines() for block in blocks[1:] if block.strip()]


def parse_record(lines: list[str]) -> tuple[dict[str, str], str]:
    """Return the header fields and the marked-up body of one record."""
    blank = next((i for i, line in enumerate(lines) if not line.strip()), len(lines))
    header: dict[str, str] = {}
    for line in lines[:blank]:
        key, sep, value = line.partition(":")
        if not sep:
            raise SourceError(f"header line without a colon: {line!r}")
        header[key.strip()] = value.strip()
    body = " ".join(line.strip() for line in lines[blank + 1 :] if line.strip())
    return header, body


def strip_markup(marked: str) -> tuple[str, list[dict[str, object]]]:
    """Remove ``{{label:phrase|note}}`` markup; return clean text and spans with offsets."""
    parts: list[str] = []
    spans: list[dict[str, object]] = []
    length = 0
    cursor = 0
    for match in MARK.finditer(marked):
        before = marked[cursor : match.start()]
        parts.append(before)
        length += len(before)
        phrase = match["phrase"]
        spans.append(
            {
                "start": length,
                "end": length + len(phrase),
                "label": match["label"],
                "note": (match["note"] or "").strip(),
            }
        )
        parts.append(phrase)
        length += len(phrase)
        cursor = match.end()
    parts.append(marked[cursor:])
    return "".join(parts), spans


def validate(passage: dict[str, object]) -> None:
    """Raise SourceError unless the passage meets every rule of the gold set."""
    title = passage["title"]
    text = str(passage["text"])
    for key in HEADER_KEYS:
        if not passage.get(key):
            raise SourceError(f"{title!r}: missing {key}")
    if passage["outlet_type"] not in OUTLET_TYPES:
        raise SourceError(f"{title!r}: unknown outlet_type {passage['outlet_type']!r}")
    if passage["genre"] not in GENRES or passage["side"] not in SIDES:
        raise SourceError(f"{title!r}: bad genre or side")
    if "{{" in text or "}}" in text:
        raise SourceError(f"{title!r}: unparsed markup left in text")
    sentences = len(SENTENCE_END.findall(text))
    if not 2 <= sentences <= 5:
        raise SourceError(f"{title!r}: {sentences} sentences, expected 2-5")
    _validate_spans(str(title), text, passage["spans"])  # type: ignore[arg-type]


def _validate_spans(title: str, text: str, spans: list[dict[str, object]]) -> None:
    previous_end = 0
    for span in spans:
        start, end = int(span["start"]), int(span["end"])  # type: ignore[call-overload]
        phrase = text[start:end]
        if span["label"] not in CATEGORIES:
            raise SourceError(f"{title!r}: unknown label {span['label']!r}")
        if phrase != phrase.strip() or not phrase:
            raise SourceError(f"{title!r}: span {phrase!r} has outer whitespace")
        if start < previous_end:
            raise SourceError(f"{title!r}: overlapping spans at {start}")
        previous_end = end


def _check_phrases(title: str, marked: str, text: str, spans: list[dict[str, object]]) -> None:
    # Independent re-check of the offsets against the phrases as written in the source.
    phrases = [match["phrase"] for match in MARK.finditer(marked)]
    for span, phrase in zip(spans, phrases, strict=True):
        if text[int(span["start"]) : int(span["end"])] != phrase:  # type: ignore[call-overload]
            raise SourceError(f"{title!r}: offsets of {phrase!r} do not match the text")


def build(source: str) -> list[dict[str, object]]:
    """Parse the whole source and return validated passages in file order."""
    passages = []
    for lines in split_records(source):
        header, body = parse_record(lines)
        text, spans = strip_markup(body)
        _check_phrases(header.get("title", ""), body, text, spans)
        passage: dict[str, object] = {
            "title": header.get("title", ""),
            "text": text,
            "outlet": header.get("outlet", ""),
            "outlet_type": header.get("outlet_type", ""),
            "genre": header.get("genre", ""),
            "side": header.get("side", ""),
            "language": "en",
            "event": header.get("event", ""),
            "spans": spans,
        }
        validate(passage)
        passages.append(passage)
    return passages


def render(passages: list[dict[str, object]]) -> str:
    """Serialise passages as JSONL (one object per line, UTF-8, trailing newline)."""
    return "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in passages)


def _joined(counter: Counter[str]) -> str:
    return ", ".join(f"{key} {value}" for key, value in sorted(counter.items()))


def summary(passages: list[dict[str, object]]) -> str:
    """Counts per category, per side and per outlet group, for the README and reports."""
    by_label: Counter[str] = Counter()
    by_label_side: Counter[tuple[str, str]] = Counter()
    by_side: Counter[str] = Counter()
    by_group: Counter[str] = Counter()
    for p in passages:
        by_side[str(p["side"])] += 1
        group = "opinion" if p["genre"] == "opinion" else str(p["outlet_type"])
        by_group[group] += 1
        for span in p["spans"]:  # type: ignore[attr-defined]
            by_label[span["label"]] += 1
            by_label_side[(span["label"], str(p["side"]))] += 1
    empty = sum(1 for p in passages if not p["spans"])
    total = sum(by_label.values())
    lines = [
        f"passages: {len(passages)} ({empty} without spans), spans: {total}",
        f"passages per side: {_joined(by_side)}",
        f"passages per group: {_joined(by_group)}",
        f"{'category':<20} {'total':>5} {'advers.':>7} {'allied':>6} {'neutral':>7}",
    ]
    for label in CATEGORIES:
        adv, ally, neutral = (by_label_side[(label, side)] for side in sorted(SIDES))
        lines.append(f"{label:<20} {by_label[label]:>5} {adv:>7} {ally:>6} {neutral:>7}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Rebuild heldout.jsonl (or, with --check, verify it is up to date)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if heldout.jsonl is stale")
    args = parser.parse_args(argv)
    passages = build(SOURCE.read_text(encoding="utf-8"))
    rendered = render(passages)
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != rendered:
            print("heldout.jsonl is out of date; run build_heldout.py", file=sys.stderr)
            return 1
    else:
        OUTPUT.write_text(rendered, encoding="utf-8")
    print(summary(passages))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
