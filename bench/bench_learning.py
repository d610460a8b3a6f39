"""Learning curve through the app's own path: annotated articles are imported into a fresh
workspace as accepted annotations, ``model_train`` builds the workspace model (as the
"Train" button and ``framing_train --workspace`` do), and held-out articles are scored with
the stored model version at its balanced operating point, against the built-in model on the
same articles. 5-fold by document; training sizes 25, 50, 100, 200 and all of the other folds.

Run: .venv/bin/python bench/bench_learning.py [analyst|babe|passages|frames] [sizes...]
     (``--fold N --save f.json`` runs one fold; ``combine WHICH f0.json ...`` prints the
     table from such files, so the five folds can run side by side)
  frames    article frames (Policy Frames Codebook): the 40 real held-out articles of
            ``framing/engine/data/frames`` (never trained on by the packaged model) are the
            test folds; training items join sentence runs of the *other* folds' held-out
            articles, labelled at article level (``ArticleFrame``) with their frames' union.
            Micro/macro-F1 over the 14 scored frames — sizes 25 … 300.
  analyst   420 items in a workspace convention the built-in does not share (euphemism and
            official doublespeak; ``bench/_analyst_corpus.py``) — sizes 25 … 300.
  babe      BABE's test documents (sentences grouped by article): the packaged tagger trained
            on the train and dev splits (``Params.train_on_dev``), so only the test split is
            text it never saw — word-level annotations, the built-in's own convention.
  babe-split  BABE's train split as the workspace's articles (sizes 25 … 300), its test split
            scored (one split, no folds; the packaged tagger trained on the same train split
            and chose its thresholds on dev, so this asks whether retraining on the
            built-in's own convention ever costs anything).
  passages  our own phrase-annotated passages the packaged tagger never saw
            (``passages_en.txt`` test; dev trains it too) — 16 documents, phrase-level.
  realnews --gne PATH  real news the built-in never trained on: GoodNewsEveryone's emotion
            cue spans (``bench/_realnews_corpus.py``; the release's ``gne-release-v1.0.tsv``
            is read from PATH, nothing of it is committed), 8 headlines of one outlet per
            document, the articles imported with their outlets and the spans read through
            the app's label mapping ("cue" → ours) — sizes 25 … 300.
Every scored document is checked against the packaged tagger's training text
(``seen_text.seen_by_base``); the run stops if any was seen.
Label-agnostic partial F1 (SemEval-style character overlap), micro over the held-out
documents of all folds, with a 95 % bootstrap interval over documents. Uses a throwaway SQLite
database; prints one row per size and the load average.
"""

from __future__ import annotations

import collections
import gzip
import hashlib
import io
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TMP = Path(tempfile.mkdtemp(prefix="bench-learning-"))
os.environ.update(
    DJANGO_SETTINGS_MODULE="parallax.settings",
    DEBUG="1",
    PARALLAX_VAR_DIR=str(TMP),
    DATABASE_URL=f"sqlite:///{TMP / 'bench.sqlite3'}",
    MEDIA_ROOT=str(TMP / "media"),
    LOG_LEVEL="WARNING",
    # Imports queue an analysis per article; the curve measures training, not that.
    TASK_BACKEND="django.tasks.backends.dummy.DummyBackend",
)

import django  # noqa: E402

django.setup()

import numpy as np  # noqa: E402
from django.core.management import call_command  # noqa: E402

from accounts.models import User, Workspace  # noqa: E402
from articles.imports.mappings import label_mapping_save  # noqa: E402
from articles.ingestion.normalize import normalize_text  # noqa: E402
from articles.services import article_create, event_create, outlet_get_or_create  # noqa: E402
from framing import engine  # noqa: E402
from framing.analysis_services import engine_model_for, engine_threshold  # noqa: E402
from framing.engine.evaluation import evaluate_spans  # noqa: E402
from framing.engine.frame_evaluation import label_set_scores  # noqa: E402
from framing.engine.frame_training import frame_split  # noqa: E402
from framing.engine.tagger_training import BABE_PATH, merge_adjacent, passage_docs  # noqa: E402
from framing.frame_services import article_frame_decide  # noqa: E402
from framing.models import Label  # noqa: E402
from framing.services import annotation_create, codebooks_install_defaults  # noqa: E402
from framing.training_services import model_train  # noqa: E402

