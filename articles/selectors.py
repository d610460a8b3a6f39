"""Reads shared by views; each takes the workspace (or an object scoped to one)."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from accounts.models import Workspace
from articles.models import Article, Event, Outlet


def events_with_counts(*, workspace: Workspace) -> QuerySet[Event]:
    return workspace.events.annotate(
        n_articles=Count("articles", distinct=True),
        n_outlets=Count("articles__outlet", distinct=True),
    )


def event_articles(*, event: Event) -> QuerySet[Article]:
    return event.articles.select_related("outlet", "origin", "current_revision", "republication_of")


def outlets_with_counts(*, workspace: Workspace) -> QuerySet[Outlet]:
    return workspace.outlets.annotate(
        n_articles=Count("articles", distinct=True),
        n_events=Count("articles__event", distinct=True),
    )
