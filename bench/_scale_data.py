"""Helpers of the scale benches (no figure of its own, hence no ``bench_`` prefix): copy a
built SQLite database into PostgreSQL, and clone an analysed event inside one database.

Building 2,000 articles means analysing each with the real engine (2 min on an idle machine,
20 at load 13); these let the PostgreSQL runs use exactly the SQLite runs' data and give the
workspace explorer 8,000 articles without analysing 6,000 more. A clone copies articles,
texts, analyses (ids and packed arrays), tags and word counts into a new event of the same
workspace; quotes and actors are not copied (no page timed on a clone reads them).
"""

from __future__ import annotations

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connections, transaction

CHUNK = 1000


def copy_database(*, source: str = "src", target: str = "default") -> None:
    """Every row of every table of ``source`` into ``target`` (emptied first), ids kept.

    PostgreSQL checks foreign keys at commit (Django makes them deferrable), so tables go in
    any order inside one transaction; sequences are moved past the copied ids afterwards.
    """
    call_command("flush", database=target, interactive=False, inhibit_post_migrate=True)
    models = [m for m in apps.get_models(include_auto_created=True) if m._meta.managed]
    with transaction.atomic(using=target):
        for model in models:
            fields = [f.attname for f in model._meta.concrete_fields]
            rows = model._base_manager.using(source).order_by().values_list(*fields)
            batch = []
            for row in rows.iterator(chunk_size=CHUNK):
                batch.append(model(**dict(zip(fields, row, strict=True))))
                if len(batch) >= CHUNK:
                    model._base_manager.using(target).bulk_create(batch)
                    batch = []
            if batch:
                model._base_manager.using(target).bulk_create(batch)
    connection = connections[target]
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)


def clone_event(event, *, title: str):
    """A copy of ``event`` (articles, current texts, analyses, tags, word counts) in its
    workspace, under ``title``."""
    from articles.models import Article, Event, TextRevision
    from framing.models import Analysis, Annotation
    from reports.models import RevisionWords

    copy = Event.objects.get(pk=event.pk)
    copy.pk, copy.title = None, title
    copy.save()
    with transaction.atomic():
        # Texts and originals are set once their copies exist.
        articles = _clone(
            Article,
            Article._base_manager.filter(event=event),
            event_id=lambda _: copy.pk,
            current_revision_id=lambda _: None,
            republication_of_id=lambda _: None,
        )
        revisions = _clone(
            TextRevision,
            TextRevision.objects.filter(pk__in=event.articles.values("current_revision")),
            article_id=articles.get,
        )
        links = Article._base_manager.filter(event=event).values_list(
            "pk", "current_revision_id", "republication_of_id"
        )
        old_of = {new: old for old, new in articles.items()}
        links = {pk: (rev, original) for pk, rev, original in links}
        moved = list(Article._base_manager.filter(pk__in=articles.values()))
        for a in moved:
            rev, original = links[old_of[a.pk]]
            a.current_revision_id = revisions.get(rev)
            a.republication_of_id = articles.get(original)
        Article._base_manager.bulk_update(moved, ["current_revision", "republication_of"], 500)
        analyses = _clone(
            Analysis, Analysis.objects.filter(revision__in=revisions), revision_id=revisions.get
        )
        _clone(
            Annotation,
            Annotation.objects.filter(revision__in=revisions),
            revision_id=revisions.get,
            analysis_id=analyses.get,
        )
        _clone(
            RevisionWords,
            RevisionWords.objects.filter(revision__in=revisions),
            revision_id=revisions.get,
            keep_pk=True,
        )
    return copy


def _clone(model, rows, *, keep_pk: bool = False, **remap) -> dict[int, int]:
    """Insert a copy of each row with ``remap``'s columns mapped; old pk -> new pk."""
    pk = model._meta.pk.attname
    fields = [f.attname for f in model._meta.concrete_fields if keep_pk or f.attname != pk]
    mapping: dict[int, int] = {}
    for chunk in _chunks(rows.order_by("pk").values_list(pk, *fields)):
        fresh = []
        for _old, *values in chunk:
            data = dict(zip(fields, values, strict=True))
            for name, fn in remap.items():
                data[name] = fn(data[name]) if data[name] is not None else None
            fresh.append(model(**data))
        made = model._base_manager.bulk_create(fresh)
        for (old, *_), obj in zip(chunk, made, strict=True):
            mapping[old] = getattr(obj, pk)
    return mapping


def _chunks(rows):
    batch = []
    for row in rows.iterator(chunk_size=CHUNK):
        batch.append(row)
        if len(batch) >= CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def page_urls(*, event_id: int, workspace_id: int, ids: list[int], charts) -> dict[str, str]:
    """The pages the scale benches time, by name: compare, charts and each chart's JSON,
    vocabulary, the event and article pages, the span explorers and the span CSV."""
    base = f"/events/{event_id}/compare/"
    return {
        "compare, 2 columns": f"{base}?a={ids[0]}&a={ids[1]}",
        "compare, 4 columns": f"{base}?" + "&".join(f"a={i}" for i in ids[:4]),
        "charts page": f"{base}charts/?a={ids[0]}&a={ids[1]}",
        **{f"chart {key}.json": f"{base}charts/{key}.json" for key in charts},
        "vocabulary page": f"{base}vocabulary/",
        "event page": f"/events/{event_id}/",
        "article page": f"/articles/{ids[0]}/",
        "event span explorer": f"{base}spans/",
        "event span CSV": f"{base}spans/?format=csv",
        "workspace span explorer": f"/w/{workspace_id}/spans/",
    }