FOLDS = 5
SIZES = (25, 50, 100, 200, 10_000)
ANALYST_SIZES = (25, 50, 100, 200, 300)
LABEL = "hyperbole"  # the tagger's score is label-agnostic; BABE words carry no category


def babe(splits: tuple[str, ...] = ("test",)) -> list[tuple[str, str, list]]:
    """(key, text, spans) per BABE article of ``splits``: its sentences joined by spaces."""
    by_doc = collections.defaultdict(list)
    with gzip.open(BABE_PATH, "rt", encoding="utf-8") as fh:
        for row in map(json.loads, fh):
            if row["split"] in splits:
                by_doc[row["doc"]].append(row)
    out = []
    for key, rows in sorted(by_doc.items()):
        text, spans = "", []
        for r in rows:
            clean = normalize_text(r["text"])
            if clean != r["text"].strip():
                continue  # the app would move offsets inside the sentence (rare: NFC etc.)
            shift = len(r["text"]) - len(r["text"].lstrip())
            off = len(text) + (1 if text else 0) - shift
            text = f"{text} {clean}" if text else clean
            spans += [(off + s, off + e) for s, e in merge_adjacent(r["text"], r["spans"])]
        if text:
            out.append((key, text, spans))
    return out


def passages() -> list[tuple[str, str, list]]:
    docs = passage_docs("test")
    return [(f"p{i}", d.text, [(s, e) for s, e, _ in d.spans]) for i, d in enumerate(docs)]


def analyst() -> list[tuple[str, str, list]]:
    from _analyst_corpus import analyst_docs

    return analyst_docs()


def unseen(docs, what: str) -> None:
    """Stop unless the packaged tagger never trained on any of ``docs`` (scored text it saw
    would favour the built-in row and, as workspace text, is no evidence for the choice)."""
    from framing.engine.seen_text import seen_by_base
    from framing.engine.tagger import default_tagger

    seen = sum(seen_by_base(default_tagger(), [t for _, t, _ in docs]))
    print(f"{what}: {len(docs)} documents, {seen} seen by the packaged tagger")
    if seen:
        raise SystemExit(f"{what}: {seen} documents are the packaged tagger's training text")


def fold(key: str) -> int:
    return hashlib.sha256(key.encode()).digest()[0] % FOLDS


def import_workspace(name: str, docs, user, label_key: str = LABEL) -> Workspace:
    """A workspace whose articles carry the documents' spans as accepted annotations."""
    workspace = Workspace.objects.create(name=name)
    codebooks_install_defaults(workspace=workspace)
    event = event_create(workspace=workspace, title=name)
    outlet = outlet_get_or_create(workspace=workspace, name="Bench wire")
    label = Label.objects.get(codebook_version__codebook__workspace=workspace, key=label_key)
    for key, text, spans in docs:
        revision = article_create(event=event, outlet=outlet, title=key, text=text).current_revision
        if revision.text != text:
            raise SystemExit(f"{key}: the app normalised the text; offsets would move")
        for s, e in spans:
            annotation_create(revision=revision, start=s, end=e, label=label, author_user=user)
    return workspace


def predict(model, texts: list[str]) -> list[list[tuple[int, int, str]]]:
    floor = engine_threshold(model, "balanced")
    return [
        [(t.start, t.end, "x") for t in engine.analyze(text, model=model).loaded_terms
         if t.score >= floor]
        for text in texts
    ]  # fmt: skip


def micro(gold, pred) -> tuple[float, list]:
    """Partial F1 and per-document (credit_pred, n_pred, credit_gold, n_gold) rows."""
    rows = [
        [m.credit_pred, m.n_pred, m.credit_gold, m.n_gold]
        for m in (evaluate_spans([g], [p]).partial.micro for g, p in zip(gold, pred, strict=True))
    ]
    return _f1(np.sum(rows, axis=0)), rows


def _f1(c) -> float:
    p = c[0] / c[1] if c[1] else 0.0
    r = c[2] / c[3] if c[3] else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def interval(rows: list) -> tuple[float, float]:
    a = np.array(rows, dtype=float)
    rng = np.random.default_rng(7)
    draws = a[rng.integers(0, len(a), size=(1000, len(a)))].sum(axis=1)
    f = sorted(_f1(d) for d in draws)
    return f[25], f[974]


