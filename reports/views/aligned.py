"""Aligned facts: the rows, their stable anchors and "cite", and per-cell corrections."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from accounts.models import Capability
from articles.models import Article
from articles.views import _get_event_for_user
from parallax.query import query_params
from reports.actors import actor_correction_add, event_actor_aliases, event_actor_names
from reports.alignment import FactRow, align_columns, correction_add
from reports.columns import choose_articles
from reports.models import ActorCorrection, AlignmentCorrection, CorrectionKind
from reports.summary import event_model_version
from reports.views.event import ids_url


def _mergeable(rows: list[FactRow]) -> list[list[str]]:
    """For each row, the keys of the next row's sentences when the two rows share no
    column (so merging them moves nobody out), else an empty list."""
    out: list[list[str]] = []
    for row, nxt in zip(rows, [*rows[1:], None], strict=False):
        clash = nxt is None or any(
            a is not None and b is not None for a, b in zip(row.cells, nxt.cells, strict=True)
        )
        out.append([] if clash else sorted(nxt.keys()))
    return out


@login_required
@require_GET
@query_params("a", "all", "fact")
def aligned(request: HttpRequest, pk: int) -> HttpResponse:
    event, membership = _get_event_for_user(request, pk)
    articles = choose_articles(event, request.GET.getlist("a"))
    alignment = align_columns(event, articles, event_model_version(event))
    ids = [a.pk for a in articles]
    show_all = bool(request.GET.get("all"))
    rows = alignment.rows if show_all else [r for r in alignment.rows if r.n_reporting > 1]
    focus, fact_note = alignment.resolve(request.GET.get("fact", ""))
    base = ids_url("reports:aligned", event.pk, ids, all="1" if show_all else "")
    ctx = {
        "event": event,
        "membership": membership,
        "workspace": event.workspace,
        "alignment": alignment,
        "rows": list(zip(rows, _mergeable(rows), strict=True)),
        "focus": focus,
        "fact_note": fact_note,
        "show_all": show_all,
        "matrix": alignment.omission_matrix(),
        "ids": ids,
        "base_url": base,
        "selection": urlencode([("a", i) for i in ids]),
        "columns_url": ids_url("reports:compare", event.pk, ids),
        "charts_url": ids_url("reports:charts", event.pk, ids),
        "all_url": ids_url("reports:aligned", event.pk, ids, all="1"),
        "multi_url": ids_url("reports:aligned", event.pk, ids),
        "corrections": AlignmentCorrection.objects.filter(event=event).select_related(
            "article_a__outlet", "article_b__outlet", "created_by"
        ),
        **_actor_context(event),
    }
    return render(request, "reports/aligned.html", ctx)


def _actor_context(event) -> dict:
    """Actor names for the merge/split form and the merges now in force."""
    names = event_actor_names(event)
    aliases = event_actor_aliases(event, names)
    label = {k: f"{n} ({kind})" for k, (n, kind) in names.items()}
    return {
        "actor_choices": sorted(label.items(), key=lambda kv: kv[1].casefold()),
        "actor_merges": sorted((label.get(a, a), label.get(t, t), a) for a, t in aliases.items()),
        "actor_corrections": ActorCorrection.objects.filter(event=event).select_related(
            "created_by"
        ),
    }


def _sentence(raw: str, articles: dict[int, Article]) -> tuple[Article, int] | None:
    """Parse an "article-sentence" key naming a sentence of one of ``articles``."""
    parts = raw.strip().split("-")
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        return None
    article = articles.get(int(parts[0]))
    return (article, int(parts[1])) if article else None


def _number(request: HttpRequest, name: str) -> int | None:
    raw = request.POST.get(name, "")
    return int(raw) if raw.isdigit() else None


def _legacy(request: HttpRequest, articles: dict[int, Article]):
    """The one-form correction: kind, article_a/sentence_a, article_b/sentence_b."""
    a = articles.get(_number(request, "article_a") or 0)
    b = articles.get(_number(request, "article_b") or 0)
    if a is None or _number(request, "sentence_a") is None:
        return None
    second = (b, _number(request, "sentence_b")) if b else (None, None)
    return [(request.POST.get("kind", ""), (a, _number(request, "sentence_a")), second)]


def _cell_corrections(request: HttpRequest, articles: dict[int, Article]):
    """Per-cell controls: split (take this sentence out), move (into the row of the target
    sentence), merge (every sentence of the next row into this row)."""
    kind = request.POST.get("kind", "")
    cell = _sentence(request.POST.get("cell", ""), articles)
    target = _sentence(request.POST.get("target", ""), articles)
    if kind == "split" and cell:
        return [(CorrectionKind.UNLINK, cell, (None, None))]
    if kind == "move" and cell and target:
        return [(CorrectionKind.LINK, target, cell)]
    if kind == "merge" and target:
        members = [_sentence(m, articles) for m in request.POST.getlist("members")]
        if members and all(members):
            return [(CorrectionKind.LINK, target, m) for m in members]
    return None


@login_required
@require_POST
def aligned_correct(request: HttpRequest, pk: int) -> HttpResponse:
    event, _ = _get_event_for_user(request, pk, Capability.ANNOTATE)
    articles = {a.pk: a for a in event.articles.all()}
    kind = request.POST.get("kind", "")
    if kind in ("split", "move", "merge"):
        planned = _cell_corrections(request, articles)
    else:
        planned = _legacy(request, articles)
    if not planned:
        return HttpResponseBadRequest("Name the sentences to correct.")
    try:
        with transaction.atomic():  # a merge is several links: all or none
            for step, (a, sa), (b, sb) in planned:
                if step == CorrectionKind.LINK and b is None:
                    raise ValueError("a link names two sentences")
                correction_add(
                    event=event,
                    user=request.user,
                    kind=step,
                    article_a=a,
                    sentence_a=sa,
                    article_b=b,
                    sentence_b=sb,
                )
    except ValueError as exc:
        return HttpResponseBadRequest(str(exc))
    back = request.POST.get("next", "")
    if not back.startswith(reverse("reports:aligned", args=[event.pk])):
        back = reverse("reports:aligned", args=[event.pk])
    return redirect(back)


@login_required
@require_POST
def actors_correct(request: HttpRequest, pk: int) -> HttpResponse:
    """Merge two actor names of the event, or split one from whatever it was merged with."""
    event, _ = _get_event_for_user(request, pk, Capability.ANNOTATE)
    try:
        actor_correction_add(
            event=event,
            user=request.user,
            kind=request.POST.get("kind", ""),
            actor=request.POST.get("actor", ""),
            target=request.POST.get("target", ""),
        )
    except ValidationError as exc:
        return HttpResponseBadRequest(" ".join(exc.messages))
    back = request.POST.get("next", "")
    if not back.startswith(reverse("reports:aligned", args=[event.pk])):
        back = reverse("reports:aligned", args=[event.pk])
    return redirect(back)
