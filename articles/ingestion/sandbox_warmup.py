"""Imported once by the ingestion sandbox's forkserver, so that every child starts warm.

The readers load some things on first use (the language model, trafilatura's and htmldate's
tables): about half a second that would otherwise be paid again by every child.
"""

from __future__ import annotations

import logging

from .dispatch import _read_single
from .limits import Limits

_PAGE = (
    b"<html><head><title>Warm-up</title></head><body><article><p>The harbour council met on "
    b"Tuesday and agreed to publish the fishing quotas before the autumn season began.</p>"
    b"</article></body></html>"
)

try:
    for _article in _read_single("html", _PAGE, name="warm-up.html", limits=Limits()):
        pass
except Exception:  # a failed warm-up must not stop the server; children then pay
    logging.getLogger(__name__).exception("ingestion sandbox warm-up failed")
