"""The competing-labels table on both demo events, analysed by the real engine (issue 10:
"the pages show competing-label groups correctly on the demo event and on a second one")."""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse

from articles.demo_loader import SECOND_DEMO_FILE, demo_load
from framing.analysis_services import event_analyse
from tests.reports.helpers import client_for

pytestmark = pytest.mark.django_db


def _label_rows(event, user) -> dict[str, str]:
    """Referent name -> the text of its row in the competing-labels table."""
    ids = "&".join(f"a={a.pk}" for a in event.articles.order_by("pk")[:6])
    url = reverse("reports:aligned", args=[event.pk]) + "?" + ids
    page = html.unescape(client_for(user).get(url).content.decode())
    table = page[page.index('id="labels"') :]
    table = table[table.index("<tbody>") : table.index("</table>")]
    rows = [re.sub(r"<[^>]+>", " ", r) for r in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)]
    return {r.split("  ")[0].strip(): r for r in rows}


def test_second_demo_event_shows_the_group_and_the_organisations_by_their_labels():
    event = demo_load(path=SECOND_DEMO_FILE)
    event_analyse(event=event)
    user = event.workspace.memberships.get().user
    rows = _label_rows(event, user)
    group = rows["migrants"]
    for wording in ("asylum seekers", "illegal aliens", "caravan participants", "invaders"):
        assert wording in group, wording
    assert "medical charity" in rows["Frontier Aid"]
    assert "open-borders outfit" in rows["Open Roads Network"]
    # Places and people are never labels of another referent.
    assert not any("halden bridge" in r.lower() for r in rows.values())


def test_first_demo_event_shows_the_bloc_and_its_rival_labels():
    event = demo_load()
    event_analyse(event=event)
    user = event.workspace.memberships.get().user
    rows = _label_rows(event, user)
    bloc = rows["states acting together"]
    assert "aggressive bloc" in bloc and "democracies" in bloc
