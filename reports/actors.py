"""Actor names merged across an event: the engine's alias and surname merging plus the
analysts' stored merges and splits (``ActorCorrection``), replayed in order."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from articles.models import Event
from framing.engine.actors import fuller_name, merge_actor_keys
from framing.models import ActorMention, Analysis
from reports.models import ActorCorrection, ActorCorrectionKind


def event_actor_names(event: Event) -> dict[str, tuple[str, str]]:
    """Every actor key mentioned in the event's current analyses: key -> (name, kind)."""
    revisions = event.articles.values_list("current_revision_id", flat=True)
    analyses = Analysis.objects.filter(revision_id__in=revisions).values_list("pk", flat=True)
    rows = (
        ActorMention.objects.filter(analysis_id__in=analyses)
        .values_list("actor", "name", "kind")
        .order_by("actor", "name")
        .distinct()
    )
    return fullest_names(rows)


def fullest_names(rows) -> dict[str, tuple[str, str]]:
    """Key -> (longest name, most specific kind) over (key, name, kind) rows: one article
    may call "Velmar" a country (its foreign ministry is named) where another cannot tell."""
    names: dict[str, tuple[str, str]] = {}
    for key, name, kind in rows:
        old_name, old_kind = names.get(key, ("", "other"))
        names[key] = (fuller_name(old_name, name), kind if old_kind == "other" else old_kind)
    return names


def apply_actor_corrections(
    merged: dict[str, str], corrections: list[ActorCorrection]
) -> dict[str, str]:
    """Replay merges and splits on an alias map (alias key -> the key it stands for)."""
    out = dict(merged)
    for c in corrections:
        if c.kind == ActorCorrectionKind.SPLIT:
            out.pop(c.actor, None)
            # Whatever had been merged into it stays with it: only the actor itself leaves.
        elif c.target and c.target != c.actor:
            target = out.get(c.target, c.target)
            if target != c.actor:
                out[c.actor] = target
                out.update({k: target for k, v in out.items() if v == c.actor})
    return out


def event_actor_aliases(event: Event, names: dict[str, tuple[str, str]] | None = None):
    """Alias key -> canonical key for the event, analysts' corrections applied."""
    names = event_actor_names(event) if names is None else names
    automatic = merge_actor_keys((k, n, kind) for k, (n, kind) in names.items())
    corrections = list(ActorCorrection.objects.filter(event=event))
    return apply_actor_corrections(automatic, corrections)


@transaction.atomic
def actor_correction_add(
    *, event: Event, user, kind: str, actor: str, target: str = ""
) -> ActorCorrection:
    """Store one merge (``actor`` is ``target``) or split (``actor`` stands alone)."""
    names = event_actor_names(event)
    if actor not in names:
        raise ValidationError(f"No actor {actor!r} is mentioned in this event.")
    if kind == ActorCorrectionKind.MERGE and (target not in names or target == actor):
        raise ValidationError("A merge names two different actors of this event.")
    correction = ActorCorrection(
        event=event,
        kind=kind,
        actor=actor,
        target=target if kind == ActorCorrectionKind.MERGE else "",
        created_by=user,
    )
    correction.full_clean()
    correction.save()
    return correction
