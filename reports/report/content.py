"""Everything a report shows, computed once from the stored results.

Numbers come from the event's stored summary (the payload every comparison page reads),
narrowed to the chosen outlets and articles, and from the same chart builders the charts
page calls, so a report and the pages agree. Formats only lay this out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils import timezone

from articles.models import Article, Event
from framing.models import Analysis, Annotation, AnnotationStatus, ModelVersion
from framing.operating_points import score_floor
from framing.selectors import article_relays
from reports import figures
from reports.alignment import Alignment, align_columns
from reports.columns import MAX_COLUMNS
from reports.figures.base import Chart
from reports.report.config import SECTIONS, ReportConfig
from reports.report.findings import Finding, event_findings
from reports.report.methodology import Methodology, data_fingerprint, methodology_for
from reports.sources import OutletFact, OutletSources, sources_by_outlet
from reports.summary import (
    TERM_COLUMNS,
    event_model_version,
    event_summary,
    event_vocabulary,
    summary_refresh,
    with_surface,
)

# Charts in the order the charts page shows them.
REPORT_CHARTS = ("density", "voice", "frames", "tone", "quotes", "actors", "timeline", "vocabulary")
EXCERPT_ROWS = 8  # aligned facts shown side by side


@dataclass
class Report:
    config: ReportConfig
    event: Event
    title: str
    generated_at: dt.datetime
    point: str
    model: ModelVersion | None
    outlets: list[dict[str, Any]]
    articles: list[dict[str, Any]]
    findings: list[Finding] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    alignment: Alignment | None = None
    excerpts: list[Any] = field(default_factory=list)
    sources: list[OutletSources] = field(default_factory=list)
    methodology: Methodology | None = None
    data_hash: str = ""
    updating: bool = False  # the stored summary was being rebuilt: numbers may be stale
    warning: str = ""  # e.g. the data changed since the saved report was saved
    summary: str = ""

    def has(self, section: str) -> bool:
        return section in self.config.sections

    @property
    def sections(self) -> list[tuple[str, str]]:
        return [(k, SECTIONS[k]) for k in self.config.sections]


def build_report(
    event: Event, config: ReportConfig, *, fresh: bool = False, saved_id: int | None = None
) -> Report:
    """The report of ``event`` as ``config`` chooses. ``fresh``: bring the stored summary
    up to date first (tasks do; a live preview shows the stored one and says so)."""
    if fresh:
        summary_refresh(event)
    full = event_summary(event)
    model = event_model_version(event)
    point = config.point or event.operating_point
    payload = narrowed_payload(full, config)
    if point != event.operating_point:
        payload["terms"] = terms_at_point(payload, model, point)
    chosen = [a["id"] for a in payload["articles"]]
    report = Report(
        config=config,
        event=event,
        title=config.title or f"How outlets covered: {event.title}",
        generated_at=timezone.now(),
        point=point,
        model=model,
        outlets=_outlet_rows(event, payload),
        articles=_article_rows(payload, model),
        updating=bool(full.get("updating")),
        data_hash=data_fingerprint(event=event, article_ids=chosen, model=model, point=point),
    )
    if config.sections and set(config.sections) & {"excerpts", "labels", "omissions", "findings"}:
        report.alignment = _alignment(event, payload, model)
        report.excerpts = _excerpts(report.alignment)
    if report.has("charts"):
        report.charts = _charts(event, payload)
    if report.has("sources"):
        report.sources = _sources(event, payload, model)
    report.findings = event_findings(event.pk, payload, report.alignment)
    report.summary = _summary_text(report, payload)
    if report.has("methodology"):
        report.methodology = methodology_for(
            event=event,
            payload=payload,
            model=model,
            point=point,
            data_hash=report.data_hash,
            saved_id=saved_id,
        )
    return report


def narrowed_payload(payload: dict[str, Any], config: ReportConfig) -> dict[str, Any]:
    """The summary payload with only the chosen outlets' chosen articles (and their rows)."""
    outlets, articles = set(config.outlets), set(config.articles)
    keep = [
        a
        for a in payload["articles"]
        if (not outlets or a["outlet"] in outlets) and (not articles or a["id"] in articles)
    ]
    ids = {a["id"] for a in keep}
    used = {str(a["outlet"]) for a in keep}
    return {
        **payload,
        "articles": keep,
        "outlets": {k: v for k, v in payload["outlets"].items() if k in used},
        "terms": [row for row in payload["terms"] if row[0] in ids],
        "quotes": [row for row in payload["quotes"] if row[0] in ids],
    }


def terms_at_point(payload: dict[str, Any], model: ModelVersion | None, point: str) -> list:
    """Term rows as the summary builds them, but with ``point``'s score floor instead of the
    event's: accepted and analysts' own tags whatever their score, never rejected ones."""
    revisions = {a["revision"]: a["id"] for a in payload["articles"] if a["revision"]}
    floor = score_floor(model.metrics if model else None, point)
    analyses = Analysis.objects.filter(revision_id__in=revisions, model_version=model)
    passes = Q(score__gte=floor) | Q(score__isnull=True) if floor > 0 else Q()
    # (An empty Q OR-ed with another is dropped, so the floor is AND-ed on its own.)
    shown = Q(analysis__in=analyses, status=AnnotationStatus.ACCEPTED) | (
        Q(analysis__in=analyses) & passes
    )
    rows = (
        Annotation.objects.filter(revision_id__in=revisions)
        .filter(shown | Q(author_user__isnull=False))
        .exclude(status=AnnotationStatus.REJECTED)
        .order_by("revision_id", "start", "end")
    )
    out = []
    for rev, key, voice, score, actor, speaker, pk, user, source, surface in with_surface(
        rows
    ).values_list(*TERM_COLUMNS):
        origin = "analyst" if user else (source or "model")
        score = score if score is not None else 1.0
        out.append(
            [revisions[rev], key, voice or "own", score, actor or speaker, surface, pk, origin]
        )
    return out


