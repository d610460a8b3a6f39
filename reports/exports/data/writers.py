"""Tables to files: CSV, a ZIP of CSVs, XLSX. Each writes to a temporary file as it reads,
so an event of thousands of articles is never held whole in memory.

Formula safety: a text cell starting with ``=``, ``+``, ``-``, ``@``, tab or CR gets a
leading apostrophe (``reports.evidence.safe_cell``), in CSV and XLSX alike, so no
spreadsheet runs what an outlet (or anyone who pasted an article) wrote. Numbers we
computed (a tone of -0.6) stay numbers: they cannot hold a formula.
"""

from __future__ import annotations

import csv
import io
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from reports.evidence import safe_cell
from reports.exports.data.tables import Row, Table

XLSX_MAX_CHARS = 32_767  # Excel refuses longer cells
Progress = Callable[..., None]


def safe_value(value: Any) -> Any:
    """A cell as written: numbers and booleans as they are, text formula-safe."""
    if value is None or isinstance(value, bool | int | float):
        return value
    return safe_cell(value)


def csv_row(row: Row) -> list[Any]:
    return ["" if v is None else safe_value(v) for v in row]


def xlsx_row(row: Row) -> list[Any]:
    # One type test per cell: a workbook of 2,000 articles has millions of them.
    return [_xlsx_text(v) if type(v) is str else v for v in row]


def _xlsx_text(value: str) -> str:
    # XML 1.0 forbids most control characters; Excel refuses over-long cells.
    value = ILLEGAL_CHARACTERS_RE.sub("", safe_cell(value))
    if len(value) > XLSX_MAX_CHARS:
        value = value[: XLSX_MAX_CHARS - 1] + "…"
    return value


class _Steps:
    """Overall progress across tables: table k of n at fraction f is (k + f) / n."""

    def __init__(self, progress: Progress, tables: Sequence[Table], start: float, end: float):
        self.progress, self.n, self.start, self.end = progress, len(tables), start, end

    def tick(self, k: int, name: str) -> Callable[[float], None]:
        def tick(fraction: float) -> None:
            done = (k + min(max(fraction, 0.0), 1.0)) / self.n
            self.progress(self.start + (self.end - self.start) * done, f"Writing {name}")

        return tick


def write_csv(out: IO[bytes], table: Table, tick: Callable[[float], None]) -> None:
    """UTF-8 with a byte-order mark, so Excel reads accents right; RFC 4180 quoting."""
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="", write_through=False)
    writer = csv.writer(text)
    writer.writerow(table.columns)
    for row in table.rows(tick):
        writer.writerow(csv_row(row))
    text.flush()
    text.detach()  # leave ``out`` open for the caller


def csv_file(table: Table, progress: Progress) -> IO[bytes]:
    out = tempfile.TemporaryFile()  # noqa: SIM115 - handed to the job, which closes it
    write_csv(out, table, _Steps(progress, [table], 5, 99).tick(0, table.title))
    out.seek(0)
    return out


def zip_file(tables: Sequence[Table], progress: Progress) -> IO[bytes]:
    """One CSV per table in a ZIP (deflated as it is written)."""
    out = tempfile.TemporaryFile()  # noqa: SIM115 - handed to the job, which closes it
    steps = _Steps(progress, tables, 5, 99)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for k, table in enumerate(tables):
            with archive.open(f"{table.name}.csv", "w", force_zip64=True) as member:
                write_csv(member, table, steps.tick(k, table.title))
    out.seek(0)
    return out


def xlsx_file(tables: Sequence[Table], progress: Progress) -> IO[bytes]:
    """One sheet per table, header row frozen; openpyxl's write-only mode streams rows."""
    book = Workbook(write_only=True)
    steps = _Steps(progress, tables, 5, 95)
    for k, table in enumerate(tables):
        sheet = book.create_sheet(table.name)
        sheet.freeze_panes = "A2"
        width = table.xlsx_width or len(table.columns)
        sheet.append(table.columns[:width])
        for row in table.rows(steps.tick(k, table.title)):
            sheet.append(xlsx_row(row[:width]))
    progress(96, "Compressing the workbook")
    out = tempfile.TemporaryFile()  # noqa: SIM115 - handed to the job, which closes it
    book.save(out)
    out.seek(0)
    return out
