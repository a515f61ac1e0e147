"""What a snippet chooser offers: live items to everyone, drafts only to whoever may edit or publish them
(docs/requirements.md, Province and component portals)."""

from wagtail.models import DraftStateMixin
from wagtail.permissions import policy_registry

from .sites import is_site_owned, usable_by


def visible_snippets(user, objects):
    """Records of the user's sites and what their province shares (core/sites.py); of draft-state snippets
    (legal documents), drafts only for whoever may edit or publish that model; everyone else chooses among
    the live ones, as published (a live snippet's row holds its published version)."""
    model = objects.model
    if user.is_superuser:
        return objects
    if is_site_owned(model):
        objects = objects.filter(usable_by(user, model))
    if not issubclass(model, DraftStateMixin):
        return objects
    if policy_registry.get_by_type(model).user_has_any_permission(user, ["change", "publish"]):
        return objects
    return objects.filter(live=True)


class VisibleSnippetChoices:
    """For a snippet chooser's choose and results views (put first): the list holds only visible snippets."""

    def get_object_list(self):
        return visible_snippets(self.request.user, super().get_object_list())


class VisibleSnippetsChosen:
    """For a snippet chooser's chosen-multiple view (put first): others' drafts are left out."""

    def get_objects(self, pks):
        return visible_snippets(self.request.user, super().get_objects(pks))
