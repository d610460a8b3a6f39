"""Aligned facts across the chosen columns, analysts' corrections, omissions and labels.

Alignment runs over the articles on screen (2–6), never every pair of the event. Rows come
from ``framing.engine.contrast.align_many``; the event's stored corrections are then
replayed in order, so an analyst's merge/split/move survives re-rendering and re-analysis
(a correction naming an older revision of an article no longer applies).
"""

from __future__ import annotations

import hashlib
import math
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from django.db import transaction
from django.urls import reverse

from articles.models import Article, Event, TextRevision
from framing.analysis_services import unpack_sentences
from framing.engine.contrast import AlignedRow, align_facts, event_referents
from framing.engine.contrast.similarity import operating_points
from framing.engine.text import split_sentences
from framing.models import ActorMention, Analysis, ModelVersion
from reports.actors import event_actor_aliases
from reports.models import AlignmentCorrection, CorrectionKind
from reports.summary import visible_annotations

Rows = list[dict[int, int]]  # per row: column index -> sentence index
HASH_LENGTH = 6
# A revised sentence is taken for the old one when this much of its wording survives
# (difflib ratio over words); below it the link says the sentence is gone.
REVISED_MATCH_MIN = 0.6


def sentence_hash(text: str) -> str:
    """A short fingerprint of a sentence's wording (whitespace-insensitive) for links."""
    return hashlib.sha1(" ".join(text.split()).encode()).hexdigest()[:HASH_LENGTH]


@dataclass
class Cell:
    index: int  # sentence index in its article
    text: str
    terms: list[tuple[int, int, str, str]]  # (start, end, label key, colour) within text
    permalink: str
    article: Article | None = None
    # "reported" (a calibrated match, or put here by an analyst) or "possibly" (a weaker
    # match, shown with its similarity and the sentence it matched)
    state: str = "reported"
    similarity: float = 0.0
    matched: str = ""

    @property
    def loaded(self) -> bool:
        return bool(self.terms)

    @property
    def key(self) -> str:
        """`article-sentence`: names this sentence whatever row it sits in."""
        return f"{self.article.pk if self.article else 0}-{self.index}"

    @property
    def link_key(self) -> str:
        """`article-sentence-hash`: the key plus the wording, so a link outlives a revision
        that renumbers the sentences (see ``Alignment.resolve``)."""
        return f"{self.key}-{sentence_hash(self.text)}"

    def citation(self) -> str:
        a = self.article
        if a is None:
            return f"“{self.text}”"
        date = a.published_date.isoformat() if a.published_date else "undated"
        return " — ".join(x for x in (f"“{self.text}”", a.outlet.name, date, a.url) if x)


@dataclass
class FactRow:
    cells: list[Cell | None]
    score: float

    @property
    def n_reporting(self) -> int:
        return sum(c is not None for c in self.cells)

    @property
    def key(self) -> str:
        """A stable anchor: the row's sentence with the lowest (article id, index).

        Row positions change when corrections reorder rows; the sentences in a row do not
        (unless a correction moves that very sentence, and then each sentence's own anchor
        on its cell still leads to where it went).
        """
        return self._first.key

    @property
    def link_key(self) -> str:
        """The anchor sentence's key with its wording hash, for permalinks."""
        return self._first.link_key

    @property
    def _first(self) -> Cell:
        present = [c for c in self.cells if c is not None]
        return min(present, key=lambda c: (c.article.pk if c.article else 0, c.index))

    def keys(self) -> set[str]:
        return {c.key for c in self.cells if c is not None}

    @property
    def confirmed(self) -> bool:
        """Two or more outlets report this fact with a confident match."""
        return sum(c is not None and c.state == "reported" for c in self.cells) > 1

    def citation(self) -> str:
        """Only the confirmed sentences: a possible match is not cited as the same fact."""
        cells = [c for c in self.cells if c is not None and c.state == "reported"]
        return "\n".join(c.citation() for c in (cells if len(cells) > 1 else cells[:1]))

    @property
    def label(self) -> str:
        """The row's shortest sentence among those confirmed in it (all, if none is): a
        sentence only possibly reporting the fact must not name it, or its own cell would read
        "possibly" beside a row title of the very same words."""
        present = [c for c in self.cells if c is not None]
        confirmed = [c for c in present if c.state == "reported"]
        texts = [c.text for c in (confirmed if len(confirmed) > 1 else present)]
        shortest = min(texts, key=len) if texts else ""
        return shortest if len(shortest) <= 110 else shortest[:107].rstrip() + "…"


