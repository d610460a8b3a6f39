"""The served OpenAPI schema, checked against the API itself with generated requests.

For every operation, schemathesis reads /api/schema/ from the WSGI application and sends
requests generated from it (a bounded number, a fixed seed) as the workspace's owner with a
read-write token. Any 5xx, any status code the schema does not list, any body or content
type that does not match it fails the test.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import checks

from tests.api.conftest import bearer

CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
]
# Operations, listed when the tests are collected (the schema needs no database).
OPERATIONS = [
    (path, method.upper())
    for path, item in SchemaGenerator().get_schema(request=None, public=True)["paths"].items()
    for method in item
]


@pytest.fixture
def app(db):
    """The WSGI application, called in the test's own transaction. Django closes the
    connection when a request ends (in autocommit mode it would be reopened; inside a test's
    transaction that loses the transaction), so, as its test client does, that is off."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def served_schema(world, app):
    return schemathesis.openapi.from_wsgi("/api/schema/", app)


def test_every_operation_is_tested_here(served_schema):
    served = {(path, method.upper()) for path, item in served_schema.raw_schema["paths"].items()
              for method in item}  # fmt: skip
    assert served == set(OPERATIONS)


@pytest.mark.parametrize(("path", "method"), OPERATIONS, ids=[f"{m} {p}" for p, m in OPERATIONS])
def test_operation_answers_as_the_schema_says(world, served_schema, path, method):
    operation = served_schema[path][method]
    header = {"Authorization": bearer(world.users["owner"])._credentials["HTTP_AUTHORIZATION"]}

    real_id = _real_id(world, path)

    @given(case=operation.as_strategy(), real=st.booleans())
    @settings(
        max_examples=10,
        derandomize=True,  # a fixed seed: the same requests on every run
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case, real):
        if real and real_id is not None:  # half the requests name the workspace's own objects
            case.path_parameters = {**(case.path_parameters or {}), "id": real_id}
        case.call_and_validate(headers=header, checks=CHECKS)

    check()


def _real_id(world, path: str) -> int | None:
    if "{id}" not in path:
        return None
    objects = {
        "workspaces": world.workspace,
        "events": world.event,
        "outlets": world.outlet,
        "articles": world.article,
        "revisions": world.article.current_revision,
        "annotations": world.annotation,
        "imports": world.job,
        "codebooks": world.codebook,
        "exports": world.export,
    }
    return objects[path.split("/")[3]].pk
