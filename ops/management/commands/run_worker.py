"""``run_worker``: django-tasks-db's ``db_worker`` with retries, backoff and a heartbeat."""

from __future__ import annotations

import os

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

from ops.worker import ResilientWorker

RQ_BACKEND = "ops.rq.RQBackend"


class Command(db_worker.Command):
    help = (
        "Run the background task worker. Database errors are retried with backoff; after "
        "PARALLAX_WORKER['MAX_FAILURES'] in a row it exits (code 1, or 3 to be restarted by "
        "--reload) so that a supervisor starts it afresh. Same options as db_worker. With "
        "TASK_BACKEND=ops.rq.RQBackend it runs RQ's worker instead (--queue-name, --batch)."
    )

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        if settings.TASKS["default"]["BACKEND"] == RQ_BACKEND:
            # db_worker refuses a backend that is not its own; RQ's worker ignores the option.
            parser.set_defaults(backend_name=None)
            for action in parser._actions:
                if action.dest == "backend_name":
                    action.type = str

    def handle(self, *, verbosity: int, reload: bool, batch: bool, **options) -> None:
        if settings.TASKS["default"]["BACKEND"] == RQ_BACKEND:
            # The team layout: RQ's worker, which recovers dead workers' jobs itself.
            call_command(
                "rqworker",
                *options["queue_name"].split(","),
                worker_class="ops.rq.ParallaxWorker",
                job_class="django_tasks_rq.backend.Job",
                with_scheduler=True,  # tasks queued to run later (debounced refreshes)
                burst=batch,
                verbosity=verbosity,
            )
            return
        self.configure_logging(verbosity)
        reload = reload and not batch
        queue_names = options["queue_name"].split(",")
        excluded = options["exclude_queues"].split(",") if options["exclude_queues"] else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = ResilientWorker(
            reload=reload,
            queue_names=queue_names,
            interval=options["interval"],
            batch=batch,
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            excluded_queue_names=excluded,
        )
        if not reload:
            worker.configure_signals()
            worker.run()
            return
        if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
            worker.configure_signals()  # only in the child process that runs the worker
        run_with_reloader(worker.run)