@dataclass
class Alignment:
    articles: list[Article]
    rows: list[FactRow]
    referents: list[dict] = field(default_factory=list)
    sentences: list[list[str]] = field(default_factory=list)  # per column, current revision

    def resolve(self, raw: str) -> tuple[str, str]:
        """The current key (`article-sentence`) a fact link names, and a note for the reader.

        A link is `article-sentence` (older links) or `article-sentence-hash`. With a hash,
        the sentence at that index is used if its wording still matches; else the sentence
        with that wording anywhere in the current revision (text was added above it); else,
        if an earlier revision of the article held that wording, the current sentence most
        like it. Nothing is focused when the sentence is gone rather than moved.
        """
        parts = raw.strip().split("-")
        if not 2 <= len(parts) <= 3 or not all(p.isdigit() for p in parts[:2]):
            return "", ""
        article_id, index = int(parts[0]), int(parts[1])
        col = next((i for i, a in enumerate(self.articles) if a.pk == article_id), None)
        if col is None:
            return "", ""
        current = self.sentences[col]
        if len(parts) == 2:
            return (f"{article_id}-{index}", "") if index < len(current) else ("", "")
        digest = parts[2]
        hashes = [sentence_hash(t) for t in current]
        if index < len(hashes) and hashes[index] == digest:
            return f"{article_id}-{index}", ""
        same = [i for i, h in enumerate(hashes) if h == digest]
        if same:
            return f"{article_id}-{min(same, key=lambda i: abs(i - index))}", ""
        old = _earlier_sentence(self.articles[col], digest)
        best = _closest(old, current, index) if old else None
        if best is None:
            return "", "The sentence this link named is no longer in the article."
        return f"{article_id}-{best}", "The article was revised: this is its closest sentence now."

    def omission_matrix(self) -> list[tuple[FactRow, list[tuple[str, Cell | None]]]]:
        """Facts found in two or more columns, with each column's state and cell: "loaded"
        (reported, with loaded terms), "reported", "possibly" (a weaker match, shown with its
        similarity and the sentence it matched) or "missing"."""
        out = []
        for row in self.rows:
            if row.n_reporting < 2:
                continue
            states = [("missing" if c is None else _state(c), c) for c in row.cells]
            out.append((row, states))
        return out


def _state(cell: Cell) -> str:
    if cell.state == "possibly":
        return "possibly"
    return "loaded" if cell.loaded else "reported"


def _earlier_sentence(article: Article, digest: str) -> str | None:
    """The wording with hash ``digest`` in an earlier revision of ``article`` (one query)."""
    older = (
        TextRevision.objects.filter(article=article)
        .exclude(pk=article.current_revision_id)
        .order_by("-number")
        .values_list("text", flat=True)
    )
    for text in older:
        for start, end in split_sentences(text):
            if sentence_hash(text[start:end]) == digest:
                return text[start:end]
    return None


def _closest(old: str, current: list[str], index: int) -> int | None:
    """Index of the current sentence most like ``old`` (nearest ``index`` on a tie), or None
    when none keeps enough of its words."""
    words = old.lower().split()
    scored = [
        (SequenceMatcher(None, words, text.lower().split()).ratio(), -abs(i - index), i)
        for i, text in enumerate(current)
    ]
    best = max(scored, default=None)
    return best[2] if best and best[0] >= REVISED_MATCH_MIN else None


def _sentence_data(
    articles: Sequence[Article], model: ModelVersion | None, aliases: dict[str, str]
):
    revisions = [a.current_revision_id for a in articles]
    analyses = {
        an.revision_id: an
        for an in Analysis.objects.filter(revision_id__in=revisions, model_version=model)
    }
    spans = []
    for a in articles:
        analysis = analyses.get(a.current_revision_id)
        spans.append([(int(s), int(e)) for s, e in unpack_sentences(analysis)] if analysis else [])
    terms: dict[int, list] = defaultdict(list)
    for ann in visible_annotations(revisions, analyses):
        terms[ann.revision_id].append((ann.start, ann.end, ann.label.key, ann.label.colour))
    actors: dict[int, list[tuple[int, int, str, str]]] = defaultdict(list)
    by_analysis = {an.pk: rev for rev, an in analyses.items()}
    for analysis_id, start, end, key, name in ActorMention.objects.filter(
        analysis_id__in=by_analysis
    ).values_list("analysis_id", "start", "end", "actor", "name"):
        actors[by_analysis[analysis_id]].append((start, end, aliases.get(key, key), name))
    return spans, terms, actors


