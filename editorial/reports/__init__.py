"""The board's reports in the Wagtail admin (Reports menu), each exportable to XLSX/CSV.

Each report is a ReportView in its own module; REPORTS lists them once, and wagtail_hooks registers their
URLs and menu items from this list.
"""

from dataclasses import dataclass

from .archived import SLUG as ARCHIVED_SLUG
from .archived import ArchivedReportView
from .direct_publications import DirectPublicationReportView
from .posting import PostingReportView
from .publication_deadlines import PublicationDeadlineReportView
from .sections import SectionReportView
from .stale import SLUG as STALE_SLUG
from .stale import StaleContentReportView
from .timeliness import TimelinessReportView


@dataclass(frozen=True)
class Report:
    slug: str  # URL under /admin/bao-cao/
    view: type  # a ReportView subclass with index_url_name = f"editorial_{name}_report"
    name: str  # URL name stem
    label: str  # menu label
    icon: str = "list-ol"


REPORTS = [
    Report("tin-bai-thanh-vien", PostingReportView, "posting", "Tin, bài theo thành viên"),
    Report("tin-bai-chuyen-muc", SectionReportView, "sections", "Tin, bài theo chuyên mục", "folder-open-1"),
    Report("thoi-han-duyet", TimelinessReportView, "timeliness", "Thời hạn duyệt", icon="time"),
    Report("dang-truc-tiep", DirectPublicationReportView, "direct_publications", "Đăng trực tiếp", "upload"),
    Report("han-dang-tai", PublicationDeadlineReportView, "publication_deadlines", "Hạn đăng tải", "date"),
    Report(STALE_SLUG, StaleContentReportView, "stale", "Nội dung lâu không cập nhật", icon="time"),
    Report(ARCHIVED_SLUG, ArchivedReportView, "archived", "Tin, bài đã lưu trữ", icon="folder-inverse"),
]
