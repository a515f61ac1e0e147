"""add_component_portal: a department's or commune's site in one step, the same on a second run, and bad input
refused in Vietnamese with nothing written (docs/component-portals.md)."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Collection, Page, Site, WorkflowPage

from core.enums import PortalKind
from core.models import PortalSettings
from editorial.board_file import load_board_file
from editorial.models import EditorialBoard
from portal.component_portals import INTRODUCTION, SECTIONS

pytestmark = pytest.mark.django_db
HOST = "tanlap.ankhanh.gov.vn"


def add(*args, **options):
    out = StringIO()
    call_command("add_component_portal", *args, stdout=out, **options)
    return out.getvalue()


def counts():
    return (
        Site.objects.count(),
        Page.objects.count(),
        Collection.objects.count(),
        EditorialBoard.objects.count(),
    )


def test_a_commune_gets_its_site_sections_settings_library_and_workflow(site):
    output = add(HOST, name="Ủy ban nhân dân xã Tân Lập", kind="commune")
    commune = Site.objects.get(hostname=HOST)
    assert commune.site_name == "Ủy ban nhân dân xã Tân Lập" and f"Xong: {commune.root_url}" in output
    home = commune.root_page.specific
    children = {page.slug: page.specific for page in home.get_children().live()}
    assert list(children) == [slug for slug, _title, _model in SECTIONS]
    assert all(type(children[slug]) is model for slug, _title, model in SECTIONS)
    introduction = [page.slug for page in children["gioi-thieu"].get_children().live()]
    assert introduction == [slug for slug, _title, _model in INTRODUCTION[PortalKind.COMMUNE]]
    assert "thay bằng nội dung của Ủy ban nhân dân xã Tân Lập" in children["tin-tuc"].intro
    settings = PortalSettings.for_site(commune)
    assert (settings.agency_name, settings.kind, settings.parent_site) == (
        "Ủy ban nhân dân xã Tân Lập",
        PortalKind.COMMUNE,
        site,
    )
    assert Collection.objects.filter(name__contains="Tân Lập").exists()
    board = EditorialBoard.objects.get(site=commune)
    workflow = WorkflowPage.objects.get(page=home).workflow
    assert workflow.active and workflow.tasks.count() == 3
    assert {task.specific.board for task in workflow.tasks.all()} == {board}


def test_a_department_gets_a_departments_introduction(site):
    add("sotuphap.ankhanh.gov.vn", name="Sở Tư pháp tỉnh An Khánh", kind="department", parent=site.hostname)
    home = Site.objects.get(hostname="sotuphap.ankhanh.gov.vn").root_page
    introduction = home.get_children().get(slug="gioi-thieu").get_children()
    assert [page.slug for page in introduction] == [
        slug for slug, _t, _m in INTRODUCTION[PortalKind.DEPARTMENT]
    ]


def test_a_province_portal_is_nobodys_component_and_the_parent_of_new_ones(site):
    """A province's installation starts with its own portal: a component portal added without --parent is
    the province's, not the default site's."""
    add("ankhanh.gov.vn", name="Ủy ban nhân dân tỉnh An Khánh", kind="province")
    province = Site.objects.get(hostname="ankhanh.gov.vn")
    settings = PortalSettings.for_site(province)
    assert (settings.kind, settings.parent_site) == (PortalKind.PROVINCE, None)
    introduction = province.root_page.get_children().get(slug="gioi-thieu").get_children()
    expected = [slug for slug, _title, _model in INTRODUCTION[PortalKind.PROVINCE]]
    assert [page.slug for page in introduction] == expected
    add(HOST, name="Ủy ban nhân dân xã Tân Lập", kind="commune")
    assert PortalSettings.for_site(Site.objects.get(hostname=HOST)).parent_site == province
    before = counts()
    with pytest.raises(CommandError, match="«tanlap.ankhanh.gov.vn» là cổng thành phần của một cổng khác"):
        add("thonmot.ankhanh.gov.vn", name="Thôn Một", kind="commune", parent=HOST)
    with pytest.raises(CommandError, match="Cổng tỉnh không là cổng thành phần của cổng nào"):
        add("binhlam.gov.vn", name="Ủy ban nhân dân tỉnh Bình Lâm", kind="province", parent="ankhanh.gov.vn")
    assert counts() == before


def test_running_it_again_changes_nothing(site):
    add(HOST, name="Ủy ban nhân dân xã Tân Lập", kind="commune")
    before = counts()
    output = add(HOST, name="Ủy ban nhân dân xã Tân Lập", kind="commune")
    assert counts() == before
    assert "không có gì thay đổi" in output


def test_a_missing_section_is_put_back_on_a_second_run(site):
    add(HOST, name="Ủy ban nhân dân xã Tân Lập", kind="commune")
    home = Site.objects.get(hostname=HOST).root_page
    home.get_children().get(slug="hoi-dap").delete()
    output = add(HOST, name="Ủy ban nhân dân xã Tân Lập", kind="commune")
    assert "tạo mục «Hỏi đáp»" in output and home.get_children().filter(slug="hoi-dap").exists()


def test_the_board_file_then_loads_the_communes_board_and_its_writing_waits_for_it(site, tmp_path):
    add(HOST, name="Ủy ban nhân dân xã Tân Lập", kind="commune")
    path = tmp_path / "board.yaml"
    path.write_text(
        f"site: {HOST}\nmembers:\n  - {{username: chu.tich, full_name: Hà Văn Chủ, roles: [head]}}\n"
        "  - {username: thu.ky.xa, full_name: Vũ Thị Ký, roles: [secretary], sections: [tin-tuc]}\n",
        encoding="utf-8",
    )
    outcome = load_board_file(path)
    assert outcome.board.site.hostname == HOST and outcome.board.members.count() == 2
    news = Site.objects.get(hostname=HOST).root_page.get_children().get(slug="tin-tuc").specific
    assert news.get_workflow() is not None  # what the commune writes goes to its board


@pytest.mark.parametrize(
    ("args", "options", "message"),
    [
        (["Xã_Tân Lập"], {"name": "Xã Tân Lập", "kind": "commune"}, "Tên miền «xã_tân lập» không hợp lệ"),
        (["tanlap"], {"name": "Xã Tân Lập", "kind": "commune"}, "Tên miền «tanlap» không hợp lệ"),
        ([], {"name": "Xã Tân Lập", "kind": "commune"}, "Tên miền «» không hợp lệ"),
        ([HOST], {"kind": "commune"}, "Thiếu tên cơ quan (--name)"),
        ([HOST], {"name": "Xã Tân Lập", "kind": "district"}, "Loại cổng «district» không hợp lệ"),
        ([HOST], {"name": "Xã Tân Lập"}, "Loại cổng «» không hợp lệ"),
        ([HOST], {"name": "Xã Tân Lập", "kind": "commune", "parent": "khong.co.vn"}, "Không có trang nào"),
        ([HOST], {"name": "Xã Tân Lập", "kind": "commune", "port": "tám nghìn"}, "Cổng mạng «tám nghìn»"),
        ([HOST], {"name": "Xã Tân Lập", "kind": "commune", "port": "70000"}, "Cổng mạng 70000 không hợp lệ"),
    ],
)
def test_bad_input_is_refused_in_vietnamese_and_nothing_is_written(site, args, options, message):
    before = counts()
    with pytest.raises(CommandError, match="Không tạo cổng thành phần|Cổng mạng") as refused:
        add(*args, **options)
    assert message in str(refused.value)
    assert counts() == before


def test_a_hostname_taken_by_another_agency_is_refused(site):
    add(HOST, name="Ủy ban nhân dân xã Tân Lập", kind="commune")
    before = counts()
    with pytest.raises(CommandError, match="đã được dùng cho «Ủy ban nhân dân xã Tân Lập»"):
        add(HOST, name="Ủy ban nhân dân xã Tân Hòa", kind="commune")
    assert counts() == before
