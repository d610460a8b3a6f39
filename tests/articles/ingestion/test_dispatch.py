import pytest

from articles.ingestion import IngestionError, Limits, detect_format, read_file

from .helpers import STORY, make_pdf


@pytest.mark.parametrize(
    ("name", "head", "fmt"),
    [
        ("x.bin", b"%PDF-1.7 ...", "pdf"),
        ("story", b"<!DOCTYPE html><html>", "html"),
        ("export", b'{"title": "a"}\n', "jsonl"),
        ("export", b'[{"title": "a"}]', "json"),
        ("message", b"From: press@ministry.example\nSubject: x\n", "eml"),
        ("notes", b"Just words.", "txt"),
        ("a.TSV", b"title\ttext", "tsv"),
    ],
)
def test_format_is_detected_from_signature_extension_or_content(name, head, fmt):
    assert detect_format(name, head) == fmt


def test_old_word_doc_is_rejected_with_advice():
    with pytest.raises(IngestionError, match=r"old\.doc: old Word \.doc files are not supported"):
        detect_format("old.doc", b"\xd0\xcf\x11\xe0")


def test_file_size_limit_is_enforced_on_paths(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(STORY)
    with pytest.raises(IngestionError, match=r"big\.txt: file is .* larger than the limit"):
        read_file(path, limits=Limits(max_file_bytes=100))


def test_file_size_limit_is_enforced_on_streams():
    import io

    with pytest.raises(IngestionError, match="larger than the limit"):
        read_file(io.BytesIO(STORY.encode() * 10), name="s.txt", limits=Limits(max_file_bytes=100))


def test_single_document_size_limit_is_enforced():
    with pytest.raises(IngestionError, match="for one document"):
        read_file(
            make_pdf([[STORY[:60]]]), name="a.pdf", limits=Limits(max_single_document_bytes=50)
        )


def test_empty_upload_is_rejected():
    with pytest.raises(IngestionError, match=r"^empty\.txt: is empty$"):
        read_file(b"", name="empty.txt")


def test_text_longer_than_limit_is_rejected():
    with pytest.raises(IngestionError, match="field 'text': is too long"):
        read_file(STORY.encode(), name="a.txt", limits=Limits(max_text_chars=50))
