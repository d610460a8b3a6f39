from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm

from accounts.models import Role, User


class EmailAuthenticationForm(AuthenticationForm):
    username = forms.EmailField(label="E-mail", widget=forms.EmailInput(attrs={"autofocus": True}))


class SignupForm(forms.Form):
    email = forms.EmailField(label="E-mail")
    username = forms.CharField(max_length=150, help_text="Shown to your colleagues.")
    password = forms.CharField(widget=forms.PasswordInput, strip=False)

    def clean_username(self) -> str:
        username = self.cleaned_data["username"]
        if User.objects.filter(username=username).exists():
            raise forms.ValidationError("This username is taken.")
        return username

    def clean(self) -> dict:
        data = super().clean()
        if data.get("password"):
            probe = User(email=data.get("email", ""), username=data.get("username", ""))
            password_validation.validate_password(data["password"], probe)
        return data


class WorkspaceForm(forms.Form):
    name = forms.CharField(max_length=120)
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)


class InviteForm(forms.Form):
    identifier = forms.CharField(label="E-mail or username", max_length=254)
    role = forms.ChoiceField(choices=Role.choices, initial=Role.ANALYST)


class RoleForm(forms.Form):
    role = forms.ChoiceField(choices=Role.choices)
