"""The Content Security Policy in a real browser: nothing the portal shows is blocked by it.

Chromium reports each blocked script, style, image or frame on the console; a public page, the question
form with its CAPTCHA, and the page editor with its live preview must report none.
"""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from core.tests.factories import StandardPageFactory
from feedback.tests.factories import QuestionIndexPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def violations(page):
    """Console messages of blocked content, collected as the test browses."""
    messages = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and messages.append(message.text),
    )
    return messages


def test_public_pages_and_the_captcha_work_under_the_policy(page, live_server, home_page, violations):
    StandardPageFactory(parent=home_page, title="Giới thiệu", slug="gioi-thieu")
    QuestionIndexPageFactory(parent=home_page)
    for path in ("/", "/gioi-thieu/", "/hoi-dap/gui-cau-hoi/"):
        response = page.goto(live_server.url + path)
        assert response.status == 200
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    captcha = page.locator("img.captcha")
    expect(captcha).to_be_visible()
    assert captcha.evaluate("image => image.naturalWidth") > 0
    assert page.evaluate("document.documentElement.classList.contains('js')")  # portal.js ran
    assert violations == []


def test_the_editor_and_its_live_preview_work_under_the_policy(
    page, live_server, home_page, django_user_model, violations
):
    standard = StandardPageFactory(parent=home_page, title="Giới thiệu", slug="gioi-thieu")
    editor = django_user_model.objects.create_superuser("bientap", "bientap@example.gov.vn", "MatKhau@2026")
    client = Client()
    client.force_login(editor)  # the login form and its second factor are tested elsewhere
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    page.goto(f"{live_server.url}/admin/pages/{standard.pk}/edit/")
    page.locator("button[data-side-panel-toggle=preview]").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", name="Giới thiệu").first).to_be_visible(timeout=15_000)
    page.goto("about:blank")  # Wagtail releases the editing session while the test database is there
    assert violations == []
