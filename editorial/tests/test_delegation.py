"""The head's stand-in (docs/requirements.md, Editorial board): delegated only by the head of that board (or a
superuser), only to an active deputy of the same board, for at most EDITORIAL_MAX_DELEGATION_DAYS days, never
overlapping another delegation. The model refuses the content; the admin refuses whoever is not that head on
every view of a delegation, the bulk delete included."""

import datetime
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from wagtail.models import Page, Site

from core.tests.factories import HomePageFactory, StandardPageFactory
from editorial.board_file import load_board_file
from editorial.models import EditorialBoard, HeadDelegation, HeadTask
from users.tests.factories import SuperuserFactory

pytestmark = pytest.mark.django_db
URL = "/admin/snippets/editorial/headdelegation/"
PROVINCE = """
members:
  - {username: head, full_name: Trịnh Xuân Long, roles: [head]}
  - {username: standing, full_name: Trần Trung Định, roles: [standing_deputy]}
  - {username: deputy, full_name: Phạm Văn Cải, roles: [deputy], sections: [tin-tuc]}
  - {username: secretary, full_name: Lê Hoàng Trung, roles: [secretary]}
  - {username: member, full_name: Hoàng Thị Lan, roles: [member], sections: [tin-tuc]}
  - {username: ctv, full_name: Đỗ Mạnh Hùng, roles: [contributor], sections: [tin-tuc]}
"""
COMMUNE = """
site: xa-tan-lap.localhost
members:
  - {username: xa.head, full_name: Nguyễn Thị Hòa, roles: [head]}
  - {username: xa.deputy, full_name: Phạm Thị An, roles: [deputy]}
  - {username: xa.secretary, full_name: Lê Văn Bình, roles: [secretary]}
"""
TODAY = datetime.date.today()


@pytest.fixture
def boards(home_page, tmp_path):
    StandardPageFactory(parent=home_page, slug="tin-tuc")
    commune_home = HomePageFactory(parent=Page.get_first_root_node(), slug="xa-tan-lap", title="Xã Tân Lập")
    Site.objects.create(hostname="xa-tan-lap.localhost", root_page=commune_home, site_name="UBND xã Tân Lập")
    for name, content in (("tinh.yaml", PROVINCE), ("xa.yaml", COMMUNE)):
        (Path(tmp_path) / name).write_text(content, encoding="utf-8")
        load_board_file(Path(tmp_path) / name)
    users = {user.username: user for user in get_user_model().objects.all()}
    province = EditorialBoard.objects.get(site=home_page.get_site())
    commune = EditorialBoard.objects.get(site__hostname="xa-tan-lap.localhost")
    return province, commune, users


def delegation(board, delegate, days=5, start=TODAY, **fields):
    return HeadDelegation(
        board=board,
        delegate=delegate,
        starts_on=start,
        ends_on=start + datetime.timedelta(days=days - 1),
        reason=fields.pop("reason", "Trưởng ban đi công tác"),
        **fields,
    )


def errors(item):
    with pytest.raises(ValidationError) as failure:
        item.full_clean()
    return " ".join(message for messages in failure.value.message_dict.values() for message in messages)


def form(board, delegate, days=5, start=TODAY):
    return {
        "board": board.pk,
        "delegate": delegate.pk,
        "starts_on": start.isoformat(),
        "ends_on": (start + datetime.timedelta(days=days - 1)).isoformat(),
        "reason": "Trưởng ban nghỉ phép",
    }


# The model: to whom, how long, never overlapping ---------------------------------------------------------
def test_only_an_active_deputy_of_the_same_board_stands_in(boards):
    province, commune, users = boards
    for username in ("standing", "deputy"):
        delegation(province, users[username]).full_clean()
    for username in ("ctv", "member", "secretary"):
        assert "Chỉ ủy quyền cho Phó trưởng ban thường trực hoặc Phó trưởng ban" in errors(
            delegation(province, users[username])
        )
    assert "phải là thành viên đang tham gia Ban biên tập" in errors(delegation(province, users["xa.deputy"]))


def test_a_delegation_lasts_at_most_the_setting_in_days(boards, settings):
    province, _commune, users = boards
    delegation(province, users["deputy"], days=30).full_clean()
    assert "Mỗi lần ủy quyền tối đa 30 ngày" in errors(delegation(province, users["deputy"], days=31))
    assert "Mỗi lần ủy quyền tối đa 30 ngày" in errors(delegation(province, users["deputy"], days=365))
    settings.EDITORIAL_MAX_DELEGATION_DAYS = 7
    assert "tối đa 7 ngày" in errors(delegation(province, users["deputy"], days=8))


