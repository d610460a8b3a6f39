"""Per-event pages on sources: who is quoted and in what voice, and who relays whom."""

from __future__ import annotations

from collections import defaultdict

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from articles.models import Event
from articles.views import _get_event_for_user
from framing.selectors import article_relays
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
    outlets = sources_by_outlet(event.pk, payload, facts, include_republications=include)
    relays = _relays_by_outlet(event, payload)
    for o in outlets:
        o.relays = relays.get(o.outlet_id, [])
    ctx = {
        "event": event,
        "membership": membership,
        "workspace": event.workspace,
        "outlets": outlets,
        "include_republications": include,
        "updating": payload.get("updating", False),
        "n_republications": len(payload["articles"])
        - len(counted_articles(payload, include_republications=False)),
    }
    return render(request, "reports/sources.html", ctx)


def _relays_by_outlet(event: Event, payload: dict) -> dict[int, list[tuple]]:
    """outlet id -> [(article, ArticleRelays)] for its articles that visibly relay someone."""
    revisions = {a["revision"]: a["id"] for a in payload["articles"] if a["revision"]}
    relays = article_relays(
        revision_ids=list(revisions), model_version_id=payload.get("model_version")
    )
    ids = [revisions[r] for r in relays]
    articles = event.articles.select_related("origin", "outlet").in_bulk(ids)
    out: dict[int, list[tuple]] = defaultdict(list)
    for revision_id, relay in relays.items():
        article = articles[revisions[revision_id]]
        out[article.outlet_id].append((article, relay))
    return out


@login_required
@require_GET
@query_params()
def republication(request: HttpRequest, pk: int) -> HttpResponse:
    event, membership = _get_event_for_user(request, pk)
    payload = event_summary(event)
    graph = republication_graph(payload)
    ctx = {
        "event": event,
        "membership": membership,
        "workspace": event.workspace,
        "graph": graph,
        "updating": payload.get("updating", False),
    }
    return render(request, "reports/republication.html", ctx)
