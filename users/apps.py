from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class UsersConfig(AppConfig):
    default = True
    name = "users"
    verbose_name = "Người dùng"


class PortalUsersAdminConfig(WagtailUsersAppConfig):
    """Replaces wagtail.users so the admin's user forms carry position, unit and phone."""

    default = False
    user_viewset = "users.viewsets.UserViewSet"
