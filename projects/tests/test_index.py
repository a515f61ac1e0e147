"""The project list: status tabs, filters, sorting and paging as the public uses them."""

import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.tests.factories import SubjectAreaFactory
from projects.enums import ProjectStatus, ProjectType

from .factories import ProjectIndexPageFactory, ProjectPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return ProjectIndexPageFactory(parent=home_page)


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def listed(client, index, **params):
    soup = soup_of(client.get(index.url, params))
    return [link.get_text(strip=True) for link in soup.select(".project-list h2 a")]


def tabs_of(soup):
    return {
        link.find(string=True).strip(): (link.select_one(".project-tabs__count").get_text(), link["href"])
        for link in soup.select(".project-tabs a")
    }


def test_index_lists_its_live_projects_with_their_key_facts(client, index, home_page):
    ProjectPageFactory(
        parent=index,
        title="Nâng cấp Đường tỉnh ĐT.652",
        budget=Decimal("685000000000"),
        investor="Ban Quản lý dự án giao thông tỉnh",
        decision_date=datetime.date(2023, 10, 25),
    )
    ProjectPageFactory(parent=index, title="Dự án nháp chưa duyệt").unpublish()
    other_section = ProjectIndexPageFactory(parent=home_page, slug="du-an-khac")
    ProjectPageFactory(parent=other_section, title="Dự án của chuyên mục khác")

    soup = soup_of(client.get(index.url))

    assert soup.select_one("h1.page-title").get_text() == "Dự án đầu tư, đấu thầu, mua sắm công"
    assert [a.get_text() for a in soup.select(".project-list h2 a")] == ["Nâng cấp Đường tỉnh ĐT.652"]
    item = soup.select_one(".project-list li").get_text(" ", strip=True)
    for expected in (
        "Đang triển khai",
        "685.000.000.000 đ",
        "Ban Quản lý dự án giao thông tỉnh",
        "25/10/2023",
    ):
        assert expected in item


def test_status_tabs_count_each_group_and_link_to_it(client, index):
    for status, count in (
        (ProjectStatus.PREPARING, 1),
        (ProjectStatus.IN_PROGRESS, 2),
        (ProjectStatus.COMPLETED, 3),
    ):
        for _ in range(count):
            ProjectPageFactory(parent=index, status=status)

    tabs = tabs_of(soup_of(client.get(index.url)))

    assert tabs == {
        "Tất cả": ("(6)", index.url),
        "Chuẩn bị đầu tư": ("(1)", f"{index.url}?status=preparing"),
        "Đang triển khai": ("(2)", f"{index.url}?status=in_progress"),
        "Đã hoàn thành": ("(3)", f"{index.url}?status=completed"),
    }


def test_status_tabs_count_under_the_other_filters_and_keep_them(client, index):
    roads = SubjectAreaFactory(slug="giao-thong", name="Giao thông")
    ProjectPageFactory(parent=index, subject_area=roads, status=ProjectStatus.COMPLETED)
    ProjectPageFactory(parent=index, subject_area=roads, status=ProjectStatus.PREPARING)
    ProjectPageFactory(parent=index, status=ProjectStatus.COMPLETED)

    soup = soup_of(client.get(index.url, {"field": "giao-thong", "status": "completed", "sort": "budget"}))

    tabs = tabs_of(soup)
    assert tabs["Tất cả"] == ("(2)", f"{index.url}?field=giao-thong&sort=budget")
    assert tabs["Chuẩn bị đầu tư"] == ("(1)", f"{index.url}?field=giao-thong&sort=budget&status=preparing")
    assert tabs["Đang triển khai"][0] == "(0)"
    assert tabs["Đã hoàn thành"][0] == "(1)"
    assert (
        soup.select_one('.project-tabs a[aria-current="page"]').find(string=True).strip() == "Đã hoàn thành"
    )


def test_status_filter_returns_only_that_group(client, index):
    ProjectPageFactory(parent=index, title="Kè biển Hải An", status=ProjectStatus.COMPLETED)
    ProjectPageFactory(parent=index, title="Đường ven biển", status=ProjectStatus.PREPARING)
    ProjectPageFactory(parent=index, title="Hồ chứa Sông Lạnh", status=ProjectStatus.IN_PROGRESS)

    assert listed(client, index, status="completed") == ["Kè biển Hải An"]
    assert listed(client, index, status="preparing") == ["Đường ven biển"]


def test_field_filter_uses_the_subject_area_slug(client, index):
    oda = SubjectAreaFactory(slug="oda", name="ODA và vốn vay ưu đãi")
    ProjectPageFactory(parent=index, title="Hồ chứa Sông Lạnh", subject_area=oda)
    ProjectPageFactory(parent=index, title="Trường chuyên cơ sở 2")

    assert listed(client, index, field="oda") == ["Hồ chứa Sông Lạnh"]
    assert listed(client, index, field="dau-tu-cong") == ["Trường chuyên cơ sở 2"]


def test_type_filter(client, index):
    ProjectPageFactory(parent=index, title="Cao tốc Bắc - Nam", project_type=ProjectType.NATIONAL)
    ProjectPageFactory(parent=index, title="Kè biển Hải An", project_type=ProjectType.GROUP_C)

    assert listed(client, index, type="national") == ["Cao tốc Bắc - Nam"]
    assert listed(client, index, type="group_c") == ["Kè biển Hải An"]
    assert listed(client, index, type="group_a") == []


