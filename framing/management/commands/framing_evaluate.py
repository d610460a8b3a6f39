import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from framing import engine
from framing.analysis_services import engine_model_for
from framing.gold import (
    GoldFileError,
    evaluate_gold,
    format_report,
    map_labels,
    parse_label_map,
    read_gold,
)
from framing.models import ModelVersion


class Command(BaseCommand):
    help = (
        "Score the engine's loaded-term tags against a gold JSONL file: precision, recall and "
        "F1 per label, exact and partial overlap, by outlet type, with a confusion table."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("gold", type=Path, help="JSONL: one article per line with spans.")
        parser.add_argument("--labels", help="Comma-separated label keys to score (default all).")
        parser.add_argument("--model", type=int, help="ModelVersion id (default: built-in).")
        parser.add_argument("--json", action="store_true", help="Print JSON instead of a table.")
        parser.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="THEIRS=ours",
            help="Score the file's label THEIRS as our label ours (THEIRS= drops those spans); "
            "repeat for several, e.g. --map Loaded_Language=hyperbole.",
        )

    def handle(self, *args: object, **options: object) -> None:
        path: Path = options["gold"]  # type: ignore[assignment]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            docs = map_labels(read_gold(path), parse_label_map(options["map"]))
        except GoldFileError as exc:
            raise CommandError(str(exc)) from None
        model = None
        if options["model"]:
            version = ModelVersion.objects.filter(pk=options["model"]).first()
            if version is None:
                raise CommandError(f"No model version {options['model']}.")
            model = engine_model_for(version)
        labels = set(str(options["labels"]).split(",")) if options["labels"] else None
        result = evaluate_gold(
            docs, lambda text: engine.analyze(text, model=model).loaded_terms, labels=labels
        )
        self.stdout.write(
            json.dumps(result, indent=2) if options["json"] else format_report(result)
        )
