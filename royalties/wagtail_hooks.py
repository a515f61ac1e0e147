from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter
from wagtail.permissions import policy_registry, register_permission_policy

from core.refusals import refuse_with_403

from .models import APPROVE_ACTION, REJECT_ACTION, RoyaltyProposal, vnd
from .permissions import ProposalPermissionPolicy
from .reports import WorksheetReportView
from .views import REFUSED, RoyaltiesGroup

# Before any view asks the registry, or Wagtail would settle on Django model permissions for proposals.
register_permission_policy(RoyaltyProposal, ProposalPermissionPolicy(RoyaltyProposal))


class ViewerMenuItem(MenuItem):
    """Shown only to those who may see royalties (the views refuse everyone else anyway)."""

    def is_shown(self, request):
        return policy_registry.get_by_type(RoyaltyProposal).user_has_permission(request.user, "view")


@hooks.register("register_admin_viewset")
def register_royalties():
    return RoyaltiesGroup()


@hooks.register("register_royalties_menu_item")
def register_pending_menu_item():
    return ViewerMenuItem("Tin, bài chưa đề xuất", reverse("royalties:pending"), icon_name="list-ul", order=3)


@hooks.register("register_admin_urls")
def register_worksheet_urls():
    view = refuse_with_403(REFUSED)(WorksheetReportView.as_view())
    results = refuse_with_403(REFUSED)(WorksheetReportView.as_view(results_only=True))
    return [
        path("bao-cao/nhuan-but/", view, name="royalties_worksheet_report"),
        path("bao-cao/nhuan-but/results/", results, name="royalties_worksheet_report_results"),
    ]


@hooks.register("register_reports_menu_item")
def register_worksheet_menu_item():
    return ViewerMenuItem(
        "Nhuận bút theo tác giả", reverse("royalties_worksheet_report"), icon_name="clipboard-list", order=750
    )


class DecisionFormatter(LogFormatter):
    """ "Duyệt nhuận bút 400.000 đ (thay mặt Trưởng ban Trịnh Xuân Long)" in the history and site history."""

    verb = ""

    def format_message(self, log_entry):
        data = log_entry.data or {}
        message = f"{self.verb} {vnd(data.get('amount') or 0)} cho {data.get('payee', '')}"
        if data.get("on_behalf_of_head"):
            message += f" (thay mặt Trưởng ban {data['on_behalf_of_head']})"
        return message

    def format_comment(self, log_entry):
        return (log_entry.data or {}).get("note", "")


@hooks.register("register_log_actions")
def register_royalty_log_actions(actions):
    @actions.register_action(APPROVE_ACTION)
    class ApprovalFormatter(DecisionFormatter):
        label = verb = "Duyệt nhuận bút"

    @actions.register_action(REJECT_ACTION)
    class RejectionFormatter(DecisionFormatter):
        label = verb = "Từ chối đề xuất nhuận bút"
