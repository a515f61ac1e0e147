import django_filters
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.site_admin import SitePermissionPolicy
from core.sites import owned_by_user

from .models import ScheduleEntry


class ScheduleEntryFilterSet(WagtailFilterSet):
    date = django_filters.DateFromToRangeFilter(label="Ngày", widget=DateRangePickerWidget)

    class Meta:
        model = ScheduleEntry
        fields = ["date"]


class ScheduleEntryViewSet(SnippetViewSet):
    """Editors plan weeks ahead, so the newest dates come first; "copy" repeats a periodic engagement."""

    model = ScheduleEntry
    icon = "date"
    menu_label = "Lịch công tác"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["date", "start_time", "content", "leaders", "location"]
    filterset_class = ScheduleEntryFilterSet
    search_fields = ["content", "leaders", "location", "attendees"]
    search_backend_name = None
    ordering = ["-date", "start_time"]

    def get_queryset(self, request):
        """The entries of the user's sites (core/sites.py)."""
        return owned_by_user(request.user, ScheduleEntry.objects.all())


register_permission_policy(ScheduleEntry, SitePermissionPolicy(ScheduleEntry), exact_class=True)
register_snippet(ScheduleEntryViewSet)
