from django.contrib import admin

from framing.models import (
    ActorMention,
    Analysis,
    Annotation,
    Assignment,
    Codebook,
    CodebookVersion,
    Label,
    ModelVersion,
    QuoteSpan,
    SpanDecision,
)


@admin.register(Codebook)
class CodebookAdmin(admin.ModelAdmin):
    list_display = ["name", "key", "kind", "workspace"]
    list_filter = ["kind", "workspace"]
    search_fields = ["name", "key"]


class LabelInline(admin.TabularInline):
    model = Label
    extra = 0


@admin.register(CodebookVersion)
class CodebookVersionAdmin(admin.ModelAdmin):
    list_display = ["codebook", "number", "created_at", "note"]
    list_filter = ["codebook__workspace"]
    inlines = [LabelInline]


@admin.register(Label)
class LabelAdmin(admin.ModelAdmin):
    list_display = ["name", "key", "kind", "colour", "codebook_version"]
    list_filter = ["kind", "codebook_version__codebook"]
    search_fields = ["name", "key", "description"]


@admin.register(ModelVersion)
class ModelVersionAdmin(admin.ModelAdmin):
    list_display = ["name", "workspace", "engine_version", "sha256", "created_at"]
    list_filter = ["workspace"]
    search_fields = ["name", "sha256"]


@admin.register(Annotation)
class AnnotationAdmin(admin.ModelAdmin):
    list_display = ["label", "revision", "start", "end", "status", "source", "voice", "author_user"]
    list_filter = ["status", "source", "voice", "needs_review", "label__kind"]
    search_fields = ["note", "speaker", "explanation", "revision__article__title"]
    raw_id_fields = ["revision", "label", "author_user", "author_model", "analysis"]
    raw_id_fields += ["reanchored_from"]
    list_select_related = ["label", "revision__article", "author_user"]


@admin.register(SpanDecision)
class SpanDecisionAdmin(admin.ModelAdmin):
    list_display = ["label_key", "revision", "start", "end", "status", "decided_by"]
    list_filter = ["status"]
    raw_id_fields = ["revision"]


@admin.register(Analysis)
class AnalysisAdmin(admin.ModelAdmin):
    list_display = ["revision", "model_version", "engine_version", "language", "created_at"]
    list_filter = ["engine_version", "language"]
    raw_id_fields = ["revision", "model_version"]
    exclude = ["sentences", "sentence_tone", "sentence_frames"]


@admin.register(QuoteSpan)
class QuoteSpanAdmin(admin.ModelAdmin):
    list_display = ["analysis", "kind", "speaker", "verb", "start", "end"]
    list_filter = ["kind"]
    search_fields = ["speaker", "speaker_actor"]
    raw_id_fields = ["analysis"]


@admin.register(ActorMention)
class ActorMentionAdmin(admin.ModelAdmin):
    list_display = ["name", "actor", "kind", "analysis", "start", "end"]
    list_filter = ["kind"]
    search_fields = ["name", "actor"]
    raw_id_fields = ["analysis"]


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["article", "annotator", "assigned_at", "done_at"]
    raw_id_fields = ["article", "annotator", "assigned_by"]
