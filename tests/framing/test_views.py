import pytest
from django.urls import reverse

from framing.analysis_services import builtin_model_version
from framing.models import ModelVersion
from framing.services import codebooks_install_defaults
from tests.factories import EventFactory, WorkspaceFactory, make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(workspace):
    codebooks_install_defaults(workspace=workspace)
    event = EventFactory(workspace=workspace)
    make_article(event=event, text="The aggressive bloc staged reckless drills, officials said.")
    return event


def test_model_list_shows_the_builtin_model_to_a_viewer(client, workspace, viewer):
    client.force_login(viewer)
    response = client.get(reverse("model_list", args=[workspace.pk]))
    assert response.status_code == 200
    assert builtin_model_version() in [m for m, *_ in response.context["models"]]


def test_model_list_is_404_for_outsiders(client, workspace, outsider):
    client.force_login(outsider)
    assert client.get(reverse("model_list", args=[workspace.pk])).status_code == 404


def test_models_of_other_workspaces_are_not_listed(client, workspace, viewer):
    foreign = ModelVersion.objects.create(
        workspace=WorkspaceFactory(), name="theirs", engine_version="1", sha256="a" * 64
    )
    client.force_login(viewer)
    listed = client.get(reverse("model_list", args=[workspace.pk])).context["models"]
    assert foreign not in [m for m, *_ in listed]


def test_event_model_preview_shows_a_diff_to_an_analyst(client, event, analyst):
    client.force_login(analyst)
    model = builtin_model_version()
    response = client.post(
        reverse("event_model", args=[event.pk]), {"model": model.pk, "action": "preview"}
    )
    assert response.status_code == 200
    assert response.context["diff"] is not None


def test_viewer_may_look_but_not_switch(client, event, viewer):
    client.force_login(viewer)
    assert client.get(reverse("event_model", args=[event.pk])).status_code == 200
    model = builtin_model_version()
    response = client.post(
        reverse("event_model", args=[event.pk]), {"model": model.pk, "action": "switch"}
    )
    assert response.status_code == 403


def test_switching_to_another_workspaces_model_is_404(client, event, analyst):
    foreign = ModelVersion.objects.create(
        workspace=WorkspaceFactory(), name="theirs", engine_version="1", sha256="b" * 64
    )
    client.force_login(analyst)
    response = client.post(
        reverse("event_model", args=[event.pk]), {"model": foreign.pk, "action": "switch"}
    )
    assert response.status_code == 404
    event.refresh_from_db()
    assert event.analysis_model_id != foreign.pk


def test_event_model_page_is_404_for_outsiders(client, event, outsider):
    client.force_login(outsider)
    assert client.get(reverse("event_model", args=[event.pk])).status_code == 404


def test_training_with_too_few_annotations_says_what_is_missing(client, workspace, analyst):
    client.force_login(analyst)
    response = client.post(reverse("model_train", args=[workspace.pk]), follow=True)
    assert "at least 3 annotated texts; this workspace has 0" in response.content.decode()
    assert not ModelVersion.objects.filter(workspace=workspace).exists()


def test_annotator_cannot_start_training(client, workspace, annotator):
    client.force_login(annotator)
    assert client.post(reverse("model_train", args=[workspace.pk])).status_code == 403


def test_outsider_cannot_start_training(client, workspace, outsider):
    client.force_login(outsider)
    assert client.post(reverse("model_train", args=[workspace.pk])).status_code == 404


def test_a_model_id_that_is_not_a_number_is_404(client, event, analyst):
    client.force_login(analyst)
    response = client.post(
        reverse("event_model", args=[event.pk]), {"model": "abc", "action": "preview"}
    )
    assert response.status_code == 404
