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
