import numpy as np
import pytest

from framing.analysis_services import (
    analysis_run,
    builtin_model_version,
    event_analyse,
    event_model_diff,
    event_switch_model,
    unpack_frames,
    unpack_sentences,
    unpack_tone,
)
from framing.models import Analysis, Annotation, AnnotationStatus, ModelVersion, SpanDecision
from framing.services import codebooks_install_defaults
from tests.factories import EventFactory, make_article

pytestmark = pytest.mark.django_db

TEXT = (
    "The ministry said the drills were a reckless provocation by an aggressive bloc. "
    "“This Asian-version NATO threatens peace,” spokesman Li Wen told reporters on Monday. "
    "Officials of the partner states called their ironclad commitment a pillar of the "
    "rules-based order."
)


@pytest.fixture
def event(workspace):
    codebooks_install_defaults(workspace=workspace)
    return EventFactory(workspace=workspace)


@pytest.fixture
def revision(event):
    return make_article(event=event, text=TEXT).current_revision


def test_analysis_is_stored_once_per_revision_and_model(revision):
    first = analysis_run(revision=revision)
    second = analysis_run(revision=revision)
    assert first.created and not second.created
    assert first.analysis.pk == second.analysis.pk
    assert Analysis.objects.count() == 1


def test_loaded_terms_become_suggested_annotations_with_voice(revision):
    analysis_run(revision=revision)
    tags = list(Annotation.objects.filter(revision=revision))
    assert tags, "the engine found nothing in a text full of loaded terms"
    assert all(t.status == AnnotationStatus.SUGGESTED and t.author_model_id for t in tags)
    for tag in tags:
        assert 0 <= tag.start < tag.end <= len(revision.text)
        assert tag.voice in {"own", "quoted", "attributed"}


def test_packed_arrays_round_trip_to_one_row_per_sentence(revision):
    analysis = analysis_run(revision=revision).analysis
    analysis.refresh_from_db()
    sentences = unpack_sentences(analysis)
    assert len(sentences) >= 3
    assert len(unpack_tone(analysis)) == len(sentences)
    for name, matrix in unpack_frames(analysis).items():
        assert matrix.shape == (len(sentences), len(analysis.frame_keys[name]))
        assert np.all((matrix >= 0) & (matrix <= 1))


def test_article_frames_are_stored_with_the_models_label_set(revision):
    from framing.engine import analyze

    analysis = analysis_run(revision=revision).analysis
    analysis.refresh_from_db()
    fresh = analyze(revision.text).frames
    for name, frames in analysis.frames.items():
        chosen = {f["key"] for f in frames if f["in"]}
        assert chosen == {f.key for f in fresh[name] if f.selected}
        assert chosen, f"no {name} frame chosen"


def test_a_rejected_suggestion_stays_rejected_under_a_new_model(revision, workspace):
    analysis_run(revision=revision)
    tag = Annotation.objects.filter(revision=revision).first()
    SpanDecision.objects.create(
        revision=revision, start=tag.start, end=tag.end, label_key=tag.label.key, status="rejected"
    )
    other = ModelVersion.objects.create(
        workspace=None, name="same weights, new row", engine_version="x", sha256="f" * 64
    )
    # The built-in engine model stands in for a retrained one: same output, new version row.
    other.workspace_id = None
    analysis_run(revision=revision, model_version=other)
    again = Annotation.objects.get(
        revision=revision, analysis__model_version=other, start=tag.start, end=tag.end
    )
    assert again.status == AnnotationStatus.REJECTED


def test_event_analyse_adopts_the_builtin_model(event, revision):
    assert event_analyse(event=event) == 1
    event.refresh_from_db()
    assert event.analysis_model == builtin_model_version()


def test_switching_models_keeps_the_old_analyses(event, revision):
    event_analyse(event=event)
    other = ModelVersion.objects.create(name="other", engine_version="x", sha256="e" * 64)
    diff = event_model_diff(event=event, model_version=other)
    assert diff.unchanged >= 1 and not diff.added and not diff.dropped
    event_switch_model(event=event, model_version=other)
    event.refresh_from_db()
    assert event.analysis_model == other
    assert Analysis.objects.filter(revision=revision).count() == 2


def test_frame_probabilities_are_stored_as_half_floats_and_read_back_close(revision):
    from framing.engine import analyze

    analysis = analysis_run(revision=revision).analysis
    analysis.refresh_from_db()
    stored = unpack_frames(analysis)
    fresh = analyze(revision.text).sentence_frames
    for name, matrix in stored.items():
        assert matrix.dtype == np.float32
        assert np.allclose(matrix, fresh[name], atol=1e-3)
    cells = sum(m.size for m in stored.values())
    assert len(bytes(analysis.sentence_frames)) == 2 * cells


def test_analyses_stored_as_float32_still_unpack(revision):
    analysis = analysis_run(revision=revision).analysis
    analysis.refresh_from_db()
    half = unpack_frames(analysis)
    analysis.sentence_frames = b"".join(
        half[name].astype("<f4").tobytes() for name in sorted(analysis.frame_keys)
    )
    for name, matrix in unpack_frames(analysis).items():
        assert np.array_equal(matrix, half[name])


def test_model_diff_does_not_count_analysts_decisions_as_dropped(event, revision):
    """A candidate that suggests nothing drops the undecided suggestions only: accepted and
    rejected spans are the analysts' and stay as they are whichever model is shown."""
    from tests.framing.test_annotation_workflow import _empty_analysis

    event_analyse(event=event)
    suggestions = list(Annotation.objects.filter(revision=revision, author_model__isnull=False))
    assert len(suggestions) >= 3
    accepted, rejected, *undecided = suggestions
    Annotation.objects.filter(pk=accepted.pk).update(status=AnnotationStatus.ACCEPTED)
    Annotation.objects.filter(pk=rejected.pk).update(status=AnnotationStatus.REJECTED)
    silent = ModelVersion.objects.create(name="silent", engine_version="x", sha256="c" * 64)
    _empty_analysis(revision, silent)
    diff = event_model_diff(event=event, model_version=silent)
    assert sorted((c.start, c.end) for c in diff.dropped) == sorted(
        (a.start, a.end) for a in undecided
    )
    assert diff.decided == 2


def test_model_diff_compares_what_each_model_shows_at_the_operating_point(event, revision):
    event_analyse(event=event)
    scores = sorted(
        Annotation.objects.filter(revision=revision, author_model__isnull=False).values_list(
            "score", flat=True
        )
    )
    # The current model shows only its surest suggestions at "balanced" (those tied at the top
    # score); the candidate (same engine output, no thresholds) would show them all: the others
    # are additions.
    current = event.analysis_model
    current.metrics = {"operating_points": {"balanced": {"threshold": scores[-1]}}}
    current.save()
    other = ModelVersion.objects.create(name="other", engine_version="x", sha256="b" * 64)
    diff = event_model_diff(event=event, model_version=other)
    below = [s for s in scores if s < scores[-1]]
    assert below and len(diff.added) == len(below) and not diff.dropped
