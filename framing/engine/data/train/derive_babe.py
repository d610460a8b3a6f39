"""Derive the compact BABE training file from the published CSV (run once, by hand).

    python framing/engine/data/train/derive_babe.py /path/to/final_labels_SG2.csv

Input: ``data/final_labels_SG2.csv`` of Media-Bias-Group/Neural-Media-Bias-Detection-Using-
Distant-Supervision-With-BABE (BABE, AGPL-3.0; 3,674 sentences, expert labels). Output:
``babe_en.jsonl.gz`` next to this file: one sentence per line with the character offsets of
every token the annotators listed as biased. Only the sentence text, its outlet, topic, the
sentence-level label and the word offsets are kept.

The split is frozen here, by document (the article URL), before any tuning: sha256 of the
URL modulo 10 — 0 is ``test``, 1 is ``dev``, the rest ``train`` — so sentences of one article
never straddle splits and the assignment never depends on row order.
"""

from __future__ import annotations

import ast
import csv
import gzip
import hashlib
import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).parent / "babe_en.jsonl.gz"
_TOKEN = re.compile(r"\w+(?:['’]\w+)*")


def split_of(url: str) -> str:
    bucket = int(hashlib.sha256(url.strip().encode("utf-8")).hexdigest(), 16) % 10
    return "test" if bucket == 0 else "dev" if bucket == 1 else "train"


def word_spans(text: str, words: list[str]) -> list[list[int]]:
    """Offsets of every token equal (case-folded) to a listed word or word sequence."""
    toks = [(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(text)]
    spans: set[tuple[int, int]] = set()
    for w in words:
        parts = [p.lower() for p in _TOKEN.findall(str(w))]
        if not parts:
            continue
        n = len(parts)
        for i in range(len(toks) - n + 1):
            if [t[2] for t in toks[i : i + n]] == parts:
                spans.add((toks[i][0], toks[i + n - 1][1]))
    return [list(s) for s in sorted(spans)]


def main(path: str) -> None:
    rows = []
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for i, r in enumerate(csv.DictReader(fh, delimiter=";")):
            words = ast.literal_eval(r["biased_words"]) if r["biased_words"].strip() else []
            rows.append(
                {
                    "id": f"babe-{i}",
                    "doc": hashlib.sha256(r["news_link"].strip().encode()).hexdigest()[:12],
                    "split": split_of(r["news_link"]),
                    "text": r["text"],
                    "outlet": r["outlet"],
                    "topic": r["topic"],
                    "label": r["label_bias"],
                    "spans": word_spans(r["text"], words),
                }
            )
    raw = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows)
    # mtime=0 keeps the gzip bytes reproducible.
    OUT.write_bytes(gzip.compress(raw.encode("utf-8"), compresslevel=9, mtime=0))
    counts = {s: sum(r["split"] == s for r in rows) for s in ("train", "dev", "test")}
    print(f"{len(rows)} sentences -> {OUT.name} {counts}")


if __name__ == "__main__":
    main(sys.argv[1])
