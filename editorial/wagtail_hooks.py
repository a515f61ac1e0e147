from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.utils.urlpatterns import decorate_urlpatterns

from core.refusals import refuse_with_403

from .archive import archived_ids
from .board_file import BOARD_FILE_ACTION
from .dashboard import add_awaiting_panel
from .delegation import (
    NOT_YOUR_BOARD,
    DelegationDeleteView,
    DelegationEditView,
    DelegationHistoryView,
    DelegationInspectView,
    DelegationPolicy,
    DelegationUsageView,
    HeadDelegationForm,
    delegating_boards,
)
from .models import ON_BEHALF_OF_HEAD, HeadDelegation, Holiday
from .moderation import SentBackPanel, moderation_notice, refuse_workflow_action, sent_back
from .notifications import OFFICIAL_SOURCE_PUBLICATION
from .removal import (
    PROPOSE_REMOVAL_URL,
    REMOVAL_PROPOSED,
    ProposeRemovalView,
    RemovalProposedFormatter,
    removal_notice,
)
from .reports import REPORTS, STALE_SLUG
from .reports.access import ReportMenuItem
from .visibility import chooser_pages, count_own_pages, hide_installation_reports


@hooks.register("register_log_actions")
def register_board_log_actions(actions):
    actions.register_action(BOARD_FILE_ACTION, "Nạp tệp Ban biên tập", "Nạp tệp Ban biên tập")
    actions.register_action(ON_BEHALF_OF_HEAD, "Thay mặt Trưởng ban", "Thay mặt Trưởng ban")
    actions.register_action(
        OFFICIAL_SOURCE_PUBLICATION,
        "Đăng trực tiếp từ nguồn chính thức",
        "Đăng trực tiếp từ nguồn chính thức",
    )


# Before any view asks the registry, or Wagtail would settle on Django model permissions for delegations.
register_permission_policy(HeadDelegation, DelegationPolicy(HeadDelegation))


class HeadDelegationViewSet(SnippetViewSet):
    """The head records delegations of their own board (editorial.delegation); the board file gives the
    head's group the permissions."""

    model = HeadDelegation
    icon = "user"
    menu_label = "Ủy quyền Trưởng ban"
    list_display = ["delegate", "starts_on", "ends_on", "reason", "board"]
    edit_handler = ObjectList(
        [
            FieldPanel("board"),
            FieldPanel("delegate"),
            FieldPanel("starts_on"),
            FieldPanel("ends_on"),
            FieldPanel("reason"),
        ],
        base_form_class=HeadDelegationForm,
    )
    edit_view_class = DelegationEditView
    delete_view_class = DelegationDeleteView
    history_view_class = DelegationHistoryView
    usage_view_class = DelegationUsageView
    inspect_view_class = DelegationInspectView

    def get_queryset(self, request):
        return HeadDelegation.objects.filter(board__in=delegating_boards(request.user)).select_related(
            "delegate", "board__site"
        )

    def get_urlpatterns(self):
        return decorate_urlpatterns(super().get_urlpatterns(), refuse_with_403(NOT_YOUR_BOARD))


register_snippet(HeadDelegationViewSet)


class HolidayViewSet(SnippetViewSet):
    model = Holiday
    icon = "date"
    menu_label = "Ngày nghỉ, làm bù"
    list_display = ["day", "kind", "name"]
    list_filter = ["kind"]


register_snippet(HolidayViewSet)


# What waits for the approver, overdue first, in place of Wagtail's panel (editorial/dashboard.py).
hooks.register("construct_homepage_panels", add_awaiting_panel)


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
# What an import must not publish back (legal_docs/importer.py asks through this hook).
hooks.register("archived_object_ids", archived_ids)


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

# Nothing live leaves the site but through the board; delete of what was ever submitted archives it.
from . import removal_admin  # noqa: E402, F401  (registers its hooks)

# Four eyes, rejections and classification on every route (editorial.moderation) -------------------------
for _hook in ("before_edit_page", "before_edit_snippet"):
    hooks.register(_hook, refuse_workflow_action)
    hooks.register(_hook, moderation_notice)


@hooks.register("construct_homepage_panels")
def add_sent_back_panel(request, panels):
    """The author's items the board sent back, with the reason, first on their dashboard."""
    items = sent_back(request.user)
    if items:
        panels.insert(0, SentBackPanel(items, request.user))


# What each person sees of others' work: choosers, counts, reports (editorial.visibility) -----------------
hooks.register("construct_page_chooser_queryset", chooser_pages)
hooks.register("construct_homepage_summary_items", count_own_pages, order=1)  # after Wagtail adds its count
hooks.register("construct_reports_menu", hide_installation_reports)
