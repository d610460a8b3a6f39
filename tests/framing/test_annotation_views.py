import pytest
from django.urls import reverse

from framing.models import Annotation, AnnotationStatus, Label, ModelVersion, SpanDecision
from framing.services import annotation_create, codebooks_install_defaults
from tests.factories import EventFactory, WorkspaceFactory, make_article

pytestmark = pytest.mark.django_db

TEXT = "Crews of the puppet regime sailed at dawn."


@pytest.fixture
def revision(workspace):
    codebooks_install_defaults(workspace=workspace)
    return make_article(event=EventFactory(workspace=workspace), text=TEXT).current_revision


def _label(workspace, key="pejorative_label"):
    return Label.objects.get(codebook_version__codebook__workspace=workspace, key=key)


def _add(client, revision, label, start=13, end=26):
    url = reverse("annotation_add", args=[revision.pk])
    return client.post(url, {"start": start, "end": end, "label": label.pk})


def test_annotator_adds_a_tag_by_code_point_offsets(client, workspace, revision, annotator):
    client.force_login(annotator)
    _add(client, revision, _label(workspace))
    tag = Annotation.objects.get(revision=revision)
    assert (tag.text, tag.author_user, tag.status) == ("puppet regime", annotator, "accepted")


def test_viewer_may_not_tag(client, workspace, revision, viewer):
    client.force_login(viewer)
    assert _add(client, revision, _label(workspace)).status_code == 403
    assert not Annotation.objects.exists()


def test_outsider_gets_404_when_tagging(client, workspace, revision, outsider):
    client.force_login(outsider)
    assert _add(client, revision, _label(workspace)).status_code == 404
    assert not Annotation.objects.exists()


def test_a_span_past_the_end_is_refused_with_a_message(client, workspace, revision, annotator):
    client.force_login(annotator)
    response = _add(client, revision, _label(workspace), start=10, end=500)
    assert "outside the text" in response.wsgi_request._messages._queued_messages[0].message
    assert not Annotation.objects.exists()


def test_a_label_of_another_workspace_is_refused(client, revision, annotator):
    other = WorkspaceFactory()
    codebooks_install_defaults(workspace=other)
    client.force_login(annotator)
    _add(client, revision, _label(other))
    assert not Annotation.objects.exists()


@pytest.fixture
def suggestion(workspace, revision):
    model = ModelVersion.objects.create(name="m", engine_version="1", sha256="c" * 64)
    return annotation_create(
        revision=revision,
        start=13,
        end=26,
        label=_label(workspace),
        author_model=model,
        status=AnnotationStatus.SUGGESTED,
    )


def test_annotator_rejects_a_suggestion_and_the_decision_is_kept(client, suggestion, annotator):
    client.force_login(annotator)
    client.post(reverse("annotation_decide", args=[suggestion.pk]), {"status": "rejected"})
    suggestion.refresh_from_db()
    assert suggestion.status == "rejected"
    assert SpanDecision.objects.get(revision=suggestion.revision).status == "rejected"


def test_viewer_may_not_decide(client, suggestion, viewer):
    client.force_login(viewer)
    url = reverse("annotation_decide", args=[suggestion.pk])
    assert client.post(url, {"status": "accepted"}).status_code == 403


def test_outsider_gets_404_when_deciding(client, suggestion, outsider):
    client.force_login(outsider)
    url = reverse("annotation_decide", args=[suggestion.pk])
    assert client.post(url, {"status": "accepted"}).status_code == 404
    suggestion.refresh_from_db()
    assert suggestion.status == "suggested"
