"""Items published per section in a month or quarter: the monthly summary the secretariat gives the head
(docs/requirements.md, Reports). A section is a top-level page of the site (a child of its root), so
every item is counted once, in the section that contains it."""

from dataclasses import dataclass

from django.utils.functional import cached_property
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from ..models import EditorialBoard
from .access import BoardReportMixin, board_label
from .posting import PeriodFilterSet, period_code, period_label, period_window, published_pages

TOTAL = "Tổng cộng"


@dataclass
class SectionRow:
    board: str
    section: str
    published: int
    percent: float  # of the site's items in the period
    bar: int | None  # length of the bar in the HTML view, in % of the busiest section; none on the total


class BarColumn(Column):
    """A bar drawn inline (SVG) in the HTML view; spreadsheets get the numbers only."""

    cell_template_name = "editorial/reports/bar_cell.html"
    exported = False


def section_rows(period_text=None, boards=None):
    window = period_window(period_text)
    boards = EditorialBoard.objects.select_related("site__root_page") if boards is None else boards
    rows = []
    for board in boards:
        counts = [
            (section.title, published_pages(section, window).count())
            for section in board.site.root_page.get_children().live().order_by("path")
        ]
        total = sum(count for _title, count in counts)
        busiest = max((count for _title, count in counts), default=0)
        for title, count in counts:
            rows.append(
                SectionRow(
                    board=board_label(board),
                    section=title,
                    published=count,
                    percent=round(100 * count / total, 1) if total else 0.0,
                    bar=round(100 * count / busiest) if busiest else 0,
                )
            )
        rows.append(SectionRow(board_label(board), TOTAL, total, 100.0 if total else 0.0, None))
    return rows


class SectionReportView(BoardReportMixin, ReportView):
    """Published items per top-level section, by month (?period=2026-11) or quarter (?period=2026-Q4)."""

    page_title = "Tin, bài đăng theo chuyên mục"
    index_url_name = "editorial_sections_report"
    index_results_url_name = "editorial_sections_report_results"
    filterset_class = PeriodFilterSet
    columns = [
        Column("board", label="Trang"),
        Column("section", label="Chuyên mục"),
        Column("published", label="Số tin, bài đã đăng"),
        Column("percent", label="Tỷ lệ (%)"),
        BarColumn("bar", label="Biểu đồ"),
    ]

    @cached_property
    def rows(self):
        return section_rows(self.params.get("period"), self.boards)

    @property
    def summary(self):
        return f"Kỳ báo cáo: {period_label(self.params.get('period'))}."

    def get_filename(self):
        return f"tin-bai-theo-chuyen-muc-{period_code(self.params.get('period'))}"
