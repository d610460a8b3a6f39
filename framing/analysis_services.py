"""Run the engine on stored text and keep what it found; pages never recompute it.

An Analysis row is (revision, model version) and is never overwritten. Loaded terms
become suggested Annotations (inheriting any earlier accept/reject by span and label),
quotes and actor mentions become span rows, and per-sentence numbers are packed arrays.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from accounts.audit import audit_record
from accounts.models import AuditAction, AuditObject, User
from articles.models import Article, Event, TextRevision
from framing import engine
from framing.engine.artifacts import default_model
from framing.fast_insert import insert_rows
from framing.model_checks import workspace_comparison
from framing.models import (
    ActorMention,
    Analysis,
    Annotation,
    AnnotationStatus,
    Codebook,
    Label,
    ModelVersion,
    QuoteSpan,
    SpanDecision,
)

LOADED_TERMS_CODEBOOK = "loaded-terms"
# Revisions analysed before one transaction stores them all (as a worker's batch does).
STORE_CHUNK = 50
EVIDENCE_DTYPE = np.dtype([("sentence", "<i4"), ("start", "<i4"), ("end", "<i4"), ("v", "<f4")])


def builtin_model_version() -> ModelVersion:
    """The ModelVersion row standing for the model shipped inside the engine, as this code
    runs it: new packaged weights *or new rules* make a new row. Analyses by an older row
    stay (reports cite them) but are no longer current; see ``event_upgrade_builtin``."""
    sha = default_model().sha256
    model = ModelVersion.objects.filter(
        workspace=None, sha256=sha, engine_version=engine.ENGINE_VERSION
    ).first()
    if model is None:
        model = ModelVersion.objects.create(
            workspace=None,
            sha256=sha,
            name="Built-in",
            engine_version=engine.ENGINE_VERSION,
            metrics=_builtin_metrics(sha),
        )
    return model


@cache
def _builtin_metrics(sha256: str) -> dict:
    # The same packaged model always scores the same; compute once per process.
    from framing.training_services import model_metrics

    return model_metrics(None, [])


class ArtifactMismatch(RuntimeError):
    """A stored model file no longer has the content hash it was saved with."""


def engine_model_for(model_version: ModelVersion) -> engine.EngineModel | None:
    """The engine model behind a version row: None (the packaged default) or our stored file."""
    if model_version.workspace_id is None or not model_version.artifact:
        return None
    with model_version.artifact.open("rb") as fh:
        model = engine.load_model(fh.read())
    if model.sha256 != model_version.sha256:
        raise ArtifactMismatch(f"Model file of {model_version} does not match its hash.")
    return model


def engine_threshold(model: engine.EngineModel | None, point: str = "balanced") -> float:
    """Score threshold of an operating point ("precision" / "balanced" / "recall") of the
    model's loaded-term tagger; 0 when the model has none (every stored term shows)."""
    spec = (model or default_model()).operating_points().get(point)
    return float(spec["threshold"]) if spec else 0.0


def _labels_by_key(workspace_id: int) -> dict[str, Label]:
    codebook = Codebook.objects.filter(workspace_id=workspace_id, key=LOADED_TERMS_CODEBOOK).first()
    if codebook is None:
        return {}
    version = codebook.versions.order_by("-number").first()
    return {label.key: label for label in version.labels.all()} if version else {}


# Probabilities need three digits at most; half floats halve the largest stored array.
FRAME_DTYPE = "<f2"


def pack_frames(result: engine.Analysis) -> tuple[bytes, dict[str, list[str]]]:
    """All codebooks' (sentences × frames) probability arrays, concatenated in key order."""
    keys = {name: list(result.frame_keys[name]) for name in sorted(result.sentence_frames)}
    blob = b"".join(
        np.ascontiguousarray(result.sentence_frames[name], dtype=FRAME_DTYPE).tobytes()
        for name in keys
    )
    return blob, keys


