"""The workspace-wide span explorer: every tag of every event, filtered, and a label × outlet
matrix of counts and rates.

Lines come from ``reports.evidence`` (the per-event explorer's code, given a wider set of
articles). The matrix counts a republished copy once (its original is in the workspace)
unless the analyst asks otherwise, and gives every rate its exact Poisson interval.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Sum
from django.urls import reverse

from articles.models import Article, OutletType
from framing.engine.contrast import Rate, rates_per_1000
from framing.models import Label
from reports.evidence import filter_annotations, filter_articles, shown_annotations
from reports.models import RevisionWords
from reports.words import revision_words

# Filters of the workspace explorer, in the order the form shows them.
FILTER_KEYS = (
    "label",
    "outlet",
    "outlet_type",
    "event",
    "since",
    "until",
    "voice",
    "source",
    "republications",
)


def workspace_articles(workspace_id: int, filters: Mapping[str, str]) -> QuerySet[Article]:
    """Articles of the workspace passing the article-level filters (staged rows never:
    the default manager hides them); a lazy queryset that later queries use as a subquery."""
    qs = Article.objects.filter(event__workspace_id=workspace_id)
    return filter_articles(qs, filters, with_text=False)


def counted(articles: QuerySet[Article], include_republications: bool) -> QuerySet[Article]:
    """Leave out copies of an article that is itself among ``articles``."""
    if include_republications:
        return articles
    return articles.exclude(republication_of__in=articles.order_by().values("pk"))


def _outlet_totals(articles: QuerySet[Article]) -> list[tuple[int, str, str, int, int]]:
    """(outlet, name, type, articles, words) per outlet, summed in SQL from stored word
    counts: 8,000 revision ids are neither read into Python nor sent back as parameters."""
    stored = RevisionWords.objects.filter(revision_id=OuterRef("current_revision_id"))
    per_outlet = (
        articles.order_by()
        .annotate(w=Subquery(stored.values("words")[:1]))
        .values_list("outlet_id", "outlet__name", "outlet__type")
        .annotate(
            n=Count("pk"),
            words=Sum("w"),
            unknown=Count("pk", filter=Q(w__isnull=True, current_revision__isnull=False)),
        )
    )
    rows = list(per_outlet)
    if any(row[-1] for row in rows):  # revisions never counted: count them once, then sum
        revision_words(articles.order_by().values_list("current_revision_id", flat=True))
        rows = list(per_outlet.all())
    return [row[:-1] for row in rows]


@dataclass
class MatrixCell:
    rate: Rate
    url: str
    # Formatted here: hundreds of cells through the template's floatformat took longer than
    # counting their tags.
    shown: str = field(init=False)
    low: str = field(init=False)
    high: str = field(init=False)

    def __post_init__(self) -> None:
        self.shown = f"{self.rate.rate:.2f}"
        self.low = f"{self.rate.low:.2f}"
        self.high = f"{self.rate.high:.2f}"


@dataclass
class MatrixRow:
    outlet_id: int
    name: str
    type_display: str
    n: int
    words: int
    cells: list[MatrixCell] = field(default_factory=list)


@dataclass
class Matrix:
    labels: list[tuple[str, str, str]]  # key, name, colour
    rows: list[MatrixRow]


def label_outlet_matrix(
    workspace_id: int, filters: Mapping[str, str], labels: list[dict[str, str]]
) -> Matrix:
    """Tags per label and outlet, as counts and per-1,000-word rates with 95% intervals.

    The label and outlet filters do not narrow the matrix (they are its axes); every other
    filter does. Each cell links to the lines behind it, with the same filters.
    """
    axes_free = {k: v for k, v in filters.items() if k not in ("label", "outlet")}
    articles = counted(
        workspace_articles(workspace_id, axes_free), filters.get("republications") == "all"
    )
    outlet_rows = _outlet_totals(articles)
    # Counted in SQL by outlet and label id: tens of thousands of tags never reach Python
    # (by revision, they did: 45,000 rows for 8,000 articles), and no join to labels.
    chosen = filter_annotations(shown_annotations(articles), axes_free).order_by()
    per_outlet = chosen.values_list("revision__article__outlet_id", "label_id").annotate(
        n=Count("pk")
    )
    counts: Counter[tuple[int, str]] = Counter()
    per_outlet = list(per_outlet)
    label_keys = dict(
        Label.objects.filter(pk__in={label for _, label, _ in per_outlet}).values_list("pk", "key")
    )
    for outlet, label, n in per_outlet:
        counts[(outlet, label_keys[label])] += n  # labels of two codebooks may share a key
    types = dict(OutletType.choices)
    rows = {
        o: MatrixRow(o, name, types.get(kind, kind), n, words or 0)
        for o, name, kind, n, words in outlet_rows
    }
    base = reverse("reports:workspace_spans", args=[workspace_id])
    keep = {k: v for k, v in axes_free.items() if v}
    cells = [(row, lab["key"]) for row in rows.values() for lab in labels]
    rates = rates_per_1000(
        [counts[(row.outlet_id, key)] for row, key in cells],
        [max(row.words, 1) for row, _ in cells],
    )
    for (row, key), rate in zip(cells, rates, strict=True):
        query = urlencode({**keep, "label": key, "outlet": row.outlet_id})
        row.cells.append(MatrixCell(rate, f"{base}?{query}#kwic"))
    ordered = sorted(rows.values(), key=lambda r: r.name.lower())
    return Matrix([(lab["key"], lab["name"], lab["colour"]) for lab in labels], ordered)
