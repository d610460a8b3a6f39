"""Insert many new rows at once, through COPY on PostgreSQL (a worker's batch of span rows)."""

from __future__ import annotations

from django.db import models, transaction

# Fields whose Python value psycopg adapts as it is: no per-value preparation by the field.
_PLAIN_FIELDS = (
    models.IntegerField,
    models.CharField,
    models.TextField,
    models.FloatField,
    models.BooleanField,
    models.ForeignKey,
    models.DateTimeField,
)


def _auto_dated(field: models.Field) -> bool:
    return bool(getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False))


def insert_rows(model: type[models.Model], rows: list[models.Model]) -> None:
    """Insert new rows whose ids nobody reads back (the span rows of a batch).

    On PostgreSQL through COPY: bulk_create's SQL for ~6,000 rows (one UNNEST array per
    column, every value quoted in Python by the client-side cursor, each prepared by its
    field) cost a worker more CPU than the rest of storing. Values psycopg adapts as they
    are go as they are; the others (JSON, auto-dated) are prepared by their field, as
    bulk_create does.
    Elsewhere (SQLite, one writer) bulk_create."""
    db = transaction.get_connection()
    if db.vendor != "postgresql":
        model.objects.bulk_create(rows, batch_size=2000)
        return
    if not rows:
        return
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    plain = [(f.attname, isinstance(f, _PLAIN_FIELDS) and not _auto_dated(f)) for f in fields]
    columns = ", ".join(db.ops.quote_name(f.column) for f in fields)
    table = db.ops.quote_name(model._meta.db_table)
    copy_sql = f"COPY {table} ({columns}) FROM STDIN"
    # psycopg's copy() is not wrapped by Django: errors become Django's (IntegrityError…) here.
    with db.wrap_database_errors, db.cursor() as cursor, cursor.copy(copy_sql) as copy:
        for row in rows:
            copy.write_row(
                [
                    getattr(row, name)
                    if is_plain
                    else f.get_db_prep_save(f.pre_save(row, True), db)
                    for f, (name, is_plain) in zip(fields, plain, strict=True)
                ]
            )
