"""Assignments: services (assign, split with overlap, reassign, unassign, done) and the
selectors behind "My assignments" and the event's progress table."""

from collections import Counter
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from accounts.models import Membership
from framing.analysis_services import builtin_model_version
from framing.assignment_selectors import (
    event_progress,
    my_assignments,
    my_assignments_by_event,
    next_assignment,
)
from framing.assignment_services import (
    assignment_set_done,
    assignments_create,
    assignments_delete,
    assignments_reassign,
    assignments_split,
    split_plan,
)
from framing.models import Annotation, Assignment, Label
from framing.services import annotation_create, annotation_decide, codebooks_install_defaults
from tests.factories import EventFactory, MembershipFactory, make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(workspace):
    codebooks_install_defaults(workspace=workspace)
    return EventFactory(workspace=workspace)


@pytest.fixture
def articles(event):
    return [make_article(event=event, title=f"Report {i}") for i in range(6)]


@pytest.fixture
def coders(workspace):
    return [MembershipFactory(workspace=workspace, role="annotator").user for _ in range(3)]


def _label(workspace):
    return Label.objects.get(
        codebook_version__codebook__workspace=workspace, key="pejorative_label"
    )


def _pairs(event):
    return set(
        Assignment.objects.filter(article__event=event).values_list("article_id", "annotator_id")
    )


# Assign -----------------------------------------------------------------------------------


def test_assign_gives_each_ticked_article_to_each_annotator(event, articles, coders, owner):
    n = assignments_create(
        event=event, article_ids=[articles[0].pk, articles[1].pk], annotators=coders[:2], by=owner
    )
    assert n == 4
    assert _pairs(event) == {(a.pk, u.pk) for a in articles[:2] for u in coders[:2]}


def test_assigning_again_adds_only_the_missing_pairs(event, articles, coders, owner):
    assignments_create(event=event, article_ids=[articles[0].pk], annotators=coders[:1], by=owner)
    n = assignments_create(
        event=event, article_ids=[articles[0].pk], annotators=coders[:2], by=owner
    )
    assert n == 1
    assert Assignment.objects.count() == 2


def test_a_viewer_cannot_be_given_articles_and_is_named(event, articles, viewer, owner):
    with pytest.raises(ValidationError, match=viewer.username):
        assignments_create(event=event, article_ids=[articles[0].pk], annotators=[viewer], by=owner)
    assert not Assignment.objects.exists()


def test_a_user_of_another_workspace_cannot_be_given_articles(event, articles, outsider, owner):
    with pytest.raises(ValidationError, match="may not annotate"):
        assignments_create(
            event=event, article_ids=[articles[0].pk], annotators=[outsider], by=owner
        )


def test_an_article_of_another_event_is_refused_by_its_id(event, coders, owner, workspace):
    other = make_article(event=EventFactory(workspace=workspace))
    with pytest.raises(ValidationError, match=str(other.pk)):
        assignments_create(event=event, article_ids=[other.pk], annotators=coders, by=owner)


# Split ------------------------------------------------------------------------------------


def test_split_evenly_gives_loads_that_differ_by_at_most_one(event, articles, coders, owner):
    articles.append(make_article(event=event, title="Seventh"))
    assert assignments_split(event=event, annotators=coders, per_article=1, by=owner) == 7
    loads = Counter(u for _, u in _pairs(event))
    assert sorted(loads.values()) == [2, 2, 3]
    assert {a for a, _ in _pairs(event)} == {a.pk for a in articles}


def test_split_with_overlap_gives_each_article_that_many_different_annotators(
    event, articles, coders, owner
):
    assignments_split(event=event, annotators=coders, per_article=2, by=owner)
    per_article = Counter(a for a, _ in _pairs(event))
    assert set(per_article.values()) == {2}
    assert len(per_article) == len(articles)
    assert set(Counter(u for _, u in _pairs(event)).values()) == {4}  # 6 × 2 / 3


def test_split_with_overlap_pairs_every_two_annotators_on_some_article():
    # 5 annotators, 2 per article, 10 articles: the 10 possible pairs each get one article
    # (always the same neighbours would leave pairs that never share a text for κ).
    by_article: dict[int, set[int]] = {}
    for article, user in split_plan(list(range(10)), [1, 2, 3, 4, 5], 2):
        by_article.setdefault(article, set()).add(user)
    assert all(len(users) == 2 for users in by_article.values())
    assert len({frozenset(users) for users in by_article.values()}) == 10


