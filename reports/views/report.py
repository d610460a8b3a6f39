"""Report builder, saved reports, their generation jobs and share links.

Every view starts from an access helper: a non-member gets 404, a member whose role may not
export gets 403. The share view is the one view without a login: it shows one report.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.middleware.csp import get_nonce
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from accounts.access import require
from accounts.models import Capability, Membership
from articles.models import Event, OperatingPoint
from articles.views import _get_event_for_user
from parallax.query import query_params
from reports.exports.jobs import export_start, export_state
from reports.models import ReportFormat, SavedReport, ShareLink
from reports.report.config import SECTIONS, ReportConfig, config_from_query
from reports.report.content import build_report
from reports.report.exports import REPORT_KINDS
from reports.report.html import report_body_html, report_html
from reports.report.services import (
    MAX_SHARE_DAYS,
    saved_report_exports,
    saved_report_save,
    saved_report_state,
    share_link_create,
    share_link_resolve,
    share_link_revoke,
)

BUILDER_PARAMS = ("title", "section", "sections_sent", "outlet", "article", "point")


def _get_report_for_user(
    request: HttpRequest, pk: int, capability: str = Capability.VIEW
) -> tuple[SavedReport, Membership]:
    report = get_object_or_404(SavedReport.objects.select_related("event__workspace"), pk=pk)
    membership = require(user=request.user, workspace_id=report.workspace_id, capability=capability)
    return report, membership


def _get_share_for_user(
    request: HttpRequest, pk: int, capability: str = Capability.EXPORT
) -> tuple[ShareLink, Membership]:
    link = get_object_or_404(ShareLink.objects.select_related("report"), pk=pk)
    membership = require(
        user=request.user, workspace_id=link.report.workspace_id, capability=capability
    )
    return link, membership


def _config(event: Event, query) -> ReportConfig:
    return config_from_query(
        query,
        known_outlets=set(event.articles.values_list("outlet_id", flat=True)),
        known_articles=set(event.articles.values_list("pk", flat=True)),
    )


def _builder_context(event: Event, membership: Membership, config: ReportConfig) -> dict:
    articles = event.articles.select_related("outlet").order_by("outlet__name", "published_date")
    return {
        "event": event,
        "membership": membership,
        "workspace": event.workspace,
        "config": config,
        "sections": SECTIONS.items(),
        "points": OperatingPoint.choices,
        "articles": articles.only("pk", "title", "published_date", "outlet__name"),
        "outlets": sorted({(a.outlet_id, a.outlet.name) for a in articles}, key=lambda o: o[1]),
        "saved": SavedReport.objects.filter(event=event).select_related("created_by"),
    }


@login_required
def report_builder(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the builder with the saved reports of the event; POST: save a configuration."""
    capability = Capability.EXPORT if request.method == "POST" else Capability.VIEW
    event, membership = _get_event_for_user(request, pk, capability)
    config = _config(event, request.POST if request.method == "POST" else request.GET)
    if request.method == "POST":
        report = saved_report_save(event=event, user=request.user, config=config)
        messages.success(request, "Report saved. Generate it in any format below.")
        return redirect(report)
    return render(
        request, "reports/report/builder.html", _builder_context(event, membership, config)
    )


@login_required
@require_GET
@query_params(*BUILDER_PARAMS)
def report_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The live preview: the report body as the form now chooses, charts as static images."""
    event, _ = _get_event_for_user(request, pk)
    config = _config(event, request.GET)
    report = build_report(event, config)
    return HttpResponse(report_body_html(report))


@login_required
@require_GET
def saved_report(request: HttpRequest, pk: int) -> HttpResponse:
    report, membership = _get_report_for_user(request, pk)
    ctx = {
        "report": report,
        "event": report.event,
        "membership": membership,
        "workspace": report.event.workspace,
        "state": saved_report_state(report),
        "config": ReportConfig.from_dict(report.config),
        "sections": SECTIONS,
        "jobs": [export_state(j) for j in saved_report_exports(report=report)],
        "links": report.share_links.all(),
        "formats": ReportFormat.choices,
        "max_days": MAX_SHARE_DAYS,
    }
    return render(request, "reports/report/saved.html", ctx)


@login_required
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    report, membership = _get_report_for_user(request, pk, Capability.EXPORT)
    if request.method == "POST":
        config = _config(report.event, request.POST)
        saved_report_save(event=report.event, user=request.user, config=config, report=report)
        messages.success(request, "Report configuration updated.")
        return redirect(report)
    ctx = _builder_context(report.event, membership, ReportConfig.from_dict(report.config))
    return render(request, "reports/report/builder.html", {**ctx, "editing": report})


@login_required
@require_POST
def report_generate(request: HttpRequest, pk: int) -> HttpResponse:
    """Queue the saved report in one format as a background export; its page shows progress."""
    report, _ = _get_report_for_user(request, pk, Capability.EXPORT)
    kind = REPORT_KINDS.get(request.POST.get("format", ""))
    if kind is None:
        return HttpResponseBadRequest(f"Format is one of: {', '.join(REPORT_KINDS)}.")
    params = {"report": str(report.pk), "base_url": request.build_absolute_uri("/")}
    job = export_start(user=request.user, event=report.event, kind=kind, params=params)
    return redirect(job)


@login_required
@require_POST
def share_create(request: HttpRequest, pk: int) -> HttpResponse:
    report, _ = _get_report_for_user(request, pk, Capability.EXPORT)
    raw = request.POST.get("days", "")
    try:
        _, token = share_link_create(
            report=report, user=request.user, days=int(raw) if raw.isdigit() else 0
        )
    except ValueError as exc:
        return HttpResponseBadRequest(str(exc))
    url = request.build_absolute_uri(reverse("reports:shared_report", args=[token]))
    # Only the token's hash is stored: this message is the one time the link is shown.
    messages.success(request, f"Share link (copy it now, it is shown once): {url}")
    return redirect(report)


@login_required
@require_POST
def share_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    link, _ = _get_share_for_user(request, pk)
    share_link_revoke(link=link)
    messages.success(request, "Share link revoked.")
    return redirect(link.report)


@require_GET
def shared_report(request: HttpRequest, token: str) -> HttpResponse:
    """A report for someone without an account: no workspace navigation, no evidence links
    into the workspace, nothing but the report; gone when revoked or expired."""
    link = share_link_resolve(token)
    if link is None:
        response = render(request, "reports/report/share_gone.html", status=404)
    else:
        report = build_report(link.report.event, ReportConfig.from_dict(link.report.config))
        nonce = get_nonce(request)  # the inline plotly.js runs under the site's CSP
        # (A LazyNonce is falsy until read: str() reads it, so the header carries it too.)
        nonce = str(nonce) if nonce is not None else ""
        response = HttpResponse(report_html(report, links=False, nonce=nonce))
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response
