"""Every model's admin list and add pages open for a superuser (filters and search included)."""

import pytest
from django.contrib import admin
from django.urls import reverse

from articles.demo_loader import demo_load
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_every_registered_model_has_a_working_changelist_with_search(superuser_client):
    demo_load()
    for model in admin.site._registry:
        opts = model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        response = superuser_client.get(url, {"q": "a"})
        assert response.status_code == 200, (opts.label, response.status_code)


def test_non_staff_members_are_kept_out_of_the_admin(client, viewer):
    client.force_login(viewer)
    response = client.get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 302
