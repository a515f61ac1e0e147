from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The site layer (docs/architecture.md): what composes the home page from the content apps, and the
    demo portal."""

    name = "portal"
    verbose_name = "Cổng thông tin: trang chủ và dữ liệu mẫu"
