"""The event's article list: no texts read, word counts from the per-revision cache, paged."""

from __future__ import annotations

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import selectors
from articles.models import Article
from reports.models import RevisionWords
from tests.factories import EventFactory, OutletFactory, make_article

TEXT_COLUMN = '"articles_textrevision"."text"'
FIVE = "one two three four five"


def _event_with(workspace, n, text=FIVE):
    event = EventFactory(workspace=workspace)
    outlet = OutletFactory(workspace=workspace)
    for i in range(n):
        make_article(event=event, outlet=outlet, text=text, title=f"Report {i}")
    return event


def test_event_article_list_never_selects_the_text_column(workspace):
    event = _event_with(workspace, 3)
    with CaptureQueriesContext(connection) as ctx:
        rows = list(selectors.event_articles(event=event))
    assert len(rows) == 3
    assert not [q for q in ctx.captured_queries if TEXT_COLUMN in q["sql"]]


def test_event_article_page_fills_word_counts_and_stores_them(workspace):
    event = _event_with(workspace, 2)
    page = selectors.event_article_page(event=event, number=1)
    assert [a.words for a in page.object_list] == [5, 5]
    stored = RevisionWords.objects.filter(
        revision_id__in=[a.current_revision_id for a in page.object_list]
    )
    assert sorted(stored.values_list("words", flat=True)) == [5, 5]


def test_stored_word_counts_are_read_without_the_text(workspace):
    event = _event_with(workspace, 2)
    selectors.event_article_page(event=event, number=1)  # stores the counts
    with CaptureQueriesContext(connection) as ctx:
        page = selectors.event_article_page(event=event, number=1)
    assert [a.words for a in page.object_list] == [5, 5]
    assert not [q for q in ctx.captured_queries if TEXT_COLUMN in q["sql"]]


def test_event_article_page_query_count_does_not_grow_with_articles(workspace, monkeypatch):
    monkeypatch.setattr(selectors, "ARTICLES_PER_PAGE", 50)
    counts = []
    for n in (2, 6):
        event = _event_with(workspace, n)
        selectors.event_article_page(event=event, number=1)
        with CaptureQueriesContext(connection) as ctx:
            list(selectors.event_article_page(event=event, number=1).object_list)
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]


def test_event_article_page_splits_at_the_page_size(workspace, monkeypatch):
    monkeypatch.setattr(selectors, "ARTICLES_PER_PAGE", 2)
    event = _event_with(workspace, 3)
    last = selectors.event_article_page(event=event, number=2)
    assert (last.paginator.count, len(last.object_list)) == (3, 1)


def test_staged_articles_are_not_listed_or_counted(workspace):
    event = _event_with(workspace, 2)
    hidden = Article.all_objects.filter(event=event).first()
    Article.all_objects.filter(pk=hidden.pk).update(staged=True)
    page = selectors.event_article_page(event=event, number=1)
    assert page.paginator.count == 1 and hidden.pk not in [a.pk for a in page.object_list]


def test_event_page_reads_no_article_text_once_counts_are_stored(workspace, viewer):
    event = _event_with(workspace, 3, text="A distinctive sentence about patrol boats.")
    client = Client()
    client.force_login(viewer)
    client.get(reverse("event_detail", args=[event.pk]))  # counts the shown rows once
    with CaptureQueriesContext(connection) as ctx:
        html = client.get(reverse("event_detail", args=[event.pk])).content.decode()
    assert "Report 2" in html and ">6<" in html  # six words, from the stored count
    assert not [q for q in ctx.captured_queries if TEXT_COLUMN in q["sql"]]


def test_event_page_hides_staged_articles_from_list_and_count(workspace, viewer):
    event = _event_with(workspace, 2)
    staged = Article.all_objects.filter(event=event).order_by("pk").last()
    Article.all_objects.filter(pk=staged.pk).update(staged=True, title="Staged secret")
    client = Client()
    client.force_login(viewer)
    html = client.get(reverse("event_detail", args=[event.pk])).content.decode()
    assert "Staged secret" not in html and "Articles (1)" in html
