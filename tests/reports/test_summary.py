from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.services import article_revise
from framing.models import Annotation, AnnotationStatus
from reports.models import EventSummary
from reports.summary import counted_articles, event_summary
from tests.factories import make_article
from tests.reports.helpers import SELECTED_TEXT, Term, store_analysis

# Non-ASCII before the tag: SQL must count code points, as Python offsets do.
ACCENTED = "Le ministère 🚢 a qualifié l’«aggressive bloc» de menace. Fin."


def test_summary_counts_words_and_visible_terms_per_article(analysed):
    payload = event_summary(analysed["event"])
    rows = {a["id"]: a for a in payload["articles"]}
    assert rows[analysed["wire"].pk]["words"] == 21
    terms = sorted(t[5] for t in payload["terms"])
    assert terms == ["aggressive bloc", "reckless provocation", "threaten peace"]


def test_summary_is_stored_and_reused_while_nothing_changes(analysed):
    event_summary(analysed["event"])
    built = EventSummary.objects.get(event=analysed["event"]).built_at
    event_summary(analysed["event"])
    assert EventSummary.objects.get(event=analysed["event"]).built_at == built


def test_summary_rebuilds_when_an_article_is_added(analysed):
    event = analysed["event"]
    event_summary(event)
    store_analysis(make_article(event=event, text="A new report arrived today."))
    assert len(event_summary(event)["articles"]) == 3


def test_summary_rebuilds_when_a_term_is_rejected(analysed):
    event = analysed["event"]
    event_summary(event)
    Annotation.objects.filter(label__key="fear_appeal").update(status=AnnotationStatus.REJECTED)
    assert [t[1] for t in event_summary(event)["terms"]].count("fear_appeal") == 0


def test_summary_follows_a_new_revision(analysed, analyst):
    event = analysed["event"]
    event_summary(event)
    article_revise(article=analysed["wire"], text="Short new text.", user=analyst)
    rows = {a["id"]: a for a in event_summary(event)["articles"]}
    assert rows[analysed["wire"].pk]["words"] == 3


def test_republished_copy_is_counted_once_unless_asked(analysed):
    event = analysed["event"]
    copy = make_article(event=event, text="Copy.", republication_of=analysed["wire"])
    payload = event_summary(event)
    assert copy.pk not in counted_articles(payload, include_republications=False)
    assert copy.pk in counted_articles(payload, include_republications=True)


def test_summary_chars_are_code_points_of_the_current_text(event):
    article = make_article(event=event, text=ACCENTED)
    rows = {a["id"]: a for a in event_summary(event)["articles"]}
    assert rows[article.pk]["chars"] == len(ACCENTED)


def test_summary_term_text_is_the_tagged_span_after_non_ascii_text(event):
    store_analysis(
        make_article(event=event, text=ACCENTED), terms=(Term("aggressive bloc", "hyperbole"),)
    )
    assert [t[5] for t in event_summary(event)["terms"]] == ["aggressive bloc"]


def test_summary_rebuild_selects_no_article_text(analysed):
    event = analysed["event"]
    event_summary(event)  # the first build counts and stores each revision's words
    Annotation.objects.filter(label__key="fear_appeal").update(status=AnnotationStatus.REJECTED)
    with CaptureQueriesContext(connection) as ctx:
        payload = event_summary(event)
    assert payload["terms"], "the rebuild ran"
    selected = [q["sql"] for q in ctx.captured_queries if SELECTED_TEXT.search(q["sql"])]
    assert selected == []
