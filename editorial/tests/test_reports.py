"""The posting report: items each member published in a month or quarter against the quota (2 / 6)."""

import datetime
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from core.tests.factories import StandardPageFactory
from editorial.board_file import load_board_file
from editorial.reports.posting import period_bounds, posting_rows
from users.tests.factories import SuperuserFactory

pytestmark = pytest.mark.django_db
BOARD = """
members:
  - {username: head, full_name: Trịnh Xuân Long, roles: [head]}
  - {username: lan, full_name: Hoàng Thị Lan, roles: [member], sections: [tin-tuc]}
  - {username: hung, full_name: Đỗ Mạnh Hùng, roles: [member], sections: [tin-tuc]}
"""


def test_period_bounds():
    assert period_bounds("2026-11") == ("month", datetime.date(2026, 11, 1), datetime.date(2026, 12, 1))
    assert period_bounds("2026-12") == ("month", datetime.date(2026, 12, 1), datetime.date(2027, 1, 1))
    assert period_bounds("2026-Q4") == ("quarter", datetime.date(2026, 10, 1), datetime.date(2027, 1, 1))


@pytest.fixture
def seeded_month(home_page, tmp_path):
    section = StandardPageFactory(parent=home_page, slug="tin-tuc")
    path = Path(tmp_path) / "board.yaml"
    path.write_text(BOARD, encoding="utf-8")
    load_board_file(path)
    users = {user.username: user for user in get_user_model().objects.all()}
    when = {
        "lan": [
            datetime.datetime(2026, 10, 3, 9),
            datetime.datetime(2026, 10, 20, 9),
            datetime.datetime(2026, 11, 2, 9),
        ],
        "hung": [datetime.datetime(2026, 10, 31, 23, 30), datetime.datetime(2026, 9, 30, 10)],
    }
    for username, moments in when.items():
        for moment in moments:
            page = StandardPageFactory(parent=section, owner=users[username])
            type(page).objects.filter(pk=page.pk).update(first_published_at=timezone.make_aware(moment))


def test_quota_per_member_for_a_seeded_month_and_quarter(seeded_month):
    october = {row.member: (row.published, row.quota, row.verdict) for row in posting_rows("2026-10")}
    assert october == {"Hoàng Thị Lan": (2, 2, "Đạt"), "Đỗ Mạnh Hùng": (1, 2, "Chưa đạt")}
    quarter = {row.member: (row.published, row.quota, row.verdict) for row in posting_rows("2026-Q4")}
    assert quarter == {"Hoàng Thị Lan": (3, 6, "Chưa đạt"), "Đỗ Mạnh Hùng": (1, 6, "Chưa đạt")}


def test_the_report_page_and_its_xlsx_export(seeded_month, client):
    client.force_login(SuperuserFactory())
    page = client.get("/admin/bao-cao/tin-bai-thanh-vien/", {"period": "2026-10"})
    assert page.status_code == 200
    text = page.content.decode()
    assert "Hoàng Thị Lan" in text and "Chưa đạt" in text
    export = client.get("/admin/bao-cao/tin-bai-thanh-vien/", {"period": "2026-10", "export": "xlsx"})
    assert export.status_code == 200 and export["Content-Type"].startswith("application/vnd.openxmlformats")
