import io
import struct
import zipfile
import zlib

import pytest

from articles.ingestion import IngestionError, read_file

from .helpers import STORY, STORY_2, make_docx, rewrite_zip_entry


def test_docx_paragraphs_are_separated_by_blank_lines():
    data = make_docx([(STORY, None), (STORY_2, None)], title="Night at sea")
    assert read_file(data, name="a.docx").articles[0].text == f"{STORY}\n\n{STORY_2}"


def test_docx_title_from_core_properties():
    data = make_docx([(STORY, None)], title="Night at sea")
    assert read_file(data, name="a.docx").articles[0].title == "Night at sea"


def test_docx_first_heading_is_title_when_properties_have_none():
    data = make_docx([("Patrols at Marren", "Heading 1"), (STORY, None)])
    article = read_file(data, name="a.docx").articles[0]
    assert (article.title, article.text) == ("Patrols at Marren", STORY)


def test_docx_author_becomes_byline():
    data = make_docx([(STORY, None)], author="Rhea Venn")
    assert read_file(data, name="a.docx").articles[0].byline == "Rhea Venn"


def test_docx_with_entity_declarations_is_refused():
    data = make_docx([(STORY, None)])
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document '
        b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"
    )
    hostile = rewrite_zip_entry(data, "word/document.xml", bomb)
    with pytest.raises(IngestionError, match=r"word/document\.xml' declares a DTD"):
        read_file(hostile, name="bomb.docx")


def test_docx_that_is_not_a_word_package_is_rejected():
    from .helpers import make_zip

    with pytest.raises(IngestionError, match=r"fake\.docx: is not a readable Word"):
        read_file(make_zip({"word/readme.txt": b"hello"}), name="fake.docx")


def _png_1x1() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)  # 1x1, 8-bit greyscale
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\x80")) + chunk(b"IEND", b""))  # fmt: skip


def test_docx_with_a_picture_is_read_past_the_xml_checks():
    import docx

    document = docx.Document()
    document.add_paragraph(STORY)
    document.add_picture(io.BytesIO(_png_1x1()))
    out = io.BytesIO()
    document.save(out)
    assert read_file(out.getvalue(), name="pic.docx").articles[0].text == STORY


def test_docx_with_entities_in_a_utf16_part_is_refused():
    bomb = (
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>"
    ).encode("utf-16")
    hostile = rewrite_zip_entry(make_docx([(STORY, None)]), "word/document.xml", bomb)
    with pytest.raises(IngestionError, match=r"word/document\.xml' declares a DTD"):
        read_file(hostile, name="bomb.docx")


def test_docx_part_with_a_dtd_under_any_name_is_refused():
    xxe = b'<!DOCTYPE x SYSTEM "file:///etc/passwd"><x/>'
    hostile = _add_entry(make_docx([(STORY, None)]), "customXml/item.dat", xxe)
    with pytest.raises(IngestionError, match=r"customXml/item\.dat' declares a DTD"):
        read_file(hostile, name="odd.docx")


def test_docx_part_that_is_not_well_formed_xml_is_refused():
    hostile = rewrite_zip_entry(make_docx([(STORY, None)]), "word/styles.xml", b"<w:styles><")
    with pytest.raises(IngestionError, match=r"word/styles\.xml' is not well-formed XML"):
        read_file(hostile, name="broken.docx")


def _add_entry(data: bytes, name: str, body: bytes) -> bytes:
    out = io.BytesIO(data)
    with zipfile.ZipFile(out, "a") as package:
        package.writestr(name, body)
    return out.getvalue()


def test_docx_binary_part_declared_as_such_is_not_taken_for_xml():
    # an embedded (obfuscated) font is random bytes, which may start with '<'
    data = make_docx([(STORY, None)])
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        types = package.read("[Content_Types].xml").replace(
            b"</Types>", b'<Default Extension="odttf" ContentType="application/'
            b'vnd.openxmlformats-officedocument.obfuscatedFont"/></Types>'
        )  # fmt: skip
    data = _add_entry(rewrite_zip_entry(data, "[Content_Types].xml", types),
                      "word/fonts/font1.odttf", b"<\x93\x11\xfe binary font")  # fmt: skip
    assert read_file(data, name="fonts.docx").articles[0].text == STORY
