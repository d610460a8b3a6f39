from django.urls import path, register_converter
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerSplitView

from api.views import (
    analyses,
    annotations,
    articles,
    comparison,
    events,
    exports,
    framing,
    imports,
    workspaces,
)


class IdConverter:
    """A positive id of at most 18 digits: it fits the database's 64-bit integers."""

    regex = "[1-9][0-9]{0,17}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(IdConverter, "id")

v1 = [
    path("workspaces/", workspaces.WorkspaceList.as_view()),
    path("workspaces/<id:pk>/", workspaces.workspace_detail),
    path("workspaces/<id:pk>/members/", workspaces.MemberList.as_view()),
    path("workspaces/<id:pk>/models/train/", framing.model_train),
    path("events/", events.EventList.as_view()),
    path("events/<id:pk>/", events.event_detail),
    path("events/<id:pk>/status/", events.event_status),
    path("events/<id:pk>/model/", events.event_model_activate),
    path("events/<id:pk>/model/preview/", events.event_model_preview),
    path("events/<id:pk>/operating-point/", events.event_operating_point),
    path("events/<id:pk>/outlets/", comparison.event_outlets),
    path("events/<id:pk>/alignment/", comparison.event_alignment),
    path("events/<id:pk>/imports/", imports.import_create),
    path("imports/<id:pk>/", imports.import_detail),
    path("imports/<id:pk>/items/", imports.ImportItems.as_view()),
    path("imports/<id:pk>/confirm/", imports.import_confirm),
    path("imports/<id:pk>/discard/", imports.import_discard),
    path("events/<id:pk>/exports/", exports.export_start),
    path("exports/<id:pk>/", exports.export_detail),
    path("exports/<id:pk>/download/", exports.export_download, name="export_download"),
    path("outlets/", articles.OutletList.as_view()),
    path("outlets/<id:pk>/", articles.outlet_detail),
    path("articles/", articles.ArticleList.as_view()),
    path("articles/<id:pk>/", articles.article_detail),
    path("articles/<id:pk>/revisions/", articles.RevisionList.as_view()),
    path("articles/<id:pk>/analysis/", analyses.article_analysis),
    path("revisions/<id:pk>/", articles.revision_detail),
    path("revisions/<id:pk>/annotations/", annotations.RevisionAnnotations.as_view()),
    path("annotations/<id:pk>/", annotations.AnnotationDetail.as_view()),
    path("annotations/<id:pk>/decide/", annotations.annotation_decide_view),
    path("terms/", analyses.TermList.as_view()),
    path("codebooks/", framing.CodebookList.as_view()),
    path("codebooks/<id:pk>/", framing.codebook_detail),
    path("codebooks/<id:pk>/labels/", framing.codebook_label_add),
    path("codebooks/<id:pk>/labels/<slug:key>/", framing.codebook_label_detail),
    path("labels/", framing.LabelList.as_view()),
    path("models/", framing.ModelList.as_view()),
]

urlpatterns = [
    path("schema/", SpectacularJSONAPIView.as_view(), name="api_schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api_schema"), name="api_docs"),
]
