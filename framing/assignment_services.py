"""Assignments: who codes which article of an event, and who says they are done.

Only members whose role may annotate can be given articles; the views check who may
assign (the edit right) through ``accounts.access``. Writes are a few bulk statements in
one short transaction, whatever the number of articles.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.models import Capability, Membership, User
from articles.models import Article, Event
from framing.models import Assignment


def _check_annotators(*, event: Event, annotators: Sequence[User]) -> None:
    """Raise ValidationError naming every chosen user who may not annotate in the event's
    workspace (not a member, or a role without the annotate right)."""
    roles = dict(
        Membership.objects.filter(workspace_id=event.workspace_id, user__in=annotators).values_list(
            "user_id", "role"
        )
    )
    refused = [
        u.username
        for u in annotators
        if u.pk not in roles or not Membership(role=roles[u.pk]).can(Capability.ANNOTATE)
    ]
    if refused:
        raise ValidationError(
            {"annotators": f"{', '.join(refused)} may not annotate in this workspace."}
        )


def _event_articles(*, event: Event, article_ids: Iterable[int]) -> list[int]:
    wanted = set(article_ids)
    found = set(Article.objects.filter(event=event, pk__in=wanted).values_list("pk", flat=True))
    if missing := wanted - found:
        raise ValidationError(
            {"articles": f"Not articles of this event: {', '.join(map(str, sorted(missing)))}."}
        )
    return sorted(found)


def _create(*, pairs: Iterable[tuple[int, int]], by: User) -> int:
    """Bulk-create (article id, annotator id) assignments, skipping those that exist."""
    pairs = set(pairs)
    if not pairs:
        return 0
    article_ids = {a for a, _ in pairs}
    existing = set(
        Assignment.objects.filter(article_id__in=article_ids).values_list(
            "article_id", "annotator_id"
        )
    )
    now = timezone.now()
    rows = [
        Assignment(article_id=a, annotator_id=u, assigned_by=by, assigned_at=now)
        for a, u in sorted(pairs - existing)
    ]
    for row in rows:
        # The articles and annotators were checked above in one query each, and uniqueness
        # is the database's (ignore_conflicts): full_clean's per-row queries would not scale.
        row.full_clean(
            exclude=["article", "annotator", "assigned_by"],
            validate_unique=False,
            validate_constraints=False,
        )
    with transaction.atomic():
        Assignment.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def assignments_create(
    *, event: Event, article_ids: Iterable[int], annotators: Sequence[User], by: User
) -> int:
    """Give each of the articles to each of the annotators; returns how many were new."""
    _check_annotators(event=event, annotators=annotators)
    articles = _event_articles(event=event, article_ids=article_ids)
    if not articles:
        raise ValidationError({"articles": "Select at least one article."})
    return _create(pairs=((a, u.pk) for a in articles for u in annotators), by=by)


def split_plan(
    article_ids: Sequence[int], annotator_ids: Sequence[int], per_article: int
) -> Iterator[tuple[int, int]]:
    """Deal ``per_article`` distinct annotators to each article: always the least loaded
    ones (so loads differ by at most one), and among equally loaded ones those least often
    paired with the ones already chosen, so the overlapping pairs vary and every pair of
    annotators comes to share articles (pairwise κ needs that)."""
    load = dict.fromkeys(annotator_ids, 0)
    paired: Counter[frozenset[int]] = Counter()
    order = {u: i for i, u in enumerate(annotator_ids)}
    for article in article_ids:
        chosen: list[int] = []
        for _ in range(per_article):
            best = min(
                (u for u in annotator_ids if u not in chosen),
                key=lambda u: (load[u], sum(paired[frozenset((u, c))] for c in chosen), order[u]),
            )
            paired.update(frozenset((best, c)) for c in chosen)
            chosen.append(best)
            load[best] += 1
            yield article, best


def assignments_split(
    *, event: Event, annotators: Sequence[User], per_article: int, by: User
) -> int:
    """Split the event's articles nobody is assigned to yet among ``annotators``: evenly
    with ``per_article`` 1, or each to that many annotators (overlap, for agreement)."""
    _check_annotators(event=event, annotators=annotators)
    if not annotators:
        raise ValidationError({"annotators": "Choose at least one annotator."})
    if not 1 <= per_article <= len(annotators):
        raise ValidationError(
            {
                "per_article": f"Choose between 1 and {len(annotators)} annotators per article "
                f"(you chose {per_article}): each article needs that many different annotators."
            }
        )
    free = list(
        Article.objects.filter(event=event, assignments__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    ids = sorted(u.pk for u in annotators)
    return _create(pairs=split_plan(free, ids, per_article), by=by)


def assignments_delete(*, event: Event, assignment_ids: Iterable[int]) -> int:
    """Unassign: the annotator's tags stay (they are their layer); only the task goes."""
    with transaction.atomic():
        deleted, _ = Assignment.objects.filter(
            article__event=event, pk__in=list(assignment_ids)
        ).delete()
    return deleted


def assignments_reassign(
    *,
    event: Event,
    from_user: User,
    to_user: User,
    by: User,
    article_ids: Iterable[int] | None = None,
) -> int:
    """Move ``from_user``'s unfinished articles of the event (or just ``article_ids``) to
    ``to_user``; articles ``to_user`` already has stay with ``from_user``. Returns how many
    moved. Finished ones stay: they are ``from_user``'s coded layer."""
    if from_user.pk == to_user.pk:
        raise ValidationError({"to_user": "Choose another annotator to move the articles to."})
    _check_annotators(event=event, annotators=[to_user])
    rows = Assignment.objects.filter(
        article__event=event, annotator=from_user, done_at__isnull=True
    ).exclude(article__assignments__annotator=to_user)
    if article_ids is not None:
        rows = rows.filter(article_id__in=list(article_ids))
    with transaction.atomic():
        return rows.update(annotator=to_user, assigned_by=by, assigned_at=timezone.now())


def assignment_set_done(*, assignment: Assignment, user: User, done: bool) -> Assignment:
    """Mark one's own assignment done (or open again); nobody else may."""
    if assignment.annotator_id != user.pk:
        raise PermissionDenied("Only the annotator it is assigned to may mark it done.")
    assignment.done_at = timezone.now() if done else None
    assignment.full_clean(validate_unique=False, validate_constraints=False)
    assignment.save(update_fields=["done_at"])
    return assignment
