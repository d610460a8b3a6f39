"""A workspace with one of everything the API serves, its members' tokens, and an outsider."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import User, Workspace
from api.tokens import token_create
from articles.models import Article, Event, ImportJob, Outlet
from framing.models import Annotation, Codebook, Label
from framing.selectors import workspace_labels
from framing.services import annotation_create, codebooks_install_defaults
from framing.tasks import analyse_revision
from reports.exports.jobs import export_start
from reports.models import ExportJob
from tests.factories import EventFactory, MembershipFactory, OutletFactory, make_article

TEXT = (
    "The regime's reckless provocation shocked the region, the ministry said on Tuesday. "
    "“We will not be intimidated by these so-called drills,” said Admiral Olivia Grant. "
    "Fishing boats stayed in port."
)


@dataclass
class World:
    workspace: Workspace
    event: Event
    outlet: Outlet
    article: Article
    annotation: Annotation
    label: Label
    codebook: Codebook
    job: ImportJob
    export: ExportJob
    users: dict[str, User]


def bearer(user: User, *, scope: str = "write", workspace: Workspace | None = None) -> APIClient:
    """A client sending a fresh token of ``user``."""
    secret = token_create(
        user=user, name="test", scope=scope, expires_in_days=30, workspace=workspace
    ).secret
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client


@pytest.fixture
def world(db) -> World:
    workspace = MembershipFactory(role="owner").workspace
    users = {"owner": workspace.memberships.get().user}
    for role in ("analyst", "annotator", "viewer"):
        users[role] = MembershipFactory(workspace=workspace, role=role).user
    users["outsider"] = MembershipFactory(role="owner").user
    codebooks_install_defaults(workspace=workspace)
    event = EventFactory(workspace=workspace, start_date=timezone.now().date())
    outlet = OutletFactory(workspace=workspace, name="Coast Daily")
    article = make_article(event=event, outlet=outlet, text=TEXT, title="Drills")
    # The path a pasted article takes: the event adopts the built-in model.
    analyse_revision.call(article.current_revision.pk)
    label = workspace_labels(workspace_id=workspace.pk).get(key="pejorative_label")
    annotation = annotation_create(
        revision=article.current_revision, start=4, end=10, label=label,
        author_user=users["analyst"],
    )  # fmt: skip
    job = ImportJob.objects.create(workspace=workspace, event=event, created_by=users["owner"])
    codebook = Codebook.objects.filter(workspace=workspace).first()
    # The test settings' task backend runs the export at once: the file is ready.
    export = export_start(user=users["viewer"], event=event, kind="csv_spans")
    return World(workspace, event, outlet, article, annotation, label, codebook, job, export, users)