def apply_corrections(
    rows: Rows, corrections: Sequence[AlignmentCorrection], columns: dict[int, tuple[int, int]]
) -> Rows:
    """Replay corrections on ``rows``. ``columns`` maps article id -> (column, revision id)."""
    rows = [dict(r) for r in rows]

    def where(col: int, sent: int) -> int | None:
        return next((k for k, r in enumerate(rows) if r.get(col) == sent), None)

    for c in corrections:
        a = columns.get(c.article_a_id)
        if a is None or a[1] != c.revision_a:
            continue  # not on screen, or made on an older revision of the text
        k_a = where(a[0], c.sentence_a)
        if k_a is None:
            continue
        if c.kind == CorrectionKind.UNLINK:
            if len(rows[k_a]) > 1:
                del rows[k_a][a[0]]
                rows.insert(k_a + 1, {a[0]: c.sentence_a})
            continue
        b = columns.get(c.article_b_id) if c.article_b_id else None
        if b is None or b[1] != c.revision_b or b[0] == a[0]:
            continue
        k_b = where(b[0], c.sentence_b)
        if k_b is None or k_b == k_a:
            continue
        del rows[k_b][b[0]]  # an emptied row is dropped at the end; indices stay valid
        displaced = rows[k_a].get(b[0])
        rows[k_a][b[0]] = c.sentence_b
        if displaced is not None:
            rows.insert(k_a + 1, {b[0]: displaced})
    return [r for r in rows if r]


def align_columns(event: Event, articles: Sequence[Article], model: ModelVersion | None):
    """Aligned fact rows over ``articles`` (in column order) with corrections applied."""
    compare_url = reverse("reports:compare", args=[event.pk])  # once, not once per cell
    # "Falk" and "Adrian Falk" are one referent (engine merging plus analysts' corrections).
    spans, terms, actors = _sentence_data(articles, model, event_actor_aliases(event))
    texts = [a.current_revision.text for a in articles]
    sentences = [[t[s:e] for s, e in sp] for t, sp in zip(texts, spans, strict=True)]
    usable = [i for i, s in enumerate(sentences) if s]
    raw = _aligned(tuple(tuple(sentences[i]) for i in usable)) if len(usable) >= 2 else []
    rows: Rows = [{usable[k]: s for k, s in r.members().items()} for r in raw]
    scores = [r.score for r in raw]
    # (column, sentence, column, sentence) -> probability of the same fact, both ways round
    probability: dict[tuple[int, int, int, int], float] = {}
    for r in raw:
        for (ka, kb), p in r.links.items():
            ca, cb = usable[ka], usable[kb]
            sa, sb = r.sentences[ka], r.sentences[kb]
            probability[(ca, sa, cb, sb)] = probability[(cb, sb, ca, sa)] = p
    columns = {a.pk: (i, a.current_revision_id) for i, a in enumerate(articles)}
    corrections = list(AlignmentCorrection.objects.filter(event=event))
    fixed = apply_corrections(rows, corrections, columns) if corrections else rows
    confirmed = _confirmed(fixed, corrections, columns)
    score_of = {tuple(sorted(r.items())): sc for r, sc in zip(rows, scores, strict=True)}

    def cell(col: int, sent: int, row: dict[int, int]) -> Cell:
        start, end = spans[col][sent]
        inside = [
            (max(s, start) - start, min(e, end) - start, key, colour)
            for s, e, key, colour in terms[articles[col].current_revision_id]
            if s < end and e > start
        ]
        state, similarity, matched = _cell_state(col, sent, row, probability, confirmed)
        return Cell(
            sent,
            texts[col][start:end],
            inside,
            f"{compare_url}?a={articles[col].pk}#a{articles[col].pk}-s{sent}",
            articles[col],
            state,
            similarity,
            sentences[matched[0]][matched[1]] if matched else "",
        )

    fact_rows = [
        FactRow(
            [cell(col, r[col], r) if col in r else None for col in range(len(articles))],
            score_of.get(tuple(sorted(r.items())), 0.0),
        )
        for r in fixed
    ]
    referents = _referents(
        rows=fixed, spans=spans, terms=terms, actors=actors, articles=articles, sentences=sentences
    )
    return Alignment(list(articles), fact_rows, referents, sentences)


