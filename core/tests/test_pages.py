"""What the public sees on the page types and in the shared layout."""

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Page

from core.models import HomePage, StandardPage

from .factories import PortalSettingsFactory, StandardPageFactory, body_of

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def portal(site):
    return PortalSettingsFactory(site=site)


def test_home_page_renders_in_vietnamese_with_agency_footer(client, portal):
    soup = soup_of(client.get("/"))
    assert soup.html["lang"] == "vi"
    footer = soup.find("footer").get_text(" ", strip=True)
    for expected in (
        portal.agency_name,
        portal.responsible_person,
        portal.address,
        portal.phone,
        portal.fax,
        portal.email,
        portal.licence,
    ):
        assert expected in footer
    assert portal.agency_name in soup.select_one(".brand__name").get_text()


def test_footer_is_on_every_page_including_views(client, portal, home_page):
    page = StandardPageFactory(parent=home_page, slug="gioi-thieu")
    for url in (page.url, "/tim-kiem/?q=abc", "/so-do-trang/", "/khong-ton-tai/"):
        response = client.get(url)
        assert portal.agency_name in response.content.decode().split("<footer", 1)[1], url


def test_standard_page_renders_every_body_block(client, portal, home_page):
    image = wagtail_factories.ImageFactory(title="Bản đồ hành chính")
    document = wagtail_factories.DocumentFactory(title="Quyết định thành lập")
    page = StandardPageFactory(
        parent=home_page,
        title="Chức năng, nhiệm vụ",
        intro="Vị trí và chức năng của Sở.",
        body=body_of(
            ("heading", {"text": "Vị trí và chức năng", "level": "h2"}),
            ("paragraph", "<p>Sở là cơ quan <b>chuyên môn</b> thuộc Ủy ban nhân dân tỉnh.</p>"),
            ("image", {"image": image.pk, "caption": "Bản đồ hành chính tỉnh", "credit": "Sở Xây dựng"}),
            ("document", {"document": document.pk, "title": "Tải quyết định thành lập"}),
            (
                "table",
                {
                    "caption": "Số liệu cán bộ",
                    "table": {
                        "data": [["Phòng", "Số người"], ["Văn phòng", "12"]],
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                    },
                },
            ),
        ),
    )
    soup = soup_of(client.get(page.url))
    article = soup.find("article")
    assert article.find("h1").get_text() == "Chức năng, nhiệm vụ"
    assert article.find("h2", string="Vị trí và chức năng")
    assert article.find("b", string="chuyên môn")
    assert "Bản đồ hành chính tỉnh" in article.find("figcaption").get_text()
    assert article.find("img")
    link = article.find("a", string="Tải quyết định thành lập")
    assert link["href"] == document.url
    cells = [cell.get_text(strip=True) for cell in article.select(".block-table th, .block-table td")]
    assert cells == ["Phòng", "Số người", "Văn phòng", "12"]


def test_standard_page_lists_its_live_subpages_only(client, portal, home_page):
    section = StandardPageFactory(parent=home_page, title="Giới thiệu")
    StandardPageFactory(parent=section, title="Lịch sử hình thành")
    draft = StandardPageFactory(parent=section, title="Bản nháp chưa duyệt")
    draft.unpublish()
    text = soup_of(client.get(section.url)).select_one(".subpages").get_text()
    assert "Lịch sử hình thành" in text
    assert "Bản nháp chưa duyệt" not in text


def test_main_menu_shows_live_in_menu_sections_with_children(client, portal, home_page):
    shown = StandardPageFactory(parent=home_page, title="Tin tức, sự kiện")
    StandardPageFactory(parent=shown, title="Hoạt động của Sở")
    StandardPageFactory(parent=home_page, title="Trang ẩn khỏi menu", show_in_menus=False)
    draft = StandardPageFactory(parent=home_page, title="Chuyên mục nháp")
    draft.unpublish()
    nav = soup_of(client.get(shown.url)).select_one("nav.main-nav")
    labels = [a.get_text(strip=True) for a in nav.select("a")]
    assert labels == ["Trang chủ", "Tin tức, sự kiện", "Hoạt động của Sở"]
    assert nav.select_one('a[aria-current="page"]').get_text() == "Tin tức, sự kiện"


