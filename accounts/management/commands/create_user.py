import getpass
import os

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.models import Role, User, Workspace
from accounts.services import _membership_upsert, user_signup


class Command(BaseCommand):
    help = (
        "Create a user (the password is read from an environment variable or asked for, never "
        "given on the command line) and optionally add them to a workspace with a role."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--email", required=True)
        parser.add_argument("--username", required=True)
        parser.add_argument(
            "--password-env", default="PARALLAX_PASSWORD", help="Variable holding the password."
        )
        parser.add_argument("--workspace", type=int, help="Workspace id to join.")
        parser.add_argument("--role", choices=Role.values, default=Role.ANNOTATOR)

    def handle(self, *args: object, **options: object) -> None:
        password = os.environ.get(str(options["password_env"])) or self._ask()
        try:
            user = user_signup(
                email=str(options["email"]), username=str(options["username"]), password=password
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        if options["workspace"]:
            _join(user, int(options["workspace"]), str(options["role"]))
        self.stdout.write(str(user.pk))

    def _ask(self) -> str:
        if not self.stdin_is_tty():
            raise CommandError("Set the password in $PARALLAX_PASSWORD (or --password-env).")
        return getpass.getpass("Password: ")

    @staticmethod
    def stdin_is_tty() -> bool:
        import sys

        return sys.stdin.isatty()


def _join(user: User, workspace_id: int, role: str) -> None:
    workspace = Workspace.objects.filter(pk=workspace_id).first()
    if workspace is None:
        raise CommandError(f"No workspace {workspace_id}.")
    _membership_upsert(workspace=workspace, user=user, role=role, invited_by=None)
