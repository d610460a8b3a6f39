import io
import zipfile

import pytest

from articles.ingestion import IngestionError, Limits, read_file

from .helpers import (
    STORY,
    STORY_2,
    damaged_zip,
    encrypt_flag,
    flip_stored_byte,
    garble_deflate,
    make_docx,
    make_zip,
    unknown_method,
)


def test_zip_entries_of_several_formats_are_read_with_entry_locations():
    data = make_zip(
        {
            "a/one.txt": f"Title one\n\n{STORY}".encode(),
            "b/two.docx": make_docx([(STORY_2, None)], title="Two"),
            "rows.csv": f'title,text\nThree,"{STORY}"\n'.encode(),
        }
    )
    locations = sorted(a.location for a in read_file(data, name="batch.zip").articles)
    assert locations == ["entry a/one.txt", "entry b/two.docx", "entry rows.csv, row 2"]


def test_zip_nested_archive_and_unknown_type_are_rejected_per_entry():
    data = make_zip(
        {"inner.zip": make_zip({"x.txt": b"x"}), "img.png": b"\x89PNG", "ok.txt": b"Hi"}
    )
    result = read_file(data, name="batch.zip")
    messages = {r.location: r.message for r in result.rejections}
    assert "archives inside archives" in messages["entry inner.zip"]
    assert messages["entry img.png"] == "unsupported file type"
    assert len(result.articles) == 1


def test_zip_macos_metadata_is_skipped_silently():
    data = make_zip({"__MACOSX/._a.txt": b"\x00\x05", ".DS_Store": b"\x00", "a.txt": b"Hello"})
    result = read_file(data, name="mac.zip")
    assert (len(result.articles), result.rejections) == (1, [])


@pytest.mark.parametrize(
    ("entry", "message"),
    [("../../etc/cron.d/x.txt", "points outside"), ("/abs/x.txt", "absolute path"),
     ("C:/x.txt", "absolute path")],
)  # fmt: skip
def test_zip_with_unsafe_entry_name_is_refused(entry, message):
    with pytest.raises(IngestionError, match=message):
        read_file(make_zip({entry: b"text"}), name="evil.zip")


def test_zip_with_symlink_entry_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        info = zipfile.ZipInfo("link.txt")
        info.external_attr = (0o120777) << 16
        zf.writestr(info, "/etc/passwd")
    with pytest.raises(IngestionError, match="is a symbolic link"):
        read_file(out.getvalue(), name="evil.zip")


def test_zip_bomb_ratio_is_refused():
    with pytest.raises(IngestionError, match="possible zip bomb"):
        read_file(make_zip({"zeros.txt": b"0" * (3 * 1024 * 1024)}), name="bomb.zip")


def test_zip_total_uncompressed_size_limit_is_enforced():
    data = make_zip({f"{i}.txt": b"word " * 400 for i in range(5)})
    with pytest.raises(IngestionError, match="archive expands to"):
        read_file(data, name="big.zip", limits=Limits(max_zip_total_bytes=5000))


def test_zip_entry_count_limit_is_enforced():
    data = make_zip({f"{i}.txt": b"x" for i in range(4)})
    with pytest.raises(IngestionError, match="archive has 4 entries; the limit is 3"):
        read_file(data, name="many.zip", limits=Limits(max_zip_entries=3))


def test_corrupt_zip_is_rejected():
    with pytest.raises(IngestionError, match=r"bad\.zip: is not a valid zip archive"):
        read_file(b"PK\x03\x04 truncated", name="bad.zip")


def test_encrypted_zip_entry_is_rejected_and_the_rest_still_read():
    data = damaged_zip(encrypt_flag, entries={"a.txt": b"One\n\nFirst.", "b.txt": b"Two"})
    result = read_file(data, name="locked.zip")
    assert [(r.location, r.message) for r in result.rejections] == [
        ("entry a.txt", "entry a.txt is encrypted; save it without a password")
    ]
    assert len(result.articles) == 1


@pytest.mark.parametrize(
    ("damage", "method", "message"),
    [
        (flip_stored_byte, zipfile.ZIP_STORED, "entry a.txt is corrupt and cannot be read"),
        (garble_deflate, zipfile.ZIP_DEFLATED, "entry a.txt is corrupt and cannot be read"),
        (unknown_method, zipfile.ZIP_DEFLATED, "entry a.txt uses a compression method"),
    ],
    ids=["bad-crc", "bad-deflate-data", "unknown-compression"],
)
def test_unreadable_zip_entry_becomes_a_rejection(damage, method, message):
    result = read_file(damaged_zip(damage, method=method), name="bad.zip")
    assert result.articles == []
    assert result.rejections[0].message.startswith(message)


def test_corrupt_csv_entry_refuses_the_archive_after_rows_were_read():
    rows = "".join(f'T{i},"{STORY} Row {i}.",Post\n' for i in range(200))
    entries = {"rows.csv": f"title,text,outlet\n{rows}".encode()}

    def flip_late_byte(data: bytearray) -> None:
        data[data.find(b"PK\x01\x02") - 300] ^= 0x20

    data = damaged_zip(flip_late_byte, method=zipfile.ZIP_STORED, entries=entries)
    with pytest.raises(IngestionError, match=r"rows\.zip: entry rows\.csv is corrupt"):
        read_file(data, name="rows.zip")


def test_zip_of_many_small_bombs_is_refused_as_a_whole():
    # each entry is below the size at which one entry's ratio is checked
    data = make_zip({f"{i}.txt": b"0" * 300_000 for i in range(5)})
    with pytest.raises(IngestionError, match=r"archive expands [\d,]+ times .* possible zip bomb"):
        read_file(data, name="bombs.zip")


def test_zip_default_limits_are_a_thousand_entries_and_200_mb():
    data = make_zip({f"{i}.txt": b"x" for i in range(1001)})
    with pytest.raises(IngestionError, match="archive has 1,001 entries; the limit is 1,000"):
        read_file(data, name="many.zip")
    assert Limits().max_zip_total_bytes == 200 * 1024 * 1024


def test_zip_declaring_more_entries_than_the_limit_is_refused_before_they_are_listed():
    data = bytearray(make_zip({"a.txt": b"Hello", "b.txt": b"World"}))
    end = data.rfind(b"PK\x05\x06")
    data[end + 8 : end + 12] = (50_000).to_bytes(2, "little") * 2  # entries on disk, in total
    with pytest.raises(IngestionError, match="archive has 50,000 entries; the limit is 1,000"):
        read_file(bytes(data), name="huge.zip")
