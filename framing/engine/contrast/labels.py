"""Competing labels: the different wordings outlets use for the same referent.

Within each aligned row the sentences are compared word by word (difflib). Where one sentence
has a stretch of words that the other replaces with a different stretch ("the bloc's *reckless
provocation*" / "the bloc's *routine exercise*", or an insertion: "the *illegal* blockade"), the
caller's terms falling inside corresponding stretches fill the same slot in the shared sentence
frame and are linked as wordings of one referent. Links are merged across rows (a wording linked
to two others joins them into one referent), so a referent collects every wording any outlet
used for it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import combinations
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .alignment import AlignedRow

TOKEN_RE = re.compile(r"\w+(?:['’-]\w+)*")

# (article, sentence, start, end) of one term occurrence inside its sentence
Occurrence = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class Referent:
    """One referent and, per outlet, how often each wording was used for it in aligned rows."""

    key: str  # the most frequent wording
    wordings: dict[str, Counter[str]]

    def total(self) -> int:
        """Occurrences over all outlets and wordings."""
        return sum(sum(c.values()) for c in self.wordings.values())

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "wordings": {o: dict(c) for o, c in self.wordings.items()}}


@dataclass(frozen=True, slots=True)
class _Term:
    start: int
    end: int
    wording: str
    first_token: int
    last_token: int  # inclusive


def _normalise(text: str) -> str:
    return " ".join(text.lower().split())


def _resolve_terms(sentence: str, specs: Sequence[str | tuple[int, int]]) -> list[_Term]:
    """Turn term strings (first unused case-insensitive match) or offsets into located terms."""
    tokens = [(m.start(), m.end()) for m in TOKEN_RE.finditer(sentence)]
    lowered = sentence.lower()
    used: set[tuple[int, int]] = set()
    out = []
    for spec in specs:
        if isinstance(spec, str):
            span = _find_unused(lowered, spec.lower(), used)
            if span is None:
                continue
        else:
            span = (int(spec[0]), int(spec[1]))
        used.add(span)
        inside = [k for k, (s, e) in enumerate(tokens) if s < span[1] and span[0] < e]
        if inside:
            wording = _normalise(sentence[span[0] : span[1]])
            out.append(_Term(span[0], span[1], wording, inside[0], inside[-1]))
    return sorted(out, key=lambda t: t.start)


def _find_unused(haystack: str, needle: str, used: set[tuple[int, int]]) -> tuple[int, int] | None:
    start = haystack.find(needle)
    while start >= 0:
        span = (start, start + len(needle))
        if span not in used:
            return span
        start = haystack.find(needle, start + 1)
    return None


def _covered_by_term(lo: int, hi: int, terms: list[_Term]) -> bool:
    """True if a term covers tokens [lo, hi) and reaches beyond them (the run is part of it)."""
    return any(
        t.first_token <= lo
        and hi - 1 <= t.last_token
        and (t.first_token < lo or t.last_token >= hi)
        for t in terms
    )


def _slots(
    toks_a: list[str], toks_b: list[str], terms_a: list[_Term], terms_b: list[_Term]
) -> list[tuple[int, int, int, int]]:
    """Token regions (i1, i2, j1, j2) where the two sentences differ.

    Consecutive differences are merged across an equal run when that run lies inside a longer
    term ("the port of *Ostrel*" / "*Ostrel* harbour"): a term is one unit, so a shared word
    inside it must not split its slot in two.
    """
    matcher = SequenceMatcher(None, toks_a, toks_b, autojunk=False)
    regions: list[list[int]] = []
    current: list[int] | None = None
    differs = False
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        absorbed = op == "equal" and (
            _covered_by_term(i1, i2, terms_a) or _covered_by_term(j1, j2, terms_b)
        )
        if op == "equal" and not absorbed:
            if current is not None and differs:
                regions.append(current)
            current, differs = None, False
            continue
        if current is None:
            current = [i1, i2, j1, j2]
        else:
            current = [
                min(current[0], i1),
                max(current[1], i2),
                min(current[2], j1),
                max(current[3], j2),
            ]
        differs = differs or op != "equal"
    if current is not None and differs:
        regions.append(current)
    return [(r[0], r[1], r[2], r[3]) for r in regions]


def _slot_links(
    sent_a: str, terms_a: list[_Term], sent_b: str, terms_b: list[_Term]
) -> list[tuple[_Term, _Term]]:
    """Pairs of terms occupying the same slot: inside corresponding differing regions."""
    toks_a = [m.group().lower() for m in TOKEN_RE.finditer(sent_a)]
    toks_b = [m.group().lower() for m in TOKEN_RE.finditer(sent_b)]
    links = []
    for i1, i2, j1, j2 in _slots(toks_a, toks_b, terms_a, terms_b):
        in_a = [t for t in terms_a if t.first_token < i2 and i1 <= t.last_token]
        in_b = [t for t in terms_b if t.first_token < j2 and j1 <= t.last_token]
        if len(in_a) == 1 or len(in_b) == 1:
            links.extend((x, y) for x in in_a for y in in_b)
        else:
            # Several terms on both sides: pair them in reading order, the order a shared
            # sentence frame keeps; unpaired extras are left out rather than guessed.
            links.extend(zip(in_a, in_b, strict=False))
    return [(x, y) for x, y in links if x.wording != y.wording]


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, x: str, y: str) -> None:
        self.parent[self.find(x)] = self.find(y)


def competing_labels(
    rows: Sequence[AlignedRow],
    sentence_terms: Mapping[tuple[int, int], Sequence[str | tuple[int, int]]],
    articles: Sequence[Sequence[str]],
    *,
    outlets: Sequence[str] | None = None,
) -> list[Referent]:
    """Group the different wordings outlets use for the same referent across aligned rows.

    ``sentence_terms[(article, sentence)]`` lists the candidate terms (noun phrases, loaded-term
    spans) of a sentence, as strings or ``(start, end)`` offsets into the sentence text;
    ``articles`` are the sentence lists given to ``align_many``; ``outlets[article]`` names the
    outlet of each article (default: the article index as a string). A wording is counted once
    per occurrence that took part in a link. Referents come most-used first.
    """
    resolved: dict[tuple[int, int], list[_Term]] = {}
    links = _UnionFind()
    occurrences: dict[Occurrence, str] = {}
    for row in rows:
        for (a, sa), (b, sb) in combinations(sorted(row.members().items()), 2):
            for key in ((a, sa), (b, sb)):
                if key not in resolved:
                    specs = sentence_terms.get(key, ())
                    resolved[key] = _resolve_terms(articles[key[0]][key[1]], specs)
            pairs = _slot_links(
                articles[a][sa], resolved[(a, sa)], articles[b][sb], resolved[(b, sb)]
            )
            for x, y in pairs:
                links.union(x.wording, y.wording)
                occurrences[(a, sa, x.start, x.end)] = x.wording
                occurrences[(b, sb, y.start, y.end)] = y.wording
    return _referents(links, occurrences, outlets)


def _referents(
    links: _UnionFind, occurrences: dict[Occurrence, str], outlets: Sequence[str] | None
) -> list[Referent]:
    groups: dict[str, dict[str, Counter[str]]] = {}
    for (article, *_rest), wording in sorted(occurrences.items()):
        outlet = outlets[article] if outlets is not None else str(article)
        group = groups.setdefault(links.find(wording), {})
        group.setdefault(outlet, Counter())[wording] += 1
    referents = []
    for wordings in groups.values():
        totals: Counter[str] = sum(wordings.values(), Counter())
        key = min(totals, key=lambda w: (-totals[w], w))
        referents.append(Referent(key, wordings))
    return sorted(
        referents, key=lambda r: (-sum(sum(c.values()) for c in r.wordings.values()), r.key)
    )


# --- Referents over the whole event: named actors, organisations and groups -----------------

# (article, sentence) -> [(start, end, actor key, canonical name)] with offsets in the sentence
ActorSpans = Mapping[tuple[int, int], Sequence[tuple[int, int, str, str]]]
# (article, sentence) -> [(start, end)] of loaded terms in the sentence
TermSpans = Mapping[tuple[int, int], Sequence[tuple[int, int]]]


@dataclass(frozen=True, slots=True)
class EventReferent:
    """A referent of the event and, per outlet, the wordings used for it with their counts.

    ``kind`` is "actor" (a named person, organisation or country: its descriptions), "group"
    (a group of people, by the family of its nouns) or "term" (wordings linked only because
    they fill the same slot in aligned sentences). ``neutral`` is the reference term, if any.
    """

    key: str
    kind: str
    neutral: str
    wordings: dict[str, Counter[str]]

    def distinct(self) -> set[str]:
        return {w for c in self.wordings.values() for w in c}

    def total(self) -> int:
        return sum(sum(c.values()) for c in self.wordings.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "kind": self.kind,
            "neutral": self.neutral,
            "wordings": {o: dict(c) for o, c in self.wordings.items()},
        }


@dataclass(slots=True)
class _Mention:
    article: int
    sentence: int
    start: int
    end: int
    wording: str
    node: str  # "id:<actor>", "fam:<family>" or "w:<wording>"
    name: bool = False  # the actor's own name, not a description of it
    linked_only: bool = False  # counted only if a slot link used it


class _Constrained(_UnionFind):
    """Union-find that never joins two different actors, two families, or an actor and a
    group: "U.S." and "Mexico" stay apart however their sentences align. Nor does it join a
    loaded wording that names no one ("plain": "insists", "hurling rocks", "kept") to any
    wording that does; plain wordings joined only to each other name no referent and are not
    shown (``_event_referents``). A people noun no family lists and whose article names none
    of its hinted families ("fishers", "skippers": ``people``, wording -> its hints) joins only
    a family it hints at: aligned slots do not make fishers troops, nor skippers a bloc."""

    def __init__(
        self,
        plain: set[str] | frozenset[str] = frozenset(),
        people: dict[str, frozenset[str]] | None = None,
    ) -> None:
        super().__init__()
        self.typed: dict[str, str] = {}
        self.plain = set(plain)  # roots holding a plain wording
        self.hints = dict(people or {})  # root -> the families its people nouns may name

    def find_typed(self, x: str) -> str | None:
        return self.typed.get(self.find(x), x if x[:3] in ("id:", "fam") else None)

    def union(self, x: str, y: str) -> None:
        tx, ty = self.find_typed(x), self.find_typed(y)
        if tx is not None and ty is not None and tx != ty:
            return
        rx, ry = self.find(x), self.find(y)
        hints = self._joined_hints(rx, tx, ry, ty)
        if hints is None:
            return  # different kinds of people
        plain = rx in self.plain or ry in self.plain
        if (rx in self.plain) != (ry in self.plain):
            return  # "announced in advance" is no name for "mariners and aviators"
        self.parent[rx] = ry
        if tx or ty:
            self.typed[ry] = tx or ty  # type: ignore[assignment]
        if plain:
            self.plain.add(ry)
        if hints:
            self.hints[ry] = hints

    def _joined_hints(self, rx: str, tx: str | None, ry: str, ty: str | None):
        """The hints of the joined root (frozenset() for none), or None when the two sides
        name different kinds of people."""
        hx, hy = self.hints.get(rx), self.hints.get(ry)
        for hints, other in ((hx, ty), (hy, tx)):
            if hints is not None and other is not None and other.removeprefix("fam:") not in hints:
                return None  # a family it does not hint at, or an actor
        if hx is not None and hy is not None:
            return (hx & hy) or None
        return hx or hy or frozenset()


def event_referents(
    articles: Sequence[Sequence[str]],
    *,
    rows: Sequence[AlignedRow] = (),
    actors: ActorSpans | None = None,
    loaded: TermSpans | None = None,
    outlets: Sequence[str] | None = None,
) -> list[EventReferent]:
    """Referents of an event and the competing wordings each outlet uses for them.

    Groups of people are found by their nouns ("illegal aliens", "caravan participants") and
    joined across outlets by family (see ``groups``); descriptions of a named actor ("Frontier
    Aid, a medical charity") join that actor; loaded terms and remaining descriptions that fill
    the same slot in aligned ``rows`` join whatever the other wording names, except that two
    different actors or families are never joined. ``articles`` are sentence lists; ``actors``
    and ``loaded`` give spans per (article, sentence) with offsets in the sentence.
    """
    from .groups import group_phrases, names_a_referent

    actors = actors or {}
    loaded = loaded or {}
    mentions: list[_Mention] = []
    floating: list[tuple[_Mention, tuple[str, ...]]] = []
    unresolved: list[_Mention] = []
    plain: set[str] = set()  # loaded wordings that name no one ("insists", "hurling rocks")
    family_counts: dict[int, Counter[str]] = {}
    for a, sentences in enumerate(articles):
        counts = family_counts.setdefault(a, Counter())
        for s, sentence in enumerate(sentences):
            names = sorted(actors.get((a, s), ()))
            for start, end, key, name in names:
                mentions.append(_Mention(a, s, start, end, name, f"id:{key}", name=True))
            for p in group_phrases(sentence):
                if any(st < p.end and p.start < en for st, en, *_ in names):
                    continue
                m = _Mention(a, s, p.start, p.end, p.wording, f"w:{p.wording}")
                if p.family:
                    m.node = f"fam:{p.family}"
                    counts[p.family] += 1
                elif p.descriptor:
                    key = _apposed(sentence, p.start, p.end, names)
                    if key is None:
                        unresolved.append(m)
                        continue
                    m.node = f"id:{key}"
                else:
                    floating.append((m, p.hints))
                mentions.append(m)
            taken = [(m.start, m.end) for m in mentions if (m.article, m.sentence) == (a, s)]
            for start, end in loaded.get((a, s), ()):
                if not any(st < end and start < en for st, en in taken):
                    wording = _normalise(sentence[start:end])
                    if not names_a_referent(sentence[start:end]):
                        plain.add(f"w:{wording}")
                    mentions.append(_Mention(a, s, start, end, wording, f"w:{wording}"))
                    mentions[-1].linked_only = True
    _resolve_descriptors(unresolved, mentions)
    _resolve_floating(floating, family_counts)
    # people nouns that found no family in their story keep only their hints
    people = {m.node: frozenset(h) for m, h in floating if m.node.startswith("w:") and h}
    links = _Constrained(plain, people)
    used = _link_rows(rows, articles, mentions, links)
    return _event_referents(mentions, used, links, outlets)


_APPOSED_AFTER = re.compile(r"\A\s*,\s*(?:an?|the)\s+\Z", re.IGNORECASE)
_APPOSED_BEFORE = re.compile(r"\A\s*,\s*\Z")


def _apposed(sentence: str, start: int, end: int, names) -> str | None:
    """The actor a description stands in apposition to: "Name, a charity" or "a charity, Name"."""
    for n_start, n_end, key, _ in names:
        if n_end <= start and _APPOSED_AFTER.match(sentence[n_end:start]):
            return key
        if end <= n_start and _APPOSED_BEFORE.match(sentence[end:n_start]):
            before = sentence[:start].rstrip().lower()
            if before.endswith((" a", " an")) or before in ("a", "an"):
                return key
    return None


def _resolve_descriptors(unresolved: list[_Mention], mentions: list[_Mention]) -> None:
    """A description used without its name takes the actor it describes elsewhere in the
    event, when that is one actor only."""
    owners: dict[str, set[str]] = {}
    for m in mentions:
        if m.node.startswith("id:") and not m.name:
            owners.setdefault(m.wording, set()).add(m.node)
    for m in unresolved:
        found = owners.get(m.wording, set())
        if len(found) == 1:
            m.node = next(iter(found))
            mentions.append(m)


def _resolve_floating(
    floating: list[tuple[_Mention, tuple[str, ...]]], family_counts: dict[int, Counter[str]]
) -> None:
    """A floating label ("invaders") joins the hinted family its article mentions most, else
    the one the event mentions most; with none of them present it stays on its own."""
    event: Counter[str] = sum(family_counts.values(), Counter())
    for m, hints in floating:
        for counts in (family_counts[m.article], event):
            present = [h for h in hints if counts[h]]
            if present:
                m.node = f"fam:{max(present, key=lambda h: (counts[h], -hints.index(h)))}"
                break


def _link_rows(rows, articles, mentions: list[_Mention], links: _Constrained) -> set[int]:
    """Slot links between aligned sentences; returns the ids of mentions that took part."""
    by_sentence: dict[tuple[int, int], list[_Mention]] = {}
    for m in mentions:
        # A name against a wording in the same slot is too weak a sign that the wording names
        # it ("Velmar condemned the *reckless* drills" / "*Brennmark* joined the drills");
        # descriptions join a name by apposition instead.
        if not m.name:
            by_sentence.setdefault((m.article, m.sentence), []).append(m)
    used: set[int] = set()
    for row in rows:
        for (a, sa), (b, sb) in combinations(sorted(row.members().items()), 2):
            ma, mb = by_sentence.get((a, sa), []), by_sentence.get((b, sb), [])
            if not ma or not mb:
                continue
            ta = _as_terms(articles[a][sa], ma)
            tb = _as_terms(articles[b][sb], mb)
            for x, y in _slot_links(articles[a][sa], list(ta), articles[b][sb], list(tb)):
                mx, my = ta[x], tb[y]
                links.union(mx.node, my.node)
                if links.find(mx.node) == links.find(my.node):
                    used.update((id(mx), id(my)))
    return used


def _as_terms(sentence: str, mentions: list[_Mention]) -> dict[_Term, _Mention]:
    tokens = [(m.start(), m.end()) for m in TOKEN_RE.finditer(sentence)]
    out: dict[_Term, _Mention] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        inside = [k for k, (s, e) in enumerate(tokens) if s < m.end and m.start < e]
        if inside:
            out[_Term(m.start, m.end, m.wording, inside[0], inside[-1])] = m
    return out


def _event_referents(
    mentions: list[_Mention], used: set[int], links: _Constrained, outlets
) -> list[EventReferent]:
    from .groups import family_name, neutral_term

    groups: dict[str, dict[str, Counter[str]]] = {}
    names: dict[str, str] = {}
    for m in sorted(mentions, key=lambda m: (m.article, m.sentence, m.start)):
        root = links.find(m.node)
        typed = links.find_typed(m.node)
        if m.name:
            names.setdefault(root, m.wording)
            continue
        if m.linked_only and id(m) not in used:
            continue
        if typed is None and id(m) not in used:
            continue  # an untyped wording no link joined to anything names nothing yet
        if root in links.plain:
            continue  # "kept" / "safe": competing words, but for no one the outlets name
        outlet = outlets[m.article] if outlets is not None else str(m.article)
        groups.setdefault(root, {}).setdefault(outlet, Counter())[m.wording] += 1
    out = []
    for root, wordings in groups.items():
        typed = links.find_typed(root) or ""
        totals: Counter[str] = sum(wordings.values(), Counter())
        common = min(totals, key=lambda w: (-totals[w], w))
        if typed.startswith("id:"):
            kind, neutral = "actor", names.get(root, typed[3:])
        elif typed.startswith("fam:"):
            kind, neutral = "group", neutral_term(typed[4:])
            common = family_name(typed[4:])
        else:
            kind, neutral = "term", ""
        out.append(EventReferent(neutral or common, kind, neutral, wordings))
    return sorted(out, key=lambda r: (-r.total(), r.key))
