"""Lists never read article texts: only the (at most six) chosen columns load theirs."""

from __future__ import annotations

import re

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reports.columns import choose_articles
from reports.summary import event_summary
from tests.factories import OutletFactory, make_article

TEXT_COLUMN = '"articles_textrevision"."text"'


def _text_queries(queries) -> list[str]:
    return [q["sql"] for q in queries if TEXT_COLUMN in q["sql"]]


def _articles(event, n):
    return [
        make_article(event=event, outlet=OutletFactory(workspace=event.workspace), title=f"R{i}")
        for i in range(n)
    ]


def test_choosing_columns_loads_texts_of_the_chosen_articles_only(event):
    articles = _articles(event, 8)
    wanted = [articles[5].pk, articles[2].pk]
    with CaptureQueriesContext(connection) as ctx:
        chosen = choose_articles(event, [str(pk) for pk in wanted])
    assert [a.pk for a in chosen] == wanted
    (sql,) = _text_queries(ctx.captured_queries)
    loaded = {int(x) for x in re.search(r"IN \(([\d, ]+)\)", sql).group(1).split(",")}
    assert loaded == set(wanted)


def test_default_columns_load_no_text_beyond_the_columns(event):
    _articles(event, 8)
    with CaptureQueriesContext(connection) as ctx:
        chosen = choose_articles(event, [])
    (sql,) = _text_queries(ctx.captured_queries)
    loaded = {int(x) for x in re.search(r"IN \(([\d, ]+)\)", sql).group(1).split(",")}
    assert loaded == {a.pk for a in chosen} and len(chosen) == 4


def test_compare_page_reads_only_the_shown_columns_texts(event, viewer):
    articles = _articles(event, 7)
    event_summary(event)  # the stored summary is rebuilt only when the event changes
    client = Client()
    client.force_login(viewer)
    url = reverse("reports:compare", args=[event.pk]) + f"?a={articles[0].pk}&a={articles[1].pk}"
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    for sql in _text_queries(ctx.captured_queries):
        ids = re.search(r"IN \(([\d, ]+)\)", sql)
        assert ids, f"text read without an id filter: {sql}"
        # by article or by revision id: either way, only the two shown columns' texts
        shown = articles[:2]
        allowed = {a.pk for a in shown} | {a.current_revision_id for a in shown}
        assert {int(x) for x in ids.group(1).split(",")} <= allowed
