"""The layout in a real browser (Debian's chromium): 360 px wide, keyboard only."""

import pytest
from playwright.sync_api import expect

from home.tests.factories import PortalSettingsFactory, StandardPageFactory

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
