from django.urls import path, reverse
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .board_file import BOARD_FILE_ACTION
from .deadlines import OverduePanel, late_items
from .models import ON_BEHALF_OF_HEAD, HeadDelegation, Holiday
from .notifications import OFFICIAL_SOURCE_PUBLICATION
from .removal import (
    PROPOSE_REMOVAL_URL,
    REMOVAL_PROPOSED,
    ProposeRemovalView,
    RemovalPanel,
    RemovalProposedFormatter,
    removal_notice,
    removals_awaiting,
)
from .reports import REPORTS, STALE_SLUG
from .reports.access import ReportMenuItem


@hooks.register("register_log_actions")
def register_board_log_actions(actions):
    actions.register_action(BOARD_FILE_ACTION, "Nạp tệp Ban biên tập", "Nạp tệp Ban biên tập")
    actions.register_action(ON_BEHALF_OF_HEAD, "Thay mặt Trưởng ban", "Thay mặt Trưởng ban")
    actions.register_action(
        OFFICIAL_SOURCE_PUBLICATION,
        "Đăng trực tiếp từ nguồn chính thức",
        "Đăng trực tiếp từ nguồn chính thức",
    )


class HeadDelegationViewSet(SnippetViewSet):
    """The head records delegations; the board file gives the head's group the permissions."""

    model = HeadDelegation
    icon = "user"
    menu_label = "Ủy quyền Trưởng ban"
    list_display = ["delegate", "starts_on", "ends_on", "reason", "board"]


register_snippet(HeadDelegationViewSet)


class HolidayViewSet(SnippetViewSet):
    model = Holiday
    icon = "date"
    menu_label = "Ngày nghỉ"
    list_display = ["day", "name"]


register_snippet(HolidayViewSet)


@hooks.register("construct_homepage_panels")
def add_overdue_panel(request, panels):
    """Overdue items the user must act on, first on their dashboard."""
    items = late_items(user=request.user)
    if items:
        panels.insert(0, OverduePanel(items))


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = []
    for report in REPORTS:
        name = f"editorial_{report.name}_report"
        urls += [
            path(f"bao-cao/{report.slug}/", report.view.as_view(), name=name),
            path(
                f"bao-cao/{report.slug}/results/",
                report.view.as_view(results_only=True),
                name=f"{name}_results",
            ),
        ]
    return urls


def _report_menu_item(report, order):
    return lambda: ReportMenuItem(
        report.label, reverse(f"editorial_{report.name}_report"), icon_name=report.icon, order=order
    )


for _order, _report in enumerate(REPORTS, start=700):
    hooks.register("register_reports_menu_item", _report_menu_item(_report, _order))


# Removal of outdated content (editorial.removal) -------------------------------------------------------
@hooks.register("register_log_actions")
def register_removal_log_action(actions):
    actions.register_action(REMOVAL_PROPOSED)(RemovalProposedFormatter)


@hooks.register("register_admin_urls")
def register_removal_urls():
    return [
        path(
            f"bao-cao/{STALE_SLUG}/<int:page_id>/de-nghi-go/",
            ProposeRemovalView.as_view(),
            name=PROPOSE_REMOVAL_URL,
        )
    ]


hooks.register("before_edit_page", removal_notice)


@hooks.register("construct_homepage_panels")
def add_removal_panel(request, panels):
    """Removals waiting for the user, first on their dashboard: approving one takes the page off the site."""
    proposals = removals_awaiting(request.user)
    if proposals.exists():
        panels.insert(0, RemovalPanel(proposals))
