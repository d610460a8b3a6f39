"""Personal API tokens: a user's credential for scripts, narrower than their log-in."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from accounts.access import Grant
from accounts.models import Workspace


class TokenScope(models.TextChoices):
    READ = "read", "Read only"
    WRITE = "write", "Read and write"


class ApiToken(models.Model):
    """Only the token's SHA-256 is stored: the secret is shown once, when it is made.

    A token acts as its user with that user's roles, narrowed by its scope and, when set,
    to one workspace (``grant``); it stops working when it expires or is revoked.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100)
    # The first characters of the secret, to tell tokens apart on the settings page.
    prefix = models.CharField(max_length=12)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    scope = models.CharField(max_length=5, choices=TokenScope.choices, default=TokenScope.READ)
    workspace = models.ForeignKey(
        Workspace,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Empty: every workspace the user belongs to.",
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def grant(self) -> Grant:
        return Grant(workspace_id=self.workspace_id, read_only=self.scope == TokenScope.READ)

    @property
    def active(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()
