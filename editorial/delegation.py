"""Who records the head's stand-in (docs/requirements.md, Editorial board): the head of that board, or a
superuser; nobody else lists, changes or deletes a board's delegations, in any admin view or bulk action.
What a delegation may say (a deputy of the board, at most EDITORIAL_MAX_DELEGATION_DAYS days, no overlap) is
the model's own check (HeadDelegation.clean)."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views import snippets as snippet_views

from .enums import Role
from .models import DELEGATE_NOT_DEPUTY, DELEGATE_ROLES, BoardMember, EditorialBoard, HeadDelegation

NOT_HEAD = "Chỉ Trưởng ban của Ban biên tập này (hoặc quản trị hệ thống) được ủy quyền thay mặt Trưởng ban."
NOT_YOUR_BOARD = "Ủy quyền này thuộc Ban biên tập khác: chỉ Trưởng ban của ban đó xem và sửa được."


def delegating_boards(user):
    """The boards whose delegations user records: all for a superuser, else those where user is the head."""
    if user is None or not user.is_active:
        return EditorialBoard.objects.none()
    if user.is_superuser:
        return EditorialBoard.objects.all()
    seats = BoardMember.objects.filter(user=user, active=True)
    return EditorialBoard.objects.filter(pk__in=[seat.board_id for seat in seats if Role.HEAD in seat.roles])


def may_delegate(user, board):
    return delegating_boards(user).filter(pk=board.pk).exists()


def possible_delegates(boards):
    """The active deputies and standing deputies of boards."""
    seats = BoardMember.objects.filter(board__in=boards, active=True, user__is_active=True)
    ids = [seat.user_id for seat in seats if set(DELEGATE_ROLES) & set(seat.roles)]
    return get_user_model().objects.filter(pk__in=ids).order_by("last_name", "first_name")


class DelegationPolicy(ModelPermissionPolicy):
    """The head's group holds the model permissions (board file); on a given delegation, only the head of its
    board or a superuser has them."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and may_delegate(user, instance.board)

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return HeadDelegation.objects.none()
        return HeadDelegation.objects.filter(board__in=delegating_boards(user))


class HeadDelegationForm(WagtailAdminModelForm):
    """Offers only the boards the user heads and their deputies; a crafted choice is refused in words."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        boards = delegating_boards(self.for_user)
        self.fields["board"].queryset = boards
        self.fields["board"].error_messages["invalid_choice"] = NOT_HEAD
        self.fields["delegate"].queryset = possible_delegates(boards)
        self.fields["delegate"].error_messages["invalid_choice"] = DELEGATE_NOT_DEPUTY

    def clean(self):
        data = super().clean()
        board = data.get("board")
        if board is not None and not may_delegate(self.for_user, board):
            self.add_error("board", NOT_HEAD)
        return data


class OwnBoardOnly:
    """A view of one delegation refuses (with the reason) a delegation of a board the user does not head."""

    instance_action = "change"

    def get_object(self, *args, **kwargs):
        delegation = super().get_object(*args, **kwargs)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, self.instance_action, delegation
        ):
            raise PermissionDenied(NOT_YOUR_BOARD)
        return delegation


class DelegationEditView(OwnBoardOnly, snippet_views.EditView):
    pass


class DelegationDeleteView(OwnBoardOnly, snippet_views.DeleteView):
    instance_action = "delete"


class DelegationHistoryView(OwnBoardOnly, snippet_views.HistoryView):
    pass


class DelegationUsageView(OwnBoardOnly, snippet_views.UsageView):
    pass


class DelegationInspectView(OwnBoardOnly, snippet_views.InspectView):
    pass
