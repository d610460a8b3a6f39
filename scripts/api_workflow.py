#!/usr/bin/env python3
"""An analyst's whole workflow through the Parallax API only (standard library, no Django).

    PARALLAX_URL=http://127.0.0.1:8000 PARALLAX_TOKEN=plx_… python scripts/api_workflow.py

Creates an event in the token's workspace, imports articles from a JSONL file through the
import preview, waits for their analysis, reads loaded terms and per-outlet figures, tags
spans in three texts, accepts a model suggestion, trains a workspace model, evaluates and
activates it for the event, exports the event's tagged spans and a report (export jobs)
and the per-outlet table as CSV. Prints one line per
step; exits non-zero on the first unexpected answer. The token needs read-write scope and
the analyst (or owner) role.
"""

from __future__ import annotations

import json
import os
import sys
import time
import urllib.error
import urllib.request
import uuid
from typing import Any

ARTICLES = [
    (
        "Harbour Watch",
        "Drills off the cape",
        "Officials said the navy began drills off the northern cape on Monday. The ministry called "
        "the manoeuvres a reckless provocation and warned of a firm response. Fishing boats stayed "
        "in port while patrol ships crossed the strait.",
    ),
    (
        "Coastal Herald",
        "Navy exercise begins",
        "The navy opened a week-long exercise near the cape, a spokesperson said. “These drills "
        "are routine and long planned,” said Admiral Olivia Grant. Observers from two neighbouring "
        "navies were invited to watch.",
    ),
    (
        "State Wire",
        "Aggressive bloc stages drills",
        "The aggressive bloc staged so-called drills near our coast, the foreign ministry said. "
        "Analysts called the move a dangerous escalation that threatens peace in the region. "
        "Trawlers were turned away from the shoals.",
    ),
    (
        "Harbour Watch",
        "Talks to resume",
        "Talks between the two capitals will resume next week, officials said on Tuesday. The "
        "regime's hardliners dismissed the talks as a stunt. Fishermen returned to sea at dawn.",
    ),
]


