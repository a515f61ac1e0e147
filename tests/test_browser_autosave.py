"""Autosave in a real browser (tests/test_autosave.py has the mechanism): a contributor who types a new
article and pauses leaves nothing behind until they press Submit, which then succeeds at once."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from editorial.board_file import load_board_file
from news.models import ArticlePage
from news.tests.factories import SectionPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PASSWORD = "Tu-dong-luu-2026!"
BOARD = """
members:
  - {username: truong.ban, full_name: Trịnh Xuân Long, roles: [head]}
  - {username: ctv, full_name: Đỗ Mạnh Hùng, roles: [contributor], sections: [tin-tuc]}
"""
TITLE = "Hội nghị đối thoại doanh nghiệp quý IV"


@pytest.fixture
def section(home_page, tmp_path):
    section = SectionPageFactory(parent=home_page, title="Tin tức, sự kiện", slug="tin-tuc")
    path = tmp_path / "board.yaml"
    path.write_text(BOARD, encoding="utf-8")
    load_board_file(path)
    user = get_user_model().objects.get(username="ctv")
    user.set_password(PASSWORD)
    user.save()
    return section


def test_a_paused_new_article_is_not_saved_behind_the_writers_back(page, live_server, section):
    base = live_server.url
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", "ctv")
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    expect(page).not_to_have_url(re.compile("/login/"))
    page.goto(f"{base}/admin/pages/add/news/articlepage/{section.pk}/")
    page.wait_for_timeout(2500)  # the editor notes the empty form 2 s after loading, then watches for edits
    page.fill("#id_title", TITLE)
    page.fill("#id_intro", "Lãnh đạo Sở đối thoại với 120 doanh nghiệp về thủ tục đầu tư.")
    page.fill("#id_author_name", "Đỗ Mạnh Hùng")
    page.fill("#id_author_address", "Văn phòng Sở Kế hoạch và Đầu tư")
    page.locator("#id_slug").evaluate("field => { field.value = 'hoi-nghi-doi-thoai-doanh-nghiep-quy-iv'; }")
    page.wait_for_timeout(4000)  # Wagtail notices an edit within 1 s and autosaves 0.5 s later by default
    assert not ArticlePage.objects.filter(title=TITLE).exists()
    with page.expect_navigation():
        page.locator('button[name="action-submit"]').first.evaluate("button => button.click()")
    page.wait_for_load_state("load")
    expect(page.locator(".messages .error")).to_have_count(0)
    (article,) = ArticlePage.objects.filter(title=TITLE)
    assert article.current_workflow_state is not None
