"""Publication deadlines: a legal document within 2 working days of its issue (Nghị định 43/2011 Điều 17),
event news within 2 days of the event (docs/requirements.md, Working days and deadlines), at the boundaries:
exactly 2 days, 3, a weekend, a holiday, a time just after local midnight."""

import datetime

import pytest
from wagtail.models import ModelLogEntry, Page, Site

from core.tests.factories import HomePageFactory
from editorial.models import Holiday
from editorial.reports.access import report_boards
from editorial.reports.publication_deadlines import DOCUMENT, EVENT, deadline_rows
from legal_docs.models import LegalDocument
from legal_docs.tests.factories import LegalDocumentFactory
from news.models import SectionPage
from news.tests.factories import ArticlePageFactory, publish

from .report_helpers import load_board, local, xlsx_rows

pytestmark = pytest.mark.django_db
PROVINCE = """
members:
  - {username: head, full_name: Trịnh Xuân Long, roles: [head]}
  - {username: secretary, full_name: Lê Hoàng Trung, roles: [secretary]}
"""
COMMUNE = """
site: xa-tan-lap.localhost
members:
  - {username: xa.head, full_name: Nguyễn Thị Hòa, roles: [head]}
"""
URL = "/admin/bao-cao/han-dang-tai/"


def document(summary, issued_on, online_at, live=True):
    doc = LegalDocumentFactory(summary=summary, issued_on=issued_on, effective_on=issued_on, live=live)
    LegalDocument.objects.filter(pk=doc.pk).update(first_published_at=online_at)
    return doc


def event_news(section, title, event_date, online_at):
    return publish(
        ArticlePageFactory(parent=section, title=title, event_date=event_date, live=False), online_at
    )


@pytest.fixture
def november(home_page, tmp_path):
    """November 2026: Monday 2, Friday 6, Friday 13, Thursday 19; Friday 20 is a holiday (a row), Tuesday 24
    a public holiday (Ngày Văn hóa Việt Nam, from the `holidays` package)."""
    Holiday.objects.create(day=datetime.date(2026, 11, 20), name="Ngày nghỉ bù")
    day = datetime.date
    document("Đúng 2 ngày làm việc", day(2026, 11, 2), local(2026, 11, 4, 10))
    document("3 ngày làm việc", day(2026, 11, 2), local(2026, 11, 5, 8))
    document("Qua cuối tuần", day(2026, 11, 6), local(2026, 11, 10, 16))
    document("Qua ngày nghỉ", day(2026, 11, 19), local(2026, 11, 25, 9))
    document("Đăng tháng trước", day(2026, 10, 28), local(2026, 10, 29, 9))
    document("Bản nháp", day(2026, 11, 2), local(2026, 11, 9, 9), live=False)
    # Created live without first_published_at: its first publish log entry says when it went online.
    logged = LegalDocumentFactory(
        summary="Theo nhật ký", issued_on=day(2026, 11, 13), effective_on=day(2026, 11, 13)
    )
    logged.save_revision().publish()
    LegalDocument.objects.filter(pk=logged.pk).update(first_published_at=None)
    ModelLogEntry.objects.filter(object_id=str(logged.pk), action="wagtail.publish").update(
        timestamp=local(2026, 11, 18, 10)
    )

    section = home_page.add_child(instance=SectionPage(title="Tin tức", slug="tin-tuc"))
    event_news(section, "Lễ khai giảng", day(2026, 11, 10), local(2026, 11, 12, 23))
    event_news(section, "Hội nghị cán bộ", day(2026, 11, 10), local(2026, 11, 13, 0, 30))
    event_news(section, "Hội thao cuối tuần", day(2026, 11, 21), local(2026, 11, 23, 9))
    publish(ArticlePageFactory(parent=section, title="Tin không có sự kiện"), local(2026, 11, 25))
    event_news(section, "Sự kiện tháng trước", day(2026, 10, 28), local(2026, 10, 30))

    commune_home = HomePageFactory(parent=Page.get_first_root_node(), slug="xa-tan-lap", title="Xã Tân Lập")
    Site.objects.create(hostname="xa-tan-lap.localhost", root_page=commune_home, site_name="UBND xã Tân Lập")
    commune_section = commune_home.add_child(instance=SectionPage(title="Tin tức", slug="tin-tuc"))
    event_news(commune_section, "Ngày hội đại đoàn kết", day(2026, 11, 18), local(2026, 11, 18, 20))
    load_board(PROVINCE, tmp_path, "tinh.yaml")
    return load_board(COMMUNE, tmp_path, "xa.yaml")


def outcome(rows):
    return [(row.kind, row.title.split(": ")[-1], row.delay, row.late) for row in rows]


def test_delays_and_flags_at_the_boundaries(november):
    rows = deadline_rows("2026-11", report_boards(november["head"]))
    assert outcome(rows) == [
        (DOCUMENT, "Đúng 2 ngày làm việc", 2, False),
        (DOCUMENT, "3 ngày làm việc", 3, True),
        (DOCUMENT, "Qua cuối tuần", 2, False),
        (DOCUMENT, "Theo nhật ký", 3, True),
        (DOCUMENT, "Qua ngày nghỉ", 2, False),
        (EVENT, "Lễ khai giảng", 2, False),
        (EVENT, "Hội nghị cán bộ", 3, True),
        (EVENT, "Hội thao cuối tuần", 2, False),
    ]
    assert rows[3].online_at == local(2026, 11, 18, 10)


def test_without_the_holiday_the_document_would_be_late(november):
    Holiday.objects.all().delete()
    rows = {
        row.title.split(": ")[-1]: row for row in deadline_rows("2026-11", report_boards(november["head"]))
    }
    assert (rows["Qua ngày nghỉ"].delay, rows["Qua ngày nghỉ"].late) == (3, True)


def test_the_report_page_with_its_summary_late_filter_and_export(november, client):
    client.force_login(november["secretary"])
    text = client.get(URL, {"period": "2026-11"}).content.decode()
    assert "Văn bản: 3 đúng hạn, 2 trễ hạn; Tin sự kiện: 2 đúng hạn, 1 trễ hạn" in text
    late = client.get(URL, {"period": "2026-11", "show": "late"}).content.decode()
    assert "Hội nghị cán bộ" in late and "Theo nhật ký" in late and "Lễ khai giảng" not in late
    sheet = xlsx_rows(client.get(URL, {"period": "2026-11", "show": "late", "export": "xlsx"}))
    assert sheet[0] == [
        "Loại",
        "Trang",
        "Văn bản, tin",
        "Ngày ban hành / ngày sự kiện",
        "Đăng lần đầu",
        "Số ngày",
        "Cách tính",
        "Kết quả",
    ]
    assert [(row[0], row[3], row[4], row[5], row[7]) for row in sheet[1:]] == [
        (DOCUMENT, datetime.date(2026, 11, 2), datetime.datetime(2026, 11, 5, 8), 3, "Trễ hạn"),
        (DOCUMENT, datetime.date(2026, 11, 13), datetime.datetime(2026, 11, 18, 10), 3, "Trễ hạn"),
        (EVENT, datetime.date(2026, 11, 10), datetime.datetime(2026, 11, 13, 0, 30), 3, "Trễ hạn"),
    ]


def test_a_commune_head_sees_only_the_communes_event_news(november):
    rows = deadline_rows("2026-11", report_boards(november["xa.head"]))
    assert outcome(rows) == [(EVENT, "Ngày hội đại đoàn kết", 0, False)]
