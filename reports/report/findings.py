"""Key differences between outlets, written as sentences with their numbers.

Each finding names its base (n) and its uncertainty and links to the evidence behind it.
Numbers are counted the way the charts page counts them by default: a republished copy of
another article of the report counts once.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse

from framing.engine.contrast import rate_per_1000
from reports.figures.base import sentences_url, spans_url
from reports.summary import counted_articles

MIN_TERMS = 5  # an outlet's voice share is stated only from this many loaded terms
MIN_QUOTES = 4


@dataclass
class Finding:
    key: str
    text: str
    n: str
    uncertainty: str
    evidence: list[tuple[str, str]] = field(default_factory=list)  # (label, site-relative URL)
    numbers: dict[str, Any] = field(default_factory=dict)


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson score interval of a proportion k/n (sensible at small n and at 0 or n)."""
    if n == 0:
        return 0.0, 1.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def pct(x: float) -> str:
    return f"{100 * x:.0f} %"


def event_findings(event_id: int, payload: dict[str, Any], alignment=None) -> list[Finding]:
    counted = counted_articles(payload, include_republications=False)
    per = _per_outlet(payload, counted)
    if len(per) < 2:
        return []
    out = [
        _own_voice_rates(event_id, per),
        _voice_shares(event_id, per),
        _frames(event_id, payload, per),
        _tone(event_id, per),
        _quote_concentration(event_id, payload, per),
        *_omissions(alignment),
    ]
    return [f for f in out if f is not None]


@dataclass
class _Outlet:
    id: int
    name: str
    n: int = 0
    words: int = 0
    voices: Counter = field(default_factory=Counter)
    speakers: Counter = field(default_factory=Counter)
    tones: list[float] = field(default_factory=list)
    frames: Counter = field(default_factory=Counter)
    sentences: int = 0


def _per_outlet(payload: dict[str, Any], counted: set[int]) -> dict[int, _Outlet]:
    names = {int(k): v["name"] for k, v in payload["outlets"].items()}
    per: dict[int, _Outlet] = {}
    outlet_of = {}
    for a in payload["articles"]:
        if a["id"] not in counted:
            continue
        o = per.setdefault(a["outlet"], _Outlet(a["outlet"], names.get(a["outlet"], "?")))
        outlet_of[a["id"]] = o
        o.n += 1
        o.words += a["words"]
        if a.get("tone") is not None:
            o.tones.append(float(a["tone"]))
        o.sentences += int(a.get("sentences") or 0)
        o.frames.update(a.get("sentence_frames") or {})
    actors = payload.get("actors", {})
    for article, _cat, voice, _score, speaker, *_ in payload["terms"]:
        if article in outlet_of:
            o = outlet_of[article]
            o.voices[voice] += 1
            if voice != "own" and speaker:
                o.speakers[actors.get(speaker, speaker)] += 1
    return per


def _base(o: _Outlet) -> str:
    return f"{o.n} article{'s' if o.n != 1 else ''}, {o.words:,} words"


def _terms(n: int) -> str:
    return f"{n} term{'s' if n != 1 else ''}"


def _own_voice_rates(event_id: int, per: dict[int, _Outlet]) -> Finding | None:
    rates = {o.id: rate_per_1000(o.voices["own"], max(o.words, 1)) for o in per.values()}
    order = sorted(per, key=lambda i: -rates[i].rate)
    hi, lo = per[order[0]], per[order[-1]]
    rh, rl = rates[hi.id], rates[lo.id]
    if rh.rate == rl.rate:
        return None
    overlap = rh.low <= rl.high
    text = (
        f"{hi.name}: {rh.rate:.1f} loaded terms per 1,000 words in its own voice "
        f"({_terms(rh.count)}); {lo.name}: {rl.rate:.1f} ({_terms(rl.count)}). "
        + (
            "Their intervals overlap, so the difference may be chance."
            if overlap
            else "Their 95 % intervals do not overlap."
        )
    )
    return Finding(
        "own_voice_rate",
        text,
        n=f"{hi.name}: {_base(hi)}; {lo.name}: {_base(lo)}",
        uncertainty=f"exact 95 % Poisson intervals {rh.low:.1f}–{rh.high:.1f} and "
        f"{rl.low:.1f}–{rl.high:.1f} per 1,000 words",
        evidence=[
            (f"{hi.name}: own-voice terms", spans_url(event_id, outlet=hi.id, voice="own")),
            (f"{lo.name}: own-voice terms", spans_url(event_id, outlet=lo.id, voice="own")),
        ],
        numbers={
            str(o): {"count": r.count, "words": r.words, "rate": round(r.rate, 3)}
            for o, r in rates.items()
        },
    )


