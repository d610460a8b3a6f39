"""What the API reads and writes. Read serializers name fields explicitly (no ``__all__``):
a new model field is not published by accident."""

from __future__ import annotations

from rest_framework import serializers

from accounts.models import Membership, Workspace
from articles.models import (
    Article,
    Event,
    ImportItem,
    ImportJob,
    OperatingPoint,
    Outlet,
    OutletType,
    TextRevision,
)
from framing.models import Annotation, AnnotationStatus, Codebook, Label, ModelVersion


class WorkspaceSerializer(serializers.ModelSerializer):
    role = serializers.SerializerMethodField()

    class Meta:
        model = Workspace
        fields = ["id", "name", "description", "created_at", "role"]

    def get_role(self, workspace: Workspace) -> str:
        return self.context["roles"].get(workspace.pk, "")


class MemberSerializer(serializers.ModelSerializer):
    user = serializers.IntegerField(source="user_id")
    username = serializers.CharField(source="user.username")

    class Meta:
        model = Membership
        fields = ["user", "username", "role", "created_at"]


class EventSerializer(serializers.ModelSerializer):
    workspace = serializers.PrimaryKeyRelatedField(read_only=True)
    analysis_model = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)

    class Meta:
        model = Event
        fields = [
            "id", "workspace", "title", "description", "start_date", "end_date", "tags",
            "version", "created_at", "analysis_model", "operating_point",
        ]  # fmt: skip


class EventCreateSerializer(serializers.Serializer):
    workspace = serializers.IntegerField(min_value=1)
    title = serializers.CharField(max_length=250)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    start_date = serializers.DateField(required=False, allow_null=True, default=None)
    end_date = serializers.DateField(required=False, allow_null=True, default=None)
    tags = serializers.ListField(
        child=serializers.CharField(max_length=60), required=False, default=list, max_length=50
    )


class EventStatusSerializer(serializers.Serializer):
    articles = serializers.IntegerField()
    analysed = serializers.IntegerField()
    done = serializers.BooleanField()
    model_version = serializers.IntegerField(allow_null=True)


class OutletSerializer(serializers.ModelSerializer):
    workspace = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = Outlet
        fields = [
            "id", "workspace", "name", "domain", "homepage", "country", "language", "type",
            "type_source", "type_date", "notes", "version",
        ]  # fmt: skip


class ArticleSerializer(serializers.ModelSerializer):
    event = serializers.PrimaryKeyRelatedField(read_only=True)
    outlet = serializers.PrimaryKeyRelatedField(read_only=True)
    outlet_name = serializers.CharField(source="outlet.name", read_only=True)
    origin = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    republication_of = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    current_revision = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)

    class Meta:
        model = Article
        fields = [
            "id", "event", "outlet", "outlet_name", "origin", "republication_of", "title",
            "byline", "published_date", "published_at", "url", "language", "current_revision",
            "added_at", "source_format", "content_hash",
        ]  # fmt: skip


class ArticleCreateSerializer(serializers.Serializer):
    event = serializers.IntegerField(min_value=1)
    outlet = serializers.CharField(max_length=200, help_text="Outlet name; made when new.")
    title = serializers.CharField(max_length=500)
    text = serializers.CharField(max_length=2_000_000, trim_whitespace=False)
    origin = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    byline = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    published = serializers.DateField(required=False, allow_null=True, default=None)
    url = serializers.URLField(max_length=2000, required=False, allow_blank=True, default="")
    language = serializers.CharField(max_length=16, required=False, allow_blank=True, default="")


class RevisionSerializer(serializers.ModelSerializer):
    article = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    parent = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)

    class Meta:
        model = TextRevision
        fields = ["id", "article", "number", "sha256", "parent", "note", "created_at", "text"]


class RevisionListSerializer(RevisionSerializer):
    class Meta(RevisionSerializer.Meta):
        fields = [f for f in RevisionSerializer.Meta.fields if f != "text"]


class LabelSerializer(serializers.ModelSerializer):
    codebook = serializers.CharField(source="codebook_version.codebook.key", read_only=True)

    class Meta:
        model = Label
        fields = ["id", "key", "name", "kind", "colour", "description", "position", "codebook"]


class LabelWriteSerializer(serializers.Serializer):
    """A label to add (``key`` is made from the name when left out) or a label's new name,
    colour and description (its key, which engines and imports use, never changes)."""

    name = serializers.CharField(max_length=100)
    key = serializers.SlugField(max_length=50, required=False, default="")
    colour = serializers.RegexField(r"^#[0-9a-fA-F]{6}$", required=False, default="#777777")
    description = serializers.CharField(max_length=2000, required=False, default="",
                                        allow_blank=True)  # fmt: skip


class CodebookSerializer(serializers.ModelSerializer):
    workspace = serializers.PrimaryKeyRelatedField(read_only=True)
    version = serializers.IntegerField(read_only=True)
    labels = LabelSerializer(many=True, read_only=True)

    class Meta:
        model = Codebook
        fields = ["id", "workspace", "key", "name", "kind", "description", "version", "labels"]


