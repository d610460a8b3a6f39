"""Build the frozen held-out gold sets in this directory from their hand-written sources.

Each set has a source file with inline markup (``<set>_source.txt``) and a generated JSONL file
(``<set>.jsonl``). The builder removes the markup, computes code-point offsets, validates every
record and writes one JSON object per line.

Usage (from the repository root)::

    .venv/bin/python framing/eval/gold/build_gold.py            # rebuild all sets, print counts
    .venv/bin/python framing/eval/gold/build_gold.py loaded_news
    .venv/bin/python framing/eval/gold/build_gold.py --check    # fail if any JSONL is stale

It deliberately imports nothing from ``framing.engine``: the sets were written independently of the
engine and must stay that way (see README.md in this directory).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Stable keys of the engine contract, copied on purpose: the gold data must not import engine code.
CATEGORIES = (
    "pejorative_label",
    "moral_condemnation",
    "hyperbole",
    "fear_appeal",
    "hostile_intent",
    "glorification",
    "euphemism",
    "analogy_label",
    "loaded_attribution",
    "scare_quotes",
)
# Short codes accepted in the sources to keep the markup readable.
CATEGORY_CODES = {
    "pej": "pejorative_label",
    "mor": "moral_condemnation",
    "hyp": "hyperbole",
    "fear": "fear_appeal",
    "host": "hostile_intent",
    "glo": "glorification",
    "euph": "euphemism",
    "ana": "analogy_label",
    "attr": "loaded_attribution",
    "scare": "scare_quotes",
}
VOICES = {"o": "own", "q": "quoted", "a": "attributed"}
POLICY_FRAMES = (
    "economic",
    "capacity_resources",
    "morality",
    "fairness_equality",
    "legality",
    "policy_prescription",
    "crime_punishment",
    "security_defense",
    "health_safety",
    "quality_of_life",
    "cultural_identity",
    "public_opinion",
    "political",
    "external_reputation",
    "other",
)
FRAME_CODES = {
    "eco": "economic",
    "cap": "capacity_resources",
    "mor": "morality",
    "fair": "fairness_equality",
    "leg": "legality",
    "pol": "policy_prescription",
    "crime": "crime_punishment",
    "sec": "security_defense",
    "health": "health_safety",
    "qol": "quality_of_life",
    "cult": "cultural_identity",
    "opin": "public_opinion",
    "polit": "political",
    "ext": "external_reputation",
    "other": "other",
}
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
GENRES = {"news", "tabloid", "opinion", "editorial", "statement", "press_release"}
LEANS = {"left", "right", "centre", "state", "none"}
TOPICS = {
    "immigration",
    "crime",
    "elections",
    "economy",
    "health",
    "war_diplomacy",
    "climate",
    "culture_wars",
    "sport",
    "science",
    "local",
    "weather",
    "education",
    "technology",
    "energy",
    "housing",
    "labour",
    "transport",
    "agriculture",
    "media",
    "guns",
    "drugs",
    "death_penalty",
    "tobacco",
    "lgbtq",
    "religion",
    "trade",
}
LOADED_GROUPS = {"state_relay", "allied_spin", "political", "neutral_literal", "general"}

MARK = re.compile(
    r"\{\{(?P<label>[a-z_]+)(?:/(?P<voice>[a-z]+))?:(?P<phrase>[^|{}]+)(?:\|(?P<note>[^{}]*))?\}\}"
)
# A sentence ends at . ! or ? (optionally followed by a closing quote) before whitespace or the
# end of the text; decimals such as "2.4" and times such as "10:30" do not match.
SENTENCE_END = re.compile(r"[.!?][\"'”’]?(?=\s|$)")
# Abbreviations whose full stop does not end a sentence (datelines, titles, initials).
ABBREVIATION = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|"
    r"Maj|Capt|Sgt|Prof|Rev|Inc|Corp|Ltd|Co|No|vs|Jr|Sr|Mt|Ft)|\b[A-Z])\.$"
)
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"'”’)]?\s+|\n\n")


class SourceError(ValueError):
    """Raised when a source file breaks one of the format rules."""


# --- shared parsing -----------------------------------------------------------------------------


def split_records(source: str) -> list[list[str]]:
    """Split a source into records (lists of lines), dropping the leading comment block."""
    blocks = re.split(r"^---[ \t]*$", source, flags=re.MULTILINE)
    return [block.strip("\n").splitlines() for block in blocks[1:] if block.strip()]


def parse_record(lines: list[str]) -> tuple[dict[str, str], str]:
    """Return the header fields and the body of one record.

    Body lines are joined with single spaces; a blank line inside the body starts a new paragraph
    (joined with a blank line, ``\\n\\n``). Lines starting with ``#`` are comments.
    """
    lines = [line for line in lines if not line.startswith("#")]
    blank = next((i for i, line in enumerate(lines) if not line.strip()), len(lines))
    header: dict[str, str] = {}
    for line in lines[:blank]:
        key, sep, value = line.partition(":")
        if not sep:
            raise SourceError(f"header line without a colon: {line!r}")
        header[key.strip()] = value.strip()
    paragraphs: list[list[str]] = [[]]
    for line in lines[blank + 1 :]:
        if line.strip():
            paragraphs[-1].append(line.strip())
        elif paragraphs[-1]:
            paragraphs.append([])
    body = "\n\n".join(" ".join(p) for p in paragraphs if p)
    return header, body


def strip_markup(
    marked: str, pattern: re.Pattern[str] = MARK
) -> tuple[str, list[tuple[re.Match[str], int, int]]]:
    """Remove inline markup; return clean text and (match, start, end) for every marked phrase."""
    parts: list[str] = []
    found: list[tuple[re.Match[str], int, int]] = []
    length = 0
    cursor = 0
    for match in pattern.finditer(marked):
        before = marked[cursor : match.start()]
        parts.append(before)
        length += len(before)
        phrase = match["phrase"]
        found.append((match, length, length + len(phrase)))
        parts.append(phrase)
        length += len(phrase)
        cursor = match.end()
    parts.append(marked[cursor:])
    return "".join(parts), found


def sentence_ends(text: str) -> list[int]:
    """Offsets just past each sentence end (abbreviations such as "Aug." and "J." do not count)."""
    ends = SENTENCE_END.finditer(text)
    return [m.end() for m in ends if not ABBREVIATION.search(text[: m.start() + 1])]


def sentence_count(text: str) -> int:
    return len(sentence_ends(text))


def word_count(text: str) -> int:
    return len(re.findall(r"\w+(?:[’'-]\w+)*", text))


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges inside double quotation marks (curly pairs; straight ones alternate)."""
    regions = []
    opened: int | None = None
    straight_open: int | None = None
    for i, ch in enumerate(text):
        if ch == "“":
            opened = i
        elif ch == "”" and opened is not None:
            regions.append((opened + 1, i))
            opened = None
        elif ch == '"':
            if straight_open is None:
                straight_open = i
            else:
                regions.append((straight_open + 1, i))
                straight_open = None
    if opened is not None or straight_open is not None:
        raise SourceError("unbalanced double quotation marks")
    return regions