def _voice_shares(event_id: int, per: dict[int, _Outlet]) -> Finding | None:
    shares = {}
    for o in per.values():
        total = sum(o.voices.values())
        if total >= MIN_TERMS:
            shares[o.id] = (total - o.voices["own"], total)
    if not shares:
        return None
    top = per[max(shares, key=lambda i: shares[i][0] / shares[i][1])]
    k, n = shares[top.id]
    low, high = wilson(k, n)
    who = top.speakers.most_common(1)
    voice = f", most often {who[0][0]} ({who[0][1]})" if who else ""
    text = f"{pct(k / n)} of {top.name}'s loaded terms are in a quoted or attributed voice{voice}."
    others = [per[i] for i in shares if i != top.id]
    if others:
        low_o = min(others, key=lambda o: shares[o.id][0] / shares[o.id][1])
        ko, no = shares[low_o.id]
        text += f" At {low_o.name} it is {pct(ko / no)} ({ko} of {no})."
    return Finding(
        "voice_share",
        text,
        n=f"{k} of {n} loaded terms ({_base(top)})",
        uncertainty=f"95 % Wilson interval {pct(low)}–{pct(high)}",
        evidence=[
            (f"{top.name}: quoted terms", spans_url(event_id, outlet=top.id, voice="quoted")),
            (
                f"{top.name}: attributed terms",
                spans_url(event_id, outlet=top.id, voice="attributed"),
            ),
        ],
        numbers={str(i): {"voiced": kn[0], "terms": kn[1]} for i, kn in shares.items()},
    )


def _frames(event_id: int, payload: dict[str, Any], per: dict[int, _Outlet]) -> Finding | None:
    names = {f["key"]: f["name"] for f in payload["frames"]}
    tops = {}
    for o in per.values():
        if o.sentences and o.frames:
            key, count = o.frames.most_common(1)[0]
            tops[o.id] = (key, count, o.sentences)
    if len({t[0] for t in tops.values()}) < 2:
        return None
    parts, intervals = [], []
    for oid, (key, count, total) in tops.items():
        low, high = wilson(count, total)
        parts.append(f"{per[oid].name}: {names.get(key, key)} ({pct(count / total)})")
        intervals.append(f"{per[oid].name} {pct(low)}–{pct(high)} of {total} sentences")
    return Finding(
        "dominant_frame",
        "The outlets lead with different frames. Most frequent dominant frame of each "
        "outlet's sentences — " + "; ".join(parts) + ".",
        n="; ".join(f"{per[o].name}: {t[2]} sentences" for o, t in tops.items()),
        uncertainty="95 % Wilson intervals: " + "; ".join(intervals),
        evidence=[
            (
                f"{per[o].name}: {names.get(t[0], t[0])} sentences",
                sentences_url(event_id, outlet=o, frame=t[0]),
            )
            for o, t in tops.items()
        ],
        numbers={
            str(o): {"frame": t[0], "count": t[1], "sentences": t[2]} for o, t in tops.items()
        },
    )


def _mean_ci(values: list[float]) -> tuple[float, float]:
    mean = sum(values) / len(values)
    if len(values) < 2:
        return mean, 0.0
    var = sum((v - mean) ** 2 for v in values) / (len(values) - 1)
    return mean, 1.96 * math.sqrt(var) / math.sqrt(len(values))


