"""Builders for test (and bench) input files. All article text here is fictional."""

from __future__ import annotations

import io
import zipfile

STORY = (
    "The coastal ministry of Veloria said on Tuesday that its patrol boats had escorted two "
    "fishing trawlers away from the disputed Marren shoals. A spokesperson called the "
    "neighbouring fleet's manoeuvres a reckless provocation and promised an ironclad response. "
    "Officials in the harbour town of Ostrel said talks would resume next week."
)
STORY_2 = (
    "Fishermen in Ostrel described a tense night at sea as grey patrol boats circled the "
    "trawlers for hours. The regional council asked both capitals to return to the table "
    "and said the dispute was hurting families who depend on the autumn catch."
)


def _pdf_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(
    pages: list[list[str]], *, title: str | None = None, image_only: bool = False
) -> bytes:
    """A minimal valid PDF: one Helvetica text line per list item, one list per page.

    ``image_only`` draws a 1x1 grey image instead of text, like a scanned page.
    """
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled once the pages object number is known
    pages_obj = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    image = add(
        b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream"
    )
    kids = []
    for lines in pages:
        if image_only:
            content = b"q 400 0 0 600 100 100 cm /Im1 Do Q"
        else:
            shown = " T* ".join(f"({_pdf_string(line)}) Tj" for line in lines)
            content = f"BT /F1 11 Tf 14 TL 60 780 Td {shown} ET".encode("cp1252")
        stream = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R >> /XObject << /Im1 %d 0 R >> >> >>"
                % (pages_obj, stream, font, image)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    kid_refs = b" ".join(b"%d 0 R" % k for k in kids)
    objects[pages_obj - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kid_refs, len(kids))
    info = add(f"<< /Title ({_pdf_string(title)}) >>".encode("cp1252")) if title else None
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    trailer = b"<< /Size %d /Root %d 0 R" % (len(objects) + 1, catalog)
    if info:
        trailer += b" /Info %d 0 R" % info
    out.write(b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def make_docx(
    paragraphs: list[tuple[str, str | None]], *, title: str = "", author: str = ""
) -> bytes:
    """A .docx from (text, style) pairs; style None = Normal."""
    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = author
    for text, style in paragraphs:
        document.add_paragraph(text, style=style)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_zip(entries: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=compression) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return out.getvalue()


def rewrite_zip_entry(data: bytes, name: str, new: bytes) -> bytes:
    """Copy a zip, replacing one entry's bytes (to plant hostile XML inside a .docx)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, new if info.filename == name else src.read(info))
    return out.getvalue()


def damaged_zip(damage, *, method=zipfile.ZIP_DEFLATED, entries=None) -> bytes:
    """A zip of ``entries`` (default one text entry a.txt) with ``damage(data)`` applied."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=method) as zf:
        for entry, body in (entries or {"a.txt": f"Title\n\n{STORY}".encode()}).items():
            zf.writestr(entry, body)
    data = bytearray(out.getvalue())
    damage(data)
    return bytes(data)


def encrypt_flag(data: bytearray) -> None:
    data[6] |= 1  # general purpose flag of the first local header ...
    data[data.find(b"PK\x01\x02") + 8] |= 1  # ... and of its central directory record


def flip_stored_byte(data: bytearray) -> None:
    data[data.find(STORY[:20].encode())] ^= 0x20  # the CRC no longer matches


def unknown_method(data: bytearray) -> None:
    data[8] = 99
    data[data.find(b"PK\x01\x02") + 10] = 99


def garble_deflate(data: bytearray) -> None:
    start = 30 + len("a.txt")
    data[start : start + 6] = b"\xff" * 6


def wire_copies(n: int, *, words: int = 80, edits: int = 2, seed: int = 5) -> list[str]:
    """``n`` republications of one generated wire story, as outlets lightly edit agency copy:
    each copy has its own opening line and ``edits`` words changed at random places."""
    import random

    rng = random.Random(seed)
    vocab = (STORY + " " + STORY_2).lower().replace(".", "").split()
    vocab += [f"term{i}" for i in range(300)]
    story = [rng.choice(vocab) for _ in range(words)]
    copies = []
    for i in range(n):
        copy = list(story)
        for position in rng.sample(range(words), edits):
            copy[position] = rng.choice(vocab)
        copies.append(f"Outlet {i} reports. " + " ".join(copy))
    return copies
