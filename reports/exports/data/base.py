"""What every table of an event's data export shares: the event's articles, analyses and
summary, read once (``EventData``), and the ``Table`` record the writers stream.

Every table is a name, its columns and a lazy iterator of rows (plain values: ``str``,
``int``, ``float``, ``bool`` or ``None``), so the writers stream it to CSV, XLSX or JSON
without holding the event in memory. Model suggestions are those the event's pages show
(its model and operating point); each span says whether it is an unreviewed suggestion, an
analyst-accepted one, or an analyst's own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.urls import reverse

from articles.models import Article, Event, TextRevision
from framing.models import Analysis, AnnotationStatus, ModelVersion
from framing.operating_points import model_operating_points
from reports.alignment import Alignment, align_columns
from reports.columns import choose_articles
from reports.evidence import model_analyses
from reports.models import EventSummary
from reports.summary import event_model_version, event_summary, summary_refresh

TEXT_BATCH = 200  # articles whose texts are read per query
SPAN_BATCH = 2000  # annotations read per step of the span table
Row = list[Any]
Tick = Callable[[float], None]  # fraction of the current table done, 0–1


@dataclass
class Table:
    name: str
    title: str
    columns: list[str]
    rows: Callable[[Tick], Iterator[Row]]
    # The leading columns the XLSX sheet keeps (None: all). The sentence sheet leaves out
    # its per-frame probabilities: 1.2 million cells at 2,000 articles, most of the
    # workbook's time; the CSV and JSON have them.
    xlsx_width: int | None = None


def decision(author_user_id: int | None, status: str) -> str:
    """ "analyst" (an analyst's own span), "accepted" (a model suggestion an analyst accepted)
    or "suggestion" (a model suggestion nobody has reviewed)."""
    if author_user_id:
        return "analyst"
    return "accepted" if status == AnnotationStatus.ACCEPTED else "suggestion"


@dataclass
class EventData:
    """What every table of one event's export shares, each piece read once."""

    event: Event
    alignment_ids: list[str] = field(default_factory=list)
    base_url: str = ""  # scheme and host of the site, as the request that asked saw it

    @cached_property
    def model(self) -> ModelVersion | None:
        return event_model_version(self.event)

    @cached_property
    def articles(self) -> list[Article]:
        """In the order the summary and the pages use; texts are not read here."""
        return list(
            self.event.articles.select_related("outlet", "origin", "event")
            .defer("current_revision__text")
            .order_by("published_date", "published_at", "pk")
        )

    @cached_property
    def analyses(self) -> dict[int, Analysis]:
        """revision id -> the analysis the event's pages show."""
        return model_analyses(self.articles)

    @cached_property
    def by_revision(self) -> dict[int, Article]:
        return {a.current_revision_id: a for a in self.articles if a.current_revision_id}

    @cached_property
    def payload(self) -> dict[str, Any]:
        """The event summary, brought up to date first: the aggregates are the pages'."""
        summary_refresh(self.event)
        return event_summary(self.event)

    @cached_property
    def fingerprint(self) -> str:
        self.payload  # noqa: B018 - refreshed first, so the fingerprint names this data
        row = EventSummary.objects.filter(event=self.event).values_list("fingerprint", flat=True)
        return row.first() or ""

    @cached_property
    def alignment(self) -> Alignment:
        """Aligned facts over the compared articles: those the export names, else the
        compare page's default columns."""
        articles = choose_articles(self.event, self.alignment_ids)
        return align_columns(self.event, articles, self.model)

    @cached_property
    def compare_url(self) -> str:
        return reverse("reports:compare", args=[self.event.pk])

    def link(self, article_id: int, anchor: str, focus: str = "") -> str:
        """An absolute link to the compare page at ``anchor`` (a spreadsheet cannot follow a
        path without its site)."""
        extra = f"&focus={focus}" if focus else ""
        return f"{self.base_url}{self.compare_url}?a={article_id}{extra}#{anchor}"

    def texts(self, articles: Iterable[Article]) -> Iterator[tuple[Article, str]]:
        """Each article with its current text, read TEXT_BATCH at a time."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) == TEXT_BATCH:
                yield from self._read(batch)
                batch = []
        yield from self._read(batch)

    def _read(self, batch: list[Article]) -> Iterator[tuple[Article, str]]:
        ids = [a.current_revision_id for a in batch if a.current_revision_id]
        texts = dict(TextRevision.objects.filter(pk__in=ids).values_list("pk", "text"))
        for article in batch:
            yield article, texts.get(article.current_revision_id, "")

    def operating_point(self) -> dict[str, Any]:
        point = self.event.operating_point
        row = model_operating_points(self.model.metrics if self.model else None).get(point, {})
        return {
            "name": point,
            "threshold": row.get("threshold"),
            "precision": row.get("precision"),
            "recall": row.get("recall"),
        }


def article_cells(a: Article) -> Row:
    return [a.pk, a.outlet.name]
