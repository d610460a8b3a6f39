"""Codebooks, labels, annotations, model versions and stored analyses.

Spans are (start, end) code-point offsets into one TextRevision's text, end exclusive.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from accounts.models import Workspace
from articles.models import TextRevision


class LabelKind(models.TextChoices):
    LOADED_TERM = "loaded_term", "Loaded-term category"
    FRAME = "frame", "Frame"
    CUSTOM = "custom", "Custom"


class Codebook(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="codebooks")
    key = models.SlugField(max_length=60)
    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=20, choices=LabelKind.choices, default=LabelKind.CUSTOM)
    description = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["workspace", "name"]
        constraints = [
            models.UniqueConstraint(fields=["workspace", "key"], name="codebook_key_per_workspace")
        ]

    def __str__(self) -> str:
        return self.name


class CodebookVersion(models.Model):
    """A frozen set of labels. Editing a codebook makes a new version, so analyses and
    annotations made with an older one still say exactly which labels they used."""

    codebook = models.ForeignKey(Codebook, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["codebook", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["codebook", "number"], name="version_per_codebook")
        ]

    def __str__(self) -> str:
        return f"{self.codebook} v{self.number}"


class Label(models.Model):
    codebook_version = models.ForeignKey(
        CodebookVersion, on_delete=models.CASCADE, related_name="labels"
    )
    key = models.SlugField(max_length=60, help_text="Stable across versions; engines use it.")
    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=20, choices=LabelKind.choices)
    colour = models.CharField(
        max_length=7,
        default="#777777",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", "Use a colour like #1f77b4.")],
    )
    description = models.TextField(blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["codebook_version", "position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["codebook_version", "key"], name="label_key_per_version"
            )
        ]

    def __str__(self) -> str:
        return self.name


class ModelVersion(models.Model):
    """A trained engine model. The artifact is stored by us, named by its content hash."""

    workspace = models.ForeignKey(
        Workspace,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="model_versions",
        help_text="Empty for the built-in model shipped with Parallax.",
    )
    name = models.CharField(max_length=120)
    engine_version = models.CharField(max_length=40)
    sha256 = models.CharField(max_length=64, db_index=True)
    artifact = models.FileField(upload_to="models/", blank=True)
    metrics = models.JSONField(default=dict, blank=True)
    training_summary = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.sha256[:8]})"


class AnnotationStatus(models.TextChoices):
    SUGGESTED = "suggested", "Suggested"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"


class Annotation(models.Model):
    """A labelled span on one revision, by an analyst or by a model version."""

    revision = models.ForeignKey(TextRevision, on_delete=models.CASCADE, related_name="annotations")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    label = models.ForeignKey(Label, on_delete=models.PROTECT, related_name="annotations")
    author_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="annotations",
    )
    author_model = models.ForeignKey(
        ModelVersion, null=True, blank=True, on_delete=models.CASCADE, related_name="annotations"
    )
    analysis = models.ForeignKey(
        "Analysis", null=True, blank=True, on_delete=models.CASCADE, related_name="annotations"
    )
    status = models.CharField(
        max_length=12, choices=AnnotationStatus.choices, default=AnnotationStatus.SUGGESTED
    )
    note = models.TextField(blank=True)
    # What the engine says about a suggestion; empty for an analyst's own span.
    score = models.FloatField(null=True, blank=True)
    source = models.CharField(max_length=12, blank=True)
    voice = models.CharField(max_length=12, blank=True)
    speaker = models.CharField(max_length=200, blank=True)
    speaker_actor = models.CharField(max_length=80, blank=True)
    target_actor = models.CharField(max_length=80, blank=True)
    explanation = models.CharField(max_length=300, blank=True)
    # Set when the span was carried over from an older revision by diff: shown for review.
    reanchored_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="reanchored_to"
    )
    needs_review = models.BooleanField(default=False)
    # In the event's gold layer, chosen by curation from the annotators' layers.
    curated = models.BooleanField(default=False)
    # Bumped by every decision; the decide form sends the one it showed (see StaleEditError).
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["revision", "start", "end"]
        indexes = [
            models.Index(fields=["revision", "start"]),
            # Covers the summary's per-page change counters (reports.summary_store.NOTE_FIELDS):
            # counted from the index alone, not from 30,000 table rows per page.
            models.Index(
                fields=["revision", "status", "version", "label"], name="annotation_counters"
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="annotation_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.label} [{self.start}:{self.end}]"

    @property
    def text(self) -> str:
        return self.revision.text[self.start : self.end]


class SpanDecision(models.Model):
    """An analyst's accept/reject of a model suggestion, kept by (revision, start, end,
    label key) so that the next model version's identical suggestion inherits it."""

    revision = models.ForeignKey(TextRevision, on_delete=models.CASCADE, related_name="decisions")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    label_key = models.SlugField(max_length=60)
    status = models.CharField(max_length=12, choices=AnnotationStatus.choices)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["revision", "start", "end", "label_key"], name="one_decision_per_span"
            )
        ]

    def __str__(self) -> str:
        return f"{self.label_key} [{self.start}:{self.end}] {self.status}"


