"""Build the speakers DEVELOPMENT set (``speakers_dev.jsonl``) from ``speakers_dev_source.txt``.

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

from build_gold import SourceError, build_speakers, render, summary_speakers  # noqa: E402

SOURCE = HERE / "speakers_dev_source.txt"
OUTPUT = HERE / "speakers_dev.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the JSONL file is stale")
    args = parser.parse_args(argv)
    try:
        records = build_speakers(SOURCE.read_text(encoding="utf-8"))
    except SourceError as error:
        print(f"{SOURCE.name}: {error}", file=sys.stderr)
        return 1
    rendered = render(records)
    if args.check:
        if not OUTPUT.exists() or OUTPUT.read_text(encoding="utf-8") != rendered:
            print(f"{OUTPUT.name} is out of date; run build_dev.py", file=sys.stderr)
            return 1
    else:
        OUTPUT.write_text(rendered, encoding="utf-8")
    print(summary_speakers(records).replace("speakers_news", "speakers_dev"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
