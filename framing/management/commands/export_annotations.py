from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.models import Event
from framing.interchange import Span, to_brat, to_csv, to_jsonl, to_webanno_tsv
from framing.models import Annotation, AnnotationStatus


class Command(BaseCommand):
    help = (
        "Write an event's accepted tags on its current texts as brat standoff (one .txt/.ann "
        "pair per article), WebAnno/INCEpTION TSV 3.3 (one .tsv per article, UTF-16 offsets) "
        "or one CSV or our JSONL (code-point offsets). --curated: the gold layer only."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--event", type=int, required=True)
        parser.add_argument("--format", choices=["brat", "csv", "jsonl", "webanno"], required=True)
        parser.add_argument("--out", type=Path, required=True, help="Directory to write into.")
        parser.add_argument("--curated", action="store_true")

    def handle(self, *args: object, **options: object) -> None:
        event = Event.objects.filter(pk=options["event"]).first()
        if event is None:
            raise CommandError(f"No event {options['event']}.")
        out: Path = options["out"]  # type: ignore[assignment]
        out.mkdir(parents=True, exist_ok=True)
        docs = _docs(event, curated=bool(options["curated"]))
        if options["format"] == "csv":
            (out / f"event-{event.pk}.csv").write_text(to_csv(docs), encoding="utf-8")
        elif options["format"] == "jsonl":
            (out / f"event-{event.pk}.jsonl").write_text(to_jsonl(docs), encoding="utf-8")
        elif options["format"] == "webanno":
            for name, text, spans in docs:
                (out / f"{name}.tsv").write_text(to_webanno_tsv(text, spans), encoding="utf-8")
        else:
            for name, text, spans in docs:
                (out / f"{name}.txt").write_text(text, encoding="utf-8", newline="")
                (out / f"{name}.ann").write_text(to_brat(text, spans), encoding="utf-8")
        self.stdout.write(f"{len(docs)} article(s) written to {out}")


def _docs(event: Event, *, curated: bool) -> list[tuple[str, str, list[Span]]]:
    rows = Annotation.objects.filter(
        revision_id__in=event.articles.values("current_revision"),
        status=AnnotationStatus.ACCEPTED,
    ).select_related("label", "revision")
    if curated:
        rows = rows.filter(curated=True)
    by_revision: dict = {}
    for a in rows.order_by("revision_id", "start", "end"):
        by_revision.setdefault(a.revision, []).append(Span(a.start, a.end, a.label.key, a.note))
    return [(f"article-{rev.article_id}", rev.text, spans) for rev, spans in by_revision.items()]
