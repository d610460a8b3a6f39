"""Writes for events, outlets, articles and their text revisions."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.audit import audit_record
from accounts.models import AuditAction, AuditObject, User, Workspace
from articles.ingestion.normalize import normalize_text
from articles.models import Article, Event, Outlet, SourceFile, TextRevision
from articles.names import same_source_name
from articles.reanchor import reanchor


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def event_create(
    *,
    workspace: Workspace,
    title: str,
    description: str = "",
    start_date: dt.date | None = None,
    end_date: dt.date | None = None,
    tags: list[str] | None = None,
    created_by: User | None = None,
) -> Event:
    event = Event(
        workspace=workspace,
        title=title.strip(),
        description=description,
        start_date=start_date,
        end_date=end_date,
        tags=_clean_tags(tags or []),
        created_by=created_by,
    )
    event.full_clean()
    event.save()
    return event


EVENT_EDITABLE = ("title", "description", "start_date", "end_date", "tags")


@transaction.atomic
def event_update(*, event: Event, version: int | None = None, **fields: object) -> Event:
    """Change an event's details; ``version`` is the one the edit form showed, and a save
    over a newer version raises ``StaleEditError`` instead of undoing that edit."""
    current = _current_version(event, version, EVENT_EDITABLE)
    for name, value in fields.items():
        if name not in EVENT_EDITABLE:
            raise TypeError(f"event_update() cannot change {name!r}")
        setattr(event, name, _clean_tags(value) if name == "tags" else value)  # type: ignore[arg-type]
    event.version = current.version + 1
    event.full_clean()
    event.save()
    return event


def event_set_operating_point(*, event: Event, point: str) -> Event:
    """Which stored model suggestions the event's pages show. A viewing choice, not an edit
    of the event's details, so it neither needs nor bumps the edit version."""
    event.operating_point = point
    event.full_clean(validate_constraints=False)
    Event.objects.filter(pk=event.pk).update(operating_point=point)
    return event


