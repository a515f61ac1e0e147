import django_filters
from wagtail.admin.filters import WagtailFilterSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from core.site_admin import SitePermissionPolicy
from core.sites import owned_by_user

from .models import Official, OrganisationUnit


def own_units(request):
    """A filter's choice of units: those of the user's sites (core/sites.py)."""
    return (
        owned_by_user(request.user, OrganisationUnit.objects.all())
        if request
        else OrganisationUnit.objects.none()
    )


class OrganisationUnitFilterSet(WagtailFilterSet):
    parent = django_filters.ModelChoiceFilter(label="Đơn vị cấp trên", queryset=own_units)

    class Meta:
        model = OrganisationUnit
        fields = ["kind", "parent"]


class OfficialFilterSet(WagtailFilterSet):
    unit = django_filters.ModelChoiceFilter(label="Phòng, đơn vị", queryset=own_units)

    class Meta:
        model = Official
        fields = ["unit", "is_leader"]


class OrganisationUnitViewSet(SnippetViewSet):
    model = OrganisationUnit
    icon = "list-ul"
    menu_label = "Phòng, đơn vị"
    list_display = ["name", "kind", "parent", "phone", "email", "sort_order"]
    filterset_class = OrganisationUnitFilterSet
    search_fields = ["name"]

    def get_queryset(self, request):
        return owned_by_user(request.user, OrganisationUnit.objects.select_related("parent"))


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
    filterset_class = OfficialFilterSet
    search_fields = ["full_name"]

    def get_queryset(self, request):
        return owned_by_user(request.user, Official.objects.select_related("unit"))


class OrganisationViewSetGroup(SnippetViewSetGroup):
    menu_label = "Tổ chức bộ máy"
    menu_icon = "group"
    menu_order = 250
    items = (OrganisationUnitViewSet, OfficialViewSet)


for model in (OrganisationUnit, Official):
    register_permission_policy(model, SitePermissionPolicy(model), exact_class=True)
register_snippet(OrganisationViewSetGroup)
