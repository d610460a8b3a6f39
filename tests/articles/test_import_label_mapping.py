"""Span labels not in the codebook are mapped to ours (or dropped) at import, remembered per
workspace; and the same mapping in framing_evaluate."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import Role
from articles.imports import import_preview
from articles.models import SavedLabelMapping
from framing.models import Annotation
from framing.services import codebooks_install_defaults
from tests.articles.imports.helpers import STORY, jsonl, record, upload
from tests.factories import EventFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def analyst_job(workspace):
    codebooks_install_defaults(workspace=workspace)
    event = EventFactory(workspace=workspace)
    user = MembershipFactory(workspace=workspace, role=Role.ANALYST).user
    spans = [
        {"start": 0, "end": 6, "label": "Loaded_Language"},
        {"start": 7, "end": 12, "label": "Doubt"},
        {"start": 0, "end": 6, "label": "hyperbole"},
    ]
    job = import_preview(
        event=event, files=[upload("a.jsonl", jsonl(record(STORY, spans=spans)))], user=user
    )
    return job, user


def test_preview_lists_unknown_labels_and_mapping_imports_them_as_ours(client, analyst_job):
    job, user = analyst_job
    client.force_login(user)
    page = client.get(job.get_absolute_url())
    panel = page.context["label_panel"]
    assert [(r["source"], r["spans"]) for r in panel["rows"]] == [
        ("Doubt", 1),
        ("Loaded_Language", 1),
    ]
    # Doubt (row 0) dropped on purpose, Loaded_Language (row 1) is our hyperbole.
    url = reverse("import_map_labels", args=[job.pk])
    response = client.post(url, {"target_0": "", "target_1": "hyperbole"})
    assert response.status_code == 302
    assert dict(job.workspace.label_mappings.values_list("source", "target_key")) == {
        "Doubt": "",
        "Loaded_Language": "hyperbole",
    }
    assert client.post(job.get_absolute_url(), {}).status_code == 302
    tags = Annotation.objects.filter(revision__article__event=job.event)
    assert sorted((t.start, t.end, t.label.key) for t in tags) == [
        (0, 6, "hyperbole"),
        (0, 6, "hyperbole"),
    ]


def test_mapping_to_an_unknown_label_is_refused(client, analyst_job):
    job, user = analyst_job
    client.force_login(user)
    url = reverse("import_map_labels", args=[job.pk])
    response = client.post(url, {"target_1": "no_such_label"})
    assert response.status_code == 400
    assert "is not a label of this workspace" in response.content.decode()
    assert not SavedLabelMapping.objects.exists()


@pytest.mark.parametrize("role", [Role.ANNOTATOR, Role.VIEWER])
def test_label_mapping_is_refused_to_annotators_and_viewers(client, analyst_job, role):
    job, _ = analyst_job
    client.force_login(MembershipFactory(workspace=job.workspace, role=role).user)
    url = reverse("import_map_labels", args=[job.pk])
    assert client.post(url, {"target_1": "hyperbole"}).status_code == 403
    assert not SavedLabelMapping.objects.exists()


def test_label_mapping_is_404_for_outsiders(client, analyst_job, outsider):
    job, _ = analyst_job
    client.force_login(outsider)
    url = reverse("import_map_labels", args=[job.pk])
    assert client.post(url, {"target_1": "hyperbole"}).status_code == 404


def test_framing_evaluate_maps_their_labels_to_ours(tmp_path, capsys):
    text = "They called it a sham referendum staged by the junta."
    start = text.index("junta")
    gold = tmp_path / "gold.jsonl"
    span = {"start": start, "end": start + 5, "label": "Name_Calling"}
    gold.write_text(json.dumps({"text": text, "spans": [span]}) + "\n", encoding="utf-8")
    call_command("framing_evaluate", str(gold), "--json")
    unmapped = json.loads(capsys.readouterr().out)
    call_command("framing_evaluate", str(gold), "--json", "--map", "Name_Calling=pejorative_label")
    mapped = json.loads(capsys.readouterr().out)
    assert "Name_Calling" in json.dumps(unmapped) and "Name_Calling" not in json.dumps(mapped)
    assert "pejorative_label" in json.dumps(mapped)


def test_framing_evaluate_rejects_a_malformed_map(tmp_path):
    from django.core.management.base import CommandError

    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"text": "abc", "spans": []}) + "\n", encoding="utf-8")
    with pytest.raises(CommandError, match="THEIR_LABEL=our_label"):
        call_command("framing_evaluate", str(gold), "--map", "nonsense")
