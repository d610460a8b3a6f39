"""Import preview: uploads become items, evidence is stored, duplicates are flagged."""

from __future__ import annotations

import pytest

from articles.imports import import_preview
from articles.models import (
    Article,
    ImportItem,
    ImportJob,
    ImportStatus,
    ItemDecision,
    ItemKind,
    SourceFile,
)
from tests.articles.ingestion.helpers import wire_copies
from tests.factories import EventFactory, OutletFactory, make_article

from .helpers import STORY, STORY_2, STORY_3, WIRE, WIRE_EDITED, jsonl, record, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(workspace):
    return EventFactory(workspace=workspace, title="Shoals")


def test_preview_creates_items_but_no_articles(event, analyst):
    files = [upload("a.txt", STORY), upload("b.jsonl", jsonl(record(STORY_2)))]
    job = import_preview(event=event, files=files, user=analyst, default_outlet="Ostrel Post")
    assert job.items.filter(kind=ItemKind.NEW).count() == 2
    assert Article.all_objects.count() == 0


def test_preview_stores_each_upload_as_evidence_with_its_hash(event, analyst):
    import hashlib

    job = import_preview(event=event, files=[upload("a.txt", STORY)], user=analyst)
    source = job.source_files.get()
    assert source.sha256 == hashlib.sha256(STORY.encode()).hexdigest()
    assert source.size == len(STORY.encode())
    assert source.file.read() == STORY.encode()


def test_outlet_comes_from_the_record_then_the_default(event, analyst):
    files = [upload("a.txt", STORY), upload("b.jsonl", jsonl(record(STORY_2)))]
    job = import_preview(event=event, files=files, user=analyst, default_outlet="Ostrel Post")
    outlets = dict(job.items.values_list("source_name", "outlet"))
    assert outlets == {"a.txt": "Ostrel Post", "b.jsonl": "Veloria Daily"}


def test_exact_duplicate_of_an_event_article_defaults_to_skip(event, analyst):
    existing = make_article(event=event, text=STORY)
    job = import_preview(event=event, files=[upload("a.txt", STORY)], user=analyst)
    item = job.items.get()
    assert (item.kind, item.decision) == (ItemKind.DUPLICATE, ItemDecision.SKIP)
    assert item.duplicate_of_article == existing


def test_exact_duplicate_within_the_batch_points_at_the_first_copy(event, analyst):
    data = jsonl(record(STORY), record(STORY, outlet="Other"))
    job = import_preview(event=event, files=[upload("a.jsonl", data)], user=analyst)
    first, second = job.items.order_by("position")
    assert first.kind == ItemKind.NEW
    assert (second.kind, second.duplicate_of_item) == (ItemKind.DUPLICATE, first)


def test_lightly_edited_wire_copy_is_a_near_duplicate_of_the_event_article(event, analyst):
    wire = make_article(event=event, text=WIRE)
    job = import_preview(event=event, files=[upload("a.txt", WIRE_EDITED)], user=analyst)
    item = job.items.get()
    assert item.kind == ItemKind.NEAR_DUPLICATE
    assert item.duplicate_of_article == wire
    assert 0.5 <= item.similarity < 1


def test_unrelated_story_is_not_a_near_duplicate(event, analyst):
    make_article(event=event, text=WIRE)
    job = import_preview(event=event, files=[upload("a.txt", STORY_3)], user=analyst)
    assert job.items.get().kind == ItemKind.NEW


def test_near_duplicate_within_the_batch_is_flagged(event, analyst):
    data = jsonl(record(WIRE), record(WIRE_EDITED, outlet="Relay"))
    job = import_preview(event=event, files=[upload("a.jsonl", data)], user=analyst)
    first, second = job.items.order_by("position")
    assert (second.kind, second.duplicate_of_item) == (ItemKind.NEAR_DUPLICATE, first)


def test_duplicates_are_looked_for_in_this_event_only(event, analyst, workspace):
    other = EventFactory(workspace=workspace)
    make_article(event=other, outlet=OutletFactory(workspace=workspace), text=STORY)
    job = import_preview(event=event, files=[upload("a.txt", STORY)], user=analyst)
    assert job.items.get().kind == ItemKind.NEW


