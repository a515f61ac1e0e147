"""Moderation timeliness: how long each approver takes at each step of the board's path, against the step's
time limit in working days (the head within 2 days, a delegated deputy within 1: docs/requirements.md,
Working days and deadlines).

A step is measured from the moment it started to the moment its approver acted (or until now, while it
waits), counting only time on working days: the same measure `BoardTask.due_at` sets the deadline in.
A period (?period=2026-11) takes the steps finished in it, plus those still waiting that started before
its end."""

import statistics
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.models import TaskState

from ..calendar import working_calendar, working_time
from ..models import BoardTask, EditorialBoard
from .access import BoardReportMixin, board_label
from .posting import PeriodFilterSet, period_code, period_label, period_window

WAITING = "Đang chờ xử lý"
STATUS = {
    TaskState.STATUS_APPROVED: "Đã duyệt",
    TaskState.STATUS_REJECTED: "Trả lại",
    TaskState.STATUS_IN_PROGRESS: "Đang chờ",
}
DAY = timedelta(days=1)


@dataclass
class Step:
    """One moderation step of one item."""

    board: str
    item: str
    step: str
    approver: str
    status: str
    started_at: datetime
    due_at: datetime
    finished_at: datetime | None
    days: float  # working days spent (so far, while it waits)
    late: bool
    limit: int  # the step's limit in working days
    order: tuple = field(repr=False)  # board, position of the step in the path

    @property
    def verdict(self):
        return "Quá hạn" if self.late else "Đúng hạn"


@dataclass
class TimelinessRow:
    """The steps one approver handled at one step of one board's path."""

    board: str
    step: str
    approver: str
    count: int
    median_days: float
    limit: int
    late: int

    @property
    def on_time(self):
        return self.count - self.late


def board_tasks(boards):
    """{task id: task} of the boards' moderation steps (every BoardTask type)."""
    return {
        task.pk: task
        for model in BoardTask.__subclasses__()
        for task in model.objects.filter(board__in=boards).select_related("board__site")
    }


def moderation_steps(period_text=None, boards=None, now=None):
    """The steps of the period, oldest first."""
    now = now or timezone.now()
    start, end = period_window(period_text)
    tasks = board_tasks(EditorialBoard.objects.all() if boards is None else boards)
    finished = [TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED]
    states = (
        TaskState.objects.filter(task_id__in=tasks)
        .filter(
            Q(status__in=finished, finished_at__gte=start, finished_at__lt=end)
            | Q(status=TaskState.STATUS_IN_PROGRESS, started_at__lt=end)
        )
        .select_related("finished_by", "revision", "workflow_state")
        .order_by("started_at", "pk")
    )
    off = working_calendar()
    return [_step(state, tasks[state.task_id], now, off) for state in states]


def _step(state, task, now, off):
    due = task.due_at(state, off)
    until = state.finished_at or now
    waiting = state.status == TaskState.STATUS_IN_PROGRESS
    item = state.revision.object_str if state.revision else str(state.workflow_state.content_object)
    return Step(
        board=board_label(task.board),
        item=item,
        step=capfirst(task._meta.verbose_name),
        approver=WAITING if waiting else str(state.finished_by or "—"),
        status=STATUS[state.status],
        started_at=state.started_at,
        due_at=due,
        finished_at=state.finished_at,
        days=round(working_time(state.started_at, until, off) / DAY, 2),
        late=until > due,
        limit=getattr(task.board, task.sla_field),
        order=(board_label(task.board), task.pk),
    )


def timeliness_rows(steps):
    """Per board, step and approver: count, median working days, steps late."""
    groups = {}
    for step in sorted(steps, key=lambda step: (step.order, step.approver == WAITING, step.approver)):
        groups.setdefault((step.order, step.approver), []).append(step)
    return [
        TimelinessRow(
            board=group[0].board,
            step=group[0].step,
            approver=approver,
            count=len(group),
            median_days=round(statistics.median(step.days for step in group), 2),
            limit=group[0].limit,
            late=sum(step.late for step in group),
        )
        for (_order, approver), group in groups.items()
    ]


class TimelinessFilterSet(PeriodFilterSet):
    show = django_filters.ChoiceFilter(
        label="Hiển thị",
        choices=[("late", "Danh sách các bước quá hạn")],
        empty_label="Tổng hợp theo người duyệt",
        widget=forms.RadioSelect,
    )


class TimelinessReportView(BoardReportMixin, ReportView):
    """Per approver and step (or, with ?show=late, each overdue step) for a month or quarter."""

    page_title = "Thời hạn duyệt tin, bài"
    index_url_name = "editorial_timeliness_report"
    index_results_url_name = "editorial_timeliness_report_results"
    filterset_class = TimelinessFilterSet
    summary_columns = [
        Column("board", label="Trang"),
        Column("step", label="Bước duyệt"),
        Column("approver", label="Người duyệt"),
        Column("count", label="Số lượt"),
        Column("median_days", label="Thời gian trung vị (ngày làm việc)"),
        Column("limit", label="Thời hạn (ngày làm việc)"),
        Column("on_time", label="Đúng hạn"),
        Column("late", label="Quá hạn"),
    ]
    late_columns = [
        Column("board", label="Trang"),
        Column("item", label="Tin, bài"),
        Column("step", label="Bước duyệt"),
        Column("approver", label="Người duyệt"),
        Column("status", label="Trạng thái"),
        Column("started_at", label="Bắt đầu"),
        Column("due_at", label="Hạn"),
        Column("finished_at", label="Xử lý lúc"),
        Column("days", label="Thời gian (ngày làm việc)"),
    ]

    @property
    def listing_late(self):
        return self.params.get("show") == "late"

    @property
    def columns(self):
        return self.late_columns if self.listing_late else self.summary_columns

    @cached_property
    def steps(self):
        return moderation_steps(self.params.get("period"), self.boards)

    @cached_property
    def rows(self):
        if self.listing_late:
            return [step for step in self.steps if step.late]
        return timeliness_rows(self.steps)

    @property
    def summary(self):
        late = sum(step.late for step in self.steps)
        return (
            f"Kỳ báo cáo: {period_label(self.params.get('period'))}. "
            f"{len(self.steps)} lượt duyệt, {late} quá hạn."
        )

    def get_filename(self):
        kind = "qua-han" if self.listing_late else "tong-hop"
        return f"thoi-han-duyet-{kind}-{period_code(self.params.get('period'))}"
