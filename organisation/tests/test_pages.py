"""What the public sees on the leaders, organisation chart and contact pages."""

import factory
import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.models import HomePage, StandardPage
from organisation.enums import UnitKind
from organisation.models import ContactPage, LeadersPage, Official, OrganisationChartPage

from .factories import (
    ContactPageFactory,
    LeadersPageFactory,
    OfficialFactory,
    OrganisationChartPageFactory,
    OrganisationUnitFactory,
)

pytestmark = pytest.mark.django_db

# The shared layout (menu, breadcrumbs, settings) takes most of these.
MAX_QUERIES_PER_PAGE = 25


def names_in(soup, selector):
    return [element.get_text(strip=True) for element in soup.select(selector)]


def test_leaders_page_lists_only_leaders_in_display_order_with_their_details(introduction, soup_of):
    board = OrganisationUnitFactory(name="Ban Giám đốc", kind=UnitKind.LEADERSHIP)
    photo = wagtail_factories.ImageFactory(title="Chân dung Giám đốc")
    OfficialFactory(
        full_name="Trần Thị Thu Hương", position="Phó Giám đốc Sở", unit=board, is_leader=True, sort_order=2
    )
    OfficialFactory(
        full_name="Nguyễn Văn Minh",
        position="Giám đốc Sở",
        unit=board,
        is_leader=True,
        sort_order=1,
        photo=photo,
        duties="Phụ trách chung, công tác tổ chức cán bộ.",
        phone="0260 3 812 301",
        email="minhnv.skhdt@example.gov.vn",
    )
    OfficialFactory(full_name="Võ Thị Mai Anh", position="Chánh Văn phòng", is_unit_head=True)
    page = LeadersPageFactory(parent=introduction)

    soup = soup_of(page.url)
    assert names_in(soup, ".leader__name") == ["Nguyễn Văn Minh", "Trần Thị Thu Hương"]
    director = soup.select_one(".leader")
    text = director.get_text(" ", strip=True)
    for expected in ("Giám đốc Sở", "Phụ trách chung, công tác tổ chức cán bộ.", "0260 3 812 301"):
        assert expected in text
    assert director.select_one('a[href="mailto:minhnv.skhdt@example.gov.vn"]')
    portrait = director.select_one("img.leader__photo")
    assert portrait["alt"] == "Nguyễn Văn Minh" and "fill-180x240" in portrait["src"]
    assert soup.select_one('link[href$="organisation/organisation.css"]')


def test_leaders_page_without_leaders_says_so(introduction, soup_of):
    OfficialFactory(full_name="Đặng Thị Ngọc Lan")
    soup = soup_of(LeadersPageFactory(parent=introduction).url)
    assert not soup.select(".leader")
    assert "Chưa có thông tin lãnh đạo cơ quan." in soup.select_one(".empty-state").get_text()


def test_chart_nests_units_with_their_heads_and_contacts(introduction, soup_of):
    board = OrganisationUnitFactory(name="Ban Giám đốc", kind=UnitKind.LEADERSHIP, sort_order=0)
    office = OrganisationUnitFactory(
        name="Văn phòng Sở",
        parent=board,
        sort_order=1,
        phone="0260 3 812 350",
        email="vanphong.skhdt@example.gov.vn",
        functions="<p>Tổ chức cán bộ, văn thư, lưu trữ.</p>",
    )
    OrganisationUnitFactory(
        name="Trung tâm Xúc tiến đầu tư", parent=board, kind=UnitKind.AFFILIATED, sort_order=2
    )
    OfficialFactory(full_name="Nguyễn Văn Minh", position="Giám đốc Sở", unit=board, is_leader=True)
    OfficialFactory(full_name="Võ Thị Mai Anh", position="Chánh Văn phòng", unit=office, is_unit_head=True)
    OfficialFactory(full_name="Đặng Thị Ngọc Lan", position="Chuyên viên", unit=office)
    image = wagtail_factories.ImageFactory(title="Sơ đồ")
    page = OrganisationChartPageFactory(
        parent=introduction, chart_image=image, chart_caption="Sơ đồ tổ chức Sở năm 2026"
    )

    soup = soup_of(page.url)
    root = soup.select_one(".org-tree > .org-unit")
    assert root.select_one(".org-unit__name").get_text() == "Ban Giám đốc"
    children = root.select(":scope > .org-tree__level > .org-unit")
    assert [child.select_one(".org-unit__name").get_text() for child in children] == [
        "Văn phòng Sở",
        "Trung tâm Xúc tiến đầu tư",
    ]
    assert "Đơn vị sự nghiệp trực thuộc" in children[1].get_text()
    office_text = children[0].get_text(" ", strip=True)
    assert "Võ Thị Mai Anh" in office_text and "Đặng Thị Ngọc Lan" not in office_text
    assert "0260 3 812 350" in office_text and "Tổ chức cán bộ, văn thư, lưu trữ." in office_text
    assert "Nguyễn Văn Minh" in root.select_one(".org-unit__heads").get_text()
    figure = soup.select_one("figure.org-chart-image")
    assert figure.select_one("img")["alt"] == "Sơ đồ tổ chức Sở năm 2026"
    assert figure.figcaption.get_text() == "Sơ đồ tổ chức Sở năm 2026"