def _check_spans_basic(title: str, text: str, spans: list[dict[str, object]]) -> None:
    previous_end = 0
    for span in sorted(spans, key=lambda s: (int(s["start"]), int(s["end"]))):  # type: ignore[call-overload]
        start, end = int(span["start"]), int(span["end"])  # type: ignore[call-overload]
        phrase = text[start:end]
        if not phrase or phrase != phrase.strip():
            raise SourceError(f"{title!r}: span {phrase!r} is empty or has outer whitespace")
        if "phrase" in span and span["phrase"] != phrase:
            raise SourceError(f"{title!r}: offsets of {span['phrase']!r} do not match the text")
        if start < previous_end:
            raise SourceError(f"{title!r}: overlapping spans at {start} ({phrase!r})")
        previous_end = end


def _require(header: dict[str, str], keys: tuple[str, ...], title: str) -> None:
    for key in keys:
        if not header.get(key):
            raise SourceError(f"{title!r}: missing header field {key!r}")


def _one_of(value: str, allowed: set[str], field: str, title: str) -> str:
    if value not in allowed:
        raise SourceError(f"{title!r}: {field} {value!r} is not one of {sorted(allowed)}")
    return value


# --- set 1: loaded_news ---------------------------------------------------------------------------


def _loaded_span(title: str, match: re.Match[str], start: int, end: int) -> dict[str, object]:
    label = CATEGORY_CODES.get(match["label"], match["label"])
    if label not in CATEGORIES:
        raise SourceError(f"{title!r}: unknown category {match['label']!r}")
    voice = VOICES.get(match["voice"] or "o")
    if voice is None:
        raise SourceError(f"{title!r}: unknown voice {match['voice']!r}")
    return {
        "start": start,
        "end": end,
        "label": label,
        "voice": voice,
        "phrase": match["phrase"],
        "note": (match["note"] or "").strip(),
    }


