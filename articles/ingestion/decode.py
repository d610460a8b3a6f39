"""Bytes → str for uploaded files: a BOM, else strict UTF-8, else the analyst's choice.

A file that is not valid UTF-8 is never decoded by guesswork: short samples make detectors
pick the wrong code page ("naïve" read as cp1250 becomes "naďve"), and a UTF-8 file with one
stray byte read as cp1252 turns every accented letter into mojibake. Instead the readers raise
``EncodingUnknownError`` with the likely encodings and how a sample reads in each, the import
preview shows them, and the file is read again inside ``chosen_encoding(...)``.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from charset_normalizer import from_bytes

from .errors import IngestionError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
UTF8_REPLACE = "utf-8-replace"
# What an analyst may choose, in the order offered (after the likely ones).
ENCODINGS: dict[str, str] = {
    "utf-8": "UTF-8",
    UTF8_REPLACE: "UTF-8, invalid bytes replaced by �",
    "cp1252": "Windows-1252 (Western European)",
    "latin-1": "ISO-8859-1 / Latin-1 (Western European)",
    "iso8859-15": "ISO-8859-15 (Western European with €)",
    "cp1250": "Windows-1250 (Central European)",
    "iso8859-2": "ISO-8859-2 (Central European)",
    "cp1251": "Windows-1251 (Cyrillic)",
    "koi8-r": "KOI8-R (Russian)",
    "utf-16": "UTF-16",
}
# charset_normalizer's names for the choices above.
_DETECTED = {
    "cp1252": "cp1252",
    "latin_1": "latin-1",
    "iso8859_15": "iso8859-15",
    "cp1250": "cp1250",
    "iso8859_2": "iso8859-2",
    "cp1251": "cp1251",
    "koi8_r": "koi8-r",
}
_SAMPLE_CHARS = 80
_GUESSES = 3

# Set by the import services around one file's reading; a context variable rather than a
# parameter so the choice reaches every reader (tables, JSON, text, HTML, zip entries)
# without threading it through each reader's signature.
_chosen: ContextVar[str | None] = ContextVar("chosen_encoding", default=None)


@contextmanager
def chosen_encoding(encoding: str | None) -> Iterator[None]:
    """Decode every file read inside the block with ``encoding`` (one of ``ENCODINGS``);
    ``None`` or "" keeps the default: BOM, else strict UTF-8."""
    if encoding and encoding not in ENCODINGS:
        raise ValueError(f"unknown encoding {encoding!r}; expected one of {list(ENCODINGS)}")
    token = _chosen.set(encoding or None)
    try:
        yield
    finally:
        _chosen.reset(token)


def current_choice() -> str | None:
    """The encoding chosen for the block being read (``None``: the default rules); a child
    process that reads the file is handed it, since context variables stay in this process."""
    return _chosen.get()


def known_encoding(content_type: str) -> str | None:
    """The key of ``ENCODINGS`` for the charset a Content-Type declares, if it is one."""
    _, _, params = content_type.partition(";")
    for param in params.split(";"):
        name, _, value = param.strip().partition("=")
        if name.strip().lower() != "charset":
            continue
        try:
            codec = codecs.lookup(value.strip().strip('"'))
        except LookupError:
            return None
        return next((k for k in ENCODINGS if codecs.lookup(k).name == codec.name), None)
    return None


@dataclass(frozen=True, slots=True)
class EncodingGuess:
    encoding: str  # a key of ENCODINGS
    sample: str  # the text around the first non-UTF-8 byte, decoded with it


class EncodingUnknownError(IngestionError):
    """The file is not UTF-8: the analyst must choose how to read it (``guesses`` first)."""

    def __init__(self, message: str, *, source: str | None, guesses: list[EncodingGuess]):
        super().__init__(message, source=source, field="encoding")
        self.guesses = guesses


def sniff_encoding(head: bytes, *, source: str | None = None) -> str:
    """The codec for a file from its first bytes (used by the streaming readers): the chosen
    one, else a BOM's, else UTF-8 when the bytes are valid UTF-8; raises otherwise.

    The choice wins even over a head that is valid UTF-8: a table whose first rows are plain
    ASCII can still be cp1252 further down, and must be readable once that is chosen."""
    chosen = _chosen.get()
    if chosen:
        return chosen
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as err:
        # A multi-byte character cut at the end of the sample is not an error.
        if err.start >= len(head) - 3 and err.reason == "unexpected end of data":
            return "utf-8"
        raise not_utf8_error(head, err, source=source) from err


def decode_bytes(data: bytes, *, source: str | None = None) -> str:
    """Decode a whole file; raises ``IngestionError`` naming the file when it is binary and
    ``EncodingUnknownError`` when it is not UTF-8 and no encoding was chosen."""
    if b"\x00" in data[:4096] and not any(data.startswith(bom) for bom, _ in _BOMS):
        raise IngestionError(
            "looks like a binary file, not text (it contains NUL bytes and no UTF-16 byte-order "
            "mark)",
            source=source,
        )
    encoding = sniff_encoding(data, source=source)
    if encoding == _chosen.get() and encoding != UTF8_REPLACE:
        # A whole document that is valid UTF-8 is UTF-8 whatever was chosen for its file: the
        # choice was made for the entries of a zip that are not, and must not garble the rest.
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        if encoding in ("utf-8", "utf-8-sig"):
            raise not_utf8_error(data, err, source=source) from err
        raise IngestionError(
            f"cannot be decoded as {encoding} (byte {err.start}); choose another encoding",
            source=source,
            field="encoding",
        ) from err


def not_utf8_error(
    data: bytes, err: UnicodeDecodeError, *, source: str | None, where: str | None = None
) -> EncodingUnknownError:
    """The error for bytes that fail UTF-8 at ``err.start``, with the likely encodings;
    ``where`` names the place when ``data`` is a chunk from the middle of the file."""
    where = where or f"on line {data.count(b'\n', 0, err.start) + 1}"
    guesses = encoding_guesses(data, err.start)
    if guesses:
        best = guesses[0]
        hint = f"; read as {ENCODINGS[best.encoding]} it says “{best.sample}”"
    else:
        hint = "; its encoding could not be recognised, save it as UTF-8"
    return EncodingUnknownError(
        f"is not valid UTF-8 (first bad byte 0x{data[err.start]:02x} {where}){hint}. "
        "Choose its encoding and read it again.",
        source=source,
        guesses=guesses,
    )


def encoding_guesses(data: bytes, bad: int) -> list[EncodingGuess]:
    """The likeliest encodings for ``data`` whose first non-UTF-8 byte is at ``bad``, each
    with a sample around that byte, for the analyst to compare."""
    names: list[str] = []
    if _mostly_utf8(data):
        names.append(UTF8_REPLACE)
    detected = [n for m in from_bytes(data[:200_000]) if (n := _DETECTED.get(m.encoding))]
    # Detectors often rank cp1250 above cp1252 on short Western texts ("naïve" → "naďve"):
    # when cp1252 is a candidate at all it leads, and it is always offered.
    if "cp1252" in detected:
        names.append("cp1252")
    names += [*detected, "cp1252"]
    unique = list(dict.fromkeys(names))
    guesses = []
    for name in unique:
        sample = _sample(data, bad, name)
        if sample is not None:
            guesses.append(EncodingGuess(name, sample))
    return guesses[:_GUESSES]


def _mostly_utf8(data: bytes) -> bool:
    # Valid multi-byte sequences far outnumbering the bad bytes: a UTF-8 file with a few
    # stray bytes, not a legacy file (whose accented letters are almost never valid UTF-8).
    text = data[:200_000].decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    wide = sum(1 for ch in text if ch > "\x7f" and ch != "\ufffd")
    return wide >= 2 * bad > 0


def _sample(data: bytes, bad: int, encoding: str) -> str | None:
    start = max(data.rfind(b"\n", 0, bad) + 1, bad - _SAMPLE_CHARS // 2)
    end = data.find(b"\n", bad)
    end = min(end if end >= 0 else len(data), bad + _SAMPLE_CHARS // 2)
    try:
        text = data[start:end].decode(encoding, errors="strict")
    except UnicodeDecodeError:
        return None
    except LookupError:
        return None
    if any((ch < " " and ch not in "\t\r") or "\x80" <= ch <= "\x9f" for ch in text):
        return None  # control characters mean this code page is not the file's
    return text.strip()


def _replace_decode(data: bytes, errors: str = "strict") -> tuple[str, int]:
    return codecs.utf_8_decode(data, "replace", True)


class _ReplaceIncrementalDecoder(codecs.BufferedIncrementalDecoder):
    def _buffer_decode(self, data, errors, final):
        return codecs.utf_8_decode(data, "replace", final)


def _search(name: str) -> codecs.CodecInfo | None:
    # An explicit choice of "UTF-8 with the odd bad byte replaced" has to reach readers that
    # open text streams with a codec name only, so it is a codec of its own.
    if name.replace("_", "-") != UTF8_REPLACE:
        return None
    utf8 = codecs.lookup("utf-8")
    return codecs.CodecInfo(
        name=UTF8_REPLACE,
        encode=utf8.encode,
        decode=_replace_decode,
        incrementalencoder=utf8.incrementalencoder,
        incrementaldecoder=_ReplaceIncrementalDecoder,
        streamreader=utf8.streamreader,
        streamwriter=utf8.streamwriter,
    )


codecs.register(_search)
