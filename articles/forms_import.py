"""Forms of the import pages; item edits on the preview are read by ``item_decisions``."""

from __future__ import annotations

from collections.abc import Sequence

from django import forms
from django.http import QueryDict

from articles.ingestion import FIELDS
from articles.ingestion.decode import ENCODINGS
from articles.models import ImportItem, ItemDecision


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def __init__(self, **kwargs) -> None:
        # An empty file must not fail the whole batch without its name: the preview rejects
        # it by name and reads the others.
        super().__init__(allow_empty_file=True, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(f, initial) for f in files if f]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label="Files",
        help_text=".txt .md .html .docx .pdf .eml .csv .tsv .jsonl .json or a .zip of them",
    )
    mapping = forms.ChoiceField(label="CSV/TSV columns", required=False)
    default_outlet = forms.CharField(
        label="Outlet for files that do not name one", max_length=200, required=False
    )

    def __init__(self, *args, mapping_choices: list[tuple[str, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["mapping"].choices = mapping_choices


class UrlForm(forms.Form):
    url = forms.URLField(label="Page URL", max_length=2000, assume_scheme="https")
    default_outlet = forms.CharField(
        label="Outlet (if the page does not say)", max_length=200, required=False
    )


class MappingForm(forms.Form):
    """Which column holds which field, for one CSV/TSV of a previewed import."""

    save_as = forms.CharField(label="Save this mapping as", max_length=100, required=False)

    def __init__(self, *args, headers: list[str], current: dict[str, str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", "—")] + [(h, h) for h in headers]
        for name in FIELDS:
            self.fields[name] = forms.ChoiceField(
                label=name, choices=choices, required=name == "text", initial=current.get(name)
            )
        self.order_fields([*FIELDS, "save_as"])

    def columns(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name) or "" for name in FIELDS}


class EncodingForm(forms.Form):
    """How to decode one file of a previewed import that is not UTF-8."""

    encoding = forms.ChoiceField(label="Read the file as", choices=list(ENCODINGS.items()))

    def __init__(self, *args, likely: Sequence[str] = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # the likely encodings first, the best guess preselected
        first = [(k, ENCODINGS[k]) for k in likely]
        rest = [(k, v) for k, v in ENCODINGS.items() if k not in likely]
        self.fields["encoding"].choices = first + rest
        if likely:
            self.fields["encoding"].initial = likely[0]


ITEM_FIELDS = ("title", "outlet", "published", "url", "byline")


def item_decisions(data: QueryDict, items: list[ImportItem]) -> dict[int, dict[str, str]]:
    """``item-<id>-<field>`` inputs of the preview table, for the items shown there."""
    decisions = {}
    for item in items:
        prefix = f"item-{item.pk}-"
        change = {f: data[prefix + f] for f in ITEM_FIELDS if prefix + f in data}
        decision = data.get(prefix + "decision")
        if decision in ItemDecision.values:
            change["decision"] = decision
        if change:
            decisions[item.pk] = change
    return decisions
