"""The board's path in a real browser: a contributor writes and submits an article in the Wagtail admin; the
secretary, the deputy of the section and the head approve it; the public then reads it on the site. Every
screen on the way speaks Vietnamese (no string of Wagtail's English catalogue, tests/admin_walk.py)."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from editorial.board_file import load_board_file
from news.models import ArticlePage
from news.tests.factories import SectionPageFactory
from tests.admin_walk import english_in, parse

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PASSWORD = "Duyet-tin-2026!"
BOARD = """
members:
  - {username: truong.ban, full_name: Trịnh Xuân Long, roles: [head]}
  - {username: pho.ban, full_name: Trần Trung Định, roles: [deputy], sections: [tin-tuc]}
  - {username: thu.ky, full_name: Lê Hoàng Trung, roles: [secretary]}
  - {username: ctv, full_name: Đỗ Mạnh Hùng, roles: [contributor], sections: [tin-tuc]}
"""


@pytest.fixture
def board(home_page, tmp_path):
    section = SectionPageFactory(parent=home_page, title="Tin tức, sự kiện", slug="tin-tuc")
    path = tmp_path / "board.yaml"
    path.write_text(BOARD, encoding="utf-8")
    load_board_file(path)
    for user in get_user_model().objects.all():
        user.set_password(PASSWORD)
        user.save()
    return section


def log_in(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    expect(page).not_to_have_url(re.compile("/login/"))


def press(page, selector):
    """Buttons of the editor's action menu sit in a dropdown: click them as the menu would, and wait for the
    page the form submission leads to."""
    with page.expect_navigation():
        page.locator(selector).first.evaluate("button => button.click()")
    page.wait_for_load_state("load")


def in_vietnamese(page):
    """What the browser shows now (scripts run: labels drawn by Wagtail's JavaScript included)."""
    assert english_in(parse(page.content())) == set(), page.url


def test_contributor_writes_board_approves_public_reads(page, live_server, board):
    base = live_server.url
    log_in(page, base, "ctv")
    page.goto(f"{base}/admin/pages/add/news/articlepage/{board.pk}/")
    expect(page.get_by_role("tab", name="Nội dung")).to_be_visible()
    expect(page.get_by_role("tab", name="Hiển thị")).to_be_visible()
    expect(page.locator('button[name="action-submit"]')).to_contain_text("Gửi tới Quy trình duyệt")
    in_vietnamese(page)
    page.fill("#id_title", "Hội nghị đối thoại doanh nghiệp quý IV")
    page.fill("#id_intro", "Lãnh đạo Sở đối thoại với 120 doanh nghiệp về thủ tục đầu tư.")
    page.fill("#id_author_name", "Đỗ Mạnh Hùng")
    page.fill("#id_author_address", "Văn phòng Sở Kế hoạch và Đầu tư")
    # The slug (Promote tab) follows the title through Wagtail's script; set it so that a slow machine never
    # submits before that script ran.
    page.locator("#id_slug").evaluate("field => { field.value = 'hoi-nghi-doi-thoai-doanh-nghiep-quy-iv'; }")
    press(page, 'button[name="action-submit"]')
    expect(page.locator(".messages .error")).to_have_count(0)
    expect(page.locator(".messages")).to_contain_text("gửi duyệt")
    in_vietnamese(page)
    article = ArticlePage.objects.get(title="Hội nghị đối thoại doanh nghiệp quý IV")
    assert not article.live and article.current_workflow_state is not None
    assert not page.locator('button[name="action-publish"]').count()  # a contributor publishes nothing

    for approver in ("thu.ky", "pho.ban"):
        log_in(page, base, approver)
        page.goto(f"{base}/admin/")
        expect(page.locator("#board-awaiting-heading")).to_contain_text("Chờ bạn duyệt (1)")
        expect(page.get_by_text("Hội nghị đối thoại doanh nghiệp quý IV").first).to_be_visible()
        in_vietnamese(page)
        page.goto(f"{base}/admin/pages/{article.pk}/edit/")
        in_vietnamese(page)
        press(page, 'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])')
        in_vietnamese(page)

    # The head approves from the dashboard and is told what was done.
    log_in(page, base, "truong.ban")
    page.goto(f"{base}/admin/")
    row = page.locator("section[aria-labelledby=board-awaiting-heading] li").first
    expect(row).to_contain_text("Đỗ Mạnh Hùng")
    expect(row).to_contain_text("Tin tức, sự kiện")
    expect(row).to_contain_text("Đăng lên cổng")
    with page.expect_navigation():
        row.get_by_role("button", name="Duyệt").click()
    expect(page.locator("section[aria-labelledby=board-awaiting-heading] [role=status]")).to_contain_text(
        "Bạn đã duyệt «Hội nghị đối thoại doanh nghiệp quý IV»"
    )
    in_vietnamese(page)

    article.refresh_from_db()
    assert article.live
    page.context.clear_cookies()
    page.goto(f"{base}{article.url}")
    expect(page.locator("h1")).to_contain_text("Hội nghị đối thoại doanh nghiệp quý IV")
