"""The approver's dashboard: each item waiting for them with its author, section, step, deadline in working
days (overdue first, marked) and kind (publication or removal); approving from it says what was done."""

import datetime
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import TaskState

from core.tests.factories import StandardPageFactory
from editorial.board_file import load_board_file
from editorial.dashboard import awaiting
from editorial.removal import propose_removal

pytestmark = pytest.mark.django_db
BOARD = """
members:
  - {username: head, full_name: Trịnh Xuân Long, roles: [head]}
  - {username: secretary, full_name: Lê Hoàng Trung, roles: [secretary]}
  - {username: secretary2, full_name: Vũ Thị Hai, roles: [secretary]}
  - {username: author, full_name: Nguyễn Thị Viết, roles: [member], sections: [tin-tuc]}
"""


@pytest.fixture
def board(home_page, tmp_path):
    section = StandardPageFactory(parent=home_page, slug="tin-tuc", title="Tin tức, sự kiện")
    path = Path(tmp_path) / "board.yaml"
    path.write_text(BOARD, encoding="utf-8")
    load_board_file(path)
    return section, {user.username: user for user in get_user_model().objects.all()}


def submit(section, author, title, started=None):
    page = StandardPageFactory(parent=section, title=title, live=False)
    page.save_revision(user=author)
    state = page.get_workflow().start(page, author)
    if started:
        TaskState.objects.filter(pk=state.current_task_state.pk).update(started_at=started)
    return page


def test_each_row_says_who_wrote_it_where_which_step_and_when_it_is_due(board, client):
    section, users = board
    page = submit(section, users["author"], "Tin mới hôm nay")
    submit(section, users["author"], "Tin chờ từ lâu", started=timezone.now() - datetime.timedelta(days=20))
    rows = awaiting(users["secretary"])
    assert [row["title"] for row in rows] == ["Tin chờ từ lâu", "Tin mới hôm nay"]  # overdue first
    late, fresh = rows
    assert late["overdue"] and late["days_left"] < 0 and not fresh["overdue"] and fresh["days_left"] >= 0
    assert fresh["author"] == users["author"] and fresh["section"] == "Tin tức, sự kiện"
    assert fresh["step"] == page.current_workflow_task.name

    client.force_login(users["secretary"])
    html = client.get("/admin/").content.decode()
    assert "Chờ bạn duyệt (2)" in html and "1 quá hạn" in html
    assert "Nguyễn Thị Viết" in html and "Tin tức, sự kiện" in html and "Quá hạn" in html
    assert "ngày làm việc" in html and "Đăng lên cổng" in html
    assert html.index("Tin chờ từ lâu") < html.index("Tin mới hôm nay")
    assert "Awaiting your review" not in html and "Đang chờ bạn duyệt" not in html  # Wagtail's panel is gone


def test_a_removal_request_is_shown_as_one(board, client):
    section, users = board
    page = StandardPageFactory(parent=section, title="Tin cũ cần gỡ")
    propose_removal(page, users["secretary2"], "Thông tin đã hết hiệu lực.")
    (row,) = awaiting(users["secretary"])
    assert row["title"] == "Tin cũ cần gỡ" and "Thông tin đã hết hiệu lực." in row["removal"]
    client.force_login(users["secretary"])
    html = client.get("/admin/").content.decode()
    assert "Gỡ khỏi cổng" in html and "Duyệt gỡ" in html


def test_approving_from_the_dashboard_confirms_what_was_done(board, client):
    section, users = board
    page = submit(section, users["author"], "Tin duyệt nhanh")
    client.force_login(users["secretary"])
    (row,) = awaiting(users["secretary"])
    response = client.post(row["approve_url"], follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bạn đã duyệt «Tin duyệt nhanh» ở bước" in html
    assert page.current_workflow_task.specific.name != row["step"]  # the item moved to the next step
    assert awaiting(users["secretary"]) == []


def test_nobody_else_sees_the_confirmation_of_an_approval(board, client):
    section, users = board
    submit(section, users["author"], "Tin duyệt nhanh")
    (row,) = awaiting(users["secretary"])
    client.force_login(users["secretary"])
    client.post(row["approve_url"])
    state_id = row["approve_url"].rsplit("%3D", 1)[1]
    client.force_login(users["head"])
    assert "Bạn đã duyệt" not in client.get(f"/admin/?da-xu-ly={state_id}").content.decode()
    for hostile in ("abc", "9" * 30, "-1", "１２", ""):
        assert client.get("/admin/", {"da-xu-ly": hostile}).status_code == 200
