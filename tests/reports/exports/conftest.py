from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest
from openpyxl import load_workbook

from reports.exports import jobs


@pytest.fixture
def export(owner):
    """export(event, kind, **params) -> the finished job's file bytes (the job must succeed)."""

    def run(event, kind, **params):
        job = jobs.export_start(
            user=owner, event=event, kind=kind, params=params, base_url="http://testserver"
        )
        assert job.status == "succeeded", job.error
        with job.file.open("rb") as fh:
            return fh.read()

    return run


def read_csv(body: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"), newline="")))


def read_zip(body: bytes) -> dict[str, list[dict[str, str]]]:
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        return {n.removesuffix(".csv"): read_csv(archive.read(n)) for n in archive.namelist()}


def read_xlsx(body: bytes) -> dict[str, list[dict]]:
    book = load_workbook(io.BytesIO(body), read_only=True)
    out = {}
    for sheet in book.worksheets:
        rows = list(sheet.iter_rows(values_only=True))
        # read-only mode drops a row's trailing empty cells
        width = len(rows[0])
        out[sheet.title] = [
            dict(zip(rows[0], (*r, *[None] * (width - len(r))), strict=True)) for r in rows[1:]
        ]
    return out


def read_json(body: bytes) -> dict:
    return json.loads(body)
