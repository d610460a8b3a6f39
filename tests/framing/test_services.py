import pytest
from django.core.exceptions import ValidationError

from framing.models import AnnotationStatus, Codebook, Label, ModelVersion, SpanDecision
from framing.services import (
    annotation_create,
    annotation_decide,
    codebook_version_create,
    codebooks_install_defaults,
    current_version,
)
from tests.factories import EventFactory, UserFactory, WorkspaceFactory, make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def revision(workspace):
    codebooks_install_defaults(workspace=workspace)
    return make_article(
        event=EventFactory(workspace=workspace), text="A puppet regime."
    ).current_revision


def _label(workspace, key="pejorative_label"):
    return Label.objects.get(codebook_version__codebook__workspace=workspace, key=key)


def test_default_codebooks_hold_the_engines_stable_keys(workspace):
    codebooks_install_defaults(workspace=workspace)
    loaded = Codebook.objects.get(workspace=workspace, key="loaded-terms")
    keys = set(current_version(codebook=loaded).labels.values_list("key", flat=True))
    assert {"pejorative_label", "euphemism", "loaded_attribution"} <= keys
    policy = Codebook.objects.get(workspace=workspace, key="policy-frames")
    assert current_version(codebook=policy).labels.count() == 15


def test_installing_defaults_twice_adds_nothing(workspace):
    codebooks_install_defaults(workspace=workspace)
    assert codebooks_install_defaults(workspace=workspace) == []


def test_a_new_codebook_version_leaves_the_old_labels_alone(workspace):
    codebooks_install_defaults(workspace=workspace)
    codebook = Codebook.objects.get(workspace=workspace, key="generic-frames")
    v1 = current_version(codebook=codebook)
    v2 = codebook_version_create(
        codebook=codebook,
        labels=[{"key": "conflict", "name": "Conflict", "kind": "frame", "colour": "#112233"}],
        user=None,
    )
    assert (v2.number, v2.labels.count()) == (2, 1)
    assert v1.labels.count() == 5


def test_duplicate_label_keys_are_refused(workspace):
    codebook = Codebook.objects.create(workspace=workspace, key="mine", name="Mine")
    spec = {"key": "x", "name": "X", "kind": "custom", "colour": "#000000"}
    with pytest.raises(ValidationError):
        codebook_version_create(codebook=codebook, labels=[spec, spec], user=None)


def test_span_outside_the_text_is_refused(workspace, revision):
    with pytest.raises(ValidationError) as exc:
        annotation_create(
            revision=revision, start=3, end=999, label=_label(workspace), author_user=UserFactory()
        )
    assert "outside the text" in str(exc.value)


def test_label_of_another_workspace_is_refused(workspace, revision):
    other = WorkspaceFactory()
    codebooks_install_defaults(workspace=other)
    with pytest.raises(ValidationError):
        annotation_create(
            revision=revision, start=2, end=8, label=_label(other), author_user=UserFactory()
        )


def test_annotation_needs_exactly_one_author(workspace, revision):
    with pytest.raises(ValidationError):
        annotation_create(revision=revision, start=2, end=8, label=_label(workspace))


def test_decision_on_a_suggestion_is_kept_by_span_and_label_key(workspace, revision):
    model = ModelVersion.objects.create(name="builtin", engine_version="1", sha256="0" * 64)
    suggestion = annotation_create(
        revision=revision,
        start=2,
        end=15,
        label=_label(workspace),
        author_model=model,
        status=AnnotationStatus.SUGGESTED,
    )
    analyst = UserFactory()
    annotation_decide(annotation=suggestion, status=AnnotationStatus.REJECTED, user=analyst)
    decision = SpanDecision.objects.get(revision=revision)
    assert (decision.start, decision.end, decision.label_key, decision.status) == (
        2,
        15,
        "pejorative_label",
        "rejected",
    )
