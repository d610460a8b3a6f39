import pytest

from framing.analysis_services import analysis_run, engine_model_for
from framing.models import Annotation, AnnotationStatus, Label
from framing.services import annotation_create, codebooks_install_defaults
from framing.training_services import model_train, training_check, training_data
from tests.factories import EventFactory, UserFactory, make_article

pytestmark = pytest.mark.django_db

PLACES = ["Sunday", "Monday", "the capital", "the border", "the coast"]
TEXTS = [
    *(f"Officials denounced the sham referendum staged by the junta on {p}." for p in PLACES),
    *(
        f"Observers in {p} said the sham vote was a farce orchestrated by the junta."
        for p in PLACES
    ),
    "The ministry hailed the heroic defenders of the motherland at the parade.",
    "Crowds cheered the heroic sailors as the flotilla returned to port.",
]
# Ten texts carry tags; whichever fall in the one-in-five test split (by id, which varies
# between databases), enough remain to train on.
TAGGED = 10


@pytest.fixture
def annotated(workspace):
    codebooks_install_defaults(workspace=workspace)
    event = EventFactory(workspace=workspace)
    user = UserFactory()
    label = Label.objects.get(
        codebook_version__codebook__workspace=workspace, key="pejorative_label"
    )
    for text in TEXTS:
        revision = make_article(event=event, text=text).current_revision
        for word in ("sham referendum", "sham vote", "junta", "farce"):
            if word in text:
                start = text.index(word)
                annotation_create(
                    revision=revision,
                    start=start,
                    end=start + len(word),
                    label=label,
                    author_user=user,
                )
    return workspace


def test_training_data_uses_every_annotated_text_and_withholds_none(annotated):
    data = training_data(workspace=annotated)
    assert len(data.tagger_docs) == len(data.span_texts) == TAGGED
    assert all(d.spans for d in data.tagger_docs)


def test_rejected_suggestions_are_negatives_not_positives(annotated):
    Annotation.objects.update(status=AnnotationStatus.REJECTED)
    data = training_data(workspace=annotated)
    assert data.span_texts == []
    assert len(data.tagger_docs) == TAGGED  # still documents: everything in them is negative
    assert all(d.rejected and not d.spans for d in data.tagger_docs)


def test_a_span_in_the_curated_and_a_coders_layer_counts_once(annotated):
    one = Annotation.objects.order_by("pk").first()
    annotation_create(
        revision=one.revision,
        start=one.start,
        end=one.end,
        label=one.label,
        author_user=UserFactory(),
    )
    Annotation.objects.filter(pk=one.pk).update(curated=True)
    doc = next(
        d for d in training_data(workspace=annotated).tagger_docs if d.text == one.revision.text
    )
    assert [s[:2] for s in doc.spans].count((one.start, one.end)) == 1


def test_trained_model_is_stored_by_hash_used_for_analysis_and_audited(annotated):
    from accounts.models import AuditEntry

    trainer = UserFactory()
    version = model_train(workspace=annotated, user=trainer)
    entry = AuditEntry.objects.get(workspace=annotated, object_type="model_version")
    assert (entry.actor, entry.action, entry.object_id) == (trainer, "created", version.pk)
    assert version.artifact.name.endswith(f"{version.sha256}.bin")
    assert version.metrics["exact"]["micro"]["n_gold"] > 0
    assert version.metrics["workspace_cv"]["documents"] == TAGGED
    model = engine_model_for(version)
    assert model is not None and model.sha256 == version.sha256
    revision = Annotation.objects.first().revision
    run = analysis_run(revision=revision, model_version=version)
    assert run.analysis.model_version == version


def test_a_tampered_artifact_is_refused(annotated):
    from framing.analysis_services import ArtifactMismatch

    version = model_train(workspace=annotated, user=None)
    with version.artifact.open("wb") as fh:
        fh.write(b"not the model")
    with pytest.raises((ArtifactMismatch, ValueError)):
        engine_model_for(version)


def _tag_texts(workspace, count):
    codebooks_install_defaults(workspace=workspace)
    event = EventFactory(workspace=workspace)
    user = UserFactory()
    label = Label.objects.get(
        codebook_version__codebook__workspace=workspace, key="pejorative_label"
    )
    for text in TEXTS[:count]:
        revision = make_article(event=event, text=text).current_revision
        start = text.index("junta")
        annotation_create(
            revision=revision, start=start, end=start + 5, label=label, author_user=user
        )


def test_exactly_three_annotated_texts_are_enough_and_all_are_trained_on(workspace):
    _tag_texts(workspace, 3)
    training_check(workspace=workspace)  # raises if 3 looked like 2
    assert len(training_data(workspace=workspace).span_texts) == 3


def test_too_few_annotated_texts_says_how_many_were_counted(workspace):
    from django.core.exceptions import ValidationError

    _tag_texts(workspace, 2)
    with pytest.raises(ValidationError) as exc:
        training_check(workspace=workspace)
    assert "at least 3 annotated texts; this workspace has 2" in exc.value.messages[0]


def test_training_holds_no_transaction_while_it_trains(annotated, monkeypatch):
    # SQLite has one writer: a transaction open for minutes of training locks every user out
    from django.db import connection

    from framing import training_services

    depth = {}
    train = training_services.train_engine_model

    adapt = training_services.adapt_tagger

    def watched(**kwargs):
        depth["training"] = len(connection.atomic_blocks)
        return train(**kwargs)

    def watched_adapt(*args, **kwargs):
        depth["adapting"] = len(connection.atomic_blocks)
        return adapt(*args, **kwargs)

    monkeypatch.setattr(training_services, "train_engine_model", watched)
    monkeypatch.setattr(training_services, "adapt_tagger", watched_adapt)
    depth["caller"] = len(connection.atomic_blocks)  # the test's own transaction
    model_train(workspace=annotated, user=None)
    assert depth["training"] == depth["adapting"] == depth["caller"]


def test_framing_train_from_scratch_prints_the_cross_validated_score(annotated):
    from io import StringIO

    from django.core.management import call_command

    from framing.models import ModelVersion

    out = StringIO()
    call_command("framing_train", workspace=annotated.pk, from_scratch=True, stdout=out)
    version = ModelVersion.objects.get(workspace=annotated)
    assert version.training_summary["tagger"] == "scratch"
    assert f"Your {TAGGED} texts, " in out.getvalue() and "tagger: scratch" in out.getvalue()


def test_a_trained_model_stores_its_learning_curve(annotated):
    version = model_train(workspace=annotated, user=None)
    curve = version.metrics["workspace_cv"]["curve"]
    assert curve[-1]["documents"] == TAGGED
    assert [p["documents"] for p in curve] == sorted(p["documents"] for p in curve)


def test_a_trained_model_is_kept_and_read_through_the_storage_api(annotated, settings, tmp_path):
    """Workers on other hosts read model files from shared storage (e.g. S3 through
    django-storages): nothing may need a local path."""
    from django.core.files.storage import default_storage

    settings.MEDIA_ROOT = str(tmp_path)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    version = model_train(workspace=annotated, user=UserFactory())
    assert default_storage.exists(version.artifact.name)
    assert not any(tmp_path.iterdir())  # nothing written to the local media folder
    model = engine_model_for(version)
    assert model is not None and model.sha256 == version.sha256
