"""Aligned facts on the page (issue 10, part 4): two outlets' copies of one sentence are always
"reported", a row is named by a sentence confirmed in it rather than one only possibly in it,
and a possible match never shows a similarity that seems to reach the "reported" point."""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse

from framing.engine.contrast import similarity
from reports import alignment
from tests.factories import OutletFactory, make_article
from tests.reports.helpers import client_for, store_analysis

pytestmark = pytest.mark.django_db

QUOTE = "“We walked for five weeks to be turned away at a locked gate,” one woman said."
FIRST = (
    "Kestria closed its main southern border crossing on Saturday. "
    "A caravan of about 2,400 migrants reached the Lusk River after five weeks on foot. "
    "Officers fired tear gas when some tried to cross the bridge. " + QUOTE
)
SECOND = (
    QUOTE + " Organisers said there were closer to 3,000 people. "
    "Aid groups set up tents by the river. Officials said the crossing would stay shut."
)


@pytest.fixture(autouse=True)
def fresh_alignments():
    """The page keeps alignments per set of texts; each test changes the model or the point."""
    alignment._aligned.cache_clear()
    yield
    alignment._aligned.cache_clear()


def _articles(event, texts: dict[str, str]):
    articles = []
    for outlet_name, text in texts.items():
        outlet = OutletFactory(workspace=event.workspace, name=outlet_name)
        article = make_article(event=event, outlet=outlet, text=text, title=outlet_name)
        store_analysis(article)
        articles.append(article)
    return articles


def _matrix_rows(user, event, articles) -> list[str]:
    """The omission matrix's rows as HTML, one string per row."""
    query = "&".join(f"a={a.pk}" for a in articles)
    url = reverse("reports:aligned", args=[event.pk]) + "?" + query
    page = html.unescape(client_for(user).get(url).content.decode())
    start = page.index('id="omission"')
    return re.findall(r"<tr>(.*?)</tr>", page[start : page.index("</table>", start)], re.S)


def test_a_sentence_two_outlets_print_word_for_word_is_reported(event, viewer, monkeypatch):
    # A refit wary of quotation puts this pair at a few per cent; the page must still show
    # the same words in two outlets as one confirmed fact.
    fitted = similarity.model()
    wary = {**fitted, "weights": {**fitted["weights"], "quoted": -30.0}}
    monkeypatch.setattr(similarity, "model", lambda: wary)
    articles = _articles(event, {"Paper A": FIRST, "Paper B": SECOND})
    rows = [r for r in _matrix_rows(viewer, event, articles) if "We walked" in r]
    assert len(rows) == 1, "the two copies are not in one row"
    row = rows[0]
    assert row.count('class="reported"') == 2 and "possibly" not in row


def test_a_row_is_named_by_a_sentence_confirmed_in_it(event, viewer, monkeypatch):
    # The caravan demo's row: the journey, reported by two outlets, and a third outlet's
    # shorter estimate of the crowd that joined it only as a possible match.
    articles = _articles(
        event,
        {
            "Ledger": "She is one of about 2,400 asylum seekers who arrived at the border on "
            "Saturday after a journey of roughly 1,100 kilometres on foot through Orvane.",
            "Observer": "The Border Service estimated 2,400.",
            "Record": "Most had covered roughly 1,100 kilometres on foot and by bus "
            "through Orvane.",
        },
    )
    rows = alignment._aligned(tuple((a.current_revision.text,) for a in articles))
    links = next(r for r in rows if len(r.members()) == 3).links
    # Between the Observer's link and the journey's, wherever the fitted model puts them.
    point = (links[(0, 1)] + links[(0, 2)]) / 2
    assert links[(0, 1)] < point <= links[(0, 2)]
    possible, _ = similarity.operating_points()
    monkeypatch.setattr(alignment, "operating_points", lambda: (possible, point))
    row = next(r for r in _matrix_rows(viewer, event, articles) if "possibly" in r)
    label = re.search(r"<td>(.*?)</td>", row).group(1)
    assert label.startswith("Most had covered roughly 1,100 kilometres")


def test_a_possible_match_never_shows_the_reported_point_it_falls_short_of(monkeypatch):
    monkeypatch.setattr(alignment, "operating_points", lambda: (0.2, 0.75))
    probability = {(0, 0, 1, 0): 0.748, (1, 0, 0, 0): 0.748}
    state, shown, _ = alignment._cell_state(0, 0, {0: 0, 1: 0}, probability, set())
    assert state == "possibly" and f"{shown:.2f}" == "0.74"
