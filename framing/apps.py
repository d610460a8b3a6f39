from django.apps import AppConfig


class FramingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "framing"
