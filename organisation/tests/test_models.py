"""Validation and the stored data that searching and the chart rely on."""

import pytest
from django.core.exceptions import ValidationError

from organisation.models import Official, OrganisationUnit, unit_tree
from organisation.validators import EMAIL_INVALID

from .factories import OfficialFactory, OrganisationUnitFactory

pytestmark = pytest.mark.django_db


def test_a_bad_email_is_rejected_in_vietnamese():
    official = OfficialFactory.build(unit=OrganisationUnitFactory(), email="minhnv@")
    with pytest.raises(ValidationError) as error:
        official.full_clean()
    assert error.value.message_dict == {"email": [EMAIL_INVALID]}


@pytest.mark.parametrize("phone", ["0260 3 812 345", "+84 260 3812345", "(0260) 3.812.345"])
def test_usual_phone_formats_are_accepted(phone):
    OfficialFactory.build(unit=OrganisationUnitFactory(), phone=phone, fax=phone).full_clean()


@pytest.mark.parametrize("phone", ["gọi văn phòng", "0260 3 812 345 <script>", "12"])
def test_a_phone_that_is_not_a_number_is_rejected_in_vietnamese(phone):
    unit = OrganisationUnitFactory.build(phone=phone)
    with pytest.raises(ValidationError) as error:
        unit.full_clean()
    assert error.value.message_dict["phone"][0].startswith("Số điện thoại, fax chỉ gồm chữ số")


def test_a_unit_cannot_sit_under_itself_or_its_own_subunit():
    board = OrganisationUnitFactory(name="Ban Giám đốc")
    office = OrganisationUnitFactory(name="Văn phòng Sở", parent=board)
    team = OrganisationUnitFactory(name="Tổ một cửa", parent=office)
    for parent in (board, team):
        board.parent = parent
        with pytest.raises(ValidationError) as error:
            board.full_clean()
        assert "không được là chính đơn vị này" in error.value.message_dict["parent"][0]
    board.parent = None
    team.parent = board
    team.full_clean()


def test_the_name_is_stored_in_nfc_with_a_folded_copy():
    official = OfficialFactory(full_name="Ðặng Thị Ngọc Lan".replace("ặ", "a\u0323\u0306"))
    official.refresh_from_db()
    assert official.full_name == "Đặng Thị Ngọc Lan"
    assert official.name_folded == "dang thi ngoc lan"
    official.full_name = "Đỗ Quốc Bảo"
    official.save(update_fields=["full_name"])
    assert Official.objects.get(pk=official.pk).name_folded == "do quoc bao"


def test_tree_nests_units_in_display_order_and_drops_a_loop():
    board = OrganisationUnitFactory(name="Ban Giám đốc", sort_order=0)
    office = OrganisationUnitFactory(name="Văn phòng Sở", parent=board, sort_order=1)
    centre = OrganisationUnitFactory(name="Trung tâm Xúc tiến", parent=board, sort_order=3)
    inspection = OrganisationUnitFactory(name="Thanh tra Sở", parent=board, sort_order=2)
    looped = OrganisationUnitFactory(name="Đơn vị lỗi", sort_order=4)
    OrganisationUnit.objects.filter(pk=looped.pk).update(parent=looped)
    tree = unit_tree(OrganisationUnit.objects.all())
    assert [node.unit for node in tree] == [board]
    assert [node.unit for node in tree[0].children] == [office, inspection, centre]
