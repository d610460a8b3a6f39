"""Upload builders for import tests (all text fictional)."""

from __future__ import annotations

import json

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.articles.ingestion.helpers import STORY, STORY_2

STORY_3 = (
    "The defence ministry of Castrel announced a week of naval drills off the northern cape. "
    "A statement said the exercise was routine and long planned, and that observers from two "
    "neighbouring navies had been invited to watch the manoeuvres from a supply ship."
)
WIRE = (
    "Patrol boats from Veloria escorted two trawlers away from the Marren shoals on Tuesday, "
    "the coastal ministry said. A ministry spokesperson called the manoeuvres of the "
    "neighbouring fleet a reckless provocation and promised a firm response, while officials "
    "in the harbour town of Ostrel said that talks between the two capitals would resume "
    "next week as planned. Fishermen said the night at sea had been tense and long."
)
WIRE_EDITED = WIRE.replace("on Tuesday", "early on Tuesday").replace("as planned", "")


def upload(name: str, data: bytes | str, content_type: str = "application/octet-stream"):
    if isinstance(data, str):
        data = data.encode("utf-8")
    return SimpleUploadedFile(name, data, content_type=content_type)


def jsonl(*records: dict) -> bytes:
    return "\n".join(json.dumps(r) for r in records).encode("utf-8") + b"\n"


def record(text: str = STORY, **fields) -> dict:
    return {"title": "Shoals stand-off", "text": text, "outlet": "Veloria Daily", **fields}


__all__ = ["STORY", "STORY_2", "STORY_3", "WIRE", "WIRE_EDITED", "jsonl", "record", "upload"]
