"""Each host gets its site, its root page and its settings (Wagtail's Site.find_for_request), and an
administrator's change shows on the next request, the layout's cached parts included (core/fragments.py)."""

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from wagtail.models import Site

from .factories import PortalSettingsFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def soup_of(client, url="/"):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_a_change_to_the_settings_and_the_emblem_shows_on_the_next_request(client, site):
    settings = PortalSettingsFactory(site=site)
    assert "Sở Nội vụ tỉnh Hòa Bình" in soup_of(client).select_one(".brand__name").get_text()
    assert "emblem.svg" in soup_of(client).select_one(".brand__emblem")["src"]

    settings.agency_name = "Sở Tư pháp tỉnh Hòa Bình"
    settings.emblem = wagtail_factories.ImageFactory()
    settings.save()

    soup = soup_of(client)
    assert soup.select_one(".brand__name").get_text(strip=True) == "Sở Tư pháp tỉnh Hòa Bình"
    assert "/media/images/" in soup.select_one(".brand__emblem")["src"]


def test_a_new_root_page_for_the_site_is_served_on_the_next_request(client, site, home_page):
    client.get("/")
    other = StandardPageFactory(parent=home_page, title="Trang chủ mới", slug="trang-chu-moi")

    site.root_page = other
    site.save()  # as the admin's Sites view saves it

    assert soup_of(client).select_one("h1").get_text(strip=True) == "Trang chủ mới"


def test_each_host_gets_its_own_site(client, site, home_page):
    other_root = StandardPageFactory(parent=home_page, title="Cổng thành phần", slug="cong-thanh-phan")
    Site.objects.create(hostname="thanhphan.example.gov.vn", port=80, root_page=other_root, site_name="Khác")

    for _ in range(2):  # the second time from the cache
        assert soup_of(client, "/").select_one("h1") is not None
        other = client.get("/", HTTP_HOST="thanhphan.example.gov.vn")
        assert BeautifulSoup(other.content, "html.parser").select_one("h1").get_text(strip=True) == (
            "Cổng thành phần"
        )
