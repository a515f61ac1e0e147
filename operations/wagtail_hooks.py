from wagtail.admin.panels import FieldPanel, PublishingPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import MaintenanceNotice


class MaintenanceNoticeViewSet(SnippetViewSet):
    """Editors schedule the banner: publish it (now or at a set time) and it shows until its end."""

    model = MaintenanceNotice
    icon = "warning"
    menu_label = "Thông báo vận hành"
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["__str__", "site", "starts_at", "ends_at", "live"]
    list_filter = ["kind", "live"]
    ordering = ["-starts_at"]
    panels = [
        FieldPanel("kind"),
        FieldPanel("site"),
        FieldPanel("message"),
        FieldPanel("starts_at"),
        FieldPanel("ends_at"),
        PublishingPanel(),
    ]


register_snippet(MaintenanceNoticeViewSet)
