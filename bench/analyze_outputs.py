"""Dump or compare ``analyze()`` outputs on every demo article and gold/dev/held-out text.

Used to check that a refactor of the engine changes no output, byte for byte: dump the
outputs of the old code and of the new, then compare.

Run:  .venv/bin/python bench/analyze_outputs.py dump OUT.json [--root CHECKOUT]
      .venv/bin/python bench/analyze_outputs.py compare OLD.json NEW.json
      .venv/bin/python bench/analyze_outputs.py snapshot [--check]
``--root`` runs the engine of another checkout (e.g. ``git archive main | tar -x -C /tmp/m``)
on this checkout's texts, so both sides read the same inputs. ``snapshot`` rewrites
``SNAPSHOT`` (a digest of each output field of each text), which
``tests/framing/engine/test_pipeline.py`` checks: after a change meant to alter outputs,
rerun it and commit the file with the change.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "tests" / "framing" / "engine" / "analyze_snapshot.json"


def corpus(root: Path = ROOT) -> list[tuple[str, str, str]]:
    """(id, language, text) of every demo article and every gold, dev and held-out text."""
    out = []
    for path in sorted((root / "articles" / "demo").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for k, a in enumerate(data["articles"]):
            out.append((f"{path.stem}#{k}", a.get("language") or "en", a["text"]))
    eval_dir = root / "framing" / "eval"
    files = [*sorted(eval_dir.glob("*/*.jsonl")), *sorted(eval_dir.glob("*.jsonl"))]
    for path in files:
        for k, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if line.strip():
                row = json.loads(line)
                rel = path.relative_to(eval_dir)
                out.append((f"{rel}#{row.get('id', k)}", row.get("language") or "en", row["text"]))
    return out


def dump(out: Path, engine_root: Path) -> None:
    sys.path.insert(0, str(engine_root))
    import framing.engine
    from framing.engine import analyze

    assert Path(framing.engine.__file__).is_relative_to(engine_root), framing.engine.__file__
    texts = corpus()
    t = time.perf_counter()
    result = {key: analyze(text, language=lang).to_dict() for key, lang, text in texts}
    took = time.perf_counter() - t
    out.write_text(json.dumps(result, sort_keys=True, ensure_ascii=False), encoding="utf-8")
    print(f"{len(result)} texts analysed by {engine_root} in {took:.1f} s -> {out}")


def compare(old: Path, new: Path) -> int:
    a = json.loads(old.read_text(encoding="utf-8"))
    b = json.loads(new.read_text(encoding="utf-8"))
    differ = 0
    for key in sorted(a.keys() | b.keys()):
        if a.get(key) == b.get(key):
            continue
        differ += 1
        old_out, new_out = a.get(key) or {}, b.get(key) or {}
        fields = sorted(
            f for f in old_out.keys() | new_out.keys() if old_out.get(f) != new_out.get(f)
        )
        print(f"DIFFERS {key}: {', '.join(fields) or 'missing'}")
    same = old.read_bytes() == new.read_bytes()
    print(f"{len(a)} vs {len(b)} texts; {differ} differ; files byte-identical: {same}")
    return 1 if differ or not same else 0


def field_digests(output: dict) -> dict[str, str]:
    """A short sha256 of each field of one ``Analysis.to_dict()`` but ``engine_version``,
    which names the code (it changes with any rule file) rather than being an output."""
    return {
        k: hashlib.sha256(
            json.dumps(v, sort_keys=True, ensure_ascii=False).encode("utf-8")
        ).hexdigest()[:16]
        for k, v in sorted(output.items())
        if k != "engine_version"
    }


def snapshot() -> dict[str, dict[str, str]]:
    """Field digests of ``analyze()`` on every text of ``corpus()``."""
    from framing.engine import analyze

    return {
        key: field_digests(analyze(text, language=lang).to_dict()) for key, lang, text in corpus()
    }


def write_snapshot(check: bool) -> int:
    sys.path.insert(0, str(ROOT))
    current = json.dumps(snapshot(), indent=1, sort_keys=True) + "\n"
    if check:
        same = SNAPSHOT.exists() and SNAPSHOT.read_text(encoding="utf-8") == current
        print("snapshot up to date" if same else f"{SNAPSHOT} is out of date")
        return 0 if same else 1
    SNAPSHOT.write_text(current, encoding="utf-8")
    print(f"wrote {SNAPSHOT}")
    return 0


def main() -> int:
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--root", type=Path, default=ROOT)
    c = sub.add_parser("compare")
    c.add_argument("old", type=Path)
    c.add_argument("new", type=Path)
    sn = sub.add_parser("snapshot")
    sn.add_argument("--check", action="store_true")
    args = p.parse_args()
    if args.cmd == "snapshot":
        return write_snapshot(args.check)
    if args.cmd == "dump":
        dump(args.out, args.root.resolve())
        return 0
    return compare(args.old, args.new)


if __name__ == "__main__":
    raise SystemExit(main())
