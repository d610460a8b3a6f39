"""Fact permalinks name a sentence by index and wording, and survive a revision."""

from __future__ import annotations

import re

from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from articles.services import article_revise
from reports.alignment import sentence_hash
from tests.reports.conftest import WIRE
from tests.reports.helpers import client_for, count_queries, store_analysis

FRIGATE = "The frigate sailed past the destroyer on Tuesday."


def _url(analysed, fact: str) -> str:
    wire, state = analysed["wire"], analysed["state"]
    base = reverse("reports:aligned", args=[analysed["event"].pk])
    return f"{base}?a={wire.pk}&a={state.pk}&all=1&fact={fact}"


def _revise(analysed, analyst, text: str):
    wire = analysed["wire"]
    article_revise(article=wire, text=text, user=analyst)
    wire.refresh_from_db()
    store_analysis(wire)
    return wire


def _focused(html: str) -> str:
    table = html[html.index('id="aligned"') :]
    rows = re.findall(r'<tr id="[^"]+" class="fact-focus">.*?</tr>', table, re.S)
    assert len(rows) <= 1
    return rows[0] if rows else ""


def _old_link(analysed) -> str:
    return f"{analysed['wire'].pk}-0-{sentence_hash(FRIGATE)}"


def test_permalink_carries_the_sentence_wording_hash(analysed, viewer):
    html = client_for(viewer).get(_url(analysed, "")).content.decode()
    assert f"fact={analysed['wire'].pk}-0-{sentence_hash(FRIGATE)}#" in html


def test_link_finds_its_sentence_after_text_was_added_above(analysed, analyst, viewer):
    _revise(analysed, analyst, "Coast guards watched. " + WIRE)
    row = _focused(client_for(viewer).get(_url(analysed, _old_link(analysed))).content.decode())
    assert f'id="cell-{analysed["wire"].pk}-1"' in row and FRIGATE in row


def test_link_falls_back_to_the_closest_revised_sentence(analysed, analyst, viewer):
    revised = "The frigate sailed past the destroyer early on Tuesday."
    _revise(analysed, analyst, "Coast guards watched. " + WIRE.replace(FRIGATE, revised))
    html = client_for(viewer).get(_url(analysed, _old_link(analysed))).content.decode()
    assert revised in _focused(html) and 'id="fact-note"' in html


def test_link_to_a_removed_sentence_focuses_nothing_and_says_so(analysed, analyst, viewer):
    _revise(analysed, analyst, WIRE.replace(FRIGATE, "Nobody spoke."))
    html = client_for(viewer).get(_url(analysed, _old_link(analysed))).content.decode()
    assert _focused(html) == "" and "no longer in the article" in html


def test_link_with_an_unknown_hash_focuses_nothing(analysed, viewer):
    html = (
        client_for(viewer).get(_url(analysed, f"{analysed['wire'].pk}-0-abcdef")).content.decode()
    )
    assert _focused(html) == ""


def test_revised_link_lookup_runs_one_query_however_many_revisions(analysed, analyst, viewer):
    client = client_for(viewer)
    _revise(analysed, analyst, "Coast guards watched. " + WIRE.replace(FRIGATE, "Nobody."))
    few = count_queries(client, _url(analysed, _old_link(analysed)))
    for k in range(3):
        _revise(analysed, analyst, f"Revision {k} here. " + WIRE.replace(FRIGATE, "Nobody."))
    assert few == count_queries(client, _url(analysed, _old_link(analysed)))


@given(
    st.lists(st.text(alphabet="ab ", min_size=1), min_size=1), st.sampled_from([" ", "\n", "  "])
)
def test_sentence_hash_ignores_how_words_are_spaced(words, gap):
    assert sentence_hash(" ".join(words)) == sentence_hash(gap.join(words))
