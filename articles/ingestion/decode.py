"""Bytes → str for uploaded files: BOMs first, then UTF-8, then a detected legacy encoding."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from .errors import IngestionError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy encodings we accept from detection; anything else is too likely a wrong guess on
# binary data, and the analyst should re-save the file as UTF-8.
_ACCEPTED_LEGACY = {"cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "koi8_r"}


def sniff_encoding(head: bytes, *, source: str | None = None) -> str:
    """Pick the codec for a file from its first bytes (used by the streaming readers)."""
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
    return _detect_legacy(head, source=source)


def decode_bytes(data: bytes, *, source: str | None = None) -> str:
    """Decode a whole file; raises ``IngestionError`` naming the file when no encoding fits."""
    if b"\x00" in data[:4096] and not any(data.startswith(bom) for bom, _ in _BOMS):
        raise IngestionError(
            "looks like a binary file, not text (it contains NUL bytes and no UTF-16 byte-order "
            "mark)",
            source=source,
        )
    encoding = sniff_encoding(data, source=source)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        if encoding == "utf-8":
            return data.decode(_detect_legacy(data, source=source))
        raise IngestionError(
            f"cannot be decoded as {encoding} (byte {err.start}); save it as UTF-8",
            source=source,
        ) from err


def _detect_legacy(data: bytes, *, source: str | None) -> str:
    matches = from_bytes(data[:200_000])
    # Short samples get exotic guesses (mac_latin2 for French); prefer any plausible common
    # Western/Central/Cyrillic code page among the candidates, cp1252 last.
    candidates = [m.encoding for m in matches]
    encoding = next((c for c in candidates if c in _ACCEPTED_LEGACY), None)
    if encoding is None and _decodes(data, "cp1252"):
        encoding = "cp1252"
    if encoding is None:
        encoding = candidates[0] if candidates else None
        raise IngestionError(
            "is not UTF-8 and its encoding could not be recognised"
            + (f" (looks like {encoding})" if encoding else "")
            + "; save it as UTF-8",
            source=source,
        )
    try:
        data.decode(encoding)
    except UnicodeDecodeError as err:
        raise IngestionError(
            f"is not valid UTF-8 nor {encoding} (byte {err.start}); save it as UTF-8",
            source=source,
        ) from err
    return encoding


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return False
    # C0 controls other than whitespace mean binary data, not a text in this code page
    return not any(ch < " " and ch not in "\t\n\r\f" for ch in text[:10_000])
