import io

import pytest

from articles.ingestion import (
    PRESETS,
    ColumnMapping,
    IngestionError,
    ParsedArticle,
    iter_records,
    preview,
    read_file,
)

from .helpers import STORY, STORY_2

CSV = (
    "Headline,Body,Publisher,Publish Date,Link\n"
    f'Patrols at Marren,"{STORY}",Ostrel Courier,2024-06-28,https://courier.example/a\n'
    f'Night at sea,"{STORY_2}",Veloria Today,2024-06-29,https://today.example/b\n'
)


def test_csv_common_column_names_are_recognised():
    article = read_file(CSV.encode(), name="a.csv").articles[0]
    assert (article.title, article.outlet, str(article.published), article.location) == (
        "Patrols at Marren",
        "Ostrel Courier",
        "2024-06-28",
        "row 2",
    )


def test_tsv_and_semicolon_delimiters_are_sniffed():
    tsv = CSV.replace(",", "\t").replace('"', "").replace(f"{STORY}", "Short text one.")
    semi = "title;text\nA;Body of the first article.\n"
    assert read_file(tsv.encode(), name="a.tsv").articles[0].outlet == "Ostrel Courier"
    assert read_file(semi.encode(), name="b.csv").articles[0].text == "Body of the first article."


def test_csv_row_with_empty_text_is_rejected_and_others_kept():
    data = CSV + "Empty one,,Ostrel Courier,2024-06-30,\n"
    result = read_file(data.encode(), name="a.csv")
    assert len(result.articles) == 2
    assert str(result.rejections[0]) == (
        "a.csv, row 4, field 'text': is missing or empty (every article needs its text)"
    )


def test_csv_row_with_extra_cells_is_rejected():
    data = "title,text\nA,one,two\n"
    rejection = read_file(data.encode(), name="a.csv").rejections[0]
    assert "has 3 cells but the header has 2 columns" in rejection.message


def test_csv_without_text_column_is_rejected_as_a_whole():
    with pytest.raises(IngestionError, match=r"list\.csv: has no text column"):
        read_file(b"title,url\nA,https://x.example\n", name="list.csv")


def test_mediacloud_export_without_text_gets_a_specific_hint():
    data = b"stories_id,publish_date,title,url,language,media_name\n1,2024-06-28,A,u,en,M\n"
    with pytest.raises(IngestionError, match="Media Cloud export without story text"):
        read_file(data, name="mc.csv")


def test_mediacloud_preset_maps_its_columns():
    data = (
        "stories_id,publish_date,title,url,language,media_id,media_name,media_url,text\n"
        "7,2024-06-28 10:15:00,Patrols,https://c.example/p,en,3,Ostrel Courier,c.example,"
        f'"{STORY}"\n'
    )
    article = read_file(data.encode(), name="mc.csv", mapping=PRESETS["mediacloud"]).articles[0]
    assert (article.outlet, article.published.isoformat()) == (
        "Ostrel Courier",
        "2024-06-28T10:15:00+00:00",
    )


def test_user_mapping_survives_a_save_and_load_round_trip():
    mapping = ColumnMapping(columns={"text": "story", "outlet": "paper"}, name="ours")
    restored = ColumnMapping.from_dict(mapping.to_dict())
    data = f'story,paper\n"{STORY}",Harbour Post\n'.encode()
    assert read_file(data, name="a.csv", mapping=restored).articles[0].outlet == "Harbour Post"


def test_mapping_naming_a_missing_column_is_rejected():
    mapping = ColumnMapping(columns={"text": "story"})
    with pytest.raises(IngestionError, match=r"mapped column\(s\) 'story' not found"):
        read_file(b"title,body\nA,B\n", name="a.csv", mapping=mapping)


def test_mapping_with_unknown_field_is_refused():
    with pytest.raises(ValueError, match="unknown article field"):
        ColumnMapping(columns={"headline_text": "x"})


def test_preview_returns_headers_guess_and_first_rows():
    result = preview(CSV.encode(), n=1, name="a.csv")
    assert result.headers[:2] == ["Headline", "Body"]
    assert result.mapping.columns["text"] == "Body"
    assert [type(r) for r in result.rows] == [ParsedArticle]


def test_preview_reports_unusable_mapping_without_raising():
    assert "no text column" in preview(b"title\nA\n", name="a.csv").error


def test_csv_is_streamed_from_a_file_object_lazily():
    stream = io.BytesIO(CSV.encode())
    records = iter_records(stream, "csv", name="a.csv")
    assert next(records).title == "Patrols at Marren"


def test_invalid_date_is_a_warning_not_a_rejection():
    data = f'title,text,date\nA,"{STORY}",last Tuesday\n'.encode()
    article = read_file(data, name="a.csv").articles[0]
    assert article.published is None and "published date ignored" in article.warnings[0]
