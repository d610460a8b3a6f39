from django.core.management.base import BaseCommand

from articles.demo_loader import DEMO_EMAIL, DEMO_PASSWORD, demo_load_all
from framing.analysis_services import event_analyse


class Command(BaseCommand):
    help = "Create the demo user, workspace and events (does nothing if they exist)."

    def handle(self, *args: object, **options: object) -> None:
        for event in demo_load_all():
            # Analyse now rather than through the worker, so the first page view has results.
            event_analyse(event=event)
            self.stdout.write(f"Demo event “{event.title}” with {event.articles.count()} articles.")
        self.stdout.write(f"Log in as {DEMO_EMAIL} / {DEMO_PASSWORD}")
