from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm

from accounts import throttle
from accounts.models import Role, User


class ThrottledLoginMixin:
    """Refuses log-ins while the account or address is locked, and counts failures."""

    lockout: throttle.Lockout | None = None

    def clean(self) -> dict:
        email, password = self.cleaned_data.get("username"), self.cleaned_data.get("password")
        if not (email and password):
            return super().clean()
        ip = throttle.client_ip(self.request)
        # Checked before the password, so a locked account cannot be guessed at either.
        self.lockout = throttle.login_lockout(email=email, ip=ip)
        if self.lockout is not None:
            raise forms.ValidationError(self.lockout.message, code="throttled")
        try:
            data = super().clean()
        except forms.ValidationError as exc:
            if exc.code == "invalid_login":
                throttle.login_failed(email=email, ip=ip)
            raise
        throttle.login_succeeded(email=email)
        return data


class EmailAuthenticationForm(ThrottledLoginMixin, AuthenticationForm):
    username = forms.EmailField(label="E-mail", widget=forms.EmailInput(attrs={"autofocus": True}))


class AdminLoginForm(ThrottledLoginMixin, AdminAuthenticationForm):
    """The admin's log-in page is a second door; it shares the throttle."""


class UnlockingSetPasswordForm(SetPasswordForm):
    """The password-reset form: a new password set through the mailed link unlocks log-in."""

    def save(self, commit: bool = True) -> User:
        user = super().save(commit=commit)
        throttle.account_unlock(email=user.email)
        return user


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
