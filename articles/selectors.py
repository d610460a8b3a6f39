"""Reads shared by views; each takes the workspace (or an object scoped to one)."""

from __future__ import annotations

from django.apps import apps
from django.core.paginator import Page, Paginator
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery

from accounts.models import Workspace
from articles.models import Article, Event, Outlet

# Joins ignore the default manager: staged (not yet published) import rows are excluded here.
_PUBLISHED = Q(articles__staged=False)


def events_with_counts(*, workspace: Workspace) -> QuerySet[Event]:
    return workspace.events.annotate(
        n_articles=Count("articles", filter=_PUBLISHED, distinct=True),
        n_outlets=Count("articles__outlet", filter=_PUBLISHED, distinct=True),
    )


ARTICLES_PER_PAGE = 100


def event_articles(*, event: Event) -> QuerySet[Article]:
    """The event's published articles for listing, each with ``words`` (stored count or None).

    Never joins the revision: a list must not read every article's full text. Word counts come
    from the reports app's per-revision cache (looked up by name so articles does not import
    reports); ``event_article_page`` fills the ones not counted yet for the rows it shows.
    """
    stored = apps.get_model("reports", "RevisionWords").objects.filter(
        revision_id=OuterRef("current_revision_id")
    )
    return event.articles.select_related("outlet", "origin", "republication_of").annotate(
        words=Subquery(stored.values("words")[:1])
    )


def event_article_page(*, event: Event, number: str | int | None) -> Page:
    """One page of ``event_articles`` with every row's word count filled in."""
    from reports.words import revision_words  # local: reports builds on articles

    page = Paginator(event_articles(event=event), ARTICLES_PER_PAGE).get_page(number)
    missing = [a.current_revision_id for a in page.object_list if a.words is None]
    if missing:
        counted = revision_words(missing)  # counts these texts once and stores them
        for a in page.object_list:
            if a.words is None:
                a.words = counted.get(a.current_revision_id)
    return page


def outlets_with_counts(*, workspace: Workspace) -> QuerySet[Outlet]:
    return workspace.outlets.annotate(
        n_articles=Count("articles", filter=_PUBLISHED, distinct=True),
        n_events=Count("articles__event", filter=_PUBLISHED, distinct=True),
    )