def _check_voices(title: str, text: str, spans: list[dict[str, object]]) -> None:
    # Quoted voice <=> the span lies inside quotation marks; a span that contains quotation marks
    # must be a scare-quote span. Attributed and own cannot be told apart mechanically.
    regions = quote_regions(text)
    for span in spans:
        start, end = int(span["start"]), int(span["end"])  # type: ignore[call-overload]
        inside = any(a <= start and end <= b for a, b in regions)
        phrase = text[start:end]
        has_quote = any(q in phrase for q in '"“”')
        problem = ""
        if has_quote and span["label"] != "scare_quotes":
            problem = "contains quotation marks but is not scare_quotes"
        elif inside and span["voice"] != "quoted":
            problem = "is inside quotation marks but not quoted voice"
        elif span["voice"] == "quoted" and not inside:
            problem = "is quoted voice but not inside quotation marks"
        if problem:
            raise SourceError(f"{title!r}: {phrase!r} {problem}")


LOADED_HEADER = ("id", "title", "outlet", "outlet_type", "genre", "lean", "topic", "group")


def build_loaded(source: str) -> list[dict[str, object]]:
    """Parse and validate ``loaded_news_source.txt``."""
    records = []
    for lines in split_records(source):
        header, body = parse_record(lines)
        title = header.get("title", "")
        _require(header, LOADED_HEADER, title)
        text, found = strip_markup(body)
        spans = [_loaded_span(title, m, s, e) for m, s, e in found]
        record: dict[str, object] = {
            "id": header["id"],
            "title": title,
            "text": text,
            "outlet": header["outlet"],
            "outlet_type": _one_of(header["outlet_type"], OUTLET_TYPES, "outlet_type", title),
            "genre": _one_of(header["genre"], GENRES, "genre", title),
            "lean": _one_of(header["lean"], LEANS, "lean", title),
            "topic": _one_of(header["topic"], TOPICS, "topic", title),
            "group": _one_of(header["group"], LOADED_GROUPS, "group", title),
            "language": "en",
            "spans": spans,
        }
        if "{{" in text or "}}" in text:
            raise SourceError(f"{title!r}: unparsed markup left in text")
        if not 3 <= sentence_count(text) <= 8:
            raise SourceError(f"{title!r}: {sentence_count(text)} sentences, expected 3-8")
        _check_spans_basic(title, text, spans)
        _check_voices(title, text, spans)
        records.append(record)
    _check_ids(records)
    return records


def summary_loaded(records: list[dict[str, object]]) -> str:
    by_label: Counter[str] = Counter()
    by_voice: Counter[str] = Counter()
    by_group: Counter[str] = Counter()
    by_topic: Counter[str] = Counter()
    by_genre: Counter[str] = Counter()
    by_lean: Counter[str] = Counter()
    lengths = []
    for r in records:
        by_group[str(r["group"])] += 1
        by_topic[str(r["topic"])] += 1
        by_genre[str(r["genre"])] += 1
        by_lean[str(r["lean"])] += 1
        for span in r["spans"]:  # type: ignore[attr-defined]
            by_label[span["label"]] += 1
            by_voice[span["voice"]] += 1
            lengths.append(word_count(span["phrase"]))
    words = sum(word_count(str(r["text"])) for r in records)
    empty = sum(1 for r in records if not r["spans"])
    mean_len = sum(lengths) / len(lengths) if lengths else 0.0
    return "\n".join(
        [
            f"loaded_news: {len(records)} passages ({empty} without spans), {words} words, "
            f"{len(lengths)} spans (mean {mean_len:.2f} words per span)",
            f"  categories: {_joined(by_label)}",
            f"  voices: {_joined(by_voice)}",
            f"  groups: {_joined(by_group)}",
            f"  topics: {_joined(by_topic)}",
            f"  genres: {_joined(by_genre)}",
            f"  leans: {_joined(by_lean)}",
        ]
    )


