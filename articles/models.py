from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from accounts.models import Workspace


class OperatingPoint(models.TextChoices):
    """Which model suggestions pages show: the score floor comes from the model's measured
    thresholds, so switching needs no re-analysis."""

    PRECISION = "precision", "Precision first"
    BALANCED = "balanced", "Balanced"
    RECALL = "recall", "Recall first"


class Event(models.Model):
    """Something that happened, covered by articles from several outlets."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="events")
    title = models.CharField(max_length=250)
    description = models.TextField(blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    tags = models.JSONField(default=list, blank=True)
    # Bumped by every edit; the edit form sends the one it showed, so a stale save is refused.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The model version whose analyses this event's pages show; switching is opt-in.
    analysis_model = models.ForeignKey(
        "framing.ModelVersion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    operating_point = models.CharField(
        max_length=10, choices=OperatingPoint.choices, default=OperatingPoint.BALANCED
    )

    class Meta:
        ordering = ["-start_date", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="event_dates_in_order",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("event_detail", args=[self.pk])


class OutletType(models.TextChoices):
    STATE_MEDIA = "state_media", "State media"
    STATE_AFFILIATED = "state_affiliated", "State-affiliated"
    PUBLIC_BROADCASTER = "public_broadcaster", "Public broadcaster"
    COMMERCIAL = "commercial", "Commercial"
    WIRE_AGENCY = "wire_agency", "Wire agency"
    GOVERNMENT = "government", "Government / official"
    NGO = "ngo", "NGO"
    OTHER = "other", "Other"


class Outlet(models.Model):
    """A publisher. Its type carries a citation so analysts can say why it is called so."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="outlets")
    name = models.CharField(max_length=200)
    domain = models.CharField(max_length=253, blank=True)
    homepage = models.URLField(blank=True)
    country = models.CharField(max_length=100, blank=True)
    language = models.CharField(max_length=16, blank=True)
    type = models.CharField(max_length=32, choices=OutletType.choices, default=OutletType.OTHER)
    type_source = models.CharField(
        "source of classification",
        max_length=500,
        blank=True,
        help_text="Where the type comes from: a register, a study, the outlet's own statement.",
    )
    type_date = models.DateField("classified on", null=True, blank=True)
    notes = models.TextField(blank=True)
    # Bumped by every edit; the edit form sends the one it showed, so a stale save is refused.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["workspace", "name"], name="outlet_name_per_workspace")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("outlet_detail", args=[self.pk])


class SourceFile(models.Model):
    """The original bytes an article came from (upload or fetched page), kept as evidence."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="source_files")
    file = models.FileField(upload_to="sources/%Y/%m/")
    original_name = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64, db_index=True)
    url = models.URLField(
        max_length=2000, blank=True, help_text="Requested URL, for fetched pages."
    )
    final_url = models.URLField(max_length=2000, blank=True)
    fetched_at = models.DateTimeField(null=True, blank=True)
    encoding = models.CharField(
        max_length=20,
        blank=True,
        help_text="How to decode the file, chosen by an analyst when it is not UTF-8.",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.original_name or self.url or f"source {self.pk}"


class ArticleManager(models.Manager):
    """Published articles only: rows an import is still writing stay invisible to every page."""

    def get_queryset(self) -> models.QuerySet:
        return super().get_queryset().filter(staged=False)


class Article(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="articles")
    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="articles")
    origin = models.ForeignKey(
        Outlet,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="relayed_articles",
        help_text="The outlet or agency whose content this article relays, if any.",
    )
    republication_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="republications",
        help_text="The article this one republishes (e.g. the same wire story).",
    )
    title = models.CharField(max_length=500)
    byline = models.CharField(max_length=300, blank=True)
    # Many sources give only a date; published_at is set only when a time is known.
    published_date = models.DateField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    url = models.URLField(max_length=2000, blank=True)
    language = models.CharField(max_length=16, blank=True)
    current_revision = models.ForeignKey(
        "TextRevision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Provenance: who added it, how, from what.
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now)
    source_format = models.CharField(max_length=20, blank=True)
    source_file = models.ForeignKey(
        SourceFile, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    source_location = models.CharField(
        max_length=200, blank=True, help_text="Row, line or zip entry within the source file."
    )
    content_hash = models.CharField(max_length=64, blank=True, db_index=True)
    # Bulk imports write in chunks with staged=True and publish them in one UPDATE, so a
    # half-written import is never visible and readers are never locked out for long.
    import_job = models.ForeignKey(
        "ImportJob", null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    staged = models.BooleanField(default=False, db_index=True)

    # `objects` is the default manager (related managers follow it): staged rows hidden.
    # Import code and cascades use `all_objects`.
    all_objects = models.Manager()
    objects = ArticleManager()

    class Meta:
        ordering = ["published_date", "published_at", "pk"]
        indexes = [models.Index(fields=["event", "outlet"])]
        default_manager_name = "objects"
        base_manager_name = "all_objects"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("article_detail", args=[self.pk])


class TextRevision(models.Model):
    """One immutable version of an article's text.

    Offsets everywhere (annotations, analyses) are code-point indices into `text`
    of exactly one revision, so a revision is never edited: an edit makes a new one.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    text = models.TextField()
    sha256 = models.CharField(max_length=64)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    note = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["article", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "number"], name="revision_number_per_article"
            )
        ]

    def __str__(self) -> str:
        return f"{self.article} r{self.number}"

    @property
    def word_count(self) -> int:
        return len(self.text.split())


