from django.apps import AppConfig


class AccountsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"
    verbose_name = "Accounts and workspaces"

    def ready(self) -> None:
        # Registers the project's deployment checks (parallax is not an app of its own).
        from parallax import checks  # noqa: F401
