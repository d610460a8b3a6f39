from django import forms

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

    def __init__(self, *args: object, workspace_id: int, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["label"].queryset = workspace_labels(workspace_id=workspace_id)
