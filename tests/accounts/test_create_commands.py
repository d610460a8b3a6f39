"""Create a user, a workspace and an event from the command line (no browser)."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from accounts.models import Membership, User, Workspace
from articles.models import Event

pytestmark = pytest.mark.django_db


def _run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue().strip()


def test_user_workspace_event_and_a_member_from_the_command_line(monkeypatch):
    monkeypatch.setenv("PARALLAX_PASSWORD", "a long passphrase for tests")
    owner_id = _run("create_user", "--email", "ana@example.org", "--username", "ana")
    owner = User.objects.get(pk=owner_id)
    assert owner.check_password("a long passphrase for tests")
    ws = Workspace.objects.get(
        pk=_run("create_workspace", "--owner", "ANA@example.org", "--name", "Lab")
    )
    assert ws.codebooks.filter(key="loaded-terms").exists()
    assert Membership.objects.get(workspace=ws, user=owner).role == "owner"
    event = Event.objects.get(
        pk=_run(
            "create_event", "--workspace", str(ws.pk), "--title", "Drills", "--start", "2024-06-01"
        )
    )
    assert (event.workspace, event.title, str(event.start_date)) == (ws, "Drills", "2024-06-01")
    _run("create_user", "--email", "bo@example.org", "--username", "bo", "--workspace", str(ws.pk))
    assert Membership.objects.get(workspace=ws, user__username="bo").role == "annotator"


def test_missing_password_and_unknown_owner_are_clear_errors(monkeypatch):
    monkeypatch.delenv("PARALLAX_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    with pytest.raises(CommandError, match="PARALLAX_PASSWORD"):
        _run("create_user", "--email", "x@example.org", "--username", "x")
    with pytest.raises(CommandError, match=r"No user with e-mail nobody@example\.org"):
        _run("create_workspace", "--owner", "nobody@example.org", "--name", "Lab")
    with pytest.raises(CommandError, match="No workspace 999"):
        _run("create_event", "--workspace", "999", "--title", "T")