def test_bad_jsonl_line_is_rejected_with_line_and_reason_and_others_kept(event, analyst):
    data = jsonl(record(STORY)) + b"{not json\n" + jsonl(record(STORY_2))
    job = import_preview(event=event, files=[upload("a.jsonl", data)], user=analyst)
    rejected = job.items.get(kind=ItemKind.REJECTED)
    assert rejected.location == "line 2"
    assert "JSON" in rejected.message
    assert job.items.filter(kind=ItemKind.NEW).count() == 2


def test_extraction_ratio_of_an_html_page_is_kept_on_its_item(event, analyst):
    html = (
        "<html><head><title>Drills</title></head><body><nav>Home | World | Sport</nav>"
        f"<article><h1>Drills</h1><p>{STORY_3}</p><p>{STORY}</p></article>"
        "<footer>Contact us</footer></body></html>"
    )
    job = import_preview(event=event, files=[upload("p.html", html)], user=analyst)
    ratio = job.items.get().extraction_ratio
    assert ratio is not None and 0 < ratio <= 1


def test_spans_with_unknown_labels_are_warned_about(event, analyst):
    data = jsonl(record(STORY, spans=[{"start": 0, "end": 7, "label": "no-such-label"}]))
    job = import_preview(event=event, files=[upload("a.jsonl", data)], user=analyst)
    assert any("no-such-label" in w for w in job.items.get().warnings)


def test_total_counts_only_items_to_import(event, analyst):
    make_article(event=event, text=STORY)
    data = jsonl(record(STORY), record(STORY_2), record(STORY_3))
    job = import_preview(event=event, files=[upload("a.jsonl", data)], user=analyst)
    assert job.total == 2


def test_source_file_of_a_fully_rejected_document_is_not_kept(event, analyst):
    import_preview(event=event, files=[upload("empty.txt", "   \n  ")], user=analyst)
    assert SourceFile.objects.count() == 0


def _stored_files(settings) -> list:
    root = settings.MEDIA_ROOT
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_upload_failing_half_way_leaves_no_job_no_source_and_no_stored_bytes(
    event, analyst, settings, monkeypatch
):
    from articles.imports import preview as preview_module

    def crash(*, job):
        raise RuntimeError("database went away")

    monkeypatch.setattr(preview_module, "classify", crash)
    files = [upload("a.jsonl", jsonl(record(STORY))), upload("b.jsonl", jsonl(record(STORY_2)))]
    with pytest.raises(RuntimeError):
        import_preview(event=event, files=files, user=analyst)
    assert (ImportJob.objects.count(), ImportItem.objects.count()) == (0, 0)
    assert SourceFile.objects.count() == 0
    assert _stored_files(settings) == []


def test_remap_failing_half_way_keeps_the_previous_items(event, analyst, monkeypatch):
    from articles.imports import import_remap, mapping_from_columns
    from articles.imports import preview as preview_module

    data = f'hl,copy,paper\nShoals,"{STORY}",Ostrel Post\n'
    job = import_preview(event=event, files=[upload("odd.csv", data)], user=analyst)
    before = list(job.items.values_list("kind", "message"))

    def crash(*, job, **_):
        raise RuntimeError("database went away")

    monkeypatch.setattr(preview_module, "classify", crash)
    mapping = mapping_from_columns({"title": "hl", "text": "copy", "outlet": "paper"})
    with pytest.raises(RuntimeError):
        import_remap(job=job, source=job.source_files.get(), mapping=mapping, user=analyst)
    assert list(job.items.values_list("kind", "message")) == before
    job.refresh_from_db()
    assert job.status == ImportStatus.PREVIEW  # open for another mapping or a confirm


def test_remap_of_a_preview_confirmed_meanwhile_is_refused_and_changes_nothing(event, analyst):
    from django.core.exceptions import ValidationError

    from articles.imports import import_commit, import_remap, mapping_from_columns

    data = f'hl,copy,paper\nShoals,"{STORY}",Ostrel Post\n'
    job = import_preview(event=event, files=[upload("odd.csv", data)], user=analyst)
    mapping = mapping_from_columns({"title": "hl", "text": "copy", "outlet": "paper"})
    import_remap(job=job, source=job.source_files.get(), mapping=mapping, user=analyst)
    stale = ImportJob.objects.get(pk=job.pk)  # the page of a second tab, still a preview
    import_commit(job=job, decisions={}, user=analyst)
    with pytest.raises(ValidationError, match="already confirmed"):
        import_remap(job=stale, source=job.source_files.get(), mapping=mapping, user=analyst)
    assert job.items.get().article == event.articles.get()


