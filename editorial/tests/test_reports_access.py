"""Who reads the board's reports: the head, the deputies and the secretariat of that board (and superusers);
members, contributors and the admin are refused, and each reader sees only their own boards' sites."""

import pytest
from django.test import RequestFactory
from wagtail.models import Page, Site

from core.tests.factories import HomePageFactory, StandardPageFactory
from editorial.reports import REPORTS
from editorial.reports.access import ReportMenuItem
from editorial.reports.posting import posting_rows
from users.tests.factories import SuperuserFactory

from .report_helpers import load_board

pytestmark = pytest.mark.django_db
PROVINCE = """
members:
  - {username: head, full_name: Trịnh Xuân Long, roles: [head]}
  - {username: standing, full_name: Trần Trung Định, roles: [standing_deputy]}
  - {username: deputy, full_name: Phạm Văn Cải, roles: [deputy], sections: [tin-tuc]}
  - {username: secretary, full_name: Lê Hoàng Trung, roles: [secretary]}
  - {username: admin, full_name: Ngô Quản Trị, roles: [admin]}
  - {username: member, full_name: Hoàng Thị Lan, roles: [member], sections: [tin-tuc]}
  - {username: contributor, full_name: Phan Văn Góp, roles: [contributor], sections: [tin-tuc]}
"""
COMMUNE = """
site: xa-tan-lap.localhost
members:
  - {username: xa.head, full_name: Nguyễn Thị Hòa, roles: [head]}
  - {username: xa.member, full_name: Phạm Thị An, roles: [member], sections: [tin-tuc]}
"""
MINE = ["tin-bai-thanh-vien", "tin-bai-chuyen-muc", "thoi-han-duyet", "dang-truc-tiep", "han-dang-tai"]


@pytest.fixture
def boards(home_page, tmp_path):
    StandardPageFactory(parent=home_page, slug="tin-tuc")
    commune_home = HomePageFactory(parent=Page.get_first_root_node(), slug="xa-tan-lap", title="Xã Tân Lập")
    Site.objects.create(hostname="xa-tan-lap.localhost", root_page=commune_home, site_name="UBND xã Tân Lập")
    StandardPageFactory(parent=commune_home, slug="tin-tuc")
    load_board(PROVINCE, tmp_path, "tinh.yaml")
    return load_board(COMMUNE, tmp_path, "xa.yaml")


def test_members_contributors_and_the_admin_are_refused_every_report(boards, client):
    for username in ("member", "contributor", "admin", "xa.member"):
        client.force_login(boards[username])
        assert client.get("/admin/").status_code == 200  # they do use the admin
        for report in REPORTS:
            refused = client.get(f"/admin/bao-cao/{report.slug}/")
            assert refused.status_code == 403, (username, report.slug)
            assert "Chỉ Trưởng ban, các Phó trưởng ban và Tổ thư ký" in refused.content.decode()
            assert client.get(f"/admin/bao-cao/{report.slug}/results/").status_code == 403


def test_the_head_deputies_secretariat_and_superusers_read_them(boards, client):
    boards["root"] = SuperuserFactory()
    for username in ("head", "standing", "deputy", "secretary", "xa.head", "root"):
        client.force_login(boards[username])
        for slug in MINE:
            assert client.get(f"/admin/bao-cao/{slug}/").status_code == 200, (username, slug)
            assert client.get(f"/admin/bao-cao/{slug}/", {"export": "csv"}).status_code == 200


def test_the_reports_menu_items_show_only_to_readers(boards):
    item = ReportMenuItem("Tin, bài theo thành viên", "/admin/bao-cao/tin-bai-thanh-vien/")
    request = RequestFactory().get("/admin/")
    for username, shown in (("secretary", True), ("deputy", True), ("contributor", False), ("member", False)):
        request.user = boards[username]
        assert item.is_shown(request) is shown


def test_each_reader_sees_only_their_boards_and_a_superuser_chooses(boards, client):
    client.force_login(boards["xa.head"])
    text = client.get("/admin/bao-cao/tin-bai-thanh-vien/").content.decode()
    assert "Phạm Thị An" in text and "Hoàng Thị Lan" not in text
    assert 'name="board"' not in text  # one board: nothing to choose
    client.force_login(SuperuserFactory())
    text = client.get("/admin/bao-cao/tin-bai-thanh-vien/").content.decode()
    assert "Phạm Thị An" in text and "Hoàng Thị Lan" in text and 'name="board"' in text
    commune = boards["xa.head"].board_seats.get().board
    text = client.get("/admin/bao-cao/tin-bai-thanh-vien/", {"board": commune.pk}).content.decode()
    assert "Phạm Thị An" in text and "Hoàng Thị Lan" not in text
    assert {row.member for row in posting_rows(boards=[commune])} == {"Phạm Thị An"}
