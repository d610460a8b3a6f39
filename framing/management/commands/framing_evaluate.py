import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from framing import engine
from framing.analysis_services import engine_model_for, engine_threshold
from framing.engine.frame_evaluation import (
    FrameGoldError,
    evaluate_frames,
    format_frame_report,
    read_frame_gold,
)
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
        "F1 per label, exact and partial overlap, by outlet type, with a confusion table; "
        "and, for articles with a 'frames' label set, frame micro/macro-F1."
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
        parser.add_argument(
            "--point",
            choices=["precision", "balanced", "recall"],
            default="balanced",
            help="Operating point of the loaded-term tagger (default balanced).",
        )
        parser.add_argument(
            "--bootstrap", type=int, default=1000, help="Bootstrap resamples for 95%% intervals."
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
        threshold = engine_threshold(model, str(options["point"]))
        result = evaluate_gold(
            docs,
            lambda text: [
                t for t in engine.analyze(text, model=model).loaded_terms if t.score >= threshold
            ],
            labels=labels,
            bootstrap=int(options["bootstrap"]),  # type: ignore[call-overload]
        )
        result["operating_point"] = {"name": options["point"], "threshold": threshold}
        report = format_report(result)
        frame_docs = self._frame_docs(path)
        if frame_docs:
            result["frames"] = evaluate_frames(
                frame_docs, lambda text: engine.analyze(text, model=model)
            )
            report += "\n" + format_frame_report(result["frames"])
        self.stdout.write(json.dumps(result, indent=2) if options["json"] else report)

    def _frame_docs(self, path: Path) -> list:
        try:
            return read_frame_gold(path)
        except FrameGoldError as exc:
            raise CommandError(str(exc)) from None
