from django.core.management.base import BaseCommand, CommandParser

from framing.analysis_services import event_upgrade_builtin
from framing.selectors import events_on_outdated_builtin
from framing.tasks import upgrade_event_model


class Command(BaseCommand):
    help = (
        "After an upgrade: re-analyse every event shown by an older built-in model (earlier "
        "packaged weights or engine rules) with the current one, then show it. Queued for the "
        "workers by default; an event's pages show its old analyses until its task is done."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--now", action="store_true", help="Do it in this process instead of queueing it."
        )

    def handle(self, *args: object, **options: object) -> None:
        events = list(events_on_outdated_builtin().select_related("analysis_model"))
        for event in events:
            if options["now"]:
                event_upgrade_builtin(event=event)
            else:
                upgrade_event_model.enqueue(event.pk)
        verb = "Re-analysed" if options["now"] else "Queued re-analysis of"
        if events:
            self.stdout.write(f"{verb} {len(events)} event(s) analysed by an older engine.")
