from django.urls import path

from reports import views
from reports.views import exports as export_views
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
    path("events/<int:pk>/exports/", export_views.export_start, name="export_start"),
    path("exports/<int:pk>/", export_views.export_job, name="export_job"),
    path("exports/<int:pk>/state/", export_views.export_state, name="export_state"),
    path("exports/<int:pk>/download/", export_views.export_download, name="export_download"),
]
