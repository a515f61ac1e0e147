"""The "Tổ chức bộ máy" menu group: listing, filtering, folded name search and Vietnamese validation."""

import pytest
from django.urls import reverse
from wagtail.admin.menu import admin_menu

from organisation.models import Official
from organisation.validators import EMAIL_INVALID
from users.models import User

from .factories import OfficialFactory, OrganisationUnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create_superuser("quantri", "quantri@example.gov.vn", "MatKhau@2026!"))
    return client


def listed_names(response):
    assert response.status_code == 200
    return {official.full_name for official in response.context["object_list"]}


def test_menu_group_holds_units_and_officials(rf):
    request = rf.get("/admin/")
    request.user = User.objects.create_superuser("bientap", "bientap@example.gov.vn", "MatKhau@2026!")
    group = next(
        item for item in admin_menu.menu_items_for_request(request) if item.label == "Tổ chức bộ máy"
    )
    assert {(item.label, item.url) for item in group.menu.menu_items_for_request(request)} == {
        ("Phòng, đơn vị", reverse("wagtailsnippets_organisation_organisationunit:list")),
        ("Cán bộ, công chức", reverse("wagtailsnippets_organisation_official:list")),
    }


def test_official_list_searches_names_without_diacritics_and_filters_by_unit(admin_client):
    office = OrganisationUnitFactory(name="Văn phòng Sở")
    OfficialFactory(full_name="Nguyễn Văn Minh", unit=office)
    OfficialFactory(full_name="Nguyễn Văn Minh Tâm")
    OfficialFactory(full_name="Đỗ Quốc Bảo", unit=office)
    url = reverse("wagtailsnippets_organisation_official:list")
    assert listed_names(admin_client.get(url, {"q": "nguyen van minh"})) == {
        "Nguyễn Văn Minh",
        "Nguyễn Văn Minh Tâm",
    }
    assert listed_names(admin_client.get(url, {"unit": office.pk})) == {"Nguyễn Văn Minh", "Đỗ Quốc Bảo"}


def test_admin_form_rejects_a_bad_email_in_vietnamese(admin_client):
    unit = OrganisationUnitFactory()
    data = {"full_name": "Lý Minh Khoa", "position": "Chuyên viên", "unit": unit.pk, "sort_order": 0}
    url = reverse("wagtailsnippets_organisation_official:add")
    response = admin_client.post(url, {**data, "email": "khoalm@skhdt"})
    assert response.status_code == 200
    assert EMAIL_INVALID in response.content.decode()
    assert not Official.objects.exists()
    admin_client.post(url, {**data, "email": "khoalm.skhdt@example.gov.vn"})
    assert Official.objects.get().name_folded == "ly minh khoa"