class AnnotationSerializer(serializers.ModelSerializer):
    revision = serializers.PrimaryKeyRelatedField(read_only=True)
    label = serializers.CharField(source="label.key", read_only=True)
    label_id = serializers.IntegerField(read_only=True)
    author_user = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    author_model = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)

    class Meta:
        model = Annotation
        fields = [
            "id", "revision", "start", "end", "label", "label_id", "status", "score", "source",
            "voice", "speaker", "speaker_actor", "target_actor", "explanation", "author_user",
            "author_model", "note", "needs_review", "version", "created_at", "updated_at",
        ]  # fmt: skip


class AnnotationCreateSerializer(serializers.Serializer):
    start = serializers.IntegerField(min_value=0)
    end = serializers.IntegerField(min_value=1)
    label = serializers.IntegerField(min_value=1, help_text="A label id of the workspace.")
    note = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
    quote = serializers.CharField(
        required=False, allow_blank=True, default="", trim_whitespace=False,
        help_text="The text you mean to tag; checked against the stored text.",
    )  # fmt: skip


class DecisionSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=[AnnotationStatus.ACCEPTED.value, AnnotationStatus.REJECTED.value]
    )
    version = serializers.IntegerField(
        min_value=1, help_text="The version you read; 409 when someone decided since."
    )


class TermSerializer(serializers.Serializer):
    """A loaded term as the explorer lists it: the tag with its words and context."""

    id = serializers.IntegerField(source="pk")
    article = serializers.IntegerField()
    revision = serializers.IntegerField(source="revision_id")
    label = serializers.CharField(source="label__key")
    term = serializers.CharField(source="kwic_term")
    left = serializers.CharField(source="kwic_left")
    right = serializers.CharField(source="kwic_right")
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    voice = serializers.CharField()
    speaker = serializers.CharField()
    score = serializers.FloatField(allow_null=True)
    status = serializers.CharField()
    source = serializers.CharField()


class ModelVersionSerializer(serializers.ModelSerializer):
    workspace = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    builtin = serializers.SerializerMethodField()

    class Meta:
        model = ModelVersion
        fields = [
            "id", "workspace", "builtin", "name", "engine_version", "sha256", "metrics",
            "training_summary", "created_at",
        ]  # fmt: skip

    def get_builtin(self, model: ModelVersion) -> bool:
        return model.workspace_id is None


class ModelChoiceSerializer(serializers.Serializer):
    model_version = serializers.IntegerField(min_value=1)


class OperatingPointSerializer(serializers.Serializer):
    operating_point = serializers.ChoiceField(choices=OperatingPoint.values)


class ImportJobSerializer(serializers.ModelSerializer):
    event = serializers.PrimaryKeyRelatedField(read_only=True)
    counts = serializers.SerializerMethodField()
    stalled = serializers.BooleanField(read_only=True)
    done = serializers.BooleanField(read_only=True)

    class Meta:
        model = ImportJob
        fields = [
            "id", "event", "kind", "status", "created_at", "total", "progress", "error",
            "summary", "finished_at", "counts", "stalled", "done",
        ]  # fmt: skip

    def get_counts(self, job: ImportJob) -> dict[str, int]:
        return self.context["counts"]


class ImportItemSerializer(serializers.ModelSerializer):
    duplicate_of_article = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    article = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)

    class Meta:
        model = ImportItem
        fields = [
            "id", "position", "source_name", "location", "source_format", "kind", "decision",
            "title", "outlet", "origin", "published", "url", "byline", "language",
            "warnings", "duplicate_of_article", "similarity", "field", "message", "article",
        ]  # fmt: skip


class ImportUploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="JSONL, CSV/TSV (with a header row), or any format "
                                 "the import page reads.")  # fmt: skip
    default_outlet = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )


class ItemDecisionSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=["create", "skip", "republication"])
    title = serializers.CharField(max_length=500, required=False)
    outlet = serializers.CharField(max_length=200, required=False)
    origin = serializers.CharField(max_length=200, required=False, allow_blank=True)
    published = serializers.CharField(max_length=40, required=False, allow_blank=True)
    url = serializers.CharField(max_length=2000, required=False, allow_blank=True)
    byline = serializers.CharField(max_length=300, required=False, allow_blank=True)


class ImportConfirmSerializer(serializers.Serializer):
    decisions = serializers.DictField(
        child=ItemDecisionSerializer(), required=False, default=dict,
        help_text="Item id -> its decision and corrections; items left out keep the "
        "preview's choice.",
    )  # fmt: skip


OUTLET_TYPES = OutletType.values


class TagChangeSerializer(serializers.Serializer):
    article = serializers.IntegerField()
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    text = serializers.CharField()
    old = serializers.CharField(allow_null=True)
    new = serializers.CharField(allow_null=True)


