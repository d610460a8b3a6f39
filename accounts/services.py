from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from accounts.models import Invitation, Membership, Role, User, Workspace


@transaction.atomic
def user_signup(*, email: str, username: str, password: str) -> User:
    """Create an account. Invitations are accepted through their mailed link, not here."""
    email = User.objects.normalize_email(email).lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": "An account with this e-mail address already exists."})
    user = User(email=email, username=username)
    user.set_password(password)
    user.full_clean()
    user.save()
    return user


@transaction.atomic
def invitation_accept(*, token: str, user: User) -> Membership:
    """Turn the invitation behind `token` into a membership of `user`, once."""
    invitation = (
        # Lock the invitation row only: PostgreSQL refuses FOR UPDATE across the outer
        # join to a nullable inviter.
        Invitation.objects.select_for_update(of=("self",))
        .select_related("workspace", "invited_by")
        .filter(token=token, accepted_at__isnull=True)
        .first()
    )
    if invitation is None:
        raise ValidationError("This invitation link is invalid or has already been used.")
    refusal = invitation.refusal_for(user)
    if refusal:
        raise ValidationError(refusal)
    existing = Membership.objects.filter(workspace=invitation.workspace, user=user).first()
    membership = existing or _membership_upsert(
        workspace=invitation.workspace,
        user=user,
        role=invitation.role,
        invited_by=invitation.invited_by,
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return membership


@transaction.atomic
def workspace_create(*, user: User, name: str, description: str = "") -> Workspace:
    """Create a workspace owned by `user`, with the default codebooks installed."""
    from framing.services import codebooks_install_defaults

    workspace = Workspace(name=name, description=description, created_by=user)
    workspace.full_clean()
    workspace.save()
    _membership_upsert(workspace=workspace, user=user, role=Role.OWNER, invited_by=None)
    codebooks_install_defaults(workspace=workspace)
    return workspace


def _membership_upsert(
    *, workspace: Workspace, user: User, role: str, invited_by: User | None
) -> Membership:
    membership, _ = Membership.objects.update_or_create(
        workspace=workspace, user=user, defaults={"role": role, "invited_by": invited_by}
    )
    return membership


@transaction.atomic
def member_invite(
    *, workspace: Workspace, invited_by: User, identifier: str, role: str, base_url: str = ""
) -> Membership | Invitation:
    """Add a member by username or e-mail.

    An existing account becomes a member at once; an unknown e-mail address is mailed a
    single-use link (`base_url` + its path) that adds the account with that address, until
    it expires.
    """
    identifier = identifier.strip()
    if role not in Role.values:
        raise ValidationError({"role": f"Unknown role {role!r}."})
    user = User.objects.filter(email__iexact=identifier).first() or (
        User.objects.filter(username=identifier).first()
    )
    if user is not None:
        if Membership.objects.filter(workspace=workspace, user=user).exists():
            raise ValidationError({"identifier": f"{user} is already a member."})
        return _membership_upsert(workspace=workspace, user=user, role=role, invited_by=invited_by)
    if "@" not in identifier:
        raise ValidationError({"identifier": f"No user is called {identifier!r}."})
    # A fresh token each time, so re-inviting invalidates any earlier link.
    Invitation.objects.filter(workspace=workspace, email=identifier.lower()).delete()
    invitation = Invitation(
        workspace=workspace, email=identifier.lower(), role=role, invited_by=invited_by
    )
    invitation.full_clean()
    invitation.save()
    link = base_url.rstrip("/") + invitation.get_absolute_url()
    send_mail(
        subject=f"You are invited to the Parallax workspace {workspace.name}",
        message=(
            f"{invited_by} invited you to the workspace {workspace.name} as "
            f"{invitation.get_role_display()}.\n\nOpen this link to join (sign up or log in "
            f"with this e-mail address first):\n{link}\n\n"
            f"The link works until {invitation.expires_at:%d %b %Y, %H:%M} UTC."
        ),
        from_email=None,
        recipient_list=[invitation.email],
    )
    return invitation


def _ensure_an_owner_remains(*, membership: Membership, new_role: str | None) -> None:
    if membership.role != Role.OWNER or new_role == Role.OWNER:
        return
    owners = Membership.objects.filter(workspace=membership.workspace, role=Role.OWNER)
    if owners.count() <= 1:
        raise ValidationError("A workspace must keep at least one owner.")


@transaction.atomic
def member_set_role(*, membership: Membership, role: str) -> Membership:
    if role not in Role.values:
        raise ValidationError({"role": f"Unknown role {role!r}."})
    _ensure_an_owner_remains(membership=membership, new_role=role)
    membership.role = role
    membership.full_clean()
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def member_remove(*, membership: Membership) -> None:
    _ensure_an_owner_remains(membership=membership, new_role=None)
    membership.delete()
