from dataclasses import replace
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from accounts.models import User
from articles.imports.writer import LabelIndex
from articles.models import Event
from framing.gold import GoldFileError, parse_label_map
from framing.interchange import (
    InterchangeError,
    from_brat,
    from_csv,
    from_jsonl,
    from_webanno_tsv,
)
from framing.services import annotation_create


class Command(BaseCommand):
    help = (
        "Read tags in brat (.ann), WebAnno TSV 3.3 (.tsv), CSV or our JSONL onto an event's "
        "articles as accepted annotations of --user. Documents are named article-<id> (as "
        "export_annotations writes them). Labels go through the workspace's codebooks and saved "
        "label mappings; nothing is written unless every file reads cleanly."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--event", type=int, required=True)
        parser.add_argument("--format", choices=["brat", "csv", "jsonl", "webanno"], required=True)
        parser.add_argument("--user", required=True, help="E-mail of the annotator.")
        parser.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="THEIRS=ours",
            help="Read the files' label THEIRS as our label ours (THEIRS= drops those spans), "
            "as framing_evaluate does; repeat for several, e.g. --map Loaded_Language=hyperbole.",
        )

    def handle(self, *args: object, **options: object) -> None:
        event = Event.objects.filter(pk=options["event"]).first()
        user = User.objects.filter(email__iexact=str(options["user"])).first()
        if event is None or user is None:
            raise CommandError("No such event or user.")
        texts = {
            f"article-{a.pk}": a.current_revision
            for a in event.articles.select_related("current_revision")
        }
        try:
            mapping = parse_label_map(options["map"])
            spans = _mapped(_read(options["format"], options["files"], texts), mapping)
        except (InterchangeError, GoldFileError) as exc:
            raise CommandError(str(exc)) from None
        labels = LabelIndex(event.workspace)
        written, unknown = _write(spans, texts, labels, user)
        note = f"; skipped labels not in the codebooks: {', '.join(unknown)}" if unknown else ""
        self.stdout.write(f"{written} tag(s) written{note}")


def _read(fmt: str, files: list[Path], texts: dict) -> dict[str, list]:
    if fmt in ("csv", "jsonl"):
        read_all = from_csv if fmt == "csv" else from_jsonl
        by_doc: dict[str, list] = {}
        for path in files:
            found = read_all(
                path.read_text(encoding="utf-8"), {k: r.text for k, r in texts.items()},
                name=path.name,
            )  # fmt: skip
            for doc, spans in found.items():
                by_doc.setdefault(doc, []).extend(spans)
        return by_doc
    out = {}
    for path in files:
        if path.stem not in texts:
            raise InterchangeError(f"{path.name}: no article {path.stem} in this event.")
        text = texts[path.stem].text
        raw = path.read_text(encoding="utf-8")
        read = from_brat if fmt == "brat" else from_webanno_tsv
        out[path.stem] = read(text, raw, name=path.name)
    return out


def _mapped(spans: dict[str, list], mapping: dict[str, str]) -> dict[str, list]:
    """The spans with their labels renamed by ``mapping`` (a label mapped to "" is dropped)."""
    return {
        doc: [
            replace(s, label=mapping.get(s.label, s.label))
            for s in found
            if mapping.get(s.label, s.label)
        ]
        for doc, found in spans.items()
    }


@transaction.atomic
def _write(spans: dict, texts: dict, labels: LabelIndex, user: User) -> tuple[int, list[str]]:
    written, unknown = 0, set()
    for doc, found in spans.items():
        for span in found:
            label = labels.get(span.label)
            if label is None:
                unknown.add(span.label)
                continue
            try:
                annotation_create(
                    revision=texts[doc], start=span.start, end=span.end, label=label,
                    author_user=user, note=span.note,
                )  # fmt: skip
            except ValidationError as exc:
                msg = f"{doc}, span {span.start}–{span.end}: {exc.messages[0]}"
                raise CommandError(msg) from None
            written += 1
    return written, sorted(unknown)
