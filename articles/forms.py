from django import forms

from articles.models import Event, Outlet
from articles.services import OUTLET_EDITABLE


class TagsField(forms.CharField):
    """Free tags typed as a comma-separated list."""

    def prepare_value(self, value: object) -> object:
        if isinstance(value, list):
            return ", ".join(value)
        return value

    def to_python(self, value: object) -> list[str]:
        text = super().to_python(value) or ""
        return [t.strip() for t in str(text).split(",") if t.strip()]


class VersionedForm(forms.ModelForm):
    """An edit form that sends back the version it showed: a save over a newer one is
    refused (``StaleEditError``) instead of silently undoing it. New rows have no version."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        else:
            del self.fields["version"]


class EventForm(VersionedForm):
    tags = TagsField(required=False, help_text="Comma-separated.")

    class Meta:
        model = Event
        fields = ["title", "description", "start_date", "end_date", "tags"]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}),
            "end_date": forms.DateInput(attrs={"type": "date"}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }


class OutletForm(VersionedForm):
    class Meta:
        model = Outlet
        fields = list(OUTLET_EDITABLE)
        widgets = {
            "type_date": forms.DateInput(attrs={"type": "date"}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }


class PasteArticleForm(forms.Form):
    outlet = forms.CharField(
        max_length=200, help_text="Created if the workspace has no such outlet."
    )
    title = forms.CharField(max_length=500)
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 14}), strip=False)
    origin = forms.CharField(
        max_length=200, required=False, help_text="The agency or outlet this article relays."
    )
    byline = forms.CharField(max_length=300, required=False)
    published = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    url = forms.URLField(required=False, assume_scheme="https")
    language = forms.CharField(max_length=16, required=False)


class TextEditForm(forms.Form):
    # The revision the editor showed: another saved since makes this save stale.
    base_revision = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 24}), strip=False)
    note = forms.CharField(max_length=300, required=False, help_text="Why the text changed.")
