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
        parser.add_argument(
            "--from-scratch",
            action="store_true",
            help="Train the loaded-term tagger on the workspace's texts alone, without the "
            "built-in tagger's knowledge (by default it is adapted, never replaced).",
        )

    def handle(self, *args: object, **options: object) -> None:
        if not options["workspace"]:
            model = build_default()
            self.stdout.write(f"Rebuilt the built-in model: {model.version}")
            return
        workspace = Workspace.objects.filter(pk=options["workspace"]).first()
        if workspace is None:
            raise CommandError(f"No workspace {options['workspace']}.")
        try:
            version = model_train(
                workspace=workspace,
                user=None,
                name=str(options["name"]),
                from_scratch=bool(options["from_scratch"]),
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        micro = version.metrics["exact"]["micro"]
        cv = version.metrics.get("workspace_cv")
        if cv:
            mine = cv["scores"][cv["chosen"]]["partial"]["f1"]
            shipped = cv["scores"].get("shipped", {}).get("partial", {}).get("f1")
            versus = f" (built-in {shipped:.2f})" if shipped is not None else ""
            self.stdout.write(
                f"Your {cv['documents']} texts, {cv['folds']}-fold cross-validated partial F1: "
                f"{mine:.2f}{versus}; tagger: {cv['chosen']}"
            )
            if cv.get("seen_by_base"):  # why a learnt convention may not have been kept
                self.stdout.write(
                    f"{cv['seen_by_base']} of them are the built-in tagger's own training "
                    "text and were not used to choose the tagger."
                )
        self.stdout.write(
            f"Trained {version} on {version.training_summary}. Held-out gold, exact match: "
            f"P {micro['precision']:.2f} R {micro['recall']:.2f} F1 {micro['f1']:.2f}"
        )
