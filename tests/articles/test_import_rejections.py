"""Every refusal of an import says why and saves nothing (no article, staged or not)."""

from __future__ import annotations

import io
from zipfile import ZIP_STORED

import pytest
from django.urls import reverse
from pypdf import PdfReader, PdfWriter

from accounts.models import Role
from articles.models import Article, ImportJob, SourceFile
from tests.articles.imports.helpers import STORY, jsonl, record, upload
from tests.articles.ingestion.helpers import (
    damaged_zip,
    encrypt_flag,
    flip_stored_byte,
    garble_deflate,
    make_docx,
    make_pdf,
    make_zip,
    rewrite_zip_entry,
    unknown_method,
)
from tests.factories import EventFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(workspace):
    return EventFactory(workspace=workspace, title="Shoals")


@pytest.fixture
def editor(client, workspace):
    client.force_login(MembershipFactory(workspace=workspace, role=Role.ANALYST).user)
    return client


def _upload(editor, event, *files):
    return editor.post(reverse("import_start", args=[event.pk]), {"files": list(files)})


def _rejections(editor) -> str:
    job = ImportJob.objects.get()
    page = editor.get(job.get_absolute_url()).content.decode()
    assert job.total == 0
    return page


def _nothing_saved(*, sources: int = 0) -> None:
    assert Article.all_objects.count() == 0
    assert SourceFile.objects.count() == sources


def _encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([["A line of text"]]))))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _entity_docx() -> bytes:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]><w:document '
        b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>"
    )
    return rewrite_zip_entry(make_docx([(STORY, None)]), "word/document.xml", bomb)


def _zip_with_corrupt_csv() -> bytes:
    rows = "".join(f'T{i},"{STORY} Row {i}.",Post\n' for i in range(200))

    def flip_late_byte(data: bytearray) -> None:  # rows before it parse fine
        data[data.find(b"PK\x01\x02") - 300] ^= 0x20

    entries = {"rows.csv": f"title,text,outlet\n{rows}".encode()}
    return damaged_zip(flip_late_byte, method=ZIP_STORED, entries=entries)


CASES = [
    ("zip_bomb", "bomb.zip", lambda: make_zip({"z.txt": b"0" * (3 * 1024 * 1024)}),
     "possible zip bomb"),
    ("zip_traversal", "evil.zip", lambda: make_zip({"../../etc/x.txt": b"text"}),
     "points outside"),
    ("encrypted_pdf", "locked.pdf", _encrypted_pdf, "is password-protected"),
    ("malformed_pdf", "broken.pdf", lambda: b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog",
     "broken.pdf"),
    ("scanned_pdf", "scan.pdf", lambda: make_pdf([[], []], image_only=True),
     "has no text layer (a scanned document?); run OCR on it first"),
    ("empty_text", "empty.txt", lambda: b"  \n\n \t ", "empty"),
    ("entity_docx", "bomb.docx", _entity_docx, "declares a DTD"),
    ("bad_jsonl_only_line", "bad.jsonl", lambda: b"{not json\n", "JSON"),
    ("encrypted_zip_entry", "locked.zip", lambda: damaged_zip(encrypt_flag),
     "entry a.txt is encrypted"),
    ("bad_crc_zip_entry", "crc.zip", lambda: damaged_zip(flip_stored_byte, method=ZIP_STORED),
     "entry a.txt is corrupt"),
    ("bad_deflate_zip_entry", "data.zip", lambda: damaged_zip(garble_deflate),
     "entry a.txt is corrupt"),
    ("unknown_compression_zip_entry", "method.zip", lambda: damaged_zip(unknown_method),
     "entry a.txt uses a compression method that is not supported"),
    ("corrupt_csv_in_zip", "rows.zip", _zip_with_corrupt_csv, "entry rows.csv is corrupt"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "name", "make", "message"), CASES, ids=[c[0] for c in CASES])
def test_rejected_upload_says_why_and_saves_nothing(editor, event, case, name, make, message):
    response = _upload(editor, event, upload(name, make()))
    assert response.status_code == 302
    assert message in _rejections(editor)
    _nothing_saved()


def test_an_empty_file_among_several_is_rejected_by_name_and_the_others_are_read(editor, event):
    files = [upload("a.txt", STORY), upload("blank.txt", b""), upload("c.jsonl", jsonl(record()))]
    response = _upload(editor, event, *files)
    assert response.status_code == 302
    job = ImportJob.objects.get()
    kinds = dict(job.items.values_list("source_name", "kind"))
    assert kinds == {"a.txt": "new", "blank.txt": "rejected", "c.jsonl": "duplicate"}
    page = editor.get(job.get_absolute_url()).content.decode()
    assert "blank.txt" in page and "the file is empty (0 bytes)" in page
    assert "The submitted file is empty" not in page
    assert SourceFile.objects.count() == 2  # the empty one is not kept


