"""Share links: the report and nothing else, read-only, gone when revoked or expired."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reports.models import ShareLink
from reports.report.config import ReportConfig
from reports.report.services import saved_report_save, share_link_create
from tests.reports.helpers import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared(hostile, owner):
    report = saved_report_save(event=hostile["event"], user=owner, config=ReportConfig())
    link, token = share_link_create(report=report, user=owner, days=7)
    return {"report": report, "link": link, "url": reverse("reports:shared_report", args=[token])}


def test_share_link_shows_the_report_without_an_account(shared):
    response = Client().get(shared["url"])
    assert response.status_code == 200
    assert b"Key differences" in response.content
    assert response["Cache-Control"] == "no-store"


def test_share_link_never_links_into_the_workspace(shared):
    html = Client().get(shared["url"]).content.decode()
    markup = re.sub(r"<script[^>]*>.*?</script>", "", html, flags=re.S)  # plotly.js's own text
    hrefs = re.findall(r'href="([^"#][^"]*)"', markup)
    assert hrefs == []
    assert "Span explorer" not in html and "csrfmiddlewaretoken" not in html


def test_share_link_is_refused_after_revocation(shared, owner):
    client_for(owner).post(reverse("reports:share_revoke", args=[shared["link"].pk]))
    assert Client().get(shared["url"]).status_code == 404


def test_share_link_is_refused_after_expiry(shared):
    ShareLink.objects.filter(pk=shared["link"].pk).update(
        expires_at=timezone.now() - dt.timedelta(seconds=1)
    )
    assert Client().get(shared["url"]).status_code == 404


def test_a_guessed_token_is_refused(shared):
    url = reverse("reports:shared_report", args=["x" * 43])
    assert Client().get(url).status_code == 404


def test_only_the_tokens_hash_is_stored(shared):
    token = shared["url"].rstrip("/").rsplit("/", 1)[1]
    assert token not in shared["link"].token_hash and len(shared["link"].token_hash) == 64


def test_creating_a_link_shows_it_once(hostile, owner):
    client = client_for(owner)
    report = saved_report_save(event=hostile["event"], user=owner, config=ReportConfig())
    response = client.post(
        reverse("reports:share_create", args=[report.pk]), {"days": "3"}, follow=True
    )
    assert re.search(r"/shared/[\w-]{40,}/", response.content.decode())
    assert ShareLink.objects.get().expires_at < timezone.now() + dt.timedelta(days=3, minutes=1)


def test_another_workspaces_user_cannot_create_or_revoke_links(shared, outsider):
    client = client_for(outsider)
    create = reverse("reports:share_create", args=[shared["report"].pk])
    revoke = reverse("reports:share_revoke", args=[shared["link"].pk])
    assert client.post(create, {"days": "3"}).status_code == 404
    assert client.post(revoke).status_code == 404
    assert ShareLink.objects.get().revoked_at is None


def test_annotator_may_not_share(shared, annotator):
    create = reverse("reports:share_create", args=[shared["report"].pk])
    assert client_for(annotator).post(create, {"days": "3"}).status_code == 403


def test_share_link_longer_than_the_limit_is_refused(shared, owner):
    create = reverse("reports:share_create", args=[shared["report"].pk])
    assert client_for(owner).post(create, {"days": "365"}).status_code == 400


def test_shared_reports_inline_scripts_carry_the_csp_nonce(shared):
    response = Client().get(shared["url"])
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    scripts = re.findall(r"<script(?! id=)([^>]*)>", response.content.decode())
    assert scripts and all(f'nonce="{nonce}"' in attrs for attrs in scripts)
