"""A request-level cap on upload size, enforced while Django reads the request body.

The per-file limits of the readers only run once Django has spooled every file of the request
to disk; this handler stops reading as soon as the request's files together pass
``PARALLAX_IMPORT["MAX_REQUEST_BYTES"]``. It must come first in ``FILE_UPLOAD_HANDLERS``.
"""

from __future__ import annotations

from django.core.files.uploadhandler import FileUploadHandler, StopUpload

from .config import conf

EXCEEDED = "upload_limit_exceeded"  # request attribute the import view looks for


class RequestSizeLimitHandler(FileUploadHandler):
    """Counts the bytes of every file of one request and stops the upload past the limit."""

    def __init__(self, request=None) -> None:
        super().__init__(request)
        self.limit = conf("MAX_REQUEST_BYTES")
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > self.limit:
            if self.request is not None:
                setattr(self.request, EXCEEDED, self.limit)
            # the rest of the body is read and dropped, so the browser gets the error page
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handler builds the file


def upload_refusal(request) -> str:
    """Why Django stopped reading this upload request, or "" when it read all of it."""
    from django.core.exceptions import TooManyFilesSent

    from articles.ingestion.streams import human_bytes

    try:
        request.FILES  # noqa: B018 - parsing the body is what may fail
    except TooManyFilesSent:
        return (
            f"More than {conf('MAX_FILES')} files uploaded at once. "
            "Put them in a .zip or upload them in several parts."
        )
    limit = getattr(request, EXCEEDED, None)
    if limit is not None:
        return (
            f"The files together are larger than the limit of {human_bytes(limit)} per upload; "
            "nothing was imported. Upload them in several parts."
        )
    return ""
