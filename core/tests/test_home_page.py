"""The home page blocks and the English pages."""

from datetime import time, timedelta

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Locale

from core.blocks import QuickLinkBlock
from feedback.tests.factories import ConsultationIndexPageFactory, ConsultationPageFactory, in_days
from news.tests.factories import ArticlePageFactory, SectionPageFactory, publish
from schedule.models import ScheduleEntry

from .factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def news(home_page):
    return SectionPageFactory(parent=home_page, title="Tin tức, sự kiện", slug="tin-tuc")


def article(parent, title, hours_ago):
    return publish(
        ArticlePageFactory(parent=parent, title=title), timezone.now() - timedelta(hours=hours_ago)
    )


def test_featured_article_is_the_chosen_one_or_else_the_newest(client, home_page, news):
    older = article(news, "Hội nghị xúc tiến đầu tư", 10)
    article(news, "Giao ban tháng 11", 1)
    featured = soup_of(client.get("/")).select_one(".featured h3").get_text(strip=True)
    assert featured == "Giao ban tháng 11"
    home_page.featured_article = older
    home_page.save_revision().publish()
    assert soup_of(client.get("/")).select_one(".featured h3").get_text(strip=True) == older.title


def test_latest_news_per_section_newest_first_without_the_featured_one(client, home_page, news):
    direction = SectionPageFactory(parent=home_page, title="Chỉ đạo điều hành", slug="chi-dao-dieu-hanh")
    for hours in range(6):
        article(news, f"Tin {hours}", hours + 1)
    article(direction, "Chỉ đạo giải ngân", 30)
    soup = soup_of(client.get("/"))
    blocks = {
        section.select_one("h2").get_text(strip=True): [
            a.get_text(strip=True) for a in section.select("h3 a")
        ]
        for section in soup.select(".home-grid__main section.panel:not(.featured)")
    }
    assert blocks == {
        "Tin tức, sự kiện": ["Tin 1", "Tin 2", "Tin 3", "Tin 4"],
        "Chỉ đạo điều hành": ["Chỉ đạo giải ngân"],
    }


def test_this_weeks_schedule_and_empty_states(client, home_page):
    soup = soup_of(client.get("/"))
    side = soup.select_one(".home-grid__side").get_text(" ", strip=True)
    assert "Tuần này chưa có lịch công tác." in side
    assert "Chưa có văn bản mới được đăng." in side
    assert "Hiện không có dự thảo nào đang lấy ý kiến." in side
    today = timezone.localdate()
    ScheduleEntry.objects.create(
        site=home_page.get_site(),
        date=today,
        start_time=time(8),
        leaders="Đ/c Giám đốc",
        content="Họp giao ban Sở",
    )
    ScheduleEntry.objects.create(
        site=home_page.get_site(),
        date=today + timedelta(days=7),
        start_time=time(8),
        leaders="Đ/c Giám đốc",
        content="Họp tuần sau",
    )
    side = soup_of(client.get("/")).select_one(".home-grid__side").get_text(" ", strip=True)
    assert "Họp giao ban Sở" in side and "Họp tuần sau" not in side


def test_the_consultation_box_lists_the_drafts_open_now(client, home_page):
    """Open ones, closing soonest first, linked; neither an upcoming nor a closed one."""
    index = ConsultationIndexPageFactory(parent=home_page)
    ConsultationPageFactory(
        parent=index, title="Dự thảo đã đóng", opens_at=in_days(-30), closes_at=in_days(-1)
    )
    ConsultationPageFactory(parent=index, title="Dự thảo sắp mở", opens_at=in_days(3), closes_at=in_days(30))
    later = ConsultationPageFactory(parent=index, title="Dự thảo hạn sau", closes_at=in_days(20, hour=17))
    ConsultationPageFactory(parent=index, title="Dự thảo hạn trước", closes_at=in_days(5, hour=17))
    box = soup_of(client.get("/")).select_one("#consultations-title").parent
    titles = [link.get_text(strip=True) for link in box.select("li a")]
    assert titles == ["Dự thảo hạn trước", "Dự thảo hạn sau"]
    assert box.select_one("li a")["href"].startswith("/gop-y-du-thao/")
    assert f"Hạn góp ý: 17:00 {timezone.localtime(later.closes_at):%d/%m/%Y}" in box.get_text(" ", strip=True)
    assert box.find("a", string="Góp ý dự thảo ›")["href"] == "/gop-y-du-thao/"


