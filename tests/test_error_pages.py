"""Our own error pages: readable reasons in the site's layout, with DEBUG off as in production.

The test client normally skips the CSRF check; these tests enforce it, because it is the CSRF
check that reads an over-full body first.
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.factories import EventFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def csrf_client(workspace):
    client = Client(enforce_csrf_checks=True)
    user = MembershipFactory(workspace=workspace, role="analyst").user
    client.force_login(user)
    return client


def _token(client: Client, url: str) -> str:
    assert client.get(url).status_code == 200  # the page sets the CSRF cookie
    return client.cookies["csrftoken"].value


def _files(n: int) -> list[SimpleUploadedFile]:
    return [SimpleUploadedFile(f"f{i}.txt", b"A story.\n") for i in range(n)]


def test_too_many_files_get_a_readable_page_not_the_bare_400(csrf_client, workspace, settings):
    settings.DEBUG = False
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 2
    url = reverse("import_start", args=[EventFactory(workspace=workspace).pk])
    token = _token(csrf_client, url)
    response = csrf_client.post(url, {"csrfmiddlewaretoken": token, "files": _files(3)})
    assert response.status_code == 400
    page = response.content.decode()
    assert "More than 2 files were sent at once" in page
    assert 'class="topbar"' in page  # the site's layout, rendered with the request
    assert "Bad Request (400)" not in page


def test_too_many_fields_get_a_readable_page(csrf_client, workspace, settings):
    settings.DEBUG = False
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 5
    url = reverse("event_create", args=[workspace.pk])
    token = _token(csrf_client, url)
    fields = {f"f{i}": "x" for i in range(10)} | {"csrfmiddlewaretoken": token}
    response = csrf_client.post(url, fields)
    assert response.status_code == 400
    assert "The form sent more than 5 fields" in response.content.decode()


def test_a_stale_form_gets_our_csrf_page(csrf_client, workspace, settings):
    settings.DEBUG = False
    url = reverse("event_create", args=[workspace.pk])
    _token(csrf_client, url)
    response = csrf_client.post(url, {"csrfmiddlewaretoken": "x" * 64, "title": "T"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "reload the page" in page and 'class="topbar"' in page


def test_not_found_uses_the_site_layout(client, settings):
    settings.DEBUG = False
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert 'class="topbar"' in response.content.decode()


def test_the_server_error_page_renders_without_a_request(client, settings):
    # Django's server_error view renders 500.html with no context at all.
    from django.template import loader

    page = loader.get_template("500.html").render()
    assert "Something went wrong" in page