def test_cached_menu_follows_publishing_renaming_and_unpublishing(client, portal, home_page):
    """The menu is cached; any page change starts a new cache generation, so the next request shows it."""
    section = StandardPageFactory(parent=home_page, title="Giới thiệu")

    def labels():
        return [a.get_text(strip=True) for a in soup_of(client.get("/")).select("nav.main-nav a")]

    assert labels() == ["Trang chủ", "Giới thiệu"]
    assert labels() == ["Trang chủ", "Giới thiệu"]  # served from the cache
    section.title = "Giới thiệu chung"
    section.save_revision().publish()
    assert labels() == ["Trang chủ", "Giới thiệu chung"]
    StandardPageFactory(parent=section, title="Lãnh đạo Sở")
    assert labels() == ["Trang chủ", "Giới thiệu chung", "Lãnh đạo Sở"]
    section.unpublish()
    assert labels() == ["Trang chủ"]


def test_breadcrumbs_and_skip_link(client, portal, home_page):
    section = StandardPageFactory(parent=home_page, title="Giới thiệu")
    child = StandardPageFactory(parent=section, title="Cơ cấu tổ chức")
    soup = soup_of(client.get(child.url))
    crumbs = [li.get_text(strip=True) for li in soup.select("nav.breadcrumbs li")]
    assert crumbs == ["Trang chủ", "Giới thiệu", "Cơ cấu tổ chức"]
    skip = soup.select_one("a.skip-link")
    assert skip["href"] == "#noi-dung" and soup.find(id="noi-dung").name == "main"


def test_no_asset_is_loaded_from_another_host(client, portal, home_page):
    soup = soup_of(client.get("/"))
    for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src")):
        for element in soup.find_all(tag):
            url = element.get(attribute) or ""
            if tag == "link" and element.get("rel") in (["canonical"], ["schema.DC"]):
                continue
            assert not url.startswith(("http:", "https:", "//")), url


def test_dublin_core_has_the_six_mandatory_elements_filled(client, portal, home_page):
    page = StandardPageFactory(parent=home_page, title="Lịch sử hình thành", intro="Các mốc phát triển.")
    page.save_revision().publish()
    page.refresh_from_db()
    soup = soup_of(client.get(page.url))
    dc = {meta["name"]: meta["content"] for meta in soup.select('meta[name^="DC."]')}
    assert dc["DC.title"] == "Lịch sử hình thành"
    assert dc["DC.creator"] == dc["DC.publisher"] == portal.agency_name
    assert dc["DC.description"] == "Các mốc phát triển."
    assert dc["DC.identifier"] == f"http://testserver{page.url}"
    assert dc["DC.date"] == timezone.localtime(page.last_published_at).date().isoformat()


@pytest.mark.parametrize("url", ["/", "/tim-kiem/?q=so+noi+vu", "/so-do-trang/"])
def test_dublin_core_is_never_empty(client, portal, url):
    soup = soup_of(client.get(url))
    for name in ("DC.title", "DC.creator", "DC.date", "DC.description", "DC.publisher", "DC.identifier"):
        meta = soup.select_one(f'meta[name="{name}"]')
        assert meta and meta["content"].strip(), name


