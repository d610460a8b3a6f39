"""Aligned facts: stable anchors, "cite", and the per-cell split/move/merge controls."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from reports.models import AlignmentCorrection
from tests.reports.helpers import client_for


def _aligned(analysed, **params):
    wire, state = analysed["wire"], analysed["state"]
    query = f"a={wire.pk}&a={state.pk}&all=1" + "".join(f"&{k}={v}" for k, v in params.items())
    return reverse("reports:aligned", args=[analysed["event"].pk]) + "?" + query


def _post(client, analysed, **data):
    url = reverse("reports:aligned_correct", args=[analysed["event"].pk])
    return client.post(url, {"next": _aligned(analysed), **data})


def _row_of(html: str, text: str) -> str:
    """The <tr> of the aligned table whose cells hold ``text``."""
    table = html[html.index('id="aligned"') :]
    end = table.index("</tr>", table.index(f"</a> {text}"))
    return table[table.rindex("<tr", 0, end) : end]


FRIGATE = "The frigate sailed past the destroyer on Tuesday."


def test_fact_anchor_is_named_by_its_sentences_not_its_position(analysed, viewer):
    html = client_for(viewer).get(_aligned(analysed)).content.decode()
    wire, state = analysed["wire"], analysed["state"]
    first = min((wire.pk, 0), (state.pk, 1))
    assert _row_of(html, FRIGATE).startswith(f'<tr id="fact-{first[0]}-{first[1]}"')


def test_fact_anchor_survives_corrections_that_reorder_rows(analysed, annotator):
    client = client_for(annotator)
    row = _row_of(client.get(_aligned(analysed)).content.decode(), FRIGATE)
    anchor = re.match(r'<tr id="([^"]+)"', row).group(1)
    state = analysed["state"]
    # Merge two unmatched sentences: a new two-sentence row appears and others shift.
    _post(client, analysed, kind="move", cell=f"{state.pk}-2", target=f"{analysed['wire'].pk}-2")
    after = _row_of(client.get(_aligned(analysed)).content.decode(), FRIGATE)
    assert re.match(r'<tr id="([^"]+)"', after).group(1) == anchor


def test_fact_link_finds_a_sentence_after_it_moved(analysed, annotator):
    client, wire, state = client_for(annotator), analysed["wire"], analysed["state"]
    _post(client, analysed, kind="move", cell=f"{wire.pk}-0", target=f"{state.pk}-2")
    html = client.get(_aligned(analysed, fact=f"{wire.pk}-0")).content.decode()
    row = _row_of(html, "The drills threaten peace.")
    assert 'class="fact-focus"' in row and f"</a> {FRIGATE}" in row


def test_cite_carries_outlet_text_and_permalink(analysed, viewer):
    row = _row_of(client_for(viewer).get(_aligned(analysed)).content.decode(), FRIGATE)
    citation = re.search(r'data-citation="([^"]+)"', row).group(1)
    link = re.search(r'data-link="([^"]+)"', row).group(1)
    assert "Wire" in citation and "State Agency" in citation and FRIGATE in citation
    assert "fact=" in link and link.endswith(re.match(r'<tr id="([^"]+)"', row).group(1))


def test_annotator_sees_cell_controls_and_viewer_does_not(analysed, annotator, viewer):
    control = 'name="kind" value="split"'
    assert control in client_for(annotator).get(_aligned(analysed)).content.decode()
    assert control not in client_for(viewer).get(_aligned(analysed)).content.decode()


def test_split_stores_an_unlink_of_that_sentence(analysed, annotator):
    wire = analysed["wire"]
    response = _post(client_for(annotator), analysed, kind="split", cell=f"{wire.pk}-0")
    assert response.status_code == 302
    c = AlignmentCorrection.objects.get(event=analysed["event"])
    assert (c.kind, c.article_a_id, c.sentence_a) == ("unlink", wire.pk, 0)


def test_split_takes_the_sentence_out_of_its_row(analysed, annotator):
    client = client_for(annotator)
    _post(client, analysed, kind="split", cell=f"{analysed['wire'].pk}-0")
    row = _row_of(client.get(_aligned(analysed)).content.decode(), FRIGATE)
    assert row.count(f"</a> {FRIGATE}") == 1


def test_move_links_the_cell_into_the_target_row(analysed, annotator):
    wire, state = analysed["wire"], analysed["state"]
    _post(client_for(annotator), analysed, kind="move", cell=f"{state.pk}-2", target=f"{wire.pk}-2")
    c = AlignmentCorrection.objects.get(event=analysed["event"])
    assert (c.kind, c.article_a_id, c.sentence_a, c.article_b_id, c.sentence_b) == (
        "link",
        wire.pk,
        2,
        state.pk,
        2,
    )


def test_merge_links_every_member_in_one_go(analysed, annotator):
    wire, state = analysed["wire"], analysed["state"]
    members = [f"{state.pk}-0", f"{state.pk}-2"]
    client = client_for(annotator)
    response = _post(client, analysed, kind="merge", target=f"{wire.pk}-2", members=members)
    assert response.status_code == 302
    assert AlignmentCorrection.objects.filter(event=analysed["event"], kind="link").count() == 2


def test_merge_with_a_foreign_sentence_stores_nothing(analysed, annotator):
    wire, state = analysed["wire"], analysed["state"]
    members = [f"{state.pk}-0", "999999-1"]
    client = client_for(annotator)
    response = _post(client, analysed, kind="merge", target=f"{wire.pk}-2", members=members)
    assert response.status_code == 400
    assert not AlignmentCorrection.objects.exists()


def test_move_without_a_target_is_refused(analysed, annotator):
    response = _post(client_for(annotator), analysed, kind="move", cell=f"{analysed['wire'].pk}-0")
    assert response.status_code == 400


@pytest.mark.parametrize("kind", ["split", "move", "merge"])
def test_viewer_cannot_use_cell_controls(analysed, viewer, kind):
    data = {"kind": kind, "cell": f"{analysed['wire'].pk}-0", "target": f"{analysed['state'].pk}-1"}
    assert _post(client_for(viewer), analysed, **data).status_code == 403


def test_non_member_cannot_use_cell_controls(analysed, outsider):
    data = {"kind": "split", "cell": f"{analysed['wire'].pk}-0"}
    assert _post(client_for(outsider), analysed, **data).status_code == 404


def test_next_row_is_offered_for_merging_only_when_no_outlet_clashes(analysed, annotator):
    html = client_for(annotator).get(_aligned(analysed)).content.decode()
    for form in re.findall(r'<form[^>]*class="inline merge".*?</form>', html, re.S):
        members = re.findall(r'name="members" value="(\d+)-', form)
        target = re.search(r'name="target" value="(\d+)-', form).group(1)
        assert target not in members
