"""Per-event pages on sources: who is quoted and in what voice, and who relays whom."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from articles.views import _get_event_for_user
from parallax.query import query_params
from reports.republication import republication_graph
from reports.sources import OutletFact, sources_by_outlet
from reports.summary import counted_articles, event_summary


@login_required
@require_GET
@query_params("republications", choices={"republications": ("all",)})
def sources(request: HttpRequest, pk: int) -> HttpResponse:
    event, membership = _get_event_for_user(request, pk)
    payload = event_summary(event)
    include = request.GET.get("republications") == "all"
    facts = [
        OutletFact(o.name, o.country, o.get_type_display())
        for o in event.workspace.outlets.only("name", "country", "type")
    ]
    ctx = {
        "event": event,
        "membership": membership,
        "workspace": event.workspace,
        "outlets": sources_by_outlet(event.pk, payload, facts, include_republications=include),
        "include_republications": include,
        "n_republications": len(payload["articles"])
        - len(counted_articles(payload, include_republications=False)),
    }
    return render(request, "reports/sources.html", ctx)


@login_required
@require_GET
@query_params()
def republication(request: HttpRequest, pk: int) -> HttpResponse:
    event, membership = _get_event_for_user(request, pk)
    graph = republication_graph(event_summary(event))
    ctx = {
        "event": event,
        "membership": membership,
        "workspace": event.workspace,
        "graph": graph,
    }
    return render(request, "reports/republication.html", ctx)