def unpack_frames(analysis: Analysis) -> dict[str, np.ndarray]:
    """codebook -> float32 (sentences × frames) array."""
    n = len(bytes(analysis.sentences)) // 8
    blob = bytes(analysis.sentence_frames)
    cells = n * sum(len(keys) for keys in analysis.frame_keys.values())
    # Analyses stored before half floats used float32; the blob's size tells which.
    dtype = "<f4" if cells and len(blob) == 4 * cells else FRAME_DTYPE
    flat = np.frombuffer(blob, dtype=dtype).astype(np.float32)
    out, offset = {}, 0
    # Packed in sorted codebook order; PostgreSQL's jsonb does not keep the dict's order.
    for name in sorted(analysis.frame_keys):
        keys = analysis.frame_keys[name]
        size = n * len(keys)
        out[name] = flat[offset : offset + size].reshape(n, len(keys))
        offset += size
    return out


def unpack_sentences(analysis: Analysis) -> np.ndarray:
    """(n, 2) int array of sentence (start, end)."""
    return np.frombuffer(bytes(analysis.sentences), dtype="<i4").reshape(-1, 2)


def unpack_tone(analysis: Analysis) -> np.ndarray:
    return np.frombuffer(bytes(analysis.sentence_tone), dtype="<f4")


def unpack_evidence(analysis: Analysis) -> np.ndarray:
    return np.frombuffer(bytes(analysis.tone_evidence), dtype=EVIDENCE_DTYPE)


def _evidence(result: engine.Analysis) -> bytes:
    rows = [
        (i, start, end, valence)
        for i, sentence in enumerate(result.sentences)
        for start, end, valence in sentence.tone_evidence
    ]
    return np.array(rows, dtype=EVIDENCE_DTYPE).tobytes()


@dataclass(frozen=True, slots=True)
class AnalysisRun:
    analysis: Analysis
    created: bool
    skipped_terms: int  # terms whose category the workspace's codebook no longer has


def analysis_run(
    *, revision: TextRevision, model_version: ModelVersion | None = None
) -> AnalysisRun:
    """Analyse one revision with one model version, once; return the stored analysis."""
    model_version = model_version or builtin_model_version()
    existing = Analysis.objects.filter(revision=revision, model_version=model_version).first()
    if existing is not None:
        return AnalysisRun(existing, created=False, skipped_terms=0)
    result = engine.analyze(revision.text, model=engine_model_for(model_version))
    try:
        return _store(revision=revision, model_version=model_version, result=result)
    except IntegrityError:
        # Another worker stored the same analysis first; theirs is as good as ours.
        existing = Analysis.objects.get(revision=revision, model_version=model_version)
        return AnalysisRun(existing, created=False, skipped_terms=0)


def _store(
    *, revision: TextRevision, model_version: ModelVersion, result: engine.Analysis
) -> AnalysisRun:
    stored = _store_many(model_version=model_version, results=[(revision, result)])
    return AnalysisRun(stored.analyses[0], created=True, skipped_terms=stored.skipped_terms)


@dataclass(frozen=True, slots=True)
class StoredBatch:
    analyses: list[Analysis]
    skipped_terms: int


def _analysis_row(
    revision: TextRevision, model_version: ModelVersion, result: engine.Analysis
) -> Analysis:
    frames_blob, frame_keys = pack_frames(result)
    return Analysis(
        revision=revision,
        model_version=model_version,
        engine_version=result.engine_version,
        language=result.language,
        tone=result.tone,
        frames={
            # "in": the frame is in the article's label set (the model's per-frame rule);
            # analyses stored before it have no "in" and read as not chosen.
            name: [
                {"key": f.key, "p": round(f.probability, 4), "cues": list(f.cues), "in": f.selected}
                for f in fs
            ]
            for name, fs in result.frames.items()
        },
        actor_tone={k: round(v, 4) for k, v in result.actor_tone.items()},
        sentences=np.array([(s.start, s.end) for s in result.sentences], dtype="<i4").tobytes(),
        sentence_tone=np.array([s.tone for s in result.sentences], dtype="<f4").tobytes(),
        sentence_frames=frames_blob,
        frame_keys=frame_keys,
        tone_evidence=_evidence(result),
    )


