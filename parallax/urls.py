from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponseRedirect
from django.templatetags.static import static
from django.urls import include, path

from accounts import views as accounts_views
from api import settings_views as api_settings_views
from api import urls as api_urls
from articles import views as articles_views
from framing import views as framing_views


def favicon(request: HttpRequest) -> HttpResponseRedirect:
    # Browsers ask for /favicon.ico whatever the page says; point them at the hashed file.
    return HttpResponseRedirect(static("favicon.svg"))


urlpatterns = [
    path("favicon.ico", favicon),
    path("", accounts_views.home, name="home"),
    path("accounts/login/", accounts_views.LoginView.as_view(), name="login"),
    path(
        "accounts/reset/<uidb64>/<token>/",
        accounts_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("accounts/signup/", accounts_views.signup, name="signup"),
    path(
        "invitations/<str:token>/",
        accounts_views.invitation_accept,
        name="invitation_accept",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("w/<int:pk>/", accounts_views.workspace_detail, name="workspace_detail"),
    path("w/<int:pk>/members/", accounts_views.members, name="members"),
    path("w/<int:pk>/audit/", accounts_views.audit_log, name="audit_log"),
    path(
        "w/<int:pk>/members/<int:member_pk>/role/",
        accounts_views.member_role,
        name="member_role",
    ),
    path(
        "w/<int:pk>/members/<int:member_pk>/remove/",
        accounts_views.member_remove,
        name="member_remove",
    ),
    path("w/<int:workspace_pk>/events/new/", articles_views.event_create, name="event_create"),
    path("w/<int:workspace_pk>/outlets/", articles_views.outlet_list, name="outlet_list"),
    path("events/<int:pk>/", articles_views.event_detail, name="event_detail"),
    path("events/<int:pk>/edit/", articles_views.event_edit, name="event_edit"),
    path("events/<int:pk>/paste/", articles_views.article_paste, name="article_paste"),
    path("outlets/<int:pk>/", articles_views.outlet_detail, name="outlet_detail"),
    path("articles/<int:pk>/", articles_views.article_detail, name="article_detail"),
    path(
        "articles/<int:pk>/confirm-origin/",
        articles_views.article_confirm_origin,
        name="article_confirm_origin",
    ),
    path(
        "articles/<int:pk>/r/<int:number>/",
        articles_views.article_detail,
        name="article_revision",
    ),
    path(
        "articles/<int:pk>/edit-text/", articles_views.article_edit_text, name="article_edit_text"
    ),
    path("w/<int:workspace_pk>/models/", framing_views.model_list, name="model_list"),
    path(
        "w/<int:workspace_pk>/models/train/",
        framing_views.model_train_start,
        name="model_train",
    ),
    path("revisions/<int:revision_pk>/tags/", framing_views.annotation_add, name="annotation_add"),
    path("tags/<int:pk>/decide/", framing_views.annotation_decide_view, name="annotation_decide"),
    path("events/<int:pk>/model/", framing_views.event_model, name="event_model"),
    path("", include("framing.urls")),
    path("", include("reports.urls")),
    path("", include("articles.imports.urls")),
    path("", include("ops.urls")),
    path("api/v1/", include((api_urls.v1, "api"), namespace="v1")),
    path("api/", include(api_urls)),
    path("settings/tokens/", api_settings_views.token_list, name="api_tokens"),
    path(
        "settings/tokens/<int:pk>/revoke/",
        api_settings_views.token_revoke_view,
        name="api_token_revoke",
    ),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

# Our own readable page for requests Django refuses before any view runs (too many files).
handler400 = "parallax.views.bad_request"
# JSON under /api/, the usual pages elsewhere.
handler404 = "parallax.views.not_found"
handler500 = "parallax.views.server_error"