def frame_items(sources, n: int, seed: int) -> list[tuple[str, str, set]]:
    """``n`` training items, each a run of sentences from one or two of ``sources`` (real
    held-out articles of the training folds), labelled with the union of their frames."""
    import random

    rng = random.Random(seed)
    out = []
    for i in range(n):
        sents, keys = [], set()
        for doc in rng.sample(sources, rng.choice((1, 2))):
            k = len(doc.sentences)
            a = rng.randrange(max(1, k - 1))
            b = rng.randint(min(a + 2, k), k)
            sents += doc.sentences[a:b]
            keys |= {key for row in doc.sentence_labels("policy")[a:b] for key in row}
        out.append((f"s{seed}-{i}", " ".join(sents), keys - {"other"}))
    return out


def frame_workspace(name: str, items, user) -> Workspace:
    """A workspace whose articles carry their frames as accepted article-level decisions (an
    item with none gets one rejection, so it still counts as a decided article)."""
    workspace = Workspace.objects.create(name=name)
    codebooks_install_defaults(workspace=workspace)
    event = event_create(workspace=workspace, title=name)
    outlet = outlet_get_or_create(workspace=workspace, name="Bench wire")
    labels = {
        lab.key: lab
        for lab in Label.objects.filter(
            codebook_version__codebook__workspace=workspace,
            codebook_version__codebook__key="policy-frames",
        )
    }
    for key, text, keys in items:
        revision = article_create(event=event, outlet=outlet, title=key, text=text).current_revision
        decided = [(k, "accepted") for k in sorted(keys)] or [("economic", "rejected")]
        for k, status in decided:
            article_frame_decide(revision=revision, label=labels[k], status=status, user=user)
    return workspace


def frame_keys(model, texts: list[str]) -> list[set]:
    """The article's policy label set by the model's own rule."""
    return [
        {f.key for f in engine.analyze(t, model=model).frames.get("policy", ()) if f.selected}
        for t in texts
    ]


def frames_fold(f: int, sizes: tuple[int, ...], user, save=None) -> dict:
    """Gold and predicted label sets of fold ``f``'s held-out articles, per model."""
    held = frame_split()[1]
    test = [d for d in held if fold(d.id) == f]
    pool = frame_items([d for d in held if fold(d.id) != f], max(sizes), seed=f)
    texts = [" ".join(d.sentences) for d in test]
    truth = [sorted(set(d.labels("policy")) - {"other"}) for d in test]
    out, started = {}, time.perf_counter()
    for name, n in [("built-in", None)] + [(f"n={n}", n) for n in sizes]:
        model, chose = None, "—"
        if n is not None:
            workspace = frame_workspace(f"frames-f{f}-n{n}", pool[:n], user)
            version = model_train(workspace=workspace, user=None)
            model = engine_model_for(version)
            cv = version.metrics.get("frames_cv", {})
            chose = cv.get("chosen", "trained")
            # the out-of-fold micro-F1s on the workspace's own items the choice was made on
            print(
                f"fold {f} {name} workspace CV:",
                {k: v["f1"] for k, v in cv.get("scores", {}).items()},
            )
        pred = [sorted(p) for p in frame_keys(model, texts)]
        out[name] = {"gold": truth, "pred": pred, "chose": chose}
        micro = label_set_scores(truth, pred, boot=0)["micro"]
        cpu, load = time.process_time(), os.getloadavg()[0]
        print(
            f"fold {f} {name}: micro {micro:.3f}, frames {chose}, "
            f"{time.perf_counter() - started:.0f}s wall, {cpu:.0f}s CPU, load {load:.1f}"
        )
        if save:  # after every size: a slow run still leaves what it measured
            Path(save).write_text(json.dumps(out))
    return out


def frames_table(folds: list[dict]) -> None:
    print(f"\nframes: {sum(len(r['built-in']['gold']) for r in folds)} held-out articles")
    print("| labelled articles | micro-F1 | 95 % CI | macro-F1 | 95 % CI | frames kept |")
    for name in folds[0]:
        gold = [g for r in folds for g in r[name]["gold"]]
        pred = [p for r in folds for p in r[name]["pred"]]
        r = label_set_scores(gold, pred, boot=1000)
        (a, b), (c, d) = r["micro_ci"], r["macro_ci"]
        shown = name.removeprefix("n=")
        chose = collections.Counter(r[name].get("chose", "?") for r in folds)
        kept = ", ".join(f"{k} {v}" for k, v in sorted(chose.items()))
        print(
            f"| {shown} | {r['micro']:.3f} | {a:.3f}–{b:.3f} | {r['macro']:.3f} | {c:.3f}–{d:.3f} "
            f"| {kept} |"
        )