# --- set 2: frames_news -------------------------------------------------------------------------

# A sentence that carries a frame starts with [[code]] or [[code,code]].
FRAME_MARK = re.compile(r"\[\[(?P<codes>[a-z_,]+)\]\]\s*")
FRAMES_HEADER = ("id", "title", "outlet", "topic", "frames")


def _frame_keys(codes: str, title: str) -> list[str]:
    keys = []
    for code in (c.strip() for c in codes.split(",")):
        key = FRAME_CODES.get(code, code)
        if key not in POLICY_FRAMES:
            raise SourceError(f"{title!r}: unknown frame {code!r}")
        if key in keys:
            raise SourceError(f"{title!r}: frame {key!r} listed twice")
        keys.append(key)
    return keys


def _frame_sentences(title: str, body: str) -> tuple[str, list[dict[str, object]]]:
    """Remove sentence markers; return clean text and the marked sentences with offsets."""
    parts: list[str] = []
    starts: list[tuple[int, list[str]]] = []
    cursor = length = 0
    for match in FRAME_MARK.finditer(body):
        before = body[cursor : match.start()]
        parts.append(before)
        length += len(before)
        starts.append((length, _frame_keys(match["codes"], title)))
        cursor = match.end()
    parts.append(body[cursor:])
    text = "".join(parts)
    ends = sentence_ends(text)
    sentences = []
    ends_set = set(ends)
    for start, frames in starts:
        if start and len(text[:start].rstrip()) not in ends_set:
            raise SourceError(f"{title!r}: marker not at a sentence start: {text[start:][:40]!r}")
        end = next((e for e in ends if e > start), None)
        if end is None:
            raise SourceError(f"{title!r}: marked sentence has no end: {text[start:][:40]!r}")
        sentence = text[start:end]
        sentences.append({"start": start, "end": end, "frames": frames, "sentence": sentence})
    return text, sentences


def build_frames(source: str) -> list[dict[str, object]]:
    """Parse and validate ``frames_news_source.txt``."""
    records = []
    for lines in split_records(source):
        header, body = parse_record(lines)
        title = header.get("title", "")
        _require(header, FRAMES_HEADER, title)
        frames = _frame_keys(header["frames"], title)
        text, sentences = _frame_sentences(title, body)
        if not 1 <= len(frames) <= 4:
            raise SourceError(f"{title!r}: {len(frames)} article frames, expected 1-4")
        words = word_count(text)
        if not 80 <= words <= 250:
            raise SourceError(f"{title!r}: {words} words, expected 80-250")
        evidenced = {f for s in sentences for f in s["frames"]}  # type: ignore[attr-defined]
        if evidenced != set(frames) and frames != ["other"]:
            raise SourceError(
                f"{title!r}: article frames {sorted(frames)} differ from sentence frames "
                f"{sorted(evidenced)}"
            )
        if "{{" in text or "[[" in text:
            raise SourceError(f"{title!r}: unparsed markup left in text")
        records.append(
            {
                "id": header["id"],
                "title": title,
                "text": text,
                "outlet": header["outlet"],
                "topic": _one_of(header["topic"], TOPICS, "topic", title),
                "language": "en",
                "frames": frames,
                "primary_frame": frames[0],
                "sentences": sentences,
            }
        )
    _check_ids(records)
    return records


