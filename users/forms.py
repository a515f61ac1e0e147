from wagtail.users.forms import UserCreationForm, UserEditForm

PROFILE_FIELDS = {"position", "unit", "phone"}


class PortalUserCreationForm(UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | PROFILE_FIELDS


class PortalUserEditForm(UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | PROFILE_FIELDS
