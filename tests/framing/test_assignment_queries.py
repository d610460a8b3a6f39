"""Progress and the assignment page at a realistic size (200 articles × 5 annotators, each
article coded by two): the number of queries does not grow with articles or annotators."""

import pytest
from django.urls import reverse
from django.utils import timezone

from framing.assignment_selectors import event_progress
from framing.assignment_services import assignments_split
from framing.models import Annotation, Assignment, Label, SpanDecision
from framing.services import codebooks_install_defaults
from tests.factories import EventFactory, MembershipFactory, OutletFactory, make_article
from tests.reports.helpers import query_counter

pytestmark = pytest.mark.django_db


def _coded_event(workspace, owner, *, articles: int, annotators: int):
    """An event whose articles are split two per article, each coder having tagged and
    decided a span in every article they were given and finished the first half of the articles."""
    event = EventFactory(workspace=workspace)
    outlet = OutletFactory(workspace=workspace)
    for i in range(articles):
        make_article(event=event, outlet=outlet, title=f"Report {i}")
    coders = [
        MembershipFactory(workspace=workspace, role="annotator").user for _ in range(annotators)
    ]
    with query_counter() as counter:
        assignments_split(event=event, annotators=coders, per_article=2, by=owner)
    event.split_queries = counter[0]
    label = Label.objects.filter(codebook_version__codebook__workspace=workspace).first()
    rows = list(
        Assignment.objects.filter(article__event=event).select_related("article").order_by("pk")
    )
    now = timezone.now()
    Annotation.objects.bulk_create(
        Annotation(revision_id=a.article.current_revision_id, start=0, end=3, label=label,
                   author_user_id=a.annotator_id, status="accepted")
        for a in rows
    )  # fmt: skip
    SpanDecision.objects.bulk_create(
        SpanDecision(revision_id=a.article.current_revision_id, start=4, end=5 + i % 7,
                     label_key=label.key, status="rejected", decided_by_id=a.annotator_id)
        for i, a in enumerate(rows)
    )  # fmt: skip
    finished = first_half(rows)
    half = {a.pk for a in rows if a.article_id in finished}
    Assignment.objects.filter(pk__in=half).update(done_at=now)
    return event


def first_half(rows) -> set[int]:
    ids = sorted({a.article_id for a in rows})
    return set(ids[: len(ids) // 2])


@pytest.fixture
def sizes(workspace, owner):
    codebooks_install_defaults(workspace=workspace)
    small = _coded_event(workspace, owner, articles=6, annotators=2)
    large = _coded_event(workspace, owner, articles=200, annotators=5)
    return small, large


def _count(fn) -> int:
    with query_counter() as counter:
        fn()
    return counter[0]


def test_progress_runs_the_same_few_queries_at_200_articles_by_5_annotators(sizes):
    small, large = sizes
    progress = event_progress(event=large)
    assert sum(r.assigned for r in progress.rows) == 400
    assert sum(r.added for r in progress.rows) == 400
    assert (progress.done_articles, progress.agreement_ready) == (100, 100)
    small_n = _count(lambda: event_progress(event=small))
    large_n = _count(lambda: event_progress(event=large))
    assert large_n == small_n
    assert large_n <= 8


def test_the_assignment_page_runs_the_same_queries_at_200_articles(client, sizes, owner):
    small, large = sizes
    client.force_login(owner)

    def get(event):
        response = client.get(reverse("event_assignments", args=[event.pk]))
        assert response.status_code == 200
        return response

    get(small)  # warm: session, content types
    small_n = _count(lambda: get(small))
    large_n = _count(lambda: get(large))
    assert large_n == small_n
    # a page of 100 articles, two annotators each
    assert get(large).content.count(b'data-annotator="') == 200


def test_splitting_runs_the_same_few_queries_for_200_articles_as_for_6(sizes):
    small, large = sizes
    assert Assignment.objects.filter(article__event=large).count() == 400
    assert large.split_queries == small.split_queries <= 6
