"""Replaying analysts' corrections on aligned rows (pure: no database)."""

from __future__ import annotations

from reports.alignment import apply_corrections
from reports.models import AlignmentCorrection

COLUMNS = {10: (0, 100), 20: (1, 200), 30: (2, 300)}  # article id -> (column, revision id)
ROWS = [{0: 0, 1: 0, 2: 1}, {0: 1, 1: 2}, {2: 0}]


def _c(kind, a, sa, b=None, sb=None, rev_a=None, rev_b=None):
    return AlignmentCorrection(
        kind=kind,
        article_a_id=a,
        revision_a=rev_a or COLUMNS[a][1],
        sentence_a=sa,
        article_b_id=b,
        revision_b=(rev_b or COLUMNS[b][1]) if b else None,
        sentence_b=sb,
    )


def test_unlink_takes_a_sentence_out_into_its_own_row():
    rows = apply_corrections(ROWS, [_c("unlink", 30, 1)], COLUMNS)
    assert {0: 0, 1: 0} in rows and {2: 1} in rows


def test_link_moves_a_sentence_into_another_row():
    rows = apply_corrections(ROWS, [_c("link", 10, 1, 30, 0)], COLUMNS)
    assert {0: 1, 1: 2, 2: 0} in rows
    assert {2: 0} not in rows


def test_link_displaces_the_sentence_already_there():
    rows = apply_corrections(ROWS, [_c("link", 10, 0, 30, 0)], COLUMNS)
    assert {0: 0, 1: 0, 2: 0} in rows and {2: 1} in rows


def test_correction_on_an_older_revision_is_ignored():
    rows = apply_corrections(ROWS, [_c("unlink", 30, 1, rev_a=299)], COLUMNS)
    assert rows == ROWS


def test_correction_for_an_article_not_on_screen_is_ignored():
    columns = {10: (0, 100), 20: (1, 200)}
    rows = apply_corrections(ROWS, [_c("link", 10, 1, 30, 0)], columns)
    assert rows == ROWS


def test_every_sentence_stays_in_exactly_one_row_after_corrections():
    corrections = [_c("link", 10, 1, 30, 0), _c("unlink", 20, 0), _c("link", 20, 2, 30, 1)]
    rows = apply_corrections(ROWS, corrections, COLUMNS)
    cells = sorted((col, s) for row in rows for col, s in row.items())
    assert cells == sorted((col, s) for row in ROWS for col, s in row.items())