def test_split_leaves_articles_already_assigned_alone(event, articles, coders, owner):
    assignments_create(event=event, article_ids=[articles[0].pk], annotators=coders[:1], by=owner)
    assignments_split(event=event, annotators=coders[1:], per_article=1, by=owner)
    assert {u for a, u in _pairs(event) if a == articles[0].pk} == {coders[0].pk}
    assert len(_pairs(event)) == len(articles)


def test_split_with_more_annotators_per_article_than_chosen_is_refused(
    event, articles, coders, owner
):
    with pytest.raises(ValidationError, match="between 1 and 2"):
        assignments_split(event=event, annotators=coders[:2], per_article=3, by=owner)
    assert not Assignment.objects.exists()


# Reassign, unassign, done ---------------------------------------------------------------


def test_reassign_moves_only_unfinished_articles(event, articles, coders, owner):
    a, b = coders[:2]
    assignments_create(
        event=event, article_ids=[x.pk for x in articles[:3]], annotators=[a], by=owner
    )
    finished = Assignment.objects.get(article=articles[0], annotator=a)
    assignment_set_done(assignment=finished, user=a, done=True)
    assert assignments_reassign(event=event, from_user=a, to_user=b, by=owner) == 2
    assert _pairs(event) == {(articles[0].pk, a.pk), (articles[1].pk, b.pk), (articles[2].pk, b.pk)}


def test_reassign_keeps_articles_the_new_annotator_already_has(event, articles, coders, owner):
    a, b = coders[:2]
    assignments_create(event=event, article_ids=[articles[0].pk], annotators=[a, b], by=owner)
    assert assignments_reassign(event=event, from_user=a, to_user=b, by=owner) == 0
    assert _pairs(event) == {(articles[0].pk, a.pk), (articles[0].pk, b.pk)}


def test_reassign_to_a_viewer_is_refused(event, articles, coders, owner, viewer):
    assignments_create(event=event, article_ids=[articles[0].pk], annotators=coders[:1], by=owner)
    with pytest.raises(ValidationError, match=viewer.username):
        assignments_reassign(event=event, from_user=coders[0], to_user=viewer, by=owner)


def test_unassign_keeps_the_annotators_tags(event, articles, coders, owner, workspace):
    assignments_create(event=event, article_ids=[articles[0].pk], annotators=coders[:1], by=owner)
    tag = annotation_create(
        revision=articles[0].current_revision, start=0, end=3, label=_label(workspace),
        author_user=coders[0],
    )  # fmt: skip
    ids = Assignment.objects.values_list("pk", flat=True)
    assert assignments_delete(event=event, assignment_ids=list(ids)) == 1
    assert Annotation.objects.filter(pk=tag.pk).exists()


def test_unassign_ignores_assignments_of_another_event(event, coders, owner, workspace):
    other = EventFactory(workspace=workspace)
    article = make_article(event=other)
    assignments_create(event=other, article_ids=[article.pk], annotators=coders[:1], by=owner)
    ids = list(Assignment.objects.values_list("pk", flat=True))
    assert assignments_delete(event=event, assignment_ids=ids) == 0
    assert Assignment.objects.count() == 1


def test_only_the_assignee_may_mark_it_done(event, articles, coders, owner):
    assignments_create(event=event, article_ids=[articles[0].pk], annotators=coders[:1], by=owner)
    assignment = Assignment.objects.get()
    with pytest.raises(PermissionDenied):
        assignment_set_done(assignment=assignment, user=owner, done=True)
    assignment.refresh_from_db()
    assert assignment.done_at is None
    assignment_set_done(assignment=assignment, user=coders[0], done=True)
    assert Assignment.objects.get().is_done


# My assignments -------------------------------------------------------------------------


def test_next_assignment_is_the_first_unfinished_in_the_event_order(event, articles, coders, owner):
    a = coders[0]
    assignments_create(
        event=event, article_ids=[x.pk for x in articles[:3]], annotators=[a], by=owner
    )
    assignment_set_done(
        assignment=Assignment.objects.get(article=articles[0], annotator=a), user=a, done=True
    )
    assert next_assignment(user=a, event_id=event.pk).article == articles[1]
    assert next_assignment(user=a, event_id=event.pk, after=articles[1].pk).article == articles[2]