def test_chart_without_units_says_so(introduction, soup_of):
    soup = soup_of(OrganisationChartPageFactory(parent=introduction).url)
    assert "Chưa có thông tin cơ cấu tổ chức." in soup.select_one(".empty-state").get_text()
    assert not soup.select("figure.org-chart-image")


@pytest.fixture
def directory(home_page, portal):
    """A contact page with two units and four officials."""
    office = OrganisationUnitFactory(
        name="Văn phòng Sở", slug="van-phong", sort_order=1, email="vanphong.skhdt@example.gov.vn"
    )
    registry = OrganisationUnitFactory(
        name="Phòng Đăng ký kinh doanh", slug="dang-ky-kinh-doanh", sort_order=2, email=""
    )
    OfficialFactory(
        full_name="Nguyễn Văn Minh", position="Giám đốc Sở", unit=office, email="minhnv@example.gov.vn"
    )
    OfficialFactory(full_name="Nguyễn Văn Minh Tâm", position="Chuyên viên", unit=registry)
    OfficialFactory(full_name="Lê Thị Bích Ngọc", position="Trưởng phòng", unit=registry)
    OfficialFactory(full_name="Đỗ Quốc Bảo", position="Thanh tra viên", unit=office)
    return ContactPageFactory(parent=home_page)


def directory_names(soup):
    return names_in(soup, "table.directory .directory__name")


def test_contact_page_shows_the_agency_contact_from_site_settings(directory, portal, soup_of):
    block = soup_of(directory.url).select_one(".agency-contact")
    text = block.get_text(" ", strip=True)
    for expected in (portal.agency_name, portal.address, portal.phone, portal.fax, portal.email):
        assert expected in text
    assert block.select_one(f'a[href="mailto:{portal.email}"]')


def test_directory_lists_every_official_by_unit_with_contacts(directory, soup_of):
    soup = soup_of(directory.url)
    assert directory_names(soup) == [
        "Đỗ Quốc Bảo",
        "Nguyễn Văn Minh",
        "Lê Thị Bích Ngọc",
        "Nguyễn Văn Minh Tâm",
    ]
    row = soup.select("table.directory tbody tr")[1]
    cells = [cell.get_text(strip=True) for cell in row.select("th, td")]
    assert cells == [
        "Nguyễn Văn Minh",
        "Giám đốc Sở",
        "Văn phòng Sở",
        "0260 3 812 371",
        "minhnv@example.gov.vn",
    ]
    assert row.select_one('a[href="tel:02603812371"]')


def test_directory_filters_by_unit(directory, soup_of):
    soup = soup_of(directory.url, unit="dang-ky-kinh-doanh")
    assert directory_names(soup) == ["Lê Thị Bích Ngọc", "Nguyễn Văn Minh Tâm"]
    assert soup.select_one("#directory-unit option[selected]")["value"] == "dang-ky-kinh-doanh"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("nguyen van minh", ["Nguyễn Văn Minh", "Nguyễn Văn Minh Tâm"]),
        ("NGUYỄN VĂN MINH TÂM", ["Nguyễn Văn Minh Tâm"]),
        ("minh nguyen", ["Nguyễn Văn Minh", "Nguyễn Văn Minh Tâm"]),
        ("do quoc", ["Đỗ Quốc Bảo"]),
        ("  bich   ngoc ", ["Lê Thị Bích Ngọc"]),
    ],
)
def test_directory_finds_names_typed_with_or_without_diacritics(directory, soup_of, query, expected):
    assert directory_names(soup_of(directory.url, q=query)) == expected


def test_unit_filter_and_name_search_combine(directory, soup_of):
    soup = soup_of(directory.url, unit="van-phong", q="nguyen van minh")
    assert directory_names(soup) == ["Nguyễn Văn Minh"]


def test_directory_without_match_says_so(directory, soup_of):
    soup = soup_of(directory.url, q="hoang thi xuan")
    assert not soup.select("table.directory")
    assert (
        "Không tìm thấy cán bộ, công chức nào phù hợp."
        in soup.select_one("#danh-ba-can-bo .empty-state").text
    )


@pytest.mark.parametrize(
    "params",
    [
        {"unit": "khong-ton-tai"},
        {"unit": "<script>"},
        {"page": "abc"},
        {"page": "9999"},
        {"page": "-1"},
        {"q": "%_'\";--"},
        {"q": "x" * 1000},
    ],
)
def test_invalid_filter_values_do_not_crash(directory, soup_of, params):
    soup = soup_of(directory.url, **params)
    assert soup.select_one("#danh-ba-can-bo")