def span_fold(f: int, docs, sizes: tuple[int, ...], user, which: str, save=None) -> dict:
    """Per-document count rows of fold ``f``'s held-out documents, per model, and what
    cross-validation chose for each training size."""
    test = [d for d in docs if fold(d[0]) == f]
    return span_curve(test, [d for d in docs if fold(d[0]) != f], sizes, user, which, save, f)


def span_curve(test, pool, sizes, user, which: str, save=None, f: int = 0) -> dict:
    """The built-in's and each training size's rows on ``test``, training on prefixes of
    ``pool`` (in a fixed shuffle, so a smaller training set is a prefix of a larger one)."""
    label_key = "euphemism" if which == "analyst" else LABEL
    pool = sorted(pool, key=lambda d: hashlib.sha256(d[0].encode()).hexdigest())
    gold = [[(s, e, "x") for s, e in spans] for _, _, spans in test]
    out = {"built-in": {"rows": micro(gold, predict(None, [t for _, t, _ in test]))[1]}}
    started = time.perf_counter()
    for n in sizes:
        if n > len(pool) and n != sizes[-1]:
            continue
        workspace = import_workspace(f"{which}-f{f}-n{n}", pool[:n], user, label_key)
        version = model_train(workspace=workspace, user=None)
        model = engine_model_for(version)
        rows = micro(gold, predict(model, [t for _, t, _ in test]))[1]
        out[f"n={n}"] = {"rows": rows, "chosen": version.training_summary["tagger"]}
        f1 = _f1(np.sum(rows, axis=0))
        cv = version.metrics.get("workspace_cv", {})
        oof = {k: round(v["partial"]["f1"], 3) for k, v in cv.get("scores", {}).items()}
        print(
            f"fold {f} n={min(n, len(pool))}: F1 {f1:.3f}, {time.perf_counter() - started:.0f}s;"
            f" chose {cv.get('chosen')}, out of fold {oof}"
        )
        if save:  # after every size: a slow run still leaves what it measured
            Path(save).write_text(json.dumps(out))
    return out


def realnews_workspace(name: str, docs, user) -> Workspace:
    """A workspace whose articles (with their outlets) carry the corpus's spans, read the way
    an analyst's import reads them: the corpus's own label is mapped onto ours once for the
    workspace (as the import page's label mapping saves it) and ``import_annotations`` reads
    the spans from our JSONL through that mapping."""
    workspace = Workspace.objects.create(name=name)
    codebooks_install_defaults(workspace=workspace)
    event = event_create(workspace=workspace, title=name)
    label_mapping_save(workspace=workspace, choices={"cue": LABEL}, known={LABEL}, user=user)
    lines = []
    for key, text, spans, outlet_name in docs:
        outlet = outlet_get_or_create(workspace=workspace, name=outlet_name)
        article = article_create(event=event, outlet=outlet, title=key, text=text)
        if article.current_revision.text != text:
            raise SystemExit(f"{key}: the app normalised the text; offsets would move")
        rows = [{"start": s, "end": e, "label": lab} for s, e, lab in spans]
        lines.append(json.dumps({"id": f"article-{article.pk}", "text": text, "spans": rows}))
    path = TMP / f"{name}.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    out = io.StringIO()
    call_command(
        "import_annotations", str(path), event=event.pk, format="jsonl", user=user.email,
        stdout=out,
    )  # fmt: skip
    print(f"  {name}: {out.getvalue().strip()}")
    return workspace


def realnews_fold(f: int, docs, sizes: tuple[int, ...], user, save=None) -> dict:
    """As ``span_curve``, on fold ``f`` of the real-news documents, each training set
    imported by ``realnews_workspace``."""
    test = [d for d in docs if fold(d[0]) == f]
    pool = sorted(
        (d for d in docs if fold(d[0]) != f),
        key=lambda d: hashlib.sha256(d[0].encode()).hexdigest(),
    )
    gold = [[(s, e, "x") for s, e, _ in d[2]] for d in test]
    texts = [d[1] for d in test]
    out = {"built-in": {"rows": micro(gold, predict(None, texts))[1]}}
    print(f"fold {f} built-in: F1 {_f1(np.sum(out['built-in']['rows'], axis=0)):.3f}")
    started = time.perf_counter()
    for n in sizes:
        workspace = realnews_workspace(f"realnews-f{f}-n{n}", pool[:n], user)
        version = model_train(workspace=workspace, user=None)
        rows = micro(gold, predict(engine_model_for(version), texts))[1]
        out[f"n={n}"] = {"rows": rows, "chosen": version.training_summary["tagger"]}
        cpu, load = time.process_time(), os.getloadavg()[0]
        print(
            f"fold {f} n={min(n, len(pool))}: F1 {_f1(np.sum(rows, axis=0)):.3f}, "
            f"chose {out[f'n={n}']['chosen']}, {time.perf_counter() - started:.0f}s wall, "
            f"{cpu:.0f}s CPU, load {load:.1f}"
        )
        if save:  # after every size: a slow run still leaves what it measured
            Path(save).write_text(json.dumps(out))
    return out