def test_zip_with_too_many_entries_is_refused(editor, event, settings):
    settings.PARALLAX_IMPORT = {"MAX_ZIP_ENTRIES": 3}
    _upload(editor, event, upload("many.zip", make_zip({f"{i}.txt": b"x" for i in range(4)})))
    assert "archive has 4 entries; the limit is 3" in _rejections(editor)
    _nothing_saved()


def test_file_too_large_is_refused_before_it_is_stored(editor, event, settings):
    settings.PARALLAX_IMPORT = {"MAX_FILE_BYTES": 100}
    _upload(editor, event, upload("big.txt", STORY))
    assert "larger than the limit of 100 bytes" in _rejections(editor)
    _nothing_saved()


def test_too_many_files_are_refused_with_nothing_stored(editor, event, settings):
    settings.PARALLAX_IMPORT = {"MAX_FILES": 2}
    files = [upload(f"{i}.txt", STORY) for i in range(3)]
    response = _upload(editor, event, *files)
    assert response.status_code == 400
    assert "3 files uploaded at once; the limit is 2" in response.content.decode()
    assert ImportJob.objects.count() == 0
    _nothing_saved()


def test_csv_without_text_column_is_rejected_and_kept_for_remapping(editor, event):
    _upload(editor, event, upload("rows.csv", "headline,media\nDrills,Wire\n"))
    page = _rejections(editor)
    assert "has no text column" in page
    assert "Columns of rows.csv" in page  # the mapping step is offered
    _nothing_saved(sources=1)


def test_file_failing_half_way_contributes_only_its_rejection(editor, event, settings):
    settings.PARALLAX_IMPORT = {"MAX_RECORDS_PER_FILE": 2}
    data = jsonl(*(record(f"{STORY} Copy {i}.") for i in range(3)))
    _upload(editor, event, upload("half.jsonl", data), upload("ok.txt", STORY))
    job = ImportJob.objects.get()
    assert list(job.items.values_list("source_name", "kind")) == [
        ("half.jsonl", "rejected"),
        ("ok.txt", "new"),
    ]
    assert "has more than 2 records" in job.items.get(kind="rejected").message
    assert SourceFile.objects.get().original_name == "ok.txt"


def test_bad_jsonl_line_among_good_ones_names_the_line_and_only_that_line_is_dropped(editor, event):
    data = jsonl(record(STORY)) + b'{"title": "No text"}\n'
    _upload(editor, event, upload("mixed.jsonl", data))
    job = ImportJob.objects.get()
    rejected = job.items.get(kind="rejected")
    assert (rejected.location, rejected.field) == ("line 2", "text")
    assert job.total == 1
    assert Article.all_objects.count() == 0


def test_upload_past_the_request_size_limit_is_stopped_with_a_message(editor, event, settings):
    settings.PARALLAX_IMPORT = {"MAX_REQUEST_BYTES": 1000}
    response = _upload(editor, event, upload("a.txt", "A" * 600), upload("b.txt", "B" * 600))
    assert response.status_code == 400
    assert "larger than the limit of 1,000 bytes per upload" in response.content.decode()
    assert ImportJob.objects.count() == 0
    _nothing_saved()


def test_upload_within_the_request_size_limit_is_read(editor, event, settings):
    settings.PARALLAX_IMPORT = {"MAX_REQUEST_BYTES": 2 * len(STORY)}
    response = _upload(editor, event, upload("a.txt", STORY))
    assert response.status_code == 302
    assert ImportJob.objects.get().items.count() == 1


def test_more_files_than_django_reads_are_refused_with_the_import_limit(editor, event, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 2
    settings.PARALLAX_IMPORT = {"MAX_FILES": 2}
    response = _upload(editor, event, *(upload(f"{i}.txt", STORY) for i in range(3)))
    assert response.status_code == 400
    assert "More than 2 files uploaded at once" in response.content.decode()
    assert ImportJob.objects.count() == 0
    _nothing_saved()


def test_django_and_the_import_agree_on_the_number_of_files(settings):
    from articles.imports.config import conf

    assert conf("MAX_FILES") == settings.DATA_UPLOAD_MAX_NUMBER_FILES
