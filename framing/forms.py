from django import forms
from django.core.exceptions import ValidationError

from accounts.models import User
from framing.assignment_selectors import eligible_annotators
from framing.models import AnnotationStatus, Label
from framing.selectors import workspace_labels


class DecisionForm(forms.Form):
    """Accept or reject a tag, from the page that showed it at ``version``."""

    status = forms.ChoiceField(
        choices=[(s, s) for s in (AnnotationStatus.ACCEPTED, AnnotationStatus.REJECTED)]
    )
    version = forms.IntegerField(min_value=1)


class AnnotationForm(forms.Form):
    """A span picked in the browser: offsets are code points (static/js/offsets.js)."""

    start = forms.IntegerField(min_value=0)
    end = forms.IntegerField(min_value=1)
    label = forms.ModelChoiceField(queryset=Label.objects.none())
    note = forms.CharField(max_length=2000, required=False)
    # The selected text as the page showed it; checked against the stored text before saving.
    quote = forms.CharField(required=False, strip=False)

    def __init__(self, *args: object, workspace_id: int, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["label"].queryset = workspace_labels(workspace_id=workspace_id)


class RelabelForm(forms.Form):
    label = forms.ModelChoiceField(queryset=Label.objects.none())

    def __init__(self, *args: object, workspace_id: int, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["label"].queryset = workspace_labels(workspace_id=workspace_id)


class BulkDecisionForm(forms.Form):
    """Accept or reject every undecided suggestion of a label and/or a term in an event."""

    status = forms.ChoiceField(
        choices=[(AnnotationStatus.ACCEPTED, "Accept"), (AnnotationStatus.REJECTED, "Reject")]
    )
    label = forms.ChoiceField(required=False)
    term = forms.CharField(max_length=200, required=False)
    expected = forms.IntegerField(min_value=0, required=False)

    def __init__(self, *args: object, workspace_id: int, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        keys = workspace_labels(workspace_id=workspace_id).values_list("key", "name")
        self.fields["label"].choices = [("", "any label"), *keys]

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("label") and not data.get("term"):
            raise forms.ValidationError("Choose a label, a term or both.")
        return data


class LabelForm(forms.Form):
    name = forms.CharField(max_length=120)
    key = forms.SlugField(max_length=60, required=False, help_text="Made from the name if empty.")
    colour = forms.RegexField(regex=r"^#[0-9a-fA-F]{6}$", initial="#777777")
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)


class LabelChangeForm(forms.Form):
    key = forms.SlugField(max_length=60, widget=forms.HiddenInput)
    name = forms.CharField(max_length=120)
    colour = forms.RegexField(regex=r"^#[0-9a-fA-F]{6}$")
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)


class LabelMergeForm(forms.Form):
    source = forms.SlugField(max_length=60, label="Merge label (key)")
    target = forms.SlugField(max_length=60, label="into label (key)")


class CodebookImportForm(forms.Form):
    file = forms.FileField(label="Codebook JSON")


class ArticleFrameForm(forms.Form):
    label = forms.IntegerField(min_value=1)
    status = forms.ChoiceField(
        choices=[("accepted", "accepted"), ("rejected", "rejected"), ("", "clear")],
        required=False,
    )


class IdsField(forms.Field):
    """Ticked checkboxes' ids; the service checks that they belong to the event."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value: object) -> list[int]:
        try:
            return [int(v) for v in value or []]
        except (TypeError, ValueError):
            raise ValidationError("Not a list of ids.") from None


class _AnnotatorsForm(forms.Form):
    """A form whose user fields offer the event's workspace members who may annotate."""

    user_fields: tuple[str, ...] = ()

    def __init__(self, *args: object, workspace_id: int, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        for name in self.user_fields:
            self.fields[name].queryset = eligible_annotators(workspace_id=workspace_id)


class AssignForm(_AnnotatorsForm):
    user_fields = ("annotators",)
    articles = IdsField(error_messages={"required": "Tick at least one article."})
    annotators = forms.ModelMultipleChoiceField(queryset=User.objects.none())


class SplitForm(_AnnotatorsForm):
    user_fields = ("annotators",)
    annotators = forms.ModelMultipleChoiceField(
        queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    per_article = forms.IntegerField(
        label="Annotators per article",
        min_value=1,
        max_value=50,
        initial=1,
        help_text="1 splits the articles evenly; 2 or more gives every article to that many "
        "annotators, so their agreement can be measured.",
    )


class ReassignForm(_AnnotatorsForm):
    user_fields = ("to_user",)
    from_user = forms.ModelChoiceField(queryset=User.objects.none(), label="From")
    to_user = forms.ModelChoiceField(queryset=User.objects.none(), label="To")
    articles = IdsField(required=False)

    def __init__(self, *args: object, assignees: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        # Whoever holds articles, even if their role no longer lets them annotate.
        self.fields["from_user"].queryset = assignees


class UnassignForm(forms.Form):
    assignment = IdsField(error_messages={"required": "Choose an assignment to remove."})