class ArticleFrame(models.Model):
    """An analyst's article-level frame decision: this frame is (accepted) or is not
    (rejected) in the article's label set. One decision per frame and text; the latest wins.
    Frame training reads the accepted and rejected sets as the article layer's labels."""

    revision = models.ForeignKey(
        TextRevision, on_delete=models.CASCADE, related_name="article_frames"
    )
    label = models.ForeignKey(Label, on_delete=models.PROTECT, related_name="article_frames")
    status = models.CharField(
        max_length=12,
        choices=[(AnnotationStatus.ACCEPTED, "Accepted"), (AnnotationStatus.REJECTED, "Rejected")],
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["revision", "label"], name="one_frame_decision")
        ]

    def __str__(self) -> str:
        return f"{self.label.key} {self.status} on revision {self.revision_id}"


class Analysis(models.Model):
    """The engine's output for one revision with one model and codebook; never overwritten.

    Loaded terms are Annotation rows; quotes and actor mentions are span rows below;
    sentence-level frame probabilities are one packed float32 array per codebook.
    """

    revision = models.ForeignKey(TextRevision, on_delete=models.CASCADE, related_name="analyses")
    model_version = models.ForeignKey(
        ModelVersion, on_delete=models.PROTECT, related_name="analyses"
    )
    engine_version = models.CharField(max_length=40)
    language = models.CharField(max_length=16, blank=True)
    tone = models.FloatField(default=0.0)
    frames = models.JSONField(default=dict, blank=True)
    actor_tone = models.JSONField(default=dict, blank=True)
    sentences = models.BinaryField(help_text="Packed int32 (start, end) pairs.")
    sentence_tone = models.BinaryField(help_text="Packed float32, one per sentence.")
    sentence_frames = models.BinaryField(help_text="Packed half-float arrays, see frame_keys.")
    tone_evidence = models.BinaryField(
        help_text="Packed records (sentence, start, end, valence) of the words behind tone."
    )
    frame_keys = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["revision", "model_version"], name="one_analysis_per_revision_and_model"
            )
        ]

    def __str__(self) -> str:
        return f"analysis of {self.revision} by {self.model_version}"


class QuoteSpan(models.Model):
    analysis = models.ForeignKey(Analysis, on_delete=models.CASCADE, related_name="quotes")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    kind = models.CharField(max_length=12)
    speaker = models.CharField(max_length=200, blank=True)
    speaker_start = models.PositiveIntegerField(null=True, blank=True)
    speaker_end = models.PositiveIntegerField(null=True, blank=True)
    speaker_actor = models.CharField(max_length=80, blank=True)
    verb = models.CharField(max_length=60, blank=True)
    chain = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["analysis", "start"]

    def __str__(self) -> str:
        return f"{self.kind} quote [{self.start}:{self.end}] by {self.speaker or '?'}"


class ActorMention(models.Model):
    analysis = models.ForeignKey(Analysis, on_delete=models.CASCADE, related_name="actors")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    actor = models.CharField(max_length=80, db_index=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20)

    class Meta:
        ordering = ["analysis", "start"]

    def __str__(self) -> str:
        return f"{self.name} [{self.start}:{self.end}]"


class Memo(models.Model):
    """An analyst's note on one span, one article or one event (exactly one of them)."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="memos")
    annotation = models.ForeignKey(
        Annotation, null=True, blank=True, on_delete=models.CASCADE, related_name="memos"
    )
    article = models.ForeignKey(
        "articles.Article", null=True, blank=True, on_delete=models.CASCADE, related_name="memos"
    )
    event = models.ForeignKey(
        "articles.Event", null=True, blank=True, on_delete=models.CASCADE, related_name="memos"
    )
    text = models.TextField(max_length=10_000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="memos"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(annotation__isnull=False, article__isnull=True, event__isnull=True)
                    | Q(annotation__isnull=True, article__isnull=False, event__isnull=True)
                    | Q(annotation__isnull=True, article__isnull=True, event__isnull=False)
                ),
                name="memo_has_one_target",
            )
        ]

    def __str__(self) -> str:
        return self.text[:60]


class Assignment(models.Model):
    """One article of an event given to one annotator to code, and whether they are done.

    The annotator's work itself is their layer (their own tags and decisions on the article's
    current text); the assignment only says who should code what and who says they finished,
    so agreement can be computed on the articles at least two annotators have finished.
    """

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="assignments"
    )
    annotator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assignments"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assigned_at = models.DateTimeField(default=timezone.now)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["article", "annotator"]
        constraints = [
            models.UniqueConstraint(fields=["article", "annotator"], name="one_assignment_each")
        ]
        # "My assignments": an annotator's open ones first.
        indexes = [models.Index(fields=["annotator", "done_at"], name="assignment_by_annotator")]

    def __str__(self) -> str:
        return f"article {self.article_id} → {self.annotator_id}"

    @property
    def is_done(self) -> bool:
        return self.done_at is not None