def test_my_assignments_group_open_before_done(event, articles, coders, owner):
    a = coders[0]
    assignments_create(
        event=event, article_ids=[x.pk for x in articles[:2]], annotators=[a], by=owner
    )
    assignment_set_done(
        assignment=Assignment.objects.get(article=articles[0], annotator=a), user=a, done=True
    )
    (group,) = my_assignments_by_event(user=a)
    assert [x.article for x in group.open] == [articles[1]]
    assert [x.article for x in group.done] == [articles[0]]
    assert group.next.article == articles[1]


def test_my_assignments_hide_a_workspace_the_annotator_left(event, articles, coders, owner):
    a = coders[0]
    assignments_create(event=event, article_ids=[articles[0].pk], annotators=[a], by=owner)
    Membership.objects.filter(user=a, workspace=event.workspace).delete()
    assert list(my_assignments(user=a)) == []


def test_my_assignments_hide_a_workspace_where_the_annotator_became_a_viewer(
    event, articles, coders, owner
):
    a = coders[0]
    assignments_create(event=event, article_ids=[articles[0].pk], annotators=[a], by=owner)
    Membership.objects.filter(user=a, workspace=event.workspace).update(role="viewer")
    assert list(my_assignments(user=a)) == []


# Progress -------------------------------------------------------------------------------


def test_progress_counts_assigned_started_done_decided_and_added(
    event, articles, coders, owner, workspace
):
    a, b = coders[:2]
    ids = [x.pk for x in articles[:3]]
    assignments_create(event=event, article_ids=ids, annotators=[a, b], by=owner)
    label = _label(workspace)
    annotation_create(
        revision=articles[0].current_revision, start=0, end=3, label=label, author_user=a
    )
    annotation_create(
        revision=articles[4].current_revision, start=0, end=3, label=label, author_user=a
    )  # not assigned: counts as added, not as started
    suggestion = annotation_create(
        revision=articles[1].current_revision, start=4, end=9, label=label,
        author_model=builtin_model_version(),
    )  # fmt: skip
    annotation_decide(annotation=suggestion, status="rejected", user=a)
    done = Assignment.objects.get(article=articles[2], annotator=a)
    assignment_set_done(assignment=done, user=a, done=True)

    progress = event_progress(event=event)
    rows = {r.user: r for r in progress.rows}
    ra, rb = rows[a], rows[b]
    assert (ra.assigned, ra.started, ra.done, ra.decided, ra.added) == (3, 3, 1, 1, 2)
    assert (rb.assigned, rb.started, rb.done, rb.decided, rb.added) == (3, 0, 0, 0, 0)
    assert ra.last_activity is not None and rb.last_activity is None
    assert (progress.articles, progress.assigned_articles, progress.done_articles) == (6, 3, 1)


def test_curated_gold_tags_are_not_the_curators_added_spans(event, articles, owner, workspace):
    from framing.team_services import curate_span

    curate_span(
        event=event, user=owner, revision_id=articles[0].current_revision_id, start=0, end=3,
        label_key="pejorative_label", include=True,
    )  # fmt: skip
    assert event_progress(event=event).rows == []


def test_an_article_is_agreement_ready_when_two_annotators_finished_it(
    event, articles, coders, owner
):
    a, b, c = coders
    assignments_create(
        event=event, article_ids=[articles[0].pk, articles[1].pk], annotators=[a, b, c], by=owner
    )
    for user in (a, b):
        assignment_set_done(
            assignment=Assignment.objects.get(article=articles[0], annotator=user),
            user=user,
            done=True,
        )
    assignment_set_done(
        assignment=Assignment.objects.get(article=articles[1], annotator=c), user=c, done=True
    )
    progress = event_progress(event=event)
    assert (progress.done_articles, progress.agreement_ready) == (2, 1)


def test_last_activity_is_the_latest_of_tags_decisions_and_done(event, articles, coders, owner):
    a = coders[0]
    assignments_create(event=event, article_ids=[articles[0].pk], annotators=[a], by=owner)
    assignment = Assignment.objects.get()
    later = timezone.now() + timedelta(hours=2)
    Assignment.objects.filter(pk=assignment.pk).update(done_at=later)
    (row,) = event_progress(event=event).rows
    assert row.last_activity == later
