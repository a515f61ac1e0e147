"""Every email the moderation path sends (the board's and Wagtail's own) is in Vietnamese and links to
the portal's real addresses: the admin at WAGTAILADMIN_BASE_URL, pages at their site's root URL."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from core.tests.factories import StandardPageFactory
from editorial.board_file import load_board_file
from tests.email_checks import check_email

pytestmark = pytest.mark.django_db
BOARD = """
members:
  - {username: head, full_name: Trịnh Xuân Long, email: long.tx@example.gov.vn, roles: [head]}
  - username: deputy.news
    full_name: Trần Trung Định
    email: dinh.tt@example.gov.vn
    roles: [standing_deputy]
    sections: [tin-tuc]
  - {username: secretary, full_name: Lê Hoàng Trung, email: trung.lh@example.gov.vn, roles: [secretary]}
  - username: author
    full_name: Nguyễn Thị Viết
    email: viet.nt@example.gov.vn
    roles: [member]
    sections: [tin-tuc]
"""


@pytest.fixture
def board(home_page, tmp_path):
    section = StandardPageFactory(parent=home_page, slug="tin-tuc")
    path = Path(tmp_path) / "board.yaml"
    path.write_text(BOARD, encoding="utf-8")
    load_board_file(path)
    return section, {user.username: user for user in get_user_model().objects.all()}


def submit(section, author, title):
    page = StandardPageFactory(parent=section, title=title, live=False)
    page.save_revision(user=author)
    return page, page.get_workflow().start(page, author)


def act(state, user, action="approve", comment=""):
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, user, action, comment=comment)
    state.refresh_from_db()


def test_the_emails_of_a_publication_are_vietnamese_with_real_links(board, mailoutbox):
    section, users = board
    page, state = submit(section, users["author"], "Tin được duyệt")
    for approver in ("secretary", "deputy.news", "head"):
        act(state, users[approver])
    assert state.status == "approved"
    # Three "waiting for you" emails of the board, then Wagtail's "approved" to the author.
    assert [message.to[0] for message in mailoutbox] == [
        "trung.lh@example.gov.vn",
        "dinh.tt@example.gov.vn",
        "long.tx@example.gov.vn",
        "viet.nt@example.gov.vn",
    ]
    assert "đã được duyệt" in mailoutbox[-1].subject and "Kính gửi" in mailoutbox[-1].body
    for message in mailoutbox:
        check_email(message)


def test_the_emails_of_a_rejection_are_vietnamese_with_real_links(board, mailoutbox):
    section, users = board
    page, state = submit(section, users["author"], "Tin bị trả lại")
    act(state, users["secretary"], "reject", comment="Thiếu nguồn tin.")
    assert mailoutbox[-1].to == ["viet.nt@example.gov.vn"] and "bị trả lại" in mailoutbox[-1].subject
    for message in mailoutbox:
        check_email(message)


def test_the_password_reset_email_is_vietnamese_with_a_real_link(board, client, mailoutbox):
    author = board[1]["author"]
    author.set_password("MatKhau@2026!")  # Django sends no reset link to an account without a password
    author.save()
    client.post("/admin/password_reset/", {"email": "viet.nt@example.gov.vn"})
    assert len(mailoutbox) == 1
    check_email(mailoutbox[0])
