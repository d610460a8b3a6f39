from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerSplitView

from api.views import (
    analyses,
    annotations,
    articles,
    comparison,
    events,
    framing,
    imports,
    workspaces,
)

v1 = [
    path("workspaces/", workspaces.WorkspaceList.as_view()),
    path("workspaces/<int:pk>/", workspaces.workspace_detail),
    path("workspaces/<int:pk>/members/", workspaces.MemberList.as_view()),
    path("workspaces/<int:pk>/models/train/", framing.model_train),
    path("events/", events.EventList.as_view()),
    path("events/<int:pk>/", events.event_detail),
    path("events/<int:pk>/status/", events.event_status),
    path("events/<int:pk>/model/", events.event_model_activate),
    path("events/<int:pk>/model/preview/", events.event_model_preview),
    path("events/<int:pk>/operating-point/", events.event_operating_point),
    path("events/<int:pk>/outlets/", comparison.event_outlets),
    path("events/<int:pk>/alignment/", comparison.event_alignment),
    path("events/<int:pk>/imports/", imports.import_create),
    path("imports/<int:pk>/", imports.import_detail),
    path("imports/<int:pk>/items/", imports.ImportItems.as_view()),
    path("imports/<int:pk>/confirm/", imports.import_confirm),
    path("imports/<int:pk>/discard/", imports.import_discard),
    path("outlets/", articles.OutletList.as_view()),
    path("outlets/<int:pk>/", articles.outlet_detail),
    path("articles/", articles.ArticleList.as_view()),
    path("articles/<int:pk>/", articles.article_detail),
    path("articles/<int:pk>/revisions/", articles.RevisionList.as_view()),
    path("articles/<int:pk>/analysis/", analyses.article_analysis),
    path("revisions/<int:pk>/", articles.revision_detail),
    path("revisions/<int:pk>/annotations/", annotations.RevisionAnnotations.as_view()),
    path("annotations/<int:pk>/", annotations.AnnotationDetail.as_view()),
    path("annotations/<int:pk>/decide/", annotations.annotation_decide_view),
    path("terms/", analyses.TermList.as_view()),
    path("codebooks/", framing.CodebookList.as_view()),
    path("codebooks/<int:pk>/", framing.codebook_detail),
    path("labels/", framing.LabelList.as_view()),
    path("models/", framing.ModelList.as_view()),
]

urlpatterns = [
    path("schema/", SpectacularJSONAPIView.as_view(), name="api_schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api_schema"), name="api_docs"),
]
