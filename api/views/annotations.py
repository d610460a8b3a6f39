"""Annotations: list a revision's tags, add one, accept or reject, delete — with the article
page's rules: only the current text takes new tags, a stale decision is a 409."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.models import Capability
from api.errors import Conflict
from api.scoping import _get_annotation_for_user, _get_revision_for_user
from api.serializers import AnnotationCreateSerializer, AnnotationSerializer, DecisionSerializer
from api.views.base import ScopedList, ScopedView, takes, valid_data
from framing.annotation_services import annotation_delete
from framing.selectors import visible_annotations, workspace_labels
from framing.services import annotation_create, annotation_decide


class RevisionAnnotations(ScopedList):
    """The tags the article page shows for a revision (rejected suggestions included)."""

    serializer_class = AnnotationSerializer
    filters = ("status",)
    pagination_class = None  # one text's tags: a bounded list, in text order

    def get_queryset(self):
        revision = _get_revision_for_user(self.request, self.kwargs["pk"])
        rows = visible_annotations(revision=revision, event=revision.article.event)
        wanted = self.params.get("status")
        return [a for a in rows if wanted is None or a.status == wanted]

    @extend_schema(request=AnnotationCreateSerializer, responses={201: AnnotationSerializer})
    def post(self, request: Request, pk: int) -> Response:
        revision = _get_revision_for_user(request, pk, Capability.ANNOTATE)
        data = valid_data(AnnotationCreateSerializer, request)
        if revision.pk != revision.article.current_revision_id:
            raise Conflict(
                "This revision is no longer the article's current text; tag the current one.",
                {"revision": revision.article.current_revision_id},
            )
        quote = data.pop("quote")
        if quote and revision.text[data["start"] : data["end"]] != quote:
            raise ValidationError({"quote": [f"“{quote}” is not the text at {data['start']}–"
                                             f"{data['end']}."]})  # fmt: skip
        label = workspace_labels(workspace_id=revision.article.event.workspace_id).filter(
            pk=data.pop("label")
        )
        if not label:
            raise ValidationError({"label": ["No such label in this workspace's codebooks."]})
        annotation = annotation_create(
            revision=revision, author_user=request.user, label=label[0], **data
        )
        return Response(AnnotationSerializer(annotation).data, status=status.HTTP_201_CREATED)


class AnnotationDetail(ScopedView):
    @extend_schema(responses=AnnotationSerializer)
    def get(self, request: Request, pk: int) -> Response:
        annotation, _ = _get_annotation_for_user(request, pk)
        return Response(AnnotationSerializer(annotation).data)

    @extend_schema(request=None, responses={204: None})
    def delete(self, request: Request, pk: int) -> Response:
        """Delete your own tag (owners: anyone's); a model suggestion is rejected instead."""
        annotation, membership = _get_annotation_for_user(request, pk, Capability.ANNOTATE)
        annotation_delete(annotation=annotation, user=request.user, is_owner=membership.can_manage)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(request=DecisionSerializer, responses=AnnotationSerializer)
@api_view(["POST"])
@takes()
def annotation_decide_view(request: Request, pk: int, params: dict) -> Response:
    """Accept or reject; send the ``version`` you read (409 with the current state if
    someone decided since). The decision outlives the model version, as on the page."""
    annotation, _ = _get_annotation_for_user(request, pk, Capability.ANNOTATE)
    data = valid_data(DecisionSerializer, request)
    annotation = annotation_decide(annotation=annotation, user=request.user, **data)
    return Response(AnnotationSerializer(annotation).data)
