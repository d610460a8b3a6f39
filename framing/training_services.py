"""Train a workspace's own engine model from its analysts' annotations, and score it.

Accepted spans (analysts' own and accepted suggestions, each span once across the coders'
and the curated layers) are the positives; the rest of every annotated text, rejected
suggestions included, is negative. The loaded-term tagger is adapted to them
(``engine.adaptation``: stacked on the built-in tagger, thresholds chosen by cross-validation
by document). Frame labels on spans become sentence examples for the frame models; the seed
data the built-in model learnt from is always included, so annotations refine rather than
replace it. Whether those retrained frame models or the packaged ones serve the workspace is
chosen by cross-validation on its article-labelled texts (``engine.frame_adaptation``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from accounts.audit import audit_record
from accounts.models import AuditAction, AuditObject, User, Workspace
from articles.models import TextRevision
from framing import engine
from framing.analysis_services import engine_threshold
from framing.engine.adaptation import WorkspaceDoc, adapt_tagger, learning_curve
from framing.engine.artifacts import default_model
from framing.engine.frame_adaptation import FrameDoc, FrameReport, choose_frames
from framing.engine.tagger import default_tagger
from framing.engine.text import split_sentences
from framing.engine.training import train_engine_model, train_frame_models
from framing.frame_services import FRAME_CODEBOOKS
from framing.gold import GoldDoc, evaluate_gold, read_gold
from framing.models import Annotation, AnnotationStatus, ArticleFrame, LabelKind, ModelVersion
from framing.operating_points import engine_operating_points

HELDOUT_GOLD = Path(__file__).parent / "eval" / "heldout.jsonl"
MIN_ANNOTATED_TEXTS = 3


@dataclass(frozen=True, slots=True)
class TrainingData:
    """What a workspace's annotations teach: every annotated text, each span once."""

    tagger_docs: list[WorkspaceDoc]
    span_texts: list[str]
    span_gold: list[list[tuple[int, int, str]]]
    frames: dict[str, tuple[list, list, list, list, list]]  # sentences, labels, groups,
    # articles, weights
    frame_docs: list[FrameDoc]  # article-labelled texts: what the frame choice is scored on


def _decided_rows(workspace: Workspace):
    return (
        Annotation.objects.filter(
            revision__article__event__workspace=workspace,
            revision__article__staged=False,  # an import still being written is not data yet
            status__in=(AnnotationStatus.ACCEPTED, AnnotationStatus.REJECTED),
        )
        .select_related("label__codebook_version__codebook", "revision")
        .order_by("revision_id", "start", "-curated", "pk")
    )


def _annotated_revisions(workspace: Workspace) -> dict[int, list[Annotation]]:
    """revision id -> its accepted and rejected annotations (texts with at least one)."""
    by_revision: dict[int, list[Annotation]] = defaultdict(list)
    for annotation in _decided_rows(workspace):
        by_revision[annotation.revision_id].append(annotation)
    return by_revision


def unique_spans(annotations: list[Annotation]) -> list[tuple[int, int, str]]:
    """Accepted spans, each (start, end) counted once: the curated gold layer and every
    coder's layer often hold the same span, and the curated label wins (rows come curated
    first)."""
    seen: dict[tuple[int, int], str] = {}
    for a in annotations:
        if a.status == AnnotationStatus.ACCEPTED:
            seen.setdefault((a.start, a.end), a.label.key)
    return [(s, e, key) for (s, e), key in sorted(seen.items())]


def _article_frames(workspace: Workspace) -> dict[int, tuple[TextRevision, dict[str, set]]]:
    """revision id -> (revision, {engine codebook: accepted frame keys}) for every text with
    an article-level frame decision (a rejection alone still says "not this frame")."""
    rows = ArticleFrame.objects.filter(
        revision__article__event__workspace=workspace, revision__article__staged=False
    ).select_related("label__codebook_version__codebook", "revision")
    out: dict[int, tuple[TextRevision, dict[str, set]]] = {}
    for f in rows:
        book = FRAME_CODEBOOKS.get(f.label.codebook_version.codebook.key)
        if book:
            _, books = out.setdefault(f.revision_id, (f.revision, {}))
            keys = books.setdefault(book, set())
            if f.status == AnnotationStatus.ACCEPTED:
                keys.add(f.label.key)
    return out


