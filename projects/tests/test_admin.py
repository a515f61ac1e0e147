"""Editors create projects in the Wagtail admin and see rule violations in Vietnamese."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from core.tests.factories import SubjectAreaFactory
from projects.models import ProjectPage

from .factories import BiddingPackageFactory, ProjectIndexPageFactory, ProjectPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return ProjectIndexPageFactory(parent=home_page)


def project_form(**overrides):
    fields = {
        "title": "Trạm bơm tiêu úng Phước Lộc",
        "slug": "tram-bom-tieu-ung-phuoc-loc",
        "intro": "",
        "body": streamfield([]),
        "objective": "Tiêu úng cho 1.500 ha lúa vụ mùa.",
        "subject_area": SubjectAreaFactory(slug="dau-tu-cong").pk,
        "project_type": "group_c",
        "status": "preparing",
        "sponsor": "Ủy ban nhân dân tỉnh An Khánh",
        "investor": "Ban Quản lý dự án nông nghiệp tỉnh",
        "location": "Xã Phước Lộc, tỉnh An Khánh",
        "decision_number": "77/QĐ-UBND",
        "decision_date": "05/01/2026",
        "start_year": "2026",
        "end_year": "2027",
        "budget": "48500000000",
        "funding_source": "local_budget",
        "bidding_packages": inline_formset(
            [{"name": "Thi công trạm bơm", "method": "open", "value": "39000000000", "result": ""}]
        ),
        "attachments": inline_formset([]),
        "action-publish": "publish",
    }
    return nested_form_data({**fields, **overrides})


def add_url(index):
    return f"/admin/pages/add/projects/projectpage/{index.pk}/"


def test_editor_publishes_a_project_with_its_packages(admin_client, index):
    response = admin_client.post(add_url(index), project_form())

    assert response.status_code == 302
    project = ProjectPage.objects.get(slug="tram-bom-tieu-ung-phuoc-loc")
    assert project.live and project.get_parent().pk == index.pk
    assert [package.name for package in project.bidding_packages.all()] == ["Thi công trạm bơm"]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"start_year": "2027", "end_year": "2026"}, "Năm hoàn thành không được trước năm bắt đầu."),
        ({"budget": "-1"}, "Số tiền không được là số âm."),
    ],
)
def test_admin_form_rejects_bad_figures_in_vietnamese(admin_client, index, overrides, message):
    response = admin_client.post(add_url(index), project_form(**overrides))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ProjectPage.objects.exists()


def test_edit_form_opens_with_packages(admin_client, index):
    project = ProjectPageFactory(parent=index)
    BiddingPackageFactory(project=project, name="Tư vấn giám sát thi công")

    response = admin_client.get(f"/admin/pages/{project.pk}/edit/")

    assert response.status_code == 200
    assert "Tư vấn giám sát thi công" in response.content.decode()
