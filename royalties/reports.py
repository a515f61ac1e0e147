"""The royalty worksheet per author for a month (?period=2026-11) or a quarter (?period=2026-Q4): every
proposal of the items published in the period, grouped by payee, with the payable total of each. Only
approved proposals are payable (the head approves what the secretariat computes: docs/requirements.md,
Royalties)."""

import datetime
from dataclasses import dataclass
from itertools import groupby

from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permissions import policy_registry

from core.exports import LabelledExportButtons
from editorial.reports.posting import period_bounds, period_code

from .enums import Status
from .models import RoyaltyProposal, vnd
from .permissions import visible_boards


@dataclass
class WorksheetRow:
    board: str
    payee: str
    item: str
    published: str = ""
    category: str = ""
    status: str = ""
    amount: int | None = None
    payable: int = 0

    @property
    def amount_display(self):
        return "" if self.amount is None else vnd(self.amount)

    @property
    def payable_display(self):
        return vnd(self.payable)


def period_window(text):
    """(first moment, first moment after) of the period, local time, as the posting report counts it."""
    _kind, start, end = period_bounds(text)
    return [timezone.make_aware(datetime.datetime.combine(day, datetime.time())) for day in (start, end)]


def proposals_of_period(boards, period_text):
    _kind, start, end = period_bounds(period_text)
    return (
        RoyaltyProposal.objects.filter(board__in=boards, month__gte=start, month__lt=end)
        .select_related("board__site", "payee", "category", "page")
        .order_by("board_id", "payee__last_name", "payee__first_name", "payee_id", "page__first_published_at")
    )


def line(proposal):
    approved = proposal.status == Status.APPROVED
    return WorksheetRow(
        board=proposal.board.site.site_name or proposal.board.site.hostname,
        payee=str(proposal.payee),
        item=proposal.page.title,
        published=f"{timezone.localtime(proposal.page.first_published_at):%d/%m/%Y}",
        category=proposal.category.name,
        status=proposal.get_status_display(),
        amount=proposal.amount,
        payable=proposal.amount if approved else 0,
    )


def worksheet_rows(boards, period_text=None):
    """Each payee's lines followed by their total, then the grand total of the period."""
    rows, grand_total = [], 0
    proposals = proposals_of_period(boards, period_text)
    for _key, group in groupby(proposals, key=lambda proposal: (proposal.board_id, proposal.payee_id)):
        lines = [line(proposal) for proposal in group]
        total = sum(row.payable for row in lines)
        rows += [*lines, WorksheetRow(board=lines[0].board, payee=lines[0].payee, item="Cộng", payable=total)]
        grand_total += total
    rows.append(WorksheetRow(board="", payee="", item="Tổng cộng", payable=grand_total))
    return rows


class WorksheetReportView(LabelledExportButtons, ReportView):
    """The payment worksheet, for the secretariat and the head (and the acting head) of each board."""

    page_title = "Bảng kê nhuận bút theo tác giả"
    index_url_name = "royalties_worksheet_report"
    index_results_url_name = "royalties_worksheet_report_results"
    paginate_by = None  # a payee's lines and total stay on one page
    any_permission_required = ["view"]
    columns = [
        Column("board", label="Trang"),
        Column("payee", label="Người hưởng"),
        Column("item", label="Tin, bài"),
        Column("published", label="Ngày đăng"),
        Column("category", label="Thể loại"),
        Column("status", label="Trạng thái"),
        Column("amount", label="Số tiền đề xuất", accessor="amount_display"),
        Column("payable", label="Được thanh toán", accessor="payable_display"),
    ]
    list_export = ["board", "payee", "item", "published", "category", "status", "amount", "payable"]
    export_headings = {column.name: column.label for column in columns}

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(RoyaltyProposal)

    def get_queryset(self):
        return worksheet_rows(visible_boards(self.request.user), self.request.GET.get("period"))

    def get_filename(self):
        return f"nhuan-but-{period_code(self.request.GET.get('period'))}"
