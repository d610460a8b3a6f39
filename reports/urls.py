from django.urls import path

from reports import views
from reports.views import exports as export_views
from reports.views import report as report_views
from reports.views import sources as source_views
from reports.views import workspace as workspace_views

app_name = "reports"

urlpatterns = [
    path("events/<int:pk>/compare/", views.compare, name="compare"),
    path("events/<int:pk>/compare/charts/", views.charts, name="charts"),
    path("events/<int:pk>/compare/charts/<slug:key>.json", views.chart_data, name="chart_data"),
    path("events/<int:pk>/compare/spans/", views.spans, name="spans"),
    path("events/<int:pk>/compare/sentences/", views.sentences, name="sentences"),
]

urlpatterns += [
    path("events/<int:pk>/compare/aligned/", views.aligned, name="aligned"),
    path("events/<int:pk>/compare/aligned/correct/", views.aligned_correct, name="aligned_correct"),
    path("events/<int:pk>/compare/actors/correct/", views.actors_correct, name="actors_correct"),
    path("events/<int:pk>/compare/vocabulary/", views.vocabulary, name="vocabulary"),
]

urlpatterns += [
    path("w/<int:pk>/spans/", workspace_views.workspace_spans, name="workspace_spans"),
    path("outlets/<int:pk>/profile/", workspace_views.outlet_profile, name="outlet_profile"),
    path(
        "outlets/<int:pk>/profile/<slug:key>.json",
        workspace_views.outlet_profile_chart,
        name="outlet_profile_chart",
    ),
]

urlpatterns += [
    path("events/<int:pk>/compare/sources/", source_views.sources, name="sources"),
    path(
        "events/<int:pk>/compare/republication/",
        source_views.republication,
        name="republication",
    ),
]

urlpatterns += [
    path("events/<int:pk>/reports/", report_views.report_builder, name="report_builder"),
    path("events/<int:pk>/reports/preview/", report_views.report_preview, name="report_preview"),
    path("reports/<int:pk>/", report_views.saved_report, name="saved_report"),
    path("reports/<int:pk>/edit/", report_views.report_edit, name="report_edit"),
    path("reports/<int:pk>/generate/", report_views.report_generate, name="report_generate"),
    path("reports/<int:pk>/share/", report_views.share_create, name="share_create"),
    path("reports/links/<int:pk>/revoke/", report_views.share_revoke, name="share_revoke"),
    path("shared/<str:token>/", report_views.shared_report, name="shared_report"),
    path("events/<int:pk>/exports/", export_views.export_start, name="export_start"),
    path("exports/<int:pk>/", export_views.export_job, name="export_job"),
    path("exports/<int:pk>/state/", export_views.export_state, name="export_state"),
    path("exports/<int:pk>/download/", export_views.export_download, name="export_download"),
]
