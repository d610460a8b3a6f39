"""CSV/TSV column mapping: guessed, preset (Media Cloud), chosen by hand, saved and reused."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import Role
from articles.imports import (
    import_commit,
    import_preview,
    import_remap,
    mapping_choices,
    mapping_from_columns,
    mapping_resolve,
)
from articles.models import SavedColumnMapping
from tests.factories import EventFactory, MembershipFactory

from .helpers import STORY, STORY_2, upload

pytestmark = pytest.mark.django_db

MEDIACLOUD = (
    "stories_id,publish_date,title,url,language,media_id,media_name,text\n"
    f'101,2024-06-28 09:15:00,Shoals stand-off,https://vd.example/1,en,7,Veloria Daily,"{STORY}"\n'
)
ODD = f'hl;copy;paper\nShoals;"{STORY}";Ostrel Post\nFishers;"{STORY_2}";Ostrel Post\n'


@pytest.fixture
def event(workspace):
    return EventFactory(workspace=workspace, title="Shoals")


def test_common_column_names_are_recognised(event, analyst):
    data = f'Title,Body,Source,Date\nShoals,"{STORY}",Veloria Daily,2024-06-28\n'
    job = import_preview(event=event, files=[upload("a.csv", data)], user=analyst)
    item = job.items.get()
    assert (item.title, item.outlet, item.published) == ("Shoals", "Veloria Daily", "2024-06-28")


def test_media_cloud_preset_reads_a_story_export(event, analyst, workspace):
    mapping = mapping_resolve(workspace=workspace, key="preset:mediacloud")
    job = import_preview(
        event=event, files=[upload("mc.csv", MEDIACLOUD)], user=analyst, mapping=mapping
    )
    item = job.items.get()
    assert (item.outlet, item.url, item.language) == ("Veloria Daily", "https://vd.example/1", "en")
    assert item.published.startswith("2024-06-28T09:15:00")


def test_remapping_reads_the_file_again_with_the_chosen_columns(event, analyst):
    job = import_preview(event=event, files=[upload("odd.csv", ODD)], user=analyst)
    assert job.items.get().kind == "rejected"  # no recognisable text column
    mapping = mapping_from_columns({"title": "hl", "text": "copy", "outlet": "paper"})
    import_remap(job=job, source=job.source_files.get(), mapping=mapping, user=analyst)
    titles = list(job.items.values_list("title", "outlet"))
    assert titles == [("Shoals", "Ostrel Post"), ("Fishers", "Ostrel Post")]
    import_commit(job=job, decisions={}, user=analyst)
    assert event.articles.count() == 2


def test_a_mapping_without_text_column_is_refused(event):
    with pytest.raises(ValidationError, match="holds the article text"):
        mapping_from_columns({"title": "hl"})


def test_saved_mapping_is_offered_and_reused_in_the_workspace(event, analyst, workspace):
    job = import_preview(event=event, files=[upload("odd.csv", ODD)], user=analyst)
    mapping = mapping_from_columns({"title": "hl", "text": "copy", "outlet": "paper"})
    import_remap(
        job=job, source=job.source_files.get(), mapping=mapping, user=analyst, save_as="Ostrel"
    )
    saved = SavedColumnMapping.objects.get(workspace=workspace)
    assert (f"saved:{saved.pk}", "Saved: Ostrel") in mapping_choices(workspace=workspace)
    reused = mapping_resolve(workspace=workspace, key=f"saved:{saved.pk}")
    job2 = import_preview(
        event=event, files=[upload("odd2.csv", ODD)], user=analyst, mapping=reused
    )
    assert job2.items.filter(kind__in=["new", "duplicate"]).count() == 2


def test_saved_mapping_of_another_workspace_cannot_be_used(event, analyst, workspace):
    other = SavedColumnMapping.objects.create(
        workspace=MembershipFactory().workspace, name="theirs", columns={"text": "copy"}
    )
    with pytest.raises(ValidationError, match="Unknown column mapping"):
        mapping_resolve(workspace=workspace, key=f"saved:{other.pk}")


def test_mapping_step_in_the_page_remaps_and_saves(client, event, workspace):
    user = MembershipFactory(workspace=workspace, role=Role.ANALYST).user
    client.force_login(user)
    client.post(reverse("import_start", args=[event.pk]), {"files": [upload("odd.csv", ODD)]})
    job = event.import_jobs.get()
    source = job.source_files.get()
    page = client.get(job.get_absolute_url()).content.decode()
    assert "has no text column" in page and 'value="hl"' in page
    response = client.post(
        reverse("import_remap", args=[job.pk, source.pk]),
        {"title": "hl", "text": "copy", "outlet": "paper", "save_as": "Ostrel"},
    )
    assert response.status_code == 302
    assert job.items.filter(kind="new").count() == 2
    assert SavedColumnMapping.objects.filter(name="Ostrel").exists()


def test_tsv_is_read_with_tabs(event, analyst):
    data = f"title\ttext\toutlet\nShoals\t{STORY}\tVeloria Daily\n"
    job = import_preview(event=event, files=[upload("a.tsv", data)], user=analyst)
    assert job.items.get().outlet == "Veloria Daily"
