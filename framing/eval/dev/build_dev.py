"""Build the speakers DEVELOPMENT sets (``speakers_dev``, ``relays_dev``, ``uncredited_dev``,
``relays_dev2`` to ``relays_dev88``) from their ``*_source.txt``.

This set is for tuning the speaker/quote/relay rules (the held-out ``framing/eval/gold`` sets are
never tuned on). It reuses the gold builder's parser and validator, so the schema is identical to
``speakers_news``. It imports nothing from ``framing.engine``.

Usage (from the repository root)::

    .venv/bin/python framing/eval/dev/build_dev.py          # rebuild, print counts
    .venv/bin/python framing/eval/dev/build_dev.py --check  # exit 1 if the JSONL is stale
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "gold"))

from build_gold import (  # noqa: E402
    SourceError,
    build_relays,
    build_speakers,
    render,
    summary_relays,
    summary_speakers,
)

# set name -> shortest article in words (the first relay set holds short wire items); None: the
# set is built and summarised like the held-out relays_news (150-400 words, origins, chains)
SETS = {
    "speakers_dev": 300,
    "relays_dev": 80,
    "uncredited_dev": 60,
    "relays_dev2": None,
    "relays_dev3": None,
    "relays_dev4": None,
    "relays_dev5": None,
    "relays_dev6": None,
    "relays_dev7": None,
    "relays_dev8": None,
    "relays_dev9": None,
    "relays_dev10": None,
    "relays_dev11": None,
    "relays_dev12": None,
    "relays_dev13": None,
    "relays_dev14": None,
    "relays_dev15": None,
    "relays_dev16": None,
    "relays_dev17": None,
    "relays_dev18": None,
    "relays_dev19": None,
    "relays_dev20": None,
    "relays_dev21": None,
    "relays_dev22": None,
    "relays_dev23": None,
    "relays_dev24": None,
    "relays_dev25": None,
    "relays_dev26": None,
    "relays_dev27": None,
    "relays_dev28": None,
    "relays_dev29": None,
    "relays_dev30": None,
    "relays_dev31": None,
    "relays_dev32": None,
    "relays_dev33": None,
    "relays_dev34": None,
    "relays_dev35": None,
    "relays_dev36": None,
    "relays_dev37": None,
    "relays_dev38": None,
    "relays_dev39": None,
    "relays_dev40": None,
    "relays_dev41": None,
    "relays_dev42": None,
    "relays_dev43": None,
    "relays_dev44": None,
    "relays_dev45": None,
    "relays_dev46": None,
    "relays_dev47": None,
    "relays_dev48": None,
    "relays_dev49": None,
    "relays_dev50": None,
    "relays_dev51": None,
    "relays_dev52": None,
    "relays_dev53": None,
    "relays_dev54": None,
    "relays_dev55": None,
    "relays_dev56": None,
    "relays_dev57": None,
    "relays_dev58": None,
    "relays_dev59": None,
    "relays_dev60": None,
    "relays_dev61": None,
    "relays_dev62": None,
    "relays_dev63": None,
    "relays_dev64": None,
    "relays_dev65": None,
    "relays_dev66": None,
    "relays_dev67": None,
    "relays_dev68": None,
    "relays_dev69": None,
    "relays_dev70": None,
    "relays_dev71": None,
    "relays_dev72": None,
    "relays_dev73": None,
    "relays_dev74": None,
    "relays_dev75": None,
    "relays_dev76": None,
    "relays_dev77": None,
    "relays_dev78": None,
    "relays_dev79": None,
    "relays_dev80": None,
    "relays_dev81": None,
    "relays_dev82": None,
    "relays_dev83": None,
    "relays_dev84": None,
    "relays_dev85": None,
    "relays_dev86": None,
    "relays_dev87": None,
    "relays_dev88": None,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the JSONL file is stale")
    args = parser.parse_args(argv)
    status = 0
    for name, min_words in SETS.items():
        status |= _build(name, min_words, check=args.check)
    return status


def _build(name: str, min_words: int | None, *, check: bool) -> int:
    source, output = HERE / f"{name}_source.txt", HERE / f"{name}.jsonl"
    try:
        text = source.read_text(encoding="utf-8")
        records = build_relays(text) if min_words is None else build_speakers(text, min_words)
    except SourceError as error:
        print(f"{source.name}: {error}", file=sys.stderr)
        return 1
    rendered = render(records)
    if check:
        if not output.exists() or output.read_text(encoding="utf-8") != rendered:
            print(f"{output.name} is out of date; run build_dev.py", file=sys.stderr)
            return 1
    else:
        output.write_text(rendered, encoding="utf-8")
    summary = summary_speakers(records) if min_words is not None else summary_relays(records)
    print(summary.replace("speakers_news", name).replace("relays_news", name))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
