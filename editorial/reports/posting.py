"""The monthly and quarterly posting report: items each board member published against the quota (2 a month,
6 a quarter: docs/requirements.md, Reports). Also home of the report period (?period=2026-11 or
2026-Q4) the other board reports filter by."""

import datetime
import re
from dataclasses import dataclass

import django_filters
from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from ..calendar import start_of_day
from ..enums import Role
from ..models import EditorialBoard
from .access import BoardFilterSet, BoardReportMixin, board_label

QUOTA = {"month": 2, "quarter": 6}
# Years 1900–2199: a report period far outside them would only overflow the date arithmetic below.
YEAR = r"((?:19|20|21)\d{2})"
PERIOD = re.compile(rf"^{YEAR}-(?:(0?[1-9]|1[0-2])|Q([1-4]))$")
PERIOD_INVALID = "Nhập kỳ báo cáo dạng 2026-11 (tháng) hoặc 2026-Q4 (quý), năm từ 1900 đến 2199."


@dataclass
class PostingRow:
    board: str
    member: str
    position: str
    roles: str
    published: int
    quota: int

    @property
    def verdict(self):
        return "Đạt" if self.published >= self.quota else "Chưa đạt"


def period_bounds(text, today=None):
    """("month"|"quarter", first day, first day after) for "2026-11" or "2026-Q4"; this month if unset."""
    today = today or timezone.localdate()
    match = PERIOD.match(text or "")
    if not match:
        return "month", today.replace(day=1), _add_months(today.replace(day=1), 1)
    year, month, quarter = int(match[1]), match[2], match[3]
    if quarter:
        start = datetime.date(year, 3 * int(quarter) - 2, 1)
        return "quarter", start, _add_months(start, 3)
    start = datetime.date(year, int(month), 1)
    return "month", start, _add_months(start, 1)


def period_label(text, today=None):
    """ "Tháng 11/2026" or "Quý 4/2026", for the line above a report."""
    kind, start, _end = period_bounds(text, today)
    if kind == "quarter":
        return f"Quý {(start.month + 2) // 3}/{start.year}"
    return f"Tháng {start.month}/{start.year}"


def period_code(text, today=None):
    """ "2026-11" or "2026-Q4": the period a report shows (this month when unset), for export file names."""
    kind, start, _end = period_bounds(text, today)
    if kind == "quarter":
        return f"{start.year}-Q{(start.month + 2) // 3}"
    return f"{start:%Y-%m}"


def period_window(text, today=None):
    """The period as aware datetimes [start, end) in local time, for timestamp filters."""
    _kind, start, end = period_bounds(text, today)
    return start_of_day(start), start_of_day(end)


def _add_months(day, months):
    index = day.month - 1 + months
    return day.replace(year=day.year + index // 12, month=index % 12 + 1)


def published_pages(root, window):
    """Live pages under `root` first published within `window`: the items a period counts."""
    return (
        Page.objects.live()
        .descendant_of(root)
        .filter(first_published_at__gte=window[0], first_published_at__lt=window[1])
    )


class PeriodFilterSet(BoardFilterSet):
    period = django_filters.CharFilter(
        label="Kỳ báo cáo",
        help_text="Tháng (2026-11) hoặc quý (2026-Q4); để trống là tháng này.",
        validators=[RegexValidator(PERIOD, PERIOD_INVALID)],
    )


def posting_rows(period_text=None, boards=None):
    kind, _start, _end = period_bounds(period_text)
    window = period_window(period_text)
    boards = EditorialBoard.objects.select_related("site__root_page") if boards is None else boards
    rows = []
    for board in boards:
        pages = published_pages(board.site.root_page, window)
        for seat in board.members.filter(active=True).select_related("user").order_by("user__last_name"):
            if not set(seat.roles) & {Role.MEMBER, Role.CONTRIBUTOR, Role.DEPUTY, Role.STANDING_DEPUTY}:
                continue
            rows.append(
                PostingRow(
                    board=board_label(board),
                    member=str(seat.user),
                    position=seat.user.position,
                    roles=", ".join(Role(role).label for role in seat.roles),
                    published=pages.filter(owner=seat.user).count(),
                    quota=QUOTA[kind],
                )
            )
    return rows


class PostingReportView(BoardReportMixin, ReportView):
    """Posts per member against the quota, by month (?period=2026-11) or quarter (?period=2026-Q4)."""

    page_title = "Tin, bài đăng theo thành viên"
    index_url_name = "editorial_posting_report"
    index_results_url_name = "editorial_posting_report_results"
    filterset_class = PeriodFilterSet
    columns = [
        Column("board", label="Trang"),
        Column("member", label="Thành viên"),
        Column("position", label="Chức vụ"),
        Column("roles", label="Vai trò"),
        Column("published", label="Số tin, bài đã đăng"),
        Column("quota", label="Định mức"),
        Column("verdict", label="Kết quả"),
    ]

    @cached_property
    def rows(self):
        return posting_rows(self.params.get("period"), self.boards)

    @property
    def summary(self):
        return f"Kỳ báo cáo: {period_label(self.params.get('period'))}."

    def get_filename(self):
        return f"tin-bai-theo-thanh-vien-{period_code(self.params.get('period'))}"
