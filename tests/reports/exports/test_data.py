"""Data exports: each table and format holds exactly the stored results the pages show."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from articles.ingestion.limits import Limits
from articles.ingestion.readers.jsonl import iter_json
from framing.models import Annotation, AnnotationStatus, QuoteSpan
from framing.services import annotation_create, annotation_decide
from reports.alignment import align_columns
from reports.exports.data import clean_params
from reports.figures import ChartOptions, term_density
from reports.summary import event_model_version, event_summary
from tests.factories import EventFactory, OutletFactory, make_article
from tests.reports.exports.conftest import read_csv, read_json, read_xlsx, read_zip
from tests.reports.helpers import Term, store_analysis, use_test_model

POINTS = {
    "precision": {"threshold": 0.9, "precision": 0.8, "recall": 0.2},
    "balanced": {"threshold": 0.5, "precision": 0.6, "recall": 0.45},
    "recall": {"threshold": 0.3, "precision": 0.35, "recall": 0.7},
}


def _spans(event):
    return {a.pk: a for a in Annotation.objects.filter(revision__article__event=event)}


def test_spans_csv_lists_every_visible_span_with_voice_and_speaker(analysed, export):
    rows = read_csv(export(analysed["event"], "csv_spans"))
    got = {(r["text"], r["label"], r["voice"], r["speaker"], r["score"]) for r in rows}
    assert got == {
        ("reckless provocation", "pejorative_label", "attributed", "ministry", "0.8"),
        ("aggressive bloc", "pejorative_label", "own", "", "0.95"),
        ("threaten peace", "fear_appeal", "own", "", "0.4"),
    }


def test_spans_csv_offsets_cut_the_span_text_from_the_article(analysed, export):
    texts = {str(a.pk): a.current_revision.text for a in (analysed["wire"], analysed["state"])}
    for row in read_csv(export(analysed["event"], "csv_spans")):
        assert texts[row["article"]][int(row["start"]) : int(row["end"])] == row["text"]


def test_spans_say_suggestion_accepted_or_analyst(analysed, export, owner):
    event = analysed["event"]
    bloc = Annotation.objects.get(revision__article=analysed["state"], start=4)
    annotation_decide(annotation=bloc, status=AnnotationStatus.ACCEPTED, user=owner)
    revision = analysed["wire"].current_revision
    annotation_create(
        revision=revision, start=4, end=11, label=bloc.label, author_user=owner, note="ship"
    )
    rows = {r["text"]: r for r in read_csv(export(event, "csv_spans"))}
    assert rows["aggressive bloc"]["decision"] == "accepted"
    assert rows["threaten peace"]["decision"] == "suggestion"
    assert (rows["frigate"]["decision"], rows["frigate"]["analyst"]) == ("analyst", owner.username)
    assert rows["frigate"]["note"] == "ship"


def test_rejected_suggestions_are_not_exported(analysed, export, owner):
    bloc = Annotation.objects.get(revision__article=analysed["state"], start=4)
    annotation_decide(annotation=bloc, status=AnnotationStatus.REJECTED, user=owner)
    texts = {r["text"] for r in read_csv(export(analysed["event"], "csv_spans"))}
    assert "aggressive bloc" not in texts


@pytest.mark.parametrize(
    ("point", "expected"),
    [
        ("precision", {"aggressive bloc"}),
        ("recall", {"aggressive bloc", "reckless provocation", "threaten peace"}),
    ],
)
def test_spans_follow_the_event_operating_point(analysed, export, point, expected):
    event = analysed["event"]
    model = use_test_model(event)
    model.metrics = {"operating_points": POINTS}
    model.save(update_fields=["metrics"])
    event.operating_point = point
    event.save(update_fields=["operating_point"])
    assert {r["text"] for r in read_csv(export(event, "csv_spans"))} == expected


def test_sentences_csv_holds_each_sentence_with_its_stored_frame_and_tone(analysed, export):
    rows = read_csv(export(analysed["event"], "csv_sentences"))
    wire = [r for r in rows if r["article"] == str(analysed["wire"].pk)]
    assert [r["frame"] for r in wire] == ["security_defense", "security_defense", "economic"]
    assert wire[2]["text"] == "Fishing boats stayed in port."
    assert wire[2]["p_policy_economic"] == "0.9" and wire[2]["p_policy_other"] == "0.01"
    assert len(rows) == 6


def test_articles_csv_holds_tone_and_article_frames(analysed, export):
    rows = {r["title"]: r for r in read_csv(export(analysed["event"], "csv_articles"))}
    assert rows["State report"]["tone"] == "-0.6"
    assert rows["Wire report"]["p_policy_economic"] == "0.5"
    assert rows["Wire report"]["p_policy_morality"] == ""  # not scored: empty, never 0
    assert rows["Wire report"]["outlet"] == "Wire" and rows["Wire report"]["sentences"] == "3"


def test_outlet_aggregates_match_the_density_chart(analysed, export):
    event = analysed["event"]
    rows = {r["outlet"]: r for r in read_csv(export(event, "csv_outlets"))}
    chart = term_density(event.pk, event_summary(event), ChartOptions())
    for outlet, category, count, words, *_ in chart.rows:
        key = next(lab["key"] for lab in event_summary(event)["labels"] if lab["name"] == category)
        assert int(rows[outlet][f"terms_{key}"]) == count
        assert int(rows[outlet]["words"]) == words
    state = rows["State Agency"]
    assert (state["terms"], state["own_terms"], state["mean_tone"]) == ("2", "2", "-0.6")
    assert float(state["terms_per_1000"]) == pytest.approx(2 * 1000 / int(state["words"]), 1e-3)


def test_outlet_aggregates_count_each_outlets_dominant_frames(analysed, export):
    rows = {r["outlet"]: r for r in read_csv(export(analysed["event"], "csv_outlets"))}
    assert rows["Wire"]["frame_share_security_defense"] == "0.667"
    assert rows["Wire"]["frame_share_economic"] == "0.333"


def test_quotes_csv_gives_speaker_and_relay_chain(analysed, export):
    wire = analysed["wire"]
    analysis = wire.current_revision.analyses.get()
    QuoteSpan.objects.create(
        analysis=analysis,
        start=50,
        end=104,
        kind="reported",
        speaker="Vel Tan",
        speaker_actor="vel_tan",
        verb="said",
        chain=["TASS", "KCNA", "Vel Tan"],
    )
    rows = {r["speaker"]: r for r in read_csv(export(analysed["event"], "csv_quotes"))}
    relayed = rows["Vel Tan"]
    assert relayed["chain"] == "TASS > KCNA > Vel Tan"
    assert relayed["relay"] == "relays KCNA via TASS"
    assert relayed["text"] == wire.current_revision.text[50:104]
    assert rows["the ministry"]["relay"] == ""


@pytest.fixture
def three(analysed):
    """A third outlet that leaves out the frigate sentence the other two report."""
    event = analysed["event"]
    other = OutletFactory(workspace=event.workspace, name="Quiet Daily")
    quiet = make_article(
        event=event, outlet=other, title="Quiet", text="Fishing boats stayed in port today."
    )
    store_analysis(quiet, frames=["economic"])
    return [analysed["wire"], analysed["state"], quiet]


def test_alignment_csv_matches_the_omission_matrix(three, export):
    event = three[0].event
    ids = [str(a.pk) for a in three]
    rows = read_csv(export(event, "csv_alignment", a=ids))
    matrix = align_columns(event, three, event_model_version(event)).omission_matrix()
    expected = {
        (row.key, article.pk, {"missing": "absent", "loaded": "reported"}.get(s, s))
        for row, states in matrix
        for article, (s, _) in zip(three, states, strict=True)
    }
    assert {(r["fact"], int(r["article"]), r["state"]) for r in rows} == expected
    assert {r["state"] for r in rows if r["outlet"] == "Quiet Daily"} >= {"absent"}


def test_alignment_names_reported_and_absent_cells(three, export):
    event = three[0].event
    rows = read_csv(export(event, "csv_alignment", a=[str(a.pk) for a in three]))
    frigate = [r for r in rows if r["fact_label"].startswith("The frigate")]
    assert {(r["outlet"], r["state"]) for r in frigate} == {
        ("Wire", "reported"),
        ("State Agency", "reported"),
        ("Quiet Daily", "absent"),
    }


def test_zip_holds_one_csv_per_table(analysed, export):
    tables = read_zip(export(analysed["event"], "data_zip"))
    assert set(tables) == {
        "about",
        "spans",
        "sentences",
        "articles",
        "outlets",
        "quotes",
        "alignment",
    }
    assert tables["spans"] == read_csv(export(analysed["event"], "csv_spans"))


def _same(cell, text: str) -> bool:
    """An XLSX cell equals a CSV cell: numbers by value (the sheet keeps 0.0 as 0)."""
    if cell is None:
        return text == ""
    if isinstance(cell, bool):
        return str(cell) == text
    if isinstance(cell, int | float):
        return float(text) == pytest.approx(cell)
    return cell == text


def test_xlsx_sheets_hold_the_same_cells_as_the_csv_files(analysed, export):
    sheets = read_xlsx(export(analysed["event"], "data_xlsx"))
    tables = read_zip(export(analysed["event"], "data_zip"))
    assert list(sheets) == list(tables)
    for name, rows in tables.items():
        if name == "about":
            continue
        assert len(sheets[name]) == len(rows), name
        for got, want in zip(sheets[name], rows, strict=True):
            if name == "sentences":  # the sheet leaves out the per-frame probabilities
                want = {k: v for k, v in want.items() if not k.startswith("p_")}
            assert list(got) == list(want)
            assert all(_same(got[k], want[k]) for k in want), (name, got, want)


def test_xlsx_keeps_numbers_as_numbers(analysed, export):
    articles = read_xlsx(export(analysed["event"], "data_xlsx"))["articles"]
    assert {row["tone"] for row in articles} == {-0.2, -0.6}


def test_json_holds_each_article_with_its_text_and_results(analysed, export):
    doc = read_json(export(analysed["event"], "data_json"))
    assert (doc["format"], doc["version"]) == ("parallax", 1)
    state = next(a for a in doc["articles"] if a["title"] == "State report")
    assert state["text"] == analysed["state"].current_revision.text
    assert {s["text"] for s in state["suggestions"]} == {"aggressive bloc", "threaten peace"}
    assert state["spans"] == []  # nothing accepted yet
    assert [s["frame"] for s in state["sentences"]] == ["security_defense"] * 3
    assert state["sentences"][0]["frames"]["policy"]["security_defense"] == 0.9


def test_json_aggregates_and_alignment_match_the_tables(three, export):
    event = three[0].event
    ids = [str(a.pk) for a in three]
    doc = read_json(export(event, "data_json", a=ids))
    outlets = read_csv(export(event, "csv_outlets"))
    assert [o["terms"] for o in doc["aggregates"]["outlets"]] == [int(o["terms"]) for o in outlets]
    assert doc["alignment"]["articles"] == [a.pk for a in three]
    rows = read_csv(export(event, "csv_alignment", a=ids))
    cells = {
        (f["key"], c["article"], c["state"]) for f in doc["alignment"]["facts"] for c in f["cells"]
    }
    assert cells == {(r["fact"], int(r["article"]), r["state"]) for r in rows}


def test_json_reimports_through_the_importer_with_its_accepted_spans(analysed, export, owner):
    bloc = Annotation.objects.get(revision__article=analysed["state"], start=4)
    annotation_decide(annotation=bloc, status=AnnotationStatus.ACCEPTED, user=owner)
    body = export(analysed["event"], "data_json")
    parsed = list(iter_json(body, source_name="export.json", limits=Limits()))
    by_title = {p.title: p for p in parsed}
    assert by_title["State report"].text == analysed["state"].current_revision.text
    assert [(s["start"], s["end"], s["label"]) for s in by_title["State report"].spans] == [
        (4, 19, "pejorative_label")
    ]
    assert by_title["Wire report"].outlet == "Wire"


def test_clean_refuses_unknown_options_by_name():
    with pytest.raises(ValidationError, match="table"):
        clean_params({"table": "x"})


def test_clean_refuses_more_than_six_aligned_articles():
    with pytest.raises(ValidationError):
        clean_params({"a": [str(i) for i in range(7)]})


def test_empty_event_exports_headers_only(event, export):
    rows = read_csv(export(event, "csv_spans"))
    assert rows == []


def test_spans_of_other_workspaces_never_appear(analysed, export):
    # A span in another workspace's event with the same text must not leak in.
    foreign = make_article(event=EventFactory(), text="The aggressive bloc staged drills.")
    store_analysis(foreign, terms=(Term("aggressive bloc", "hyperbole"),))
    rows = read_csv(export(analysed["event"], "csv_spans"))
    assert {r["label"] for r in rows if r["text"] == "aggressive bloc"} == {"pejorative_label"}
    assert len(rows) == 3
