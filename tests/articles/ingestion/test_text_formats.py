import pytest

from articles.ingestion import IngestionError, read_file

from .helpers import STORY, STORY_2


def test_txt_short_first_line_becomes_title():
    article = read_file(f"Shoal patrols\n\n{STORY}".encode(), name="a.txt").articles[0]
    assert (article.title, article.text) == ("Shoal patrols", STORY)


def test_txt_without_title_line_uses_opening_words_and_warns():
    article = read_file(STORY.encode(), name="a.txt").articles[0]
    assert article.title.startswith("The coastal ministry")
    assert any("no title" in w for w in article.warnings)


def test_txt_whitespace_only_is_rejected_as_empty():
    with pytest.raises(IngestionError, match=r"a\.txt, field 'text': is empty"):
        read_file(b"  \r\n\t\n", name="a.txt")


def test_txt_language_is_detected():
    assert read_file(STORY.encode(), name="a.txt").articles[0].language == "en"


def test_md_first_heading_is_title_and_syntax_is_stripped():
    md = (
        "# Patrol boats at **Marren**\n\n"
        "The ministry called it a *reckless provocation*, see [the statement](http://x.example).\n\n"
        "> Talks resume next week.\n\n- fishermen\n- `council`\n\n---\n\n![map](m.png)"
    )
    article = read_file(md.encode(), name="a.md").articles[0]
    assert article.title == "Patrol boats at Marren"
    assert article.text == (
        "The ministry called it a reckless provocation, see the statement.\n\n"
        "Talks resume next week.\n\nfishermen\ncouncil\n\nmap"
    )


def test_md_keeps_underscores_inside_words():
    article = read_file(b"# T\n\nThe snake_case_name stays.", name="a.md").articles[0]
    assert article.text == "The snake_case_name stays."


def test_md_front_matter_fills_metadata():
    md = f"---\ntitle: Night at sea\ndate: 2024-06-28\noutlet: Ostrel Courier\n---\n{STORY_2}"
    article = read_file(md.encode(), name="a.md").articles[0]
    assert (article.title, str(article.published), article.outlet) == (
        "Night at sea",
        "2024-06-28",
        "Ostrel Courier",
    )