def summary_frames(records: list[dict[str, object]]) -> str:
    by_frame: Counter[str] = Counter()
    by_primary: Counter[str] = Counter()
    by_sentence: Counter[str] = Counter()
    by_topic: Counter[str] = Counter()
    sizes: Counter[str] = Counter()
    for r in records:
        by_topic[str(r["topic"])] += 1
        by_primary[str(r["primary_frame"])] += 1
        sizes[str(len(r["frames"]))] += 1  # type: ignore[arg-type]
        for f in r["frames"]:  # type: ignore[attr-defined]
            by_frame[f] += 1
        for s in r["sentences"]:  # type: ignore[attr-defined]
            for f in s["frames"]:
                by_sentence[f] += 1
    words = [word_count(str(r["text"])) for r in records]
    marked = sum(len(r["sentences"]) for r in records)  # type: ignore[arg-type, misc]
    total = sum(sentence_count(str(r["text"])) for r in records)
    return "\n".join(
        [
            f"frames_news: {len(records)} articles, {sum(words)} words "
            f"({min(words)}-{max(words)} per article), {len(by_topic)} topics, "
            f"{marked} of {total} sentences carry a frame",
            f"  articles per frame: {_joined(by_frame)}",
            f"  primary frame: {_joined(by_primary)}",
            f"  sentences per frame: {_joined(by_sentence)}",
            f"  labels per article: {_joined(sizes)}",
            f"  topics: {_joined(by_topic)}",
        ]
    )


# --- set 3: speakers_news -----------------------------------------------------------------------

# {{kind:content|speaker as written|key}}; the key points into the speaker table after "===".
SPEECH_MARK = re.compile(
    r"\{\{(?P<kind>[dpmrn]):(?P<phrase>[^|{}]+)\|(?P<speaker>[^|{}]+)\|(?P<key>[a-z0-9_-]+)\}\}"
)
SPEECH_KINDS = {
    "d": "direct",
    "p": "partial",
    "m": "mixed",
    "r": "reported",
    "n": "not_a_quote",
}
QUOTE_CHARS = '"“”'
SPEAKERS_HEADER = ("id", "title", "outlet", "outlet_type", "topic")


def _speaker_table(lines: list[str], title: str) -> dict[str, dict[str, object]]:
    # "key: Canonical Name | Relay A > Relay B" (relays outermost first, speaker excluded)
    table: dict[str, dict[str, object]] = {}
    for line in lines:
        if not line.strip():
            continue
        key, sep, rest = line.partition(":")
        canonical, _, relays = rest.partition("|")
        if not sep or not canonical.strip():
            raise SourceError(f"{title!r}: bad speaker line {line!r}")
        chain = [r.strip() for r in relays.split(">") if r.strip()]
        table[key.strip()] = {"speaker": canonical.strip(), "chain": [*chain, canonical.strip()]}
    return table


def _check_attribution(title: str, text: str, item: dict[str, object]) -> None:
    start, end = int(item["start"]), int(item["end"])  # type: ignore[call-overload]
    content = text[start:end]
    kind = item["kind"]
    if kind in {"direct", "partial", "not_a_quote"}:
        if not (start and text[start - 1] in QUOTE_CHARS and end < len(text)):
            raise SourceError(f"{title!r}: {kind} span {content[:40]!r} not inside quotation marks")
        if text[end] not in QUOTE_CHARS or any(q in content for q in QUOTE_CHARS):
            raise SourceError(
                f"{title!r}: {kind} span {content[:40]!r} must be one whole quotation"
            )
    elif kind == "mixed" and not any(q in content for q in QUOTE_CHARS):
        raise SourceError(f"{title!r}: mixed span {content[:40]!r} contains no quotation")
    elif kind == "reported" and any(q in content for q in QUOTE_CHARS):
        raise SourceError(f"{title!r}: reported span {content[:40]!r} contains quotation marks")
    if kind == "not_a_quote":
        return
    window = text[max(0, start - 400) : end + 400].lower()
    if str(item["speaker_text"]).lower() not in window:
        raise SourceError(f"{title!r}: speaker {item['speaker_text']!r} not near {content[:40]!r}")


def _check_quotes_covered(title: str, text: str, items: list[dict[str, object]]) -> None:
    # Every stretch inside quotation marks must be part of some marked span.
    covered = [(int(i["start"]), int(i["end"])) for i in items]  # type: ignore[call-overload]
    for a, b in quote_regions(text):
        if not any(s <= a and b <= e for s, e in covered):
            raise SourceError(f"{title!r}: quotation {text[a:b][:40]!r} is not marked")


