"""The admin of a record that belongs to a site (core/sites.py): its form and its permission policy."""

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.permission_policies import ModelPermissionPolicy

from .sites import is_site_owned, may_edit, owned_by_user, user_site_ids


def limit_site_choice(form):
    """A record is put on one of the user's sites (one who works for a single site sees it, fixed), and
    links to records of those sites only (an official's unit, a unit's parent)."""
    user = form.for_user
    if user is None or user.is_superuser:
        return
    for name, other in form.fields.items():
        model = getattr(getattr(other, "queryset", None), "model", None)
        if name != "site" and model is not None and is_site_owned(model):
            other.queryset = owned_by_user(user, other.queryset)
    field = form.fields.get("site")
    if field is None:
        return
    field.queryset = field.queryset.filter(pk__in=user_site_ids(user))
    if len(field.queryset) == 1:
        field.disabled = True
        form.initial.setdefault("site", field.queryset[0].pk)


class SiteOwnedModelForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_site_choice(self)


class SitePermissionPolicy(ModelPermissionPolicy):
    """Wagtail's model permissions, on the records of the user's sites only (a moderated model's policy
    does the same: editorial.permissions)."""

    def user_has_permission_for_instance(self, user, action, instance):
        return super().user_has_permission_for_instance(user, action, instance) and may_edit(user, instance)

    def instances_user_has_permission_for(self, user, action):
        return owned_by_user(user, super().instances_user_has_permission_for(user, action))
