import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import AuditEntry
from framing.models import Annotation, Codebook, Label
from framing.services import annotation_create, codebooks_install_defaults, current_version
from tests.factories import EventFactory, make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def codebook(workspace):
    codebooks_install_defaults(workspace=workspace)
    return Codebook.objects.get(workspace=workspace, key="loaded-terms")


def _keys(codebook):
    return [lab.key for lab in current_version(codebook=codebook).labels.all()]


def _edit(client, codebook, **data):
    return client.post(reverse("codebook_edit", args=[codebook.pk]), data)


def test_analyst_adds_a_label_as_a_new_version(client, codebook, analyst):
    before = current_version(codebook=codebook).number
    client.force_login(analyst)
    response = _edit(client, codebook, action="add", name="Dog whistle", colour="#123456")
    assert response.status_code == 302
    version = current_version(codebook=codebook)
    assert version.number == before + 1 and version.created_by == analyst
    label = version.labels.get(key="dog_whistle")
    assert (label.name, label.colour, label.kind) == ("Dog whistle", "#123456", "loaded_term")
    assert AuditEntry.objects.filter(object_type="codebook", object_id=codebook.pk).exists()


def test_renaming_keeps_the_key_and_the_old_version(client, codebook, owner):
    old = current_version(codebook=codebook)
    client.force_login(owner)
    _edit(
        client, codebook, action="change", key="hyperbole", name="Exaggeration",
        colour="#aa0000", description="Overstatement.",
    )  # fmt: skip
    new = current_version(codebook=codebook).labels.get(key="hyperbole")
    assert (new.name, new.colour, new.description) == ("Exaggeration", "#aa0000", "Overstatement.")
    assert old.labels.get(key="hyperbole").name != "Exaggeration"


def test_retiring_keeps_existing_annotations_on_the_old_label(client, workspace, codebook, owner):
    revision = make_article(
        event=EventFactory(workspace=workspace), text="A sham vote."
    ).current_revision
    label = current_version(codebook=codebook).labels.get(key="hyperbole")
    tag = annotation_create(revision=revision, start=2, end=6, label=label, author_user=owner)
    client.force_login(owner)
    _edit(client, codebook, action="retire", key="hyperbole")
    assert "hyperbole" not in _keys(codebook)
    tag.refresh_from_db()
    assert tag.label == label


def test_merging_moves_annotations_to_the_target(client, workspace, codebook, analyst):
    revision = make_article(
        event=EventFactory(workspace=workspace), text="A sham vote."
    ).current_revision
    label = current_version(codebook=codebook).labels.get(key="hyperbole")
    tag = annotation_create(revision=revision, start=2, end=6, label=label, author_user=analyst)
    client.force_login(analyst)
    _edit(client, codebook, action="merge", source="hyperbole", target="pejorative_label")
    tag.refresh_from_db()
    assert tag.label == current_version(codebook=codebook).labels.get(key="pejorative_label")
    assert "hyperbole" not in _keys(codebook)


def test_merging_an_unknown_label_says_so_and_changes_nothing(client, codebook, analyst):
    before = current_version(codebook=codebook).number
    client.force_login(analyst)
    response = _edit(client, codebook, action="merge", source="nope", target="hyperbole")
    assert response.status_code == 400
    assert "has no label “nope”" in response.content.decode()
    assert current_version(codebook=codebook).number == before


def test_export_then_import_round_trips_a_codebook(client, workspace, codebook, analyst):
    client.force_login(analyst)
    exported = client.get(reverse("codebook_export", args=[codebook.pk])).json()
    exported["key"], exported["name"] = "copy", "Copy"
    upload = SimpleUploadedFile("copy.json", json.dumps(exported).encode())
    response = client.post(reverse("codebook_import", args=[workspace.pk]), {"file": upload})
    assert response.status_code == 302
    copy = Codebook.objects.get(workspace=workspace, key="copy")
    assert _keys(copy) == _keys(codebook)


def test_import_of_a_bad_label_names_the_file_label_and_field(client, workspace, codebook, analyst):
    data = {"key": "x", "name": "X", "labels": [{"key": "a", "name": "A"}, {"key": "b"}]}
    client.force_login(analyst)
    upload = SimpleUploadedFile("mine.json", json.dumps(data).encode())
    response = client.post(reverse("codebook_import", args=[workspace.pk]), {"file": upload})
    assert response.status_code == 400
    assert "mine.json: label 2: field “name” is missing." in response.content.decode()
    assert not Codebook.objects.filter(workspace=workspace, key="x").exists()


@pytest.mark.parametrize("role", ["annotator", "viewer"])
def test_editing_is_refused_to_annotators_and_viewers(client, codebook, role, request):
    user = request.getfixturevalue(role)
    client.force_login(user)
    before = Label.objects.count()
    assert _edit(client, codebook, action="add", name="X", colour="#000000").status_code == 403
    assert client.get(reverse("codebook_edit", args=[codebook.pk])).status_code == 403
    assert client.get(reverse("codebook_export", args=[codebook.pk])).status_code == 403
    assert Label.objects.count() == before


def test_outsider_gets_404_everywhere(client, workspace, codebook, outsider):
    client.force_login(outsider)
    assert client.get(reverse("codebook_edit", args=[codebook.pk])).status_code == 404
    assert client.get(reverse("codebook_list", args=[workspace.pk])).status_code == 404
    assert client.get(reverse("codebook_export", args=[codebook.pk])).status_code == 404
    upload = SimpleUploadedFile("c.json", b"{}")
    url = reverse("codebook_import", args=[workspace.pk])
    assert client.post(url, {"file": upload}).status_code == 404


def test_editor_page_shows_example_spans(client, workspace, codebook, analyst):
    revision = make_article(
        event=EventFactory(workspace=workspace), text="A sham vote."
    ).current_revision
    label = current_version(codebook=codebook).labels.get(key="hyperbole")
    annotation_create(revision=revision, start=2, end=6, label=label, author_user=analyst)
    client.force_login(analyst)
    page = client.get(reverse("codebook_edit", args=[codebook.pk])).content.decode()
    assert "“sham”" in page
    assert Annotation.objects.count() == 1