def _clean_tags(tags: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for tag in tags:
        tag = " ".join(str(tag).split())
        if tag:
            seen.setdefault(tag, None)
    return list(seen)


def outlet_get_or_create(*, workspace: Workspace, name: str, **defaults: object) -> Outlet:
    """The workspace's outlet of that name (case-insensitive), created on the fly if new."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"outlet": "An article needs an outlet name."})
    outlet = Outlet.objects.filter(workspace=workspace, name__iexact=name).first()
    if outlet is not None:
        return outlet
    outlet = Outlet(workspace=workspace, name=name, **defaults)
    outlet.full_clean()
    outlet.save()
    return outlet


@transaction.atomic
def article_confirm_origin(*, article: Article, name: str) -> Article:
    """Record the agency an article relays (as the engine read it: "relays KCNA via TASS")
    as its origin, creating the workspace's outlet of that name if needed."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"origin": "Name the outlet or agency the article relays."})
    if len(name) > Outlet._meta.get_field("name").max_length:
        raise ValidationError({"origin": "That name is too long for an outlet."})
    # "VCNA" confirms into the workspace's "Velmar Central News Agency" if there is one
    known = [
        o
        for o in Outlet.objects.filter(workspace=article.event.workspace).only("pk", "name")
        if same_source_name(o.name, name)
    ]
    exact = [o for o in known if o.name.lower() == name.lower()]
    origin = (exact or known or [None])[0] or outlet_get_or_create(
        workspace=article.event.workspace, name=name
    )
    if origin.pk == article.outlet_id:
        raise ValidationError({"origin": "An article cannot relay its own outlet."})
    article.origin = origin
    article.full_clean(exclude=["current_revision"])
    article.save(update_fields=["origin"])
    return article


# What analysts may change about an outlet (the form shows exactly these).
OUTLET_EDITABLE = (
    "name",
    "domain",
    "homepage",
    "country",
    "language",
    "type",
    "type_source",
    "type_date",
    "notes",
)


@transaction.atomic
def outlet_update(*, outlet: Outlet, version: int | None = None, **fields: object) -> Outlet:
    """Change an outlet's details; a save over a newer ``version`` raises StaleEditError."""
    current = _current_version(outlet, version, OUTLET_EDITABLE)
    for name, value in fields.items():
        if name not in OUTLET_EDITABLE:
            raise TypeError(f"outlet_update() cannot change {name!r}")
        setattr(outlet, name, value)
    outlet.version = current.version + 1
    outlet.full_clean()
    outlet.save()
    return outlet


@dataclass(frozen=True, slots=True)
class Published:
    """A publication time as sources give it: sometimes only a date."""

    date: dt.date | None = None
    at: dt.datetime | None = None

    @classmethod
    def from_value(cls, value: dt.date | dt.datetime | None) -> Published:
        if value is None:
            return cls()
        if isinstance(value, dt.datetime):
            if timezone.is_naive(value):
                raise ValidationError({"published": "A publication time needs a time zone."})
            # The calendar day as the source gave it: 01:00+09:00 is that day in Seoul.
            return cls(date=value.date(), at=value)
        return cls(date=value)


@transaction.atomic
def article_create(
    *,
    event: Event,
    outlet: Outlet,
    title: str,
    text: str,
    origin: Outlet | None = None,
    byline: str = "",
    published: dt.date | dt.datetime | None = None,
    url: str = "",
    language: str = "",
    added_by: User | None = None,
    source_format: str = "",
    source_file: SourceFile | None = None,
    source_location: str = "",
    republication_of: Article | None = None,
) -> Article:
    """Create an article and its first text revision (normalised once, here)."""
    if outlet.workspace_id != event.workspace_id or (
        origin is not None and origin.workspace_id != event.workspace_id
    ):
        raise ValidationError("Outlets and event must belong to the same workspace.")
    text = normalize_text(text)
    if not text:
        raise ValidationError({"text": "The article has no text."})
    when = Published.from_value(published)
    article = Article(
        event=event,
        outlet=outlet,
        origin=origin,
        title=" ".join(title.split())[:500] or "(untitled)",
        byline=byline.strip()[:300],
        published_date=when.date,
        published_at=when.at,
        url=url,
        language=language,
        added_by=added_by,
        source_format=source_format,
        source_file=source_file,
        source_location=source_location,
        content_hash=text_sha256(text),
        republication_of=republication_of,
    )
    article.full_clean(exclude=["current_revision"])
    article.save()
    revision = _revision_create(article=article, text=text, parent=None, user=added_by, note="")
    article.current_revision = revision
    article.save(update_fields=["current_revision"])
    _analyse_after_commit(revision)
    _audit_article(article, added_by, AuditAction.CREATED, f"{outlet.name} ({source_format})")
    return article


def _audit_article(article: Article, user: User | None, action: str, detail: str) -> None:
    workspace_id = article.event.workspace_id
    audit_record(
        workspace=workspace_id,
        actor=user,
        action=action,
        object_type=AuditObject.ARTICLE,
        object_id=article.pk,
        label=article.title,
        detail=detail,
    )


def _analyse_after_commit(revision: TextRevision) -> None:
    """Queue the engine for a new revision once it is committed (the worker reads it)."""
    from framing.tasks import analyse_revision

    transaction.on_commit(lambda: analyse_revision.enqueue(revision.pk))


def _revision_create(
    *, article: Article, text: str, parent: TextRevision | None, user: User | None, note: str
) -> TextRevision:
    number = (parent.number + 1) if parent else 1
    revision = TextRevision(
        article=article,
        number=number,
        text=text,
        sha256=text_sha256(text),
        parent=parent,
        created_by=user,
        note=note,
    )
    revision.full_clean()
    revision.save()
    return revision


class StaleEditError(Exception):
    """An edit made on a page that showed an older state than the database now holds: saving
    it would silently undo someone else's change, so it is refused with what is there now."""

    def __init__(self, message: str, *, current: dict[str, object]) -> None:
        super().__init__(message)
        self.message = message
        self.current = current


def _current_version(obj: Event | Outlet, version: int | None, fields: Iterable[str]):
    """The row as it is now, locked until the transaction ends; ``StaleEditError`` when the
    form that sent ``version`` showed an older one."""
    current = type(obj).objects.select_for_update().get(pk=obj.pk)
    if version is not None and current.version != version:
        what = type(obj)._meta.verbose_name
        raise StaleEditError(
            f"Someone else changed this {what} while you were editing it; your changes were not "
            "saved. The current details are shown below: compare, then save again to replace "
            "them.",
            current={"version": current.version} | {f: getattr(current, f) for f in fields},
        )
    return current


def _stale_text(current: TextRevision | None) -> StaleEditError:
    number = current.number if current else 0
    who = _who_when(current.created_by, current.created_at) if current else ""
    return StaleEditError(
        f"Someone else saved revision {number}{who} while you were editing; your text was not "
        "saved. The current text is shown below: compare, then save again to replace it.",
        current={
            "revision": current.pk if current else None,
            "number": number,
            "text": current.text if current else "",
        },
    )


def _who_when(user: User | None, when: dt.datetime | None) -> str:
    who = f" by {user}" if user else ""
    at = f" at {timezone.localtime(when):%Y-%m-%d %H:%M}" if when else ""
    return who + at


@dataclass(frozen=True, slots=True)
class RevisionResult:
    revision: TextRevision
    reanchored: int  # annotations carried over, each flagged for review
    dropped: int  # annotations whose text the edit removed; they stay on the old revision


def article_revise(
    *,
    article: Article,
    text: str,
    user: User | None,
    note: str = "",
    base_revision: int | None = None,
) -> RevisionResult:
    """Store edited text as a new revision and carry annotations over by diff.

    Old annotations stay on the old revision untouched; copies land on the new one
    flagged `needs_review`, so nothing is ever shifted silently. ``base_revision`` is the
    revision the editor showed: if another has become current since, ``StaleEditError``.
    Normalising and diffing run before the transaction; inside it, an edit saved by someone
    else meanwhile is refused the same way.
    """
    from framing.services import annotations_reanchor, annotations_reanchor_plan

    old = Article.objects.select_related("current_revision").get(pk=article.pk).current_revision
    if base_revision is not None and (old.pk if old else None) != base_revision:
        raise _stale_text(old)
    text = normalize_text(text)
    if not text:
        raise ValidationError({"text": "The article has no text."})
    if old is not None and text == old.text:
        raise ValidationError({"text": "The text is unchanged."})
    plan = annotations_reanchor_plan(old=old, new_text=text, mapper=reanchor) if old else None
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        if article.current_revision_id != (old.pk if old else None):
            raise _stale_text(article.current_revision)
        latest = article.revisions.order_by("-number").first()
        revision = _revision_create(article=article, text=text, parent=latest, user=user, note=note)
        article.current_revision = revision
        article.content_hash = revision.sha256
        article.save(update_fields=["current_revision", "content_hash"])
        _analyse_after_commit(revision)
        what = f"text edited (revision {revision.number})"
        _audit_article(article, user, AuditAction.CHANGED, what)
        if old is None:
            return RevisionResult(revision=revision, reanchored=0, dropped=0)
        carried, dropped = annotations_reanchor(old=old, new=revision, mapper=reanchor, plan=plan)
    return RevisionResult(revision=revision, reanchored=carried, dropped=dropped)


def article_create_from_form(
    *,
    event: Event,
    user: User,
    outlet: str,
    title: str,
    text: str,
    origin: str = "",
    byline: str = "",
    published: dt.date | None = None,
    url: str = "",
    language: str = "",
) -> Article:
    """A pasted article: outlets are named, and created on the fly when new."""
    with transaction.atomic():
        outlet_obj = outlet_get_or_create(workspace=event.workspace, name=outlet)
        origin_obj = (
            outlet_get_or_create(workspace=event.workspace, name=origin) if origin else None
        )
        return article_create(
            event=event,
            outlet=outlet_obj,
            origin=origin_obj,
            title=title,
            text=text,
            byline=byline,
            published=published,
            url=url,
            language=language,
            added_by=user,
            source_format="paste",
        )
