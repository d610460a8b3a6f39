"""Background work through Django's Tasks API; each task only calls a service."""

from __future__ import annotations

from django.tasks import task

from articles.models import Event, TextRevision
from framing.analysis_services import analysis_run, event_analyse
from framing.models import ModelVersion


@task
def analyse_revision(revision_id: int, model_version_id: int | None = None) -> int:
    revision = TextRevision.objects.select_related("article__event").get(pk=revision_id)
    event = revision.article.event
    model = None
    if model_version_id is not None:
        model = ModelVersion.objects.get(pk=model_version_id)
    elif event.analysis_model_id is not None:
        model = event.analysis_model
    return analysis_run(revision=revision, model_version=model).analysis.pk


@task
def analyse_event(event_id: int, model_version_id: int | None = None) -> int:
    event = Event.objects.get(pk=event_id)
    model = ModelVersion.objects.get(pk=model_version_id) if model_version_id else None
    return event_analyse(event=event, model_version=model)


@task
def train_model(workspace_id: int, user_id: int | None = None) -> int:
    from accounts.models import User, Workspace
    from framing.training_services import model_train

    workspace = Workspace.objects.get(pk=workspace_id)
    user = User.objects.filter(pk=user_id).first() if user_id else None
    return model_train(workspace=workspace, user=user).pk