def test_delegations_of_one_board_never_overlap(boards):
    province, commune, users = boards
    delegation(province, users["deputy"], days=5).save()
    overlapping = delegation(province, users["standing"], days=3, start=TODAY + datetime.timedelta(days=4))
    assert "Trùng thời gian với ủy quyền đã có" in errors(overlapping)
    delegation(province, users["standing"], days=3, start=TODAY + datetime.timedelta(days=5)).full_clean()
    delegation(commune, users["xa.deputy"], days=5).full_clean()  # another board's period is its own
    existing = HeadDelegation.objects.get()
    existing.ends_on += datetime.timedelta(days=1)
    existing.full_clean()  # changing a delegation does not overlap itself


def test_a_delegation_to_a_contributor_recorded_before_the_rule_makes_no_approver(boards):
    province, _commune, users = boards
    delegation(province, users["ctv"]).save()  # written directly, past the checks
    task = HeadTask.objects.get(board=province)
    assert set(task.approvers(None)) == {users["head"]}
    HeadDelegation.objects.update(delegate=users["deputy"])
    assert set(task.approvers(None)) == {users["head"], users["deputy"]}


# The admin: only the head of that board -------------------------------------------------------------------
def test_the_head_delegates_to_a_deputy_of_their_board(boards, client):
    province, _commune, users = boards
    client.force_login(users["head"])
    response = client.post(f"{URL}add/", form(province, users["deputy"]))
    assert response.status_code == 302
    assert HeadDelegation.objects.get().delegate == users["deputy"]


def test_the_admin_form_refuses_with_the_models_reasons(boards, client):
    province, _commune, users = boards
    client.force_login(users["head"])
    for data, message in (
        (form(province, users["ctv"]), "Chỉ ủy quyền cho Phó trưởng ban thường trực hoặc Phó trưởng ban"),
        (form(province, users["deputy"], days=365), "Mỗi lần ủy quyền tối đa 30 ngày"),
    ):
        response = client.post(f"{URL}add/", data)
        assert response.status_code == 200 and message in response.content.decode()
    assert not HeadDelegation.objects.exists()


def test_the_head_of_one_board_cannot_delegate_for_another(boards, client):
    province, commune, users = boards
    client.force_login(users["head"])
    page = client.get(f"{URL}add/").content.decode()
    assert "UBND xã Tân Lập" not in page  # the other board is not offered
    response = client.post(f"{URL}add/", form(commune, users["xa.deputy"]))
    assert response.status_code == 200
    assert (
        "Chỉ Trưởng ban của Ban biên tập này (hoặc quản trị hệ thống) được ủy quyền"
        in response.content.decode()
    )
    assert not HeadDelegation.objects.exists()


def test_nobody_but_a_head_or_a_superuser_delegates(boards, client):
    province, commune, users = boards
    client.force_login(users["deputy"])  # no permission on delegations at all
    client.post(f"{URL}add/", form(province, users["standing"]))
    assert not HeadDelegation.objects.exists()
    client.force_login(SuperuserFactory())
    assert client.post(f"{URL}add/", form(commune, users["xa.deputy"])).status_code == 302


def test_another_boards_delegations_are_neither_listed_nor_edited_nor_deleted(boards, client):
    province, commune, users = boards
    theirs = delegation(commune, users["xa.deputy"], reason="Chủ tịch xã đi học")
    theirs.save()
    mine = delegation(province, users["deputy"], reason="Trưởng ban nghỉ phép")
    mine.save()
    client.force_login(users["head"])
    listing = client.get(URL).content.decode()
    assert "Trưởng ban nghỉ phép" in listing and "Chủ tịch xã đi học" not in listing
    for view in ("edit", "delete", "history", "usage"):
        response = client.get(f"{URL}{view}/{theirs.pk}/")
        assert response.status_code == 403, view
        assert "Ủy quyền này thuộc Ban biên tập khác" in response.content.decode()
    response = client.post(f"{URL}edit/{theirs.pk}/", form(commune, users["xa.deputy"], days=2))
    assert response.status_code == 403
    assert client.post(f"{URL}delete/{theirs.pk}/").status_code == 403
    bulk = f"/admin/bulk/editorial/headdelegation/delete/?id={theirs.pk}&id={mine.pk}"
    client.post(bulk)
    assert list(HeadDelegation.objects.all()) == [theirs]  # only their own was deleted
    theirs.refresh_from_db()
    assert theirs.ends_on == TODAY + datetime.timedelta(days=4)

    client.force_login(users["xa.head"])
    assert client.get(f"{URL}edit/{theirs.pk}/").status_code == 200
