"""Check the relay-form probes in ``relay_forms_dev.jsonl`` and ``relay_forms_dev2.jsonl``
(development sets: tune here).

Each probe is one or two sentences with the words of one attribution and the relay chain the
engine should give it, outermost first, ending with the speaker (a speaker heard directly has a
chain of one). A link matches when, lower-cased without punctuation, possessive 's and
determiners, its words are a subset of the expected words or the other way round, or when both
name the same agency (``relays.same_source``: "SPA" / "Saudi Press Agency").

A probe may instead (or also) give the article's wire ``origin`` (the agency of its dateline or
closing credit, as ``relays.wire_origin`` reports it, with the probe's ``outlet`` if any), or
``null`` when the text credits no agency; ``words`` and ``chain`` are then optional.

Run:  .venv/bin/python framing/eval/dev/check_relay_forms.py [--all] [--file PATH ...]
      (--all prints passes too; without --file, both probe files, with a total for each)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from framing.engine.analysis import analyze  # noqa: E402
from framing.engine.relays import same_source, usual_relay_name, wire_origin  # noqa: E402

PROBES = [Path(__file__).with_name(n) for n in ("relay_forms_dev.jsonl", "relay_forms_dev2.jsonl")]
_DROP = frozenset(["the", "a", "an", "its", "his", "her", "their", "this", "that"])


def _words(name: str) -> set[str]:
    name = re.sub(r"['’]s\b", "", name.lower())
    return {w for w in re.findall(r"[\w]+", name) if w not in _DROP}


def link_matches(got: str, want: str) -> bool:
    g, w = _words(got), _words(want)
    if g and w and (g <= w or w <= g):
        return True
    return same_source(usual_relay_name(got), usual_relay_name(want))


def chain_for(text: str, words: str) -> tuple[str, ...] | None:
    """The chain of the engine's quote or clause holding ``words`` (None when none does)."""
    a = text.index(words)
    b = a + len(words)
    hits = [q for q in analyze(text).quotes if q.kind != "scare" and q.start < b and q.end > a]
    if not hits:
        return None
    best = max(hits, key=lambda q: min(q.end, b) - max(q.start, a))
    return tuple(best.chain)


def passes(chain: tuple[str, ...] | None, want: list[str]) -> bool:
    if not want:  # no relay wanted: no attribution, or one heard directly
        return chain is None or len(chain) <= 1
    return (
        chain is not None
        and len(chain) == len(want)
        and all(link_matches(g, w) for g, w in zip(chain, want, strict=True))
    )


def origin_passes(text: str, outlet: str | None, want: str | None) -> tuple[bool, str | None]:
    """Whether ``wire_origin`` names the expected agency (or none when ``want`` is None)."""
    got = wire_origin(text, outlet)
    if want is None:
        return got is None, None if got is None else got.name
    if got is None:
        return False, None
    return link_matches(got.name, want) or link_matches(got.credit, want), got.name


def check(path: Path, show_all: bool) -> tuple[int, int]:
    probes = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    ok = 0
    for p in probes:
        lines = []
        good = True
        if "words" in p:
            chain = chain_for(p["text"], p["words"])
            good = passes(chain, p["chain"])
            lines.append(f"     want {p['chain']}\n     got  {chain}")
        if "origin" in p:
            fine, got = origin_passes(p["text"], p.get("outlet"), p["origin"])
            good = good and fine
            lines.append(f"     want origin {p['origin']}\n     got  origin {got}")
        ok += good
        if show_all or not good:
            mark = "ok  " if good else "FAIL"
            print(f"{mark} {p['id']} {p['note']}\n" + "\n".join(lines))
    return ok, len(probes)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--all", action="store_true")
    parser.add_argument("--file", type=Path, action="append", help="a probe file (repeatable)")
    args = parser.parse_args()
    totals = [(path, *check(path, args.all)) for path in args.file or PROBES]
    for path, ok, n in totals:
        print(f"{path.name}: {ok}/{n} probes pass")


if __name__ == "__main__":
    main()
