"""Items published per top-level section in a month or quarter: the secretariat's monthly summary for the
head, with a bar per section in the HTML view and the numbers in the exports."""

import pytest

from core.tests.factories import StandardPageFactory
from editorial.reports.posting import PERIOD_INVALID, period_label
from editorial.reports.sections import TOTAL, section_rows

from .report_helpers import csv_rows, load_board, local

pytestmark = pytest.mark.django_db
BOARD = """
members:
  - {username: head, full_name: Trịnh Xuân Long, roles: [head]}
  - {username: secretary, full_name: Lê Hoàng Trung, roles: [secretary]}
"""
URL = "/admin/bao-cao/tin-bai-chuyen-muc/"


def item(section, when):
    page = StandardPageFactory(parent=section)
    type(page).objects.filter(pk=page.pk).update(first_published_at=when)


@pytest.fixture
def sections(home_page, tmp_path):
    news = StandardPageFactory(parent=home_page, title="Tin tức", slug="tin-tuc")
    notices = StandardPageFactory(parent=home_page, title="Thông báo", slug="thong-bao")
    StandardPageFactory(parent=home_page, title="Giới thiệu", slug="gioi-thieu")
    activities = StandardPageFactory(parent=news, title="Hoạt động", slug="hoat-dong")
    item(news, local(2026, 9, 30, 23, 59))  # September
    item(news, local(2026, 10, 1, 0, 0))
    item(news, local(2026, 10, 15, 9))
    item(activities, local(2026, 10, 31, 23, 59))  # counted in its top-level section
    item(notices, local(2026, 10, 20, 14))
    item(news, local(2026, 11, 1, 0, 0))  # November
    return load_board(BOARD, tmp_path)


def figures(rows):
    return [(row.section, row.published, row.percent, row.bar) for row in rows]


def test_counts_per_top_level_section_for_a_month_and_a_quarter(sections):
    assert figures(section_rows("2026-10")) == [
        ("Tin tức", 3, 75.0, 100),
        ("Thông báo", 1, 25.0, 33),
        ("Giới thiệu", 0, 0.0, 0),
        (TOTAL, 4, 100.0, None),
    ]
    assert figures(section_rows("2026-Q4"))[0] == ("Tin tức", 4, 80.0, 100)
    assert figures(section_rows("2026-08"))[-1] == (TOTAL, 0, 0.0, None)


def test_the_html_view_draws_a_bar_per_section_and_the_export_has_the_numbers(sections, client):
    client.force_login(sections["secretary"])
    text = client.get(URL, {"period": "2026-10"}).content.decode()
    assert "Tháng 10/2026" in text
    assert '<rect width="160"' in text and '<rect width="53"' in text  # 100 % and 33 % of 160 px
    assert "<script src=" not in text.split("listing-results")[-1]  # no chart library
    rows = csv_rows(client.get(URL, {"period": "2026-10", "export": "csv"}))
    assert rows[0] == ["Trang", "Chuyên mục", "Số tin, bài đã đăng", "Tỷ lệ (%)"]
    assert [row[1:] for row in rows[1:]] == [
        ["Tin tức", "3", "75.0"],
        ["Thông báo", "1", "25.0"],
        ["Giới thiệu", "0", "0.0"],
        [TOTAL, "4", "100.0"],
    ]


def test_a_wrong_period_is_explained_and_this_month_is_shown(sections, client):
    client.force_login(sections["head"])
    text = client.get(URL, {"period": "2026-13"}).content.decode()
    assert f"{PERIOD_INVALID} Báo cáo dưới đây bỏ qua giá trị này." in text
    assert f"Kỳ báo cáo: {period_label(None)}." in text