def test_unknown_unit_lists_everyone_and_selects_all_units(directory, soup_of):
    soup = soup_of(directory.url, unit="khong-ton-tai")
    assert len(directory_names(soup)) == 4
    assert not soup.select("#directory-unit option[selected]")


def test_directory_is_paginated_20_a_page_keeping_the_filters(home_page, portal, soup_of):
    unit = OrganisationUnitFactory(slug="van-phong")
    OfficialFactory.create_batch(25, unit=unit, full_name=factory.Sequence(lambda n: f"Trần Văn An {n:02d}"))
    page = ContactPageFactory(parent=home_page)
    first = soup_of(page.url, unit="van-phong", q="tran van")
    assert len(directory_names(first)) == 20
    next_link = first.select_one('.pagination a[rel="next"]')["href"]
    assert next_link == "?unit=van-phong&q=tran+van&page=2"
    assert len(directory_names(soup_of(page.url, unit="van-phong", q="tran van", page=2))) == 5


def test_email_directory_lists_units_that_have_an_email(directory, soup_of):
    table = soup_of(directory.url).select_one("table.email-directory")
    rows = [[cell.get_text(strip=True) for cell in row.select("th, td")] for row in table.select("tbody tr")]
    assert rows == [["Văn phòng Sở", "vanphong.skhdt@example.gov.vn", "0260 3 812 370"]]


def test_email_directory_without_emails_says_so(home_page, portal, soup_of):
    OrganisationUnitFactory(email="")
    soup = soup_of(ContactPageFactory(parent=home_page).url)
    assert "Chưa có địa chỉ thư điện tử" in soup.select_one("#danh-ba-thu-dien-tu .empty-state").get_text()
    assert (
        "Không tìm thấy cán bộ, công chức nào" in soup.select_one("#danh-ba-can-bo .empty-state").get_text()
    )


def add_officials_with_photos(count, **fields):
    for _ in range(count):
        OfficialFactory(photo=wagtail_factories.ImageFactory(), **fields)


def queries_for(client, url, params=None):
    """Queries of a second view: the first one makes the photo renditions."""
    client.get(url, params)
    with CaptureQueriesContext(connection) as queries:
        client.get(url, params)
    return len(queries)


def test_directory_query_count_does_not_grow_with_officials(
    home_page, portal, client, django_assert_max_num_queries
):
    unit = OrganisationUnitFactory(slug="van-phong")
    OrganisationUnitFactory.create_batch(5)
    page = ContactPageFactory(parent=home_page)
    add_officials_with_photos(2, unit=unit)
    baseline = queries_for(client, page.url, {"unit": "van-phong"})
    assert baseline <= MAX_QUERIES_PER_PAGE
    add_officials_with_photos(18, unit=unit)
    client.get(page.url, {"unit": "van-phong"})
    with django_assert_max_num_queries(baseline):
        response = client.get(page.url, {"unit": "van-phong"})
    assert response.content.decode().count('class="directory__photo"') == 20


@pytest.mark.parametrize("page_factory", [LeadersPageFactory, OrganisationChartPageFactory])
def test_leaders_and_chart_query_counts_do_not_grow_with_officials(
    introduction, client, django_assert_max_num_queries, page_factory
):
    board = OrganisationUnitFactory(kind=UnitKind.LEADERSHIP)
    page = page_factory(parent=introduction)
    add_officials_with_photos(1, unit=board, is_leader=True)
    OfficialFactory(unit__parent=board, is_unit_head=True)
    baseline = queries_for(client, page.url)
    assert baseline <= MAX_QUERIES_PER_PAGE
    add_officials_with_photos(5, unit=board, is_leader=True)
    OfficialFactory.create_batch(5, unit__parent=board, is_unit_head=True)
    client.get(page.url)
    with django_assert_max_num_queries(baseline):
        response = client.get(page.url)
    html = response.content.decode()
    assert all(official.full_name in html for official in Official.objects.filter(is_leader=True))


def test_page_types_can_only_be_created_in_their_place(home_page, root_page, introduction):
    assert ContactPage.allowed_parent_page_models() == [HomePage]
    assert ContactPage.can_create_at(home_page) and not ContactPage.can_create_at(introduction)
    contact = ContactPageFactory(parent=home_page)
    assert not ContactPage.can_create_at(home_page)  # one contact page per site
    for page_type in (LeadersPage, OrganisationChartPage):
        assert page_type.clean_parent_page_models() == [StandardPage]
        assert not page_type.can_create_at(home_page) and not page_type.can_create_at(root_page)
    leaders = LeadersPageFactory(parent=introduction)
    chart = OrganisationChartPageFactory(parent=introduction)
    for page in (contact, leaders, chart):
        assert page.specific_class.allowed_subpage_models() == []
        assert not StandardPage.can_create_at(page)


def test_editors_can_add_leaders_and_chart_pages_under_a_section(introduction):
    assert LeadersPage.can_create_at(introduction) and OrganisationChartPage.can_create_at(introduction)
    LeadersPageFactory(parent=introduction)
    assert not LeadersPage.can_create_at(introduction)  # one per section
