from django.contrib import admin

from articles.models import Article, Event, Outlet, SourceFile, TextRevision


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "workspace", "start_date", "end_date"]
    list_filter = ["workspace"]
    search_fields = ["title", "description"]
    date_hierarchy = "start_date"


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "workspace", "type", "country", "language", "domain"]
    list_filter = ["type", "workspace", "country"]
    search_fields = ["name", "domain", "notes"]


class RevisionInline(admin.TabularInline):
    model = TextRevision
    extra = 0
    fk_name = "article"
    fields = ["number", "sha256", "created_by", "created_at", "note"]
    readonly_fields = fields
    can_delete = False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "outlet", "event", "published_date", "language", "source_format"]
    list_filter = ["event__workspace", "outlet__type", "language", "source_format"]
    search_fields = ["title", "byline", "url", "outlet__name"]
    list_select_related = ["outlet", "event"]
    raw_id_fields = ["event", "outlet", "origin", "republication_of", "current_revision"]
    raw_id_fields += ["source_file"]
    inlines = [RevisionInline]


@admin.register(TextRevision)
class TextRevisionAdmin(admin.ModelAdmin):
    list_display = ["article", "number", "created_at", "created_by"]
    search_fields = ["article__title", "sha256"]
    raw_id_fields = ["article", "parent"]

    def has_change_permission(self, request, obj=None) -> bool:
        # Revisions are immutable: offsets elsewhere point into their text.
        return False


@admin.register(SourceFile)
class SourceFileAdmin(admin.ModelAdmin):
    list_display = ["original_name", "workspace", "size", "sha256", "created_at"]
    list_filter = ["workspace", "content_type"]
    search_fields = ["original_name", "url", "sha256"]