def test_quick_links_and_banners_render(client, home_page):
    target = StandardPageFactory(parent=home_page, title="Thủ tục hành chính", slug="tthc")
    image = wagtail_factories.ImageFactory()
    home_page.quick_links = [
        (
            "link",
            {"title": "Dịch vụ công", "page": None, "url": "https://dichvucong.gov.vn", "description": ""},
        ),
        ("link", {"title": "Thủ tục", "page": target, "url": "", "description": "Tra cứu thủ tục"}),
    ]
    home_page.banners = [
        ("banner", {"image": image, "alt_text": "Chuyển đổi số", "link": "https://example.gov.vn"})
    ]
    home_page.save_revision().publish()
    soup = soup_of(client.get("/"))
    links = [(a.get_text(), a["href"]) for a in soup.select(".quick-links a")]
    assert links == [("Dịch vụ công", "https://dichvucong.gov.vn"), ("Thủ tục", "/tthc/")]
    assert soup.select_one(".banners a")["href"] == "https://example.gov.vn"
    assert soup.select_one(".banners img")["alt"] == "Chuyển đổi số"


def test_a_quick_link_needs_exactly_one_target(home_page):
    block = QuickLinkBlock()
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python({"title": "Trống", "page": None, "url": ""}))
    assert "Chọn một trang trong cổng hoặc nhập một địa chỉ ngoài." in str(error.value.block_errors)
    with pytest.raises(ValidationError):
        block.clean(
            block.to_python({"title": "Cả hai", "page": home_page.pk, "url": "https://example.gov.vn"})
        )


@pytest.fixture
def english_about(home_page):
    intro = StandardPageFactory(parent=home_page, title="Giới thiệu", slug="gioi-thieu")
    english = Locale.objects.create(language_code="en")
    home_en = home_page.copy_for_translation(english)
    home_en.title = "Home"
    home_en.save_revision().publish()
    about = intro.copy_for_translation(english)
    about.title, about.slug, about.intro = "About us", "about-us", "Functions and duties."
    about.save_revision().publish()
    return intro, about


def test_english_introduction_is_reachable_from_the_vietnamese_one(client, english_about):
    intro, about = english_about
    soup = soup_of(client.get(intro.url))
    switch = soup.select_one('.topbar__links a[hreflang="en"]')
    assert switch["href"] == "/en/about-us/"
    english = soup_of(client.get(switch["href"]))
    assert english.html["lang"] == "en"
    assert english.find("h1").get_text() == "About us"
    back = english.select_one('.topbar__links a[hreflang="vi"]')
    assert back["href"] == "/gioi-thieu/"


def test_an_english_page_says_its_language_and_dates_as_the_vietnamese_ones(client, english_about):
    """DC.language follows the page, and its update time reads 09:07 01/07/2026, not "9:07 a.m."."""
    _intro, about = english_about
    english = soup_of(client.get("/en/about-us/"))
    assert english.select_one('meta[name="DC.language"]')["content"] == "en"
    assert soup_of(client.get("/gioi-thieu/")).select_one('meta[name="DC.language"]')["content"] == "vi"
    updated = english.select_one("p.meta time").get_text()
    assert updated == f"{timezone.localtime(about.last_published_at):%H:%M %d/%m/%Y}"


def test_english_home_is_a_brochure_of_its_pages(client, english_about):
    soup = soup_of(client.get("/en/"))
    assert soup.html["lang"] == "en"
    assert [a.get_text() for a in soup.select(".subpages h3 a")] == ["About us"]
    assert [a.get_text(strip=True) for a in soup.select("nav.main-nav a")] == ["Home", "About us"]


def test_an_english_browser_still_gets_the_vietnamese_portal(client, english_about):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert soup_of(response).html["lang"] == "vi"
