"""Background work through Django's Tasks API; each task only calls a service."""

from __future__ import annotations

from django.conf import settings
from django.tasks import task

from articles.models import Event, TextRevision
from framing.analysis_services import (
    analysis_run,
    event_model_adopt,
    event_revisions_unanalysed,
    event_upgrade_builtin,
    events_fully_analysed,
    revisions_analyse,
)
from framing.models import ModelVersion
from framing.signals import analysis_finished

# Revisions per analysis task: small enough that N workers share an event and a killed
# worker loses little, large enough that task bookkeeping stays a small part of the work.
DEFAULT_ANALYSIS_BATCH = 50


def analysis_batch_size() -> int:
    return max(1, int(getattr(settings, "PARALLAX_ANALYSIS_BATCH", DEFAULT_ANALYSIS_BATCH)))


@task
def analyse_revision(revision_id: int, model_version_id: int | None = None) -> int:
    revision = TextRevision.objects.select_related("article__event").get(pk=revision_id)
    event = revision.article.event
    if model_version_id is not None:
        model = ModelVersion.objects.get(pk=model_version_id)
    else:
        # An event whose first article is analysed here (a pasted article) adopts the built-in
        # model, as a whole-event analysis does: without a model the pages could not apply the
        # event's operating point and would show every stored suggestion.
        model = event_model_adopt(event=event)
    return analysis_run(revision=revision, model_version=model).analysis.pk


@task
def analyse_event(event_id: int, model_version_id: int | None = None) -> int:
    """Queue the event's unanalysed current revisions as batches; returns how many batches.

    One task for a whole event would keep every other worker idle; batches let N workers
    share it, and a batch re-run after its worker died redoes only what it had not stored.
    """
    event = Event.objects.get(pk=event_id)
    model = ModelVersion.objects.get(pk=model_version_id) if model_version_id else None
    model = event_model_adopt(event=event, model_version=model)
    ids = event_revisions_unanalysed(event=event, model_version=model)
    size = analysis_batch_size()
    batches = [ids[start : start + size] for start in range(0, len(ids), size)]
    for batch in batches:
        analyse_batch.enqueue(batch, model.pk)
    return len(batches)


@task
def upgrade_event_model(event_id: int) -> bool:
    """Re-analyse an event shown by an older built-in model with the current one, then show
    it; idempotent (an event already moved is left alone), so it may be re-queued."""
    event = Event.objects.select_related("analysis_model").get(pk=event_id)
    moved = event_upgrade_builtin(event=event)
    if moved:
        analysis_finished.send(sender=upgrade_event_model, event_ids={event.pk})
    return moved


@task
def analyse_batch(revision_ids: list[int], model_version_id: int) -> int:
    """Analyse one batch of revisions with one model; idempotent, so it may be re-queued."""
    model = ModelVersion.objects.get(pk=model_version_id)
    created = revisions_analyse(revision_ids=revision_ids, model_version=model)
    _announce_finished(revision_ids)
    return created


def _announce_finished(revision_ids: list[int]) -> None:
    """Tell listeners (the reports app refreshes summaries) which events this task completed.

    Every batch asks, so whichever finishes last (in any order, on any worker) announces it;
    two batches ending together may both do so, which listeners must tolerate.
    """
    finished = events_fully_analysed(revision_ids=revision_ids)
    if finished:
        analysis_finished.send(sender=analyse_batch, event_ids=finished)


@task
def train_model(workspace_id: int, user_id: int | None = None, from_scratch: bool = False) -> int:
    from accounts.models import User, Workspace
    from framing.training_services import model_train

    workspace = Workspace.objects.get(pk=workspace_id)
    user = User.objects.filter(pk=user_id).first() if user_id else None
    return model_train(workspace=workspace, user=user, from_scratch=from_scratch).pk
