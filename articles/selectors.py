"""Reads shared by views; each takes the workspace (or an object scoped to one)."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from accounts.models import Workspace
from articles.models import Article, Event, Outlet

# Joins ignore the default manager: staged (not yet published) import rows are excluded here.
_PUBLISHED = Q(articles__staged=False)


def events_with_counts(*, workspace: Workspace) -> QuerySet[Event]:
    return workspace.events.annotate(
        n_articles=Count("articles", filter=_PUBLISHED, distinct=True),
        n_outlets=Count("articles__outlet", filter=_PUBLISHED, distinct=True),
    )


def event_articles(*, event: Event) -> QuerySet[Article]:
    return event.articles.select_related("outlet", "origin", "current_revision", "republication_of")


def outlets_with_counts(*, workspace: Workspace) -> QuerySet[Outlet]:
    return workspace.outlets.annotate(
        n_articles=Count("articles", filter=_PUBLISHED, distinct=True),
        n_events=Count("articles__event", filter=_PUBLISHED, distinct=True),
    )
