"""Publication deadlines: a legal document goes online within 2 working days of its issue (Nghị định
43/2011 Điều 17), event news within 2 days of the event (docs/requirements.md, Working days and deadlines).
For the items first online in a period (?period=2026-11), the delay and whether it was kept; ?show=late lists
the late ones only.

Legal documents are one database for the whole installation, published by the board of the site that serves
them; event news belongs to its site's board."""

import datetime
from dataclasses import dataclass

import django_filters
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import Min
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.models import ModelLogEntry, Page, PageLogEntry

from legal_docs.models import LegalDocument
from news.models import ArticlePage

from ..calendar import working_calendar, working_days_between
from ..models import EditorialBoard
from .access import BoardReportMixin, board_label
from .posting import PeriodFilterSet, period_code, period_label, period_window

LIMIT_DAYS = 2
DOCUMENT, EVENT = "Văn bản", "Tin sự kiện"


@dataclass
class DeadlineRow:
    kind: str
    board: str
    title: str
    reference: datetime.date  # issue date, or the event's date
    online_at: datetime.datetime
    delay: int
    unit: str
    late: bool

    @property
    def verdict(self):
        return "Trễ hạn" if self.late else "Đúng hạn"


def publish_logs(model):
    """(publish log entries of model's objects, the field naming the object)."""
    if issubclass(model, Page):
        return PageLogEntry.objects.filter(action="wagtail.publish"), "page_id"
    content_type = ContentType.objects.get_for_model(model)
    return ModelLogEntry.objects.filter(action="wagtail.publish", content_type=content_type), "object_id"


def first_online(queryset, window):
    """[(object, first online time)] of the objects of queryset first put online within window: by
    first_published_at, or for objects without it (created live) by their first publish log entry."""
    start, end = window
    found = [
        (obj, obj.first_published_at)
        for obj in queryset.filter(first_published_at__gte=start, first_published_at__lt=end)
    ]
    logs, key = publish_logs(queryset.model)
    logged = {
        int(pk) for pk in logs.filter(timestamp__gte=start, timestamp__lt=end).values_list(key, flat=True)
    }
    undated = list(queryset.filter(first_published_at__isnull=True, pk__in=logged))
    mine = logs.filter(**{f"{key}__in": [str(obj.pk) for obj in undated]})
    firsts = {
        int(pk): first
        for pk, first in mine.values(key).annotate(first=Min("timestamp")).values_list(key, "first")
    }
    found += [(obj, firsts[obj.pk]) for obj in undated if firsts[obj.pk] >= start]
    return sorted(found, key=lambda pair: pair[1])


def legal_document_rows(boards, window, off):
    """Each board's own site's legal documents (core/sites.py)."""
    return [row for board in boards for row in board_legal_document_rows(board, window, off)]


def board_legal_document_rows(board, window, off):
    rows = []
    documents = LegalDocument.objects.filter(live=True, site_id=board.site_id)
    for document, online_at in first_online(documents, window):
        delay = working_days_between(document.issued_on, timezone.localdate(online_at), off)
        rows.append(
            DeadlineRow(
                DOCUMENT,
                board_label(board),
                str(document),
                document.issued_on,
                online_at,
                delay,
                "ngày làm việc",
                delay > LIMIT_DAYS,
            )
        )
    return rows


def event_news_rows(boards, window):
    rows = []
    for board in boards:
        articles = (
            ArticlePage.objects.live().descendant_of(board.site.root_page).filter(event_date__isnull=False)
        )
        for article, online_at in first_online(articles, window):
            delay = max((timezone.localdate(online_at) - article.event_date).days, 0)
            rows.append(
                DeadlineRow(
                    EVENT,
                    board_label(board),
                    article.title,
                    article.event_date,
                    online_at,
                    delay,
                    "ngày",
                    delay > LIMIT_DAYS,
                )
            )
    return rows


def deadline_rows(period_text=None, boards=None):
    window = period_window(period_text)
    boards = EditorialBoard.objects.select_related("site__root_page") if boards is None else boards
    return legal_document_rows(boards, window, working_calendar()) + event_news_rows(boards, window)


def tally(rows, kind):
    mine = [row for row in rows if row.kind == kind]
    late = sum(row.late for row in mine)
    return f"{kind}: {len(mine) - late} đúng hạn, {late} trễ hạn"


class DeadlineFilterSet(PeriodFilterSet):
    show = django_filters.ChoiceFilter(
        label="Hiển thị",
        choices=[("late", "Chỉ các mục trễ hạn")],
        empty_label="Tất cả",
        widget=forms.RadioSelect,
    )


class PublicationDeadlineReportView(BoardReportMixin, ReportView):
    page_title = "Thời hạn đăng tải văn bản và tin sự kiện"
    index_url_name = "editorial_publication_deadlines_report"
    index_results_url_name = "editorial_publication_deadlines_report_results"
    filterset_class = DeadlineFilterSet
    columns = [
        Column("kind", label="Loại"),
        Column("board", label="Trang"),
        Column("title", label="Văn bản, tin"),
        Column("reference", label="Ngày ban hành / ngày sự kiện"),
        Column("online_at", label="Đăng lần đầu"),
        Column("delay", label="Số ngày"),
        Column("unit", label="Cách tính"),
        Column("verdict", label="Kết quả"),
    ]

    @cached_property
    def all_rows(self):
        return deadline_rows(self.params.get("period"), self.boards)

    @cached_property
    def rows(self):
        if self.params.get("show") == "late":
            return [row for row in self.all_rows if row.late]
        return self.all_rows

    @property
    def summary(self):
        tallies = "; ".join(tally(self.all_rows, kind) for kind in (DOCUMENT, EVENT))
        return (
            f"Kỳ báo cáo: {period_label(self.params.get('period'))}. {tallies} "
            f"(hạn {LIMIT_DAYS} ngày làm việc sau ngày ban hành, {LIMIT_DAYS} ngày sau sự kiện)."
        )

    def get_filename(self):
        return f"han-dang-tai-{period_code(self.params.get('period'))}"
