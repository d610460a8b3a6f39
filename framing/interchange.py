"""Span interchange formats besides our JSONL: brat standoff and CSV. Plain Python.

Offsets everywhere are code points (Python string indices), end exclusive — brat's own
offsets are the same, since its server is written in Python.

- **brat**: ``doc.txt`` holds the text unchanged, ``doc.ann`` one ``T<n>\\t<label> <start>
  <end>[;<start> <end>…]\\t<text>`` line per span. A span crossing line breaks is written as
  fragments split at the ``\\n`` characters (brat's .ann is line based) and read back as one
  span from the first fragment's start to the last one's end; a span's leading or trailing
  line breaks are therefore not kept. Notes become ``#<n>\\tAnnotatorNotes T<n>\\t<note>``
  with line breaks as spaces.
- **CSV**: ``document,start,end,label,text,note`` with the tagged text repeated so that a
  reader can check offsets against the document.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    label: str
    note: str = ""


class InterchangeError(ValueError):
    """Bad input, with the file, line or row and the field in the message."""


_LABEL = re.compile(r"^\S+$")


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces, s = [], start
    for i in range(start, end):
        if text[i] == "\n":
            if i > s:
                pieces.append((s, i))
            s = i + 1
    if end > s:
        pieces.append((s, end))
    return pieces or [(start, end)]


def to_brat(text: str, spans: Iterable[Span]) -> str:
    """The .ann file for ``text`` (written unchanged as the .txt)."""
    lines = []
    for n, span in enumerate(spans, start=1):
        if not _LABEL.match(span.label):
            raise InterchangeError(f"span {n}: label {span.label!r} has spaces; brat refuses it.")
        frags = _fragments(text, span.start, span.end)
        where = ";".join(f"{s} {e}" for s, e in frags)
        shown = " ".join(text[s:e] for s, e in frags)
        lines.append(f"T{n}\t{span.label} {where}\t{shown}")
        if span.note:
            note = span.note.replace("\r", " ").replace("\n", " ")
            lines.append(f"#{n}\tAnnotatorNotes T{n}\t{note}")
    return "".join(line + "\n" for line in lines)


def from_brat(text: str, ann: str, *, name: str = "doc.ann") -> list[Span]:
    """Spans of a brat .ann file over ``text``; relations, events and attributes are skipped."""
    found: dict[str, list] = {}
    notes: dict[str, str] = {}
    # Split on "\n" only: str.splitlines would also break at characters brat keeps in a line.
    for number, line in enumerate(ann.split("\n"), start=1):
        if line.startswith("T"):
            found[line.split("\t", 1)[0]] = _brat_span(text, line, f"{name}, line {number}")
        elif line.startswith("#"):
            parts = line.split("\t", 2)
            if len(parts) == 3 and parts[1].startswith("AnnotatorNotes "):
                notes[parts[1].split(" ", 1)[1]] = parts[2]
    return [Span(s, e, label, notes.get(tid, "")) for tid, (s, e, label) in found.items()]


def _brat_span(text: str, line: str, where: str) -> tuple[int, int, str]:
    parts = line.split("\t")
    if len(parts) < 2 or " " not in parts[1]:
        raise InterchangeError(f"{where}: expected 'T<n><TAB><label> <start> <end><TAB>text'.")
    label, offsets = parts[1].split(" ", 1)
    try:
        frags = [tuple(int(x) for x in f.split()) for f in offsets.split(";")]
        start, end = frags[0][0], frags[-1][1]
    except (ValueError, IndexError):
        raise InterchangeError(f"{where}: offsets {offsets!r} are not '<start> <end>'.") from None
    if not 0 <= start < end <= len(text):
        raise InterchangeError(f"{where}: span {start}–{end} is outside the text.")
    return start, end, label


CSV_FIELDS = ("document", "start", "end", "label", "text", "note")


def to_csv(docs: Iterable[tuple[str, str, Iterable[Span]]]) -> str:
    """CSV of (document name, text, spans) triples."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for name, text, spans in docs:
        for s in spans:
            writer.writerow([name, s.start, s.end, s.label, text[s.start : s.end], s.note])
    return out.getvalue()


def from_csv(data: str, texts: dict[str, str], *, name: str = "spans.csv") -> dict[str, list]:
    """Spans per document from a CSV; the text column, when filled, must match the offsets."""
    reader = csv.DictReader(io.StringIO(data, newline=""))
    missing = [
        f for f in ("document", "start", "end", "label") if f not in (reader.fieldnames or [])
    ]
    if missing:
        raise InterchangeError(f"{name}: missing column(s) {', '.join(missing)}.")
    out: dict[str, list] = {}
    for number, row in enumerate(reader, start=2):
        where = f"{name}, row {number}"
        doc = row["document"]
        if doc not in texts:
            raise InterchangeError(f"{where}, field document: no document {doc!r}.")
        try:
            start, end = int(row["start"]), int(row["end"])
        except ValueError:
            raise InterchangeError(f"{where}, field start/end: not whole numbers.") from None
        text = texts[doc]
        if not 0 <= start < end <= len(text):
            raise InterchangeError(f"{where}, field start/end: {start}–{end} is outside the text.")
        if row.get("text") and text[start:end] != row["text"]:
            raise InterchangeError(
                f"{where}, field text: {row['text']!r} is not the text at {start}–{end} "
                f"({text[start:end]!r})."
            )
        out.setdefault(doc, []).append(Span(start, end, row["label"], row.get("note") or ""))
    return out