def _frame_examples(
    revision: TextRevision, annotations: list[Annotation], article: dict[str, set]
) -> dict:
    """Per engine codebook: (sentences, label sets, groups, articles, weights) of one text.
    With an article-level decision every sentence is kept and the text is an article-layer
    example; otherwise only the sentences a frame span touches. When the analyst labelled
    the article but none of its sentences, each sentence inherits the article's frames as
    weak positives (weight 1/sentences: the frame is in at least one of them) — never as
    "no frame", which would teach the sentence models to miss exactly these frames."""
    bounds = split_sentences(revision.text)
    examples: dict[str, tuple[list, list, list, list, list]] = {}
    for book in {*article, *_books(annotations)}:
        sents, labels = [], []
        for start, end in bounds:
            found = {
                a.label.key  # a set: two layers' same frame counts once
                for a in annotations
                if FRAME_CODEBOOKS.get(a.label.codebook_version.codebook.key) == book
                and a.status == AnnotationStatus.ACCEPTED
                and a.start < end
                and start < a.end
            }
            if found or book in article:
                sents.append(revision.text[start:end])
                labels.append(found)
        weights = [1.0] * len(sents)
        if book in article and sents and not any(labels):
            labels = [set(article[book]) for _ in sents]
            weights = [1.0 / len(sents)] * len(sents)
        articles = [(list(range(len(sents))), article[book])] if book in article else []
        group = f"article-{revision.article_id}"
        examples[book] = (sents, labels, [group] * len(sents), articles, weights)
    return examples


def _books(annotations: list[Annotation]) -> set[str]:
    keys = {a.label.codebook_version.codebook.key for a in annotations}
    return {FRAME_CODEBOOKS[k] for k in keys if k in FRAME_CODEBOOKS}


def _add_frames(frames: dict, found: dict) -> None:
    for book, (sents, labels, groups, articles, weights) in found.items():
        all_s, all_l, all_g, all_a, all_w = frames.setdefault(book, ([], [], [], [], []))
        n = len(all_s)
        all_s.extend(sents)
        all_l.extend(labels)
        all_g.extend(groups)
        all_a.extend(([n + i for i in idx], keys) for idx, keys in articles)
        all_w.extend(weights)


def training_data(*, workspace: Workspace) -> TrainingData:
    """Every annotated text of the workspace. A text whose loaded terms an analyst decided
    on (accepted, rejected or added) is a tagger document: its untagged text and rejected
    suggestions are negatives. Nothing is withheld: scores come from cross-validation."""
    docs, texts, gold = [], [], []
    frames: dict[str, tuple[list, list, list, list, list]] = {}
    article_frames = _article_frames(workspace)
    annotated = _annotated_revisions(workspace)
    for revision_id, (revision, books) in article_frames.items():
        if revision_id not in annotated:
            _add_frames(frames, _frame_examples(revision, [], books))
    for decided in annotated.values():
        revision = decided[0].revision
        terms = [a for a in decided if a.label.kind == LabelKind.LOADED_TERM]
        if terms:
            spans = unique_spans(terms)
            rejected = tuple(
                (a.start, a.end) for a in terms if a.status == AnnotationStatus.REJECTED
            )
            key = f"article-{revision.article_id}"
            docs.append(WorkspaceDoc(revision.text, tuple(spans), rejected, key))
            if spans:
                texts.append(revision.text)
                gold.append(spans)
        books = article_frames.get(revision.pk, (None, {}))[1]
        _add_frames(frames, _frame_examples(revision, decided, books))
    frame_docs = [
        FrameDoc(
            f"article-{revision.article_id}",  # the group of its sentences in ``frames``
            revision.text,
            {book: frozenset(keys) for book, keys in books.items()},
        )
        for revision, books in article_frames.values()
    ]
    return TrainingData(docs, texts, gold, frames, frame_docs)


