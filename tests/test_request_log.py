"""The structured request log: one JSON line per request, with wall and CPU time."""

from __future__ import annotations

import json
import logging

import pytest


@pytest.mark.django_db
def test_a_request_logs_its_wall_and_cpu_milliseconds(client, caplog):
    caplog.set_level(logging.INFO, logger="parallax.request")
    assert client.get("/accounts/login/").status_code == 200

    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "parallax.request"]
    assert [(line["path"], line["status"]) for line in lines] == [("/accounts/login/", 200)]
    assert 0 < lines[0]["cpu_ms"] <= lines[0]["ms"] + 0.2
