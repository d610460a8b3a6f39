"""Two tabs editing the same article text or event: the stale save gets 409 with what is
there now, instead of silently undoing the other edit."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from articles.models import Event
from articles.services import StaleEditError, article_revise, event_update
from tests.factories import EventFactory, make_article

pytestmark = pytest.mark.django_db

TEXT = "Warships entered the strait, the ministry said."


@pytest.fixture
def event(workspace):
    return EventFactory(workspace=workspace, title="Strait")


@pytest.fixture
def article(event):
    return make_article(event=event, text=TEXT, title="A report")


def _hidden(html: str, name: str) -> str:
    return re.search(rf'name="{name}" value="([^"]*)"', html).group(1)


def test_revising_from_a_stale_revision_is_refused_with_the_current_text(article, analyst):
    base = article.current_revision_id
    article_revise(article=article, text=TEXT + " First.", user=analyst, base_revision=base)
    with pytest.raises(StaleEditError, match="saved revision 2") as caught:
        article_revise(article=article, text=TEXT + " Second.", user=analyst, base_revision=base)
    assert caught.value.current["text"] == TEXT + " First."
    article.refresh_from_db()
    assert article.current_revision.text == TEXT + " First."


def test_second_tab_saving_text_gets_409_and_can_then_replace_deliberately(
    client, article, analyst
):
    client.force_login(analyst)
    url = reverse("article_edit_text", args=[article.pk])
    tab1, tab2 = client.get(url).content.decode(), client.get(url).content.decode()
    base1, base2 = _hidden(tab1, "base_revision"), _hidden(tab2, "base_revision")
    assert client.post(url, {"text": TEXT + " One.", "base_revision": base1}).status_code == 302
    stale = client.post(url, {"text": TEXT + " Two.", "base_revision": base2})
    assert stale.status_code == 409
    page = stale.content.decode()
    assert "Someone else saved revision 2" in page and "your text was not saved" in page
    assert TEXT + " One." in page  # the current text, to compare
    assert TEXT + " Two." in page  # the analyst's text is kept in the form
    article.refresh_from_db()
    assert article.current_revision.text == TEXT + " One."
    # The refused form is now based on revision 2: saving it again is a deliberate choice.
    again = _hidden(page, "base_revision")
    assert client.post(url, {"text": TEXT + " Two.", "base_revision": again}).status_code == 302
    article.refresh_from_db()
    assert article.current_revision.number == 3


def test_text_save_without_its_base_revision_is_refused(client, article, analyst):
    client.force_login(analyst)
    url = reverse("article_edit_text", args=[article.pk])
    assert client.post(url, {"text": TEXT + " One."}).status_code == 200  # form error
    article.refresh_from_db()
    assert article.current_revision.number == 1


def test_event_update_over_a_newer_version_is_refused(event):
    event_update(event=event, version=1, title="Strait crisis")
    with pytest.raises(StaleEditError) as caught:
        event_update(event=Event.objects.get(pk=event.pk), version=1, title="Old tab")
    assert caught.value.current["title"] == "Strait crisis"
    assert Event.objects.get(pk=event.pk).title == "Strait crisis"


def test_second_tab_saving_an_event_gets_409_with_the_current_details(client, event, analyst):
    client.force_login(analyst)
    url = reverse("event_edit", args=[event.pk])
    tab1, tab2 = client.get(url).content.decode(), client.get(url).content.decode()
    v1, v2 = _hidden(tab1, "version"), _hidden(tab2, "version")
    assert client.post(url, {"title": "Strait crisis", "version": v1}).status_code == 302
    stale = client.post(url, {"title": "Strait stand-off", "description": "x", "version": v2})
    assert stale.status_code == 409
    page = stale.content.decode()
    assert "Someone else changed this event" in page
    assert 'id="conflict"' in page and "Strait crisis" in page
    assert Event.objects.get(pk=event.pk).title == "Strait crisis"
    again = _hidden(page, "version")
    assert client.post(url, {"title": "Strait stand-off", "version": again}).status_code == 302
    assert Event.objects.get(pk=event.pk).title == "Strait stand-off"


def test_second_tab_saving_an_outlet_gets_409_with_the_current_details(client, article, analyst):
    outlet = article.outlet
    client.force_login(analyst)
    url = reverse("outlet_detail", args=[outlet.pk])
    tab1, tab2 = client.get(url).content.decode(), client.get(url).content.decode()
    v1, v2 = _hidden(tab1, "version"), _hidden(tab2, "version")
    first = {"name": "Harbour Post", "type": "commercial", "version": v1}
    assert client.post(url, first).status_code == 302
    stale = client.post(url, {"name": "Harbour Daily", "type": "wire_agency", "version": v2})
    assert stale.status_code == 409
    page = stale.content.decode()
    assert "Someone else changed this outlet" in page
    assert "<h1>Harbour Post</h1>" in page  # the heading shows the saved name, not the refused
    assert 'value="Harbour Daily"' in page  # the analyst's values stay in the form
    outlet.refresh_from_db()
    assert (outlet.name, outlet.type, outlet.version) == ("Harbour Post", "commercial", 2)