def test_public_pages_stay_vietnamese_whatever_the_browser_language(client, portal, home_page):
    page = StandardPageFactory(parent=home_page, title="Lịch công tác")
    page.save_revision().publish()
    page.refresh_from_db()
    response = client.get(page.url, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    shown = timezone.localtime(page.last_published_at).strftime("%H:%M %d/%m/%Y")
    assert "Cập nhật: <time" in response.content.decode()
    assert soup_of(response).find("time").get_text() == shown


def test_404_page_is_in_vietnamese(client, portal):
    response = client.get("/khong-ton-tai/")
    assert response.status_code == 404
    text = response.content.decode()
    assert 'lang="vi"' in text and "Không tìm thấy trang" in text and portal.agency_name in text


def test_500_page_is_in_vietnamese(rf):
    from django.views.defaults import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Hệ thống đang gặp sự cố" in response.content.decode()


def test_page_types_can_only_be_created_in_their_place(home_page, root_page):
    section = StandardPageFactory(parent=home_page)
    assert HomePage.can_create_at(root_page)
    assert not HomePage.can_create_at(home_page)
    assert StandardPage.can_create_at(home_page) and StandardPage.can_create_at(section)
    assert not StandardPage.can_create_at(root_page)


def test_wagtail_default_moderators_workflow_is_gone(home_page):
    from wagtail.models import Workflow

    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert Page.get_first_root_node().get_workflow() is None
    assert home_page.get_workflow() is None


def test_dates_are_shown_dd_mm_yyyy(settings):
    from datetime import date, datetime

    from django.utils import formats, translation

    with translation.override("vi"):
        assert formats.date_format(date(2026, 1, 5), "SHORT_DATE_FORMAT") == "05/01/2026"
        assert formats.date_format(date(2026, 1, 5)) == "05/01/2026"
        assert formats.localize_input(date(2026, 1, 5)) == "05/01/2026"
        assert formats.date_format(datetime(2026, 1, 5, 8, 30), "SHORT_DATETIME_FORMAT") == "08:30 05/01/2026"


def test_pages_along_the_url_are_found_at_every_level_and_a_made_up_url_is_a_404(client, portal, home_page):
    parent = StandardPageFactory(parent=home_page, title="Giới thiệu", slug="gioi-thieu")
    child = StandardPageFactory(parent=parent, title="Chức năng, nhiệm vụ", slug="chuc-nang-nhiem-vu")

    assert client.get("/gioi-thieu/chuc-nang-nhiem-vu/").status_code == 200
    assert client.get("/gioi-thieu/khong-co/").status_code == 404
    child.slug = "chuc-nang"
    child.save_revision().publish()  # a new generation: the old URL no longer routes
    assert client.get("/gioi-thieu/chuc-nang-nhiem-vu/").status_code == 404
    assert client.get("/gioi-thieu/chuc-nang/").status_code == 200
    assert client.get("/gioi-thieu/" + "x" * 300 + "/").status_code == 404
    assert client.get("/a" * 70 + "/").status_code == 404


def test_a_form_sent_without_its_cookie_is_refused_in_vietnamese(home_page):
    """Django's own CSRF failure page is English: a citizen whose browser blocks cookies reads why, and
    what to do, in Vietnamese."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/tim-kiem/", {"q": "thu"})
    text = response.content.decode()
    assert response.status_code == 403 and "Không gửi được biểu mẫu" in text
    assert "cho phép cookie" in text and "CSRF" not in text and "Forbidden" not in text


def test_new_pages_get_khong_dau_addresses(home_page):
    """From the title when no slug is given, unique among siblings; folded when written with diacritics; an
    existing page keeps its address."""
    title = "Tháng 10/2026: Đầu tư công"
    first = home_page.add_child(instance=StandardPage(title=title))
    second = home_page.add_child(instance=StandardPage(title=title))
    assert (first.slug, second.slug) == ("thang-10-2026-dau-tu-cong", "thang-10-2026-dau-tu-cong-2")
    # What Wagtail's editor writes from the title (it keeps diacritics), and one an editor typed.
    written = home_page.add_child(
        instance=StandardPage(title="Đường đến đô thị 10/2026", slug="đường-đến-đô-thị-102026")
    )
    typed = home_page.add_child(instance=StandardPage(title="Đô thị mới", slug="khu-đô-thị"))
    assert (written.slug, typed.slug) == ("duong-den-do-thi-10-2026", "khu-do-thi")
    chosen = home_page.add_child(instance=StandardPage(title="Đô thị", slug="do-thi-moi"))
    assert chosen.slug == "do-thi-moi"
    first.title = "Đầu tư công tháng 11"
    first.save()
    assert first.slug == "thang-10-2026-dau-tu-cong"


def test_unicode_addresses_become_khong_dau_and_the_old_ones_redirect(
    client, home_page, django_capture_on_commit_callbacks
):
    """convert_unicode_slugs: the page and its subtree move, the old addresses answer 301, a draft published
    later keeps the new address, a second run changes nothing."""
    from io import StringIO

    from django.core.management import call_command

    section = StandardPageFactory(parent=home_page, title="Tin tức")
    article = StandardPageFactory(parent=section, title="Tháng 10/2026")
    for page, slug in ((section, "tin-tức"), (article, "tháng-102026")):  # addresses made before
        page.refresh_from_db()
        page.slug = slug
        page.save()
    article.refresh_from_db()
    article.save_revision()  # a draft waiting
    out = StringIO()
    call_command("convert_unicode_slugs", "--dry-run", stdout=out)
    assert (
        "- /tin-tức/: tin-tức → tin-tuc" in out.getvalue()
        and Page.objects.get(pk=section.pk).slug == "tin-tức"
    )
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail makes the redirects once committed
        call_command("convert_unicode_slugs", stdout=StringIO())
    article = Page.objects.get(pk=article.pk).specific
    assert (Page.objects.get(pk=section.pk).slug, article.slug) == ("tin-tuc", "thang-102026")
    assert client.get("/tin-tuc/thang-102026/").status_code == 200
    for old, new in (("/tin-tức/", "/tin-tuc/"), ("/tin-tức/tháng-102026/", "/tin-tuc/thang-102026/")):
        response = client.get(old)
        assert response.status_code == 301 and response["Location"].endswith(new), old
    article.latest_revision.as_object().save_revision().publish()
    assert Page.objects.get(pk=article.pk).slug == "thang-102026"
    again = StringIO()
    call_command("convert_unicode_slugs", stdout=again)
    assert "Không có trang nào có địa chỉ có dấu." in again.getvalue()
