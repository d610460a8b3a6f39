"""Span explorers page their lines, stream every line as CSV, and reuse stored word counts."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from reports.models import RevisionWords
from reports.summary import event_summary
from tests.factories import EventFactory, make_article
from tests.reports.helpers import Term, client_for, count_queries, store_analysis

# The analysed fixture holds three tags: reckless provocation, aggressive bloc, threaten peace.


@pytest.fixture
def one_per_page(monkeypatch):
    monkeypatch.setattr("reports.evidence.PAGE_SIZE", 1)


def _event_url(analysed, **params):
    url = reverse("reports:spans", args=[analysed["event"].pk])
    return url + "?" + "&".join(f"{k}={v}" for k, v in params.items())


def _workspace_url(analysed, **params):
    url = reverse("reports:workspace_spans", args=[analysed["event"].workspace_id])
    return url + "?" + "&".join(f"{k}={v}" for k, v in params.items())


def _terms(html: str) -> list[str]:
    kwic = html[html.index('id="kwic"') :]
    return [t.split(">")[-1] for t in kwic.split("</a></td>")[:-1]]


def _csv_terms(response) -> list[str]:
    body = b"".join(response.streaming_content).decode()
    return [row["term"] for row in csv.DictReader(io.StringIO(body))]


def test_event_explorer_shows_one_page_of_lines(analysed, viewer, one_per_page):
    html = client_for(viewer).get(_event_url(analysed)).content.decode()
    assert len(_terms(html)) == 1 and "page 1 of 3" in html


def test_pages_of_the_event_explorer_show_different_lines(analysed, viewer, one_per_page):
    client = client_for(viewer)
    pages = [_terms(client.get(_event_url(analysed, page=n)).content.decode()) for n in (1, 2, 3)]
    assert sorted(t for p in pages for t in p) == [
        "aggressive bloc",
        "reckless provocation",
        "threaten peace",
    ]


def _link(html: str, rel: str) -> str:
    """The pager's ``rel`` link as a query string (``&amp;`` decoded)."""
    end = html.index(f'" rel="{rel}"')
    return html[html.rindex('href="?', 0, end) + 7 : end].replace("&amp;", "&").split("#")[0]


def test_next_page_link_keeps_the_filters_and_carries_a_cursor(analysed, viewer, one_per_page):
    html = client_for(viewer).get(_workspace_url(analysed, voice="own")).content.decode()
    link = _link(html, "next")
    assert link.startswith("voice=own&page=2&after=")


def test_next_links_walk_every_line_once_in_order(analysed, viewer, one_per_page):
    client = client_for(viewer)
    url = reverse("reports:spans", args=[analysed["event"].pk])
    html = client.get(url).content.decode()
    seen = _terms(html)
    while 'rel="next"' in html:
        html = client.get(f"{url}?{_link(html, 'next')}").content.decode()
        seen += _terms(html)
    assert sorted(seen) == ["aggressive bloc", "reckless provocation", "threaten peace"]
    assert len(seen) == 3 and "page 3 of 3" in html


def test_previous_link_goes_back_to_the_same_lines(analysed, viewer, one_per_page):
    client = client_for(viewer)
    url = reverse("reports:spans", args=[analysed["event"].pk])
    first = client.get(url).content.decode()
    second = client.get(f"{url}?{_link(first, 'next')}").content.decode()
    back = client.get(f"{url}?{_link(second, 'prev')}").content.decode()
    assert _terms(back) == _terms(first) and "page 1 of 3" in back


def test_a_malformed_cursor_falls_back_to_the_page_number(analysed, viewer, one_per_page):
    html = client_for(viewer).get(_event_url(analysed, page=2, after="1.x")).content.decode()
    assert "page 2 of 3" in html and len(_terms(html)) == 1


def test_page_past_the_end_shows_the_last_page(analysed, viewer, one_per_page):
    html = client_for(viewer).get(_workspace_url(analysed, page=99)).content.decode()
    assert "page 3 of 3" in html and len(_terms(html)) == 1


def test_workspace_csv_has_every_line_not_one_page(analysed, viewer, one_per_page):
    response = client_for(viewer).get(_workspace_url(analysed, format="csv"))
    assert response.streaming
    assert sorted(_csv_terms(response)) == [
        "aggressive bloc",
        "reckless provocation",
        "threaten peace",
    ]


def test_event_csv_reads_tags_in_batches(analysed, viewer, monkeypatch):
    monkeypatch.setattr("reports.span_export.CSV_BATCH", 2)
    response = client_for(viewer).get(_event_url(analysed, format="csv"))
    assert len(_csv_terms(response)) == 3


def _grow(analysed, n: int) -> None:
    for k in range(n):
        event = EventFactory(workspace=analysed["event"].workspace)
        article = make_article(event=event, text=f"Report {k} of the drills today.")
        store_analysis(article, terms=(Term("drills", "hyperbole"),))


def test_page_two_query_count_does_not_grow(analysed, viewer, one_per_page):
    client = client_for(viewer)
    few = count_queries(client, _workspace_url(analysed, page=2))
    _grow(analysed, 3)
    assert few == count_queries(client, _workspace_url(analysed, page=2))


@pytest.mark.parametrize("params", [{}, {"source": "model"}], ids=["stored lines", "rendered"])
def test_csv_query_count_does_not_grow_within_a_batch(analysed, viewer, params):
    from django.db import connection

    def queries() -> int:
        url = _workspace_url(analysed, format="csv", **params)
        _csv_terms(client_for(viewer).get(url))  # the first export stores what is missing
        count = 0

        def counting(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counting):
            _csv_terms(client_for(viewer).get(url))
        return count

    few = queries()
    _grow(analysed, 3)
    assert few == queries()


def test_summary_build_stores_each_revisions_word_count(analysed):
    event_summary(analysed["event"])
    stored = RevisionWords.objects.get(revision=analysed["state"].current_revision)
    assert stored.words == 20


def test_matrix_reads_stored_word_counts_without_counting_again(analysed, monkeypatch):
    from reports.explorer import label_outlet_matrix
    from reports.summary import term_labels

    ws = analysed["event"].workspace_id
    label_outlet_matrix(ws, {}, term_labels(ws))  # counts and stores on first need

    def refuse(text):
        raise AssertionError("a stored count was computed again")

    monkeypatch.setattr("reports.words.word_count", refuse)
    matrix = label_outlet_matrix(ws, {}, term_labels(ws))
    assert {r.name: r.words for r in matrix.rows}["State Agency"] == 20
