"""Build the hostile-file corpus: decompression bombs, billion laughs, pathological markup.

Run: .venv/bin/python tests/hostile/build_corpus.py DIR   (or call ``build(directory)``; the
tests in this folder do). Every file is generated here, none is committed: the biggest is about
1 MB on disk and the whole corpus takes well under a second to write. The bombs' deflate
streams are made by repeating one compressed megabyte, so a gigabyte never exists in memory.
"""

from __future__ import annotations

import io
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from functools import cache
from pathlib import Path

MB = 1024 * 1024
_TEXT = (
    "The harbour council of Ostrel met again on Thursday to discuss the autumn fishing "
    "quotas and the patrols near the Marren shoals."
)

# --- deflate and zip, by hand (zipfile would compress the gigabytes for real) -------------------


@cache
def _deflate_zeros(megabytes: int) -> bytes:
    """Raw deflate data of ``megabytes`` MiB of zero bytes, about 1 KB per MiB."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    zeros = bytes(MB)
    first = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    # after a full flush the window holds only zeros, so each further MiB encodes the same
    unit = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    return first + unit * (megabytes - 1) + compressor.flush()


def _zlib_zeros(megabytes: int) -> bytes:
    """The same as a zlib stream (what a PDF FlateDecode filter holds)."""
    size = megabytes * MB
    adler = ((size % 65521) << 16) | 1  # Adler-32 of zeros: a stays 1, b counts the bytes
    return b"\x78\xda" + _deflate_zeros(megabytes) + struct.pack(">I", adler)


@cache
def _crc_zeros(size: int) -> int:
    crc, zeros = 0, bytes(MB)
    for _ in range(size // MB):
        crc = zlib.crc32(zeros, crc)
    return zlib.crc32(bytes(size % MB), crc)


def _raw_zip(entries: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A zip from (name, deflated data, crc, declared size, method) with no checks at all."""
    out, central = io.BytesIO(), io.BytesIO()
    for name, data, crc, size, method in entries:
        offset = out.tell()
        encoded = name.encode()
        fields = (20, 0, method, 0, 0, crc, len(data), size, len(encoded), 0)
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", *fields) + encoded + data)
        central.write(
            struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, *fields, 0, 0, 0, 0, offset) + encoded
        )
    directory = central.getvalue()
    end = struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(directory), out.tell(), 0
    )
    return out.getvalue() + directory + end


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


# --- PDF ------------------------------------------------------------------------------------------


def metadata_bomb_pdf() -> bytes:
    """One page of text; the catalogue's /Metadata stream inflates to 1 GiB."""
    content = f"BT /F1 11 Tf 60 780 Td ({_TEXT}) Tj ET".encode()
    bomb = _zlib_zeros(1024)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Metadata 5 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Metadata /Subtype /XML /Filter /FlateDecode /Length %d >>\nstream\n" % len(bomb)
        + bomb
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (7, xref))
    return out.getvalue()


# --- zip ------------------------------------------------------------------------------------------


def many_entries_zip() -> bytes:
    """1,001 tiny text entries: one past the default limit."""
    return _zip({f"note-{i}.txt": f"Note {i}\n\n{_TEXT}".encode() for i in range(1001)})


def high_ratio_zip() -> bytes:
    """One entry that inflates 260 MiB from about 260 KB."""
    size = 260 * MB
    return _raw_zip([("zeros.txt", _deflate_zeros(260), _crc_zeros(size), size, 8)])


def small_bombs_zip() -> bytes:
    """190 entries just under 1 MiB of zeros each: every entry is below the size at which the
    per-entry ratio is checked, and together they stay under the 200 MB total."""
    size = MB - 1
    data = zlib.compress(bytes(size), 9)[2:-4]
    crc = _crc_zeros(size)
    return _raw_zip([(f"part-{i}.txt", data, crc, size, 8) for i in range(190)])


def lying_sizes_zip() -> bytes:
    """The headers say 100 KB; the deflate data holds 200 MiB (CRC of the whole 200 MiB)."""
    return _raw_zip([("small.txt", _deflate_zeros(200), _crc_zeros(200 * MB), 100_000, 8)])


def nested_zip() -> bytes:
    """Archives inside archives, three deep, next to a Word bomb."""
    inner = high_ratio_zip()
    for depth in range(3):
        inner = _zip({f"level-{depth}.zip": inner, f"level-{depth}-b.zip": inner})
    return _zip({"deeper.zip": inner, "report.docx": laughs_utf16_docx()})


