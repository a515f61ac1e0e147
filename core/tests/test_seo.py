"""sitemap.xml, robots.txt and the HTML site map."""

import re
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Page

from .factories import StandardPageFactory

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def tree(home_page):
    intro = StandardPageFactory(parent=home_page, title="Giới thiệu", slug="gioi-thieu")
    history = StandardPageFactory(parent=intro, title="Lịch sử hình thành", slug="lich-su")
    hidden = StandardPageFactory(parent=home_page, title="Trang nháp", slug="trang-nhap")
    hidden.unpublish()
    return intro, history, hidden


def test_sitemap_xml_lists_live_pages_only(client, tree):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = [loc.text for loc in ET.fromstring(response.content).findall("sm:url/sm:loc", SITEMAP_NS)]
    assert any(url.endswith("/gioi-thieu/lich-su/") for url in locations)
    assert not any("trang-nhap" in url for url in locations)


def test_robots_txt_points_to_the_sitemap_and_keeps_the_admin_out(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_html_site_map_is_a_tree_of_sections(client, tree):
    soup = BeautifulSoup(client.get("/so-do-trang/").content.decode(), "html.parser")
    top = soup.select("ul.sitemap-tree > li")
    assert [li.find("a").get_text() for li in top] == ["Giới thiệu"]
    assert top[0].find("ul").find("a").get_text() == "Lịch sử hình thành"
    assert "Trang nháp" not in soup.get_text()


def test_machine_readable_times_are_valid_html_without_microseconds(client, home_page):
    """`<time datetime>` holds a valid HTML date and time: seconds at most, with the offset (an HTML
    validator refused Django's "c" format, which adds microseconds)."""
    from news.tests.factories import ArticlePageFactory, SectionPageFactory, publish

    section = SectionPageFactory(parent=home_page, slug="tin-tuc")
    article = publish(ArticlePageFactory(parent=section), timezone.now().replace(microsecond=123456))
    page = StandardPageFactory(parent=home_page, slug="gioi-thieu")
    Page.objects.filter(pk=page.pk).update(last_published_at=timezone.now().replace(microsecond=654321))
    values = []
    for url in (article.url, "/gioi-thieu/", "/tin-tuc/"):
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        values += [time["datetime"] for time in soup.find_all("time")]
    assert len(values) >= 3
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}[+-]\d{4})?", value) for value in values), (
        values
    )
