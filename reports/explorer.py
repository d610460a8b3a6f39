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

from django.urls import reverse

from articles.models import Article
from framing.engine.contrast import Rate, rate_per_1000
from reports.evidence import filter_annotations, filter_articles, model_analyses
from reports.summary import visible_annotations
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


def workspace_articles(workspace_id: int, filters: Mapping[str, str]) -> list[Article]:
    """Articles of the workspace passing the article-level filters (staged rows never:
    the default manager hides them), without their texts."""
    qs = Article.objects.filter(event__workspace_id=workspace_id)
    return list(
        filter_articles(qs, filters, with_text=False).order_by("event_id", "published_date", "pk")
    )


def counted(articles: list[Article], include_republications: bool) -> list[Article]:
    """Leave out copies of an article that is itself among ``articles``."""
    if include_republications:
        return articles
    ids = {a.pk for a in articles}
    return [a for a in articles if a.republication_of_id not in ids]


@dataclass
class MatrixCell:
    rate: Rate
    url: str


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
    by_revision = {a.current_revision_id: a for a in articles if a.current_revision_id}
    visible = visible_annotations(list(by_revision), model_analyses(articles, lean=True))
    chosen = filter_annotations(visible, axes_free).values_list("revision_id", "label__key")
    counts = Counter((by_revision[rev].outlet_id, key) for rev, key in chosen)
    words = revision_words(by_revision)
    rows: dict[int, MatrixRow] = {}
    for a in articles:
        row = rows.setdefault(
            a.outlet_id,
            MatrixRow(a.outlet_id, a.outlet.name, a.outlet.get_type_display(), 0, 0),
        )
        row.n += 1
        row.words += words.get(a.current_revision_id, 0)
    base = reverse("reports:workspace_spans", args=[workspace_id])
    keep = {k: v for k, v in axes_free.items() if v}
    for row in rows.values():
        for lab in labels:
            query = urlencode({**keep, "label": lab["key"], "outlet": row.outlet_id})
            rate = rate_per_1000(counts[(row.outlet_id, lab["key"])], max(row.words, 1))
            row.cells.append(MatrixCell(rate, f"{base}?{query}#kwic"))
    ordered = sorted(rows.values(), key=lambda r: r.name.lower())
    return Matrix([(lab["key"], lab["name"], lab["colour"]) for lab in labels], ordered)