def span_table(which: str, folds: list[dict]) -> None:
    print(f"\n{which}: {sum(len(r['built-in']['rows']) for r in folds)} held-out documents")
    print("| training articles | partial F1 | 95 % CI | CV chose |")
    for name in [k for k in folds[0] if all(k in r for r in folds)]:  # sizes every fold has
        rows = [row for r in folds for row in r[name]["rows"]]
        picks = collections.Counter(r[name].get("chosen") for r in folds if r[name].get("chosen"))
        lo, hi = interval(rows)
        n = name.removeprefix("n=")
        shown = "all (~4/5)" if n == str(SIZES[-1]) else n
        chose = ", ".join(f"{k} {v}" for k, v in sorted(picks.items())) or "—"
        print(f"| {shown} | {_f1(np.sum(rows, axis=0)):.3f} | {lo:.3f}–{hi:.3f} | {chose} |")


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["combine"]:  # tables from --save files of separate fold runs
        which, folds = args[1], [json.loads(Path(p).read_text()) for p in args[2:]]
        return frames_table(folds) if which == "frames" else span_table(which, folds)
    save = args.pop(args.index("--save") + 1) if "--save" in args else None
    only = int(args.pop(args.index("--fold") + 1)) if "--fold" in args else None
    gne = Path(args.pop(args.index("--gne") + 1)) if "--gne" in args else None
    args = [a for a in args if a not in ("--save", "--fold", "--gne")]
    which = args[0] if args else "babe"
    default = ANALYST_SIZES if which in ("analyst", "frames", "babe-split", "realnews") else SIZES
    sizes = tuple(int(x) for x in args[1:]) or default
    sys.stdout.reconfigure(line_buffering=True)
    call_command("migrate", verbosity=0)
    user = User.objects.create_user(username="bench", email="bench@example.org", password="x")
    if which == "babe-split":  # train on BABE's train split, score its test split
        test, pool = babe(("test",)), babe(("train",))
        unseen(test, "babe-split test")
        folds = [span_curve(test, pool, sizes, user, which, save)]
        span_table(which, folds)
        return print(f"load average: {os.getloadavg()}")
    if which == "realnews":
        return realnews_main(gne, sizes, user, save, only)
    docs = (
        None
        if which == "frames"
        else {"babe": babe, "passages": passages, "analyst": analyst}[which]()
    )
    if docs is not None:
        unseen(docs, which)
    folds = []
    for f in range(FOLDS) if only is None else [only]:
        if which == "frames":
            folds.append(frames_fold(f, sizes, user, save if only is not None else None))
        else:
            folds.append(span_fold(f, docs, sizes, user, which, save if only is not None else None))
    if save:
        Path(save).write_text(json.dumps(folds[0] if only is not None else folds))
    if only is None:
        frames_table(folds) if which == "frames" else span_table(which, folds)
    print(f"load average: {os.getloadavg()}")


def realnews_main(gne: Path | None, sizes, user, save, only) -> None:
    if gne is None or not gne.is_file():
        raise SystemExit("realnews: give --gne PATH to GoodNewsEveryone's gne-release-v1.0.tsv")
    from _realnews_corpus import realnews_docs

    docs = realnews_docs(gne)
    folds = [
        realnews_fold(f, docs, sizes, user, save if only is not None else None)
        for f in (range(FOLDS) if only is None else [only])
    ]
    if save:
        Path(save).write_text(json.dumps(folds[0] if only is not None else folds))
    if only is None:
        span_table("realnews", folds)
    print(f"load average: {os.getloadavg()}")


if __name__ == "__main__":
    main()
