"""The layout in a real browser (Debian's chromium): 360 px wide, keyboard only, desktop menu."""

import pytest
from captcha.models import CaptchaStore
from playwright.sync_api import expect

from core.tests.factories import PortalSettingsFactory, StandardPageFactory, SubjectAreaFactory
from feedback.models import Question
from feedback.tests.factories import QuestionIndexPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def portal_site(site, home_page):
    PortalSettingsFactory(site=site, agency_name="Sở Kế hoạch và Đầu tư tỉnh An Khánh")
    for title in (
        "Giới thiệu",
        "Tin tức, sự kiện",
        "Chỉ đạo điều hành",
        "Văn bản",
        "Quy hoạch, kế hoạch",
        "Dự án đầu tư",
        "Thủ tục hành chính",
        "Góp ý dự thảo",
        "Hỏi đáp",
        "Liên hệ",
    ):
        StandardPageFactory(parent=home_page, title=title, intro="Thông tin " + title.lower())
    return site


@pytest.fixture
def phone(page):
    page.set_viewport_size({"width": 360, "height": 740})
    return page


def test_home_page_fits_a_360_px_screen(phone, live_server, portal_site):
    phone.goto(live_server.url + "/")
    expect(phone.locator(".brand__name")).to_contain_text("Sở Kế hoạch và Đầu tư")
    overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    expect(phone.locator("footer")).to_contain_text("Sở Kế hoạch và Đầu tư tỉnh An Khánh")


def test_skip_link_and_menu_work_from_the_keyboard(phone, live_server, portal_site):
    phone.goto(live_server.url + "/")
    menu = phone.locator("#main-nav-list")
    expect(menu).to_be_hidden()

    phone.keyboard.press("Tab")
    skip = phone.locator("a.skip-link")
    expect(skip).to_be_focused()
    assert skip.bounding_box()["y"] >= 0
    phone.keyboard.press("Enter")
    expect(phone.locator("#noi-dung")).to_be_focused()

    toggle = phone.locator("[data-nav-toggle]")
    toggle.focus()
    phone.keyboard.press("Enter")
    expect(menu).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(menu.get_by_role("link", name="Liên hệ")).to_be_visible()
    phone.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    expect(toggle).to_be_focused()


def test_the_phone_menu_is_collapsed_before_any_script_and_open_without_scripts(
    browser, phone, live_server, portal_site
):
    """The script that adds .js arrives after the first paint: waiting for it to fold the menu moved the
    whole page down (Lighthouse CLS 0.687). Without scripts at all, the list is shown instead."""
    phone.route("**/portal*.js", lambda route: route.abort())
    phone.goto(live_server.url + "/")
    expect(phone.locator("#main-nav-list")).to_be_hidden()
    expect(phone.locator("[data-nav-toggle]")).to_be_visible()
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    without_scripts = context.new_page()
    without_scripts.goto(live_server.url + "/")
    expect(without_scripts.locator("#main-nav-list").get_by_role("link", name="Liên hệ")).to_be_visible()
    expect(without_scripts.locator("[data-nav-toggle]")).to_be_hidden()
    context.close()


def test_desktop_menu_shows_every_section_without_a_toggle(page, live_server, portal_site):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + "/")
    expect(page.locator("[data-nav-toggle]")).to_be_hidden()
    expect(page.locator("#main-nav-list").get_by_role("link", name="Góp ý dự thảo")).to_be_visible()


def test_print_button_appears_once_and_prints_once(page, live_server, portal_site, home_page):
    from news.tests.factories import ArticlePageFactory, SectionPageFactory, publish

    news = SectionPageFactory(parent=home_page, title="Tin tức", slug="tin-tuc-in")
    article = publish(ArticlePageFactory(parent=news, title="Tin để in"))
    page.add_init_script("window.__prints = 0; window.print = () => { window.__prints += 1; };")
    page.goto(live_server.url + article.url)
    button = page.get_by_role("button", name="In bài viết")
    expect(button).to_be_visible()
    button.click()
    assert page.evaluate("window.__prints") == 1


