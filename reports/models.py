"""Precomputed per-event summaries, analysts' corrections to sentence alignment, and the
background export jobs."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Event


class EventSummary(models.Model):
    """Everything the comparison pages aggregate over an event, computed once.

    ``fingerprint`` hashes what the payload was built from (articles, current revisions,
    outlets, republication links, analyses and annotation changes, model version, operating
    point); a page whose freshly computed fingerprint differs shows the stored payload as
    "updating…" and queues a refresh (``reports.tasks.refresh_summary``).
    """

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="summary")
    model_version = models.ForeignKey(
        "framing.ModelVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    fingerprint = models.CharField(max_length=64)
    payload = models.JSONField(default=dict)
    built_at = models.DateTimeField(default=timezone.now)
    # What the payload needs minus annotations and the operating point: when only those
    # moved, a refresh redoes the term rows of the articles whose annotations changed.
    base_fingerprint = models.CharField(max_length=64, blank=True)
    # Set when a page queues a refresh, cleared by the task: one queued refresh at a time.
    refresh_requested_at = models.DateTimeField(null=True, blank=True)
    # Distinctive vocabulary, computed by a task from texts only (annotations do not move it).
    vocabulary = models.JSONField(null=True, blank=True)
    vocabulary_fingerprint = models.CharField(max_length=64, blank=True)
    vocabulary_requested_at = models.DateTimeField(null=True, blank=True)
    # Set when an export found span CSV rows missing or stale (reports.span_export).
    span_csv_requested_at = models.DateTimeField(null=True, blank=True)
    # Rewritten (random) whenever the event's ArticleSummary rows are written, in the same
    # transaction: a process whose assembled rows carry this token reads no row tokens.
    rows_token = models.CharField(max_length=16, blank=True, default="")

    def __str__(self) -> str:
        return f"summary of {self.event}"


class ArticleSummary(models.Model):
    """One article's part of its event's summary: its row, its visible term rows, its quotes.

    A page reads these small rows (only the shown articles' on the compare page) instead of
    one event-wide JSON payload, and a process re-reads only the rows whose ``token`` moved.
    An annotation change redoes just its article's row, in the writing transaction
    (``reports.summary_store.annotations_changed``); ``notes`` are the counters of the
    revision's annotations the term rows were built from, so a change that bypassed that hook
    is found (and redone by the refresh task) without rebuilding the other articles.
    """

    article = models.OneToOneField(
        Article, primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="+")
    outlet = models.ForeignKey("articles.Outlet", on_delete=models.CASCADE, related_name="+")
    position = models.PositiveIntegerField(help_text="Order of the summary (publication).")
    revision_id = models.PositiveBigIntegerField(null=True, blank=True)
    counted = models.BooleanField(default=True, help_text="False for a republished copy.")
    words = models.PositiveIntegerField(default=0)
    row = models.JSONField(default=dict)
    terms = models.JSONField(default=list)
    quotes = models.JSONField(default=list)
    term_counts = models.JSONField(default=dict, help_text="Visible spans per label key.")
    notes = models.JSONField(default=dict)
    # A new random value on every write: a process compares tokens, not payloads.
    token = models.CharField(max_length=16)

    class Meta:
        indexes = [models.Index(fields=["event", "position"], name="articlesummary_order")]

    def __str__(self) -> str:
        return f"summary of article {self.article_id}"


class ArticleSpanCsv(models.Model):
    """One article's lines of the span CSV export, rendered in advance.

    An export of a whole event concatenates these (2,000 short texts) instead of cutting and
    writing 30,000 lines. ``stamp`` hashes everything the lines were rendered from (the
    article, its outlet and event, the score rule, its tags' counters); an export renders an
    article whose stamp no longer matches on the spot. Permalinks are stored without the
    site's address (``reports.span_export.BASE``), which the export puts in.
    """

    article = models.OneToOneField(
        Article, primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    stamp = models.CharField(max_length=32)
    text = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"span CSV of article {self.article_id}"


class OutletSummary(models.Model):
    """Per-outlet counters of an event's summary: what the outlet tables of the pages show.

    Kept in step with ``ArticleSummary`` rows by the same writes (a decision moves its
    outlet's ``term_counts`` by the article's difference).
    """

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="+")
    outlet = models.ForeignKey("articles.Outlet", on_delete=models.CASCADE, related_name="+")
    articles = models.PositiveIntegerField(default=0)
    words = models.PositiveBigIntegerField(default=0)
    counted_articles = models.PositiveIntegerField(default=0, help_text="Republications out.")
    counted_words = models.PositiveBigIntegerField(default=0)
    term_counts = models.JSONField(default=dict)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "outlet"], name="outletsummary_unique")
        ]

    def __str__(self) -> str:
        return f"outlet {self.outlet_id} of event {self.event_id}"


class CorrectionKind(models.TextChoices):
    LINK = "link", "Put sentence B in sentence A's row"
    UNLINK = "unlink", "Take sentence A out of its row"


class AlignmentCorrection(models.Model):
    """One analyst correction to the automatic sentence alignment, replayed in order.

    Merge is a series of links, split an unlink, move an unlink plus a link. Sentences are
    named by (article, revision, sentence index): a correction made on an older revision no
    longer applies and is ignored, never silently moved to other text.
    """

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=8, choices=CorrectionKind.choices)
    article_a = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    revision_a = models.PositiveIntegerField(help_text="TextRevision id.")
    sentence_a = models.PositiveIntegerField()
    article_b = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    revision_b = models.PositiveIntegerField(null=True, blank=True)
    sentence_b = models.PositiveIntegerField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.kind} a{self.article_a_id}s{self.sentence_a}"


class ActorCorrectionKind(models.TextChoices):
    MERGE = "merge", "Merge: the first actor is the second"
    SPLIT = "split", "Split: keep the actor apart"


class ActorCorrection(models.Model):
    """An analyst's correction to how an event's actor names are merged, replayed in order.

    The engine joins aliases and surnames ("Falk" with "Adrian Falk"); a merge joins two
    actor keys it kept apart, a split undoes any merge of ``actor`` (automatic or not).
    """

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=8, choices=ActorCorrectionKind.choices)
    actor = models.CharField(max_length=80)
    target = models.CharField(max_length=80, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.actor} {self.target}".strip()


class RevisionWords(models.Model):
    """How many words a text revision has: the denominator of every per-1,000-word rate.

    Revisions are immutable, so a count never goes stale; it is stored the first time a
    summary or the span explorer needs it instead of re-counting every text on each view.
    Kept here rather than on ``articles.TextRevision`` so the reports app owns its cache.
    """

    revision = models.OneToOneField(
        "articles.TextRevision", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    words = models.PositiveIntegerField()

    def __str__(self) -> str:
        return f"revision {self.revision_id}: {self.words} words"


class SavedReport(models.Model):
    """A report's configuration, saved so it can be regenerated with the same numbers.

    ``data_hash`` and ``model_version`` record what the report was built from when it was
    saved; a later build whose fingerprint differs warns that the data changed since.
    ``config`` is ``reports.report.config.ReportConfig.to_dict()``.
    """

    workspace = models.ForeignKey(
        "accounts.Workspace", on_delete=models.CASCADE, related_name="saved_reports"
    )
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="saved_reports")
    title = models.CharField(max_length=200)
    config = models.JSONField(default=dict)
    model_version = models.ForeignKey(
        "framing.ModelVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    data_hash = models.CharField(max_length=64)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-updated_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reports:saved_report", args=[self.pk])


class ReportFormat(models.TextChoices):
    HTML = "html", "HTML (one file, opens offline)"
    PDF = "pdf", "PDF"
    DOCX = "docx", "Word (DOCX)"


class ShareLink(models.Model):
    """A read-only link to one saved report for people without an account.

    The link shows the report and nothing else; it stops working when revoked or expired.
    Only a hash of the token is stored, so a database leak does not leak working links.
    """

    report = models.ForeignKey(SavedReport, on_delete=models.CASCADE, related_name="share_links")
    token_hash = models.CharField(max_length=64, unique=True)
    token_hint = models.CharField(max_length=8)  # the token's first characters, to tell links apart
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    views = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"share {self.token_hint}… of {self.report}"

    def is_active(self, now=None) -> bool:
        now = now or timezone.now()
        return self.revoked_at is None and self.expires_at > now


class ExportStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Preparing"
    SUCCEEDED = "succeeded", "Ready"
    FAILED = "failed", "Failed"
    EXPIRED = "expired", "Expired"


class ExportJob(models.Model):
    """One file made in the background (a data export, a report) and kept until it expires.

    ``kind`` names a generator in ``reports.exports.registry``; ``params`` is what it was asked
    for. The task framework reports no progress and does not notice a killed worker, so the
    job keeps its own ``progress`` (0–100) and ``heartbeat_at``; a running job whose heartbeat
    is stale shows as stalled. The finished file lives in the default storage (MEDIA_STORAGE)
    until ``expires_at``, then ``reports.exports.jobs.exports_cleanup`` deletes it.
    """

    workspace = models.ForeignKey(
        "accounts.Workspace", on_delete=models.CASCADE, related_name="export_jobs"
    )
    event = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.CASCADE, related_name="export_jobs"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=40)
    params = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        max_length=10, choices=ExportStatus.choices, default=ExportStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(default=0)
    message = models.CharField(max_length=200, blank=True)  # what the generator is doing now
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    file = models.FileField(upload_to="exports/", max_length=300, blank=True)
    filename = models.CharField(max_length=200, blank=True)  # the name the browser saves
    content_type = models.CharField(max_length=120, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="export_progress_pct"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} export {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("reports:export_job", args=[self.pk])
