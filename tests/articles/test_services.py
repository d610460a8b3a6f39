import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from articles.models import TextRevision
from articles.services import StaleEditError, article_create, article_revise, outlet_get_or_create
from framing.models import Annotation
from framing.services import annotation_create, codebooks_install_defaults
from tests.factories import EventFactory, OutletFactory, UserFactory, make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(workspace):
    codebooks_install_defaults(workspace=workspace)
    return EventFactory(workspace=workspace)


def _label(workspace, key="pejorative_label"):
    from framing.models import Label

    return Label.objects.get(codebook_version__codebook__workspace=workspace, key=key)


def test_article_text_is_normalised_once_when_stored(event):
    article = make_article(event=event, text="  Cafe\u0301 news\r\nline two  \r\n\r\n\r\n\r\nend ")
    assert article.current_revision.text == "Café news\nline two\n\nend"


def test_date_only_publication_keeps_no_time(event):
    article = make_article(event=event, published=dt.date(2026, 6, 25))
    assert article.published_date == dt.date(2026, 6, 25)
    assert article.published_at is None


def test_aware_publication_time_keeps_the_sources_calendar_day(event):
    tz = dt.timezone(dt.timedelta(hours=9))
    article = make_article(event=event, published=dt.datetime(2026, 6, 26, 2, 0, tzinfo=tz))
    assert article.published_date == dt.date(2026, 6, 26)


def test_naive_publication_time_is_refused(event):
    with pytest.raises(ValidationError):
        make_article(event=event, published=dt.datetime(2026, 6, 26, 2, 0))


def test_outlet_from_another_workspace_is_refused(event):
    foreign = OutletFactory()
    with pytest.raises(ValidationError):
        article_create(event=event, outlet=foreign, title="T", text="Text.")


def test_outlet_lookup_ignores_case_and_spacing(workspace):
    first = outlet_get_or_create(workspace=workspace, name="Meridian  Wire")
    assert outlet_get_or_create(workspace=workspace, name="meridian wire") == first


def test_revising_creates_a_new_immutable_revision(event):
    article = make_article(event=event, text="The ships sailed.")
    result = article_revise(article=article, text="The ships sailed south.", user=None)
    assert result.revision.number == 2
    assert TextRevision.objects.get(article=article, number=1).text == "The ships sailed."


def test_unchanged_text_is_not_a_new_revision(event):
    article = make_article(event=event, text="The ships sailed.")
    with pytest.raises(ValidationError):
        article_revise(article=article, text="The ships sailed.\n", user=None)


def test_analyst_spans_are_reanchored_onto_the_edit_and_flagged(event, workspace):
    text = "Officials called it a puppet regime on Monday."
    article = make_article(event=event, text=text)
    user = UserFactory()
    start = text.index("puppet regime")
    old = annotation_create(
        revision=article.current_revision,
        start=start,
        end=start + len("puppet regime"),
        label=_label(workspace),
        author_user=user,
    )
    result = article_revise(
        article=article, text="Late on Sunday, officials called it a puppet regime.", user=user
    )
    assert (result.reanchored, result.dropped) == (1, 0)
    copy = Annotation.objects.get(revision=result.revision)
    assert copy.text == "puppet regime"
    assert copy.needs_review and copy.reanchored_from == old
    old.refresh_from_db()
    assert (old.revision_id, old.start) == (article.revisions.get(number=1).pk, start)


def test_span_whose_text_was_deleted_stays_on_the_old_revision_only(event, workspace):
    text = "Officials called it a puppet regime on Monday."
    article = make_article(event=event, text=text)
    start = text.index("puppet regime")
    annotation_create(
        revision=article.current_revision,
        start=start,
        end=start + 13,
        label=_label(workspace),
        author_user=UserFactory(),
    )
    result = article_revise(article=article, text="Officials spoke on Monday.", user=None)
    assert (result.reanchored, result.dropped) == (0, 1)


def test_control_characters_never_reach_the_database(event):
    # PostgreSQL refuses NUL in text columns; the normaliser removes it first.
    article = make_article(event=event, text="The\x00 ministry\x07 said so.")
    assert article.current_revision.text == "The ministry said so."


def test_the_diff_of_an_edit_runs_before_its_transaction(event, workspace, monkeypatch):
    from django.db import connection

    from articles import services

    text = "Officials called it a puppet regime on Monday."
    article = make_article(event=event, text=text)
    annotation_create(
        revision=article.current_revision,
        start=20,
        end=33,
        label=_label(workspace),
        author_user=UserFactory(),
    )
    depth = {"caller": len(connection.atomic_blocks)}
    reanchor = services.reanchor

    def watched(old, new, spans):
        depth.setdefault("diff", len(connection.atomic_blocks))
        return reanchor(old, new, spans)

    monkeypatch.setattr(services, "reanchor", watched)
    result = article_revise(article=article, text="Late on Sunday, " + text, user=None)
    assert depth["diff"] == depth["caller"]
    assert result.reanchored == 1


def test_an_edit_based_on_an_outdated_text_is_refused(event, monkeypatch):
    from framing import services as framing_services

    article = make_article(event=event, text="The ships sailed.")
    plan = framing_services.annotations_reanchor_plan

    def colleague_saves_first(**kwargs):
        result = plan(**kwargs)
        if not getattr(colleague_saves_first, "done", False):
            colleague_saves_first.done = True
            article_revise(article=article, text="The ships sailed north.", user=None)
        return result

    monkeypatch.setattr(framing_services, "annotations_reanchor_plan", colleague_saves_first)
    with pytest.raises(StaleEditError, match="while you were editing") as refused:
        article_revise(article=article, text="The ships sailed south.", user=None)
    assert refused.value.current["text"] == "The ships sailed north."
    assert article.revisions.count() == 2
