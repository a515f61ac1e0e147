"""Archived items (docs/requirements.md, Removal and archiving): what the removal path took off the
site and what a "delete" archived, per board, newest first. The head of the item's board (or a superuser)
restores one, as a draft that goes through the board again before it is live."""

from dataclasses import dataclass

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView

from core.refusals import refused

from ..archive import ArchivedItem, restore
from ..deletion import board_of, is_head
from .access import BoardReportMixin, board_label

SLUG = "luu-tru"
RESTORE_URL = "editorial_restore_archived"
NOT_A_RESTORER = (
    "Chỉ Trưởng ban của trang có tin, bài này hoặc quản trị hệ thống được khôi phục tin, bài đã lưu trữ."
)
RESTORED = "Đã khôi phục «{title}» thành bản nháp: sửa nếu cần rồi gửi duyệt để đăng lại."


def may_restore(user, record):
    return user.is_superuser or is_head(user, record.board or board_of_item(record))


def board_of_item(record):
    item = record.item
    return board_of(item) if item is not None else None


@dataclass
class ArchivedRow:
    record: ArchivedItem
    board: str
    edit_url: str | None
    restore_url: str | None

    @property
    def title(self):
        return self.record.title

    @property
    def kind(self):
        return str(self.record.content_type.model_class()._meta.verbose_name).capitalize()

    @property
    def archived_at(self):
        return self.record.archived_at

    @property
    def archived_by(self):
        return str(self.record.archived_by or "")

    @property
    def how(self):
        return "Quy trình gỡ của Ban biên tập" if self.record.removal_id else "Xóa (chuyển thành lưu trữ)"

    @property
    def reason(self):
        return self.record.reason

    @property
    def action(self):
        return "Khôi phục" if self.restore_url else ""


def archived_rows(user, boards):
    """Active archive records of `boards` (a superuser also sees those of no board)."""
    records = ArchivedItem.objects.active().select_related("board__site", "archived_by", "content_type")
    records = records.filter(board__in=boards) if not user.is_superuser else records
    finder = AdminURLFinder(user)
    rows = []
    for record in records:
        item = record.item
        rows.append(
            ArchivedRow(
                record=record,
                board=board_label(record.board) if record.board else "",
                edit_url=finder.get_edit_url(item) if item is not None else None,
                restore_url=reverse(RESTORE_URL, args=[record.pk]) if may_restore(user, record) else None,
            )
        )
    return rows


class ActionColumn(TitleColumn):
    empty_value_display = ""
    exported = False


class ArchivedReportView(BoardReportMixin, ReportView):
    page_title = "Tin, bài đã lưu trữ"
    header_icon = "folder-inverse"
    index_url_name = "editorial_archived_report"
    index_results_url_name = "editorial_archived_report_results"
    columns = [
        Column("title", label="Tiêu đề"),
        Column("kind", label="Loại"),
        Column("board", label="Trang"),
        DateColumn("archived_at", label="Ngày lưu trữ"),
        Column("archived_by", label="Người lưu trữ"),
        Column("how", label="Cách"),
        Column("reason", label="Lý do"),
        ActionColumn("action", label="Thao tác", get_url=lambda row: row.restore_url),
    ]

    @cached_property
    def rows(self):
        return archived_rows(self.request.user, self.boards)

    @property
    def summary(self):
        return (
            f"Đang lưu trữ: {len(self.rows)}. Tin, bài lưu trữ đã gỡ khỏi cổng và được giữ lại cùng các "
            "phiên bản; khôi phục thì thành bản nháp, phải gửi duyệt lại mới được đăng."
        )

    def get_filename(self):
        return "tin-bai-luu-tru"


class RestoreArchivedView(WagtailAdminTemplateMixin, TemplateView):
    """GET: what restoring does; POST: restore (the item becomes a draft, never live directly)."""

    template_name = "editorial/confirm_restore.html"
    page_title = "Khôi phục tin, bài đã lưu trữ"
    header_icon = "rotate"

    def dispatch(self, request, pk):
        self.record = get_object_or_404(ArchivedItem.objects.active(), pk=pk)
        if not may_restore(request.user, self.record):
            return refused(request, NOT_A_RESTORER, "Không được khôi phục")
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return self.record.title

    def get_context_data(self, **kwargs):
        return super().get_context_data(record=self.record, action_url=self.request.path, **kwargs)

    def post(self, request, pk):
        item = restore(self.record, request.user)
        messages.success(request, RESTORED.format(title=self.record.title))
        edit_url = AdminURLFinder(request.user).get_edit_url(item) if item is not None else None
        return redirect(edit_url or "editorial_archived_report")