@lru_cache(maxsize=64)
def _aligned(sentences: tuple[tuple[str, ...], ...]) -> list[AlignedRow]:
    """``align_facts`` over the columns' sentences, kept for the next request with the same
    texts (a correction or another look at the page); nothing mutates the rows."""
    return align_facts(sentences)


def _confirmed(rows: Rows, corrections, columns) -> set[tuple[int, int]]:
    """(column, sentence) an analyst linked into the row it now sits in: confirmed."""
    row_of = {(col, sent): k for k, r in enumerate(rows) for col, sent in r.items()}
    out = set()
    for c in corrections:
        if c.kind != CorrectionKind.LINK:
            continue
        a, b = columns.get(c.article_a_id), columns.get(c.article_b_id)
        if a is None or b is None or a[1] != c.revision_a or b[1] != c.revision_b:
            continue
        ka, kb = row_of.get((a[0], c.sentence_a)), row_of.get((b[0], c.sentence_b))
        if ka is not None and ka == kb:
            out |= {(a[0], c.sentence_a), (b[0], c.sentence_b)}
    return out


def _cell_state(col, sent, row, probability, confirmed):
    """("reported" | "possibly", best probability, (column, sentence) it matched best)."""
    _, reported = operating_points()
    best, matched = 0.0, None
    for other, other_sent in row.items():
        if other != col:
            p = probability.get((col, sent, other, other_sent), 0.0)
            if p > best or matched is None:
                best, matched = p, (other, other_sent)
    if (col, sent) in confirmed:
        return "reported", best, matched
    if best >= reported:
        return "reported", best, matched
    # Shown to two decimals: rounded down, so 0.748 below a point of 0.75 reads 0.74, not a
    # "possibly (0.75)" that looks like it reaches the point.
    return "possibly", math.floor(best * 100) / 100, matched


def _referents(*, rows, spans, terms, actors, articles, sentences) -> list[dict]:
    """Competing labels: the referents of the columns (named actors, organisations, groups)
    and the wordings each outlet uses for them, for those named in two or more ways."""
    loaded: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    actor_spans: dict[tuple[int, int], list[tuple[int, int, str, str]]] = defaultdict(list)
    for col, article in enumerate(articles):
        rev = article.current_revision_id
        starts = [start for start, _ in spans[col]]
        # Each span goes to the sentence it starts in, if it ends there too (one bisect each,
        # not a scan of every span per sentence).
        for s, e, *_ in terms[rev]:
            k = bisect_right(starts, s) - 1
            if k >= 0 and e <= spans[col][k][1]:
                loaded[(col, k)].append((s - starts[k], e - starts[k]))
        for s, e, key, name in actors[rev]:
            k = bisect_right(starts, s) - 1
            if k >= 0 and e <= spans[col][k][1]:
                actor_spans[(col, k)].append((s - starts[k], e - starts[k], key, name))
    multi = [
        AlignedRow({c: r.get(c) for c in range(len(articles))}, 1.0) for r in rows if len(r) > 1
    ]
    outlets = [f"{a.outlet.name} #{a.pk}" for a in articles]
    found = event_referents(
        sentences, rows=multi, actors=actor_spans, loaded=loaded, outlets=outlets
    )
    # Plain lists for templates: a Counter answers any lookup (even "items") with 0.
    return [
        {
            "key": r.key,
            "kind": r.kind,
            "neutral": r.neutral,
            "outlets": [
                (outlet, sorted(words.items(), key=lambda wn: (-wn[1], wn[0])))
                for outlet, words in r.wordings.items()
            ],
        }
        for r in found
        if len(r.distinct()) > 1
    ]


@transaction.atomic
def correction_add(
    *,
    event: Event,
    user,
    kind: str,
    article_a: Article,
    sentence_a: int,
    article_b: Article | None = None,
    sentence_b: int | None = None,
) -> AlignmentCorrection:
    """Record one correction (link: put B into A's row; unlink: take A out of its row)."""
    if kind not in CorrectionKind.values:
        raise ValueError(f"unknown correction {kind!r}")
    if kind == CorrectionKind.LINK and (article_b is None or sentence_b is None):
        raise ValueError("a link names two sentences")
    return AlignmentCorrection.objects.create(
        event=event,
        kind=kind,
        article_a=article_a,
        revision_a=article_a.current_revision_id,
        sentence_a=sentence_a,
        article_b=article_b if kind == CorrectionKind.LINK else None,
        revision_b=article_b.current_revision_id if kind == CorrectionKind.LINK else None,
        sentence_b=sentence_b if kind == CorrectionKind.LINK else None,
        created_by=user,
    )
