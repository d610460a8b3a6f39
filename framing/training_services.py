"""Train a workspace's own engine model from its analysts' annotations, and score it.

Accepted spans (analysts' own and accepted suggestions) are the positives; everything else
the engine proposes in the same texts, including rejected suggestions, counts as negative.
Frame labels on spans become sentence examples for the frame models. The seed data the
built-in model learnt from is always included, so a few annotations refine rather than
replace it.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from accounts.audit import audit_record
from accounts.models import AuditAction, AuditObject, User, Workspace
from articles.models import TextRevision
from framing import engine
from framing.analysis_services import engine_threshold
from framing.engine.artifacts import default_model
from framing.engine.text import split_sentences
from framing.engine.training import train_engine_model
from framing.gold import GoldDoc, evaluate_gold, read_gold
from framing.models import Annotation, AnnotationStatus, LabelKind, ModelVersion
from framing.operating_points import engine_operating_points

HELDOUT_GOLD = Path(__file__).parent / "eval" / "heldout.jsonl"
# Our codebook keys → the engine's frame model keys.
FRAME_CODEBOOKS = {"policy-frames": "policy", "generic-frames": "generic"}
MIN_ANNOTATED_TEXTS = 3
# Below this many annotated texts nothing is withheld for scoring: with three texts, a
# withheld one would leave two to learn from while the analyst counted three.
MIN_TEXTS_FOR_TEST_SPLIT = 10


def _is_test_doc(revision_id: int) -> bool:
    # A stable one-in-five split, so retraining scores against the same documents.
    return hashlib.sha256(str(revision_id).encode()).digest()[0] % 5 == 0


def _annotated_revisions(workspace: Workspace) -> dict[int, list[Annotation]]:
    rows = (
        Annotation.objects.filter(
            revision__article__event__workspace=workspace,
            revision__article__staged=False,  # an import still being written is not data yet
            status=AnnotationStatus.ACCEPTED,
        )
        .select_related("label__codebook_version__codebook", "revision")
        .order_by("revision_id", "start")
    )
    by_revision: dict[int, list[Annotation]] = defaultdict(list)
    for annotation in rows:
        by_revision[annotation.revision_id].append(annotation)
    return by_revision


def _frame_examples(revision: TextRevision, annotations: list[Annotation]) -> dict:
    examples: dict[str, tuple[list[str], list[set[str]]]] = {}
    for start, end in split_sentences(revision.text):
        for a in annotations:
            book = FRAME_CODEBOOKS.get(a.label.codebook_version.codebook.key)
            if book and a.start < end and start < a.end:
                sents, labels = examples.setdefault(book, ([], []))
                sents.append(revision.text[start:end])
                labels.append({a.label.key})
    return examples


def training_data(*, workspace: Workspace) -> tuple[list, list, dict, list[GoldDoc]]:
    """(span texts, span gold, frame examples, test documents) from the workspace."""
    texts, gold, test_docs = [], [], []
    frames: dict[str, tuple[list[str], list[set[str]]]] = {}
    annotated = _annotated_revisions(workspace)
    split = len(annotated) >= MIN_TEXTS_FOR_TEST_SPLIT
    for accepted in annotated.values():
        revision = accepted[0].revision
        spans = [
            (a.start, a.end, a.label.key) for a in accepted if a.label.kind == LabelKind.LOADED_TERM
        ]
        if split and _is_test_doc(revision.pk):
            test_docs.append(GoldDoc(text=revision.text, spans=spans, group=""))
            continue
        if spans:
            texts.append(revision.text)
            gold.append(spans)
        for book, (sents, labels) in _frame_examples(revision, accepted).items():
            frames.setdefault(book, ([], []))[0].extend(sents)
            frames[book][1].extend(labels)
    return texts, gold, frames, test_docs


def model_metrics(model: engine.EngineModel | None, test_docs: list[GoldDoc]) -> dict:
    """Scores on our held-out gold set, plus on the workspace's own test documents."""
    # Measured at the default (balanced) operating point; the tagger's own dev figures for
    # every point travel with the metrics for the Models page.
    threshold = engine_threshold(model, "balanced")

    def predict(text: str) -> list:
        return [t for t in engine.analyze(text, model=model).loaded_terms if t.score >= threshold]

    metrics = evaluate_gold(read_gold(HELDOUT_GOLD), predict)
    if test_docs:
        metrics["workspace"] = evaluate_gold(test_docs, predict)
    points = engine_operating_points(model or default_model())
    if points:
        metrics["operating_points"] = points
    return metrics


def annotated_text_count(*, workspace: Workspace) -> int:
    """Texts (article revisions, in any event of the workspace) with at least one accepted
    tag of any label: what "annotated texts" means in the training messages."""
    return len(_annotated_revisions(workspace))


def _check_enough(workspace: Workspace) -> None:
    count = annotated_text_count(workspace=workspace)
    if count < MIN_ANNOTATED_TEXTS:
        raise ValidationError(
            f"Training needs at least {MIN_ANNOTATED_TEXTS} annotated texts; this workspace "
            f"has {count}. A text counts when it has at least one accepted tag (your own or "
            "an accepted suggestion), in any event of the workspace."
        )


def training_check(*, workspace: Workspace) -> None:
    """Raise ValidationError, saying what is missing, if the workspace cannot train yet."""
    _check_enough(workspace)


def model_train(*, workspace: Workspace, user: User | None, name: str = "") -> ModelVersion:
    """Train, score and store a new model version for the workspace.

    Training and scoring take minutes and hold no transaction; one row is written at the end,
    and the model file is removed again if that row cannot be saved.
    """
    _check_enough(workspace)
    texts, gold, frames, test_docs = training_data(workspace=workspace)
    model = train_engine_model(span_texts=texts, span_gold=gold, frame_examples=frames)
    data = engine.save_model(model)
    version = ModelVersion(
        workspace=workspace,
        name=name or f"{workspace.name} model",
        engine_version=engine.ENGINE_VERSION,
        sha256=model.sha256,
        metrics=model_metrics(model, test_docs),
        training_summary={
            "span_texts": len(texts),
            "span_gold": sum(len(g) for g in gold),
            "frame_sentences": {k: len(v[0]) for k, v in frames.items()},
            "test_documents": len(test_docs),
        },
        created_by=user,
    )
    version.artifact.save(f"{model.sha256}.bin", ContentFile(data), save=False)
    try:
        version.full_clean()
        version.save()
    except BaseException:
        version.artifact.delete(save=False)
        raise
    audit_record(
        workspace=workspace,
        actor=user,
        action=AuditAction.CREATED,
        object_type=AuditObject.MODEL_VERSION,
        object_id=version.pk,
        label=version.name,
        detail=f"trained on {len(texts)} texts",
    )
    return version
