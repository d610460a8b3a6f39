import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from articles.ingestion import IngestionError, decode_bytes, read_fetched, read_file
from articles.ingestion.decode import (
    ENCODINGS,
    UTF8_REPLACE,
    EncodingUnknownError,
    chosen_encoding,
    known_encoding,
)
from articles.ingestion.fetch import FetchResult

TEXT = "Le ministère a qualifié la manœuvre de « provocation » — déjà la troisième."
NAIVE = "title,text,outlet\nNaïve plan,The naïve plan of the café owners failed.,Ostrel Post\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_utf8_and_bom_encodings_decode_without_asking(encoding):
    assert decode_bytes(TEXT.encode(encoding), source="a.txt") == TEXT


def test_cp1252_is_not_guessed_but_refused_with_the_likely_encodings():
    with pytest.raises(EncodingUnknownError) as caught:
        decode_bytes(NAIVE.encode("cp1252"), source="a.csv")
    err = caught.value
    assert str(err).startswith("a.csv, field 'encoding': is not valid UTF-8")
    assert "line 2" in str(err)
    # The best guess is Western European, whose sample reads right ("naïve", not "naďve").
    assert err.guesses[0].encoding == "cp1252"
    assert "Naïve plan,The naïve plan" in err.guesses[0].sample
    assert "Naïve plan" in str(err)


def test_latin1_file_reads_as_chosen():
    with chosen_encoding("latin-1"):
        assert decode_bytes(NAIVE.encode("latin-1"), source="a.csv") == NAIVE


def test_cyrillic_cp1251_is_offered_and_reads_as_chosen():
    text = "Министерство заявило, что переговоры возобновятся на следующей неделе в Остреле."
    with pytest.raises(EncodingUnknownError) as caught:
        decode_bytes(text.encode("cp1251"), source="a.txt")
    assert "cp1251" in [g.encoding for g in caught.value.guesses]
    with chosen_encoding("cp1251"):
        assert decode_bytes(text.encode("cp1251"), source="a.txt") == text


def test_utf8_with_one_stray_byte_is_refused_not_turned_into_mojibake():
    data = ("title,text\n" + "Straße, café — «déjà»\n" * 20).encode() + b"Stray \xff byte\n"
    with pytest.raises(EncodingUnknownError) as caught:
        decode_bytes(data, source="a.csv")
    assert "line 22" in str(caught.value)
    # Mostly UTF-8: the first suggestion keeps the good text and marks only the bad byte.
    assert caught.value.guesses[0].encoding == UTF8_REPLACE
    with chosen_encoding(UTF8_REPLACE):
        text = decode_bytes(data, source="a.csv")
    assert "Straße, café — «déjà»" in text and "Stray \ufffd byte" in text


def test_csv_reader_refuses_a_cp1252_table_until_an_encoding_is_chosen():
    with pytest.raises(EncodingUnknownError):
        read_file(NAIVE.encode("cp1252"), name="a.csv")
    with chosen_encoding("cp1252"):
        article = read_file(NAIVE.encode("cp1252"), name="a.csv").articles[0]
    assert article.title == "Naïve plan"


def test_csv_with_a_stray_byte_past_the_first_block_is_refused_naming_the_row():
    row = "A title,Straße und café — «déjà vu» in the long text of this row.\n"
    data = ("title,text\n" + row * 2000).encode() + b"Bad,stray \xff byte\n"
    assert len(data) > 64 * 1024  # beyond the head the encoding is sniffed from
    # The row is approximate (the text is decoded a block ahead of the CSV parser); the
    # sample shows the exact place.
    with pytest.raises(EncodingUnknownError, match=r"near row 2\d\d\d|near row 19\d\d") as caught:
        read_file(data, name="a.csv")
    assert "Bad,stray � byte" in str(caught.value)


def test_jsonl_reader_refuses_a_stray_byte_naming_the_line():
    data = b'{"text": "caf\xc3\xa9 ' + b"x" * 70_000 + b'"}\n{"text": "bad \xff"}\n'
    with pytest.raises(EncodingUnknownError, match=r"on line 2"):
        read_file(data, name="a.jsonl")


def test_unknown_encoding_choice_is_refused():
    with pytest.raises(ValueError, match="unknown encoding"), chosen_encoding("rot13"):
        pass


def test_binary_data_is_rejected_naming_the_file():
    with pytest.raises(IngestionError, match=r"^photo\.txt: looks like a binary file"):
        decode_bytes(bytes(range(256)) * 8, source="photo.txt")


def test_undetectable_bytes_are_rejected_naming_the_file():
    with pytest.raises(IngestionError, match=r"^noise\.txt, field 'encoding': is not valid UTF-8"):
        decode_bytes(bytes(range(128, 256)) * 30, source="noise.txt")


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"])))
def test_valid_utf8_never_needs_a_choice(text):
    assert decode_bytes(text.encode("utf-8"), source="a.txt") == text


@given(st.sampled_from(sorted(set(ENCODINGS) - {"utf-16"})))
def test_every_offered_encoding_is_a_codec(encoding):
    with chosen_encoding(encoding):
        assert decode_bytes(b"plain ascii", source="a.txt") == "plain ascii"


def _fetched(body: bytes, content_type: str):
    return FetchResult("https://news.example/a", 200, content_type, body, timezone.now(), "0")


PAGE = (
    "<html><head><title>Naïve plan</title></head><body><article><h1>Naïve plan</h1>"
    "<p>The naïve plan of the café owners failed on Tuesday, the harbour office said, and "
    "the talks between the two towns were put off until the spring fair.</p>"
    "</article></body></html>"
)


def test_fetched_page_is_decoded_with_the_charset_the_server_declares():
    result = _fetched(PAGE.encode("latin-1"), "text/html; charset=ISO-8859-1")
    assert "The naïve plan of the café owners" in read_fetched(result).text


def test_fetched_page_without_a_declared_charset_is_not_guessed():
    with pytest.raises(EncodingUnknownError):
        read_fetched(_fetched(PAGE.encode("latin-1"), "text/html"))


@pytest.mark.parametrize(
    ("content_type", "key"),
    [
        ("text/html; charset=ISO-8859-1", "latin-1"),
        ('text/plain; charset="windows-1252"', "cp1252"),
        ("text/html; charset=utf-8", "utf-8"),
        ("text/html; charset=x-unknown", None),
        ("text/html", None),
    ],
)
def test_known_encoding_maps_declared_charsets(content_type, key):
    assert known_encoding(content_type) == key