def _tone(event_id: int, per: dict[int, _Outlet]) -> Finding | None:
    toned = {o.id: _mean_ci(o.tones) for o in per.values() if o.tones}
    if len(toned) < 2:
        return None
    warm = per[max(toned, key=lambda i: toned[i][0])]
    cold = per[min(toned, key=lambda i: toned[i][0])]
    (mw, hw), (mc, hc) = toned[warm.id], toned[cold.id]
    if mw == mc:
        return None
    return Finding(
        "tone",
        f"Tone is most negative at {cold.name} (mean {mc:+.2f}) and least negative at "
        f"{warm.name} ({mw:+.2f}), on a scale of −1 hostile to +1 warm.",
        n=f"{cold.name}: {_base(cold)}; {warm.name}: {_base(warm)}",
        uncertainty=f"±95 %: {cold.name} {_half(hc, cold)}, {warm.name} {_half(hw, warm)}",
        evidence=[
            (f"{o.name}: sentences by tone", sentences_url(event_id, outlet=o.id, order="tone"))
            for o in (cold, warm)
        ],
        numbers={str(i): {"mean": round(m, 3), "half": round(h, 3)} for i, (m, h) in toned.items()},
    )


def _half(h: float, o: _Outlet) -> str:
    return f"±{h:.2f}" if len(o.tones) > 1 else "not estimable from one article"


def _quote_concentration(event_id: int, payload: dict[str, Any], per) -> Finding | None:
    names = payload.get("actors", {})
    counts: dict[int, Counter] = defaultdict(Counter)
    keys: dict[str, str] = {}
    outlet_of = {a["id"]: a["outlet"] for a in payload["articles"]}
    for article, speaker, actor, *_ in payload["quotes"]:
        if outlet_of.get(article) in per:
            who = names.get(actor) or actor or speaker or "unnamed"
            counts[outlet_of[article]][who] += 1
            keys[who] = actor or speaker
    best = None
    for oid, c in counts.items():
        total = sum(c.values())
        if total >= MIN_QUOTES:
            who, k = c.most_common(1)[0]
            if best is None or k / total > best[2] / best[3]:
                best = (oid, who, k, total)
    if best is None:
        return None
    oid, who, k, total = best
    low, high = wilson(k, total)
    return Finding(
        "quote_concentration",
        f"{per[oid].name} gives {pct(k / total)} of its quotes and reported statements to "
        f"one speaker, {who} ({k} of {total}).",
        n=f"{total} quotes ({_base(per[oid])})",
        uncertainty=f"95 % Wilson interval {pct(low)}–{pct(high)}",
        evidence=[
            (f"{per[oid].name}: {who}", sentences_url(event_id, outlet=oid, speaker=keys[who]))
        ],
        numbers={"outlet": oid, "speaker": who, "quotes": k, "total": total},
    )


def _omissions(alignment) -> list[Finding]:
    """Facts two or more other outlets report that an outlet does not."""
    if alignment is None:
        return []
    ids = [a.pk for a in alignment.articles]
    query = urlencode([("a", i) for i in ids])
    url = f"{reverse('reports:aligned', args=[alignment.articles[0].event_id])}?{query}"
    gaps = []
    for col, article in enumerate(alignment.articles):
        shared = absent = possibly = 0
        for row in alignment.rows:
            # A fact counts as reported elsewhere only where the match is confident.
            others = sum(
                1
                for j, c in enumerate(row.cells)
                if j != col and c is not None and c.state == "reported"
            )
            if others < 2:
                continue
            shared += 1
            cell = row.cells[col]
            absent += cell is None
            possibly += cell is not None and cell.state == "possibly"
        if shared:
            gaps.append((absent / shared, article, shared, absent, possibly))
    if not gaps:
        return []
    _, article, shared, absent, possibly = max(gaps, key=lambda g: g[0])
    if not absent:
        return []
    maybe = f"; {possibly} more only possibly match" if possibly else ""
    return [
        Finding(
            "omissions",
            f"{article.outlet.name} does not report {absent} of the {shared} facts that two or "
            f"more of the other outlets report{maybe}.",
            n=f"{shared} facts shared by two or more of {len(ids)} articles",
            uncertainty="automatic sentence alignment (calibrated); 'possibly' matches are "
            "weaker and counted apart",
            evidence=[("Aligned facts and omission matrix", url)],
            numbers={"article": article.pk, "shared": shared, "absent": absent},
        )
    ]
