"""brat and CSV round-trip offsets on arbitrary text (emoji, combining marks, line breaks)."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing.interchange import (
    InterchangeError,
    Span,
    from_brat,
    from_csv,
    to_brat,
    to_csv,
)

LABELS = st.sampled_from(["hyperbole", "pejorative_label", "Loaded_Language"])
TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]) | st.sampled_from("\n🚢é"),
    min_size=1,
    max_size=60,
)


@st.composite
def text_and_spans(draw, trim_breaks=False):
    text = draw(TEXT)
    spans = []
    for _ in range(draw(st.integers(0, 5))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        if trim_breaks and (text[start] == "\n" or text[end - 1] == "\n"):
            continue
        note = draw(st.text(max_size=10).filter(lambda s: "\n" not in s and "\r" not in s))
        spans.append(Span(start, end, draw(LABELS), note.strip()))
    return text, spans


@given(text_and_spans(trim_breaks=True))
def test_brat_round_trips_spans_that_do_not_start_or_end_with_a_line_break(case):
    text, spans = case
    assert from_brat(text, to_brat(text, spans)) == spans


@given(text_and_spans())
def test_csv_round_trips_every_span_and_note(case):
    text, spans = case
    assert from_csv(to_csv([("d1", text, spans)]), {"d1": text}) == ({"d1": spans} if spans else {})


def test_brat_writes_a_span_across_lines_as_fragments():
    text = "one\ntwo"
    ann = to_brat(text, [Span(0, 7, "hyperbole", "a\nnote")])
    assert ann == "T1\thyperbole 0 3;4 7\tone two\n#1\tAnnotatorNotes T1\ta note\n"


def test_brat_offsets_are_code_points_like_python_strings():
    text = "🚢🚢 waved"
    assert to_brat(text, [Span(3, 8, "hyperbole")]) == "T1\thyperbole 3 8\twaved\n"


def test_brat_span_outside_the_text_names_file_and_line():
    with pytest.raises(InterchangeError, match=r"a\.ann, line 2: span 0–99 is outside"):
        from_brat("short", "T1\tx 0 1\ts\nT2\tx 0 99\tz\n", name="a.ann")


def test_csv_with_text_that_does_not_match_names_row_and_field():
    data = "document,start,end,label,text\nd1,0,3,x,abc\nd1,0,3,x,xyz\n"
    with pytest.raises(InterchangeError, match=r"spans\.csv, row 3, field text"):
        from_csv(data, {"d1": "abcdef"})


@pytest.mark.django_db
def test_export_command_writes_brat_and_csv_that_read_back(tmp_path, workspace):
    from django.core.management import call_command

    from framing.models import Label
    from framing.services import annotation_create, codebooks_install_defaults
    from tests.factories import EventFactory, UserFactory, make_article

    codebooks_install_defaults(workspace=workspace)
    event = EventFactory(workspace=workspace)
    text = "Crews 🚢 of the puppet regime\nsailed."
    revision = make_article(event=event, text=text).current_revision
    label = Label.objects.get(codebook_version__codebook__workspace=workspace, key="hyperbole")
    start = text.index("puppet")
    annotation_create(
        revision=revision, start=start, end=start + 13, label=label, author_user=UserFactory()
    )
    call_command(
        "export_annotations", "--event", str(event.pk), "--format", "brat", "--out", str(tmp_path)
    )
    name = f"article-{revision.article_id}"
    txt = (tmp_path / f"{name}.txt").read_text(encoding="utf-8")
    assert txt == text
    spans = from_brat(txt, (tmp_path / f"{name}.ann").read_text(encoding="utf-8"))
    assert [(txt[s.start : s.end], s.label) for s in spans] == [("puppet regime", "hyperbole")]
    call_command(
        "export_annotations", "--event", str(event.pk), "--format", "csv", "--out", str(tmp_path)
    )
    data = (tmp_path / f"event-{event.pk}.csv").read_text(encoding="utf-8")
    assert from_csv(data, {name: text})[name] == spans


@st.composite
def text_and_token_spans(draw):
    """Spans that start and end on non-space characters (TSV has no white-space tokens)."""
    text, spans = draw(text_and_spans())
    keep = [
        Span(s.start, s.end, s.label)
        for s in spans
        if not text[s.start].isspace() and not text[s.end - 1].isspace()
    ]
    return text, keep


@given(text_and_token_spans())
def test_webanno_tsv_round_trips_spans_with_utf16_offsets(case):
    from framing.interchange import from_webanno_tsv, to_webanno_tsv

    text, spans = case
    back = from_webanno_tsv(text, to_webanno_tsv(text, spans))
    assert back == sorted(spans, key=lambda s: (s.start, s.end, s.label))


def test_webanno_tsv_counts_an_emoji_as_two_utf16_units():
    from framing.interchange import to_webanno_tsv

    tsv = to_webanno_tsv("🚢 puppet regime", [Span(2, 15, "pejorative_label")])
    assert "1-2\t3-9\tpuppet\tpejorative\\_label[1]\t" in tsv
    assert "1-3\t10-16\tregime\tpejorative\\_label[1]\t" in tsv
    assert tsv.startswith("#FORMAT=WebAnno TSV 3.3\n")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fmt,ext", [("brat", "ann"), ("webanno", "tsv"), ("csv", "csv"), ("jsonl", "jsonl")]
)
def test_exported_tags_import_back_onto_the_articles(tmp_path, workspace, fmt, ext):
    from django.core.management import call_command

    from framing.models import Annotation, Label
    from framing.services import annotation_create, codebooks_install_defaults
    from tests.factories import EventFactory, MembershipFactory, make_article

    codebooks_install_defaults(workspace=workspace)
    event = EventFactory(workspace=workspace)
    text = "Crews 🚢 of the puppet regime\nsailed at dawn."
    revision = make_article(event=event, text=text).current_revision
    label = Label.objects.get(codebook_version__codebook__workspace=workspace, key="hyperbole")
    first = MembershipFactory(workspace=workspace).user
    start = text.index("puppet")
    annotation_create(
        revision=revision, start=start, end=start + 13, label=label, author_user=first
    )
    out = tmp_path / "out"
    call_command("export_annotations", "--event", str(event.pk), "--format", fmt, "--out", str(out))
    second = MembershipFactory(workspace=workspace).user
    files = [str(p) for p in sorted(out.glob(f"*.{ext}"))]
    call_command(
        "import_annotations",
        *files,
        "--event",
        str(event.pk),
        "--format",
        fmt,
        "--user",
        second.email,
    )
    back = Annotation.objects.get(author_user=second)
    assert (back.start, back.end, back.label.key) == (start, start + 13, "hyperbole")


def test_jsonl_round_trips_spans_and_notes_with_code_point_offsets():
    from framing.interchange import from_jsonl, to_jsonl

    text = "🚢 Crews of the puppet regime"
    spans = [Span(2, 7, "hyperbole"), Span(15, 28, "pejorative_label", "their phrase")]
    assert from_jsonl(to_jsonl([("article-1", text, spans)]), {"article-1": text}) == {
        "article-1": spans
    }


def test_jsonl_span_outside_the_text_names_file_line_and_field():
    from framing.interchange import from_jsonl

    line = '{"id": "article-1", "spans": [{"start": 3, "end": 99, "label": "x"}]}'
    with pytest.raises(InterchangeError, match=r"a.jsonl, line 1, span 1, field start/end"):
        from_jsonl(line, {"article-1": "short"}, name="a.jsonl")


@pytest.mark.django_db
def test_import_maps_their_labels_onto_ours_and_drops_those_mapped_to_nothing(tmp_path, workspace):
    from django.core.management import call_command

    from framing.models import Annotation
    from framing.services import codebooks_install_defaults
    from tests.factories import EventFactory, MembershipFactory, make_article

    codebooks_install_defaults(workspace=workspace)
    event = EventFactory(workspace=workspace)
    text = "Crews of the puppet regime sailed at dawn."
    article = make_article(event=event, text=text)
    spans = [
        {"start": 13, "end": 26, "label": "Loaded_Language"},
        {"start": 27, "end": 33, "label": "Doubt"},
    ]
    path = tmp_path / "theirs.jsonl"
    path.write_text(json.dumps({"id": f"article-{article.pk}", "spans": spans}) + "\n")
    user = MembershipFactory(workspace=workspace).user
    call_command(
        "import_annotations", str(path), "--event", str(event.pk), "--format", "jsonl",
        "--user", user.email, "--map", "Loaded_Language=hyperbole", "--map", "Doubt=",
    )  # fmt: skip
    rows = Annotation.objects.filter(author_user=user)
    assert [(a.start, a.end, a.label.key) for a in rows] == [(13, 26, "hyperbole")]
