"""The app's relay summary reads an article's wire credit from its first and last lines only
(issue 10, h-credits): a closing credit counts, a medium cut in half at the excerpt's edge
does not."""

from __future__ import annotations

import pytest

from framing.selectors import article_relays
from tests.factories import EventFactory, OutletFactory, make_article

LEAD = (
    "PARIS — Hospital emergency departments could face a strike in January if pay talks fail, "
    "France's health minister warned on Wednesday, after unions rejected the latest offer. "
) * 4


def _origin(text: str, outlet: str = "Europe Health Monitor") -> str:
    event = EventFactory()
    article = make_article(
        event=event, outlet=OutletFactory(workspace=event.workspace, name=outlet), text=text
    )
    relays = article_relays(revision_ids=[article.current_revision_id], model_version_id=None)
    found = relays.get(article.current_revision_id)
    return found.origin if found else ""


@pytest.mark.django_db
def test_a_closing_credit_is_the_articles_origin():
    assert _origin(LEAD + "\n\n— with AFP") == "Agence France-Presse"


@pytest.mark.django_db
def test_a_medium_cut_at_the_excerpts_edge_is_no_credit():
    told = "\n\nPrime Minister Jean Castel told AFP.\n\nThe budget is due next week."
    text = LEAD + told
    cut = text.index("AFP.")
    text += " " + "x" * (300 - (len(text) - cut) - 1)
    assert text[-300:].startswith("AFP.")
    assert _origin(text) == ""
