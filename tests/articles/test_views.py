"""Every article-side view: who may use it, who gets 404, who gets 403."""

import pytest
from django.urls import reverse

from accounts.models import Role
from articles.models import Article, Event
from tests.factories import EventFactory, MembershipFactory, OutletFactory, make_article

pytestmark = pytest.mark.django_db

EDIT_ROLES = {Role.OWNER, Role.ANALYST}
ALL_ROLES = set(Role.values)


@pytest.fixture
def event(workspace):
    return EventFactory(workspace=workspace, title="Strait drills")


@pytest.fixture
def article(event):
    return make_article(event=event, text="Warships entered the strait, the ministry said.")


def _views(workspace, event, article):
    """(name, url, method, data, roles allowed)."""
    outlet = article.outlet
    return [
        ("workspace", reverse("workspace_detail", args=[workspace.pk]), "get", None, ALL_ROLES),
        ("event", reverse("event_detail", args=[event.pk]), "get", None, ALL_ROLES),
        (
            "event_create_page",
            reverse("event_create", args=[workspace.pk]),
            "get",
            None,
            EDIT_ROLES,
        ),
        (
            "event_create",
            reverse("event_create", args=[workspace.pk]),
            "post",
            {"title": "New"},
            EDIT_ROLES,
        ),
        ("event_edit", reverse("event_edit", args=[event.pk]), "post", {"title": "X"}, EDIT_ROLES),
        ("paste_page", reverse("article_paste", args=[event.pk]), "get", None, EDIT_ROLES),
        (
            "paste",
            reverse("article_paste", args=[event.pk]),
            "post",
            {"outlet": "Wire", "title": "T", "text": "Some text."},
            EDIT_ROLES,
        ),
        ("article", reverse("article_detail", args=[article.pk]), "get", None, ALL_ROLES),
        ("revision", reverse("article_revision", args=[article.pk, 1]), "get", None, ALL_ROLES),
        (
            "edit_text_page",
            reverse("article_edit_text", args=[article.pk]),
            "get",
            None,
            EDIT_ROLES,
        ),
        (
            "edit_text",
            reverse("article_edit_text", args=[article.pk]),
            "post",
            {"text": "Edited text."},
            EDIT_ROLES,
        ),
        ("outlets", reverse("outlet_list", args=[workspace.pk]), "get", None, ALL_ROLES),
        ("outlet", reverse("outlet_detail", args=[outlet.pk]), "get", None, ALL_ROLES),
        (
            "outlet_edit",
            reverse("outlet_detail", args=[outlet.pk]),
            "post",
            {"name": "Renamed", "type": "wire_agency"},
            EDIT_ROLES,
        ),
    ]


@pytest.mark.parametrize("role", sorted(ALL_ROLES))
def test_each_role_gets_exactly_the_views_its_capabilities_allow(
    client, workspace, event, article, role
):
    for name, url, method, data, allowed in _views(workspace, event, article):
        client.force_login(MembershipFactory(workspace=workspace, role=role).user)
        response = getattr(client, method)(url, data or {})
        expected = {200, 302} if role in allowed else {403}
        assert response.status_code in expected, (name, role, response.status_code)


def test_non_members_get_404_on_every_view(client, workspace, event, article, outsider):
    client.force_login(outsider)
    for name, url, method, data, _ in _views(workspace, event, article):
        response = getattr(client, method)(url, data or {})
        assert response.status_code == 404, (name, response.status_code)
    assert Event.objects.filter(title="New").count() == 0
    assert Article.objects.count() == 1


def test_anonymous_users_are_sent_to_login_from_every_view(client, workspace, event, article):
    for name, url, method, data, _ in _views(workspace, event, article):
        response = getattr(client, method)(url, data or {})
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], name


def test_workspace_page_counts_articles_and_outlets_per_event(client, workspace, event, viewer):
    wire = OutletFactory(workspace=workspace)
    make_article(event=event, outlet=wire)
    make_article(event=event, outlet=wire)
    make_article(event=event)
    client.force_login(viewer)
    row = client.get(reverse("workspace_detail", args=[workspace.pk])).context["events"][0]
    assert (row.n_articles, row.n_outlets) == (3, 2)


def test_pasting_an_article_creates_the_unknown_outlet(client, workspace, event, analyst):
    client.force_login(analyst)
    client.post(
        reverse("article_paste", args=[event.pk]),
        {"outlet": "Harbour Gazette", "title": "Boats idle", "text": "Boats  stay\r\nin port."},
    )
    article = Article.objects.get(title="Boats idle")
    assert article.outlet.name == "Harbour Gazette"
    assert article.current_revision.text == "Boats  stay\nin port."


def test_pasting_empty_text_shows_an_error_and_saves_nothing(client, workspace, event, analyst):
    client.force_login(analyst)
    response = client.post(
        reverse("article_paste", args=[event.pk]), {"outlet": "X", "title": "T", "text": "  \n "}
    )
    assert response.status_code == 200
    assert "has no text" in response.content.decode() or "required" in response.content.decode()
    assert not Article.objects.filter(title="T").exists()


def test_event_with_end_before_start_is_refused(client, workspace, analyst):
    client.force_login(analyst)
    response = client.post(
        reverse("event_create", args=[workspace.pk]),
        {"title": "Backwards", "start_date": "2026-06-28", "end_date": "2026-06-01"},
    )
    assert response.status_code == 200
    assert not Event.objects.filter(title="Backwards").exists()


def test_event_tags_are_typed_comma_separated(client, workspace, analyst):
    client.force_login(analyst)
    client.post(
        reverse("event_create", args=[workspace.pk]),
        {"title": "Tagged", "tags": "navy, strait,  navy ,"},
    )
    assert Event.objects.get(title="Tagged").tags == ["navy", "strait"]


def test_article_text_is_escaped_in_the_page(client, workspace, event, viewer):
    article = make_article(event=event, text="<script>alert(1)</script> & more")
    client.force_login(viewer)
    html = client.get(reverse("article_detail", args=[article.pk])).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in html


def test_editing_text_makes_a_new_revision_and_keeps_the_old(client, event, article, analyst):
    client.force_login(analyst)
    client.post(
        reverse("article_edit_text", args=[article.pk]),
        {
            "text": "Warships entered the narrow strait, the ministry said.",
            "base_revision": article.current_revision_id,
        },
    )
    article.refresh_from_db()
    assert article.current_revision.number == 2
    old = client.get(reverse("article_revision", args=[article.pk, 1]))
    assert "Warships entered the strait" in old.content.decode()


def test_outlet_classification_source_is_saved(client, workspace, article, analyst):
    client.force_login(analyst)
    client.post(
        reverse("outlet_detail", args=[article.outlet.pk]),
        {
            "name": "State Agency",
            "type": "state_media",
            "type_source": "Media register 2025",
            "type_date": "2025-05-01",
            "version": 1,
        },
    )
    article.outlet.refresh_from_db()
    assert (article.outlet.type, article.outlet.type_source) == (
        "state_media",
        "Media register 2025",
    )


def test_renaming_an_outlet_to_a_taken_name_shows_an_error(client, workspace, article, analyst):
    OutletFactory(workspace=workspace, name="Meridian Wire")
    client.force_login(analyst)
    response = client.post(
        reverse("outlet_detail", args=[article.outlet.pk]),
        {"name": "Meridian Wire", "type": "wire_agency", "version": 1},
    )
    assert response.status_code == 200
    article.outlet.refresh_from_db()
    assert article.outlet.name != "Meridian Wire"
