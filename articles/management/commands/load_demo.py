from django.core.management.base import BaseCommand

from articles.demo_loader import DEMO_EMAIL, DEMO_PASSWORD, demo_load


class Command(BaseCommand):
    help = "Create the demo user, workspace and event (does nothing if they exist)."

    def handle(self, *args: object, **options: object) -> None:
        event = demo_load()
        self.stdout.write(
            f"Demo event “{event.title}” with {event.articles.count()} articles. "
            f"Log in as {DEMO_EMAIL} / {DEMO_PASSWORD}"
        )
