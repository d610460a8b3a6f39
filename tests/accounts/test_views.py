from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import Membership, User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_anonymous_user_is_sent_to_login(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_signup_logs_the_new_user_in(client):
    response = client.post(
        reverse("signup"),
        {"email": "zoe@example.org", "username": "zoe", "password": "correct horse battery"},
    )
    assert response.status_code == 302
    assert client.get(reverse("home")).context["user"].username == "zoe"


def test_signup_rejects_a_weak_password_and_says_why(client):
    response = client.post(
        reverse("signup"), {"email": "zoe@example.org", "username": "zoe", "password": "123"}
    )
    assert response.status_code == 200
    assert "too short" in response.content.decode()
    assert not User.objects.filter(username="zoe").exists()


def test_login_takes_email_in_any_case(client):
    UserFactory(email="kim@example.org")
    response = client.post(
        reverse("login"), {"username": "KIM@example.org", "password": "pw-for-tests-only"}
    )
    assert response.status_code == 302


def test_logout_is_a_post(client):
    client.force_login(UserFactory())
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("home")).status_code == 302


def test_password_reset_sends_a_link_that_sets_a_new_password(client):
    user = UserFactory(email="pat@example.org")
    client.post(reverse("password_reset"), {"email": "pat@example.org"})
    link = next(line for line in mail.outbox[0].body.splitlines() if "/reset/" in line).strip()
    path = link[link.index("/accounts/") :]
    form_page = client.get(path, follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "a brand new passphrase", "new_password2": "a brand new passphrase"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("a brand new passphrase")


def test_home_lists_only_the_users_workspaces(client, workspace, viewer, outsider):
    client.force_login(viewer)
    names = [w.name for w in client.get(reverse("home")).context["workspaces"]]
    assert names == [workspace.name]


def test_creating_a_workspace_from_home_makes_the_user_its_owner(client):
    user = UserFactory()
    client.force_login(user)
    client.post(reverse("home"), {"name": "Standards desk"})
    assert Membership.objects.get(user=user, workspace__name="Standards desk").role == "owner"


def test_workspace_page_is_404_for_non_members(client, workspace, outsider):
    client.force_login(outsider)
    assert client.get(reverse("workspace_detail", args=[workspace.pk])).status_code == 404


def test_members_page_shows_members_to_a_viewer(client, workspace, owner, viewer):
    client.force_login(viewer)
    response = client.get(reverse("members", args=[workspace.pk]))
    assert response.status_code == 200
    assert owner.username in response.content.decode()


def test_viewer_cannot_invite(client, workspace, viewer):
    UserFactory(username="someone")
    client.force_login(viewer)
    response = client.post(
        reverse("members", args=[workspace.pk]), {"identifier": "someone", "role": "analyst"}
    )
    assert response.status_code == 403
    assert workspace.memberships.count() == 1


def test_owner_invites_by_username(client, workspace, owner):
    UserFactory(username="someone")
    client.force_login(owner)
    client.post(
        reverse("members", args=[workspace.pk]), {"identifier": "someone", "role": "analyst"}
    )
    assert workspace.memberships.get(user__username="someone").role == "analyst"


def test_owner_changes_a_role_and_analyst_cannot(client, workspace, owner, analyst):
    target = Membership.objects.get(user=analyst)
    url = reverse("member_role", args=[workspace.pk, target.pk])
    client.force_login(analyst)
    assert client.post(url, {"role": "owner"}).status_code == 403
    client.force_login(owner)
    client.post(url, {"role": "viewer"})
    target.refresh_from_db()
    assert target.role == "viewer"


def test_member_of_another_workspace_cannot_remove_members(client, workspace, viewer, outsider):
    target = Membership.objects.get(user=viewer)
    client.force_login(outsider)
    url = reverse("member_remove", args=[workspace.pk, target.pk])
    assert client.post(url).status_code == 404
    assert Membership.objects.filter(pk=target.pk).exists()


def test_owner_removes_a_member(client, workspace, owner, viewer):
    target = Membership.objects.get(user=viewer)
    client.force_login(owner)
    client.post(reverse("member_remove", args=[workspace.pk, target.pk]))
    assert not Membership.objects.filter(pk=target.pk).exists()


def test_invitation_link_needs_login_then_joins_on_post(client, workspace, owner):
    from accounts.services import member_invite

    invitation = member_invite(
        workspace=workspace, invited_by=owner, identifier="guest@example.org", role="annotator"
    )
    url = reverse("invitation_accept", args=[invitation.token])
    response = client.get(url)
    assert response.status_code == 302 and "next=" in response["Location"]
    guest = UserFactory(email="guest@example.org")
    client.force_login(guest)
    assert client.get(url).status_code == 200
    assert not Membership.objects.filter(user=guest, workspace=workspace).exists()
    client.post(url)
    assert Membership.objects.get(user=guest, workspace=workspace).role == "annotator"


def test_invitation_link_opened_by_another_account_explains_and_does_not_join(
    client, workspace, owner
):
    from accounts.services import member_invite

    invitation = member_invite(
        workspace=workspace, invited_by=owner, identifier="guest@example.org", role="owner"
    )
    url = reverse("invitation_accept", args=[invitation.token])
    intruder = UserFactory(email="intruder@example.org")
    client.force_login(intruder)
    page = client.get(url)
    assert page.status_code == 403
    assert b"This invitation is for guest@example.org" in page.content
    assert b"Join the workspace" not in page.content
    assert client.post(url).status_code == 403
    assert not Membership.objects.filter(user=intruder, workspace=workspace).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None  # still usable by the invited address


def test_an_expired_invitation_link_says_so_and_does_not_join(client, workspace, owner, settings):
    from accounts.models import Invitation
    from accounts.services import member_invite

    settings.INVITATION_MAX_AGE = timedelta(hours=1)
    invitation = member_invite(
        workspace=workspace, invited_by=owner, identifier="guest@example.org", role="viewer"
    )
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=timezone.now() - timedelta(hours=2)
    )
    guest = UserFactory(email="guest@example.org")
    client.force_login(guest)
    url = reverse("invitation_accept", args=[invitation.token])
    response = client.post(url)
    assert response.status_code == 403 and b"expired" in response.content
    assert not Membership.objects.filter(user=guest, workspace=workspace).exists()


def test_an_unknown_invitation_token_is_404(client):
    client.force_login(UserFactory())
    assert client.get(reverse("invitation_accept", args=["not-a-token"])).status_code == 404


def test_signup_returns_to_the_invitation_it_came_from(client):
    response = client.post(
        reverse("signup") + "?next=/invitations/abc/",
        {"email": "a@example.org", "username": "a", "password": "correct horse battery"},
    )
    assert response["Location"] == "/invitations/abc/"


def test_signup_ignores_a_next_pointing_elsewhere(client):
    response = client.post(
        reverse("signup") + "?next=https://evil.example/",
        {"email": "b@example.org", "username": "b", "password": "correct horse battery"},
    )
    assert response["Location"] == reverse("home")
