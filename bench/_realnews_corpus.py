"""Real news with span annotations the built-in tagger never trained on: the emotion *cue*
spans of GoodNewsEveryone (Bostan, Kim and Klinger, LREC 2020; see ``DATA.md``), 5,000
English headlines of 2019 from ~60 US and UK outlets, each marked by crowd annotators (with
adjudication) with the words that express its dominant emotion ("slams", "crazed
meltdown", "nosedive", "‘bizarre’").

Nothing of the corpus is committed (its headlines belong to their publishers): the bench
reads the release's ``gne-release-v1.0.tsv`` from a path given on the command line.

A headline is short, so a bench *document* is a run of ``PER_DOC`` headlines of one outlet
(in a fixed shuffle), one per paragraph — an outlet's page of headlines. Plain Python (no
Django), so the reader can be checked on its own.
"""

from __future__ import annotations

import collections
import csv
import hashlib
import json
import re
from pathlib import Path

from articles.ingestion.normalize import normalize_text

PER_DOC = 8
THEIR_LABEL = "cue"  # mapped onto our codebook through the app's label mapping


def _cue_phrases(raw: str) -> list[str] | None:
    """The gold cue phrases of one row (``[["slams"]]``; several annotators' phrases may be
    joined by ";"), or None when the cell is not readable JSON (two rows of the release)."""
    try:
        groups = json.loads(raw) if raw else [[]]
    except json.JSONDecodeError:
        return None
    return [p.strip() for g in groups for phrase in g for p in phrase.split(";") if p.strip()]


def _find(headline: str, phrase: str) -> tuple[int, int] | None:
    """Where the (lower-cased) phrase stands in the headline: first as whole words, else
    anywhere; None if it is not there."""
    m = re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", headline, re.IGNORECASE)
    m = m or re.search(re.escape(phrase), headline, re.IGNORECASE)
    return (m.start(), m.end()) if m else None


def headlines(path: Path) -> tuple[list[dict], collections.Counter]:
    """Usable headlines (id, text, outlet, cue spans) and why the others were dropped."""
    dropped: collections.Counter = collections.Counter()
    out = []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            text, phrases = row["headline"], _cue_phrases(row["cue"])
            if phrases is None:
                dropped["cue cell not readable"] += 1
                continue
            if "TOEXCLUDE" in phrases:
                dropped["marked TOEXCLUDE by the corpus"] += 1
                continue
            if normalize_text(text) != text or "\n" in text:
                dropped["text changed by the app's normalisation"] += 1
                continue
            spans = [_find(text, p) for p in phrases]
            if None in spans:  # a gold phrase we cannot place: keep no half-gold headline
                dropped["cue phrase not found in the headline"] += 1
                continue
            out.append(
                {"id": row["id"], "text": text, "outlet": row["source"], "spans": _merge(spans)}
            )
    return out, dropped


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for s, e in sorted(set(spans)):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def _key(s: str) -> str:
    return hashlib.sha256(s.encode()).hexdigest()


def realnews_docs(path: Path) -> list[tuple[str, str, list[tuple[int, int, str]], str]]:
    """(key, text, spans with their label, outlet) per document of ``PER_DOC`` headlines."""
    by_outlet = collections.defaultdict(list)
    for h in headlines(path)[0]:
        by_outlet[h["outlet"]].append(h)
    docs = []
    for outlet, items in sorted(by_outlet.items()):
        items.sort(key=lambda h: _key(h["id"]))
        for i in range(0, len(items), PER_DOC):
            text, spans = "", []
            for h in items[i : i + PER_DOC]:
                off = len(text) + (2 if text else 0)
                text = f"{text}\n\n{h['text']}" if text else h["text"]
                spans += [(off + s, off + e, THEIR_LABEL) for s, e in h["spans"]]
            docs.append((f"gne-{outlet}-{i // PER_DOC}", text, spans, outlet))
    return docs


if __name__ == "__main__":  # corpus figures for DATA.md
    import sys

    kept, why = headlines(Path(sys.argv[1]))
    docs = realnews_docs(Path(sys.argv[1]))
    n_spans = sum(len(h["spans"]) for h in kept)
    print(f"{len(kept)} headlines kept, {n_spans} cue spans, dropped: {dict(why)}")
    print(f"{len(docs)} documents from {len({d[3] for d in docs})} outlets")
    print(f"headlines without a cue: {sum(not h['spans'] for h in kept)}")
