"""The monthly and quarterly posting report: items each board member published against the quota
(2 a month, 6 a quarter: seed 000 Điều 5.4, seed 004 Điều 8.2)."""

import datetime
import re
from dataclasses import dataclass

from django.utils import timezone
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from ..enums import Role
from ..models import EditorialBoard

QUOTA = {"month": 2, "quarter": 6}
PERIOD = re.compile(r"^(\d{4})-(?:(\d{1,2})|Q([1-4]))$")


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
    start = datetime.date(year, min(max(int(month), 1), 12), 1)
    return "month", start, _add_months(start, 1)


def _add_months(day, months):
    index = day.month - 1 + months
    return day.replace(year=day.year + index // 12, month=index % 12 + 1)


def posting_rows(period_text=None):
    kind, start, end = period_bounds(period_text)
    window = [timezone.make_aware(datetime.datetime.combine(day, datetime.time())) for day in (start, end)]
    rows = []
    for board in EditorialBoard.objects.select_related("site__root_page"):
        pages = Page.objects.descendant_of(board.site.root_page).filter(
            first_published_at__gte=window[0], first_published_at__lt=window[1], live=True
        )
        for seat in board.members.filter(active=True).select_related("user").order_by("user__last_name"):
            if not set(seat.roles) & {Role.MEMBER, Role.CONTRIBUTOR, Role.DEPUTY, Role.STANDING_DEPUTY}:
                continue
            rows.append(
                PostingRow(
                    board=board.site.site_name or board.site.hostname,
                    member=str(seat.user),
                    position=seat.user.position,
                    roles=", ".join(Role(role).label for role in seat.roles),
                    published=pages.filter(owner=seat.user).count(),
                    quota=QUOTA[kind],
                )
            )
    return rows


class PostingReportView(ReportView):
    """Posts per member against the quota, by month (?period=2026-11) or quarter (?period=2026-Q4)."""

    page_title = "Tin, bài đăng theo thành viên"
    index_url_name = "editorial_posting_report"
    index_results_url_name = "editorial_posting_report_results"
    columns = [
        Column("board", label="Trang"),
        Column("member", label="Thành viên"),
        Column("position", label="Chức vụ"),
        Column("roles", label="Vai trò"),
        Column("published", label="Số tin, bài đã đăng"),
        Column("quota", label="Định mức"),
        Column("verdict", label="Kết quả"),
    ]
    list_export = ["board", "member", "position", "roles", "published", "quota", "verdict"]
    export_headings = {column.name: column.label for column in columns}

    def get_queryset(self):
        return posting_rows(self.request.GET.get("period"))

    def get_filename(self):
        return f"tin-bai-theo-thanh-vien-{self.request.GET.get('period') or 'thang-nay'}"
