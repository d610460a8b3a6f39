from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.models import Invitation, Membership, Role
from accounts.services import (
    invitation_accept,
    member_invite,
    member_remove,
    member_set_role,
    user_signup,
    workspace_create,
)
from framing.models import Codebook
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_signup_lowercases_email_and_refuses_a_second_account_for_it():
    user_signup(email="Ana@Example.org", username="ana", password="a-long-passphrase")
    with pytest.raises(ValidationError) as exc:
        user_signup(email="ana@example.ORG", username="ana2", password="a-long-passphrase")
    assert "already exists" in str(exc.value)


def test_workspace_create_makes_the_creator_owner_and_installs_default_codebooks():
    user = UserFactory()
    workspace = workspace_create(user=user, name="Desk")
    assert Membership.objects.get(workspace=workspace, user=user).role == Role.OWNER
    keys = set(Codebook.objects.filter(workspace=workspace).values_list("key", flat=True))
    assert keys == {"loaded-terms", "policy-frames", "generic-frames"}


def test_invite_existing_user_by_username_adds_membership_at_once(workspace, owner):
    colleague = UserFactory(username="colleague")
    result = member_invite(
        workspace=workspace, invited_by=owner, identifier="colleague", role=Role.ANNOTATOR
    )
    assert isinstance(result, Membership)
    assert result.user == colleague and result.role == Role.ANNOTATOR


def test_invite_unknown_email_mails_a_link_with_the_token(workspace, owner):
    result = member_invite(
        workspace=workspace,
        invited_by=owner,
        identifier="new@example.org",
        role=Role.VIEWER,
        base_url="https://parallax.example.org/",
    )
    assert isinstance(result, Invitation)
    assert mail.outbox[0].to == ["new@example.org"]
    assert f"https://parallax.example.org/invitations/{result.token}/" in mail.outbox[0].body


def test_signing_up_with_an_invited_address_does_not_join_the_workspace(workspace, owner):
    member_invite(workspace=workspace, invited_by=owner, identifier="new@example.org", role="owner")
    user = user_signup(email="new@example.org", username="squatter", password="a-long-passphrase")
    assert not Membership.objects.filter(workspace=workspace, user=user).exists()


def test_the_token_accepts_the_invitation_once(workspace, owner):
    invitation = member_invite(
        workspace=workspace, invited_by=owner, identifier="new@example.org", role=Role.VIEWER
    )
    user = user_signup(email="new@example.org", username="newbie", password="a-long-passphrase")
    membership = invitation_accept(token=invitation.token, user=user)
    assert (membership.workspace, membership.role) == (workspace, Role.VIEWER)
    with pytest.raises(ValidationError, match="already been used"):
        invitation_accept(token=invitation.token, user=user)


def test_the_link_admits_only_the_invited_address(workspace, owner):
    invitation = member_invite(
        workspace=workspace, invited_by=owner, identifier="New@example.org", role=Role.OWNER
    )
    stranger = UserFactory(email="stranger@example.org")
    with pytest.raises(ValidationError, match=r"This invitation is for new@example\.org"):
        invitation_accept(token=invitation.token, user=stranger)
    assert not Membership.objects.filter(workspace=workspace, user=stranger).exists()
    invitee = UserFactory(email="NEW@example.org")  # the address in another case is the same
    assert invitation_accept(token=invitation.token, user=invitee).role == Role.OWNER


def test_the_link_expires_after_the_configured_time(workspace, owner, settings):
    settings.INVITATION_MAX_AGE = timedelta(days=2)
    invitation = member_invite(
        workspace=workspace, invited_by=owner, identifier="late@example.org", role=Role.VIEWER
    )
    invitee = UserFactory(email="late@example.org")
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=timezone.now() - timedelta(days=2, seconds=1)
    )
    with pytest.raises(ValidationError, match="expired"):
        invitation_accept(token=invitation.token, user=invitee)
    settings.INVITATION_MAX_AGE = timedelta(days=3)
    assert invitation_accept(token=invitation.token, user=invitee).workspace == workspace


def test_the_mailed_invitation_says_until_when_it_works(workspace, owner):
    invitation = member_invite(
        workspace=workspace, invited_by=owner, identifier="n@example.org", role="viewer"
    )
    assert f"{invitation.expires_at:%d %b %Y}" in mail.outbox[0].body


def test_inviting_again_invalidates_the_earlier_link(workspace, owner):
    first = member_invite(
        workspace=workspace, invited_by=owner, identifier="n@example.org", role="viewer"
    )
    member_invite(workspace=workspace, invited_by=owner, identifier="n@example.org", role="analyst")
    with pytest.raises(ValidationError):
        invitation_accept(token=first.token, user=UserFactory())


def test_invite_unknown_username_is_refused_with_its_name(workspace, owner):
    with pytest.raises(ValidationError) as exc:
        member_invite(workspace=workspace, invited_by=owner, identifier="ghost", role="viewer")
    assert "ghost" in str(exc.value)


def test_the_last_owner_can_be_neither_demoted_nor_removed(workspace, owner):
    membership = Membership.objects.get(workspace=workspace, user=owner)
    with pytest.raises(ValidationError):
        member_set_role(membership=membership, role=Role.VIEWER)
    with pytest.raises(ValidationError):
        member_remove(membership=membership)


def test_an_owner_can_be_demoted_when_another_owner_remains(workspace, owner):
    MembershipFactory(workspace=workspace, role=Role.OWNER)
    membership = Membership.objects.get(workspace=workspace, user=owner)
    member_set_role(membership=membership, role=Role.ANALYST)
    membership.refresh_from_db()
    assert membership.role == Role.ANALYST
