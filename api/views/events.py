"""Events: list, create, read, analysis progress, and which model (and operating point)
their results come from."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.models import Capability
from api.scoping import (
    _get_event_for_user,
    _get_model_for_user,
    _get_workspace_for_user,
    visible_workspace_ids,
)
from api.serializers import (
    EventCreateSerializer,
    EventSerializer,
    EventStatusSerializer,
    ModelChoiceSerializer,
    ModelDiffSerializer,
    OperatingPointSerializer,
)
from api.views.base import ScopedList, takes, valid_data
from articles import services
from articles.models import Event
from framing.analysis_services import event_model_diff, event_switch_model
from reports.summary import event_model_version


class EventList(ScopedList):
    serializer_class = EventSerializer
    filters = ("workspace", "since", "until")

    def get_queryset(self):
        events = Event.objects.filter(workspace_id__in=visible_workspace_ids(self.request))
        p = self.params
        if "workspace" in p:
            events = events.filter(workspace_id=p["workspace"])
        if "since" in p:
            events = events.filter(start_date__gte=p["since"])
        if "until" in p:
            events = events.filter(start_date__lte=p["until"])
        return events

    @extend_schema(request=EventCreateSerializer, responses={201: EventSerializer})
    def post(self, request: Request) -> Response:
        data = valid_data(EventCreateSerializer, request)
        membership = _get_workspace_for_user(request, data.pop("workspace"), Capability.EDIT)
        event = services.event_create(
            workspace=membership.workspace, created_by=request.user, **data
        )
        return Response(EventSerializer(event).data, status=status.HTTP_201_CREATED)


@extend_schema(responses=EventSerializer)
@api_view(["GET"])
@takes()
def event_detail(request: Request, pk: int, params: dict) -> Response:
    return Response(EventSerializer(_get_event_for_user(request, pk)).data)


@extend_schema(responses=EventStatusSerializer)
@api_view(["GET"])
@takes()
def event_status(request: Request, pk: int, params: dict) -> Response:
    """How many of the event's articles the model it shows has analysed: poll until done."""
    event = _get_event_for_user(request, pk)
    model = event_model_version(event)
    revisions = event.articles.exclude(current_revision=None).values("current_revision")
    total = revisions.count()
    analysed = model.analyses.filter(revision_id__in=revisions).count() if model is not None else 0
    body = {"articles": total, "analysed": analysed, "done": analysed >= total}
    return Response({**body, "model_version": model.pk if model else None})


@extend_schema(request=ModelChoiceSerializer, responses=EventSerializer)
@api_view(["POST"])
@takes()
def event_model_activate(request: Request, pk: int, params: dict) -> Response:
    """Show this model's results for the event (its texts are analysed with it first)."""
    event = _get_event_for_user(request, pk, Capability.EDIT)
    choice = valid_data(ModelChoiceSerializer, request)
    model = _get_model_for_user(request, choice["model_version"], event.workspace_id)
    event = event_switch_model(event=event, model_version=model, user=request.user)
    return Response(EventSerializer(event).data)


@extend_schema(request=ModelChoiceSerializer, responses=ModelDiffSerializer)
@api_view(["POST"])
@takes()
def event_model_preview(request: Request, pk: int, params: dict) -> Response:
    """Evaluate a model on the event: what switching to it would change, tag by tag (the
    event keeps its model; the analyses made for the preview are kept)."""
    event = _get_event_for_user(request, pk, Capability.EDIT)
    choice = valid_data(ModelChoiceSerializer, request)
    model = _get_model_for_user(request, choice["model_version"], event.workspace_id)
    diff = event_model_diff(event=event, model_version=model)
    body = {name: [_change(c) for c in getattr(diff, name)] for name in _LISTS}
    return Response(
        {"model_version": model.pk, **body, "unchanged": diff.unchanged, "decided": diff.decided}
    )


_LISTS = ("added", "dropped", "relabelled")


def _change(c) -> dict:
    return {"article": c.article_id, "start": c.start, "end": c.end, "text": c.text,
            "old": c.old_label, "new": c.new_label}  # fmt: skip


@extend_schema(request=OperatingPointSerializer, responses=EventSerializer)
@api_view(["POST"])
@takes()
def event_operating_point(request: Request, pk: int, params: dict) -> Response:
    event = _get_event_for_user(request, pk, Capability.EDIT)
    point = valid_data(OperatingPointSerializer, request)["operating_point"]
    event = services.event_set_operating_point(event=event, point=point)
    return Response(EventSerializer(event).data)
