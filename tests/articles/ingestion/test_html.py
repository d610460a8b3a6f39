import pytest

from articles.ingestion import IngestionError, read_file
from articles.ingestion.readers.html import strip_doctype

from .helpers import STORY, STORY_2

PAGE = f"""<!doctype html><html lang="en"><head><title>Patrols at Marren - Ostrel Courier</title>
<meta property="og:site_name" content="Ostrel Courier">
<meta property="article:published_time" content="2024-06-28T09:30:00+02:00">
<link rel="canonical" href="https://courier.example/world/patrols-at-marren">
<script>var tracking = "ignore me";</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Patrols at Marren</h1><p>{STORY}</p><p>{STORY_2}</p></article>
<aside>Most read: weather, markets, crosswords, local elections and the ferry timetable</aside>
<footer>Copyright Ostrel Courier. All rights reserved.</footer></body></html>"""


def _read(html: str, name: str = "page.html"):
    return read_file(html.encode(), name=name).articles[0]


def test_html_main_text_excludes_navigation_and_scripts():
    article = _read(PAGE)
    assert STORY in article.text and "Most read" not in article.text
    assert "tracking" not in article.text


def test_html_metadata_gives_title_outlet_date_and_canonical_url():
    article = _read(PAGE)
    assert (article.title, article.outlet, article.url) == (
        "Patrols at Marren",
        "Ostrel Courier",
        "https://courier.example/world/patrols-at-marren",
    )
    assert str(article.published) == "2024-06-28"


def test_html_extraction_ratio_is_share_of_visible_text():
    article = _read(PAGE)
    assert 0.6 < article.extraction_ratio < 1.0


def test_html_without_visible_text_is_rejected():
    with pytest.raises(IngestionError, match=r"blank\.html: the page has no visible text"):
        _read(
            "<html><head><title>x</title></head><body><script>1</script></body></html>",
            "blank.html",
        )


def test_html_entity_expansion_is_not_performed():
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY a "xxxxxxxxxx">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
        '<!ENTITY ext SYSTEM "file:///etc/hostname">]>'
        f"<html><body><article><p>Start &c; &ext; end. {STORY}</p></article></body></html>"
    )
    article = _read(bomb)
    assert "xxxxxxxxxx" not in article.text
    assert STORY in article.text


def test_html_in_cp1252_with_meta_charset_is_decoded():
    html = PAGE.replace("<head>", '<head><meta charset="windows-1252">').replace(
        "tense night", "tense night — «long»"
    )
    assert "tense night — «long»" in read_file(html.encode("cp1252"), name="p.htm").articles[0].text


@pytest.mark.parametrize(
    ("page", "kept"),
    [
        ('<!DOCTYPE html [<!ENTITY a "x">]  ><p>text</p>', "<p>text</p>"),
        ("<!doctype html><p>text</p>", "<p>text</p>"),
        ("<p>[note]</p><!DOCTYPE y><p>text</p>", "<p>[note]</p><p>text</p>"),
        ("<!DOCTYPE html [ <!ENTITY a 'x'> <p>text</p>", " <p>text</p>"),
        ("<p>no doctype</p>", "<p>no doctype</p>"),
        ("text <!DOCTYPE html", "text <!DOCTYPE html"),
    ],
    ids=["subset", "plain", "later", "unclosed subset", "none", "unterminated"],
)
def test_doctype_and_its_internal_subset_are_cut_before_parsing(page, kept):
    # an unclosed subset is no subset: it ends at the next ">" as in a browser
    assert strip_doctype(page) == kept
