"""Assignment pages: progress, assign / split / unassign / reassign, My assignments, mark
done; every view with the user who must be refused (403 for a role, 404 for an outsider)."""

import pytest
from django.test import Client
from django.urls import reverse

from framing.assignment_services import assignment_set_done, assignments_create
from framing.models import Assignment
from framing.services import codebooks_install_defaults
from tests.factories import EventFactory, MembershipFactory, make_article

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert(1)</script> & co"


@pytest.fixture
def event(workspace):
    codebooks_install_defaults(workspace=workspace)
    return EventFactory(workspace=workspace)


@pytest.fixture
def articles(event):
    return [make_article(event=event, title=f"Report {i}") for i in range(4)]


@pytest.fixture
def assigned(event, articles, annotator, owner):
    assignments_create(
        event=event, article_ids=[a.pk for a in articles[:2]], annotators=[annotator], by=owner
    )
    return list(Assignment.objects.order_by("article_id"))


def _url(name, pk):
    return reverse(name, args=[pk])


# Progress page ----------------------------------------------------------------------------


def test_an_annotator_sees_progress_but_not_the_assignment_tools(
    client, event, assigned, annotator
):
    client.force_login(annotator)
    response = client.get(_url("event_assignments", event.pk))
    assert response.status_code == 200
    assert response.context["progress"].rows[0].assigned == 2
    assert b'id="assign-form"' not in response.content


def test_an_analyst_sees_the_assignment_table(client, event, assigned, analyst, annotator):
    client.force_login(analyst)
    response = client.get(_url("event_assignments", event.pk))
    assert b'id="assign-form"' in response.content
    assert f'data-annotator="{annotator.username}"'.encode() in response.content


def test_the_assignment_table_pages_the_articles(client, event, analyst, owner, monkeypatch):
    monkeypatch.setattr("framing.assignment_selectors.ARTICLES_PER_PAGE", 2)
    for i in range(3):
        make_article(event=event, title=f"Paged {i}")
    client.force_login(analyst)
    response = client.get(_url("event_assignments", event.pk), {"page": 2})
    assert [r.article.title for r in response.context["rows"]] == ["Paged 2"]


def test_an_unknown_query_parameter_is_refused(client, event, analyst):
    client.force_login(analyst)
    assert client.get(_url("event_assignments", event.pk), {"sort": "x"}).status_code == 400


def test_a_viewer_is_refused_the_progress_page(client, event, viewer):
    client.force_login(viewer)
    assert client.get(_url("event_assignments", event.pk)).status_code == 403


def test_an_outsider_gets_404_for_the_progress_page(client, event, outsider):
    client.force_login(outsider)
    assert client.get(_url("event_assignments", event.pk)).status_code == 404


def test_titles_and_names_are_escaped_on_the_assignment_page(client, event, analyst, owner):
    article = make_article(event=event, title=HOSTILE)
    assignments_create(event=event, article_ids=[article.pk], annotators=[analyst], by=owner)
    client.force_login(analyst)
    body = client.get(_url("event_assignments", event.pk)).content.decode()
    assert "<script>alert(1)" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in body


# Assign, split, unassign, reassign --------------------------------------------------------


def test_an_analyst_assigns_ticked_articles(client, event, articles, analyst, annotator):
    client.force_login(analyst)
    data = {"articles": [articles[0].pk, articles[1].pk], "annotators": [annotator.pk]}
    response = client.post(_url("event_assign", event.pk), data)
    assert response.status_code == 302
    assert Assignment.objects.filter(annotator=annotator).count() == 2
    assert Assignment.objects.first().assigned_by == analyst


def test_assigning_nothing_ticked_says_so(client, event, articles, analyst, annotator):
    client.force_login(analyst)
    response = client.post(_url("event_assign", event.pk), {"annotators": [annotator.pk]})
    assert response.status_code == 400
    assert "Tick at least one article." in response.content.decode()


def test_an_annotator_may_not_assign(client, event, articles, annotator):
    client.force_login(annotator)
    data = {"articles": [articles[0].pk], "annotators": [annotator.pk]}
    assert client.post(_url("event_assign", event.pk), data).status_code == 403
    assert not Assignment.objects.exists()


def test_an_outsider_gets_404_when_assigning(client, event, articles, outsider):
    client.force_login(outsider)
    data = {"articles": [articles[0].pk], "annotators": [outsider.pk]}
    assert client.post(_url("event_assign", event.pk), data).status_code == 404


def test_a_viewer_is_not_offered_as_an_annotator(client, event, articles, analyst, viewer):
    client.force_login(analyst)
    data = {"articles": [articles[0].pk], "annotators": [viewer.pk]}
    response = client.post(_url("event_assign", event.pk), data)
    assert response.status_code == 400
    assert not Assignment.objects.exists()


def test_split_with_two_per_article_gives_each_article_two_annotators(
    client, event, articles, owner, workspace
):
    coders = [MembershipFactory(workspace=workspace, role="annotator").user for _ in range(3)]
    client.force_login(owner)
    data = {"annotators": [u.pk for u in coders], "per_article": 2}
    assert client.post(_url("event_split", event.pk), data).status_code == 302
    assert Assignment.objects.count() == 2 * len(articles)


