"""Sources & voice on the naval demo event, analysed by the real engine (issue 10: "the pages
show speakers and relay chains correctly on the demo event"): VCNA's own copy quotes its
ministry's spokesperson, relays Oskarn's Foreign Ministry through OTA and carries an
unsigned commentary."""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse

from articles.demo_loader import demo_load
from framing.analysis_services import event_analyse
from tests.reports.helpers import client_for

pytestmark = pytest.mark.django_db


def _speaker_rows(event, user, outlet: str) -> dict[str, list[str]]:
    """Speaker name -> the cells of its row in ``outlet``'s section of Sources & voice."""
    page = client_for(user).get(reverse("reports:sources", args=[event.pk])).content.decode()
    section_id = event.articles.get(outlet__name=outlet).outlet_id
    section = page[page.index(f'id="sources-{section_id}"') :]
    table = section[: section.index("</table>")]
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", table[table.index("<tbody>") :], re.S):
        cells = [
            html.unescape(re.sub(r"<[^>]+>", "", c)).strip()
            for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        ]
        rows[cells[0]] = cells
    return rows


def test_vcna_copy_shows_the_relayed_ministry_and_no_document_or_description_speakers():
    event = demo_load()
    event_analyse(event=event)
    rows = _speaker_rows(
        event, event.workspace.memberships.get().user, "Velmar Central News Agency"
    )
    # Oskarn's ministry is a quoted source of Oskarn, heard through OTA, and "the ministry"
    # that OTA quotes next is the same row
    ministry = rows["Oskarn’s Foreign Ministry"]
    assert ministry[1] == "Oskarn (country)"
    assert ministry[5].startswith("relays OTA")
    assert "the ministry" not in rows
    # "the spokesperson" is the spokesperson the copy named; "A commentary" names nobody
    assert "the spokesperson" not in rows and "Dara Kostell" in rows
    assert "A commentary" not in rows and "unnamed speaker" in rows
