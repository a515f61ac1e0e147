"""Deadlines in working days: weekends and holidays skipped, late steps on the dashboard and in reminders."""

import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import TaskState

from core.tests.factories import StandardPageFactory
from editorial.board_file import load_board_file
from editorial.calendar import add_working_days
from editorial.models import Holiday
from tests.email_checks import check_email

pytestmark = pytest.mark.django_db
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
BOARD = """
sla_days: {secretary: 1, deputy: 1, head: 2}
members:
  - {username: head, full_name: Trịnh Xuân Long, email: long@example.gov.vn, roles: [head]}
  - {username: deputy, full_name: Trần Trung Định, email: dinh@example.gov.vn, roles: [deputy],
     sections: [tin-tuc]}
  - {username: secretary, full_name: Lê Hoàng Trung, email: trung@example.gov.vn, roles: [secretary]}
  - {username: author, full_name: Nguyễn Thị Viết, roles: [member], sections: [tin-tuc]}
"""


def test_working_days_skip_weekends_and_holidays():
    friday = datetime.datetime(2026, 8, 28, 15, 0, tzinfo=HANOI)  # Friday before Quốc khánh
    assert add_working_days(friday, 1, off=set()) == datetime.datetime(2026, 8, 31, 15, 0, tzinfo=HANOI)
    national_day = {datetime.date(2026, 8, 31), datetime.date(2026, 9, 1), datetime.date(2026, 9, 2)}
    assert add_working_days(friday, 1, off=national_day) == datetime.datetime(2026, 9, 3, 15, 0, tzinfo=HANOI)
    assert add_working_days(friday, 2, off=national_day).date() == datetime.date(2026, 9, 4)


@pytest.fixture
def waiting(home_page, tmp_path):
    section = StandardPageFactory(parent=home_page, slug="tin-tuc")
    path = Path(tmp_path) / "board.yaml"
    path.write_text(BOARD, encoding="utf-8")
    load_board_file(path)
    users = {user.username: user for user in get_user_model().objects.all()}
    page = StandardPageFactory(parent=section, title="Tin chờ duyệt lâu", live=False)
    page.save_revision(user=users["author"])
    state = page.get_workflow().start(page, users["author"])
    return users, state


def started(state, when):
    TaskState.objects.filter(pk=state.current_task_state.pk).update(started_at=when)


def test_reminders_go_to_the_late_approvers_only(waiting, mailoutbox):
    users, state = waiting
    mailoutbox.clear()
    monday = datetime.datetime(2026, 11, 16, 9, 0, tzinfo=HANOI)
    started(state, monday)
    Holiday.objects.create(day=datetime.date(2026, 11, 17), name="Nghỉ bù")
    from editorial.deadlines import send_reminders

    assert send_reminders(now=datetime.datetime(2026, 11, 17, 10, 0, tzinfo=HANOI)) == 0  # due 18/11 09:00
    assert send_reminders(now=datetime.datetime(2026, 11, 18, 10, 0, tzinfo=HANOI)) == 1
    assert mailoutbox[-1].to == ["trung@example.gov.vn"]
    assert "Tin chờ duyệt lâu" in mailoutbox[-1].body and "18/11/2026 09:00" in mailoutbox[-1].body
    check_email(mailoutbox[-1])


def test_the_command_and_the_dashboard_show_overdue_items(waiting, client, mailoutbox):
    users, state = waiting
    started(state, datetime.datetime(2026, 1, 5, 9, 0, tzinfo=HANOI))
    call_command("send_moderation_reminders")
    assert [message.to for message in mailoutbox][-1] == ["trung@example.gov.vn"]
    client.force_login(users["secretary"])
    text = client.get("/admin/").content.decode()
    assert "Chờ bạn duyệt (1)" in text and "1 quá hạn" in text and "Tin chờ duyệt lâu" in text
    client.force_login(users["deputy"])
    assert "Chờ bạn duyệt" not in client.get("/admin/").content.decode()