def test_split_asking_too_many_per_article_shows_the_reason(
    client, event, articles, owner, analyst
):
    client.force_login(owner)
    data = {"annotators": [analyst.pk], "per_article": 2}
    response = client.post(_url("event_split", event.pk), data)
    assert response.status_code == 400
    assert "between 1 and 1" in response.content.decode()


def test_an_annotator_may_not_split(client, event, articles, annotator):
    client.force_login(annotator)
    data = {"annotators": [annotator.pk], "per_article": 1}
    assert client.post(_url("event_split", event.pk), data).status_code == 403


def test_unassign_removes_the_assignment(client, event, assigned, analyst):
    client.force_login(analyst)
    response = client.post(_url("event_unassign", event.pk), {"assignment": [assigned[0].pk]})
    assert response.status_code == 302
    assert list(Assignment.objects.all()) == [assigned[1]]


def test_an_annotator_may_not_unassign(client, event, assigned, annotator):
    client.force_login(annotator)
    response = client.post(_url("event_unassign", event.pk), {"assignment": [assigned[0].pk]})
    assert response.status_code == 403
    assert Assignment.objects.count() == 2


def test_unassign_through_another_event_leaves_the_assignment(
    client, event, assigned, analyst, workspace
):
    other = EventFactory(workspace=workspace)
    client.force_login(analyst)
    client.post(_url("event_unassign", other.pk), {"assignment": [assigned[0].pk]})
    assert Assignment.objects.count() == 2


def test_reassign_moves_unfinished_articles(client, event, assigned, analyst, annotator):
    assignment_set_done(assignment=assigned[0], user=annotator, done=True)
    client.force_login(analyst)
    data = {"from_user": annotator.pk, "to_user": analyst.pk}
    assert client.post(_url("event_reassign", event.pk), data).status_code == 302
    assert set(Assignment.objects.values_list("article_id", "annotator_id")) == {
        (assigned[0].article_id, annotator.pk),
        (assigned[1].article_id, analyst.pk),
    }


def test_an_annotator_may_not_reassign(client, event, assigned, annotator, analyst):
    client.force_login(annotator)
    data = {"from_user": annotator.pk, "to_user": analyst.pk}
    assert client.post(_url("event_reassign", event.pk), data).status_code == 403


def test_posts_without_a_csrf_token_are_refused(event, articles, analyst, annotator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(analyst)
    data = {"articles": [articles[0].pk], "annotators": [annotator.pk]}
    assert client.post(_url("event_assign", event.pk), data).status_code == 403
    assert not Assignment.objects.exists()


# My assignments and done ----------------------------------------------------------------


def test_my_assignments_offer_the_next_article_to_do(client, assigned, articles, annotator):
    client.force_login(annotator)
    body = client.get(reverse("my_assignments")).content.decode()
    assert "Next article to do: Report 0" in body
    assert articles[0].get_absolute_url() in body


def test_my_assignments_escape_titles(client, event, annotator, owner):
    article = make_article(event=event, title=HOSTILE)
    assignments_create(event=event, article_ids=[article.pk], annotators=[annotator], by=owner)
    client.force_login(annotator)
    body = client.get(reverse("my_assignments")).content.decode()
    assert "<script>alert(1)" not in body


def test_my_assignments_show_nothing_of_other_users(client, assigned, analyst):
    client.force_login(analyst)
    body = client.get(reverse("my_assignments")).content.decode()
    assert 'id="no-assignments"' in body


def test_marking_done_opens_the_next_article(client, assigned, articles, annotator):
    client.force_login(annotator)
    response = client.post(_url("assignment_done", assigned[0].pk), {"done": "1"})
    assert response.url == articles[1].get_absolute_url()
    assigned[0].refresh_from_db()
    assert assigned[0].is_done


def test_marking_the_last_one_done_goes_back_to_my_assignments(client, assigned, annotator):
    assignment_set_done(assignment=assigned[0], user=annotator, done=True)
    client.force_login(annotator)
    response = client.post(_url("assignment_done", assigned[1].pk), {"done": "1"})
    assert response.url == reverse("my_assignments")


def test_open_again_clears_done(client, assigned, annotator):
    assignment_set_done(assignment=assigned[0], user=annotator, done=True)
    client.force_login(annotator)
    client.post(_url("assignment_done", assigned[0].pk), {"done": "0"})
    assigned[0].refresh_from_db()
    assert not assigned[0].is_done


def test_someone_else_may_not_mark_it_done(client, assigned, owner):
    client.force_login(owner)
    assert client.post(_url("assignment_done", assigned[0].pk), {"done": "1"}).status_code == 403
    assigned[0].refresh_from_db()
    assert not assigned[0].is_done


def test_an_outsider_gets_404_when_marking_done(client, assigned, outsider):
    client.force_login(outsider)
    assert client.post(_url("assignment_done", assigned[0].pk), {"done": "1"}).status_code == 404


def test_the_article_page_offers_mark_done_to_its_annotator_only(
    client, assigned, articles, annotator, analyst
):
    client.force_login(annotator)
    assert b'id="mark-done"' in client.get(articles[0].get_absolute_url()).content
    client.force_login(analyst)
    assert b'id="mark-done"' not in client.get(articles[0].get_absolute_url()).content
