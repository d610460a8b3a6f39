"""Actor names merged by alias and surname across an event, analysts' merges and splits, and
the "Tone toward actors" chart over people, organisations and groups (issue 10, "Also")."""

from __future__ import annotations

import pytest
from django.urls import reverse

from framing.engine.actors import merge_actor_keys
from framing.models import ActorMention, Analysis
from reports.actors import event_actor_aliases
from reports.figures import actor_tone
from reports.figures.base import ChartOptions
from reports.models import ActorCorrection
from reports.summary import event_summary
from tests.factories import OutletFactory, make_article
from tests.reports.helpers import client_for, store_analysis

pytestmark = pytest.mark.django_db


def test_a_surname_alone_joins_the_one_full_name_of_the_event():
    mentions = [
        ("adrian_falk", "Adrian Falk", "person"),
        ("falk", "Falk", "person"),
        ("falk_s", "Falk’s", "other"),
        ("kim_min_ho", "Kim Min-ho", "person"),
        ("kim_jong_su", "Kim Jong-su", "person"),
        ("kim", "Kim", "other"),
    ]
    merged = merge_actor_keys(mentions)
    assert merged["falk"] == merged["falk_s"] == "adrian_falk"
    assert "kim" not in merged  # two Kims: ambiguous, kept apart


def _articles_with_actors(event):
    """Two outlets: one names "Adrian Falk", the other only "Falk"; both name a place."""
    out = []
    for outlet_name, text, actors, tones in (
        (
            "Paper A",
            "Adrian Falk closed the crossing at Halden Bridge. Migrants waited.",
            (("Adrian Falk", "adrian_falk", "person"), ("Halden Bridge", "halden_bridge", "other")),
            {"adrian_falk": 0.4, "halden_bridge": 0.1, "group:migrants": -0.5},
        ),
        (
            "Paper B",
            "Falk closed the crossing at Halden Bridge. Migrants waited.",
            (("Falk", "falk", "person"), ("Halden Bridge", "halden_bridge", "other")),
            {"falk": -0.2, "halden_bridge": 0.0, "group:migrants": 0.3},
        ),
    ):
        outlet = OutletFactory(workspace=event.workspace, name=outlet_name)
        article = make_article(event=event, outlet=outlet, text=text, title=outlet_name)
        analysis = store_analysis(article)
        Analysis.objects.filter(pk=analysis.pk).update(actor_tone=tones)
        for name, key, kind in actors:
            start = text.index(name)
            ActorMention.objects.create(
                analysis=analysis,
                start=start,
                end=start + len(name),
                actor=key,
                name=name,
                kind=kind,
            )
        out.append(article)
    return out


def test_tone_toward_actors_covers_people_and_groups_not_places(event):
    _articles_with_actors(event)
    chart = actor_tone(event.pk, event_summary(event), ChartOptions())
    columns = list(chart.figure["data"][0]["x"])
    assert "Adrian Falk" in columns and "migrants (group)" in columns
    assert "Halden Bridge" not in columns and "Falk" not in columns  # merged into Adrian Falk


def test_an_analyst_split_undoes_an_automatic_merge_and_the_chart_follows(event, annotator):
    _articles_with_actors(event)
    url = reverse("reports:actors_correct", args=[event.pk])
    response = client_for(annotator).post(url, {"kind": "split", "actor": "falk"})
    assert response.status_code == 302
    assert "falk" not in event_actor_aliases(event)
    columns = list(
        actor_tone(event.pk, event_summary(event), ChartOptions()).figure["data"][0]["x"]
    )
    assert "Falk" in columns and "Adrian Falk" in columns


def test_an_analyst_merge_joins_two_actors(event, annotator):
    _articles_with_actors(event)
    url = reverse("reports:actors_correct", args=[event.pk])
    client_for(annotator).post(url, {"kind": "merge", "actor": "halden_bridge", "target": "falk"})
    assert event_actor_aliases(event)["halden_bridge"] == "adrian_falk"


def test_a_merge_naming_an_unknown_actor_is_refused_with_a_message(event, annotator):
    _articles_with_actors(event)
    url = reverse("reports:actors_correct", args=[event.pk])
    response = client_for(annotator).post(
        url, {"kind": "merge", "actor": "nobody", "target": "falk"}
    )
    assert response.status_code == 400 and b"nobody" in response.content
    assert not ActorCorrection.objects.exists()


def test_a_viewer_cannot_merge_actors(event, viewer):
    _articles_with_actors(event)
    url = reverse("reports:actors_correct", args=[event.pk])
    response = client_for(viewer).post(url, {"kind": "split", "actor": "falk"})
    assert response.status_code == 403
    assert not ActorCorrection.objects.exists()


def test_an_outsider_gets_404_when_merging_actors(event, outsider):
    _articles_with_actors(event)
    url = reverse("reports:actors_correct", args=[event.pk])
    response = client_for(outsider).post(url, {"kind": "split", "actor": "falk"})
    assert response.status_code == 404
    assert not ActorCorrection.objects.exists()


def test_the_aligned_page_lists_merged_names_with_a_split_control(event, annotator):
    articles = _articles_with_actors(event)
    query = "&".join(f"a={a.pk}" for a in articles)
    page = client_for(annotator).get(reverse("reports:aligned", args=[event.pk]) + "?" + query)
    text = page.content.decode()
    assert "Falk (person) → Adrian Falk (person)" in text
    assert 'name="kind" value="split"' in text[text.index('id="actor-merges"') :]


def test_the_sentences_behind_an_actor_include_those_naming_a_merged_alias(event, viewer):
    _articles_with_actors(event)
    url = reverse("reports:sentences", args=[event.pk]) + "?actor=adrian_falk"
    page = client_for(viewer).get(url).content.decode()
    assert "Adrian Falk closed the crossing" in page
    assert "Falk closed the crossing at Halden Bridge" in page.replace("Adrian Falk closed", "")


def test_the_aligned_page_lists_no_title_case_headline_as_an_actor(event, annotator):
    """Analysed by the real engine: in a title-case headline every word is capitalised, so
    the headline is not one long actor in the page's actor lists; the names stay."""
    from framing.analysis_services import analysis_run

    texts = (
        "Border Agents Detain Hundreds As Caravan Reaches Tijuana\n\n"
        "Border agents detained hundreds of people on Sunday as a caravan of migrants "
        "reached Tijuana, officials said.",
        "Caravan Of Migrants Arrives In Tijuana After Month On Road\n\n"
        "A caravan of migrants arrived in Tijuana on Sunday after a month on the road.",
    )
    articles = []
    for name, text in zip(("Paper A", "Paper B"), texts, strict=True):
        outlet = OutletFactory(workspace=event.workspace, name=name)
        article = make_article(event=event, outlet=outlet, text=text, title=name)
        analysis_run(revision=article.current_revision)
        articles.append(article)
    query = "&".join(f"a={a.pk}" for a in articles)
    page = client_for(annotator).get(reverse("reports:aligned", args=[event.pk]) + "?" + query)
    form = page.content.decode()
    form = form[form.index('id="actor-merge-form"') :]
    options = form[: form.index("</select>")]
    assert ">Tijuana" in options
    for word in ("Detain", "Agents", "Caravan", "Arrives", "Month"):
        assert word not in options
