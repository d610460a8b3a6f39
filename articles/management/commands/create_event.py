import datetime as dt

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.models import Workspace
from articles.services import event_create


class Command(BaseCommand):
    help = (
        "Create an event in a workspace (then load articles with import_articles); prints its id."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--workspace", type=int, required=True)
        parser.add_argument("--title", required=True)
        parser.add_argument("--description", default="")
        parser.add_argument("--start", type=dt.date.fromisoformat, help="YYYY-MM-DD")
        parser.add_argument("--end", type=dt.date.fromisoformat, help="YYYY-MM-DD")

    def handle(self, *args: object, **options: object) -> None:
        workspace = Workspace.objects.filter(pk=options["workspace"]).first()
        if workspace is None:
            raise CommandError(f"No workspace {options['workspace']}.")
        try:
            event = event_create(
                workspace=workspace,
                title=str(options["title"]),
                description=str(options["description"]),
                start_date=options["start"],
                end_date=options["end"],
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        self.stdout.write(str(event.pk))
