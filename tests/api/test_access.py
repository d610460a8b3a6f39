"""For every endpoint: an outsider gets 404, a viewer cannot write, a revoked or expired
token gets 401 and a read-only token cannot write — the rules of the web pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from api.models import ApiToken
from api.tokens import token_create, token_revoke
from tests.api.conftest import bearer
from tests.api.endpoints import IMPORT_READS, LISTS, READS, SCOPED, WRITES, ids


@pytest.mark.parametrize("endpoint", SCOPED, ids=ids(SCOPED))
def test_member_of_another_workspace_gets_404(world, endpoint):
    response = endpoint.call(bearer(world.users["outsider"]), world)
    assert response.status_code == 404, response.content
    assert response.json()["error"] == "not_found"


@pytest.mark.parametrize("endpoint", WRITES, ids=ids(WRITES))
def test_viewer_cannot_write(world, endpoint):
    response = endpoint.call(bearer(world.users["viewer"]), world)
    assert response.status_code == 403, response.content
    assert response.json()["error"] == "forbidden"


@pytest.mark.parametrize("endpoint", WRITES, ids=ids(WRITES))
def test_read_only_token_cannot_write(world, endpoint):
    response = endpoint.call(bearer(world.users["owner"], scope="read"), world)
    assert response.status_code == 403, response.content
    assert "read-only" in response.json()["detail"]


@pytest.mark.parametrize("endpoint", SCOPED, ids=ids(SCOPED))
def test_revoked_token_gets_401(world, endpoint):
    new = token_create(user=world.users["owner"], name="t", scope="write", expires_in_days=7)
    token_revoke(token=new.token)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {new.secret}")
    response = endpoint.call(client, world)
    assert response.status_code == 401
    assert response.json()["error"] == "authentication_failed"
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("endpoint", SCOPED, ids=ids(SCOPED))
def test_expired_token_gets_401(world, endpoint):
    new = token_create(user=world.users["owner"], name="t", scope="write", expires_in_days=7)
    ApiToken.objects.filter(pk=new.token.pk).update(
        expires_at=timezone.now() - dt.timedelta(seconds=1)
    )
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {new.secret}")
    assert endpoint.call(client, world).status_code == 401


@pytest.mark.parametrize("endpoint", READS, ids=ids(READS))
def test_viewer_with_read_only_token_reads(world, endpoint):
    response = endpoint.call(bearer(world.users["viewer"], scope="read"), world)
    assert response.status_code in (200, 202), getattr(response, "content", response)


@pytest.mark.parametrize("endpoint", IMPORT_READS, ids=ids(IMPORT_READS))
def test_import_jobs_need_the_edit_right_as_on_the_import_pages(world, endpoint):
    assert endpoint.call(bearer(world.users["viewer"]), world).status_code == 403
    assert endpoint.call(bearer(world.users["analyst"]), world).status_code == 200


@pytest.mark.parametrize("endpoint", SCOPED, ids=ids(SCOPED))
def test_token_limited_to_another_workspace_gets_404(world, endpoint):
    # The owner belongs to a second workspace; a token for that one sees nothing here.
    from tests.factories import MembershipFactory

    other = MembershipFactory(user=world.users["owner"], role="owner").workspace
    response = endpoint.call(bearer(world.users["owner"], workspace=other), world)
    assert response.status_code == 404


@pytest.mark.parametrize("url", LISTS)
def test_lists_leave_out_other_workspaces(world, url):
    response = bearer(world.users["outsider"]).get(url)
    assert response.status_code == 200
    mine = {world.workspace.pk}
    for row in response.json()["results"]:
        assert row.get("workspace", row.get("id")) not in mine or url.endswith("/models/")


@pytest.mark.parametrize("endpoint", SCOPED, ids=ids(SCOPED))
def test_no_credentials_get_401(world, endpoint):
    assert endpoint.call(APIClient(), world).status_code == 401