def test_stored_bytes_are_removed_when_their_row_cannot_be_saved(
    event, analyst, settings, monkeypatch
):
    from django.db import OperationalError

    def locked(self, *args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(SourceFile, "save", locked)
    with pytest.raises(OperationalError):
        import_preview(event=event, files=[upload("a.txt", STORY)], user=analyst)
    assert _stored_files(settings) == []
    assert ImportJob.objects.count() == 0


def test_a_preview_is_reading_until_its_items_are_classified(event, analyst, monkeypatch):
    from articles.imports import preview as preview_module

    seen = []
    classify = preview_module.classify

    def spy(*, job, **kwargs):
        seen.append(ImportJob.objects.get(pk=job.pk).status)
        classify(job=job, **kwargs)

    monkeypatch.setattr(preview_module, "classify", spy)
    job = import_preview(event=event, files=[upload("a.txt", STORY)], user=analyst)
    assert seen == [ImportStatus.READING]
    assert ImportJob.objects.get(pk=job.pk).status == ImportStatus.PREVIEW


def test_a_preview_discarded_while_reading_writes_nothing_more(event, analyst, monkeypatch):
    from django.core.exceptions import ValidationError

    from articles.imports import preview as preview_module

    classify = preview_module.classify

    def discard_first(*, job, **kwargs):
        ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.DISCARDED)
        classify(job=job, **kwargs)

    monkeypatch.setattr(preview_module, "classify", discard_first)
    with pytest.raises(ValidationError, match="discarded"):
        import_preview(event=event, files=[upload("a.txt", STORY)], user=analyst)
    assert (ImportJob.objects.count(), SourceFile.objects.count()) == (0, 0)


def test_a_slow_file_keeps_the_reading_job_beating(event, analyst, monkeypatch):
    import datetime as dt

    from django.utils import timezone

    from articles.imports import items as items_module

    beats = []
    original = items_module.ItemBuilder._append

    def append(self, item):
        ImportJob.objects.filter(pk=self.job.pk).update(
            heartbeat_at=timezone.now() - dt.timedelta(minutes=1)
        )
        self._beat -= 60  # as if a minute of parsing had passed
        original(self, item)
        beats.append(ImportJob.objects.get(pk=self.job.pk).heartbeat_at)

    monkeypatch.setattr(items_module.ItemBuilder, "_append", append)
    data = jsonl(record(STORY), record(STORY_2))
    import_preview(event=event, files=[upload("a.jsonl", data)], user=analyst)
    assert all(timezone.now() - beat < dt.timedelta(seconds=10) for beat in beats)


def test_many_copies_of_one_wire_story_are_all_grouped_under_the_first(event, analyst):
    # more copies than a near-duplicate bucket keeps, as with a story republished by many sites
    copies = wire_copies(40, words=120)
    data = jsonl(*(record(text, outlet=f"Site {n}") for n, text in enumerate(copies)))
    job = import_preview(event=event, files=[upload("wire.jsonl", data)], user=analyst)
    first, *rest = job.items.order_by("position")
    points_at = dict(job.items.values_list("pk", "duplicate_of_item"))

    def original(pk):
        while points_at[pk] is not None:
            pk = points_at[pk]
        return pk

    assert first.kind == ItemKind.NEW
    assert {item.kind for item in rest} == {ItemKind.NEAR_DUPLICATE}
    assert {original(item.pk) for item in rest} == {first.pk}


def test_copy_of_an_event_article_points_at_the_oldest_of_its_copies(event, analyst):
    oldest = make_article(event=event, text=WIRE)
    make_article(event=event, text=WIRE_EDITED + " Talks resume on Monday.")  # closer copy
    job = import_preview(event=event, files=[upload("a.txt", WIRE_EDITED)], user=analyst)
    assert job.items.get().duplicate_of_article == oldest
