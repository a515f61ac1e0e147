from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .forms import PortalUserCreationForm, PortalUserEditForm


class UserViewSet(WagtailUserViewSet):
    """Wagtail's user admin with the board-member profile fields."""

    create_template_name = "users/admin/create.html"
    edit_template_name = "users/admin/edit.html"

    def get_form_class(self, for_update=False):
        return PortalUserEditForm if for_update else PortalUserCreationForm