def model_metrics(model: engine.EngineModel | None, test_docs: list[GoldDoc]) -> dict:
    """Scores on our held-out gold set (plus on ``test_docs`` when given)."""
    # Measured at the default (balanced) operating point; the tagger's own figures for
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
    tag of any label or an article-level frame decision: what "annotated texts" means in
    the training messages (article frames alone train the frame models)."""
    scope = {"revision__article__event__workspace": workspace, "revision__article__staged": False}
    tagged = Annotation.objects.filter(**scope, status=AnnotationStatus.ACCEPTED)
    framed = ArticleFrame.objects.filter(**scope)
    return len(
        {*tagged.values_list("revision_id", flat=True).distinct()}
        | {*framed.values_list("revision_id", flat=True).distinct()}
    )


def _check_enough(workspace: Workspace) -> None:
    count = annotated_text_count(workspace=workspace)
    if count < MIN_ANNOTATED_TEXTS:
        raise ValidationError(
            f"Training needs at least {MIN_ANNOTATED_TEXTS} annotated texts; this workspace "
            f"has {count}. A text counts when it has at least one accepted tag (your own or "
            "an accepted suggestion) or an article frame decision, in any event of the "
            "workspace."
        )


def training_check(*, workspace: Workspace) -> None:
    """Raise ValidationError, saying what is missing, if the workspace cannot train yet."""
    _check_enough(workspace)


def model_train(
    *, workspace: Workspace, user: User | None, name: str = "", from_scratch: bool = False
) -> ModelVersion:
    """Train, cross-validate and store a new model version for the workspace.

    Reading, training and scoring take minutes and hold no transaction, so other users keep
    writing; one row is written at the end, and the model file is removed again if that row
    cannot be saved. The built-in tagger is adapted, never replaced, unless ``from_scratch``.
    """
    _check_enough(workspace)
    data = training_data(workspace=workspace)
    tagger, report = _adapted_tagger(data.tagger_docs, from_scratch)
    frames, frame_report = _chosen_frames(data)
    model = train_engine_model(
        span_texts=data.span_texts,
        span_gold=data.span_gold,
        frame_examples=data.frames,
        tagger=tagger,
        reuse_builtin_frames=True,
        frames=frames,
    )
    metrics = model_metrics(model, [])
    if report is not None:
        metrics["workspace_cv"] = report.to_dict()
        metrics["workspace_cv"]["curve"] = _curve(data.tagger_docs, report)
    if frame_report is not None and frame_report.documents:
        metrics["frames_cv"] = frame_report.to_dict()
    version = ModelVersion(
        workspace=workspace,
        name=name or f"{workspace.name} model",
        engine_version=engine.ENGINE_VERSION,
        sha256=model.sha256,
        metrics=metrics,
        training_summary={
            "tagger_documents": len(data.tagger_docs),
            "span_texts": len(data.span_texts),
            "span_gold": sum(len(g) for g in data.span_gold),
            "rejected": sum(len(d.rejected) for d in data.tagger_docs),
            "frame_sentences": {k: len(v[0]) for k, v in data.frames.items()},
            "frame_articles": {k: len(v[3]) for k, v in data.frames.items()},
            "tagger": report.chosen if report else "built-in",
            "frames": frame_report.chosen if frame_report else "shipped",
            "from_scratch": from_scratch,
        },
        created_by=user,
    )
    _store(version, engine.save_model(model), model.sha256)
    audit_record(
        workspace=workspace,
        actor=user,
        action=AuditAction.CREATED,
        object_type=AuditObject.MODEL_VERSION,
        object_id=version.pk,
        label=version.name,
        detail=f"trained on {len(data.tagger_docs)} annotated texts",
    )
    return version


def _adapted_tagger(docs: list[WorkspaceDoc], from_scratch: bool):
    base = default_tagger()
    if base is None or not any(d.spans for d in docs):
        return None, None  # frames only, or no packaged tagger: keep the built-in tagger
    return adapt_tagger(base, docs, from_scratch=from_scratch)


def _chosen_frames(data: TrainingData) -> tuple[dict | None, FrameReport | None]:
    """The frame models for the workspace: the packaged ones unless retraining with the
    analysts' frame labels does better on their article-labelled texts, out of fold (article
    labels that follow no convention made the frame model much worse, bench/README.md)."""
    if not data.frames:
        return None, None  # no frame labels: the packaged frame models, as before
    return choose_frames(default_model().frames, data.frames, data.frame_docs, train_frame_models)


def _curve(docs: list[WorkspaceDoc], report) -> list[dict]:
    """The learning curve the Models page shows: a quarter, half and all of the texts."""
    base = default_tagger()
    full = {
        "documents": report.documents,
        "model": report.scores[report.chosen]["partial"]["f1"],
        "builtin": report.scores.get("shipped", {}).get("partial", {}).get("f1", 0.0),
    }
    if report.chosen == "scratch" or base is None:
        return [full]
    return [*learning_curve(base, docs), full]


def _store(version: ModelVersion, data: bytes, sha256: str) -> None:
    version.artifact.save(f"{sha256}.bin", ContentFile(data), save=False)
    try:
        version.full_clean()
        version.save()
    except BaseException:
        version.artifact.delete(save=False)
        raise
