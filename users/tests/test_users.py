"""Board members' accounts carry position, unit and phone, and names read the Vietnamese way."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from .factories import SuperuserFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_custom_user_model_is_in_use():
    assert get_user_model()._meta.label == "users.User"


def test_full_name_puts_family_name_first():
    user = UserFactory.build(first_name="Long", last_name="Trịnh Xuân")
    assert user.get_full_name() == "Trịnh Xuân Long"
    assert str(user) == "Trịnh Xuân Long"
    assert str(UserFactory.build(username="ẩn.danh", first_name="", last_name="")) == "ẩn.danh"


def test_admin_creates_a_user_with_position_unit_and_phone(client):
    client.force_login(SuperuserFactory())
    form_page = client.get(reverse("wagtailusers_users:add")).content.decode()
    for field in ("position", "unit", "phone"):
        assert f'name="{field}"' in form_page
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "dinh.tt",
            "email": "dinh.tt@example.gov.vn",
            "first_name": "Định",
            "last_name": "Trần Trung",
            "position": "Phó Giám đốc Sở",
            "unit": "Ban Giám đốc",
            "phone": "0256 3 822 111",
            "password1": "Mat-khau-rat-manh-2026",
            "password2": "Mat-khau-rat-manh-2026",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    user = get_user_model().objects.get(username="dinh.tt")
    assert (user.position, user.unit, user.phone) == ("Phó Giám đốc Sở", "Ban Giám đốc", "0256 3 822 111")


def test_admin_edits_the_profile_fields(client):
    client.force_login(SuperuserFactory())
    member = UserFactory(position="Chuyên viên")
    response = client.post(
        reverse("wagtailusers_users:edit", args=[member.pk]),
        {
            "username": member.username,
            "email": member.email,
            "first_name": member.first_name,
            "last_name": member.last_name,
            "is_active": "on",
            "position": "Trưởng phòng",
            "unit": member.unit,
            "phone": member.phone,
            "password1": "",
            "password2": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    member.refresh_from_db()
    assert member.position == "Trưởng phòng"


def test_staff_without_user_permissions_cannot_open_user_admin(client):
    from django.contrib.auth.models import Permission

    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    assert client.get(reverse("wagtailusers_users:add")).status_code in (302, 403)


def test_namesakes_are_told_apart_by_position_then_username():
    """Two "Lê Hoàng Trung" accounts read differently in choosers, lists and reports."""
    alone = UserFactory(username="hung.dm", first_name="Hùng", last_name="Đỗ Mạnh")
    it = UserFactory(
        username="quantri", first_name="Trung", last_name="Lê Hoàng", position="Chuyên viên CNTT"
    )
    secretary = UserFactory(username="trung.lh", first_name="Trung", last_name="Lê Hoàng", position="Thư ký")
    assert str(alone) == "Đỗ Mạnh Hùng"
    assert str(it) == "Lê Hoàng Trung (Chuyên viên CNTT)"
    assert str(secretary) == "Lê Hoàng Trung (Thư ký)"
    same = UserFactory(username="trung2", first_name="Trung", last_name="Lê Hoàng", position="Thư ký")
    assert str(same) == "Lê Hoàng Trung (trung2)"
