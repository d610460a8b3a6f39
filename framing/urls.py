from django.urls import path

from framing import annotation_views as views
from framing import assignment_views, codebook_views, memo_views, team_views
from framing import views as framing_views

urlpatterns = [
    path("tags/<int:pk>/delete/", views.annotation_delete_view, name="annotation_delete"),
    path("tags/<int:pk>/relabel/", views.annotation_relabel_view, name="annotation_relabel"),
    path("revisions/<int:revision_pk>/undo/", views.annotation_undo_view, name="annotation_undo"),
    path(
        "revisions/<int:revision_pk>/frames/",
        framing_views.article_frame_view,
        name="article_frame",
    ),
    path(
        "revisions/<int:revision_pk>/tags.json",
        views.revision_annotations,
        name="revision_annotations",
    ),
    path("events/<int:pk>/bulk-decide/", views.event_bulk_decide, name="event_bulk_decide"),
]

urlpatterns += [
    path("w/<int:workspace_pk>/codebooks/", codebook_views.codebook_list, name="codebook_list"),
    path(
        "w/<int:workspace_pk>/codebooks/import/",
        codebook_views.codebook_import_view,
        name="codebook_import",
    ),
    path("codebooks/<int:pk>/", codebook_views.codebook_edit, name="codebook_edit"),
    path(
        "codebooks/<int:pk>/export.json",
        codebook_views.codebook_export_view,
        name="codebook_export",
    ),
]

urlpatterns += [
    path(
        "memos/<str:kind>/<int:pk>/add/",
        memo_views.memo_add,
        name="memo_add",
    ),
    path("memos/<int:pk>/delete/", memo_views.memo_delete_view, name="memo_delete"),
]

urlpatterns += [
    path("events/<int:pk>/agreement/", team_views.event_agreement_view, name="event_agreement"),
    path("events/<int:pk>/annotate-next/", team_views.event_queue_view, name="event_queue"),
    path("events/<int:pk>/curate/", team_views.event_curate, name="event_curate"),
]

urlpatterns += [
    path("assignments/", assignment_views.my_assignments, name="my_assignments"),
    path("assignments/<int:pk>/done/", assignment_views.assignment_done, name="assignment_done"),
    path(
        "events/<int:pk>/assignments/",
        assignment_views.event_assignments,
        name="event_assignments",
    ),
    path(
        "events/<int:pk>/assignments/assign/",
        assignment_views.event_assign,
        name="event_assign",
    ),
    path("events/<int:pk>/assignments/split/", assignment_views.event_split, name="event_split"),
    path(
        "events/<int:pk>/assignments/unassign/",
        assignment_views.event_unassign,
        name="event_unassign",
    ),
    path(
        "events/<int:pk>/assignments/reassign/",
        assignment_views.event_reassign,
        name="event_reassign",
    ),
]