@pytest.fixture
def keyboard_portal(site, home_page, settings):
    """A section with a submenu, and the question form (the script types faster than a person)."""
    settings.FEEDBACK_MIN_FILL_SECONDS = 0
    PortalSettingsFactory(site=site, agency_name="Sở Kế hoạch và Đầu tư tỉnh An Khánh")
    about = StandardPageFactory(parent=home_page, title="Giới thiệu", slug="gioi-thieu")
    StandardPageFactory(parent=about, title="Chức năng, nhiệm vụ", slug="chuc-nang")
    StandardPageFactory(parent=about, title="Lãnh đạo Sở", slug="lanh-dao")
    StandardPageFactory(parent=home_page, title="Liên hệ", slug="lien-he")
    SubjectAreaFactory(name="Kinh tế tập thể, hợp tác xã", slug="hop-tac-xa")
    QuestionIndexPageFactory(parent=home_page)
    return site


FOCUS_RING = """() => {
    const style = getComputedStyle(document.activeElement);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return outline || style.boxShadow !== 'none';
}"""


def tab_to(page, target, limit=60):
    """Presses Tab until `target` has the focus, as a keyboard user would; every stop shows a focus ring."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        assert page.evaluate(FOCUS_RING), page.evaluate("document.activeElement.outerHTML")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{target} not reached with {limit} Tab presses")


def test_menu_submenu_and_question_form_work_from_the_keyboard_alone(page, live_server, keyboard_portal):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    expect(page.locator("a.skip-link")).to_be_focused()

    menu = page.locator("#main-nav-list")
    sub_toggle = menu.get_by_role("button", name="Mục con của Giới thiệu")
    leaders = menu.get_by_role("link", name="Lãnh đạo Sở")
    tab_to(page, menu.get_by_role("link", name="Giới thiệu", exact=True))
    page.keyboard.press("Tab")
    expect(sub_toggle).to_be_focused()
    expect(leaders).to_be_hidden()  # Tab goes section to section, not through every child
    page.keyboard.press("Enter")
    expect(sub_toggle).to_have_attribute("aria-expanded", "true")
    expect(leaders).to_be_visible()
    page.keyboard.press("Escape")
    expect(leaders).to_be_hidden()
    expect(sub_toggle).to_be_focused()
    page.keyboard.press("Space")
    tab_to(page, leaders)
    page.keyboard.press("Shift+Tab")
    expect(menu.get_by_role("link", name="Chức năng, nhiệm vụ")).to_be_focused()
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Lãnh đạo Sở")

    tab_to(page, menu.get_by_role("link", name="Hỏi đáp"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, page.get_by_role("link", name="Gửi câu hỏi, phản ánh, kiến nghị"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    for label, text in (
        ("#id_name", "Nguyễn Văn Bình"),
        ("#id_address", "Thôn Đồng Tâm, xã Tân Lập"),
        ("#id_email", "binh.nv@example.vn"),
        ("#id_field", "Kinh"),
        ("#id_title", "Thành lập hợp tác xã"),
        ("#id_content", "Cần bao nhiêu thành viên để thành lập hợp tác xã?"),
    ):
        tab_to(page, page.locator(label))
        page.keyboard.type(text)
    tab_to(page, page.locator("#id_consent"))
    page.keyboard.press("Space")
    expect(page.locator("#id_consent")).to_be_checked()
    answer = CaptchaStore.objects.get(hashkey=page.input_value("input[name=captcha_0]")).response
    tab_to(page, page.locator("input[name=captcha_1]"))
    page.keyboard.type(answer)
    tab_to(page, page.get_by_role("button", name="Gửi câu hỏi"))
    with page.expect_navigation():
        page.keyboard.press("Enter")

    question = Question.objects.get()
    expect(page.locator("[data-tracking-code]")).to_have_text(question.code)
    assert question.field.slug == "hop-tac-xa" and question.title == "Thành lập hợp tác xã"
