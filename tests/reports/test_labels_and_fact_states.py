"""Issue 10, parts 3 and 4 on the aligned-facts page: competing labels on referents (groups,
organisations, never two different places or people merged) and the three fact states."""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse

from framing.models import ActorMention
from tests.factories import OutletFactory, make_article
from tests.reports.helpers import Term, client_for, store_analysis

pytestmark = pytest.mark.django_db


def _event_with(event, texts: dict[str, str], actors=(), loaded=()):
    """One article per outlet, analysed by hand; ``actors`` are (name, key, kind) mentions,
    ``loaded`` phrases tagged as loaded terms wherever they occur first."""
    articles = []
    for outlet_name, text in texts.items():
        outlet = OutletFactory(workspace=event.workspace, name=outlet_name)
        article = make_article(event=event, outlet=outlet, text=text, title=outlet_name)
        terms = tuple(Term(p, "pejorative_label") for p in loaded if p in text)
        analysis = store_analysis(article, terms=terms)
        for name, key, kind in actors:
            for m in re.finditer(re.escape(name), text):
                ActorMention.objects.create(
                    analysis=analysis, start=m.start(), end=m.end(), actor=key, name=name, kind=kind
                )
        articles.append(article)
    return articles


def _page(user, event, articles) -> str:
    query = "&".join(f"a={a.pk}" for a in articles)
    url = reverse("reports:aligned", args=[event.pk]) + "?" + query
    return html.unescape(client_for(user).get(url).content.decode())


def _labels(page: str) -> list[str]:
    """The rows of the competing-labels table as plain text."""
    if 'id="labels"' not in page:
        return []
    table = page[page.index('id="labels"') : page.index("</table>", page.index('id="labels"'))]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", table[table.index("<tbody>") :], re.S)
    return [re.sub(r"<[^>]+>", " ", r) for r in rows]


def test_a_group_every_outlet_names_differently_is_one_referent_with_its_neutral_term(
    event, viewer
):
    articles = _event_with(
        event,
        {
            "Left Paper": "About 2,400 asylum seekers reached the border crossing on Saturday.",
            "Wire": "About 2,400 migrants reached the border crossing on Saturday.",
            "Right Site": "About 2,400 illegal aliens stormed the border crossing on Saturday.",
        },
    )
    rows = _labels(_page(viewer, event, articles))
    group = [r for r in rows if "illegal aliens" in r]
    assert len(group) == 1
    assert "asylum seekers" in group[0] and "migrants" in group[0]
    assert re.search(r"Right Site #\d+ :\s*“illegal aliens” \(1\)", group[0])
    assert group[0].split()[0] == "migrants"  # the referent is named by its neutral term


def test_places_and_people_in_the_same_slot_are_not_labels_of_one_another(event, viewer):
    articles = _event_with(
        event,
        {
            # (The hand-made analyses split sentences at every full stop, so no "U.S." here.)
            "Paper A": "Trump said Washington would not let the caravan reach Tijuana this week.",
            "Paper B": "Trump said Mexico would not let the caravan reach the Pacific Ocean.",
        },
        actors=(
            ("Washington", "us", "country"),
            ("Mexico", "mexico", "country"),
            ("Tijuana", "tijuana", "other"),
            ("Pacific Ocean", "pacific_ocean", "other"),
            ("Trump", "trump", "person"),
        ),
        loaded=("Washington", "Mexico"),
    )
    rows = _labels(_page(viewer, event, articles))
    for row in rows:
        names = ("washington", "mexico", "tijuana", "pacific ocean", "trump")
        named = [n for n in names if n in row.lower()]
        assert len(named) <= 1, row


def test_descriptions_of_an_organisation_are_its_competing_labels(event, viewer):
    articles = _event_with(
        event,
        {
            "Paper A": "Frontier Aid, a medical charity, treated 14 people on Sunday.",
            "Paper B": "A foreign-funded charity, Frontier Aid, claims it treated 14 people.",
        },
        actors=(("Frontier Aid", "frontier_aid", "organisation"),),
    )
    rows = _labels(_page(viewer, event, articles))
    row = next(r for r in rows if "Frontier Aid" in r)
    assert "medical charity" in row and "foreign-funded charity" in row


def test_a_weak_match_between_unrelated_sentences_is_not_reported(event, viewer):
    articles = _event_with(
        event,
        {
            "Paper A": "The caravan reached Tijuana on Sunday after crossing Mexico.",
            "Paper B": "Trump said on Sunday the U.S. would not let the caravan in.",
        },
    )
    page = _page(viewer, event, articles)
    matrix = page[page.index('id="omission"') : page.index("</table>", page.index('id="omission"'))]
    assert 'class="reported"' not in matrix and 'class="loaded"' not in matrix


TEAR_GAS_A = "Border officers fired tear gas at the crowd on Sunday. The minister visited the camp."
TEAR_GAS_B = "On Sunday police used gas to push people back from the fence. Rain fell all day."


@pytest.fixture
def strict_reported(monkeypatch):
    """A "reported" point above the tear-gas pair's probability, wherever the fitted model
    puts it: these tests are about what the page shows for a possible match, not about the
    calibration (bench/bench_labels.py and test_labels_gold measure that)."""
    from framing.engine.contrast.similarity import operating_points

    possible, _ = operating_points()
    monkeypatch.setattr("reports.alignment.operating_points", lambda: (possible, 0.95))


def test_a_possible_match_shows_its_similarity_and_the_sentence_it_matched(
    event, viewer, strict_reported
):
    articles = _event_with(event, {"Paper A": TEAR_GAS_A, "Paper B": TEAR_GAS_B})
    page = _page(viewer, event, articles)
    matrix = page[page.index('id="omission"') : page.index("</table>", page.index('id="omission"'))]
    assert re.search(r"possibly \(0\.\d\d\)", matrix)
    assert "matched: “On Sunday police used gas" in matrix


def test_cite_is_offered_only_for_confirmed_facts(event, viewer, strict_reported):
    articles = _event_with(event, {"Paper A": TEAR_GAS_A, "Paper B": TEAR_GAS_B})
    page = _page(viewer, event, articles)
    assert "data-citation" not in page
    assert "possibly the same fact" in page


def test_a_sentence_an_analyst_linked_is_confirmed_and_cited(event, annotator):
    from reports.alignment import correction_add

    articles = _event_with(event, {"Paper A": TEAR_GAS_A, "Paper B": TEAR_GAS_B})
    correction_add(
        event=event,
        user=annotator,
        kind="link",
        article_a=articles[0],
        sentence_a=0,
        article_b=articles[1],
        sentence_b=0,
    )
    page = _page(annotator, event, articles)
    citation = re.search(r'data-citation="([^"]+)"', page).group(1)
    assert "Border officers fired tear gas" in citation and "police used gas" in citation
