"""The learned credit detector on copy its rules had not seen: past engines' rules on the dev
sets written after them, alone and with a detector fitted only on the sets before.

    .venv/bin/python bench/bench_credit_unseen.py

Each round: the engine of ``commit`` (``git archive``d to a temporary directory; its
``relays.wire_origin`` run by this interpreter) reads the credits of the fresh sets of the next
round, measured before any rule looked at them; the detector (this checkout's features,
``framing/eval/train_credit_detector.fit``) is fitted on the sets up to ``last_seen`` and
asked where those rules found nothing. Printed: credited articles found and uncredited ones
given an origin, by the rules and by the rules then the detector. (The labels of the training
sets come from this checkout's rules, which know a little more than the old ones did.)
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "framing" / "eval"))

import train_credit_detector as tcd  # noqa: E402
from bench_voice import _own_credit  # noqa: E402

# (engine commit, last dev set its rules and the detector may see, fresh sets after it)
ROUNDS = (
    ("ce6a0fe", 56, range(57, 65)),  # session 19's engine, session 20's fresh sets
    ("9e3e9ce", 64, range(65, 69)),  # session 20's engine, session 21's fresh sets
    ("52fcbb4", 68, range(69, 73)),  # session 21's engine, session 22's fresh sets
    ("c153788", 72, range(73, 77)),  # session 22's engine, session 23's first fresh sets
    ("d9c3caf", 76, range(77, 81)),  # session 23's first step, its second fresh sets
    ("5ecc70f", 80, range(81, 85)),  # session 23's second step, its third fresh sets
)
_RUN = """
import json, sys
from framing.engine.relays import wire_origin
out = {}
for path in sys.argv[1:]:
    for line in open(path, encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            o = wire_origin(r["text"], r["outlet"])
            out[r["id"]] = [o.name, o.credit] if o else None
print(json.dumps(out))
"""


def old_rules(commit: str, paths: list[Path]) -> dict:
    archive = subprocess.run(
        ["git", "archive", commit, "framing"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        out = subprocess.run(
            [sys.executable, "-c", _RUN, *map(str, paths)],
            cwd=tmp,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    return json.loads(out)


def _num(name: str) -> int:
    digits = name.removeprefix("relays_dev")
    return int(digits) if digits.isdigit() else (1 if name == "relays_dev" else 0)


def main() -> None:
    for commit, last_seen, fresh in ROUNDS:
        names = [f"relays_dev{k}" for k in fresh]
        rules = old_rules(commit, [tcd.DEV / f"{n}.jsonl" for n in names])
        model = tcd.fit(tuple(s for s in tcd.TRAINING_SETS if _num(s) <= last_seen))
        n = ok = ok_det = false = false_det = 0
        for name in names:
            lines = (tcd.DEV / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
            recs = [json.loads(x) for x in lines if x.strip()]
            for a, rec in zip(tcd.articles(name), recs, strict=True):
                found = rules[rec["id"]]
                if found and _own_credit(found[1] or found[0], rec["outlet"]):
                    found = None
                right = bool(found) and any(tcd._names_gold(x, a["gold"]) for x in found)
                det = None
                if not found and a["cands"]:
                    probs = model.predict_proba(c.features for c in a["cands"])
                    best = max(range(len(probs)), key=probs.__getitem__)
                    det = a["cands"][best].name if probs[best] >= model.threshold else None
                if a["gold"]:
                    n += 1
                    ok += right
                    ok_det += right or (bool(det) and tcd._names_gold(det, a["gold"]))
                else:
                    false += bool(found)
                    false_det += bool(found) or bool(det)
        print(
            f"{commit} on relays_dev{fresh.start}-{fresh.stop - 1} (detector fitted up to "
            f"relays_dev{last_seen}, threshold {model.threshold}): credits {ok}/{n} -> "
            f"{ok_det}/{n}; origins on uncredited articles {false} -> {false_det}"
        )


if __name__ == "__main__":
    main()
