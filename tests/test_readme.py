"""The README documents what a newcomer needs: every JSONL field the importer reads."""

from __future__ import annotations

from pathlib import Path

from articles.ingestion.columns import FIELDS

README = Path(__file__).resolve().parent.parent / "README.md"


def _jsonl_section() -> str:
    text = README.read_text(encoding="utf-8")
    return text.split("## Importing JSONL", 1)[1].split("\n## ", 1)[0]


def test_readme_documents_every_jsonl_field_the_importer_reads():
    section = _jsonl_section()
    missing = [name for name in (*FIELDS, "spans") if f"| `{name}` |" not in section]
    assert missing == []


def test_readme_jsonl_example_imports_with_its_span_on_the_quoted_words():
    import io
    import json

    from articles.ingestion.limits import Limits
    from articles.ingestion.readers.jsonl import iter_jsonl

    line = next(ln for ln in _jsonl_section().splitlines() if ln.startswith('{"title"'))
    obj = json.loads(line)
    (article,) = iter_jsonl(
        io.BufferedReader(io.BytesIO(line.encode())), source_name="x.jsonl", limits=Limits()
    )
    span = article.spans[0]
    assert article.text[span["start"] : span["end"]] == "reckless provocation"
    assert article.outlet == obj["outlet"]
