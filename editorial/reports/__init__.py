"""The board's reports in the Wagtail admin (Reports menu), each exportable to XLSX/CSV.

Each report is a ReportView in its own module; REPORTS lists them once, and wagtail_hooks registers their
URLs and menu items from this list.
"""

from dataclasses import dataclass

from .posting import PostingReportView


@dataclass(frozen=True)
class Report:
    slug: str  # URL under /admin/bao-cao/
    view: type  # a ReportView subclass with index_url_name = f"editorial_{name}_report"
    name: str  # URL name stem
    label: str  # menu label
    icon: str = "list-ol"


REPORTS = [
    Report("tin-bai-thanh-vien", PostingReportView, "posting", "Tin, bài theo thành viên"),
]
