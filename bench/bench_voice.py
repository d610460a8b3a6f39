"""Speakers, quotes and relays on the held-out gold set ``speakers_news`` (measure only).

Run:  .venv/bin/python bench/bench_voice.py [--before DIR] [--gold PATH] [--errors]
      (DIR: a checkout of the old engine, e.g. ``git worktree add --detach /tmp/voice-old main``;
      PATH: another set in the same schema, e.g. the development set
      ``framing/eval/dev/speakers_dev.jsonl``; --errors lists and classifies every miss — refused
      on the held-out set)

Prints, for this checkout (and for DIR when given), over the 22 articles / 297 attributions:

- **found**: share of gold attributions that some engine quote or reported clause (not a scare
  quote) overlaps by at least one character; **found ≥ 50 %**: the overlap covers at least half
  of the gold span.
- **precision**: share of the engine's quotes and reported clauses (not scare quotes) that
  overlap some gold attribution (the rest are spans the gold does not count as speech).
- **speaker right**: share of *all* gold attributions whose best-overlapping engine span has the
  right speaker (a missed attribution counts as wrong). Matching rule, written down once:
  lower-case both sides, drop punctuation, possessive 's, determiners ("the", "a", "its" …)
  and a plural "s"; the engine's speaker is right when its words are a subset of the words of
  the gold canonical speaker or of the gold speaker phrase as written (unless that is a
  pronoun), or the other way round (the engine may add a title: "Foreign Minister X"); and,
  when the engine links the speaker to an actor (``speaker_actor``) while the gold canonical
  speaker names gazetteer actors, the engine's actor must be one of them ("the ministry"
  linked to Iran is wrong when the gold says the North Korean foreign ministry). A pronoun
  is never right.
- **pronoun / fragment speakers shown**: engine quotes whose speaker is a pronoun, or a
  fragment — a name cut before its next capitalised word ("the United" + "States"), a phrase
  ending in a connector ("of", "the", "and"), or one made only of function words — or whose
  speaker or relay link opens with a function word capitalised at a sentence start ("After
  Tuesday's", "But WalesOnline"), is one or two words ending in a possessive ("North
  Korea's"), a lone demonym ("Flemish") or a "The X" naming a place of the text that the text
  only writes before a kind word ("The Gdańsk" of "The Gdańsk daily", "in Gdańsk").
- **relays detected**: gold attributions with a relay chain (two links or more) whose matched
  engine span has a chain of two links or more naming every gold relay (the article's
  dateline credit is left out on both sides, as the gold does); **origin detected**: articles
  whose dateline credit ("HELSINKI (AP) —") the engine reports as the article's origin;
  **origin shown on an uncredited article**: articles the gold credits to no agency that the
  engine credits to one (the outlet is passed to ``wire_origin``; a credit naming the article's
  own outlet is not counted, as the app does not show it). A chain leaves the origin out under
  its name or as credited ("AFP"), and never shows the article's own outlet ("told CNN" on CNN).
- **… of them by an 'according to' formula**: the relayed attributions whose sentence names
  the outermost relay right after "according to" ("according to the Associated Press",
  "according to a report in X") — the issue's second target form, decided on the gold text.
- **datelines and 'according to' pooled**: the two lines above added up (credited articles
  whose origin is detected, plus 'according to' relays detected, over both counts) — the
  target as issue 10 words it; "relays detected" is the broader figure over every relay form.
- **relay shown on a direct attribution**: found gold attributions heard directly (a chain
  of one) whose matched engine span shows a relay chain anyway (the dateline credit left
  out) — the relay rules' false alarms.
- Relay names match by the speaker rule's words, or as an agency and its initials ("SPA" /
  "Saudi Press Agency", "KUNA" / "Kuwait News Agency"), or as a long name and the short
  name the text gives it in brackets ("the Emirates News Agency (WAM)").

Intervals: 95 % percentile bootstrap over articles (2,000 resamples, seed 7).
Never tune on this set (framing/eval/gold/README.md): this script prints totals only.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "framing" / "eval" / "gold" / "speakers_news.jsonl"
PRONOUNS = frozenset(
    [
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "him",
        "her",
        "them",
        "his",
        "hers",
        "its",
        "their",
    ]
)
FUNCTION = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "for",
        "and",
        "or",
        "to",
        "in",
        "on",
        "at",
        "by",
        "with",
        "as",
        "that",
        "this",
        "these",
        "those",
        "its",
        "his",
        "her",
        "their",
        "one",
        "another",
        "some",
        "any",
        "who",
        "which",
        "what",
        "says",
        "said",
        "states",
    ]
)
_DETS = frozenset(
    ["the", "a", "an", "its", "his", "her", "their", "this", "that", "one", "another"]
)
_PUNCT = re.compile(r"[^\w\s\-]")


def _words(s: str) -> set[str]:
    s = s.lower().replace("’", "'").replace("'s ", " ")
    s = re.sub(r"'s\Z", "", s)
    out = set()
    for w in _PUNCT.sub(" ", s).split():
        if w in _DETS:
            continue
        out.add(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w)
    return out


def _gold_actors(name: str) -> set[str]:
    from framing.engine.actors import gazetteer

    auto, _ = gazetteer()
    return {key for _, (_, key) in auto.iter(name)}


def speaker_right(pred: str | None, actor: str | None, gold: dict) -> bool:
    if not pred or pred.lower().strip() in PRONOUNS:
        return False
    p = _words(pred)
    if not p:
        return False
    names = [gold["speaker"]]
    if gold["speaker_text"].lower().strip() not in PRONOUNS:
        names.append(gold["speaker_text"])
    if not any(p <= _words(n) or (_words(n) and _words(n) <= p) for n in names):
        return False
    wanted = _gold_actors(gold["speaker"])
    return not (actor and wanted and actor not in wanted)


# Capitalised only because they open a sentence: never a speaker's or relay's first word
# ("After Tuesday's", "But WalesOnline")
OPENING = frozenset(
    [
        "after",
        "before",
        "but",
        "and",
        "yet",
        "or",
        "nor",
        "so",
        "when",
        "while",
        "since",
        "during",
        "until",
        "though",
        "although",
        "if",
        "because",
        "despite",
        "following",
        "meanwhile",
        "however",
    ]
)
# A medium's kind written after a name cut before it ("The Gdańsk" + "daily")
_KIND_AFTER = (
    r"daily|weekly|newspaper|paper|broadcaster|station|channel|tabloid|magazine|website|agency"
)
_DEMONYM = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:ish|ese|ian|ean)")


@functools.cache
def _media_names() -> frozenset[str]:
    """Names of the media list (``framing/engine/data/media.tsv``), without "The"."""
    path = ROOT / "framing" / "engine" / "data" / "media.tsv"
    rows = path.read_text(encoding="utf-8").splitlines()
    names = (r.split("\t")[0] for r in rows if r and not r.startswith("#"))
    return frozenset(n.removeprefix("The ") for n in names)


def _fragment_words(text: str, name: str) -> bool:
    """The rules a shown name breaks whatever its position: a lone pronoun, a trailing
    connector, only function words, an opening function word, a possessive end ("After
    Tuesday's", "North Korea's"), a lone demonym ("Flemish"), or a "The X" naming a place of
    the text ("in Gdańsk") that the text only writes before a kind word ("The Gdańsk daily")."""
    words = name.split()
    if not words:
        return False
    low = [w.lower().strip(".,") for w in words]
    if low[0] in PRONOUNS and len(low) == 1:
        return True
    if low[-1] in ("of", "the", "and", "for", "a", "an", "to") or all(w in FUNCTION for w in low):
        return True
    if words[0].istitle() and low[0] in OPENING:
        return True
    if (len(words) <= 2 and words[-1].endswith(("'s", "’s"))) or (
        len(words) == 1 and _DEMONYM.fullmatch(words[0]) and words[0] not in _media_names()
    ):
        return True  # ("Guardian" ends like a demonym but is a paper's name)
    if len(words) == 2 and low[0] == "the":
        # "The Gdańsk": a place the text names ("in Gdańsk"), cut before a kind word each time
        hits = [m.end() for m in re.finditer(re.escape(name), text)]
        place = re.search(rf"\b(?:in|of|from|to|near|at) {re.escape(words[1])}\b", text)
        if (
            hits
            and place
            and all(re.match(rf" (?:{_KIND_AFTER})\b", text[h : h + 20]) for h in hits)
        ):
            return True
    return False


def is_fragment(text: str, q: dict, outlet: str = "") -> bool:
    """Whether a quote shows a pronoun or a fragment as its speaker or as a relay link. A link
    that is the article's own outlet is never shown (``framing.selectors.quote_relay`` leaves
    it out, as the app leaves out an origin naming the outlet), so it is not counted either."""
    sp = q["speaker"]
    if not sp:
        return False
    links = [h for h in q.get("chain", [])[:-1] if not (outlet and _own_credit(h, outlet))]
    if any(_fragment_words(text, h) for h in links):
        return True
    words = sp.split()
    if _fragment_words(text, sp):
        return True
    end = q["speaker_end"]
    if end is not None and words[-1][:1].isupper():
        nxt = re.match(r"[ ]([A-Z][a-z]+)", text[end : end + 30])
        if nxt and nxt.group(1).lower() not in FUNCTION:
            return True  # "the United" followed by "States"
    return False


def run_engine(gold: Path = GOLD) -> list[dict]:
    """Engine output per gold article (the checkout on sys.path[0])."""
    from framing import engine
    from framing.engine import attribution as att

    try:
        from framing.engine.relays import wire_origin
    except ImportError:  # the old engine: the dateline agency is all it computed
        wire_origin = None  # type: ignore[assignment]
    out = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        text = rec["text"]
        result = engine.analyze(text)
        credit = None
        if wire_origin is not None:
            try:
                origin = wire_origin(text, rec["outlet"])
            except TypeError:  # an engine whose wire_origin does not take the outlet
                origin = wire_origin(text)
            origin, credit = (origin.name, origin.credit) if origin else (None, None)
        else:
            hit = att.dateline(text)[1]
            origin = hit.text if hit else None
        if origin and _own_credit(credit or origin, rec["outlet"]):
            # The app never shows a credit naming the article's own outlet as its origin
            # (framing/selectors.py): "(CNN) —" on CNN, "LONDON (Reuters) -" in Reuters' copy.
            # Older engines leave that to the app, so the scorer applies the app's rule too.
            origin, credit = None, None
        out.append(
            {
                "outlet": rec["outlet"],
                "origin": origin,
                "credit": credit,
                "quotes": [
                    {
                        "start": q.start,
                        "end": q.end,
                        "kind": q.kind,
                        "speaker": q.speaker,
                        "speaker_end": q.speaker_end,
                        "actor": q.speaker_actor,
                        "chain": list(q.chain),
                    }
                    for q in result.quotes
                ],
            }
        )
    return out


def _own_credit(credit: str, outlet: str) -> bool:
    """Whether a credit names the article's own outlet, by the checkout's rule
    (``relays.is_own_outlet``) or, for an older engine, by the rule its app applied
    (``framing.selectors._is_own`` before it moved into the engine: the same source, the
    outlet's initials, or words of the outlet's name)."""
    try:
        from framing.engine.relays import is_own_outlet
    except ImportError:
        try:
            from framing.engine.relays import same_source
        except ImportError:  # an engine from before relays: the same name, case aside

            def same_source(a: str, b: str) -> bool:
                return a.casefold().strip() == b.casefold().strip()

        initials = "".join(w[0] for w in outlet.split() if w[:1].isupper())
        words = set(re.findall(r"\w+", credit.lower())) - {"the"}
        return (
            same_source(credit, outlet)
            or (len(initials) >= 2 and credit.upper() == initials)
            or bool(words and words <= set(re.findall(r"\w+", outlet.lower())))
        )
    return is_own_outlet(credit, outlet)


def _same_name(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _initials_of(short: str, name: str) -> bool:
    """Is ``short`` ("KUNA", "QNA", "ENA") made of the starts of ``name``'s capitalised words
    in order ("Kuwait News Agency": Ku + N + A)? Each word gives at least its first letter.
    The engine has the same rule (``speaker_context._initials_of``); the scorer keeps its own
    copy so that ``--before`` scores an older engine, which may lack it, by the same rule."""
    short = short.replace(".", "").upper()
    if not 2 <= len(short) <= 6 or not short.isalpha() or " " in short:
        return False
    words = [w.upper() for w in re.findall(r"[\w-]+", name) if w[:1].isupper()]
    if words and words[0] == "THE":
        words = words[1:]

    def fits(i: int, k: int) -> bool:
        if k == len(words):
            return i == len(short)
        w = words[k]
        return any(
            short[i : i + n] == w[:n] and fits(i + n, k + 1)
            for n in range(1, min(len(w), len(short) - i) + 1)
        )

    return len(words) >= 2 and fits(0, 0)


def _same_relay(gold: str, link: str, text: str) -> bool:
    """One relay under two names: the same words, an agency and its initials ("SPA" / "Saudi
    Press Agency"), or a short name the text gives in brackets after the long one ("the
    Emirates News Agency (WAM)")."""
    if _same_name(gold, link) or _initials_of(gold, link) or _initials_of(link, gold):
        return True
    for long, short in ((gold, link), (link, gold)):
        bare = re.sub(r"^(?:the|The)\s+", "", long)
        if f"{bare} ({short})" in text:
            return True
    return False


def article_counts(rec: dict, pred: dict) -> dict[str, int]:
    text = rec["text"]
    quotes = [q for q in pred["quotes"] if q["kind"] != "scare"]
    c = dict.fromkeys(
        [
            "gold",
            "found",
            "found50",
            "right",
            "relayed",
            "relay_ok",
            "shown",
            "bad",
            "origin_gold",
            "origin_ok",
            "origin_none",
            "origin_false",
            "predicted",
            "precise",
            "direct_gold",
            "false_relay",
            "relayed_acc",
            "relay_ok_acc",
        ],
        0,
    )
    origin = pred["origin"]
    for g in rec["attributions"]:
        c["gold"] += 1
        best, best_ov = None, 0
        for q in quotes:
            ov = min(q["end"], g["end"]) - max(q["start"], g["start"])
            if ov > best_ov:
                best, best_ov = q, ov
        relays = g["chain"][:-1]
        according = bool(relays) and _according_formula(text, g)
        if relays:
            c["relayed"] += 1
            c["relayed_acc"] += according
        if best is None:
            continue
        c["found"] += 1
        c["found50"] += best_ov >= 0.5 * (g["end"] - g["start"])
        c["right"] += speaker_right(best["speaker"], best["actor"], g)
        chain = _without_origin(best["chain"], pred)
        if not relays:
            # heard directly in the gold: does the engine show a relay anyway?
            c["direct_gold"] += 1
            c["false_relay"] += len(chain) >= 2
        if relays and len(chain) >= 2:
            ok = all(any(_same_relay(r, x, text) for x in chain[:-1]) for r in relays)
            c["relay_ok"] += ok
            c["relay_ok_acc"] += ok and according
    for q in quotes:
        c["predicted"] += 1
        c["precise"] += any(
            min(q["end"], g["end"]) > max(q["start"], g["start"]) for g in rec["attributions"]
        )
        if q["speaker"]:
            c["shown"] += 1
            c["bad"] += is_fragment(text, q, pred["outlet"])
    if not rec.get("origin"):
        c["origin_none"] += 1
        c["origin_false"] += bool(origin)
    if rec.get("origin"):
        c["origin_gold"] += 1
        credit = pred.get("credit")
        # a credit naming two agencies ("(With Reuters and AFP)") has the gold "Reuters, AFP":
        # either is the article's origin
        c["origin_ok"] += any(
            (origin and _same_name(origin, gold))
            or (origin and _acronym(gold) == origin.replace(".", "").upper())
            # and the other way round: "© Agence France-Presse" for a gold "AFP"
            or (origin and _acronym(origin) == gold.replace(".", "").upper())
            # the gold may name the agency as credited ("dpa", "PTI") where the engine gives
            # its usual name ("Deutsche Presse-Agentur", "Press Trust of India")
            or (origin and credit and _same_name(credit, gold))
            for gold in rec["origin"].split(", ")
        )
    # the target names two forms together: agency datelines and "according to"
    c["named_ok"] = c["origin_ok"] + c["relay_ok_acc"]
    c["named"] = c["origin_gold"] + c["relayed_acc"]
    return c


def _without_origin(chain: list[str], pred: dict) -> list[str]:
    """A chain without the article's own wire credit, under its name or as credited ("told
    AFP" in an article credited "(AFP) —", whose origin is named Agence France-Presse)."""
    names = [_words(n) for n in (pred["origin"], pred.get("credit")) if n]
    outlet = pred.get("outlet")
    # the link may add words ("the Yonhap news agency") but not drop them: "The Australian"
    # is not "Australian Associated Press"; the outlet itself is no link either (the gold
    # leaves it out, the app drops it from the article's path: "told CNN" on CNN)
    return [
        x
        for x in chain
        if not any(n and n <= _words(x) for n in names)
        and not (outlet and x != chain[-1] and _own_credit(x, outlet))
        # ("told the Jordan News Agency (Petra)" in copy credited "(Petra)": one agency by its
        # long form and its short one, which the app's relay path reads as one)
        and not (pred["origin"] and x != chain[-1] and _same_agency(x, pred["origin"]))
    ]


def _same_agency(a: str, b: str) -> bool:
    try:
        from framing.engine.relays import same_source
    except ImportError:  # an engine without the media list's usual names
        return False
    return same_source(a, b)


def _acronym(name: str) -> str:
    # "Agence France-Presse" -> "AFP": the parts of a hyphenated word count as words
    return "".join(w[0] for w in re.split(r"[\s\-]+", name) if w[:1].isupper())


RATIOS = {
    "found": ("found", "gold"),
    "found ≥ 50 % of span": ("found50", "gold"),
    "precision (engine spans on a gold one)": ("precise", "predicted"),
    "speaker right (of all)": ("right", "gold"),
    "speaker right (of found)": ("right", "found"),
    "pronoun/fragment speakers shown": ("bad", "shown"),
    "relay chains detected": ("relay_ok", "relayed"),
    # the "according to" formulas: the relay named right after "according to"
    # ("according to the Associated Press", "according to a report in X") in the span's
    # sentence
    "… of them by an 'according to' formula": ("relay_ok_acc", "relayed_acc"),
    "dateline origin detected": ("origin_ok", "origin_gold"),
    # the issue's target as it words it: "relays detected for agency datelines and
    # 'according to' formulas" (the two lines above pooled); "relay chains detected" is the
    # broader figure, every relayed attribution whatever its form
    "datelines and 'according to' pooled": ("named_ok", "named"),
    # articles the gold credits to no agency that the engine credits to one
    "origin shown on an uncredited article": ("origin_false", "origin_none"),
    # found attributions the gold hears directly that the engine shows as relayed
    "relay shown on a direct attribution": ("false_relay", "direct_gold"),
}


def summarise(per_article: list[dict[str, int]]) -> dict[str, tuple]:
    rng = random.Random(7)
    out = {}
    for name, (num, den) in RATIOS.items():
        n = sum(c[num] for c in per_article)
        d = sum(c[den] for c in per_article)
        boots = []
        for _ in range(2000):
            sample = [rng.choice(per_article) for _ in per_article]
            bd = sum(c[den] for c in sample)
            if bd:
                boots.append(sum(c[num] for c in sample) / bd)
        boots.sort()
        lo, hi = (0.0, 0.0)
        if boots:
            lo, hi = boots[int(0.025 * len(boots))], boots[int(0.975 * len(boots)) - 1]
        out[name] = (n, d, n / d if d else 0.0, lo, hi)
    return out


def predictions(root: Path, gold_path: Path) -> list[dict]:
    raw = subprocess.run(
        [
            sys.executable,
            str(Path(__file__).resolve()),
            "--engine-json",
            str(root),
            "--gold",
            str(gold_path),
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(raw)


def measure(root: Path, gold_path: Path = GOLD) -> dict[str, tuple]:
    preds = predictions(root, gold_path)
    gold = [json.loads(x) for x in gold_path.read_text(encoding="utf-8").splitlines()]
    return summarise([article_counts(r, p) for r, p in zip(gold, preds, strict=True)])


def error_class(rec: dict, pred: dict, g: dict) -> tuple[str, dict | None]:
    """One class per gold attribution: ok, missed, no speaker, pronoun, wrong speaker, relay."""
    quotes = [q for q in pred["quotes"] if q["kind"] != "scare"]
    best, best_ov = None, 0
    for q in quotes:
        ov = min(q["end"], g["end"]) - max(q["start"], g["start"])
        if ov > best_ov:
            best, best_ov = q, ov
    if best is None:
        return "missed quote" if g["kind"] in ("direct", "partial") else "missed clause", None
    if speaker_right(best["speaker"], best["actor"], g):
        relays = g["chain"][:-1]
        chain = _without_origin(best["chain"], pred)
        if relays and not (
            len(chain) >= 2
            and all(any(_same_relay(r, x, rec["text"]) for x in chain[:-1]) for r in relays)
        ):
            return "missed relay", best
        return "ok", best
    if not best["speaker"]:
        return "no speaker", best
    if best["speaker"].lower().strip() in PRONOUNS:
        return "pronoun speaker", best
    p = _words(best["speaker"])
    names = [g["speaker"], g["speaker_text"]]
    if any(p <= _words(n) or (_words(n) and _words(n) <= p) for n in names):
        return "wrong actor link", best
    return "wrong speaker", best


def print_errors(root: Path, gold_path: Path) -> None:
    from collections import Counter

    preds = predictions(root, gold_path)
    gold = [json.loads(x) for x in gold_path.read_text(encoding="utf-8").splitlines()]
    counts: Counter[str] = Counter()
    for rec, pred in zip(gold, preds, strict=True):
        for g in rec["attributions"]:
            cls, best = error_class(rec, pred, g)
            counts[cls] += 1
            if cls == "ok":
                continue
            got = "-"
            if best:
                got = f"{best['speaker']!r} actor={best['actor']} chain={best['chain']}"
            print(
                f"{rec['id']} [{cls}] {g['kind']} {g['content'][:60]!r}\n"
                f"    gold {g['speaker']!r} ({g['speaker_text']!r}) chain={g['chain']}; got {got}"
            )
    print("\nerror classes:", ", ".join(f"{k} {v}" for k, v in counts.most_common()))


def relay_outcome(rec: dict, pred: dict, g: dict) -> str:
    """For a relayed gold attribution: what the engine did with its chain (one word)."""
    cls, best = error_class(rec, pred, g)
    if best is None:
        return "span missed"
    chain = _without_origin(best["chain"], pred)
    relays = g["chain"][:-1]
    if len(chain) < 2:
        out = "no chain"
    elif all(any(_same_relay(r, x, rec["text"]) for x in chain[:-1]) for r in relays):
        out = "chain ok"
    else:
        out = "other relay"
    return f"{out}, speaker {'right' if cls in ('ok', 'missed relay') else 'wrong'}"


def print_classes(root: Path, gold_path: Path) -> None:
    """Aggregate counts only (allowed on the held-out set: no text, no ids, no speakers)."""
    from collections import Counter

    preds = predictions(root, gold_path)
    gold = [json.loads(x) for x in gold_path.read_text(encoding="utf-8").splitlines()]
    wrong_where: Counter[str] = Counter()
    by_kind: Counter[tuple[str, str]] = Counter()
    relay: Counter[str] = Counter()
    where: Counter[str] = Counter()
    for rec, pred in zip(gold, preds, strict=True):
        for g in rec["attributions"]:
            cls, best = error_class(rec, pred, g)
            by_kind[(cls, g["kind"])] += 1
            if cls == "wrong speaker" and best is not None:
                wrong_where[_speaker_where(rec["text"], g, best)] += 1
            if g["chain"][:-1]:
                outcome = relay_outcome(rec, pred, g)
                relay[outcome] += 1
                if not outcome.startswith("chain ok"):
                    where[_relay_where(rec, g)] += 1
    classes = sorted(
        {c for c, _ in by_kind}, key=lambda c: -sum(v for (k, _), v in by_kind.items() if k == c)
    )
    kinds = sorted({k for _, k in by_kind})
    print(f"{'class':18s}" + "".join(f"{k:>10s}" for k in kinds) + f"{'all':>8s}")
    for c in classes:
        row = [by_kind[(c, k)] for k in kinds]
        print(f"{c:18s}" + "".join(f"{n:10d}" for n in row) + f"{sum(row):8d}")
    frag: Counter[str] = Counter()
    for rec, pred in zip(gold, preds, strict=True):
        for q in pred["quotes"]:
            if (
                q["kind"] != "scare"
                and q["speaker"]
                and is_fragment(rec["text"], q, pred["outlet"])
            ):
                frag[_fragment_rule(rec["text"], q)] += 1
    print("fragment speakers by rule:", dict(frag) or "none")
    print(
        "wrong speakers, where the engine's speaker stands / what the gold speaker is:",
        ", ".join(f"{k} {v}" for k, v in wrong_where.most_common()),
    )
    print("\nrelayed attributions:", ", ".join(f"{k} {v}" for k, v in relay.most_common()))
    print(
        "relays missed, where the relay is named:",
        ", ".join(f"{k} {v}" for k, v in where.most_common()),
    )


def _speaker_where(text: str, g: dict, best: dict) -> str:
    """A category for a wrong speaker: where the engine's speaker phrase stands relative to
    the span, and whether the gold speaker as written is a pronoun, a name or a description."""
    from framing.engine.text import split_sentences

    end = best["speaker_end"]
    sentences = split_sentences(text)
    si = next((i for i, (a, b) in enumerate(sentences) if a <= g["start"] < b), 0)
    sj = next((i for i, (a, b) in enumerate(sentences) if end is not None and a <= end - 1 < b), -1)
    if end is None:
        where = "unknown"
    elif sj == si or (sj == si + 1 and end > g["end"]):
        where = "own tag"
    elif sj < si:
        where = "earlier sentence"
    else:
        where = "later sentence"
    written = g["speaker_text"].strip()
    if written.lower() in PRONOUNS:
        kind = "pronoun"
    elif written[:1].isupper() and written.split()[0].lower() not in _DETS:
        kind = "name"
    else:
        kind = "description"
    return f"{where}/{kind}/{g['kind']}"


def _fragment_rule(text: str, q: dict) -> str:
    """Which of ``is_fragment``'s rules a shown speaker breaks (a category, never the text)."""
    if any(_fragment_words(text, h) for h in q.get("chain", [])[:-1]):
        return "relay link"
    low = [w.lower().strip(".,") for w in q["speaker"].split()]
    if len(low) == 1 and low[0] in PRONOUNS:
        return "pronoun"
    if low[-1] in ("of", "the", "and", "for", "a", "an", "to"):
        return "trailing connector"
    if all(w in FUNCTION for w in low):
        return "function words"
    if q["speaker"].split()[0].istitle() and low[0] in OPENING:
        return "opening function word"
    if q["speaker"].endswith(("'s", "’s")):
        return "possessive end"
    if _fragment_words(text, q["speaker"]):
        return "lone demonym or name cut before its kind"
    return f"next capitalised word ({len(low)}-word speaker)"


def _relay_where(rec: dict, g: dict) -> str:
    """Where the text names a gold attribution's outermost relay, relative to the span: in
    its sentence, earlier in its paragraph, in an earlier paragraph, only later, or nowhere
    by that name (a category, counted, never shown)."""
    from framing.engine.text import split_sentences

    text = rec["text"]
    relay = g["chain"][0]
    sentences = split_sentences(text)
    s_start, s_end = next(
        ((a, b) for a, b in sentences if a <= g["start"] < b), (g["start"], g["end"])
    )
    p_start = text.rfind("\n", 0, g["start"]) + 1
    hits = [m.start() for m in re.finditer(re.escape(relay), text, re.IGNORECASE)]
    if not hits:
        return "other wording"
    if any(s_start <= h < s_end for h in hits):
        kind = "same sentence"
    elif any(p_start <= h < s_start for h in hits):
        kind = "earlier in paragraph"
    elif any(h < p_start for h in hits):
        kind = "earlier paragraph"
    else:
        kind = "only later"
    return f"{kind} (chain of {len(g['chain'])}, {_relay_role(text, hits, g)})"


_ROLE_BEFORE = re.compile(
    r"(?P<w>told|to|according to|by|citing|quoting|with|in)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}\Z",
    re.IGNORECASE,
)
_ROLE_AFTER = re.compile(
    r"\A[\w'’-]*(?:\s+(?:news\s+agency|agency))?,?\s+(?P<w>reported|reports|said|says|quoted|"
    r"cited|carried|published|citing)\b",
    re.IGNORECASE,
)


_ACCORDING = re.compile(
    r"\baccording\s+to\s+(?:(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}?(?:report|article|story|"
    r"dispatch|interview|statement|translation|broadcast|post)\s+(?:in|by|from|on|of|with)\s+)?"
    r"(?:the\s+)?\Z",
    re.IGNORECASE,
)


def _according_formula(text: str, g: dict) -> bool:
    """Whether the span's sentence names its outermost relay right after "according to" (the
    issue's "according to" formulas); decided on the gold text alone, never on the engine."""
    from framing.engine.text import split_sentences

    relay = g["chain"][0]
    s_start, s_end = next(
        ((a, b) for a, b in split_sentences(text) if a <= g["start"] < b), (g["start"], g["end"])
    )
    bare = re.sub(r"^(?:the|The)\s+", "", relay)
    for m in re.finditer(re.escape(bare), text[s_start:s_end]):
        if _ACCORDING.search(text, max(0, s_start + m.start() - 60), s_start + m.start()):
            return True
    return False


def _relay_role(text: str, hits: list[int], g: dict) -> str:
    """How the text names the relay nearest the span: a word from a fixed list around the
    nearest mention ("told", "according to", "reported", "quoted" …), else "other"."""
    h = min(hits, key=lambda x: abs(x - g["start"]))
    after = _ROLE_AFTER.match(text, h + len(g["chain"][0]) - len(g["chain"][0].split()[-1]))
    if after:
        return f"'{after.group('w').lower()}' after"
    before = _ROLE_BEFORE.search(text, max(0, h - 40), h)
    if before:
        return f"'{before.group('w').lower()}' before"
    return "other"


def _slice(path: Path, since: str) -> Path:
    import tempfile

    lines = [
        x for x in path.read_text(encoding="utf-8").splitlines() if json.loads(x)["id"] >= since
    ]
    out = Path(tempfile.gettempdir()) / f"{path.stem}-since-{since}.jsonl"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", type=Path, help="checkout of the old engine")
    parser.add_argument("--gold", type=Path, default=GOLD, help="set to measure on")
    parser.add_argument("--errors", action="store_true", help="list misses (not on held-out)")
    parser.add_argument(
        "--classes", action="store_true", help="aggregate error-class counts only (any set)"
    )
    parser.add_argument("--since", help="only records whose id sorts at or after this one")
    parser.add_argument("--engine-json", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    gold_path = args.gold.resolve()
    if args.since:
        # A slice of a set (e.g. the articles added in one round) measured on its own.
        gold_path = _slice(gold_path, args.since)
    if args.engine_json:
        sys.path.insert(0, str(args.engine_json))
        json.dump(run_engine(gold_path), sys.stdout)
        return
    sys.path.insert(0, str(ROOT))
    if args.errors:
        if args.gold.resolve().parent == GOLD.resolve().parent:  # speakers_news, relays_news
            parser.error("--errors is refused on the held-out sets (never tune on them)")
        print_errors(ROOT, gold_path)
        return
    if args.classes:
        print_classes(ROOT, gold_path)
        return
    runs = [("after (this checkout)", ROOT)]
    if args.before:
        runs.insert(0, (f"before ({args.before})", args.before))
    print(f"{gold_path.stem}: {gold_path}; load average {os.getloadavg()[0]:.2f}")
    for label, root in runs:
        print(f"\n{label}")
        for name, (n, d, share, lo, hi) in measure(root, gold_path).items():
            print(f"  {name:40s} {n:4d}/{d:<4d} {share:6.1%}  [95% CI {lo:.1%}–{hi:.1%}]")


if __name__ == "__main__":
    main()
