from __future__ import annotations

import secrets
from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.urls import reverse
from django.utils import timezone


class Role(models.TextChoices):
    OWNER = "owner", "Owner"
    ANALYST = "analyst", "Analyst"
    ANNOTATOR = "annotator", "Annotator"
    VIEWER = "viewer", "Viewer"


class Capability(models.TextChoices):
    """What a role may do; views ask for a capability, never for a role."""

    VIEW = "view"
    EXPORT = "export"
    ANNOTATE = "annotate"
    EDIT = "edit"  # upload, edit events/outlets/articles, run and train models
    MANAGE = "manage"  # members and workspace settings


ROLE_CAPABILITIES: dict[str, frozenset[str]] = {
    Role.OWNER: frozenset(Capability.values),
    Role.ANALYST: frozenset({"view", "export", "annotate", "edit"}),
    Role.ANNOTATOR: frozenset({"view", "annotate"}),
    Role.VIEWER: frozenset({"view", "export"}),
}


class EmailUserManager(UserManager):
    def get_by_natural_key(self, username: str | None) -> User:
        # Log-in by e-mail must not depend on the case the user typed.
        return self.get(email__iexact=username)


class User(AbstractUser):
    """A person; signs in with e-mail and password, shown by username."""

    email = models.EmailField("e-mail address", unique=True)

    objects = EmailUserManager()

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["username"]

    class Meta:
        ordering = ["username"]

    def __str__(self) -> str:
        return self.username


class Workspace(models.Model):
    """A team's space; everything an analyst sees belongs to exactly one workspace."""

    name = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="Membership",
        through_fields=("workspace", "user"),
        related_name="workspaces",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("workspace_detail", args=[self.pk])


class Membership(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.VIEWER)
    created_at = models.DateTimeField(default=timezone.now)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["workspace", "user"], name="one_membership_per_user")
        ]
        ordering = ["workspace", "user__username"]

    def __str__(self) -> str:
        return f"{self.user} in {self.workspace} ({self.role})"

    def can(self, capability: str) -> bool:
        return capability in ROLE_CAPABILITIES[self.role]

    # For templates, which cannot pass arguments.
    @property
    def can_edit(self) -> bool:
        return self.can(Capability.EDIT)

    @property
    def can_manage(self) -> bool:
        return self.can(Capability.MANAGE)

    @property
    def can_annotate(self) -> bool:
        return self.can(Capability.ANNOTATE)

    @property
    def can_export(self) -> bool:
        return self.can(Capability.EXPORT)


def _invitation_token() -> str:
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    """An invitation for an e-mail address that has no account yet.

    Only the link mailed to the address (its secret token) accepts it, only for an account
    with that address, and only until settings.INVITATION_MAX_AGE has passed: anyone can
    sign up with any address, so an address alone proves nothing, and a link alone may
    have been forwarded.
    """

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    token = models.CharField(max_length=64, unique=True, default=_invitation_token, editable=False)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.VIEWER)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["workspace", "email"], name="one_invitation_per_email")
        ]
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} → {self.workspace} ({self.role})"

    def get_absolute_url(self) -> str:
        return reverse("invitation_accept", args=[self.token])

    @property
    def expires_at(self) -> datetime:
        return self.created_at + settings.INVITATION_MAX_AGE

    def refusal_for(self, user: User) -> str:
        """Why `user` may not accept this invitation now, or "" if they may."""
        if timezone.now() >= self.expires_at:
            return (
                f"This invitation expired on {self.expires_at:%d %b %Y}. "
                "Ask a workspace owner to invite you again."
            )
        # The link is bound to the invited address: a forwarded or leaked link must not let
        # whoever is logged in join (anyone can sign up, but not with an address in use).
        if user.email.lower() != self.email.lower():
            return (
                f"This invitation is for {self.email}, but you are logged in as {user.email}. "
                "Log in with that address (or sign up with it), or ask a workspace owner to "
                "invite this account instead."
            )
        return ""


class LoginThrottle(models.Model):
    """Failed log-ins counted for one account (``email:…``) or one client address (``ip:…``).

    Kept in the database, not a per-process cache, so every web worker sees the same count.
    """

    key = models.CharField(max_length=300, unique=True)
    failures = models.PositiveIntegerField(default=0)
    last_failure_at = models.DateTimeField(db_index=True)
    locked_until = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.key}: {self.failures} failure(s)"


class AuditAction(models.TextChoices):
    CREATED = "created", "created"
    CHANGED = "changed", "changed"
    DELETED = "deleted", "deleted"


class AuditObject(models.TextChoices):
    ARTICLE = "article", "Article"
    ANNOTATION = "annotation", "Annotation"
    CODEBOOK = "codebook", "Codebook"
    MODEL_VERSION = "model_version", "Model version"


class AuditEntry(models.Model):
    """Who created, changed or deleted what in a workspace; written by the services.

    Objects are named by type, id and a label copied at the time, not by foreign key: the
    entry must outlive what it describes (and the actor's account).
    """

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=150, blank=True)  # empty: Parallax itself
    action = models.CharField(max_length=10, choices=AuditAction.choices)
    object_type = models.CharField(max_length=20, choices=AuditObject.choices)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    object_label = models.CharField(max_length=300)
    detail = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["workspace", "-created_at"], name="audit_by_workspace")]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        who = self.actor_name or "Parallax"
        return f"{who} {self.action} {self.get_object_type_display().lower()} {self.object_label}"