def build_speakers(source: str, min_words: int = 300) -> list[dict[str, object]]:
    """Parse and validate ``speakers_news_source.txt`` (or a set in its format whose articles
    may be shorter: ``min_words``)."""
    records = []
    for lines in split_records(source):
        cut = next((i for i, line in enumerate(lines) if line.strip() == "==="), len(lines))
        header, body = parse_record(lines[:cut])
        title = header.get("title", "")
        _require(header, SPEAKERS_HEADER, title)
        table = _speaker_table(lines[cut + 1 :], title)
        text, found = strip_markup(body, SPEECH_MARK)
        items: list[dict[str, object]] = []
        for match, start, end in found:
            if match["key"] != "-" and match["key"] not in table:
                raise SourceError(f"{title!r}: unknown speaker key {match['key']!r}")
            entry = table.get(match["key"], {"speaker": None, "chain": []})
            items.append(
                {
                    "start": start,
                    "end": end,
                    "kind": SPEECH_KINDS[match["kind"]],
                    "content": match["phrase"],
                    "speaker_text": match["speaker"].strip(),
                    "speaker": entry["speaker"],
                    "chain": entry["chain"],
                }
            )
        if "{{" in text or "}}" in text:
            raise SourceError(f"{title!r}: unparsed markup left in text")
        for item in items:
            _check_attribution(title, text, item)
        _check_spans_basic(title, text, [{**i, "phrase": i["content"]} for i in items])
        _check_quotes_covered(title, text, items)
        unused = set(table) - {str(m["key"]) for m, _, _ in found}
        if unused:
            raise SourceError(f"{title!r}: speakers never attributed: {sorted(unused)}")
        words = word_count(text)
        if not min_words <= words <= 700:
            raise SourceError(f"{title!r}: {words} words, expected {min_words}-700")
        records.append(
            {
                "id": header["id"],
                "title": title,
                "text": text,
                "outlet": header["outlet"],
                "outlet_type": _one_of(header["outlet_type"], OUTLET_TYPES, "outlet_type", title),
                "origin": header.get("origin") or None,
                "topic": _one_of(header["topic"], TOPICS, "topic", title),
                "language": "en",
                "attributions": [i for i in items if i["kind"] != "not_a_quote"],
                "not_quotes": [
                    {
                        "start": i["start"],
                        "end": i["end"],
                        "content": i["content"],
                        "note": i["speaker_text"],
                    }
                    for i in items
                    if i["kind"] == "not_a_quote"
                ],
            }
        )
    _check_ids(records)
    return records


def summary_speakers(records: list[dict[str, object]]) -> str:
    kinds: Counter[str] = Counter()
    relayed = 0
    speakers = set()
    for r in records:
        for a in r["attributions"]:  # type: ignore[attr-defined]
            kinds[a["kind"]] += 1
            relayed += len(a["chain"]) > 1
            speakers.add((r["id"], a["speaker"]))
    words = [word_count(str(r["text"])) for r in records]
    non_quotes = sum(len(r["not_quotes"]) for r in records)  # type: ignore[arg-type, misc]
    return "\n".join(
        [
            f"speakers_news: {len(records)} articles, {sum(words)} words "
            f"({min(words)}-{max(words)} per article), {sum(kinds.values())} attributions "
            f"({relayed} relayed), {len(speakers)} speakers, {non_quotes} quoted non-quotes",
            f"  kinds: {_joined(kinds)}",
        ]
    )


# --- set 4: relays_news -------------------------------------------------------------------------


def build_relays(source: str) -> list[dict[str, object]]:
    """``relays_news``: the speakers format over wire items and briefs of 150-400 words."""
    records = build_speakers(source, min_words=150)
    for record in records:
        words = word_count(str(record["text"]))
        if words > 400:
            raise SourceError(f"{record['title']!r}: {words} words, expected 150-400")
    return records


def summary_relays(records: list[dict[str, object]], name: str = "relays_news") -> str:
    origins = Counter(str(r["origin"]) for r in records if r["origin"])
    chains = Counter(len(a["chain"]) for r in records for a in r["attributions"])  # type: ignore[attr-defined]
    return "\n".join(
        [
            summary_speakers(records).replace("speakers_news", name),
            f"  origins: {sum(origins.values())} credited, "
            f"{len(records) - sum(origins.values())} uncredited ({_joined(origins)})",
            f"  chain lengths: {_joined(Counter({str(k): v for k, v in chains.items()}))}",
        ]
    )


