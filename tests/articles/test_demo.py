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
