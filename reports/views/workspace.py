"""Workspace-wide pages: the span explorer across every event, and one outlet's profile."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET
from plotly.utils import PlotlyJSONEncoder

from accounts.access import require
from accounts.models import Capability
from articles.models import OutletType
from articles.views import _get_outlet_for_user
from parallax.query import query_params
from reports import evidence, explorer, profile
from reports.summary import term_labels
from reports.views.event import CHOICES, csv_response, cursor_params, page_queries


@login_required
@require_GET
@query_params(*explorer.FILTER_KEYS, "page", "after", "before", "format", choices=CHOICES)
def workspace_spans(request: HttpRequest, pk: int) -> HttpResponse:
    wants_csv = request.GET.get("format") == "csv"
    capability = Capability.EXPORT if wants_csv else Capability.VIEW
    membership = require(user=request.user, workspace_id=pk, capability=capability)
    filters = {k: request.GET.get(k, "").strip() for k in explorer.FILTER_KEYS}
    articles = explorer.workspace_articles(pk, filters)
    if wants_csv:
        return csv_response(request, articles, filters, f"workspace-{pk}-spans.csv")
    spans_page = evidence.span_page(
        articles, filters, request.GET.get("page"), **cursor_params(request)
    )
    workspace = membership.workspace
    labels = term_labels(pk)
    ctx = {
        "workspace": workspace,
        "membership": membership,
        "lines": spans_page.lines,
        "spans_page": spans_page,
        "pager": page_queries(filters, spans_page),
        "filters": filters,
        "labels": labels,
        "outlets": workspace.outlets.order_by("name"),
        "events": workspace.events.order_by("title"),
        "outlet_types": OutletType.choices,
        "matrix": explorer.label_outlet_matrix(pk, filters, labels),
        "csv_query": urlencode({**{k: v for k, v in filters.items() if v}, "format": "csv"}),
    }
    return render(request, "reports/workspace_spans.html", ctx)


@login_required
@require_GET
@query_params()
def outlet_profile(request: HttpRequest, pk: int) -> HttpResponse:
    outlet, membership = _get_outlet_for_user(request, pk)
    rows = profile.outlet_profile(outlet)
    ctx = {
        "outlet": outlet,
        "workspace": outlet.workspace,
        "membership": membership,
        "rows": rows,
        "charts": list(profile.PROFILE_CHARTS),
        "spans_url": reverse("reports:workspace_spans", args=[outlet.workspace_id])
        + f"?outlet={outlet.pk}",
    }
    return render(request, "reports/outlet_profile.html", ctx)


@login_required
@require_GET
@query_params(json=True)
def outlet_profile_chart(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    outlet, _ = _get_outlet_for_user(request, pk)
    builder = profile.PROFILE_CHARTS.get(key)
    if builder is None:
        raise Http404("No such chart.")
    chart = builder(outlet, profile.outlet_profile(outlet))
    return JsonResponse(chart.to_dict(), encoder=PlotlyJSONEncoder)
