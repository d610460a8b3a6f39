"""Comparison pages for one event. Every view starts from `_get_event_for_user`, so a
non-member gets 404 and a member whose role lacks the capability 403."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET
from plotly.utils import PlotlyJSONEncoder

from accounts.models import Capability
from articles.models import OutletType
from articles.views import _get_event_for_user
from parallax.query import query_params
from reports import evidence, figures, span_export
from reports import summary_store as store
from reports.columns import MAX_COLUMNS, add_column_options, build_columns, choose_articles
from reports.figures.memo import chart_for
from reports.summary import (
    counted_articles,
    event_model_version,
    event_summary,
    event_vocabulary,
    event_vocabulary_state,
    summary_stamp,
)

# Values of the enumerated GET parameters, shared by every report page that reads them.
CHOICES = {
    "voice": ("all", *figures.VOICES),
    "source": ("analyst", "model"),
    "republications": ("all",),
    "format": ("csv",),
    "outlet_type": tuple(OutletType.values),
    "order": ("tone",),
}
CHART_PARAMS = ("republications", "voice")


def ids_url(name: str, event_id: int, ids: list[int], **extra: str) -> str:
    query = urlencode([("a", i) for i in ids] + [(k, v) for k, v in extra.items() if v])
    return f"{reverse(name, args=[event_id])}?{query}"


def _column_links(event_id: int, ids: list[int]) -> list[dict[str, str]]:
    """Move-left, move-right and remove links for each column (plain links: no JS needed)."""
    links = []
    for pos, ident in enumerate(ids):
        left = ids[:]
        if pos:
            left[pos - 1], left[pos] = left[pos], left[pos - 1]
        right = ids[:]
        if pos < len(ids) - 1:
            right[pos + 1], right[pos] = right[pos], right[pos + 1]
        rest = [i for i in ids if i != ident]
        links.append(
            {
                "left": ids_url("reports:compare", event_id, left) if pos else "",
                "right": ids_url("reports:compare", event_id, right) if pos < len(ids) - 1 else "",
                "remove": ids_url("reports:compare", event_id, rest) if len(ids) > 2 else "",
            }
        )
    return links


def outlet_table(payload: dict, *, include_republications: bool) -> list[dict]:
    """n (articles, words) per outlet, counted the way the charts count them."""
    keep = counted_articles(payload, include_republications=include_republications)
    rows: dict[str, dict] = {}
    for a in payload["articles"]:
        if a["id"] not in keep:
            continue
        key = str(a["outlet"])
        blank = {"id": a["outlet"], **payload["outlets"][key], "n": 0, "words": 0}
        row = rows.setdefault(key, blank)
        row["n"] += 1
        row["words"] += a["words"]
    return list(rows.values())


@login_required
@require_GET
@query_params("a", "focus")
def compare(request: HttpRequest, pk: int) -> HttpResponse:
    event, membership = _get_event_for_user(request, pk)
    payload = event_summary(event, rows=False)  # the shown articles' rows are read below
    stamp = "" if payload.get("updating") else summary_stamp(event)
    articles = choose_articles(event, request.GET.getlist("a"))
    frame_labels = {f["key"]: (f["name"], f["colour"]) for f in payload["frames"]}
    columns = build_columns(articles, event_model_version(event), frame_labels)
    ids = [a.pk for a in articles]
    term_counts = store.term_counts_of(ids)
    ctx = {
        "event": event,
        "membership": membership,
        "workspace": event.workspace,
        "columns": list(zip(columns, _column_links(event.pk, ids), strict=True)),
        "n_columns": len(columns),
        "others": add_column_options(event, set(ids), stamp) if len(ids) < MAX_COLUMNS else "",
        "can_add": len(ids) < MAX_COLUMNS,
        "ids": ids,
        "labels": [dict(lab, n=term_counts.get(lab["key"], 0)) for lab in payload["labels"]],
        "frames": payload["frames"],
        "outlets": store.outlet_rows(event, include_republications=True),
        "focus": request.GET.get("focus", ""),
        "aligned_url": ids_url("reports:aligned", event.pk, ids),
        "charts_url": ids_url("reports:charts", event.pk, ids),
        "selection": urlencode([("a", i) for i in ids]),
        "updating": payload.get("updating", False),
    }
    return render(request, "reports/compare.html", ctx)


def _chosen_articles(event, raw_ids: list[str]) -> list[dict]:
    """The summarised articles named in the query, in its order (others ignored)."""
    wanted = [int(i) for i in dict.fromkeys(raw_ids) if i.isdigit()]
    rows = store.ArticleSummary.objects.filter(event=event, article_id__in=wanted)
    found = dict(rows.values_list("article_id", "row__title"))
    names = dict(event.articles.filter(pk__in=found).values_list("pk", "outlet__name"))
    return [{"id": i, "name": names[i], "title": found[i]} for i in wanted if i in found]


@login_required
@require_GET
@query_params("a", *CHART_PARAMS, choices=CHOICES)
def charts(request: HttpRequest, pk: int) -> HttpResponse:
    event, membership = _get_event_for_user(request, pk)
    payload = event_summary(event, rows=False)
    include = request.GET.get("republications") == "all"
    chosen = _chosen_articles(event, request.GET.getlist("a"))
    ids = [a["id"] for a in chosen]
    voice = request.GET.get("voice", "all")
    voice = voice if voice in figures.VOICES else "all"
    # Built from the checked options, never echoed from the raw query string.
    chart_query = urlencode({**({"republications": "all"} if include else {}), "voice": voice})
    every = store.outlet_rows(event, include_republications=True)
    ctx = {
        "event": event,
        "membership": membership,
        "workspace": event.workspace,
        "selection": urlencode([("a", i) for i in ids]),
        "selected": chosen,
        "columns_url": ids_url("reports:compare", event.pk, ids),
        "charts": list(figures.CHARTS),
        "include_republications": include,
        "voice": voice,
        "chart_query": chart_query,
        "outlets": every if include else store.outlet_rows(event, include_republications=False),
        "n_republications": sum(o["n"] for o in every)
        - sum(o["n"] for o in store.outlet_rows(event, include_republications=False)),
        "updating": payload.get("updating", False),
    }
    return render(request, "reports/charts.html", ctx)


@login_required
@require_GET
@query_params(*CHART_PARAMS, choices=CHOICES, json=True)
def chart_data(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    event, _ = _get_event_for_user(request, pk)
    builder = figures.CHARTS.get(key)
    if builder is None:
        raise Http404("No such chart.")
    voice = request.GET.get("voice", "all")
    opts = figures.ChartOptions(
        include_republications=request.GET.get("republications") == "all",
        voice=voice if voice in figures.VOICES else "all",
    )
    if key == "vocabulary":  # precomputed by a task; the last result meanwhile
        payload = {**event_summary(event, rows=False), "vocabulary": event_vocabulary(event)}
    else:
        payload = event_summary(event)
    chart = chart_for(key, event.pk, payload, opts)
    # plotly's encoder turns numpy arrays and NaN into JSON the browser library accepts.
    return JsonResponse(chart.to_dict(), encoder=PlotlyJSONEncoder)


def cursor_params(request: HttpRequest) -> dict[str, str]:
    return {k: request.GET.get(k, "") for k in ("after", "before")}


FILTER_KEYS = ("outlet", "article", "outlet_type", "label", "voice", "source")


def csv_response(
    request: HttpRequest, articles: QuerySet, filters: Mapping[str, str], filename: str
) -> StreamingHttpResponse:
    """The span lines of ``articles`` as a streamed CSV download: rows are written as they
    are read, so an export of every tag never sits in memory whole."""
    body = span_export.spans_csv(articles, filters, request.build_absolute_uri("/")[:-1])
    response = StreamingHttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def page_queries(filters: Mapping[str, str], spans_page) -> dict[str, str]:
    """Query strings (filters kept) for the previous and next page of span lines: keyset
    cursors (the first or last line shown), with the page number for the pager's text."""
    keep = {k: v for k, v in filters.items() if v}
    page = spans_page.page
    out = {}
    if page.has_previous():
        number = page.previous_page_number()
        out["previous"] = urlencode({**keep, "page": number, "before": spans_page.first})
    if page.has_next():
        number = page.next_page_number()
        out["next"] = urlencode({**keep, "page": number, "after": spans_page.last})
    return out


