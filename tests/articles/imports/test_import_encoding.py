"""Files that are not UTF-8: refused with the likely encodings shown, read again as chosen."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import Role
from articles.imports import import_preview, import_reencode
from articles.models import Article
from tests.articles.ingestion.helpers import make_zip
from tests.factories import EventFactory, MembershipFactory

from .helpers import STORY, STORY_2, upload

pytestmark = pytest.mark.django_db

NAIVE = f'title,text,outlet\nNaïve plan,"The naïve plan. {STORY}",Ostrel Post\n'.encode("cp1252")
NOTE = f"Naïve plan\n\nThe naïve plan. {STORY}\n".encode("latin-1")


@pytest.fixture
def event(workspace):
    return EventFactory(workspace=workspace, title="Shoals")


def test_cp1252_csv_is_rejected_not_misread_and_kept_for_a_choice(event, analyst):
    job = import_preview(event=event, files=[upload("a.csv", NAIVE)], user=analyst)
    item = job.items.get()
    assert item.kind == "rejected" and item.field == "encoding"
    assert "not valid UTF-8" in item.message and "Naïve plan" in item.message
    assert job.source_files.get().original_name == "a.csv"
    assert not job.items.filter(title__contains="naď").exists()


def test_reading_again_with_the_chosen_encoding_gives_the_right_text(event, analyst):
    job = import_preview(event=event, files=[upload("a.csv", NAIVE)], user=analyst)
    source = job.source_files.get()
    import_reencode(job=job, source=source, encoding="cp1252")
    item = job.items.get()
    assert item.kind == "new" and item.title == "Naïve plan"
    assert item.text.startswith("The naïve plan.")
    source.refresh_from_db()
    assert source.encoding == "cp1252"


def test_latin1_text_file_is_kept_and_read_again_as_chosen(event, analyst):
    job = import_preview(event=event, files=[upload("note.txt", NOTE)], user=analyst)
    assert job.items.get().field == "encoding"
    import_reencode(job=job, source=job.source_files.get(), encoding="latin-1")
    assert "The naïve plan." in job.items.get().text


def test_unknown_encoding_is_refused(event, analyst):
    job = import_preview(event=event, files=[upload("a.csv", NAIVE)], user=analyst)
    with pytest.raises(ValidationError, match="Unknown encoding"):
        import_reencode(job=job, source=job.source_files.get(), encoding="rot13")


def test_preview_page_shows_the_likely_encoding_and_sample_and_reads_again(client, event):
    user = MembershipFactory(workspace=event.workspace, role=Role.ANALYST).user
    client.force_login(user)
    client.post(reverse("import_start", args=[event.pk]), {"files": [upload("a.csv", NAIVE)]})
    job = event.import_jobs.get()
    source = job.source_files.get()
    page = client.get(job.get_absolute_url()).content.decode()
    assert f'id="encoding-{source.pk}"' in page
    assert "Naïve plan,&quot;The naïve plan" in page  # the cp1252 sample, read right
    assert '<option value="cp1252" selected>' in page
    response = client.post(
        reverse("import_reencode", args=[job.pk, source.pk]), {"encoding": "cp1252"}
    )
    assert response.status_code == 302
    client.post(job.get_absolute_url(), {})
    assert Article.objects.get(event=event).title == "Naïve plan"


def test_viewer_cannot_choose_an_encoding(client, event, analyst):
    job = import_preview(event=event, files=[upload("a.csv", NAIVE)], user=analyst)
    viewer = MembershipFactory(workspace=event.workspace, role=Role.VIEWER).user
    client.force_login(viewer)
    url = reverse("import_reencode", args=[job.pk, job.source_files.get().pk])
    assert client.post(url, {"encoding": "cp1252"}).status_code == 403
    assert job.items.get().kind == "rejected"


def test_zip_choice_decodes_the_legacy_entry_and_leaves_utf8_entries_alone(client, event):
    archive = make_zip(
        {
            "utf8.txt": f"Café talks\n\nThe café owners met. {STORY_2}\n".encode(),
            "legacy.txt": NOTE,
        }
    )
    user = MembershipFactory(workspace=event.workspace, role=Role.ANALYST).user
    client.force_login(user)
    client.post(reverse("import_start", args=[event.pk]), {"files": [upload("a.zip", archive)]})
    job = event.import_jobs.get()
    rejected = job.items.get(kind="rejected")
    assert rejected.field == "encoding" and "entry legacy.txt" in rejected.location
    page = client.get(job.get_absolute_url()).content.decode()
    assert page.count('class="card encoding"') == 1
    source = job.source_files.get()
    url = reverse("import_reencode", args=[job.pk, source.pk])
    assert client.post(url, {"encoding": "latin-1"}).status_code == 302
    texts = sorted(job.items.values_list("text", flat=True))
    assert len(texts) == 2 and not job.items.filter(kind="rejected").exists()
    assert any("The café owners met." in t for t in texts)  # UTF-8 entry not garbled
    assert any("The naïve plan." in t for t in texts)
