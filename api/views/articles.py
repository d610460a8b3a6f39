"""Outlets, articles and their text revisions."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.models import Capability
from api.scoping import (
    _get_article_for_user,
    _get_event_for_user,
    _get_outlet_for_user,
    _get_revision_for_user,
    visible_workspace_ids,
)
from api.serializers import (
    ArticleCreateSerializer,
    ArticleSerializer,
    OutletSerializer,
    RevisionListSerializer,
    RevisionSerializer,
)
from api.views.base import ScopedList, takes, valid_data
from articles import services
from articles.models import Article, Outlet
from reports.evidence import filter_articles


class OutletList(ScopedList):
    serializer_class = OutletSerializer
    filters = ("workspace", "outlet_type")

    def get_queryset(self):
        outlets = Outlet.objects.filter(workspace_id__in=visible_workspace_ids(self.request))
        if "workspace" in self.params:
            outlets = outlets.filter(workspace_id=self.params["workspace"])
        if "outlet_type" in self.params:
            outlets = outlets.filter(type=self.params["outlet_type"])
        return outlets


@extend_schema(responses=OutletSerializer)
@api_view(["GET"])
@takes()
def outlet_detail(request: Request, pk: int, params: dict) -> Response:
    return Response(OutletSerializer(_get_outlet_for_user(request, pk)).data)


class ArticleList(ScopedList):
    """Published articles; filter by event, outlet, outlet type and publication dates."""

    serializer_class = ArticleSerializer
    filters = ("workspace", "event", "outlet", "outlet_type", "since", "until")

    def get_queryset(self):
        visible = Article.objects.filter(
            event__workspace_id__in=visible_workspace_ids(self.request)
        )
        if "workspace" in self.params:
            visible = visible.filter(event__workspace_id=self.params["workspace"])
        # the explorers' own filter (outlet, event, outlet type, since, until)
        strings = {k: str(v) for k, v in self.params.items()}
        return filter_articles(visible, strings, with_text=False)

    @extend_schema(request=ArticleCreateSerializer, responses={201: ArticleSerializer})
    def post(self, request: Request) -> Response:
        """Add one article (outlets are named and made when new); its analysis is queued."""
        data = valid_data(ArticleCreateSerializer, request)
        event = _get_event_for_user(request, data.pop("event"), Capability.EDIT)
        article = services.article_create_from_form(event=event, user=request.user, **data)
        return Response(ArticleSerializer(article).data, status=status.HTTP_201_CREATED)


@extend_schema(responses=ArticleSerializer)
@api_view(["GET"])
@takes()
def article_detail(request: Request, pk: int, params: dict) -> Response:
    return Response(ArticleSerializer(_get_article_for_user(request, pk)).data)


class RevisionList(ScopedList):
    """An article's text revisions, oldest first (texts at /revisions/{id}/)."""

    serializer_class = RevisionListSerializer

    def get_queryset(self):
        article = _get_article_for_user(self.request, self.kwargs["pk"])
        return article.revisions.defer("text")


@extend_schema(responses=RevisionSerializer)
@api_view(["GET"])
@takes()
def revision_detail(request: Request, pk: int, params: dict) -> Response:
    return Response(RevisionSerializer(_get_revision_for_user(request, pk)).data)
