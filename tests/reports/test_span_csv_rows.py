"""The span CSV export streams each article's lines rendered in advance (issue 12), and
never streams lines that no longer match the data."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from articles.models import Article, Event
from framing.models import Annotation, AnnotationStatus
from framing.services import annotation_decide
from reports.models import ArticleSpanCsv
from reports.span_export import BASE, article_stamps, span_csv_refresh
from tests.factories import EventFactory, make_article
from tests.reports.helpers import Term, client_for, query_counter, store_analysis

pytestmark = pytest.mark.django_db


def _csv_url(analysed, **params) -> str:
    url = reverse("reports:spans", args=[analysed["event"].pk])
    return url + "?" + "&".join(f"{k}={v}" for k, v in {"format": "csv", **params}.items())


def _export(user, url: str, **extra) -> str:
    response = client_for(user).get(url, **extra)
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


def _rows(body: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(body)))


def test_the_first_export_stores_every_articles_lines(analysed, viewer):
    _export(viewer, _csv_url(analysed))
    stamps = article_stamps(analysed["event"].articles.all())
    stored = dict(ArticleSpanCsv.objects.values_list("article_id", "stamp"))
    assert stored == {pk: stamp for pk, (_, stamp) in stamps.items()}


def test_an_export_from_stored_lines_equals_one_rendered_line_by_line(analysed, viewer):
    rendered = _export(viewer, _csv_url(analysed))  # nothing stored yet: every line rendered
    assert ArticleSpanCsv.objects.count() == 2

    assert _export(viewer, _csv_url(analysed)) == rendered


def test_an_export_streams_the_stored_text_when_its_stamp_matches(analysed, viewer):
    span_csv_refresh(analysed["event"])
    ArticleSpanCsv.objects.filter(article=analysed["wire"]).update(text="stored,line\r\n")

    assert "stored,line\r\n" in _export(viewer, _csv_url(analysed))


def test_lines_whose_article_changed_behind_the_hooks_are_rendered_afresh(analysed, viewer):
    span_csv_refresh(analysed["event"])
    Article.objects.filter(pk=analysed["wire"].pk).update(title="Wire report, corrected")

    titles = {row["article"] for row in _rows(_export(viewer, _csv_url(analysed)))}
    assert titles == {"Wire report, corrected", "State report"}


def test_a_renamed_event_is_named_in_every_line(analysed, viewer):
    span_csv_refresh(analysed["event"])
    Event.objects.filter(pk=analysed["event"].pk).update(title="Strait drills, renamed")

    events = {row["event"] for row in _rows(_export(viewer, _csv_url(analysed)))}
    assert events == {"Strait drills, renamed"}


def test_a_decision_renders_its_articles_stored_lines_again(analysed, viewer, owner):
    span_csv_refresh(analysed["event"])
    tag = Annotation.objects.get(revision=analysed["state"].current_revision, start=4)

    annotation_decide(annotation=tag, status=AnnotationStatus.REJECTED, user=owner)
    stored = ArticleSpanCsv.objects.get(article=analysed["state"])
    assert "aggressive bloc" not in stored.text and "threaten peace" in stored.text
    now = article_stamps(Article.objects.filter(pk=analysed["state"].pk))
    assert stored.stamp == now[analysed["state"].pk][1]


def test_a_decision_leaves_other_articles_lines_alone(analysed, owner):
    span_csv_refresh(analysed["event"])
    ArticleSpanCsv.objects.filter(article=analysed["wire"]).update(text="untouched\r\n")
    tag = Annotation.objects.get(revision=analysed["state"].current_revision, start=4)

    annotation_decide(annotation=tag, status=AnnotationStatus.REJECTED, user=owner)
    assert ArticleSpanCsv.objects.get(article=analysed["wire"]).text == "untouched\r\n"


def test_stored_permalinks_point_at_the_address_of_the_request(analysed, viewer, settings):
    settings.ALLOWED_HOSTS = ["parallax.example", "other.example"]
    _export(viewer, _csv_url(analysed), HTTP_HOST="parallax.example")

    body = _export(viewer, _csv_url(analysed), HTTP_HOST="other.example")
    links = [row["link"] for row in _rows(body)]
    assert links and all(link.startswith("http://other.example/events/") for link in links)
    assert BASE not in body


def test_a_label_filter_exports_only_that_labels_lines(analysed, viewer):
    span_csv_refresh(analysed["event"])

    rows = _rows(_export(viewer, _csv_url(analysed, label="fear_appeal")))
    assert [row["term"] for row in rows] == ["threaten peace"]


def test_an_outlet_filter_exports_only_that_outlets_stored_lines(analysed, viewer):
    span_csv_refresh(analysed["event"])
    outlet = analysed["wire"].outlet_id

    rows = _rows(_export(viewer, _csv_url(analysed, outlet=outlet)))
    assert [row["term"] for row in rows] == ["reckless provocation"]


def test_a_stored_export_takes_as_many_queries_for_more_articles(analysed, viewer):
    def queries() -> int:
        span_csv_refresh(analysed["event"])
        with query_counter() as counter:
            _export(viewer, _csv_url(analysed))  # the streamed body is read inside the block
        return counter[0]

    few = queries()
    for k in range(5):
        article = make_article(event=analysed["event"], text=f"Report {k} of the drills today.")
        store_analysis(article, terms=(Term("drills", "hyperbole"),))
    assert queries() == few


def test_the_refresh_renders_only_missing_or_stale_lines(analysed):
    assert span_csv_refresh(analysed["event"]) == 2
    assert span_csv_refresh(analysed["event"]) == 0
    Article.objects.filter(pk=analysed["wire"].pk).update(url="https://wire.example/1")
    assert span_csv_refresh(analysed["event"]) == 1


def test_another_events_articles_are_not_stored_by_this_events_refresh(analysed, workspace):
    other = EventFactory(workspace=workspace)
    article = make_article(event=other, text="Report of the drills today.")
    store_analysis(article, terms=(Term("drills", "hyperbole"),))
    ArticleSpanCsv.objects.all().delete()

    span_csv_refresh(analysed["event"])
    assert not ArticleSpanCsv.objects.filter(article=article).exists()
