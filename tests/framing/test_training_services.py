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


def test_training_data_splits_documents_into_train_and_test(annotated):
    texts, gold, _, test_docs = training_data(workspace=annotated)
    assert len(texts) + len(test_docs) == TAGGED  # the texts with accepted loaded-term spans
    assert all(g for g in gold)


def test_rejected_suggestions_are_not_training_positives(annotated):
    Annotation.objects.update(status=AnnotationStatus.REJECTED)
    texts, _, _, test_docs = training_data(workspace=annotated)
    assert texts == [] and test_docs == []


def test_trained_model_is_stored_by_hash_used_for_analysis_and_audited(annotated):
    from accounts.models import AuditEntry

    trainer = UserFactory()
    version = model_train(workspace=annotated, user=trainer)
    entry = AuditEntry.objects.get(workspace=annotated, object_type="model_version")
    assert (entry.actor, entry.action, entry.object_id) == (trainer, "created", version.pk)
    assert version.artifact.name.endswith(f"{version.sha256}.bin")
    assert version.metrics["exact"]["micro"]["n_gold"] > 0
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


def test_exactly_three_annotated_texts_are_enough_and_all_are_trained_on(workspace, monkeypatch):
    from framing import training_services

    _tag_texts(workspace, 3)
    # Make one of the three fall in the one-in-five test split, as it did for the user.
    first = Annotation.objects.order_by("revision_id").first().revision_id
    monkeypatch.setattr(training_services, "_is_test_doc", lambda pk: pk == first)
    training_check(workspace=workspace)  # raises if 3 looked like 2
    texts, _, _, test_docs = training_data(workspace=workspace)
    assert len(texts) == 3 and test_docs == []


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

    def watched(**kwargs):
        depth["training"] = len(connection.atomic_blocks)
        return train(**kwargs)

    monkeypatch.setattr(training_services, "train_engine_model", watched)
    depth["caller"] = len(connection.atomic_blocks)  # the test's own transaction
    model_train(workspace=annotated, user=None)
    assert depth["training"] == depth["caller"]
