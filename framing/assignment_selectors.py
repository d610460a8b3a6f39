"""Reads for assignments: my assignments, an event's assignment table and its progress.

Progress is computed from a fixed handful of grouped queries (assignments, own tags,
span decisions, frame decisions, users), however many articles and annotators there are.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.core.paginator import Page, Paginator
from django.db.models import Count, Max, QuerySet

from accounts.access import workspaces_for
from accounts.models import ROLE_CAPABILITIES, Capability, User
from articles.models import Article, Event
from articles.selectors import ARTICLES_PER_PAGE
from framing.models import Annotation, AnnotationStatus, ArticleFrame, Assignment, SpanDecision

# Articles in the order the event page lists them, so "next" means the next one down.
ARTICLE_ORDER = ("article__published_date", "article__published_at", "article_id")


def annotating_roles() -> list[str]:
    return [role for role, caps in ROLE_CAPABILITIES.items() if Capability.ANNOTATE in caps]


def eligible_annotators(*, workspace_id: int) -> QuerySet[User]:
    """Members of the workspace whose role may annotate: who may be given articles."""
    return User.objects.filter(
        memberships__workspace_id=workspace_id, memberships__role__in=annotating_roles()
    ).order_by("username")


def event_assignees(*, event: Event) -> QuerySet[User]:
    """Whoever holds articles of the event, even if their role no longer lets them annotate."""
    return User.objects.filter(assignments__article__event=event).distinct().order_by("username")


def my_assignments(*, user: User) -> QuerySet[Assignment]:
    """The user's assignments in workspaces where they may still annotate, open first."""
    # (A member whose role became viewer keeps the rows, for the record, but not the work.)
    annotating = workspaces_for(user=user).filter(
        memberships__user=user, memberships__role__in=annotating_roles()
    )
    return (
        Assignment.objects.filter(
            annotator=user,
            article__event__workspace__in=annotating,
            article__staged=False,
        )
        .select_related("article__event", "article__outlet")
        .order_by("article__event__title", "article__event_id", "done_at", *ARTICLE_ORDER)
    )


@dataclass(slots=True)
class EventAssignments:
    event: Event
    open: list[Assignment] = field(default_factory=list)
    done: list[Assignment] = field(default_factory=list)

    @property
    def next(self) -> Assignment | None:
        return self.open[0] if self.open else None


def my_assignments_by_event(*, user: User) -> list[EventAssignments]:
    groups: dict[int, EventAssignments] = {}
    for a in my_assignments(user=user):
        group = groups.setdefault(a.article.event_id, EventAssignments(event=a.article.event))
        (group.done if a.is_done else group.open).append(a)
    return list(groups.values())


def assignment_for(*, user: User, article: Article) -> Assignment | None:
    return Assignment.objects.filter(annotator=user, article=article).first()


def next_assignment(*, user: User, event_id: int, after: int | None = None) -> Assignment | None:
    """The user's first unfinished article of the event (other than article ``after``)."""
    rows = Assignment.objects.filter(
        annotator=user, article__event_id=event_id, article__staged=False, done_at__isnull=True
    )
    if after is not None:
        rows = rows.exclude(article_id=after)
    return rows.select_related("article").order_by(*ARTICLE_ORDER).first()


@dataclass(slots=True)
class ArticleRow:
    article: Article
    assignments: list[Assignment] = field(default_factory=list)


def event_assignment_page(*, event: Event, number: str | int | None = None) -> Page:
    """One page of the event's articles (as the event page pages them), each an
    ``ArticleRow`` with who is assigned to it (three queries, whatever the page)."""
    articles = event.articles.select_related("outlet").only(
        "id", "title", "published_date", "published_at", "outlet__name"
    )
    page = Paginator(articles, ARTICLES_PER_PAGE).get_page(number)
    rows = {a.pk: ArticleRow(article=a) for a in page.object_list}
    assignments = Assignment.objects.filter(article_id__in=list(rows)).select_related("annotator")
    for a in assignments.order_by("annotator__username"):
        rows[a.article_id].assignments.append(a)
    page.object_list = list(rows.values())
    return page


@dataclass(slots=True)
class AnnotatorProgress:
    user: User
    assigned: int = 0
    started: int = 0
    done: int = 0
    decided: int = 0  # model suggestions this annotator accepted or rejected last
    added: int = 0  # own tags (their layer), curated gold tags not counted
    last_activity: datetime | None = None

    def seen(self, when: datetime | None) -> None:
        if when is not None and (self.last_activity is None or when > self.last_activity):
            self.last_activity = when


@dataclass(slots=True)
class EventProgress:
    rows: list[AnnotatorProgress]
    articles: int
    assigned_articles: int  # with at least one annotator
    done_articles: int  # finished by at least one annotator
    agreement_ready: int  # finished by two or more: their layers can be compared


def _activity(event: Event) -> tuple[dict, dict, dict]:
    """Per (user id, article id): (tags added, spans decided, latest time), three queries."""
    current = event.articles.values("current_revision")
    added = (
        Annotation.objects.filter(
            revision_id__in=current,
            author_user__isnull=False,
            status=AnnotationStatus.ACCEPTED,
            curated=False,
        )
        .values_list("author_user_id", "revision__article_id")
        .annotate(n=Count("pk"), last=Max("updated_at"))
    )
    decided = (
        SpanDecision.objects.filter(revision_id__in=current, decided_by__isnull=False)
        .values_list("decided_by_id", "revision__article_id")
        .annotate(n=Count("pk"), last=Max("decided_at"))
    )
    frames = (
        ArticleFrame.objects.filter(revision_id__in=current, decided_by__isnull=False)
        .values_list("decided_by_id", "revision__article_id")
        .annotate(n=Count("pk"), last=Max("decided_at"))
    )
    as_map = lambda rows: {(u, a): (n, last) for u, a, n, last in rows}  # noqa: E731
    return as_map(added), as_map(decided), as_map(frames)


def event_progress(*, event: Event) -> EventProgress:
    """Per annotator: articles assigned, started (any own tag or decision on it), done,
    spans decided and added in the event, last activity; and the event's overall state."""
    assignments = list(
        Assignment.objects.filter(article__event=event, article__staged=False).values_list(
            "article_id", "annotator_id", "done_at"
        )
    )
    added, decided, frames = _activity(event)
    user_ids = {u for _, u, _ in assignments} | {u for u, _ in [*added, *decided, *frames]}
    users = {u.pk: u for u in User.objects.filter(pk__in=user_ids).only("id", "username")}
    rows = {pk: AnnotatorProgress(user=u) for pk, u in users.items()}
    done_by: dict[int, int] = defaultdict(int)
    for article_id, user_id, done_at in assignments:
        row = rows[user_id]
        row.assigned += 1
        key = (user_id, article_id)
        if done_at is not None or key in added or key in decided or key in frames:
            row.started += 1
        if done_at is not None:
            row.done += 1
            done_by[article_id] += 1
            row.seen(done_at)
    for source, attr in ((added, "added"), (decided, "decided"), (frames, None)):
        for (user_id, _), (n, last) in source.items():
            if attr:
                setattr(rows[user_id], attr, getattr(rows[user_id], attr) + n)
            rows[user_id].seen(last)
    return EventProgress(
        rows=sorted(rows.values(), key=lambda r: r.user.username.lower()),
        articles=event.articles.count(),
        assigned_articles=len({a for a, _, _ in assignments}),
        done_articles=len(done_by),
        agreement_ready=sum(1 for n in done_by.values() if n >= 2),
    )
