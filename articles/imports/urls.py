from django.urls import path

from . import views

urlpatterns = [
    path("events/<int:pk>/import/", views.import_start, name="import_start"),
    path("events/<int:pk>/import/url/", views.import_url, name="import_url"),
    path("imports/<int:pk>/", views.import_job, name="import_job"),
    path("imports/<int:pk>/state/", views.import_state, name="import_state"),
    path(
        "imports/<int:pk>/sources/<int:source_pk>/mapping/",
        views.import_remap,
        name="import_remap",
    ),
    path(
        "imports/<int:pk>/sources/<int:source_pk>/encoding/",
        views.import_reencode,
        name="import_reencode",
    ),
    path("imports/<int:pk>/labels/", views.import_map_labels, name="import_map_labels"),
    path("imports/<int:pk>/restart/", views.import_restart, name="import_restart"),
    path("imports/<int:pk>/discard/", views.import_discard, name="import_discard"),
    path("sources/<int:pk>/download/", views.source_download, name="source_download"),
]
