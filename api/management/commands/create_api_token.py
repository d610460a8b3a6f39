"""Make a personal API token for a user from the shell (prints the secret once)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from accounts.models import User, Workspace
from api.models import TokenScope
from api.tokens import EXPIRY_DAYS, token_create


class Command(BaseCommand):
    help = "Create a personal API token and print it (it cannot be shown again)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("email")
        parser.add_argument("--name", default="command line")
        parser.add_argument("--scope", choices=TokenScope.values, default=TokenScope.READ)
        parser.add_argument("--workspace", type=int, help="Limit to this workspace id.")
        parser.add_argument("--days", type=int, choices=EXPIRY_DAYS, default=30)

    def handle(self, *args, **opts) -> None:
        user = User.objects.filter(email__iexact=opts["email"]).first()
        if user is None:
            raise CommandError(f"No user with the e-mail address {opts['email']}.")
        workspace = None
        if opts["workspace"]:
            workspace = Workspace.objects.filter(pk=opts["workspace"]).first()
            if workspace is None:
                raise CommandError(f"No workspace {opts['workspace']}.")
        try:
            new = token_create(
                user=user,
                name=opts["name"],
                scope=opts["scope"],
                expires_in_days=opts["days"],
                workspace=workspace,
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        self.stdout.write(new.secret)
