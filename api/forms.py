from django import forms

from accounts.access import workspaces_for
from accounts.models import User
from api.models import TokenScope
from api.tokens import EXPIRY_DAYS


class TokenForm(forms.Form):
    name = forms.CharField(
        max_length=100, help_text="What the token is for, e.g. “nightly scraper”."
    )
    scope = forms.ChoiceField(choices=TokenScope.choices, initial=TokenScope.READ)
    workspace = forms.ModelChoiceField(
        queryset=None, required=False, empty_label="All my workspaces"
    )
    expires_in_days = forms.TypedChoiceField(
        label="Expires after",
        coerce=int,
        choices=[(d, f"{d} days") for d in EXPIRY_DAYS],
        initial=90,
    )

    def __init__(self, *args: object, user: User, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["workspace"].queryset = workspaces_for(user=user)