class ImportStatus(models.TextChoices):
    READING = "reading", "Reading the files"
    PREVIEW = "preview", "Awaiting confirmation"
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Importing"
    SUCCEEDED = "succeeded", "Imported"
    FAILED = "failed", "Failed"
    DISCARDED = "discarded", "Discarded"


class ImportJob(models.Model):
    """One import into an event: its preview, then its progress, as the page polls it.

    The task framework neither reports progress nor notices a killed worker, so the job keeps
    its own heartbeat; a running job whose heartbeat is stale is shown as stalled.
    """

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="import_jobs")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="import_jobs")
    kind = models.CharField(max_length=12, default="upload")  # upload, url, command
    status = models.CharField(
        max_length=12, choices=ImportStatus.choices, default=ImportStatus.PREVIEW
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    source_files = models.ManyToManyField(SourceFile, blank=True, related_name="import_jobs")
    mapping = models.JSONField(null=True, blank=True)  # ColumnMapping.to_dict() used for CSV/TSV
    total = models.PositiveIntegerField(default=0)
    progress = models.PositiveIntegerField(default=0)
    # A restart bumps the attempt; a worker that finds a newer attempt stops writing.
    attempt = models.PositiveIntegerField(default=0)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    summary = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"import {self.pk} into {self.event}"

    def get_absolute_url(self) -> str:
        return reverse("import_job", args=[self.pk])


class ItemKind(models.TextChoices):
    NEW = "new", "New"
    DUPLICATE = "duplicate", "Exact duplicate"
    NEAR_DUPLICATE = "near", "Near-duplicate"
    REJECTED = "rejected", "Rejected"


class ItemDecision(models.TextChoices):
    CREATE = "create", "Import"
    SKIP = "skip", "Skip"
    REPUBLICATION = "republication", "Import as republication"


class ImportItem(models.Model):
    """One parsed record (or rejected one) of a previewed import, editable until confirmed."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()
    source_file = models.ForeignKey(
        SourceFile, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source_name = models.CharField(max_length=2000, blank=True)
    location = models.CharField(max_length=200, blank=True)
    source_format = models.CharField(max_length=20, blank=True)
    kind = models.CharField(max_length=12, choices=ItemKind.choices, default=ItemKind.NEW)
    decision = models.CharField(
        max_length=16, choices=ItemDecision.choices, default=ItemDecision.CREATE
    )
    title = models.CharField(max_length=500, blank=True)
    outlet = models.CharField(max_length=200, blank=True)
    origin = models.CharField(max_length=200, blank=True)
    published = models.CharField(max_length=40, blank=True)  # ISO date or aware datetime
    url = models.CharField(max_length=2000, blank=True)
    byline = models.CharField(max_length=300, blank=True)
    language = models.CharField(max_length=16, blank=True)
    text = models.TextField(blank=True)
    content_hash = models.CharField(max_length=64, blank=True)
    spans = models.JSONField(default=list, blank=True)
    warnings = models.JSONField(default=list, blank=True)
    extraction_ratio = models.FloatField(null=True, blank=True)
    duplicate_of_article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    duplicate_of_item = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    similarity = models.FloatField(null=True, blank=True)
    field = models.CharField(max_length=50, blank=True)  # rejections: which field
    message = models.TextField(blank=True)  # rejections: what is wrong
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["job", "position"]
        constraints = [
            models.UniqueConstraint(fields=["job", "position"], name="import_item_position")
        ]

    def __str__(self) -> str:
        return f"{self.source_name} {self.location}".strip()


class SavedColumnMapping(models.Model):
    """A CSV/TSV column mapping an analyst saved for reuse in the workspace."""

    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="column_mappings"
    )
    name = models.CharField(max_length=100)
    columns = models.JSONField(default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["workspace", "name"], name="column_mapping_name")
        ]

    def __str__(self) -> str:
        return self.name


class SavedLabelMapping(models.Model):
    """An imported file's span label and the workspace codebook label it stands for (their
    ``Loaded_Language`` is our ``hyperbole``); an empty target means: drop those spans."""

    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="label_mappings"
    )
    source = models.CharField(max_length=120)
    target_key = models.SlugField(max_length=60, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["source"]
        constraints = [
            models.UniqueConstraint(fields=["workspace", "source"], name="label_mapping_source")
        ]

    def __str__(self) -> str:
        return f"{self.source} → {self.target_key or '(dropped)'}"
