"""Fit the medium-name model (``framing/engine/medium_names.py``) and write its weights.

    .venv/bin/python framing/eval/train_medium_names.py           # fit on every name, write
    .venv/bin/python framing/eval/train_medium_names.py --check   # exit 1 if the file is stale
    .venv/bin/python framing/eval/train_medium_names.py --cv      # held-out precision/recall

Names, our own data only:

* media (1): every name of ``data/media.tsv``, and every relay link of the development sets'
  gold chains (``framing/eval/dev/*.jsonl``: the relay sets, speakers_dev, uncredited_dev and
  the relay-form probes) written as a name — capitalised words, no descriptor ("state
  television", "the Funke media group") — less the few links that relay without being media
  (``NOT_MEDIA``: a monitoring firm, a ship tracker).
  Dev speakers that are media speaking in their own voice (``MEDIA_SPEAKERS``) are media too.
* not media (0): the same sets' speakers — the canonical speaker and the speaker as written,
  when written as a name ("Curtis Rallings", "Utah Attorney General Curtis Rallings",
  "Human Rights Watch", "SNCF") — and the actor gazetteer's names and aliases and the country
  list (``data/gazetteer.tsv``, ``data/countries.txt``): people, bodies, firms and places. A
  speaker that is also a relay link or that the engine's media patterns read as a medium
  ("Columbus Dispatch" reporting) stays a medium.

Initials alone ("KBC", "NNPC") are left out: the engine never asks the model about them.

``--cv`` holds out by name (grouped k-fold over the lower-cased name without "the", so "TASS"
and "Tass" fall in one fold) and prints precision and recall at several thresholds; the
threshold in this file is the lowest whose pooled out-of-fold precision is at least
``MIN_PRECISION``. The held-out sets of ``framing/eval/gold`` are never read here.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from framing.engine.text import wordlist  # noqa: E402
from framing.eval.weights_file import write_or_check  # noqa: E402

DEV = ROOT / "framing" / "eval" / "dev"
DATA = ROOT / "framing" / "engine" / "data"
C = 1.0
FOLDS = 5
# Relay links in the gold chains that pass words on without being news media
NOT_MEDIA = frozenset(("SITE Intelligence Group", "Science Media Centre", "MarineTraffic"))
# Speakers of the development sets that are media reporting in their own voice, with no media
# kind word the engine's patterns read ("TimesLIVE reported"): media, not negatives
MEDIA_SPEAKERS = frozenset(("TimesLIVE", "La Presse de Tunisie", "Herald", "Le Quotidien"))
_JOIN = frozenset(
    wordlist("of de del della di la le du des al el and & for y e van von der den am im the")
)
_NAMEISH = re.compile(r"[A-Z0-9À-ÖØ-ÞĀ-Ž][\w’'.&\-]*")


def _as_name(s: str) -> str | None:
    """``s`` (without a lower-case "the": "The" is part of a masthead) when every word is
    capitalised (joiners aside), else None."""
    s = " ".join(s.split()).removeprefix("the ")
    words = s.split()
    if not words or not _NAMEISH.fullmatch(words[0]):
        return None
    if all(_NAMEISH.fullmatch(w) or w.lower() in _JOIN for w in words[1:]):
        return s
    return None


def _key(name: str) -> str:
    return name.lower().removeprefix("the ")


# Dev sets kept out of training: relays_dev19 is the unseen set the session's relay rules and
# models are measured on once at the end (framing/eval/dev/README.md)
HELD_BACK = frozenset({"relays_dev19"})


def _dev_records() -> list[dict]:
    out = []
    for path in sorted(DEV.glob("*.jsonl")):
        if path.stem in HELD_BACK:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line))
    return out


def names() -> tuple[list[str], list[int]]:
    """(names, labels), one row per name (deduplicated by ``_key``), in a fixed order."""
    from framing.engine import attribution as att
    from framing.engine import media
    from framing.engine.medium_names import ACRONYM

    pos: dict[str, str] = {}
    neg: dict[str, str] = {}
    for n in [*media.names(), *sorted(media.more_names())]:
        if (name := _as_name(n)) is not None:
            pos.setdefault(_key(name), name)
    speakers: list[str] = []
    for rec in _dev_records():
        chains = [a.get("chain") or [] for a in rec.get("attributions", [])]
        if "chain" in rec:  # the relay-form probes: one chain per record
            chains.append(rec["chain"])
        for a in rec.get("attributions", []):
            speakers.append(a.get("speaker_text") or "")
        for ch in chains:
            for link in ch[:-1]:
                name = _as_name(link)
                if name is not None and name not in NOT_MEDIA:
                    pos.setdefault(_key(name), name)
            if ch:
                speakers.append(ch[-1])
    for line in (DATA / "gazetteer.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith(("#", "key\t")) or not line.strip():
            continue
        cols = line.split("\t")
        speakers.extend([cols[1], *cols[3].split("|")] if len(cols) > 3 else cols[1:2])
    for line in (DATA / "countries.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            speakers.append(line.strip())
    for name in MEDIA_SPEAKERS:
        pos.setdefault(_key(name), name)
    for s in speakers:
        name = _as_name(s)
        if name is None or _key(name) in pos or name in NOT_MEDIA:
            continue
        if att._MEDIA_RE.fullmatch(name) and not re.fullmatch(r"[A-Z]{2,6}", name):
            continue  # "Columbus Dispatch" reporting: a medium the patterns know
        neg.setdefault(_key(name), name)
    rows = sorted([(n, 1) for n in pos.values()] + [(n, 0) for n in neg.values()])
    rows = [(n, y) for n, y in rows if not ACRONYM.fullmatch(n)]
    return [n for n, _ in rows], [y for _, y in rows]


def fit(X: list[str], y: list[int], threshold: float):
    from framing.engine.medium_names import MediumNames

    return MediumNames(C=C, threshold=threshold).fit(X, y)


def out_of_fold(X: list[str], y: list[int]) -> list[float]:
    """Each name scored by the model fitted on the folds without it."""
    from sklearn.model_selection import GroupKFold

    probs = [0.0] * len(X)
    groups = [_key(x) for x in X]
    for train, test in GroupKFold(n_splits=FOLDS).split(X, y, groups):
        m = fit([X[i] for i in train], [y[i] for i in train], 0.5)
        for i, p in zip(test, m.predict_proba([X[i] for i in test]), strict=True):
            probs[i] = p
    return probs


def cv() -> None:
    X, y = names()
    probs = out_of_fold(X, y)
    print(f"{len(X)} names: {sum(y)} media, {len(y) - sum(y)} not media; {FOLDS} folds by name")
    chosen = None
    for t in (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95):
        tp = sum(1 for p, t_ in zip(probs, y, strict=True) if p >= t and t_)
        fp = sum(1 for p, t_ in zip(probs, y, strict=True) if p >= t and not t_)
        prec = tp / max(1, tp + fp)
        print(f"  threshold {t:.2f}: precision {tp}/{tp + fp} = {prec:.3f}  recall {tp}/{sum(y)}")
        if chosen is None and prec >= MIN_PRECISION:
            chosen = t
    print(f"threshold chosen: {chosen} (THRESHOLD in this file: {THRESHOLD})")
    wrong = sorted(
        ((p, x, t) for p, x, t in zip(probs, X, y, strict=True) if (p >= THRESHOLD) != bool(t)),
        reverse=True,
    )
    print("out-of-fold errors at THRESHOLD (probability, name, gold):")
    for p, x, t in wrong:
        print(f"  {p:.2f} {x!r} {'medium' if t else 'not'}")


def main() -> None:
    from framing.engine.medium_names import MODEL_FILE

    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--cv", action="store_true")
    args = parser.parse_args()
    if args.cv:
        cv()
        return
    X, y = names()
    model = fit(X, y, THRESHOLD)
    payload = json.dumps(model.to_json(), indent=0, sort_keys=True, ensure_ascii=False) + "\n"
    write_or_check(MODEL_FILE, payload, check=args.check, root=ROOT, weights=len(model.weights_))


# Chosen with ``--cv`` (it prints the choice): the lowest point of the grid whose pooled
# out-of-fold precision is at least MIN_PRECISION — the engine asks only where the context
# already suggests a medium, and a person read as a medium would make a wrong relay.
THRESHOLD = 0.75
MIN_PRECISION = 0.95

if __name__ == "__main__":
    main()
