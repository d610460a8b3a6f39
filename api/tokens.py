"""Writes and checks of personal API tokens."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.access import membership_for
from accounts.models import User, Workspace
from api.models import ApiToken, TokenScope

PREFIX = "plx_"
# How often last_used_at is written: every request would make each read a write.
LAST_USED_PRECISION = dt.timedelta(minutes=1)
EXPIRY_DAYS = (7, 30, 90, 365)


def token_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class NewToken:
    token: ApiToken
    secret: str  # shown once; only its hash is stored


def token_create(
    *,
    user: User,
    name: str,
    scope: str,
    expires_in_days: int,
    workspace: Workspace | None = None,
) -> NewToken:
    if workspace is not None and membership_for(user=user, workspace_id=workspace.pk) is None:
        raise ValidationError({"workspace": "You are not a member of that workspace."})
    if expires_in_days not in EXPIRY_DAYS:
        raise ValidationError({"expires_in_days": f"Choose one of {EXPIRY_DAYS} days."})
    secret = PREFIX + secrets.token_urlsafe(32)
    now = timezone.now()
    token = ApiToken(
        user=user,
        name=" ".join(name.split()),
        prefix=secret[: len(PREFIX) + 4],
        token_hash=token_hash(secret),
        scope=scope if scope in TokenScope.values else "",
        workspace=workspace,
        created_at=now,
        expires_at=now + dt.timedelta(days=expires_in_days),
    )
    token.full_clean()
    token.save()
    return NewToken(token=token, secret=secret)


def token_revoke(*, token: ApiToken) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def token_for_secret(secret: str) -> ApiToken | None:
    """The active token with this secret, or None (unknown, revoked or expired alike)."""
    if not secret.startswith(PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=token_hash(secret), revoked_at__isnull=True)
        .first()
    )
    if token is None or token.expires_at <= timezone.now() or not token.user.is_active:
        return None
    return token


def token_touch(*, token: ApiToken) -> None:
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


def tokens_of(*, user: User):
    return ApiToken.objects.filter(user=user).select_related("workspace")
