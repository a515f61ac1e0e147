"""Who may publish without the workflow: the head; the admin only items from an official source."""

from wagtail.models import PagePermissionTester

from .enums import Role

DIRECT_PUBLICATION_REFUSED = (
    "Quản trị chỉ được đăng trực tiếp tin, bài lấy từ nguồn chính thức (seed 004 Điều 4.4): "
    "chọn nguồn chính thức hoặc gửi duyệt."
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
        return super().can_publish() and may_publish_directly(self.user, source)
