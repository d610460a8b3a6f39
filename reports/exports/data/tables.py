"""The alignment and "about" tables, and the list of every table in file order."""

from __future__ import annotations

from collections.abc import Iterator

from reports.exports.data.base import EventData, Row, Table, Tick, article_cells
from reports.exports.data.frames import (
    SENTENCE_COLUMNS,
    article_columns,
    article_rows,
    sentence_columns,
    sentence_rows,
)
from reports.exports.data.outlets import outlet_columns, outlet_rows
from reports.exports.data.spans import QUOTE_COLUMNS, SPAN_COLUMNS, quote_rows, span_rows

# Alignment -------------------------------------------------------------------------------

ALIGNMENT_COLUMNS = [
    "fact",
    "fact_label",
    "outlets_reporting",
    "article",
    "outlet",
    "state",
    "loaded",
    "sentence",
    "similarity",
    "text",
    "link",
]
STATES = {"loaded": "reported", "reported": "reported", "possibly": "possibly", "missing": "absent"}


def alignment_rows(data: EventData, tick: Tick) -> Iterator[Row]:
    """The omission matrix of the compared articles (the compare page's default columns
    unless the export named them): per fact reported by two or more, each article's state."""
    alignment = data.alignment
    for n, (row, states) in enumerate(alignment.omission_matrix(), start=1):
        for article, (state, cell) in zip(alignment.articles, states, strict=True):
            yield [
                row.key,
                row.label,
                row.n_reporting,
                *article_cells(article),
                STATES[state],
                state == "loaded",
                cell.index if cell else None,
                round(cell.similarity, 3) if cell and cell.state == "possibly" else None,
                cell.text if cell else "",
                data.base_url + cell.permalink if cell else "",
            ]
        if n % 20 == 0:
            tick(0.5)
    tick(1.0)


# About -----------------------------------------------------------------------------------

ABOUT_COLUMNS = ["field", "value"]


def about_rows(data: EventData, tick: Tick) -> Iterator[Row]:
    """What the export is of: event, model, operating point, data fingerprint."""
    point = data.operating_point()
    model = data.model
    yield from (
        ["format", "parallax-data-export 1"],
        ["event", data.event.title],
        ["event_id", data.event.pk],
        ["workspace", data.event.workspace.name],
        ["articles", len(data.articles)],
        ["model", model.name if model else ""],
        ["model_sha256", model.sha256 if model else ""],
        ["operating_point", point["name"]],
        ["operating_point_threshold", point["threshold"]],
        ["operating_point_precision", point["precision"]],
        ["operating_point_recall", point["recall"]],
        ["data_fingerprint", data.fingerprint],
        [
            "decision",
            "suggestion: a model suggestion shown at the operating point, not reviewed; "
            "accepted: a suggestion an analyst accepted; analyst: an analyst's own span",
        ],
    )
    tick(1.0)


def tables(data: EventData) -> list[Table]:
    """Every table, in the order files and sheets list them."""
    return [
        Table("about", "About this export", ABOUT_COLUMNS, lambda t: about_rows(data, t)),
        Table("spans", "Spans with voice and speaker", SPAN_COLUMNS, lambda t: span_rows(data, t)),
        Table(
            "sentences",
            "Sentence frames",
            sentence_columns(data),
            lambda t: sentence_rows(data, t),
            xlsx_width=len(SENTENCE_COLUMNS),
        ),
        Table("articles", "Article frames", article_columns(data), lambda t: article_rows(data, t)),
        Table(
            "outlets", "Per-outlet aggregates", outlet_columns(data), lambda t: outlet_rows(data, t)
        ),
        Table("quotes", "Quotes", QUOTE_COLUMNS, lambda t: quote_rows(data, t)),
        Table("alignment", "Alignment", ALIGNMENT_COLUMNS, lambda t: alignment_rows(data, t)),
    ]
