"""Who reads the board's reports, and on which boards.

The head, the deputies and the secretariat of a board read its reports (superusers read every board's);
members, contributors and the admin (without one of those roles) are refused. Wagtail's ReportView checks
no permission of its own (its PermissionCheckedMixin has no `permission_required`), so without this mixin
anyone with admin access would see every report. Rights stop at each site's border: a reader sees only the
boards they sit on, and those of their site's component portals.
"""

import datetime

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from core.exports import LabelledExportButtons
from core.models import PortalSettings
from core.refusals import refused

from ..enums import Role
from ..models import BoardMember, EditorialBoard
from ..permissions import board_roles

REPORT_ROLES = frozenset({Role.HEAD, Role.STANDING_DEPUTY, Role.DEPUTY, Role.SECRETARY})
REFUSED = "Chỉ Trưởng ban, các Phó trưởng ban và Tổ thư ký của Ban biên tập được xem các báo cáo này."


def report_boards(user):
    """The boards whose reports `user` may read: all for a superuser, else those where they hold a reporting
    role on an active seat, and the boards of those sites' component portals: a province's board oversees
    its departments' and communes' portals (docs/requirements.md, Province and component portals)."""
    boards = EditorialBoard.objects.select_related("site__root_page").order_by("site__site_name", "pk")
    if user.is_superuser:
        return boards
    seats = BoardMember.objects.filter(user_id=user.pk, active=True, user__is_active=True)
    own = boards.filter(pk__in=[seat.board_id for seat in seats if set(seat.roles) & REPORT_ROLES])
    components = PortalSettings.objects.filter(parent_site_id__in=own.values("site_id")).values("site_id")
    return boards.filter(Q(pk__in=own.values("pk")) | Q(site_id__in=components))


def may_read_reports(user):
    """Asked for each report's menu item on every admin page: board_roles caches the roles on the user."""
    return user.is_active and (user.is_superuser or bool(board_roles(user) & REPORT_ROLES))


def board_label(board):
    return board.site.site_name or board.site.hostname


class BoardFilterSet(WagtailFilterSet):
    """Filters of a board report. Only whoever reads several boards is offered the choice of board."""

    board = django_filters.ModelChoiceFilter(
        label="Trang",
        queryset=lambda request: report_boards(request.user),
        empty_label="Tất cả các trang",
    )

    class Meta:
        model = EditorialBoard  # django-filter wants a model; the filters never touch its queryset
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if report_boards(self.request.user).count() < 2:
            del self.filters["board"]


class BoardReportMixin(LabelledExportButtons):
    """A board report (put before ReportView): refuses non-readers with 403, reads its filters from the GET
    parameters, and exports the columns it shows (except those marked `exported = False`).

    Rows are built from the filter values (`params`) rather than filtered afterwards: django-filter only
    filters querysets, and a report's rows are computed figures."""

    filterset_class = BoardFilterSet
    # Times in local time (Wagtail writes UTC): the board reads them as the clock on the wall.
    custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        datetime.datetime: {
            SpreadsheetExportMixin.FORMAT_XLSX: lambda value: timezone.make_naive(value),
            SpreadsheetExportMixin.FORMAT_CSV: lambda value: f"{timezone.localtime(value):%d/%m/%Y %H:%M}",
        },
    }
    results_template_name = "editorial/reports/results.html"
    paginate_by = 100

    def dispatch(self, request, *args, **kwargs):
        """A 403 page in the admin: raising PermissionDenied would make Wagtail redirect to the dashboard."""
        if not may_read_reports(request.user):
            return refused(request, REFUSED, "Không có quyền xem báo cáo")
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def params(self):
        """The valid filter values; an invalid one is reported in the filter panel and left out."""
        if self.filters is None:
            return {}
        self.filters.is_valid()
        return self.filters.form.cleaned_data

    @cached_property
    def boards(self):
        chosen = self.params.get("board")
        boards = report_boards(self.request.user)
        return boards.filter(pk=chosen.pk) if chosen else boards

    def filter_queryset(self, rows):
        return rows

    def get_queryset(self):
        return self.rows  # each report's cached list of rows

    summary = ""  # a line above the table (period, totals); shown again on each filter change

    @property
    def list_export(self):
        return [column.name for column in self.columns if getattr(column, "exported", True)]

    @property
    def export_headings(self):
        return {column.name: column.label for column in self.columns}


class ReportMenuItem(MenuItem):
    """A Reports-menu item shown only to those who may read the reports."""

    def is_shown(self, request):
        return may_read_reports(request.user)
