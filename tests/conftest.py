from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

from tests.factories import MembershipFactory, WorkspaceFactory

# CI keeps property tests short; bench/ and local runs may ask for more.
settings.register_profile(
    "ci", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile("dev")


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def workspace(db):
    return WorkspaceFactory()


def _member(workspace, role):
    return MembershipFactory(workspace=workspace, role=role).user


@pytest.fixture
def owner(workspace):
    return _member(workspace, "owner")


@pytest.fixture
def analyst(workspace):
    return _member(workspace, "analyst")


@pytest.fixture
def annotator(workspace):
    return _member(workspace, "annotator")


@pytest.fixture
def viewer(workspace):
    return _member(workspace, "viewer")


@pytest.fixture
def outsider(db):
    """A signed-up user of another workspace, who must see nothing of `workspace`."""
    other = MembershipFactory(role="owner")
    return other.user


@pytest.fixture
def file_database(transactional_db, tmp_path):
    """On SQLite: the test database copied to a file and used in WAL mode with IMMEDIATE
    transactions, as in production, so threads lock each other as real requests would.

    The in-memory test database allows one writer differently (shared-cache table locks), so
    lock tests need this. Create the test's data after this fixture. On PostgreSQL: as is.
    """
    import sqlite3

    from django.db import connection

    if connection.vendor != "sqlite":
        yield connection
        return
    connection.ensure_connection()
    memory = connection.connection
    path = tmp_path / "parallax.sqlite3"
    copy = sqlite3.connect(path)
    memory.backup(copy)
    copy.close()
    # every thread's connection is built from this same settings dict
    name = connection.settings_dict["NAME"]
    connection.settings_dict["NAME"] = str(path)
    connection.connection = None  # the next query connects to the file
    try:
        yield connection
    finally:
        connection.close()
        connection.settings_dict["NAME"] = name
        connection.connection = memory
