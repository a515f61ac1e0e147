"""What the public sees on one project's page."""

import datetime
from decimal import Decimal

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile

from core.tests.factories import SubjectAreaFactory
from projects.enums import FundingSource, ProjectStatus, ProjectType, SelectionMethod

from .factories import (
    BiddingPackageFactory,
    ProjectAttachmentFactory,
    ProjectIndexPageFactory,
    ProjectPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(home_page):
    index = ProjectIndexPageFactory(parent=home_page)
    return ProjectPageFactory(
        parent=index,
        title="Hồ chứa nước Sông Lạnh và hệ thống kênh tưới",
        objective="Tạo nguồn nước tưới ổn định cho 3.200 ha đất sản xuất nông nghiệp.",
        subject_area=SubjectAreaFactory(slug="oda", name="ODA và vốn vay ưu đãi"),
        project_type=ProjectType.GROUP_B,
        status=ProjectStatus.IN_PROGRESS,
        sponsor="Ủy ban nhân dân tỉnh An Khánh",
        investor="Ban Quản lý dự án nông nghiệp tỉnh",
        location="Xã Sông Lạnh, tỉnh An Khánh",
        decision_number="1315/QĐ-UBND",
        decision_date=datetime.date(2022, 6, 30),
        start_year=2023,
        end_year=2027,
        budget=Decimal("1120000000000"),
        funding_source=FundingSource.ODA,
    )


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_project_page_shows_every_fact_with_money_in_dong(client, project):
    soup = soup_of(client.get(project.url))

    facts = {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
        for dt in soup.select(".project-facts dt")
    }
    assert facts == {
        "Tên dự án": "Hồ chứa nước Sông Lạnh và hệ thống kênh tưới",
        "Mục tiêu đầu tư": "Tạo nguồn nước tưới ổn định cho 3.200 ha đất sản xuất nông nghiệp.",
        "Lĩnh vực": "ODA và vốn vay ưu đãi",
        "Loại dự án": "Dự án nhóm B",
        "Tình trạng": "Đang triển khai",
        "Cấp quyết định đầu tư": "Ủy ban nhân dân tỉnh An Khánh",
        "Chủ đầu tư": "Ban Quản lý dự án nông nghiệp tỉnh",
        "Địa điểm thực hiện": "Xã Sông Lạnh, tỉnh An Khánh",
        "Quyết định đầu tư": "Số 1315/QĐ-UBND ngày 30/06/2022",
        "Thời gian thực hiện": "2023–2027",
        "Tổng mức đầu tư": "1.120.000.000.000 đ",
        "Nguồn vốn": "Vốn ODA và vốn vay ưu đãi nước ngoài",
    }


def test_bidding_packages_table_in_order_with_results_or_pending(client, project):
    BiddingPackageFactory(
        project=project,
        sort_order=1,
        name="Thi công hệ thống kênh chính",
        method=SelectionMethod.OPEN,
        value=Decimal("236400000000"),
    )
    BiddingPackageFactory(
        project=project,
        sort_order=0,
        name="Thi công đập chính và tràn xả lũ",
        method=SelectionMethod.DIRECT_CONTRACTING,
        value=Decimal("512000000000"),
        result="Tổng công ty Xây dựng thủy lợi 4; giá trúng thầu 497.260.000.000 đồng.",
        contract_date=datetime.date(2023, 8, 14),
    )

    rows = soup_of(client.get(project.url)).select(".project-packages tbody tr")

    cells = [[cell.get_text(" ", strip=True) for cell in row.find_all("td")] for row in rows]
    assert cells == [
        [
            "1",
            "Thi công đập chính và tràn xả lũ",
            "Chỉ định thầu",
            "512.000.000.000 đ",
            "Tổng công ty Xây dựng thủy lợi 4; giá trúng thầu 497.260.000.000 đồng.",
            "14/08/2023",
        ],
        [
            "2",
            "Thi công hệ thống kênh chính",
            "Đấu thầu rộng rãi",
            "236.400.000.000 đ",
            "Đang lựa chọn nhà thầu",
            "—",
        ],
    ]


def test_attachments_show_title_format_and_size(client, project):
    document = wagtail_factories.DocumentFactory(
        title="quyet-dinh-1315",
        file=ContentFile(b"%PDF-1.4 " + b"0" * 2039, name="quyet-dinh-1315.pdf"),
    )
    ProjectAttachmentFactory(project=project, document=document, title="Quyết định phê duyệt dự án")
    ProjectAttachmentFactory(project=project, document=document, title="")

    links = soup_of(client.get(project.url)).select(".doc-link")

    assert [link.find("a").get_text() for link in links] == ["Quyết định phê duyệt dự án", "quyet-dinh-1315"]
    assert links[0].find("a")["href"] == document.url
    assert links[0].select_one(".meta").get_text() == "(PDF, 2,0\xa0KB)"


def test_project_without_packages_says_so(client, project):
    soup = soup_of(client.get(project.url))

    assert not soup.select(".project-packages")
    assert "Chưa công bố gói thầu nào" in soup.get_text()


def test_project_is_found_by_site_search_without_diacritics(client, project):
    response = client.get("/tim-kiem/", {"q": "nguon nuoc tuoi on dinh"})

    assert project.title in response.content.decode()
