"""Span interchange formats besides our JSONL: brat standoff, CSV and WebAnno TSV 3.3.

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
import json
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


# Our JSONL ---------------------------------------------------------------------------------
# One article per line with the fields the article importer reads (``id``, ``title``,
# ``text``, ``spans`` of start/end/label[/note], code-point offsets), so an export can be
# loaded as new articles too.


def to_jsonl(docs: Iterable[tuple[str, str, Iterable[Span]]], titles: dict | None = None) -> str:
    """JSON Lines of (document name, text, spans) triples."""
    lines = []
    for name, text, spans in docs:
        row = {"id": name, "title": (titles or {}).get(name, name), "text": text}
        row["spans"] = [
            {
                "start": s.start,
                "end": s.end,
                "label": s.label,
                **({"note": s.note} if s.note else {}),
            }
            for s in spans
        ]
        lines.append(json.dumps(row, ensure_ascii=False))
    return "".join(f"{line}\n" for line in lines)


def from_jsonl(data: str, texts: dict[str, str], *, name: str = "spans.jsonl") -> dict[str, list]:
    """Spans per document from our JSONL; each line's text must be the document's text."""
    out: dict[str, list] = {}
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}, line {number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InterchangeError(f"{where}: not JSON ({exc.msg}).") from None
        doc = row.get("id") if isinstance(row, dict) else None
        if doc not in texts:
            raise InterchangeError(f"{where}, field id: no document {doc!r}.")
        if row.get("text", texts[doc]) != texts[doc]:
            raise InterchangeError(f"{where}, field text: not the text of {doc}.")
        out[doc] = [_jsonl_span(span, texts[doc], f"{where}, span {i + 1}")
                    for i, span in enumerate(row.get("spans") or [])]  # fmt: skip
    return out


def _jsonl_span(span: object, text: str, where: str) -> Span:
    if not isinstance(span, dict) or not isinstance(span.get("label"), str):
        raise InterchangeError(f"{where}, field label: missing.")
    start, end = span.get("start"), span.get("end")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        raise InterchangeError(f"{where}, field start/end: {start}–{end} is outside the text.")
    return Span(start, end, span["label"], str(span.get("note") or ""))


# WebAnno / INCEpTION TSV 3.3 --------------------------------------------------------------
# One "sentence" per line of the text; tokens are split at white space and at every span
# boundary, so each span covers whole tokens. Token offsets are UTF-16 code units (what
# INCEpTION's Java strings count); we convert to and from code points. A span over several
# tokens carries an id (``label[3]``); stacked spans on a token are joined with ``|``.

TSV_HEADER = "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|label\n\n"
_TSV_SPECIAL = "\\[]|_->;\t\n*"


def _tsv_escape(value: str) -> str:
    return "".join("\\" + c if c in _TSV_SPECIAL else c for c in value)


def _tsv_unescape(value: str) -> str:
    return re.sub(r"\\(.)", r"\1", value, flags=re.S)


def _u16(text: str, cp: int) -> int:
    return len(text[:cp].encode("utf-16-le")) // 2


def _tsv_tokens(text: str, cuts: set[int]) -> list[list[tuple[int, int]]]:
    sentences, line_start = [], 0
    for line in text.split("\n"):
        toks = []
        for m in re.finditer(r"\S+", line):
            s, e = line_start + m.start(), line_start + m.end()
            inner = sorted(c for c in cuts if s < c < e)
            for a, b in zip([s, *inner], [*inner, e], strict=True):
                toks.append((a, b))
        if toks:
            sentences.append((line, toks))
        line_start += len(line) + 1
    return sentences


def to_webanno_tsv(text: str, spans: list[Span]) -> str:
    cuts = {p for s in spans for p in (s.start, s.end)}
    ids = {i: n for n, i in enumerate((i for i, s in enumerate(spans)), start=1)}
    out = [TSV_HEADER]
    for k, (line, toks) in enumerate(_tsv_tokens(text, cuts), start=1):
        out.append(f"\n#Text={_tsv_escape(line)}\n")
        for t, (s, e) in enumerate(toks, start=1):
            values = []
            for i, span in enumerate(spans):
                if span.start <= s and e <= span.end:
                    multi = _token_count(span, toks) > 1 or _crosses_lines(text, span)
                    label = _tsv_escape(span.label)
                    values.append(f"{label}[{ids[i]}]" if multi else label)
            cell = "|".join(values) or "_"
            out.append(
                f"{k}-{t}\t{_u16(text, s)}-{_u16(text, e)}\t{_tsv_escape(text[s:e])}\t{cell}\t\n"
            )
    return "".join(out)


def _token_count(span: Span, toks: list[tuple[int, int]]) -> int:
    return sum(1 for s, e in toks if span.start <= s and e <= span.end)


def _crosses_lines(text: str, span: Span) -> bool:
    return "\n" in text[span.start : span.end]


def from_webanno_tsv(text: str, data: str, *, name: str = "doc.tsv") -> list[Span]:
    """Spans of a TSV 3.3 file over ``text`` (the document's text, as its offsets count)."""
    cp_of = {_u16(text, i): i for i in range(len(text) + 1)}
    found: dict[str, list] = {}
    singles: list[Span] = []
    for number, line in enumerate(data.split("\n"), start=1):
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        where = f"{name}, line {number}"
        try:
            s16, e16 = (int(x) for x in cols[1].split("-"))
            start, end = cp_of[s16], cp_of[e16]
        except (IndexError, ValueError, KeyError):
            raise InterchangeError(
                f"{where}: column 2 must be <begin>-<end> in the text."
            ) from None
        cell = cols[3] if len(cols) > 3 else "_"
        if cell == "_":
            continue
        for value in re.split(r"(?<!\\)\|", cell):
            m = re.fullmatch(r"(.*?)(?:\[(\d+)\])?", value, flags=re.S)
            label, ident = _tsv_unescape(m.group(1)), m.group(2)
            if ident is None:
                singles.append(Span(start, end, label))
            else:
                found.setdefault(ident, [start, end, label])
                found[ident][0] = min(found[ident][0], start)
                found[ident][1] = max(found[ident][1], end)
    multi = [Span(s, e, label) for s, e, label in found.values()]
    return sorted(singles + multi, key=lambda s: (s.start, s.end, s.label))
