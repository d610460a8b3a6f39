"""What every endpoint shares: error bodies, allow-listed parameters, cursor pages, ETags,
rate limits, and session auth with CSRF for the browser."""

from __future__ import annotations

import pytest
from django.test import Client
from rest_framework.test import APIClient

from api.throttling import PerTokenRateThrottle
from tests.api.conftest import bearer
from tests.factories import EventFactory


def test_unknown_parameter_is_a_400_naming_the_allowed_ones(world):
    response = bearer(world.users["viewer"]).get("/api/v1/articles/", {"lable": "x"})
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "invalid"
    assert "lable" in body["detail"]
    for allowed in ("event", "outlet", "outlet_type", "since", "until", "cursor"):
        assert allowed in body["detail"]
    assert set(body) == {"error", "detail", "fields"}


def test_a_value_that_does_not_parse_is_a_400_naming_the_field(world):
    response = bearer(world.users["viewer"]).get("/api/v1/articles/", {"since": "yesterday"})
    assert response.status_code == 400
    assert response.json()["fields"] == {"since": ["since='yesterday' is not a date, YYYY-MM-DD."]}


def test_invalid_body_names_each_field(world):
    client = bearer(world.users["owner"])
    response = client.post("/api/v1/events/", {"workspace": world.workspace.pk}, format="json")
    assert response.status_code == 400
    assert list(response.json()["fields"]) == ["title"]


def test_cursor_pages_walk_every_row_once(world):
    for n in range(5):
        EventFactory(workspace=world.workspace, title=f"Extra {n}")
    client = bearer(world.users["viewer"])
    seen, url = [], "/api/v1/events/?page_size=2"
    while url:
        body = client.get(url).json()
        seen += [e["id"] for e in body["results"]]
        url = body["next"]
    assert len(seen) == 6 == len(set(seen))


def test_a_forged_cursor_is_a_400(world):
    response = bearer(world.users["viewer"]).get("/api/v1/events/", {"cursor": "zz"})
    assert response.status_code == 400
    assert "cursor" in response.json()["fields"]


def test_results_carry_an_etag_and_answer_304_while_unchanged(world):
    client = bearer(world.users["viewer"])
    url = f"/api/v1/articles/{world.article.pk}/analysis/"
    first = client.get(url)
    assert first.status_code == 200 and first["ETag"]
    assert "Authorization" in first["Vary"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""


def test_etag_changes_when_the_results_change(world):
    client = bearer(world.users["owner"])
    url = f"/api/v1/revisions/{world.article.current_revision_id}/annotations/"
    before = client.get(url)["ETag"]
    client.delete(f"/api/v1/annotations/{world.annotation.pk}/")
    after = client.get(url, HTTP_IF_NONE_MATCH=before)
    assert after.status_code == 200
    assert after["ETag"] != before


@pytest.fixture
def two_per_minute(monkeypatch):
    from django.core.cache import cache

    cache.clear()
    monkeypatch.setattr(PerTokenRateThrottle, "rate", "2/min", raising=False)
    yield
    cache.clear()


def test_a_token_past_its_rate_limit_gets_429_with_retry_after(world, two_per_minute):
    client = bearer(world.users["viewer"])
    assert [client.get("/api/v1/workspaces/").status_code for _ in range(2)] == [200, 200]
    refused = client.get("/api/v1/workspaces/")
    assert refused.status_code == 429
    assert refused.json()["error"] == "throttled"
    assert int(refused["Retry-After"]) > 0


def test_rate_limits_count_per_token(world, two_per_minute):
    busy, other = bearer(world.users["viewer"]), bearer(world.users["viewer"])
    for _ in range(3):
        busy.get("/api/v1/workspaces/")
    assert other.get("/api/v1/workspaces/").status_code == 200


def test_browser_session_reads_without_a_token(world):
    client = APIClient()
    client.force_login(world.users["viewer"])
    assert client.get(f"/api/v1/events/{world.event.pk}/").status_code == 200


def test_browser_session_writes_need_the_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["owner"])
    body = {"workspace": world.workspace.pk, "title": "From the browser"}
    refused = client.post("/api/v1/events/", body, content_type="application/json")
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]
    client.get("/settings/tokens/")  # any page sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    done = client.post(
        "/api/v1/events/", body, content_type="application/json", HTTP_X_CSRFTOKEN=token
    )
    assert done.status_code == 201


def test_tokens_need_no_csrf_token(world):
    client = bearer(world.users["owner"])
    client.handler.enforce_csrf_checks = True
    body = {"workspace": world.workspace.pk, "title": "From a script"}
    assert client.post("/api/v1/events/", body, format="json").status_code == 201


def test_unknown_api_url_is_a_json_404(world):
    response = bearer(world.users["viewer"]).get("/api/v1/nothing-here/")
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


def test_token_use_is_recorded_as_last_used(world):
    from api.models import ApiToken

    client = bearer(world.users["viewer"])
    client.get("/api/v1/workspaces/")
    assert ApiToken.objects.get(user=world.users["viewer"]).last_used_at is not None


def test_a_nul_character_in_a_filter_is_a_400(world):
    client = bearer(world.users["viewer"])
    response = client.get("/api/v1/terms/", {"event": world.event.pk, "label": "a\x00b"})
    assert response.status_code == 400
    assert "label" in response.json()["fields"]