def _outlet_rows(event: Event, payload: dict[str, Any]) -> list[dict[str, Any]]:
    """Per outlet: type, country, where the classification comes from, articles, words."""
    counts: dict[int, list[int]] = {}
    for a in payload["articles"]:
        n = counts.setdefault(a["outlet"], [0, 0])
        n[0] += 1
        n[1] += a["words"]
    outlets = event.workspace.outlets.filter(pk__in=counts).order_by("name")
    return [
        {
            "id": o.pk,
            "name": o.name,
            "type": o.get_type_display(),
            "country": o.country,
            "source": o.type_source,
            "classified": o.type_date.isoformat() if o.type_date else "",
            "n": counts[o.pk][0],
            "words": counts[o.pk][1],
        }
        for o in outlets
    ]


def _article_rows(payload: dict[str, Any], model: ModelVersion | None) -> list[dict[str, Any]]:
    """Per article: date, outlet, title, words, republication and relay chain / origin."""
    names = {int(k): v["name"] for k, v in payload["outlets"].items()}
    titles = {a["id"]: a["title"] for a in payload["articles"]}
    revisions = {a["revision"]: a["id"] for a in payload["articles"] if a["revision"]}
    relays = article_relays(
        revision_ids=list(revisions), model_version_id=model.pk if model else None
    )
    relay_of = {revisions[r]: rel.summary for r, rel in relays.items()}
    origins = payload.get("origins", {})
    return [
        {
            "id": a["id"],
            "published": a["published"],
            "outlet": names.get(a["outlet"], ""),
            "title": a["title"],
            "words": a["words"],
            "republishes": titles.get(a["republication_of"], "") if a["republication_of"] else "",
            "origin": origins.get(str(a["origin"]), "") if a["origin"] else "",
            "relays": relay_of.get(a["id"], ""),
            "analysed": a["analysed"],
        }
        for a in payload["articles"]
    ]


def _charts(event: Event, payload: dict[str, Any]) -> list[Chart]:
    """The charts page's charts at its default options (republished copies counted once)."""
    names = {int(k) for k in payload["outlets"]}
    vocabulary = [v for v in event_vocabulary(event) if v["outlet"] in names]
    with_vocabulary = {**payload, "vocabulary": vocabulary}
    opts = figures.ChartOptions()
    charts = []
    for key in REPORT_CHARTS:
        chart = figures.CHARTS[key](event.pk, with_vocabulary, opts)
        if chart.rows:
            charts.append(chart)
    return charts


def _alignment(event: Event, payload: dict[str, Any], model: ModelVersion | None):
    """Aligned facts over at most six articles: one original per outlet, earliest first."""
    originals = {a["id"] for a in payload["articles"]}
    picked, seen = [], set()
    for a in payload["articles"]:
        if a["republication_of"] in originals or a["outlet"] in seen:
            continue
        picked.append(a["id"])
        seen.add(a["outlet"])
    if len(picked) < 2:
        return None
    articles = Article.objects.filter(pk__in=picked[:MAX_COLUMNS]).select_related(
        "outlet", "current_revision"
    )
    by_id = {a.pk: a for a in articles}
    return align_columns(event, [by_id[i] for i in picked[:MAX_COLUMNS]], model)


def _excerpts(alignment: Alignment | None) -> list[Any]:
    """The facts most outlets report, loaded wording first: where framing differs most. Only
    facts two outlets report with a confident match: side by side reads as "the same fact"."""
    if alignment is None:
        return []
    shared = [r for r in alignment.rows if r.confirmed]
    shared.sort(key=lambda r: (-sum(bool(c and c.terms) for c in r.cells), -r.n_reporting))
    return shared[:EXCERPT_ROWS]


def _sources(event: Event, payload: dict[str, Any], model: ModelVersion | None):
    facts = [
        OutletFact(o.name, o.country, o.get_type_display())
        for o in event.workspace.outlets.only("name", "country", "type")
    ]
    outlets = sources_by_outlet(event.pk, payload, facts)
    revisions = {a["revision"]: a["id"] for a in payload["articles"] if a["revision"]}
    relays = article_relays(
        revision_ids=list(revisions), model_version_id=model.pk if model else None
    )
    articles = Article.objects.select_related("origin").in_bulk([revisions[r] for r in relays])
    by_outlet: dict[int, list] = {}
    for revision_id, relay in relays.items():
        article = articles[revisions[revision_id]]
        by_outlet.setdefault(article.outlet_id, []).append((article, relay))
    for o in outlets:
        o.relays = by_outlet.get(o.outlet_id, [])
    return outlets


def _summary_text(report: Report, payload: dict[str, Any]) -> str:
    words = sum(a["words"] for a in payload["articles"])
    dates = sorted(a["published"] for a in payload["articles"] if a["published"])
    span = f", published {dates[0]} to {dates[-1]}" if dates else ""
    lead = (
        f"{len(payload['articles'])} articles from {len(report.outlets)} outlets "
        f"({words:,} words){span}, analysed by the framing model"
        f"{' ' + report.model.name if report.model else ''} at the "
        f"{report.point} operating point."
    )
    top = " ".join(f.text for f in report.findings[:2])
    return f"{lead} {top}".strip()
