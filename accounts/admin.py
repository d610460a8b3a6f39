from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from accounts.forms import AdminLoginForm
from accounts.models import (
    AuditEntry,
    Invitation,
    LoginThrottle,
    Membership,
    User,
    Workspace,
)

admin.site.login_form = AdminLoginForm


@admin.register(User)
class ParallaxUserAdmin(UserAdmin):
    list_display = ["username", "email", "is_staff", "is_active", "date_joined"]
    search_fields = ["username", "email"]
    ordering = ["username"]
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "username", "password1", "password2")}),
    )


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]
    fk_name = "workspace"


@admin.register(Workspace)
class WorkspaceAdmin(admin.ModelAdmin):
    list_display = ["name", "created_at", "created_by"]
    search_fields = ["name"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "workspace", "role", "created_at"]
    list_filter = ["role", "workspace"]
    search_fields = ["user__username", "user__email", "workspace__name"]
    list_select_related = ["user", "workspace"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "workspace", "role", "created_at", "accepted_at"]
    list_filter = ["role", "workspace"]
    search_fields = ["email"]


@admin.register(LoginThrottle)
class LoginThrottleAdmin(admin.ModelAdmin):
    """Staff can see who is locked out and delete a row to unlock at once."""

    list_display = ["key", "failures", "last_failure_at", "locked_until"]
    search_fields = ["key"]
    ordering = ["-last_failure_at"]


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the log is written by the services and must not be edited afterwards."""

    list_display = [
        "created_at",
        "workspace",
        "actor_name",
        "action",
        "object_type",
        "object_label",
    ]
    list_filter = ["action", "object_type"]
    search_fields = ["actor_name", "object_label", "detail"]
    list_select_related = ["workspace"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
