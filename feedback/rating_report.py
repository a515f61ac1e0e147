"""The page-rating report (Reports menu): per rated article or document, how many readers found it useful,
how many did not, the share, and the latest comments; exportable to XLSX/CSV.

It reads like the board's reports and uses their access rule (editorial.reports.access): the head, the
deputies and the secretariat read it, each for the sites of their own board. Legal documents belong to no
site (one database for the installation), so their ratings show to every reader of the report.
"""

import datetime
from dataclasses import dataclass

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.core.validators import RegexValidator
from django.db.models import Count, Max, Q
from django.utils.functional import cached_property
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from editorial.reports.access import BoardFilterSet, BoardReportMixin
from editorial.reports.posting import PERIOD, PERIOD_INVALID, period_label, period_window
from editorial.reports.sections import BarColumn

from .models import PageRating
from .ratings import KINDS

LATEST_COMMENTS = 3


@dataclass
class RatingRow:
    kind: str
    title: str
    url: str
    yes: int
    no: int
    last_rated: datetime.datetime
    comments: str

    @property
    def total(self):
        return self.yes + self.no

    @property
    def share(self):
        """Percent of readers who answered "yes"."""
        return round(100 * self.yes / self.total, 1) if self.total else 0.0

    @property
    def bar(self):
        return round(self.share)


class RatingFilterSet(BoardFilterSet):
    kind = django_filters.ChoiceFilter(
        label="Loại nội dung",
        choices=[(kind.slug, kind.label) for kind in KINDS.values()],
        empty_label="Tất cả",
    )
    period = django_filters.CharFilter(
        label="Kỳ báo cáo",
        help_text="Tháng (2026-11) hoặc quý (2026-Q4); để trống là mọi lúc.",
        validators=[RegexValidator(PERIOD, PERIOD_INVALID)],
    )


def rating_rows(kind_slug=None, period_text=None, site_roots=None, request=None):
    """One row per rated item: most rated first, then least useful first (what needs work). `site_roots`
    (tree paths) limits articles to those sites; None means every site."""
    ratings = PageRating.objects.all()
    if period_text:
        start, end = period_window(period_text)
        ratings = ratings.filter(created_at__gte=start, created_at__lt=end)
    rows = []
    for kind in KINDS.values():
        if kind_slug and kind.slug != kind_slug:
            continue
        items = visible_items(kind, site_roots)
        content_type = ContentType.objects.get_for_model(kind.model)
        counts = (
            ratings.filter(content_type=content_type)
            .values("object_id")
            .annotate(
                yes=Count("pk", filter=Q(useful=True)),
                no=Count("pk", filter=Q(useful=False)),
                last=Max("created_at"),
            )
        )
        counts = {row["object_id"]: row for row in counts}
        comments = latest_comments(ratings.filter(content_type=content_type, object_id__in=list(counts)))
        for item in items.filter(pk__in=list(counts)):
            row = counts[item.pk]
            rows.append(
                RatingRow(
                    kind=kind.label,
                    title=str(item),
                    url=item.get_url(request) or "",
                    yes=row["yes"],
                    no=row["no"],
                    last_rated=row["last"],
                    comments=" | ".join(comments.get(item.pk, [])),
                )
            )
    return sorted(rows, key=lambda row: (-row.total, row.share, row.title))


def visible_items(kind, site_roots):
    """The kind's items, live or not (a rating stays counted after unpublishing); articles within the
    sites."""
    items = kind.model.objects.all()
    if site_roots is None or not issubclass(kind.model, Page):
        return items
    query = Q(pk__in=[])
    for root in site_roots:
        query |= Q(path__startswith=root)
    return items.filter(query)


def latest_comments(ratings):
    """{object id: up to LATEST_COMMENTS non-empty comments, newest first}."""
    latest = {}
    for object_id, comment in (
        ratings.exclude(comment="").order_by("-created_at").values_list("object_id", "comment")
    ):
        kept = latest.setdefault(object_id, [])
        if len(kept) < LATEST_COMMENTS:
            kept.append(comment)
    return latest


class RatingReportView(BoardReportMixin, ReportView):
    page_title = "Đánh giá trang: thông tin có hữu ích không?"
    index_url_name = "feedback_ratings_report"
    index_results_url_name = "feedback_ratings_report_results"
    filterset_class = RatingFilterSet
    columns = [
        Column("kind", label="Loại"),
        Column("title", label="Tin, bài / văn bản"),
        Column("url", label="Địa chỉ"),
        Column("yes", label="Hữu ích"),
        Column("no", label="Không hữu ích"),
        Column("share", label="Tỷ lệ hữu ích (%)"),
        BarColumn("bar", label="Biểu đồ"),
        Column("last_rated", label="Đánh giá gần nhất"),
        Column("comments", label="Góp ý gần nhất"),
    ]

    @cached_property
    def rows(self):
        roots = (
            None
            if self.request.user.is_superuser and not self.params.get("board")
            else [board.site.root_page.path for board in self.boards]
        )
        return rating_rows(self.params.get("kind"), self.params.get("period"), roots, self.request)

    @property
    def summary(self):
        period = self.params.get("period")
        total = sum(row.total for row in self.rows)
        return f"Kỳ báo cáo: {period_label(period) if period else 'mọi lúc'}. Tổng số lượt đánh giá: {total}."

    def get_filename(self):
        return f"danh-gia-trang-{self.params.get('period') or 'tat-ca'}"
