"""Hooks other apps listen to; framing never imports the apps that build on it."""

from __future__ import annotations

from django.dispatch import Signal

# Sent with ``event_ids`` (a set) once every current revision of those events has an analysis
# by the model they show: the moment summaries built from the analyses can be refreshed.
analysis_finished = Signal()
