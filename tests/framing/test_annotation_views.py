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


def test_a_span_past_the_end_is_refused_with_400_and_a_message(
    client, workspace, revision, annotator
):
    client.force_login(annotator)
    response = _add(client, revision, _label(workspace), start=10, end=500)
    assert response.status_code == 400
    assert "outside the text" in response.content.decode()
    assert not Annotation.objects.exists()


def test_a_missing_span_is_a_400_form_error_not_a_redirect(client, workspace, revision, annotator):
    client.force_login(annotator)
    url = reverse("annotation_add", args=[revision.pk])
    response = client.post(url, {"label": _label(workspace).pk})
    assert response.status_code == 400
    assert "start: This field is required." in response.content.decode()


def test_a_refused_span_answers_json_to_a_json_client(client, workspace, revision, annotator):
    client.force_login(annotator)
    url = reverse("annotation_add", args=[revision.pk])
    data = {"start": 10, "end": 500, "label": _label(workspace).pk}
    response = client.post(url, data, headers={"Accept": "application/json"})
    assert response.status_code == 400
    assert "outside the text" in response.json()["errors"]["start"][0]


def test_a_label_of_another_workspace_is_refused(client, revision, annotator):
    other = WorkspaceFactory()
    codebooks_install_defaults(workspace=other)
    client.force_login(annotator)
    assert _add(client, revision, _label(other)).status_code == 400
    assert not Annotation.objects.exists()


# "q" + combining dot below has no precomposed form, so NFC normalisation keeps two code points.
GRAPHEMES = "Flag 🇫🇷 of cafq\u0323 and the family 👨‍👩‍👧 here."


def _revision_of(workspace, text):
    codebooks_install_defaults(workspace=workspace)
    return make_article(event=EventFactory(workspace=workspace), text=text).current_revision


@pytest.mark.parametrize(
    ("start", "end", "inside"),
    [
        (5, 6, "🇫🇷"),  # half a flag: one regional indicator
        (33, 34, "👨‍👩‍👧"),  # the lone ZWJ after the man
        (15, 16, "q\u0323"),  # the lone combining mark
        (11, 15, "q\u0323"),  # "caf" + the base letter, leaving its mark behind
    ],
)
def test_a_span_splitting_a_character_is_refused(client, workspace, annotator, start, end, inside):
    revision = _revision_of(workspace, GRAPHEMES)
    assert revision.text == GRAPHEMES
    client.force_login(annotator)
    response = _add(client, revision, _label(workspace), start=start, end=end)
    assert response.status_code == 400
    page = response.content.decode()
    assert "inside the character" in page and inside in page
    assert not Annotation.objects.exists()


def test_a_span_of_whole_characters_is_kept(client, workspace, annotator):
    revision = _revision_of(workspace, GRAPHEMES)
    client.force_login(annotator)
    assert _add(client, revision, _label(workspace), start=5, end=7).status_code == 302
    assert Annotation.objects.get().text == "🇫🇷"


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
    url = reverse("annotation_decide", args=[suggestion.pk])
    assert client.post(url, {"status": "rejected", "version": 1}).status_code == 302
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


def test_a_stale_decision_gets_409_naming_the_other_decision(client, suggestion, annotator):
    client.force_login(annotator)
    url = reverse("annotation_decide", args=[suggestion.pk])
    assert client.post(url, {"status": "rejected", "version": 1}).status_code == 302
    stale = client.post(url, {"status": "accepted", "version": 1})  # the other tab
    assert stale.status_code == 409
    page = stale.content.decode()
    assert f"This tag was rejected by {annotator}" in page
    assert "your decision was not saved. It is now rejected" in page
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.version) == ("rejected", 2)
    assert SpanDecision.objects.get(revision=suggestion.revision).status == "rejected"


def test_a_stale_decision_answers_json_with_the_current_state(client, suggestion, annotator):
    client.force_login(annotator)
    url = reverse("annotation_decide", args=[suggestion.pk])
    client.post(url, {"status": "rejected", "version": 1})
    response = client.post(
        url, {"status": "accepted", "version": 1}, headers={"Accept": "application/json"}
    )
    assert response.status_code == 409
    assert response.json()["current"] == {"id": suggestion.pk, "status": "rejected", "version": 2}


def test_a_decision_without_a_version_is_refused(client, suggestion, annotator):
    client.force_login(annotator)
    url = reverse("annotation_decide", args=[suggestion.pk])
    assert client.post(url, {"status": "accepted"}).status_code == 400
    suggestion.refresh_from_db()
    assert suggestion.status == "suggested"
