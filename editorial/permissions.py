"""Who may publish without the workflow (the head; the admin only items from an official source), and who may
take what off the site (editorial.deletion), for pages and moderated snippets."""

from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import cached_property
from wagtail.models import PagePermissionTester
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

from core.sites import is_site_owned, may_edit

from .archive import is_archived
from .deletion import deletion, moderated_models, privacy_refusal, unpublish_refusal
from .enums import Role

DIRECT_PUBLICATION_REFUSED = (
    "Quản trị chỉ được đăng trực tiếp tin, bài lấy từ nguồn chính thức "
    "(theo quy chế của Ban biên tập): chọn nguồn chính thức hoặc gửi duyệt."
)


def board_roles(user):
    """Roles the user holds on any board (active seats), once per user object."""
    if not hasattr(user, "_board_roles"):
        from .models import BoardMember

        seats = BoardMember.objects.filter(user_id=user.pk, active=True).values_list("roles", flat=True)
        user._board_roles = {role for roles in seats for role in roles}
    return user._board_roles


def may_publish_directly(user, official_source_id):
    """The head publishes anything; a board admin (without the head's role) only official-source items."""
    roles = board_roles(user)
    if user.is_superuser or Role.HEAD in roles or Role.ADMIN not in roles:
        return True
    return official_source_id is not None


class BoardPagePermissionTester(PagePermissionTester):
    def can_publish(self):
        source = getattr(self.page, "official_source_id", None)
        return super().can_publish() and may_publish_directly(self.user, source) and not self.archived

    # Archive, never delete (editorial.deletion): live pages leave through the board's removal path, a
    # "delete" of what was ever submitted archives it, and an archived page is neither submitted nor published
    # until it is restored (its editor refuses it, editorial.removal_admin; its history stays readable).
    @cached_property
    def archived(self):
        return is_archived(self.page)

    def can_unpublish(self):
        return super().can_unpublish() and unpublish_refusal(self.user, self.page) is None

    def can_delete(self, ignore_bulk=False):
        if self.live_beyond_reach:
            return False
        return super().can_delete(ignore_bulk) and deletion(self.user, self.page).allowed

    def can_move(self):
        """Moving keeps a page on the site: Wagtail's own test (which it words as its deletion test)."""
        return not self.live_beyond_reach and super().can_delete(ignore_bulk=True)

    @property
    def live_beyond_reach(self):
        """A live page, for someone who may not publish: neither deleted nor moved. Wagtail's test concludes
        the same after asking the database whether anything below is live, once per row of a listing."""
        return self.page.live and not self.user.is_superuser and "publish" not in self.permissions

    def can_set_view_restrictions(self):
        return super().can_set_view_restrictions() and privacy_refusal(self.user, self.page) is None

    def can_submit_for_moderation(self):
        return super().can_submit_for_moderation() and not self.archived


class BoardSnippetPermissionPolicy(ModelPermissionPolicy):
    """Wagtail's model permissions for a moderated snippet, narrowed per item by the same rules as pages: only
    on the records of the user's sites (core/sites.py), a delete follows editorial.deletion, and an archived
    item is not published until restored (its editor refuses it, editorial.removal_admin; "change" stays, so
    its preview and links keep working).
    Registered for every moderated snippet model (EditorialConfig.ready)."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not super().user_has_permission_for_instance(user, action, instance):
            return False
        if is_site_owned(type(instance)) and not may_edit(user, instance):
            return False  # another site's record, or one the province shares: its own board's (core/sites.py)
        if action == "delete":
            return deletion(user, instance).allowed
        if action == "publish":
            return not is_archived(instance)
        return True


def register_snippet_policies():
    """Before any admin view asks the registry (which would create Wagtail's fallback policy instead). A model
    with a policy of its own must build it on BoardSnippetPermissionPolicy: the rules are not optional."""
    for model in moderated_models():
        policy = policy_registry.get_by_type(model, fallback=False)
        if policy is None:
            register_permission_policy(model, BoardSnippetPermissionPolicy(model), exact_class=True)
        elif not isinstance(policy, BoardSnippetPermissionPolicy):
            raise ImproperlyConfigured(
                f"{model._meta.label}: its permission policy must subclass "
                "editorial.permissions.BoardSnippetPermissionPolicy "
                "(docs/requirements.md, Removal and archiving)."
            )