class ModelDiffSerializer(serializers.Serializer):
    model_version = serializers.IntegerField()
    added = TagChangeSerializer(many=True)
    dropped = TagChangeSerializer(many=True)
    relabelled = TagChangeSerializer(many=True)
    unchanged = serializers.IntegerField()
    decided = serializers.IntegerField()


class LoadedTermSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    text = serializers.CharField()
    label = serializers.CharField()
    voice = serializers.CharField()
    speaker = serializers.CharField()
    score = serializers.FloatField(allow_null=True)
    status = serializers.CharField()
    source = serializers.CharField()
    version = serializers.IntegerField()


class QuoteSerializer(serializers.Serializer):
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    kind = serializers.CharField()
    speaker = serializers.CharField()
    speaker_actor = serializers.CharField()
    verb = serializers.CharField()
    chain = serializers.ListField(child=serializers.CharField())


class ActorSerializer(serializers.Serializer):
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    actor = serializers.CharField()
    name = serializers.CharField()
    kind = serializers.CharField()


class SentenceSerializer(serializers.Serializer):
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    tone = serializers.FloatField()
    frame = serializers.CharField(allow_null=True, help_text="Dominant policy frame, if clear.")


class RelaysSerializer(serializers.Serializer):
    path = serializers.ListField(child=serializers.CharField())
    origin = serializers.CharField()
    summary = serializers.CharField()


class AnalysisSerializer(serializers.Serializer):
    article = serializers.IntegerField()
    revision = serializers.IntegerField()
    model_version = serializers.IntegerField()
    operating_point = serializers.CharField()
    engine_version = serializers.CharField()
    language = serializers.CharField()
    tone = serializers.FloatField()
    frames = serializers.DictField(child=serializers.JSONField())
    actor_tone = serializers.DictField(child=serializers.JSONField())
    sentences = SentenceSerializer(many=True)
    loaded_terms = LoadedTermSerializer(many=True)
    quotes = QuoteSerializer(many=True)
    actors = ActorSerializer(many=True)
    relays = RelaysSerializer(allow_null=True)


class TermRateSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    per_1000 = serializers.FloatField()
    low = serializers.FloatField()
    high = serializers.FloatField()


class OutletRowSerializer(serializers.Serializer):
    outlet = serializers.IntegerField()
    name = serializers.CharField()
    type = serializers.CharField()
    articles = serializers.IntegerField()
    words = serializers.IntegerField()
    analysed = serializers.IntegerField()
    mean_tone = serializers.FloatField(allow_null=True)
    terms = serializers.DictField(child=TermRateSerializer())


class KeyNameSerializer(serializers.Serializer):
    key = serializers.CharField()
    name = serializers.CharField()


class OutletFiguresSerializer(serializers.Serializer):
    event = serializers.IntegerField()
    updating = serializers.BooleanField()
    labels = KeyNameSerializer(many=True)
    outlets = OutletRowSerializer(many=True)


class CellSerializer(serializers.Serializer):
    article = serializers.IntegerField(allow_null=True)
    sentence = serializers.IntegerField()
    text = serializers.CharField()
    state = serializers.CharField()
    similarity = serializers.FloatField()


class FactSerializer(serializers.Serializer):
    key = serializers.CharField()
    score = serializers.FloatField()
    confirmed = serializers.BooleanField()
    cells = serializers.ListField(child=CellSerializer(allow_null=True))


class WordingSerializer(serializers.Serializer):
    text = serializers.CharField()
    n = serializers.IntegerField()


class OutletWordingsSerializer(serializers.Serializer):
    outlet = serializers.CharField()
    wordings = WordingSerializer(many=True)


class CompetingLabelSerializer(serializers.Serializer):
    key = serializers.CharField()
    kind = serializers.CharField()
    neutral = serializers.CharField(allow_null=True, allow_blank=True)
    outlets = OutletWordingsSerializer(many=True)


class AlignmentSerializer(serializers.Serializer):
    articles = serializers.ListField(child=serializers.IntegerField())
    facts = FactSerializer(many=True)
    labels = CompetingLabelSerializer(many=True)


class TaskSerializer(serializers.Serializer):
    task = serializers.CharField(help_text="The background task's id.")


class ExportStartSerializer(serializers.Serializer):
    kind = serializers.CharField(max_length=40, help_text="An export format, e.g. csv_spans.")
    params = serializers.DictField(
        child=serializers.CharField(allow_blank=True), required=False, default=dict
    )


class ExportJobSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    label = serializers.CharField()
    status = serializers.CharField()
    progress = serializers.IntegerField()
    message = serializers.CharField(allow_blank=True)
    error = serializers.CharField(allow_blank=True)
    stalled = serializers.BooleanField()
    done = serializers.BooleanField()
    filename = serializers.CharField(allow_blank=True)
    size = serializers.IntegerField()
    created_at = serializers.DateTimeField()
    expires_at = serializers.DateTimeField(allow_null=True)
    download = serializers.CharField(allow_blank=True, help_text="API URL once the file is ready.")
