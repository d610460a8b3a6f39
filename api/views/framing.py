"""Codebooks and labels (read; labels added, changed and retired as in the codebook editor),
model versions: list, train, and per event evaluate/activate
(those two live with the event: views/events.py)."""

from __future__ import annotations

from django.db.models import Max
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.models import Capability
from api.scoping import (
    _get_codebook_for_user,
    _get_workspace_for_user,
    models_visible,
    visible_workspace_ids,
)
from api.serializers import (
    CodebookSerializer,
    LabelSerializer,
    LabelWriteSerializer,
    ModelVersionSerializer,
    TaskSerializer,
)
from api.views.base import ScopedList, takes, valid_data
from framing.codebook_services import label_add, label_change, label_retire
from framing.models import Codebook, Label
from framing.selectors import workspace_labels
from framing.tasks import train_model
from framing.training_services import training_check


def _with_current_labels(codebooks: list[Codebook]) -> list[Codebook]:
    """Each codebook with ``version`` and ``labels`` of its current version (one query)."""
    current = {c.pk: c.latest for c in codebooks}
    labels = Label.objects.filter(
        codebook_version__codebook__in=codebooks, codebook_version__number__in=set(current.values())
    ).select_related("codebook_version__codebook")
    for c in codebooks:
        c.version = current[c.pk]
        c.labels = [lab for lab in labels if lab.codebook_version.codebook_id == c.pk
                    and lab.codebook_version.number == c.latest]  # fmt: skip
    return codebooks


class CodebookList(ScopedList):
    """Codebooks with the labels of their current version."""

    serializer_class = CodebookSerializer
    filters = ("workspace",)

    def get_queryset(self):
        rows = Codebook.objects.filter(workspace_id__in=visible_workspace_ids(self.request))
        if "workspace" in self.params:
            rows = rows.filter(workspace_id=self.params["workspace"])
        return rows.annotate(latest=Max("versions__number"))

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return _with_current_labels(list(page)) if page is not None else None


def _codebook_json(codebook: Codebook) -> dict:
    codebook = Codebook.objects.annotate(latest=Max("versions__number")).get(pk=codebook.pk)
    return CodebookSerializer(_with_current_labels([codebook])[0]).data


@extend_schema(responses=CodebookSerializer)
@api_view(["GET"])
@takes()
def codebook_detail(request: Request, pk: int, params: dict) -> Response:
    return Response(_codebook_json(_get_codebook_for_user(request, pk)))


@extend_schema(request=LabelWriteSerializer, responses={201: CodebookSerializer})
@api_view(["POST"])
@takes()
def codebook_label_add(request: Request, pk: int, params: dict) -> Response:
    """Add a label: a new codebook version (tags made under older versions keep theirs)."""
    codebook = _get_codebook_for_user(request, pk, Capability.EDIT)
    label_add(codebook=codebook, user=request.user, **valid_data(LabelWriteSerializer, request))
    return Response(_codebook_json(codebook), status=status.HTTP_201_CREATED)


@extend_schema(methods=["PATCH"], request=LabelWriteSerializer, responses=CodebookSerializer)
@extend_schema(methods=["DELETE"], request=None, responses=CodebookSerializer)
@api_view(["PATCH", "DELETE"])
@takes()
def codebook_label_detail(request: Request, pk: int, key: str, params: dict) -> Response:
    """Rename, recolour or describe a label (PATCH), or retire it from new versions (DELETE);
    each makes a new codebook version, as the codebook editor does."""
    codebook = _get_codebook_for_user(request, pk, Capability.EDIT)
    if request.method == "DELETE":
        label_retire(codebook=codebook, user=request.user, key=key)
    else:
        data = valid_data(LabelWriteSerializer, request)
        label_change(codebook=codebook, user=request.user, key=key, name=data["name"],
                     colour=data["colour"], description=data["description"])  # fmt: skip
    return Response(_codebook_json(codebook))


class LabelList(ScopedList):
    """The labels annotations may use in a workspace (current codebook versions)."""

    serializer_class = LabelSerializer
    filters = ("workspace",)

    def get_queryset(self):
        if "workspace" not in self.params:
            raise ValidationError({"workspace": ["Name the workspace: ?workspace=ID."]})
        membership = _get_workspace_for_user(self.request, self.params["workspace"])
        return workspace_labels(workspace_id=membership.workspace_id)


class ModelList(ScopedList):
    """The built-in model and your workspaces' trained ones, with their measured scores."""

    serializer_class = ModelVersionSerializer
    filters = ("workspace",)

    def get_queryset(self):
        models = models_visible(self.request)
        if "workspace" in self.params:
            models = models.filter(workspace_id=self.params["workspace"])
        return models


@extend_schema(request=None, responses={202: TaskSerializer})
@api_view(["POST"])
@takes()
def model_train(request: Request, pk: int, params: dict) -> Response:
    """Train a workspace model from the accepted tags, in the background; the new model
    appears in /models/?workspace=ID when done (then evaluate and activate it per event)."""
    membership = _get_workspace_for_user(request, pk, Capability.EDIT)
    training_check(workspace=membership.workspace)  # 400 saying what is missing
    result = train_model.enqueue(membership.workspace_id, request.user.pk)
    return Response({"task": str(result.id)}, status=status.HTTP_202_ACCEPTED)