class Api:
    def __init__(self, base: str, token: str) -> None:
        self.base = base.rstrip("/") + "/api/v1"
        self.headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}

    def call(self, method: str, path: str, body: Any = None, *, expect=(200,), raw=False):
        data, headers = None, dict(self.headers)
        if raw:
            headers["Accept"] = "text/csv, */*"
        if isinstance(body, bytes):
            data, headers["Content-Type"] = _multipart(body)
        elif body is not None:
            data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
        request = urllib.request.Request(self.base + path, data, headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                status, payload = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, payload = error.code, error.read()
        if status not in expect:
            sys.exit(f"{method} {path}: HTTP {status}: {payload[:500]!r}")
        if raw:
            return payload.decode()
        return json.loads(payload) if payload else None

    def wait(self, path: str, done, what: str, timeout: float = 300):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            body = self.call("GET", path)
            if done(body):
                return body
            time.sleep(1)
        sys.exit(f"timed out waiting for {what}")


def _multipart(content: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="batch.jsonl"'
        "\r\nContent-Type: application/jsonl\r\n\r\n"
    )
    return head.encode() + content + f"\r\n--{boundary}--\r\n".encode(), (
        f"multipart/form-data; boundary={boundary}"
    )


STARTED = time.monotonic()


def step(text: str) -> None:
    print(f"{time.monotonic() - STARTED:6.1f}s  {text}", flush=True)


def main() -> None:
    api = Api(os.environ["PARALLAX_URL"], os.environ["PARALLAX_TOKEN"])
    workspace = api.call("GET", "/workspaces/")["results"][0]
    event = api.call("POST", "/events/", {"workspace": workspace["id"], "title": "Cape drills"},
                     expect=(201,))  # fmt: skip
    step(f"event {event['id']} in workspace {workspace['name']}")

    lines = [json.dumps({"outlet": o, "title": t, "text": x}) for o, t, x in ARTICLES]
    job = api.call("POST", f"/events/{event['id']}/imports/", "\n".join(lines).encode(),
                   expect=(201,))  # fmt: skip
    step(f"import {job['id']}: preview of {job['counts']['new']} new articles")
    api.call("POST", f"/imports/{job['id']}/confirm/", {})
    job = api.wait(f"/imports/{job['id']}/", lambda j: j["done"], "the import")
    if job["status"] != "succeeded":
        sys.exit(f"import ended {job['status']}: {job['error']}")
    status = api.wait(f"/events/{event['id']}/status/", lambda s: s["done"], "the analysis")
    step(f"analysed {status['analysed']} of {status['articles']} articles")

    terms = api.call("GET", f"/terms/?event={event['id']}")["results"]
    step(f"{len(terms)} tags, e.g. {[t['term'] for t in terms[:3]]}")
    # The comparison summary is rebuilt in the background after an import: wait for it.
    figures = api.wait(f"/events/{event['id']}/outlets/", lambda f: not f["updating"], "figures")
    step("per outlet: " + ", ".join(f"{o['name']} {o['articles']}" for o in figures["outlets"]))

    articles = api.call("GET", f"/articles/?event={event['id']}")["results"]
    labels = {lab["key"]: lab for lab in api.call("GET", f"/labels/?workspace={workspace['id']}")
              ["results"]}  # fmt: skip
    for article in articles[:3]:
        analysis = api.call("GET", f"/articles/{article['id']}/analysis/")
        text = api.call("GET", f"/revisions/{analysis['revision']}/")["text"]
        word = text.split()[1]
        start = text.index(word)
        body = {"start": start, "end": start + len(word), "label": labels["euphemism"]["id"],
                "quote": word}  # fmt: skip
        api.call("POST", f"/revisions/{analysis['revision']}/annotations/", body, expect=(201,))
        suggestion = next((t for t in analysis["loaded_terms"] if t["status"] == "suggested"), None)
        if suggestion:
            decision = {"status": "accepted", "version": suggestion["version"]}
            api.call("POST", f"/annotations/{suggestion['id']}/decide/", decision)
    step("tagged three texts and accepted suggestions")

    before = {m["id"] for m in api.call("GET", f"/models/?workspace={workspace['id']}")["results"]}
    api.call("POST", f"/workspaces/{workspace['id']}/models/train/", expect=(202,))
    models = api.wait(
        f"/models/?workspace={workspace['id']}",
        lambda body: {m["id"] for m in body["results"]} - before,
        "training",
        timeout=600,
    )
    model = next(m for m in models["results"] if m["id"] not in before)
    step(f"trained model {model['id']}")
    diff = api.call("POST", f"/events/{event['id']}/model/preview/", {"model_version": model["id"]})
    step(f"switching would add {len(diff['added'])} and drop {len(diff['dropped'])} tags")
    event = api.call("POST", f"/events/{event['id']}/model/", {"model_version": model["id"]})
    step(f"event now shows model {event['analysis_model']}")

    job = api.call("POST", f"/events/{event['id']}/exports/", {"kind": "csv_spans"},
                   expect=(202,))  # fmt: skip
    job = api.wait(f"/exports/{job['id']}/", lambda j: j["done"], "the export")
    if job["status"] != "succeeded":
        sys.exit(f"export ended {job['status']}: {job['error']}")
    spans = api.call("GET", job["download"].removeprefix("/api/v1"), raw=True)
    step(f"exported {job['filename']}: {len(spans.splitlines()) - 1} tagged spans")
    job = api.call("POST", f"/events/{event['id']}/exports/", {"kind": "report_html"},
                   expect=(202,))  # fmt: skip
    job = api.wait(f"/exports/{job['id']}/", lambda j: j["done"], "the report")
    if job["status"] != "succeeded":
        sys.exit(f"report ended {job['status']}: {job['error']}")
    report = api.call("GET", job["download"].removeprefix("/api/v1"), raw=True)
    step(f"exported the report {job['filename']} ({len(report)} characters)")
    table = api.call("GET", f"/events/{event['id']}/outlets/?format=csv", raw=True)
    step(f"exported the per-outlet table: {len(table.splitlines()) - 1} outlets")
    print(table, end="")


if __name__ == "__main__":
    main()
