"""The audit log: services record who created or changed what; only owners read it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from accounts.models import AuditAction, AuditEntry, AuditObject, Role
from articles.imports import import_commit, import_preview
from articles.services import article_create_from_form, article_revise
from framing.analysis_services import builtin_model_version, event_switch_model
from framing.models import AnnotationStatus, Codebook, Label
from framing.services import (
    annotation_create,
    annotation_decide,
    codebook_version_create,
    codebooks_install_defaults,
)
from tests.articles.imports.helpers import STORY, STORY_2, jsonl, record, upload
from tests.factories import EventFactory, MembershipFactory
from tests.reports.helpers import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(workspace):
    return EventFactory(workspace=workspace, title="Shoals")


def _entries(workspace) -> list[tuple]:
    rows = AuditEntry.objects.filter(workspace=workspace).order_by("id")
    return list(rows.values_list("actor_name", "action", "object_type", "object_label"))


def test_creating_and_editing_an_article_are_recorded_with_the_user(event, analyst):
    article = article_create_from_form(
        event=event, user=analyst, outlet="Ostrel Post", title="Boats  turned back", text=STORY
    )
    article_revise(article=article, text=STORY + " More.", user=analyst)
    assert _entries(event.workspace) == [
        (analyst.username, "created", "article", "Boats turned back"),
        (analyst.username, "changed", "article", "Boats turned back"),
    ]
    edit = AuditEntry.objects.get(action="changed")
    assert edit.object_id == article.pk and edit.detail == "text edited (revision 2)"


def test_an_import_is_recorded_once_with_its_count(event, analyst):
    files = [upload("a.jsonl", jsonl(record(STORY), record(STORY_2)))]
    job = import_preview(event=event, files=files, user=analyst)
    import_commit(job=job, decisions={}, user=analyst)
    entry = AuditEntry.objects.get(workspace=event.workspace)
    assert (entry.actor, entry.action, entry.object_type) == (analyst, "created", "article")
    assert entry.object_label == "2 articles in Shoals" and f"import {job.pk}" in entry.detail


def test_annotations_by_people_are_recorded_and_model_suggestions_are_not(event, annotator):
    codebooks_install_defaults(workspace=event.workspace)
    AuditEntry.objects.all().delete()
    revision = article_create_from_form(
        event=event, user=annotator, outlet="O", title="Puppets", text="A puppet regime."
    ).current_revision
    AuditEntry.objects.all().delete()
    label = Label.objects.get(
        codebook_version__codebook__workspace=event.workspace, key="pejorative_label"
    )
    mine = annotation_create(revision=revision, start=2, end=8, label=label, author_user=annotator)
    suggested = annotation_create(
        revision=revision,
        start=2,
        end=15,
        label=label,
        author_model=builtin_model_version(),
        status=AnnotationStatus.SUGGESTED,
    )
    annotation_decide(annotation=suggested, status=AnnotationStatus.REJECTED, user=annotator)
    entries = list(AuditEntry.objects.order_by("id"))
    assert [(e.action, e.object_type, e.object_id) for e in entries] == [
        ("created", "annotation", mine.pk),
        ("changed", "annotation", suggested.pk),
    ]
    assert entries[1].detail == "rejected" and entries[1].actor == annotator
    assert entries[0].object_label == f"{label.name} in “Puppets”"


def test_codebooks_record_their_creation_by_parallax_and_new_versions_by_the_user(workspace, owner):
    codebooks_install_defaults(workspace=workspace)
    created = AuditEntry.objects.filter(workspace=workspace, object_type=AuditObject.CODEBOOK)
    assert created.count() == 3 and {e.actor_name for e in created} == {""}
    codebook = Codebook.objects.get(workspace=workspace, key="policy-frames")
    labels = [{"key": "k", "name": "K", "kind": codebook.kind}]
    codebook_version_create(codebook=codebook, labels=labels, user=owner, note="trimmed")
    entry = AuditEntry.objects.latest("id")
    assert (entry.actor, entry.action, entry.object_label) == (owner, "changed", codebook.name)
    assert entry.detail == "version 2: 1 labels; trimmed"


def test_switching_an_event_model_is_recorded(event, analyst):
    model = builtin_model_version()
    event_switch_model(event=event, model_version=model, user=analyst)
    entry = AuditEntry.objects.get(workspace=event.workspace)
    assert (entry.actor, entry.action, entry.object_type) == (analyst, "changed", "model_version")
    assert entry.object_id == model.pk and "Shoals" in entry.detail


# ---- the page --------------------------------------------------------------------------


def _fill(workspace, n: int, actor) -> None:
    AuditEntry.objects.bulk_create(
        AuditEntry(
            workspace=workspace,
            actor=actor,
            actor_name=actor.username,
            action=AuditAction.CREATED,
            object_type=AuditObject.ARTICLE,
            object_id=i,
            object_label=f"Story number {i:03d}",
        )
        for i in range(n)
    )


def test_owners_see_the_log_newest_first_a_page_at_a_time(client, workspace, owner):
    _fill(workspace, 60, owner)
    client.force_login(owner)
    url = reverse("audit_log", args=[workspace.pk])
    first = client.get(url).content.decode()
    assert "Story number 059" in first and "Story number 010" in first
    assert "Story number 009" not in first and "Page 1 of 2" in first
    second = client.get(url, {"page": 2}).content.decode()
    assert "Story number 009" in second and "Story number 059" not in second


def test_the_log_lists_only_its_own_workspace(client, workspace, owner, outsider):
    _fill(outsider.workspaces.get(), 1, outsider)
    client.force_login(owner)
    page = client.get(reverse("audit_log", args=[workspace.pk])).content.decode()
    assert "Story number 000" not in page and "Nothing recorded yet" in page


def test_the_log_page_runs_a_fixed_number_of_queries(client, workspace, owner):
    client.force_login(owner)
    url = reverse("audit_log", args=[workspace.pk])
    _fill(workspace, 3, owner)
    few = count_queries(client, url)
    _fill(workspace, 40, MembershipFactory(workspace=workspace, role=Role.ANALYST).user)
    assert count_queries(client, url) == few


@pytest.mark.parametrize("role", [Role.ANALYST, Role.ANNOTATOR, Role.VIEWER])
def test_members_who_are_not_owners_get_403(client, workspace, role):
    client.force_login(MembershipFactory(workspace=workspace, role=role).user)
    assert client.get(reverse("audit_log", args=[workspace.pk])).status_code == 403


def test_outsiders_get_404_and_anonymous_users_are_sent_to_log_in(client, workspace, outsider):
    url = reverse("audit_log", args=[workspace.pk])
    response = client.get(url)
    assert response.status_code == 302 and reverse("login") in response["Location"]
    client.force_login(outsider)
    assert client.get(url).status_code == 404


def test_the_workspace_page_links_to_the_log_for_owners_only(client, workspace, owner, analyst):
    url = reverse("audit_log", args=[workspace.pk])
    client.force_login(owner)
    assert url in client.get(workspace.get_absolute_url()).content.decode()
    client.force_login(analyst)
    assert url not in client.get(workspace.get_absolute_url()).content.decode()


def test_entries_outlive_the_objects_and_users_they_name(event, analyst):
    article = article_create_from_form(
        event=event, user=analyst, outlet="O", title="Gone soon", text=STORY
    )
    name = analyst.username
    article.delete()
    analyst.delete()
    entry = AuditEntry.objects.get(workspace=event.workspace)
    assert (entry.actor, entry.actor_name, entry.object_label) == (None, name, "Gone soon")
