"""Who acts on royalties (docs/requirements.md, Royalties): the secretariat proposes, the head decides, or
whoever holds the head's delegation on that day (docs/requirements.md, Editorial board). Roles count per
board: a secretary of one site has no say on another site's items. Nobody else may act, superusers included:
paying royalties is the board's decision, not the system administrator's."""

from wagtail.permission_policies.base import BasePermissionPolicy

from editorial.enums import Role
from editorial.models import BoardMember, EditorialBoard, HeadDelegation
from editorial.permissions import board_roles

from .enums import Status


def _seats(user):
    """{board id: roles} of the user's active seats, once per user object (several checks per request)."""
    if not hasattr(user, "_royalty_seats"):
        seats = BoardMember.objects.filter(user_id=user.pk, active=True).values_list("board_id", "roles")
        user._royalty_seats = dict(seats)
    return user._royalty_seats


def holds(user, role, board):
    return role in _seats(user).get(board.pk, [])


def acting_head(user, board, day=None):
    """The user stands in for the head of this board on that day (today by default)."""
    seated = board.pk in _seats(user)
    return seated and HeadDelegation.current(board, day).filter(delegate_id=user.pk).exists()


def may_propose(user, board):
    return holds(user, Role.SECRETARY, board)


def may_decide(user, board, day=None):
    return holds(user, Role.HEAD, board) or acting_head(user, board, day)


def acting_for_heads(user, board):
    """Names of the board's heads when the user decides in their place; "" when the user is a head."""
    if holds(user, Role.HEAD, board):
        return ""
    heads = BoardMember.objects.filter(board=board, active=True).select_related("user")
    return ", ".join(str(seat.user) for seat in heads if Role.HEAD in seat.roles)


def visible_boards(user):
    """Ids of the boards whose royalties the user may see: all for a superuser; otherwise those where the
    user is a secretary, the head or the acting head."""
    if user.is_superuser:
        return set(EditorialBoard.objects.values_list("pk", flat=True))
    seats = _seats(user)
    mine = {board for board, roles in seats.items() if {Role.SECRETARY, Role.HEAD} & set(roles)}
    acting = {board.pk for board in EditorialBoard.objects.filter(pk__in=seats) if acting_head(user, board)}
    return mine | acting


class ProposalPermissionPolicy(BasePermissionPolicy):
    """Board roles, not Django permissions, decide: secretaries add and change proposals until the head
    approves them; secretaries, heads and acting heads see them; nobody deletes one (the audit trail of a
    payment stays)."""

    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return Role.SECRETARY in board_roles(user)
        if action == "view":
            return bool(visible_boards(user))
        return False

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "change":
            return instance.status != Status.APPROVED and may_propose(user, instance.board)
        if action == "view":
            return instance.board_id in visible_boards(user)
        return False
