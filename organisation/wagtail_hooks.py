from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from .models import Official, OrganisationUnit


class OrganisationUnitViewSet(SnippetViewSet):
    model = OrganisationUnit
    icon = "list-ul"
    menu_label = "Phòng, đơn vị"
    list_display = ["name", "kind", "parent", "phone", "email", "sort_order"]
    list_filter = ["kind", "parent"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return OrganisationUnit.objects.select_related("parent")


class OfficialIndexView(IndexView):
    """Finds officials by name without diacritics, as the public directory does."""

    def search_queryset(self, queryset):
        return queryset.matching_name(self.search_query) if self.is_searching else queryset


class OfficialViewSet(SnippetViewSet):
    model = Official
    icon = "user"
    menu_label = "Cán bộ, công chức"
    index_view_class = OfficialIndexView
    list_display = ["full_name", "position", "unit", "phone", "email", "is_leader"]
    list_filter = ["unit", "is_leader"]
    search_fields = ["full_name"]

    def get_queryset(self, request):
        return Official.objects.select_related("unit")


class OrganisationViewSetGroup(SnippetViewSetGroup):
    menu_label = "Tổ chức bộ máy"
    menu_icon = "group"
    menu_order = 250
    items = (OrganisationUnitViewSet, OfficialViewSet)


register_snippet(OrganisationViewSetGroup)
