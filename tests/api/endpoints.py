"""Every API endpoint that names an object, with a valid request for it, for the access
tests (each endpoint is one parametrised case)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from framing.analysis_services import builtin_model_version

V1 = "/api/v1"


@dataclass(frozen=True)
class Endpoint:
    method: str
    url: Callable[[Any], str]
    body: Callable[[Any], dict] = field(default=lambda w: {})
    writes: bool = False
    multipart: bool = False
    name: str = ""

    def call(self, client, world):
        url, data = self.url(world), self.body(world)
        if self.method == "get":
            return client.get(url, data)
        if self.multipart:
            return client.post(url, data, format="multipart")
        return getattr(client, self.method)(url, data, format="json")


def _jsonl(w) -> dict:
    line = b'{"title": "Boats", "outlet": "Harbour News", "text": "Boats stayed in port."}\n'
    return {"file": SimpleUploadedFile("a.jsonl", line, "application/jsonl")}


def _label_url(w) -> str:
    return f"{V1}/codebooks/{w.label.codebook_version.codebook_id}/labels/{w.label.key}/"


E = Endpoint
READS = [
    E("get", lambda w: f"{V1}/workspaces/{w.workspace.pk}/", name="workspace"),
    E("get", lambda w: f"{V1}/workspaces/{w.workspace.pk}/members/", name="members"),
    E("get", lambda w: f"{V1}/events/{w.event.pk}/", name="event"),
    E("get", lambda w: f"{V1}/events/{w.event.pk}/status/", name="event status"),
    E("get", lambda w: f"{V1}/events/{w.event.pk}/outlets/", name="outlet figures"),
    E("get", lambda w: f"{V1}/events/{w.event.pk}/alignment/", name="alignment"),
    E("get", lambda w: f"{V1}/outlets/{w.outlet.pk}/", name="outlet"),
    E("get", lambda w: f"{V1}/articles/{w.article.pk}/", name="article"),
    E("get", lambda w: f"{V1}/articles/{w.article.pk}/revisions/", name="revisions"),
    E("get", lambda w: f"{V1}/articles/{w.article.pk}/analysis/", name="analysis"),
    E("get", lambda w: f"{V1}/revisions/{w.article.current_revision_id}/", name="revision"),
    E(
        "get",
        lambda w: f"{V1}/revisions/{w.article.current_revision_id}/annotations/",
        name="revision tags",
    ),
    E("get", lambda w: f"{V1}/annotations/{w.annotation.pk}/", name="annotation"),
    E("get", lambda w: f"{V1}/terms/?event={w.event.pk}", name="terms"),
    E("get", lambda w: f"{V1}/codebooks/{w.codebook.pk}/", name="codebook"),
    E("get", lambda w: f"{V1}/labels/?workspace={w.workspace.pk}", name="labels"),
    E("get", lambda w: f"{V1}/exports/{w.export.pk}/", name="export"),
    E("get", lambda w: f"{V1}/exports/{w.export.pk}/download/", name="export download"),
    # Exporting reads the workspace: viewers may, as on the event page.
    E(
        "post",
        lambda w: f"{V1}/events/{w.event.pk}/exports/",
        lambda w: {"kind": "csv_spans"},
        name="export start",
    ),
]
# Import jobs are read with the edit right, as on the import pages.
IMPORT_READS = [
    E("get", lambda w: f"{V1}/imports/{w.job.pk}/", name="import"),
    E("get", lambda w: f"{V1}/imports/{w.job.pk}/items/", name="import items"),
]
WRITES = [
    E("post", lambda w: f"{V1}/events/",
      lambda w: {"workspace": w.workspace.pk, "title": "New event"}, True, name="event create"),
    E("post", lambda w: f"{V1}/articles/",
      lambda w: {"event": w.event.pk, "outlet": "Harbour News", "title": "Boats",
                 "text": "Boats stayed in port."}, True, name="article create"),
    E("post", lambda w: f"{V1}/events/{w.event.pk}/model/",
      lambda w: {"model_version": builtin_model_version().pk}, True, name="model activate"),
    E("post", lambda w: f"{V1}/events/{w.event.pk}/model/preview/",
      lambda w: {"model_version": builtin_model_version().pk}, True, name="model evaluate"),
    E("post", lambda w: f"{V1}/events/{w.event.pk}/operating-point/",
      lambda w: {"operating_point": "recall"}, True, name="operating point"),
    E("post", lambda w: f"{V1}/events/{w.event.pk}/imports/", _jsonl, True, True,
      name="import create"),
    E("post", lambda w: f"{V1}/imports/{w.job.pk}/confirm/", writes=True, name="import confirm"),
    E("post", lambda w: f"{V1}/imports/{w.job.pk}/discard/", writes=True, name="import discard"),
    E("post", lambda w: f"{V1}/revisions/{w.article.current_revision_id}/annotations/",
      lambda w: {"start": 0, "end": 3, "label": w.label.pk}, True, name="annotation create"),
    E("post", lambda w: f"{V1}/annotations/{w.annotation.pk}/decide/",
      lambda w: {"status": "rejected", "version": 1}, True, name="annotation decide"),
    E("delete", lambda w: f"{V1}/annotations/{w.annotation.pk}/", writes=True,
      name="annotation delete"),
    E("post", lambda w: f"{V1}/workspaces/{w.workspace.pk}/models/train/", writes=True,
      name="model train"),
    E("post", lambda w: f"{V1}/codebooks/{w.codebook.pk}/labels/",
      lambda w: {"name": "Siege metaphor"}, True, name="label add"),
    E("patch", _label_url,
      lambda w: {"name": "Renamed label", "colour": "#123456"}, True, name="label change"),
    E("delete", _label_url,
      writes=True, name="label retire"),
]  # fmt: skip
LISTS = [
    f"{V1}/workspaces/",
    f"{V1}/events/",
    f"{V1}/outlets/",
    f"{V1}/articles/",
    f"{V1}/codebooks/",
    f"{V1}/models/",
]
SCOPED = READS + IMPORT_READS + WRITES


def ids(endpoints) -> list[str]:
    return [e.name for e in endpoints]
