"""Items the admin published directly from an official source, week by week: the weekly report to the board
(docs/requirements.md, Direct publication). Each such publication is logged when it happens
(editorial.notifications); this report lists an ISO week (?week=2026-W47; by default the last complete
week), and `send_weekly_reports` emails it to each board's head and deputies (management command
`send_direct_publications_report`, from cron)."""

import datetime
import re
from dataclasses import dataclass
from itertools import groupby

import django_filters
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db.models import CharField
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.models import ModelLogEntry, PageLogEntry

from legal_docs.importer import IMPORT_ACTION, IMPORT_LABEL
from legal_docs.models import LegalDocument

from ..calendar import start_of_day
from ..enums import Role
from ..models import EditorialBoard
from ..notifications import OFFICIAL_SOURCE_PUBLICATION
from .access import BoardFilterSet, BoardReportMixin, board_label
from .posting import YEAR

WEEK = re.compile(rf"^{YEAR}-W(\d{{2}})$")
WEEK_INVALID = "Nhập tuần dạng 2026-W47 (năm từ 1900 đến 2199, chữ W, số tuần từ 01 đến 52 hoặc 53)."
RECIPIENT_ROLES = frozenset({Role.HEAD, Role.STANDING_DEPUTY, Role.DEPUTY})


@dataclass
class DirectPublication:
    board: str
    title: str
    source: str
    user: str
    published_at: datetime.datetime


def _monday(text):
    match = WEEK.match(text or "")
    if not match:
        raise ValueError(text)
    return datetime.date.fromisocalendar(int(match[1]), int(match[2]), 1)


def validate_week(text):
    try:
        _monday(text)
    except ValueError as error:
        raise ValidationError(WEEK_INVALID) from error


def week_bounds(text=None, today=None):
    """(Monday, the Monday after) of ISO week "2026-W47"; the last complete week if unset or invalid."""
    try:
        monday = _monday(text)
    except ValueError:
        today = today or timezone.localdate()
        monday = today - datetime.timedelta(days=today.weekday() + 7)
    return monday, monday + datetime.timedelta(days=7)


def week_code(monday):
    year, week, _day = monday.isocalendar()
    return f"{year}-W{week:02d}"


def week_label(monday):
    year, week, _day = monday.isocalendar()
    return f"tuần {week}/{year} ({monday:%d/%m} – {monday + datetime.timedelta(days=6):%d/%m/%Y})"


def direct_publications(boards, week_text=None, today=None):
    """The week's direct publications on each board's site, in order of time: the admin's official-source
    pages, the admin's legal documents of the board's site and each CSV import into it (one row per import,
    however many documents it published)."""
    monday, next_monday = week_bounds(week_text, today)
    window = {"timestamp__gte": start_of_day(monday), "timestamp__lt": start_of_day(next_monday)}
    pages = PageLogEntry.objects.filter(action=OFFICIAL_SOURCE_PUBLICATION, **window).select_related("user")
    rows = []
    for board in boards:
        entries = pages.filter(page__path__startswith=board.site.root_page.path)
        board_rows = [_row(board, entry, entry.label, entry.data.get("source", "")) for entry in entries]
        board_rows += _document_rows(board, window)
        rows += sorted(board_rows, key=lambda row: row.published_at)
    return rows


def _row(board, entry, title, source):
    return DirectPublication(
        board=board_label(board),
        title=title,
        source=source,
        user=entry.user_display_name,
        published_at=entry.timestamp,
    )


def _document_rows(board, window):
    """The board's own site's documents (core/sites.py): log entries name them by id as text."""
    ids = LegalDocument.objects.filter(site_id=board.site_id).annotate(text_id=Cast("pk", CharField()))
    documents = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(LegalDocument),
        object_id__in=ids.values("text_id"),
        **window,
    ).select_related("user")
    rows = [
        _row(board, entry, entry.label, entry.data.get("source", ""))
        for entry in documents.filter(action=OFFICIAL_SOURCE_PUBLICATION)
    ]
    imports = documents.filter(action=IMPORT_ACTION).order_by("uuid", "timestamp")
    for _batch, entries in groupby(imports, key=lambda entry: entry.uuid):
        entries = list(entries)
        title = f"Nhập {len(entries)} văn bản từ tệp CSV (đầu tiên: {entries[0].label})"
        rows.append(_row(board, entries[0], title, IMPORT_LABEL))
    return rows


class WeekFilterSet(BoardFilterSet):
    week = django_filters.CharFilter(
        label="Tuần",
        help_text="Dạng 2026-W47; để trống là tuần trước.",
        validators=[validate_week],
    )


class DirectPublicationReportView(BoardReportMixin, ReportView):
    page_title = "Tin, bài Quản trị đăng trực tiếp từ nguồn chính thức"
    index_url_name = "editorial_direct_publications_report"
    index_results_url_name = "editorial_direct_publications_report_results"
    filterset_class = WeekFilterSet
    columns = [
        Column("board", label="Trang"),
        Column("title", label="Tin, bài"),
        Column("source", label="Nguồn chính thức"),
        Column("user", label="Người đăng"),
        Column("published_at", label="Thời gian đăng"),
    ]

    @cached_property
    def monday(self):
        return week_bounds(self.params.get("week"))[0]

    @cached_property
    def rows(self):
        return direct_publications(self.boards, week_code(self.monday))

    @property
    def summary(self):
        return f"{capfirst(week_label(self.monday))}: {len(self.rows)} tin, bài đăng trực tiếp."

    def get_filename(self):
        return f"dang-truc-tiep-{week_code(self.monday)}"


# The weekly email -----------------------------------------------------------------------------------------
def report_recipients(board):
    """Emails of the board's head and deputies (active seats and accounts)."""
    seats = board.members.filter(active=True, user__is_active=True).select_related("user")
    return sorted(
        {seat.user.email for seat in seats if seat.user.email and set(seat.roles) & RECIPIENT_ROLES}
    )


def send_weekly_reports(week_text=None, today=None):
    """Email each board's head and deputies the week's direct publications on their site, also when there
    were none (the report is due every week). Returns the number of emails sent."""
    monday, _next_monday = week_bounds(week_text, today)
    sent = 0
    for board in EditorialBoard.objects.select_related("site__root_page"):
        recipients = report_recipients(board)
        if not recipients:
            continue
        rows = direct_publications([board], week_code(monday))
        send_mail(
            f"[Ban biên tập] Tin, bài đăng trực tiếp {week_label(monday)}: {len(rows)}",
            _email_body(board, monday, rows),
            None,
            recipients,
        )
        sent += 1
    return sent


def _email_body(board, monday, rows):
    lines = [
        f"- {timezone.localtime(row.published_at):%d/%m/%Y %H:%M} · {row.title} · nguồn: {row.source} · "
        f"người đăng: {row.user}"
        for row in rows
    ] or ["Không có tin, bài nào được đăng trực tiếp."]
    url = (
        f"{getattr(settings, 'WAGTAILADMIN_BASE_URL', '').rstrip('/')}"
        f"{reverse('editorial_direct_publications_report')}?week={week_code(monday)}&board={board.pk}"
    )
    return (
        f"Kính gửi {board},\n\n"
        f"Tin, bài Quản trị đăng trực tiếp từ nguồn chính thức trên {board_label(board)}, "
        f"{week_label(monday)}:\n" + "\n".join(lines) + f"\n\nXem báo cáo: {url}"
    )
