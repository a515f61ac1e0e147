"""Outdated content (the secretariat reviews the site and proposes removing what is out of date:
docs/requirements.md, Removal and archiving): live pages of each board's site neither published nor revised
for N months (default 12), by section, each with the action to propose its removal through the board's
workflow."""

import calendar
from dataclasses import dataclass

import django_filters
from django import forms
from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from ..models import RemovalProposal, SectionAssignment
from ..removal import PROPOSE_REMOVAL_URL, proposer_board_ids
from .access import BoardFilterSet, BoardReportMixin, board_label, report_boards

SLUG = "noi-dung-cu"
DEFAULT_MONTHS = 12


def months_before(moment, months):
    """The same time `months` calendar months earlier (31 March minus one month is 28/29 February)."""
    year, month = divmod(moment.year * 12 + moment.month - 1 - months, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def stale_pages(board, months=DEFAULT_MONTHS, section=None, now=None):
    """Live pages of the board's site last published and last revised before the cutoff, oldest first.

    Pages with live children are listings that stay current through their children, and taking one off would
    leave its children online under it: they are left out."""
    cutoff = months_before(timezone.localtime(now), months)
    pages = Page.objects.live().descendant_of(board.site.root_page)
    if section is not None:
        pages = pages.descendant_of(section, inclusive=True)
    for field in ("last_published_at", "latest_revision_created_at"):
        pages = pages.filter(Q(**{f"{field}__lt": cutoff}) | Q(**{f"{field}__isnull": True}))
    live_children = Page.objects.live().filter(depth=OuterRef("depth") + 1, path__startswith=OuterRef("path"))
    return (
        pages.exclude(Exists(live_children))
        .select_related("owner")
        .order_by(F("last_published_at").asc(nulls_first=True), "path")
    )


@dataclass
class StaleRow:
    page: Page
    board: str
    section: str
    propose_url: str | None  # when the user may propose and no removal is pending
    pending: bool

    @property
    def title(self):
        return self.page.title

    @property
    def last_published(self):
        return self.page.last_published_at

    @property
    def last_revised(self):
        return self.page.latest_revision_created_at

    @property
    def owner(self):
        return str(self.page.owner) if self.page.owner else ""

    @property
    def action(self):
        if self.pending:
            return "Đang chờ duyệt gỡ"
        return "Đề nghị gỡ" if self.propose_url else ""


def stale_rows(user, boards, months=DEFAULT_MONTHS, section=None, now=None):
    """The rows of `boards`; the action is offered where `user` may propose and no removal is pending."""
    rows = []
    may_propose = proposer_board_ids(user)
    for board in boards:
        root = board.site.root_page
        pages = stale_pages(board, months, section, now)
        pending = set(
            RemovalProposal.objects.pending()
            .filter(page__in=pages.values("pk"))
            .values_list("page", flat=True)
        )
        sections = {page.path: page.title for page in root.get_children()}
        for page in pages:
            rows.append(
                StaleRow(
                    page=page,
                    board=board_label(board),
                    section=sections.get(page.path[: (root.depth + 1) * Page.steplen], ""),
                    propose_url=reverse(PROPOSE_REMOVAL_URL, args=[page.pk])
                    if board.pk in may_propose and page.pk not in pending
                    else None,
                    pending=page.pk in pending,
                )
            )
    return rows


def section_choices(request):
    """The sections of the reader's sites (children of each site root) and the sections assigned to them."""
    assigned = SectionAssignment.objects.filter(member__user_id=request.user.pk, member__active=True)
    sections = Page.objects.filter(pk__in=assigned.values("section_id"))
    for board in report_boards(request.user):
        sections |= Page.objects.child_of(board.site.root_page)
    return sections.order_by("path")


class MonthsFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class StaleFilterSet(BoardFilterSet):
    months = MonthsFilter(
        label="Không cập nhật từ (tháng)",
        min_value=1,
        max_value=600,
        help_text=f"Để trống là {DEFAULT_MONTHS} tháng.",
    )
    section = django_filters.ModelChoiceFilter(
        label="Chuyên mục", queryset=section_choices, empty_label="Tất cả các chuyên mục"
    )

    class Meta:
        model = Page  # django-filter wants one; the rows are built by stale_rows, not filtered
        fields = []


class ActionColumn(TitleColumn):
    empty_value_display = ""
    exported = False


class StaleContentReportView(BoardReportMixin, ReportView):
    """Outdated pages, oldest first: ?months=18, ?section=<page id>; XLSX/CSV export."""

    page_title = "Nội dung lâu không cập nhật"
    header_icon = "time"
    index_url_name = "editorial_stale_report"
    index_results_url_name = "editorial_stale_report_results"
    filterset_class = StaleFilterSet
    columns = [
        TitleColumn(
            "title",
            label="Tiêu đề",
            get_url=lambda row: reverse("wagtailadmin_pages:edit", args=[row.page.pk]),
        ),
        Column("board", label="Trang"),
        Column("section", label="Chuyên mục"),
        DateColumn("last_published", label="Đăng lần cuối"),
        DateColumn("last_revised", label="Sửa lần cuối"),
        Column("owner", label="Người tạo"),
        ActionColumn("action", label="Thao tác", get_url=lambda row: row.propose_url),
    ]

    @property
    def months(self):
        return self.params.get("months") or DEFAULT_MONTHS

    @cached_property
    def rows(self):
        return stale_rows(self.request.user, self.boards, self.months, self.params.get("section"))

    @property
    def summary(self):
        return f"Tin, bài không đăng lại, không sửa trong {self.months} tháng qua: {len(self.rows)}."

    def get_filename(self):
        return f"noi-dung-cu-{self.months}-thang"
