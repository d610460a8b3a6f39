import json

import pytest

from articles.ingestion import IngestionError, read_file

from .helpers import STORY, STORY_2


def _line(**fields) -> str:
    base = {"title": "Patrols", "text": STORY, "outlet": "Ostrel Courier"}
    return json.dumps({**base, **fields})


def test_jsonl_interchange_fields_are_read():
    data = _line(published="2024-06-28", event="Marren shoals", origin="wire", language="en")
    article = read_file(data.encode(), name="a.jsonl").articles[0]
    assert (article.event, article.origin, article.language, article.location) == (
        "Marren shoals",
        "wire",
        "en",
        "line 1",
    )


def test_jsonl_spans_are_remapped_through_normalisation():
    raw = "Intro line   \r\n\r\n\r\n\r\nThey called it a reckless provocation."
    start = raw.index("reckless")
    data = _line(text=raw, spans=[{"start": start, "end": start + 8, "label": "hyperbole"}])
    article = read_file(data.encode(), name="a.jsonl").articles[0]
    span = article.spans[0]
    assert article.text[span["start"] : span["end"]] == "reckless"


def test_jsonl_span_that_cannot_be_mapped_rejects_the_row():
    data = _line(text="Cafe\u0301 owners", spans=[{"start": 0, "end": 4, "label": "x"}])
    rejection = read_file(data.encode(), name="a.jsonl").rejections[0]
    assert (rejection.location, rejection.field) == ("line 1", "spans")
    assert "span 1" in rejection.message


def test_jsonl_bad_line_is_rejected_and_the_rest_imported():
    data = "\n".join([_line(), "{not json", _line(text=STORY_2)])
    result = read_file(data.encode(), name="a.jsonl")
    assert len(result.articles) == 2
    assert str(result.rejections[0]).startswith("a.jsonl, line 2, field 'json': is not valid JSON")


def test_jsonl_wrong_field_type_names_the_field():
    rejection = read_file(_line(outlet=["x"]).encode(), name="a.jsonl").rejections[0]
    assert (rejection.field, rejection.message) == ("outlet", "must be a string, not list")


def test_file_that_is_not_json_lines_is_rejected_as_a_whole():
    with pytest.raises(IngestionError, match="is not JSON Lines"):
        read_file(("plain words\n" * 10).encode(), name="a.jsonl")


def test_json_list_of_objects_is_read_with_item_locations():
    data = json.dumps([json.loads(_line()), json.loads(_line(text=STORY_2))])
    result = read_file(data.encode(), name="a.json")
    assert [a.location for a in result.articles] == ["item 1", "item 2"]


def test_json_scalar_is_rejected():
    with pytest.raises(IngestionError, match="must contain a JSON object or a list"):
        read_file(b"42", name="a.json")