def _quote_rows(analysis: Analysis, result: engine.Analysis) -> list[QuoteSpan]:
    return [
        QuoteSpan(
            analysis=analysis,
            start=q.start,
            end=q.end,
            kind=q.kind,
            speaker=(q.speaker or "")[:200],
            speaker_start=q.speaker_start,
            speaker_end=q.speaker_end,
            speaker_actor=q.speaker_actor or "",
            verb=(q.verb or "")[:60],
            chain=list(q.chain),
        )
        for q in result.quotes
    ]


def _actor_rows(analysis: Analysis, result: engine.Analysis) -> list[ActorMention]:
    return [
        ActorMention(
            analysis=analysis, start=a.start, end=a.end, actor=a.actor, name=a.name, kind=a.kind
        )
        for a in result.actors
    ]


@transaction.atomic
def _store_many(
    *, model_version: ModelVersion, results: list[tuple[TextRevision, engine.Analysis]]
) -> StoredBatch:
    """Store finished analyses in one transaction with one INSERT per table, so a batch
    costs a handful of round trips rather than several per article. Raises IntegrityError
    (and stores nothing) if another worker stored one of them first."""
    analyses = Analysis.objects.bulk_create(
        [_analysis_row(revision, model_version, result) for revision, result in results]
    )
    terms, skipped = _term_rows(analyses=analyses, results=[r for _, r in results])
    insert_rows(Annotation, terms)
    insert_rows(
        QuoteSpan,
        [q for a, (_, r) in zip(analyses, results, strict=True) for q in _quote_rows(a, r)],
    )
    insert_rows(
        ActorMention,
        [m for a, (_, r) in zip(analyses, results, strict=True) for m in _actor_rows(a, r)],
    )
    return StoredBatch(analyses=analyses, skipped_terms=skipped)


def _term_rows(
    *, analyses: list[Analysis], results: list[engine.Analysis]
) -> tuple[list[Annotation], int]:
    """Suggested annotations for every loaded term, keeping analysts' earlier decisions on
    the same span and label; and how many terms the workspace's codebook has no label for."""
    revision_ids = [a.revision_id for a in analyses]
    decisions = {
        (d.revision_id, d.start, d.end, d.label_key): d.status
        for d in SpanDecision.objects.filter(revision_id__in=revision_ids)
    }
    labels: dict[int, dict[str, Label]] = {}
    rows, skipped = [], 0
    for analysis, result in zip(analyses, results, strict=True):
        revision = analysis.revision
        workspace_id = revision.article.event.workspace_id
        if workspace_id not in labels:
            labels[workspace_id] = _labels_by_key(workspace_id)
        for term in result.loaded_terms:
            label = labels[workspace_id].get(term.category)
            if label is None:
                skipped += 1
                continue
            key = (revision.pk, term.start, term.end, term.category)
            rows.append(
                Annotation(
                    revision=revision,
                    start=term.start,
                    end=term.end,
                    label=label,
                    author_model=analysis.model_version,
                    analysis=analysis,
                    status=decisions.get(key, AnnotationStatus.SUGGESTED),
                    score=round(term.score, 4),
                    source=term.source,
                    voice=term.voice,
                    speaker=(term.speaker or "")[:200],
                    speaker_actor=term.speaker_actor or "",
                    target_actor=term.target_actor or "",
                    explanation=term.explanation[:300],
                )
            )
    return rows, skipped


def event_analyse(*, event: Event, model_version: ModelVersion | None = None) -> int:
    """Analyse every article's current revision in the event; returns how many were new.

    An event with no model yet adopts the one used here.
    """
    model_version = model_version or event.analysis_model or builtin_model_version()
    created = event_analyse_with(event=event, model_version=model_version)
    if event.analysis_model_id is None:
        event.analysis_model = model_version
        event.save(update_fields=["analysis_model"])
    return created


@dataclass(frozen=True, slots=True)
class TagChange:
    article_id: int
    article_title: str
    start: int
    end: int
    text: str
    old_label: str | None
    new_label: str | None


@dataclass(frozen=True, slots=True)
class ModelDiff:
    added: list[TagChange]
    dropped: list[TagChange]
    relabelled: list[TagChange]
    unchanged: int
    # Analysts' decisions on the current model's suggestions: they stay whatever the model.
    decided: int = 0


