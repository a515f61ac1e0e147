"""Moderation timeliness: working time each approver took at each step against the step's limit (secretariat
1, deputy 1, head 2 working days), at the boundaries: exactly on the due time, a weekend, a holiday."""

import datetime

import pytest
from wagtail.models import TaskState

from core.tests.factories import StandardPageFactory
from editorial.models import Holiday
from editorial.reports.timeliness import WAITING, moderation_steps, timeliness_rows

from .report_helpers import csv_rows, load_board, local, moderate

pytestmark = pytest.mark.django_db
BOARD = """
members:
  - {username: head, full_name: Trịnh Xuân Long, roles: [head]}
  - {username: deputy.news, full_name: Trần Trung Định, roles: [standing_deputy], sections: [tin-tuc]}
  - {username: secretary, full_name: Lê Hoàng Trung, roles: [secretary]}
  - {username: author, full_name: Nguyễn Thị Viết, roles: [member], sections: [tin-tuc]}
"""
SECRETARIAT, DEPUTY, HEAD = (
    "Bước Tổ thư ký biên tập, kiểm tra",
    "Bước Phó trưởng ban phụ trách chuyên mục",
    "Bước Trưởng ban duyệt",
)
NOW = local(2026, 10, 27, 21)  # Tuesday evening


@pytest.fixture
def october(home_page, tmp_path):
    """October 2026: Monday 5, Friday 9, Monday 12; Friday 23 is a holiday."""
    section = StandardPageFactory(parent=home_page, slug="tin-tuc")
    users = load_board(BOARD, tmp_path)
    Holiday.objects.create(day=datetime.date(2026, 10, 23), name="Ngày nghỉ bù")
    secretary, deputy, head = users["secretary"], users["deputy.news"], users["head"]
    author = users["author"]
    moderate(
        section,
        author,
        "Hội nghị tổng kết",  # each step acted on exactly at its due time or before
        [
            (secretary, "approve", local(2026, 10, 5, 9), local(2026, 10, 5, 15)),
            (deputy, "approve", local(2026, 10, 5, 15), local(2026, 10, 6, 15)),
            (head, "approve", local(2026, 10, 6, 15), local(2026, 10, 8, 15)),
        ],
    )
    moderate(
        section,
        author,
        "Lịch tiếp công dân",
        [
            # Friday 10:00 to Monday 09:00: the weekend does not count (23 hours), due Monday 10:00
            (secretary, "approve", local(2026, 10, 9, 10), local(2026, 10, 12, 9)),
            # 25 hours for a 1-day step: an hour late
            (deputy, "approve", local(2026, 10, 12, 9), local(2026, 10, 13, 10)),
            # Thursday to Tuesday over the Friday holiday: 2 working days, due Tuesday 10:00, on time
            (head, "approve", local(2026, 10, 22, 10), local(2026, 10, 27, 10)),
        ],
    )
    moderate(
        section,
        author,
        "Thông báo tuyển dụng",
        [(secretary, "reject", local(2026, 10, 14, 9), local(2026, 10, 15, 15))],
    )
    moderate(section, author, "Kế hoạch chuyển đổi số", [(None, None, local(2026, 10, 26, 9), None)])
    moderate(
        section,
        author,
        "Tin tháng Chín",  # finished in September: not in October's report
        [
            (secretary, "approve", local(2026, 9, 28, 9), local(2026, 9, 28, 10)),
            (deputy, "approve", local(2026, 9, 28, 10), local(2026, 9, 29, 10)),
            (head, "approve", local(2026, 9, 29, 10), local(2026, 9, 30, 10)),
        ],
    )
    return users