def test_year_filter_uses_the_decision_date_and_offers_only_years_with_projects(client, index):
    ProjectPageFactory(
        parent=index, title="Quyết định cuối năm 2023", decision_date=datetime.date(2023, 12, 31)
    )
    ProjectPageFactory(parent=index, title="Quyết định đầu năm 2024", decision_date=datetime.date(2024, 1, 1))

    assert listed(client, index, year="2023") == ["Quyết định cuối năm 2023"]
    assert listed(client, index, year="2024") == ["Quyết định đầu năm 2024"]
    soup = soup_of(client.get(index.url, {"year": "2024"}))
    options = [option.get_text() for option in soup.select("select[name=year] option")]
    assert options == ["Tất cả các năm", "2024", "2023"]
    assert soup.select_one("select[name=year] option[selected]").get_text() == "2024"


def test_filters_combine(client, index):
    oda = SubjectAreaFactory(slug="oda", name="ODA và vốn vay ưu đãi")
    ProjectPageFactory(parent=index, title="Đúng cả ba", subject_area=oda, project_type=ProjectType.GROUP_B)
    ProjectPageFactory(parent=index, title="Sai loại", subject_area=oda, project_type=ProjectType.GROUP_C)
    ProjectPageFactory(parent=index, title="Sai lĩnh vực", project_type=ProjectType.GROUP_B)
    ProjectPageFactory(
        parent=index,
        title="Sai năm",
        subject_area=oda,
        project_type=ProjectType.GROUP_B,
        decision_date=datetime.date(2021, 3, 1),
    )

    assert listed(client, index, field="oda", type="group_b", year="2024") == ["Đúng cả ba"]


def test_sorted_by_newest_decision_by_default(client, index):
    ProjectPageFactory(parent=index, title="Năm 2022", decision_date=datetime.date(2022, 6, 14))
    ProjectPageFactory(parent=index, title="Năm 2025", decision_date=datetime.date(2025, 9, 15))
    ProjectPageFactory(parent=index, title="Năm 2023", decision_date=datetime.date(2023, 10, 25))

    assert listed(client, index) == ["Năm 2025", "Năm 2023", "Năm 2022"]
    assert listed(client, index, sort="date") == ["Năm 2025", "Năm 2023", "Năm 2022"]


def test_sorted_by_budget_both_ways(client, index):
    ProjectPageFactory(parent=index, title="Trung bình", budget=Decimal("685000000000"))
    ProjectPageFactory(parent=index, title="Lớn nhất", budget=Decimal("2850000000000"))
    ProjectPageFactory(parent=index, title="Nhỏ nhất", budget=Decimal("14600000000"))

    assert listed(client, index, sort="budget") == ["Lớn nhất", "Trung bình", "Nhỏ nhất"]
    assert listed(client, index, sort="budget_asc") == ["Nhỏ nhất", "Trung bình", "Lớn nhất"]


@pytest.mark.parametrize(
    "params",
    [
        {"status": "dang-lam"},
        {"field": "khong-co-linh-vuc"},
        {"type": "nhom-d"},
        {"year": "hai-nghin"},
        {"year": "1800"},
        {"year": "99999999999999999999"},
        {"sort": "title"},
        {"page": "abc"},
        {"page": "999"},
        {"status": "completed\x00", "field": "<script>", "type": "", "year": "-1"},
    ],
)
def test_invalid_values_are_ignored(client, index, params):
    ProjectPageFactory(parent=index, title="Dự án A", status=ProjectStatus.COMPLETED, budget=1)
    ProjectPageFactory(parent=index, title="Dự án B", status=ProjectStatus.PREPARING, budget=2)

    assert sorted(listed(client, index, **params)) == ["Dự án A", "Dự án B"]


def test_nothing_matching_shows_the_empty_message(client, index):
    ProjectPageFactory(parent=index, status=ProjectStatus.IN_PROGRESS)

    soup = soup_of(client.get(index.url, {"status": "completed"}))

    assert not soup.select(".project-list")
    assert "Không có dự án nào phù hợp" in soup.select_one(".project-empty").get_text()


def test_twenty_per_page_and_page_links_keep_the_filters(client, index):
    for number in range(21):
        ProjectPageFactory(parent=index, title=f"Dự án {number:02d}", budget=number)
    ProjectPageFactory(parent=index, title="Dự án đã hoàn thành", status=ProjectStatus.COMPLETED)

    assert len(listed(client, index, status="in_progress", sort="budget")) == 20
    soup = soup_of(client.get(index.url, {"status": "in_progress", "sort": "budget"}))
    assert soup.select_one(".pagination a[rel=next]")["href"] == "?status=in_progress&sort=budget&page=2"
    assert listed(client, index, status="in_progress", sort="budget", page="2") == ["Dự án 00"]


def test_filter_form_keeps_the_chosen_status_and_values(client, index):
    ProjectPageFactory(parent=index)

    form = soup_of(client.get(index.url, {"status": "completed", "type": "group_b"})).select_one(
        "form.project-filters"
    )

    assert form.select_one("input[type=hidden][name=status]")["value"] == "completed"
    assert form.select_one("select[name=type] option[selected]")["value"] == "group_b"
    assert [select["name"] for select in form.select("select")] == ["field", "type", "year", "sort"]


def test_listing_queries_do_not_grow_with_the_number_of_projects(
    client, index, django_assert_max_num_queries
):
    for _ in range(2):
        ProjectPageFactory(parent=index, subject_area=SubjectAreaFactory())
    client.get(index.url)  # warm the site and settings caches
    with CaptureQueriesContext(connection) as few:
        assert len(listed(client, index)) == 2
    baseline = len(few.captured_queries)  # read now: the next request resets the connection's query log

    for _ in range(25):
        ProjectPageFactory(parent=index, subject_area=SubjectAreaFactory())
    client.get(index.url)  # new pages renew the layout's cached menu: warm it again
    with django_assert_max_num_queries(baseline):
        assert len(listed(client, index)) == 20