def summary_relays_news2(records: list[dict[str, object]]) -> str:
    """``relays_news2`` (set 5): built and validated exactly like ``relays_news``."""
    return summary_relays(records, "relays_news2")


def summary_relays_news3(records: list[dict[str, object]]) -> str:
    """``relays_news3`` (set 6): built and validated exactly like ``relays_news``."""
    return summary_relays(records, "relays_news3")


def summary_relays_news4(records: list[dict[str, object]]) -> str:
    """``relays_news4`` (set 7): built and validated exactly like ``relays_news``."""
    return summary_relays(records, "relays_news4")


def summary_relays_news5(records: list[dict[str, object]]) -> str:
    """``relays_news5`` (set 8): built and validated exactly like ``relays_news``."""
    return summary_relays(records, "relays_news5")


def summary_relays_news6(records: list[dict[str, object]]) -> str:
    """``relays_news6`` (set 9): built and validated exactly like ``relays_news``."""
    return summary_relays(records, "relays_news6")


def summary_relays_news7(records: list[dict[str, object]]) -> str:
    """``relays_news7`` (set 10): built and validated exactly like ``relays_news``."""
    return summary_relays(records, "relays_news7")


# --- helpers ------------------------------------------------------------------------------------


def _check_ids(records: list[dict[str, object]]) -> None:
    ids = Counter(str(r["id"]) for r in records)
    duplicates = [i for i, n in ids.items() if n > 1]
    if duplicates:
        raise SourceError(f"duplicate ids: {duplicates}")


def _joined(counter: Counter[str]) -> str:
    return ", ".join(f"{key} {value}" for key, value in sorted(counter.items()))


def render(records: list[dict[str, object]]) -> str:
    """Serialise records as JSONL (one object per line, UTF-8, trailing newline)."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


@dataclass(frozen=True)
class GoldSet:
    name: str
    build: Callable[[str], list[dict[str, object]]]
    summary: Callable[[list[dict[str, object]]], str]

    @property
    def source(self) -> Path:
        return HERE / f"{self.name}_source.txt"

    @property
    def output(self) -> Path:
        return HERE / f"{self.name}.jsonl"


SETS = {
    s.name: s
    for s in (
        GoldSet("loaded_news", build_loaded, summary_loaded),
        GoldSet("frames_news", build_frames, summary_frames),
        GoldSet("speakers_news", build_speakers, summary_speakers),
        GoldSet("relays_news", build_relays, summary_relays),
        GoldSet("relays_news2", build_relays, summary_relays_news2),
        GoldSet("relays_news3", build_relays, summary_relays_news3),
        GoldSet("relays_news4", build_relays, summary_relays_news4),
        GoldSet("relays_news5", build_relays, summary_relays_news5),
        GoldSet("relays_news6", build_relays, summary_relays_news6),
        GoldSet("relays_news7", build_relays, summary_relays_news7),
    )
}


def main(argv: list[str] | None = None) -> int:
    """Rebuild the JSONL files (or, with --check, verify they are up to date)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("sets", nargs="*", help=f"sets to build: {', '.join(SETS)} (default all)")
    parser.add_argument("--check", action="store_true", help="fail if a JSONL file is stale")
    args = parser.parse_args(argv)
    unknown = [name for name in args.sets if name not in SETS]
    if unknown:
        parser.error(f"unknown set(s): {', '.join(unknown)}")
    status = 0
    for name in args.sets or list(SETS):
        gold = SETS[name]
        try:
            records = gold.build(gold.source.read_text(encoding="utf-8"))
        except SourceError as error:
            print(f"{gold.source.name}: {error}", file=sys.stderr)
            status = 1
            continue
        rendered = render(records)
        if args.check:
            current = gold.output.read_text(encoding="utf-8") if gold.output.exists() else ""
            if current != rendered:
                print(f"{gold.output.name} is out of date; run build_gold.py", file=sys.stderr)
                status = 1
        else:
            gold.output.write_text(rendered, encoding="utf-8")
        print(gold.summary(records))
    return status


if __name__ == "__main__":
    raise SystemExit(main())
