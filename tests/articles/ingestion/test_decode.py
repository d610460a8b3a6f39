import pytest

from articles.ingestion import IngestionError, decode_bytes

TEXT = "Le ministère a qualifié la manœuvre de « provocation » — déjà la troisième."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_common_encodings_decode_to_the_same_text(encoding):
    assert decode_bytes(TEXT.encode(encoding), source="a.txt") == TEXT


def test_cyrillic_cp1251_is_detected():
    text = "Министерство заявило, что переговоры возобновятся на следующей неделе в Остреле."
    assert decode_bytes(text.encode("cp1251"), source="a.txt") == text


def test_binary_data_is_rejected_naming_the_file():
    with pytest.raises(IngestionError, match=r"^photo\.txt: looks like a binary file"):
        decode_bytes(bytes(range(256)) * 8, source="photo.txt")


def test_undetectable_bytes_are_rejected_naming_the_file():
    with pytest.raises(IngestionError, match=r"^noise\.txt: .*save it as UTF-8"):
        decode_bytes(bytes(range(128, 256)) * 30, source="noise.txt")
