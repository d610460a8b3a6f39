import pytest

from accounts.models import Membership
from articles.demo_loader import DEMO_EMAIL, demo_load
from articles.models import Article

pytestmark = pytest.mark.django_db


def test_demo_event_has_at_least_five_outlets_of_different_types():
    event = demo_load()
    articles = Article.objects.filter(event=event).select_related("outlet", "current_revision")
    assert len({a.outlet_id for a in articles}) >= 5
    assert {"state_media", "wire_agency", "government", "commercial"} <= {
        a.outlet.type for a in articles
    }
    for article in articles:
        assert 400 <= article.current_revision.word_count <= 900, article.title


def test_demo_user_owns_the_demo_workspace():
    event = demo_load()
    assert Membership.objects.get(user__email=DEMO_EMAIL, workspace=event.workspace).role == "owner"


def test_demo_republication_points_at_the_relayed_article():
    event = demo_load()
    relay = Article.objects.get(event=event, origin__isnull=False)
    assert relay.republication_of is not None
    assert relay.republication_of.outlet == relay.origin


def test_loading_the_demo_twice_changes_nothing():
    first = demo_load()
    count = Article.objects.count()
    assert demo_load() == first
    assert Article.objects.count() == count


def test_second_demo_event_is_a_five_outlet_story_with_a_relayed_wire_report():
    from articles.demo_loader import SECOND_DEMO_FILE

    first = demo_load()
    event = demo_load(path=SECOND_DEMO_FILE)
    assert event != first and event.workspace == first.workspace
    articles = list(Article.objects.filter(event=event).select_related("current_revision"))
    assert len({a.outlet_id for a in articles}) == 5
    for article in articles:
        assert 400 <= article.current_revision.word_count <= 900, article.title
    relay = next(a for a in articles if a.origin_id)
    assert relay.origin.name == "Meridian Wire"
    assert "(Meridian Wire) —" in relay.current_revision.text


def test_load_demo_command_creates_both_events(capsys):
    from django.core.management import call_command

    from articles.models import Event

    call_command("load_demo")
    titles = set(Event.objects.values_list("title", flat=True))
    assert "Sabrennian caravan reaches the Kestrian border at Halden Bridge" in titles
    assert "Tidewater Shield 2026 naval exercise in the Serrin Strait" in titles
