"""A citizen's question in a real browser: the form with Vietnamese text (the CAPTCHA read as a person would),
the tracking code on the thank-you page, then the lookup with the code and the email."""

import unicodedata

import pytest
from captcha.models import CaptchaStore
from playwright.sync_api import expect

from core.tests.factories import SubjectAreaFactory
from feedback.enums import QuestionStatus
from feedback.models import Question
from feedback.tests.factories import QuestionIndexPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
TITLE = "Hồ sơ đăng ký thành lập hợp tác xã nông nghiệp"
CONTENT = "Xin hỏi: hợp tác xã trồng lúa ở xã Tân Lập cần tối thiểu bao nhiêu thành viên? Nộp hồ sơ ở đâu?"


@pytest.fixture
def questions_page(home_page, settings):
    settings.FEEDBACK_MIN_FILL_SECONDS = 0  # a script fills the form faster than a person
    SubjectAreaFactory(name="Kinh tế tập thể, hợp tác xã", slug="hop-tac-xa")
    return QuestionIndexPageFactory(parent=home_page)


def test_a_citizen_asks_gets_a_code_and_looks_it_up(page, live_server, questions_page):
    base = live_server.url
    page.goto(f"{base}/hoi-dap/")
    page.get_by_role("link", name="Gửi câu hỏi, phản ánh, kiến nghị").click()
    page.fill("#id_name", "Nguyễn Thị Hoà")
    page.fill("#id_address", "Thôn Đồng Tâm, xã Tân Lập, tỉnh An Khánh")
    page.fill("#id_email", "hoa.nt@example.vn")
    page.select_option("#id_field", label="Kinh tế tập thể, hợp tác xã")
    page.fill("#id_title", TITLE)
    page.fill("#id_content", CONTENT)
    page.check("#id_consent")
    expect(page.locator("#id_website")).not_to_be_in_viewport()
    hashkey = page.input_value("input[name=captcha_0]")
    page.fill("input[name=captcha_1]", CaptchaStore.objects.get(hashkey=hashkey).response)
    with page.expect_navigation():
        page.get_by_role("button", name="Gửi câu hỏi").click()

    code = page.locator("[data-tracking-code]").inner_text().strip()
    question = Question.objects.get()
    assert code == question.code and question.status == QuestionStatus.NEW
    assert question.title == unicodedata.normalize("NFC", TITLE) and question.content == CONTENT
    assert question.name == "Nguyễn Thị Hoà"

    page.get_by_role("link", name="trang tra cứu").click()
    page.fill("#id_code", code.lower())
    page.fill("#id_email", "hoa.nt@example.vn")
    with page.expect_navigation():
        page.get_by_role("button", name="Tra cứu").click()
    expect(page.locator(".qa-status")).to_contain_text(TITLE)
    expect(page.locator(".qa-status__label")).to_have_text("Mới")
    expect(page.locator("body")).not_to_contain_text("Nguyễn Thị Hoà")

    page.fill("#id_code", code)
    page.fill("#id_email", "nguoi-khac@example.vn")
    with page.expect_navigation():
        page.get_by_role("button", name="Tra cứu").click()
    expect(page.locator(".qa-not-found")).to_contain_text("Không tìm thấy câu hỏi")
    expect(page.locator(".qa-status")).to_have_count(0)
