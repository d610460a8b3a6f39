from __future__ import annotations

import factory

from accounts.models import Membership, User, Workspace
from articles.models import Article, Event, Outlet
from articles.services import article_create


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "pw-for-tests-only")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class WorkspaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workspace

    name = factory.Sequence(lambda n: f"Workspace {n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    workspace = factory.SubFactory(WorkspaceFactory)
    user = factory.SubFactory(UserFactory)
    role = "analyst"


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    workspace = factory.SubFactory(WorkspaceFactory)
    title = factory.Sequence(lambda n: f"Event {n}")


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outlet

    workspace = factory.SubFactory(WorkspaceFactory)
    name = factory.Sequence(lambda n: f"Outlet {n}")


def make_article(*, event: Event, outlet: Outlet | None = None, text: str = "", **kw) -> Article:
    """An article through the real service, so it has its first revision."""
    outlet = outlet or OutletFactory(workspace=event.workspace)
    return article_create(
        event=event,
        outlet=outlet,
        title=kw.pop("title", "A report"),
        text=text or "The frigate sailed north on Tuesday, the ministry said.",
        **kw,
    )
