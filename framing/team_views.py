"""Team coding pages: agreement between annotators' layers, disagreements, curation."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accounts.models import Capability
from articles.models import TextRevision
from articles.views import _get_event_for_user
from framing.active_learning import event_annotation_queue
from framing.models import Label
from framing.team_services import curate_agreed, curate_span, event_agreement


class CurateForm(forms.Form):
    revision = forms.IntegerField(min_value=1)
    start = forms.IntegerField(min_value=0)
    end = forms.IntegerField(min_value=1)
    label = forms.SlugField(max_length=60)
    choice = forms.ChoiceField(choices=[("include", "include"), ("exclude", "exclude")])


@login_required
def event_agreement_view(request: HttpRequest, pk: int) -> HttpResponse:
    event, membership = _get_event_for_user(request, pk, Capability.ANNOTATE)
    report = event_agreement(event=event)
    rows = [
        {
            "d": d,
            "revision": report.revisions[d.doc],
            "text": report.revisions[d.doc].text[d.start : d.end],
            "have": [report.coders[c] for c in d.have],
            "lack": [report.coders[c] for c in d.lack],
            "annotation": report.annotation_of(d),
        }
        for d in report.disagreements
    ]
    ctx = {
        "event": event,
        "workspace": event.workspace,
        "membership": membership,
        "report": report,
        "rows": rows,
        "layers": _layer_counts(report),
    }
    return render(request, "framing/agreement.html", ctx)


def _layer_counts(report) -> list[tuple]:
    counts: dict[int, list[int]] = {}
    for doc in report.docs:
        for coder, spans in doc.layers.items():
            texts, total = counts.get(coder, [0, 0])
            counts[coder] = [texts + 1, total + len(spans)]
    return [(report.coders[c], t, n) for c, (t, n) in sorted(counts.items())]


@login_required
@require_POST
def event_curate(request: HttpRequest, pk: int) -> HttpResponse:
    event, _ = _get_event_for_user(request, pk, Capability.EDIT)
    if request.POST.get("action") == "agreed":
        added = curate_agreed(event=event, user=request.user)
        messages.success(request, f"{added} agreed span(s) in the gold layer.")
        return redirect("event_agreement", pk=event.pk)
    form = CurateForm(request.POST)
    if not form.is_valid():
        return HttpResponse("Choose include or exclude for a listed span.", status=400)
    d = form.cleaned_data
    try:
        curate_span(
            event=event, user=request.user, revision_id=d["revision"], start=d["start"],
            end=d["end"], label_key=d["label"], include=d["choice"] == "include",
        )  # fmt: skip
    except (TextRevision.DoesNotExist, Label.DoesNotExist, ValidationError):
        return HttpResponse("That span is not in this event's current texts.", status=400)
    messages.success(request, "Gold layer updated.")
    return redirect("event_agreement", pk=event.pk)


@login_required
def event_queue_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Sentences to annotate next: where the model is least sure or the coders disagree."""
    event, membership = _get_event_for_user(request, pk, Capability.ANNOTATE)
    ctx = {
        "event": event,
        "workspace": event.workspace,
        "membership": membership,
        "items": event_annotation_queue(event=event),
    }
    return render(request, "framing/annotation_queue.html", ctx)
