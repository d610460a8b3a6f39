from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.models import User
from accounts.services import workspace_create


class Command(BaseCommand):
    help = (
        "Create a workspace owned by an existing user (default codebooks installed); prints its id."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--owner", required=True, help="E-mail of the owning user.")
        parser.add_argument("--name", required=True)
        parser.add_argument("--description", default="")

    def handle(self, *args: object, **options: object) -> None:
        owner = User.objects.filter(email__iexact=str(options["owner"])).first()
        if owner is None:
            raise CommandError(f"No user with e-mail {options['owner']}; create_user first.")
        try:
            workspace = workspace_create(
                user=owner, name=str(options["name"]), description=str(options["description"])
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        self.stdout.write(str(workspace.pk))
