"""The settings page for personal API tokens: create (shown once, stored hashed), revoke."""

from __future__ import annotations

from django.test import Client

from api.models import ApiToken
from api.tokens import token_hash
from tests.api.conftest import bearer


def _logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _create(client, **fields):
    data = {"name": "scraper", "scope": "write", "expires_in_days": 30, **fields}
    return client.post("/settings/tokens/", data)


def test_a_new_token_is_shown_once_and_stored_only_as_a_hash(world):
    client = _logged_in(world.users["analyst"])
    page = _create(client).content.decode()
    token = ApiToken.objects.get(user=world.users["analyst"])
    secret = page.split('<code class="secret">', 1)[1].split("<", 1)[0]
    assert secret.startswith("plx_") and token_hash(secret) == token.token_hash
    assert secret not in ApiToken.objects.values_list("token_hash", "prefix", "name")[0]
    assert secret not in client.get("/settings/tokens/").content.decode()


def test_token_page_is_never_cached(world):
    response = _create(_logged_in(world.users["analyst"]))
    assert "no-store" in response["Cache-Control"]


def test_token_for_a_workspace_one_is_not_in_is_refused(world):
    client = _logged_in(world.users["outsider"])
    response = _create(client, workspace=world.workspace.pk)
    assert response.status_code == 200  # the form again, with the error
    assert not ApiToken.objects.filter(user=world.users["outsider"]).exists()


def test_revoking_stops_the_token(world):
    client = _logged_in(world.users["viewer"])
    api = bearer(world.users["viewer"])
    token = ApiToken.objects.get(user=world.users["viewer"])
    assert api.get("/api/v1/workspaces/").status_code == 200
    client.post(f"/settings/tokens/{token.pk}/revoke/")
    assert api.get("/api/v1/workspaces/").status_code == 401


def test_another_users_token_cannot_be_revoked(world):
    bearer(world.users["viewer"])
    token = ApiToken.objects.get(user=world.users["viewer"])
    response = _logged_in(world.users["owner"]).post(f"/settings/tokens/{token.pk}/revoke/")
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_token_page_needs_a_log_in(world):
    response = Client().get("/settings/tokens/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_token_for_one_workspace_lists_only_that_one(world):
    from tests.factories import MembershipFactory

    MembershipFactory(user=world.users["viewer"], role="viewer")
    client = bearer(world.users["viewer"], workspace=world.workspace)
    ids = [w["id"] for w in client.get("/api/v1/workspaces/").json()["results"]]
    assert ids == [world.workspace.pk]


def test_create_api_token_command_prints_a_working_token(world, capsys):
    from django.core.management import call_command
    from rest_framework.test import APIClient

    call_command("create_api_token", world.users["viewer"].email, "--scope", "read")
    secret = capsys.readouterr().out.strip()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert client.get("/api/v1/workspaces/").status_code == 200
