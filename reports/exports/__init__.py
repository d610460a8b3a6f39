"""Background exports: files made by a task while the page shows a progress bar.

How to add a kind of export (a data format, a report)::

    from reports.exports.registry import ExportOutput, register

    @register("report_pdf", label="Report (PDF)", extension="pdf")
    def report_pdf(job, progress):
        # job: reports.models.ExportJob (job.event, job.workspace, job.params, job.created_by)
        progress(10, "Drawing the charts")          # percent 0–100 and a short message
        ...
        return ExportOutput("event-3-report.pdf", "application/pdf", pdf_bytes)

The generator runs in a worker, never in a request. It returns an ``ExportOutput`` (or a
``(filename, content_type, content)`` tuple) whose content is ``bytes`` or a binary file
object (e.g. a ``tempfile.TemporaryFile`` for large files, read in chunks and closed after
saving). Any exception fails the job with its message shown to the user; raise
``django.core.exceptions.ValidationError`` for a message meant for them. ``progress`` also
writes the job's heartbeat; call it at least every ~20 s (``STALL_SECONDS``) so a long
export is not taken for a dead one. ``progress`` raises ``ExportCancelled`` when the job
was taken over or removed: let it propagate.

Options of ``register``: ``capability`` (default ``export``) is what the member must be
allowed to do to start and download it; ``clean`` validates and normalises the params
dict in the request (raise ``ValidationError``), so a bad request never queues a job;
``group`` ("data" or "report") is the heading the event page's Export panel lists it
under (a button per kind, posting only ``kind``; ``listed=False`` leaves it out, for a
kind that a page of its own starts with its params).
Register in a module that ``ReportsConfig.ready`` imports. ``job.params["base_url"]``
("https://host", from the starting request) makes links in the file absolute.

Services (``reports.exports.jobs``): ``export_start(user=, event=, kind=, params=)`` queues a
job (the page returns at once), ``export_state(job)`` is what the browser polls,
``exports_cleanup()`` deletes expired files (also run by ``manage.py cleanup_exports``).
Views: ``reports:export_start`` (POST kind + params), ``reports:export_job`` (page with a
progress bar), ``reports:export_state`` (JSON), ``reports:export_download``. The partial
``reports/_export_job.html`` + ``static/reports/exports.js`` show and poll any job.
"""
