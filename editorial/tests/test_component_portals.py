"""One installation, several sites (docs/requirements.md, Province and component portals): each site has its
own board, and a board member of one site has no rights on another."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from core.tests.factories import HomePageFactory, StandardPageFactory
from editorial.board_file import load_board_file
from editorial.models import EditorialBoard

pytestmark = pytest.mark.django_db
PROVINCE = """
members:
  - {username: tinh.head, full_name: Trịnh Xuân Long, roles: [head]}
  - {username: tinh.member, full_name: Hoàng Thị Lan, roles: [member], sections: [tin-tuc]}
"""
COMMUNE = """
site: xa-tan-lap.localhost
members:
  - {username: xa.head, full_name: Nguyễn Thị Hòa, roles: [head]}
  - {username: xa.member, full_name: Phạm Thị An, roles: [member], sections: [tin-tuc]}
"""


def test_each_site_has_its_own_board_and_rights_stop_at_its_border(home_page, tmp_path):
    province_news = StandardPageFactory(parent=home_page, slug="tin-tuc")
    commune_home = HomePageFactory(parent=Page.get_first_root_node(), slug="xa-tan-lap", title="Xã Tân Lập")
    Site.objects.create(hostname="xa-tan-lap.localhost", root_page=commune_home, site_name="UBND xã Tân Lập")
    commune_news = StandardPageFactory(parent=commune_home, slug="tin-tuc")
    for name, text in (("tinh.yaml", PROVINCE), ("xa.yaml", COMMUNE)):
        (Path(tmp_path) / name).write_text(text, encoding="utf-8")
        load_board_file(Path(tmp_path) / name)
    users = {user.username: user for user in get_user_model().objects.all()}

    def can(username, page, action):
        return getattr(page.permissions_for_user(users[username]), action)()

    assert EditorialBoard.objects.count() == 2
    assert can("xa.member", commune_news, "can_edit") and not can("xa.member", province_news, "can_edit")
    assert can("tinh.member", province_news, "can_edit") and not can("tinh.member", commune_news, "can_edit")
    assert can("tinh.head", province_news, "can_publish") and not can(
        "tinh.head", commune_news, "can_publish"
    )
    assert can("xa.head", commune_home, "can_publish") and not can("xa.head", home_page, "can_publish")
    assert commune_news.get_workflow().name == "Quy trình duyệt tin – UBND xã Tân Lập"
    assert province_news.get_workflow() != commune_news.get_workflow()