# --- Word -----------------------------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _laughs(encoding: str) -> bytes:
    """A WordprocessingML body whose one text run is a billion laughs (10^9 'lol's)."""
    entities = "".join(
        f'<!ENTITY l{i + 1} "{f"&l{i};" * 10}">' for i in range(9)
    )  # l1 .. l9, each ten of the one before
    xml = (
        f'<?xml version="1.0" encoding="{encoding}"?>'
        f'<!DOCTYPE w:document [<!ENTITY l0 "lol">{entities}]>'
        f'<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    return xml.encode(encoding)


def _docx(document: bytes, *, main_part: str = "word/document.xml", extra=None) -> bytes:
    content_types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{main_part}" ContentType="{_MAIN_TYPE}"/></Types>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/officeDocument" Target="{main_part}"/></Relationships>'
    )
    parts = {"[Content_Types].xml": content_types.encode(), "_rels/.rels": rels.encode()}
    return _zip({**parts, main_part: document, **(extra or {})})


def laughs_utf16_docx() -> bytes:
    """The main part is UTF-16: a byte search for '<!DOCTYPE' does not find it."""
    return _docx(_laughs("UTF-16"))


def laughs_hidden_part_docx() -> bytes:
    """The main part is called word/content.dat; only [Content_Types].xml says it is XML."""
    return _docx(_laughs("UTF-8"), main_part="word/content.dat")


def many_parts_docx() -> bytes:
    """1,001 media parts besides a harmless body."""
    body = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}"><w:body><w:p><w:r>'
        f"<w:t>{_TEXT}</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    media = {f"word/media/image{i}.png": b"\x89PNG\r\n\x1a\n" for i in range(1001)}
    return _docx(body, extra=media)


# --- HTML and e-mail ------------------------------------------------------------------------------


def deep_nesting_html() -> bytes:
    """200,000 nested elements and no text."""
    return b"<html><body>" + b"<div>" * 200_000 + b"</div>" * 200_000 + b"</body></html>"


def unclosed_tags_html() -> bytes:
    """Half a million formatting elements that are never closed (the adoption agency's worst
    case in HTML5 parsers) around no text at all."""
    return b"<html><body>" + b"<b><i><a><font>" * 125_000 + b"</body></html>"


def many_attributes_html() -> bytes:
    """One element with 60,000 attributes, and no text: libxml2 compares each attribute with
    the ones before it, so this costs seconds of processor time (quadratic in the count)."""
    attributes = b" ".join(b'data-a%d="x"' % i for i in range(60_000))
    return b"<html><body><div " + attributes + b"></div></body></html>"


def entity_laughs_xhtml() -> bytes:
    """XHTML whose DOCTYPE defines a billion laughs and whose body uses it."""
    entities = "".join(f'<!ENTITY l{i + 1} "{f"&l{i};" * 10}">' for i in range(9))
    return (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY l0 "lol">'
        f'{entities}]><html xmlns="http://www.w3.org/1999/xhtml"><body><p>&l9;</p></body></html>'
    ).encode()


def nested_multipart_eml() -> bytes:
    """A message whose MIME parts nest 20,000 deep, with no text part anywhere."""
    depth = 20_000
    head = b"From: a@example.org\r\nSubject: nested\r\nMIME-Version: 1.0\r\n"
    parts = [b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (i, i)
             for i in range(depth)]  # fmt: skip
    tail = [b"\r\n--b%d--\r\n" % i for i in reversed(range(depth))]
    return head + b"".join(parts) + b"Content-Type: image/png\r\n\r\nx" + b"".join(tail)


BUILDERS: dict[str, Callable[[], bytes]] = {
    "metadata-bomb.pdf": metadata_bomb_pdf,
    "many-entries.zip": many_entries_zip,
    "high-ratio.zip": high_ratio_zip,
    "small-bombs.zip": small_bombs_zip,
    "lying-sizes.zip": lying_sizes_zip,
    "nested.zip": nested_zip,
    "laughs-utf16.docx": laughs_utf16_docx,
    "laughs-hidden-part.docx": laughs_hidden_part_docx,
    "many-parts.docx": many_parts_docx,
    "deep-nesting.html": deep_nesting_html,
    "unclosed-tags.html": unclosed_tags_html,
    "many-attributes.html": many_attributes_html,
    "entity-laughs.xhtml": entity_laughs_xhtml,
    "nested-multipart.eml": nested_multipart_eml,
}


def build(directory: Path) -> dict[str, Path]:
    """Write every hostile file into ``directory``; returns name -> path."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, builder in BUILDERS.items():
        paths[name] = directory / name
        paths[name].write_bytes(builder())
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")
    for name, path in build(target).items():
        print(f"{path.stat().st_size:>10,} bytes  {name}")