def _tags_by_span(event: Event, model_version: ModelVersion) -> dict[tuple, list]:
    """(revision, start, end) -> every (label key, revision, article) the model suggests
    there and the event would show: undecided suggestions at or above the model's own score
    floor for the event's operating point. Decided spans and analysts' tags are not the
    model's to add or drop (the article page keeps showing accepted ones)."""
    from framing.operating_points import score_floor

    rows = Annotation.objects.filter(
        analysis__model_version=model_version,
        revision_id__in=event.articles.values("current_revision"),
        status=AnnotationStatus.SUGGESTED,
    )
    rows = rows.exclude(score__lt=score_floor(model_version.metrics, event.operating_point))
    rows = rows.select_related("label", "revision__article")
    spans: dict[tuple, list] = {}
    for a in rows:
        spans.setdefault((a.revision_id, a.start, a.end), []).append(
            (a.label.key, a.revision, a.revision.article)
        )
    return spans


def event_model_diff(*, event: Event, model_version: ModelVersion) -> ModelDiff:
    """What switching the event to `model_version` would change, span by span.

    Analyses with the new model are computed (and kept) but the event keeps showing its
    current model until `event_switch_model`.
    """
    current = event.analysis_model or builtin_model_version()
    event_analyse_with(event=event, model_version=current)
    event_analyse_with(event=event, model_version=model_version)
    old, new = _tags_by_span(event, current), _tags_by_span(event, model_version)

    def change(key: tuple, old_label: str | None, new_label: str | None) -> TagChange:
        _, revision, article = (new.get(key) or old[key])[0]
        return TagChange(
            article.pk, article.title, key[1], key[2], revision.text[key[1] : key[2]],
            old_label, new_label,
        )  # fmt: skip

    def labels(tags: list) -> set[str]:
        return {label for label, _, _ in tags}

    added = [change(k, None, lab) for k in new.keys() - old.keys() for lab in labels(new[k])]
    dropped = [change(k, lab, None) for k in old.keys() - new.keys() for lab in labels(old[k])]
    both = old.keys() & new.keys()
    relabelled = [
        change(k, ", ".join(sorted(labels(old[k]))), ", ".join(sorted(labels(new[k]))))
        for k in both
        if labels(old[k]) != labels(new[k])
    ]
    order = lambda c: (c.article_id, c.start)  # noqa: E731
    return ModelDiff(
        added=sorted(added, key=order),
        dropped=sorted(dropped, key=order),
        relabelled=sorted(relabelled, key=order),
        unchanged=len(both) - len(relabelled),
        decided=Annotation.objects.filter(
            analysis__model_version=current,
            revision_id__in=event.articles.values("current_revision"),
        )
        .exclude(status=AnnotationStatus.SUGGESTED)
        .count(),
    )


def event_analyse_with(*, event: Event, model_version: ModelVersion) -> int:
    """Analyse the event's current revisions with a model without switching the event."""
    ids = list(
        event.articles.filter(current_revision__isnull=False)
        .order_by("current_revision")
        .values_list("current_revision", flat=True)
    )
    # In chunks: each is analysed, then stored in one short transaction.
    chunks = (ids[start : start + STORE_CHUNK] for start in range(0, len(ids), STORE_CHUNK))
    return sum(revisions_analyse(revision_ids=c, model_version=model_version) for c in chunks)


def event_model_adopt(*, event: Event, model_version: ModelVersion | None = None) -> ModelVersion:
    """The model an event's analysis uses; an event with none yet adopts it (or the built-in)."""
    model_version = model_version or event.analysis_model or builtin_model_version()
    if event.analysis_model_id is None:
        event.analysis_model = model_version
        event.save(update_fields=["analysis_model"])
    return model_version


def event_upgrade_builtin(*, event: Event) -> bool:
    """Move an event shown by an older built-in model (earlier weights or engine rules) onto
    the current one; True when it moved. Events on a workspace model stay: that was an
    analyst's choice, made on that model's measured quality.

    Analyse first, then switch, so the pages keep showing the old analyses rather than a
    half-analysed event; then once more for articles added meanwhile (their analysis task
    still saw the old model)."""
    current = builtin_model_version()
    shown = event.analysis_model
    if shown is None or shown.workspace_id is not None or shown.pk == current.pk:
        return False
    event_analyse_with(event=event, model_version=current)
    event.analysis_model = current
    event.save(update_fields=["analysis_model"])
    event_analyse_with(event=event, model_version=current)
    return True