@login_required
@require_GET
@query_params(*FILTER_KEYS, "page", "after", "before", "format", choices=CHOICES)
def spans(request: HttpRequest, pk: int) -> HttpResponse:
    wants_csv = request.GET.get("format") == "csv"
    capability = Capability.EXPORT if wants_csv else Capability.VIEW
    event, membership = _get_event_for_user(request, pk, capability)
    filters = {k: request.GET.get(k, "") for k in FILTER_KEYS}
    articles = evidence.event_articles(event, filters)
    if wants_csv:
        return csv_response(request, articles, filters, f"event-{event.pk}-spans.csv")
    spans_page = evidence.span_page(
        articles, filters, request.GET.get("page"), **cursor_params(request)
    )
    payload = event_summary(event, rows=False)
    ctx = {
        "event": event,
        "membership": membership,
        "workspace": event.workspace,
        "lines": spans_page.lines,
        "spans_page": spans_page,
        "pager": page_queries(filters, spans_page),
        "filters": filters,
        "labels": payload["labels"],
        "outlets": store.outlet_rows(event, include_republications=True),
        "csv_query": urlencode({**{k: v for k, v in filters.items() if v}, "format": "csv"}),
    }
    return render(request, "reports/spans.html", ctx)


SENTENCE_KEYS = ("outlet", "article", "frame", "actor", "speaker", "order", "term")


@login_required
@require_GET
@query_params(*SENTENCE_KEYS, choices=CHOICES)
def sentences(request: HttpRequest, pk: int) -> HttpResponse:
    event, membership = _get_event_for_user(request, pk)
    filters = {k: request.GET.get(k, "") for k in SENTENCE_KEYS}
    ctx = {
        "event": event,
        "membership": membership,
        "workspace": event.workspace,
        "lines": evidence.sentence_lines(event, filters),
        "filters": {k: v for k, v in filters.items() if v},
    }
    return render(request, "reports/sentences.html", ctx)


@login_required
@require_GET
@query_params()
def vocabulary(request: HttpRequest, pk: int) -> HttpResponse:
    event, membership = _get_event_for_user(request, pk)
    payload = event_summary(event, rows=False)
    terms, updating = event_vocabulary_state(event)
    ctx = {
        "event": event,
        "membership": membership,
        "workspace": event.workspace,
        "outlets": store.outlet_rows(event, include_republications=False),
        "vocabulary": terms,
        "charts": ["vocabulary"],
        "updating": updating or payload.get("updating", False),
    }
    return render(request, "reports/vocabulary.html", ctx)