def test_steps_are_measured_in_working_days_against_their_due_time(october):
    steps = {(step.item, step.step): step for step in moderation_steps("2026-10", now=NOW)}
    assert len(steps) == 8
    assert {key: (step.days, step.late) for key, step in steps.items()} == {
        ("Hội nghị tổng kết", SECRETARIAT): (0.25, False),
        ("Hội nghị tổng kết", DEPUTY): (1.0, False),
        ("Hội nghị tổng kết", HEAD): (2.0, False),
        ("Lịch tiếp công dân", SECRETARIAT): (0.96, False),
        ("Lịch tiếp công dân", DEPUTY): (1.04, True),
        ("Lịch tiếp công dân", HEAD): (2.0, False),
        ("Thông báo tuyển dụng", SECRETARIAT): (1.25, True),
        ("Kế hoạch chuyển đổi số", SECRETARIAT): (1.5, True),
    }
    assert steps["Lịch tiếp công dân", SECRETARIAT].due_at == local(2026, 10, 12, 10)
    assert steps["Lịch tiếp công dân", HEAD].due_at == local(2026, 10, 27, 10)
    assert steps["Thông báo tuyển dụng", SECRETARIAT].status == "Trả lại"
    assert steps["Kế hoạch chuyển đổi số", SECRETARIAT].approver == WAITING


def test_without_the_holiday_the_heads_step_would_be_late(october):
    Holiday.objects.all().delete()
    steps = {(step.item, step.step): step for step in moderation_steps("2026-10", now=NOW)}
    assert steps["Lịch tiếp công dân", HEAD].late
    assert steps["Lịch tiếp công dân", HEAD].days == 3.0


def test_rows_per_approver_and_step(october):
    rows = [
        (row.step, row.approver, row.count, row.median_days, row.limit, row.on_time, row.late)
        for row in timeliness_rows(moderation_steps("2026-10", now=NOW))
    ]
    assert rows == [
        (SECRETARIAT, "Lê Hoàng Trung", 3, 0.96, 1, 2, 1),
        (SECRETARIAT, WAITING, 1, 1.5, 1, 0, 1),
        (DEPUTY, "Trần Trung Định", 2, 1.02, 1, 1, 1),
        (HEAD, "Trịnh Xuân Long", 2, 2.0, 2, 2, 0),
    ]
    september = timeliness_rows(moderation_steps("2026-09", now=NOW))
    assert [(row.step, row.count) for row in september] == [(SECRETARIAT, 1), (DEPUTY, 1), (HEAD, 1)]


def test_the_report_page_the_overdue_list_and_the_csv_export(october, client):
    client.force_login(october["head"])
    url = "/admin/bao-cao/thoi-han-duyet/"
    page = client.get(url, {"period": "2026-10"})
    assert page.status_code == 200
    text = page.content.decode()
    assert "Lê Hoàng Trung" in text and "Trịnh Xuân Long" in text and "Tháng 10/2026" in text

    rows = csv_rows(client.get(url, {"period": "2026-10", "export": "csv"}))
    assert rows[0] == [
        "Trang",
        "Bước duyệt",
        "Người duyệt",
        "Số lượt",
        "Thời gian trung vị (ngày làm việc)",
        "Thời hạn (ngày làm việc)",
        "Đúng hạn",
        "Quá hạn",
    ]
    assert rows[1][1:] == [SECRETARIAT, "Lê Hoàng Trung", "3", "0.96", "1", "2", "1"]
    assert rows[4][1:] == [HEAD, "Trịnh Xuân Long", "2", "2.0", "2", "2", "0"]

    late = client.get(url, {"period": "2026-10", "show": "late"}).content.decode()
    assert (
        "Lịch tiếp công dân" in late and "Thông báo tuyển dụng" in late and "Kế hoạch chuyển đổi số" in late
    )
    assert "Hội nghị tổng kết" not in late
    late_rows = csv_rows(client.get(url, {"period": "2026-10", "show": "late", "export": "csv"}))
    assert [row[1] for row in late_rows[1:]] == [
        "Lịch tiếp công dân",
        "Thông báo tuyển dụng",
        "Kế hoạch chuyển đổi số",
    ]
    assert late_rows[1][5:8] == ["12/10/2026 09:00", "13/10/2026 09:00", "13/10/2026 10:00"]


def test_a_withdrawn_items_waiting_step_is_not_counted(october):
    TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).update(status=TaskState.STATUS_CANCELLED)
    steps = moderation_steps("2026-10", now=NOW)
    assert [step.item for step in steps if step.approver == WAITING] == []