def event_revisions_unanalysed(*, event: Event, model_version: ModelVersion) -> list[int]:
    """Ids of the event's current revisions that this model has not analysed yet, in order."""
    return list(
        TextRevision.objects.filter(pk__in=event.articles.values("current_revision"))
        .exclude(analyses__model_version=model_version)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def events_fully_analysed(*, revision_ids: list[int]) -> set[int]:
    """Events of these revisions whose every current revision has an analysis by the model
    the event shows (one query per model, usually one)."""
    by_model: dict[int, set[int]] = {}
    rows = Event.objects.filter(articles__current_revision__in=revision_ids).values_list(
        "pk", "analysis_model_id"
    )
    for event_id, model_id in rows.distinct():
        by_model.setdefault(model_id or builtin_model_version().pk, set()).add(event_id)
    finished = set()
    for model_id, events in by_model.items():
        missing = (
            Article.objects.filter(event__in=events, current_revision__isnull=False)
            .exclude(current_revision__analyses__model_version=model_id)
            .values_list("event_id", flat=True)
        )
        finished |= events - set(missing.distinct())
    return finished


def revisions_analyse(*, revision_ids: list[int], model_version: ModelVersion) -> int:
    """Analyse these revisions (one batch of a split event); returns how many were new.

    The engine runs on every revision first, outside any transaction; then one short
    transaction stores the whole batch. Safe to run twice or side by side: revisions already
    analysed are skipped, and if another worker stored one of the same analyses meanwhile the
    batch is stored one by one instead (see ``analysis_run``). Revisions deleted since the
    batch was queued are simply absent.
    """
    revisions = list(
        TextRevision.objects.filter(pk__in=revision_ids)
        .exclude(analyses__model_version=model_version)
        .select_related("article__event")
        .order_by("pk")
    )
    if not revisions:
        return 0
    model = engine_model_for(model_version)  # read and checked once per batch, not per text
    results = [(r, engine.analyze(r.text, model=model)) for r in revisions]
    try:
        return len(_store_many(model_version=model_version, results=results).analyses)
    except IntegrityError:
        return sum(_store_or_skip(r, model_version, result) for r, result in results)


def _store_or_skip(
    revision: TextRevision, model_version: ModelVersion, result: engine.Analysis
) -> bool:
    """Store one analysis unless another worker already did; True when this one stored it."""
    try:
        _store(revision=revision, model_version=model_version, result=result)
    except IntegrityError:
        return False
    return True


def event_switch_model(
    *, event: Event, model_version: ModelVersion, user: User | None = None, force: bool = False
) -> Event:
    """Make the event's pages show `model_version`; older analyses stay for reports citing them.

    A workspace model that scored below the built-in one on the workspace's own documents
    (cross-validated when it was trained) is refused unless ``force``: the analyst may know
    better, but must say so."""
    if model_version.workspace_id not in (None, event.workspace_id):
        raise ValueError("That model belongs to another workspace.")
    comparison = workspace_comparison(model_version.metrics)
    if comparison is not None and comparison.worse and not force:
        raise ValidationError(
            f"{model_version} scored partial F1 {comparison.model.get('f1', 0):.2f} on this "
            f"workspace's {comparison.documents} annotated texts (cross-validated), below the "
            f"built-in model's {comparison.builtin.get('f1', 0):.2f} on the same texts. "
            "Switch anyway only if you know why."
        )
    event_analyse_with(event=event, model_version=model_version)
    event.analysis_model = model_version
    event.save(update_fields=["analysis_model"])
    audit_record(
        workspace=event.workspace_id,
        actor=user,
        action=AuditAction.CHANGED,
        object_type=AuditObject.MODEL_VERSION,
        object_id=model_version.pk,
        label=str(model_version),
        detail=f"now shown for the event “{event.title}”",
    )
    return event


def engine_warm_up() -> None:
    """Load the packaged model and every pipeline component once (a worker calls this
    before forking a process per task, so each task starts warm)."""
    engine.analyze("The minister said the talks would resume on Monday.")
