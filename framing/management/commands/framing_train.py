from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.models import Workspace
from framing.engine.training import build_default
from framing.training_services import model_train


class Command(BaseCommand):
    help = (
        "Train a workspace's model from its accepted annotations (--workspace), or rebuild "
        "the built-in model from our seed data (no --workspace)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--workspace", type=int, help="Workspace id.")
        parser.add_argument("--name", default="", help="Name of the new model version.")

    def handle(self, *args: object, **options: object) -> None:
        if not options["workspace"]:
            model = build_default()
            self.stdout.write(f"Rebuilt the built-in model: {model.version}")
            return
        workspace = Workspace.objects.filter(pk=options["workspace"]).first()
        if workspace is None:
            raise CommandError(f"No workspace {options['workspace']}.")
        try:
            version = model_train(workspace=workspace, user=None, name=str(options["name"]))
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        micro = version.metrics["exact"]["micro"]
        self.stdout.write(
            f"Trained {version} on {version.training_summary}. Held-out gold, exact match: "
            f"P {micro['precision']:.2f} R {micro['recall']:.2f} F1 {micro['f1']:.2f}"
        )
