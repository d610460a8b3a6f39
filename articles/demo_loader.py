"""The demo workspace: two fictional events (a naval exercise covered by seven outlets, a
migrant caravan at a border covered by five) in one workspace."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.db import transaction

from accounts.models import User, Workspace
from accounts.services import user_signup, workspace_create
from articles.models import Article, Event, Outlet
from articles.services import article_create, event_create, outlet_get_or_create

DEMO_FILE = Path(__file__).parent / "demo" / "naval_exercise.json"
SECOND_DEMO_FILE = Path(__file__).parent / "demo" / "border_caravan.json"
DEMO_FILES = (DEMO_FILE, SECOND_DEMO_FILE)
DEMO_EMAIL = "demo@parallax.example"
DEMO_PASSWORD = "parallax-demo"
DEMO_WORKSPACE = "Demo workspace"


def _published(value: str) -> dt.date | dt.datetime:
    return dt.datetime.fromisoformat(value) if "T" in value else dt.date.fromisoformat(value)


def _demo_user() -> User:
    user = User.objects.filter(email=DEMO_EMAIL).first()
    return user or user_signup(email=DEMO_EMAIL, username="demo", password=DEMO_PASSWORD)


@transaction.atomic
def demo_load(*, path: Path = DEMO_FILE) -> Event:
    """Create (once) the demo user, workspace, outlets and event; return the event."""
    data = json.loads(path.read_text(encoding="utf-8"))
    user = _demo_user()
    workspace = Workspace.objects.filter(name=DEMO_WORKSPACE, memberships__user=user).first()
    if workspace is None:
        workspace = workspace_create(
            user=user, name=DEMO_WORKSPACE, description="Fictional coverage of a naval exercise."
        )
    existing = Event.objects.filter(workspace=workspace, title=data["event"]["title"]).first()
    if existing is not None:
        return existing
    ev = data["event"]
    event = event_create(
        workspace=workspace,
        title=ev["title"],
        description=ev.get("description", ""),
        start_date=dt.date.fromisoformat(ev["start_date"]),
        end_date=dt.date.fromisoformat(ev["end_date"]),
        tags=ev.get("tags", []),
        created_by=user,
    )
    for spec in data["outlets"]:
        _demo_outlet(workspace, spec)
    for spec in data["articles"]:
        _demo_article(event, user, spec)
    return event


def demo_load_all() -> list[Event]:
    """Every demo event, the first one first (each created once)."""
    return [demo_load(path=path) for path in DEMO_FILES]


def _demo_outlet(workspace: Workspace, spec: dict) -> Outlet:
    fields = {k: v for k, v in spec.items() if k != "name"}
    if fields.get("type_date"):
        fields["type_date"] = dt.date.fromisoformat(fields["type_date"])
    return outlet_get_or_create(workspace=workspace, name=spec["name"], **fields)


def _demo_article(event: Event, user: User, spec: dict) -> Article:
    outlet = outlet_get_or_create(workspace=event.workspace, name=spec["outlet"])
    origin = None
    relayed = None
    if spec.get("origin"):
        origin = outlet_get_or_create(workspace=event.workspace, name=spec["origin"])
        relayed = event.articles.filter(outlet=origin).first()
    return article_create(
        event=event,
        outlet=outlet,
        origin=origin,
        republication_of=relayed,
        title=spec["title"],
        text=spec["text"],
        byline=spec.get("byline", ""),
        published=_published(spec["published"]) if spec.get("published") else None,
        url=spec.get("url", ""),
        language=spec.get("language", ""),
        added_by=user,
        source_format="demo",
    )
