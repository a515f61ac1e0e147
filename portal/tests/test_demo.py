"""The demo portal loader: realistic content, and running it again changes nothing."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from core.enums import PortalKind
from core.models import PortalSettings
from editorial.models import EditorialBoard
from editorial.staffing import staffing_warnings
from portal.component_portals import SECTIONS
from portal.demo import content
from users.models import User

# One xdist worker runs the module (make test: --dist loadgroup), so that the demo is loaded once.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("home-demo")]


def load_demo():
    call_command("load_demo_portal", stdout=StringIO())


def counts():
    return Page.objects.count(), get_image_model().objects.count(), User.objects.count()


@pytest.fixture(scope="module")
def demo(module_db):
    """The demo portal, loaded once for the module's tests: a first load is the slow part, loading again
    is quick. Gives what the load printed."""
    output = StringIO()
    with module_db.unblock():
        call_command("load_demo_portal", stdout=output)
    return output.getvalue()


def test_loading_twice_leaves_the_same_content(demo, site):
    first = counts()
    load_demo()
    assert counts() == first
    assert first[0] > len(content.SECTIONS)


def test_demo_portal_has_every_top_level_section_and_the_agency(demo, client, site):
    home = site.root_page
    slugs = list(home.get_children().live().in_menu().values_list("slug", flat=True))
    assert slugs == content.MENU_ORDER
    portal = PortalSettings.for_site(site)
    assert portal.agency_name.startswith("Sở Kế hoạch và Đầu tư tỉnh")
    assert portal.emblem is not None
    response = client.get("/")
    assert response.status_code == 200 and portal.agency_name in response.content.decode()
    for slug in slugs:
        assert client.get(f"/{slug}/").status_code == 200


def test_demo_content_is_searchable_without_diacritics(demo, client, site):
    response = client.get("/tim-kiem/", {"q": "chuc nang nhiem vu"})
    assert "Chức năng, nhiệm vụ" in response.content.decode()


def test_demo_accounts_are_printed_and_can_log_in(demo, client, site):
    output = demo
    for username, password, *_ in content.DEMO_ACCOUNTS:
        assert username in output and password in output
        assert client.login(username=username, password=password)
        assert client.get("/admin/").status_code == 200


def test_a_changed_demo_password_is_neither_reset_nor_printed(demo, site, capsys):
    username, password, *_ = content.DEMO_ACCOUNTS[0]
    user = User.objects.get(username=username)
    user.set_password("MatKhauMoi@2026!")
    user.save()
    capsys.readouterr()
    call_command("load_demo_portal")
    output = capsys.readouterr().out
    assert password not in output
    user.refresh_from_db()
    assert user.check_password("MatKhauMoi@2026!")


def test_demo_fills_every_section_with_enough_content(demo, client, site):
    from news.models import ArticlePage
    from organisation.models import Official, OrganisationUnit
    from procedures.models import ProcedurePage
    from projects.models import ProjectPage
    from schedule.models import ScheduleEntry

    assert ArticlePage.objects.live().count() >= 60
    assert (
        Official.objects.count() >= 20
        and OrganisationUnit.objects.filter(officials__isnull=False).distinct().count() >= 6
    )
    assert ProjectPage.objects.live().count() >= 12
    assert set(ProjectPage.objects.values_list("status", flat=True)) == {
        "preparing",
        "in_progress",
        "completed",
    }
    assert ProcedurePage.objects.live().count() >= 8
    weeks = {entry.isocalendar()[:2] for entry in ScheduleEntry.objects.values_list("date", flat=True)}
    assert len(weeks) >= 2
    home = site.root_page.specific
    assert len(home.quick_links) >= 3 and home.featured_article is not None
    for url in (
        "/en/",
        "/en/about-us/",
        "/en/contact/",
        "/gioi-thieu/ban-do-hanh-chinh/",
        "/gioi-thieu/lanh-dao/",
    ):
        assert client.get(url).status_code == 200, url


def test_demo_files_sit_in_each_sites_library_where_its_board_chooses_them(demo, client, site):
    """The board's roles choose images and documents from their own site's library only
    (editorial.collections): the demo puts its files there, the commune's in the commune's."""
    import json

    from wagtail.images import get_image_model
    from wagtail.models import Collection

    from documents.models import PortalDocument

    root = Collection.get_first_root_node()
    assert get_image_model().objects.exists() and PortalDocument.objects.exists()
    assert not get_image_model().objects.filter(collection=root).exists()
    assert not PortalDocument.objects.filter(collection=root).exists()

    def chooser(username, url, query):
        client.force_login(User.objects.get(username=username))
        response = client.get(url, {"q": query})
        assert response.status_code == 200
        if response["Content-Type"].startswith("application/json"):
            return json.dumps(response.json(), ensure_ascii=False)
        return response.content.decode()

    def offered(username, title):
        """The image chooser offers the image (searched by exact title: a broad query pages its results
        differently on each database, and "no results" echoes the query)."""
        return f"<h3>{title}</h3>" in chooser(username, "/admin/images/chooser/results/", title)

    province_image, commune_image = "Ảnh minh họa tin 1", content.COMMUNE["banner"]
    assert offered("hung.dm", province_image) and not offered("hung.dm", commune_image)
    assert offered("an.pt", commune_image) and not offered("an.pt", province_image)
    document = PortalDocument.objects.first()
    query = document.title.split()[0]
    assert document.title in chooser("hung.dm", "/admin/documents/chooser/results/", query)
    assert document.title not in chooser("an.pt", "/admin/documents/chooser/results/", query)


def test_the_demo_boards_need_no_staffing_warning(demo, site):
    assert EditorialBoard.objects.count() == 2 + len(content.COMMUNES)  # the department's, the province's
    for board in EditorialBoard.objects.all():
        assert staffing_warnings(board) == [], board


def test_the_demo_site_is_at_the_address_the_portal_is_served_at(demo, site):
    """Links in emails and feeds (a page's full URL) lead where `make run` serves the portal."""
    site.refresh_from_db()
    assert site.root_url == settings.WAGTAILADMIN_BASE_URL
    article = Page.objects.live().filter(depth__gt=3).first()
    assert article.full_url.startswith(settings.WAGTAILADMIN_BASE_URL + "/")


@pytest.mark.parametrize("index", [0, 1])
def test_each_commune_is_a_component_portal_of_the_province_and_every_address_is_printed(demo, site, index):
    spec, _board, documents = content.COMMUNES[index]
    commune = Site.objects.get(hostname=spec["hostname"])
    portal = PortalSettings.for_site(commune)
    province = Site.objects.get(hostname=content.PROVINCE_PORTAL["hostname"])
    assert portal.kind == PortalKind.COMMUNE and portal.parent_site == province
    slugs = set(commune.root_page.get_children().values_list("slug", flat=True))
    assert {slug for slug, _title, _model in SECTIONS} | {slug for slug, _title in spec["sections"]} <= slugs
    assert commune.root_page.title == spec["title"]
    assert EditorialBoard.objects.get(site=commune).members.filter(active=True).exists()
    site.refresh_from_db()
    assert f"{site.root_url}/" in demo and f"{commune.root_url}/" in demo and f"{province.root_url}/" in demo


def test_each_commune_lists_its_own_documents_and_those_the_province_shares(demo, client):
    """A commune's /van-ban/ holds its own and the shared (docs/requirements.md, Province and component
    portals)."""
    own_numbers = [[number for number, *_rest in documents] for _spec, _board, documents in content.COMMUNES]
    for (spec, _board, _documents), own, others in zip(
        content.COMMUNES, own_numbers, own_numbers[::-1], strict=True
    ):
        page = client.get("/van-ban/", HTTP_HOST=f"{spec['hostname']}:{spec['port']}").content.decode()
        assert all(number in page for number in own) and not any(number in page for number in others)
        assert "43/2011/NĐ-CP" in page  # a decree the province shares
        assert "254/QĐ-SKHĐT" not in page  # the department's own decision, not shared
    department = client.get("/van-ban/").content.decode()
    assert not any(number in department for numbers in own_numbers for number in numbers)
    assert "43/2011/NĐ-CP" in department and "254/QĐ-SKHĐT" in department


def test_an_article_waits_for_the_secretariat_on_the_approvers_dashboard(demo, site):
    from editorial.dashboard import awaiting

    waiting = [row for row in awaiting(User.objects.get(username="trung.lh"))]
    assert [row["title"] for row in waiting] == [content.WAITING_ARTICLE["title"]]
    assert waiting[0]["author"].username == "hung.dm" and not waiting[0]["overdue"]
    assert not Page.objects.get(title=content.WAITING_ARTICLE["title"]).live


def test_each_communes_schedule_and_leaders_are_its_own(demo, client):
    """Not the department's (docs/requirements.md, Province and component portals)."""
    for spec, _board, _documents in content.COMMUNES:
        host = {"HTTP_HOST": f"{spec['hostname']}:{spec['port']}"}
        home = client.get("/", **host).content.decode()
        assert spec["schedule"][0][3] in home and "Giám đốc Sở" not in home
        leaders = client.get("/gioi-thieu/lanh-dao/", **host).content.decode()
        assert all(name in leaders for name, _position, _phone in spec["leaders"])
        assert "Nguyễn Văn Minh" not in leaders  # the department's director
        province = f"{content.PROVINCE_PORTAL['hostname']}:{content.PROVINCE_PORTAL['port']}"
        assert spec["article"][0] in client.get("/", HTTP_HOST=province).content.decode()


def test_the_province_portal_sits_on_top_of_the_department_and_the_communes(demo, client, site):
    """`make run` serves a province (docs/component-portals.md, In the demo): its home page lists its
    component portals' news, its document search spans them, and the documents it shares are its board's,
    not the department's."""
    from legal_docs.models import LegalDocument

    spec = content.PROVINCE_PORTAL
    province = Site.objects.get(hostname=spec["hostname"])
    portal = PortalSettings.for_site(province)
    assert (portal.kind, portal.parent_site) == (PortalKind.PROVINCE, None)
    assert PortalSettings.for_site(site).parent_site == province
    host = {"HTTP_HOST": f"{spec['hostname']}:{spec['port']}"}
    home = client.get("/", **host).content.decode()
    assert spec["title"] in home and spec["schedule"][0][3] in home and "Tin từ các cổng thành phần" in home
    assert content.COMMUNE["article"][0] in home
    assert "Tin từ các cổng thành phần" not in client.get("/").content.decode()  # the department has none
    everywhere = client.get("/van-ban/", {"cong": "tat-ca"}, **host).content.decode()
    numbers = ("12/QĐ-UBND", "08/QĐ-UBND", "254/QĐ-SKHĐT", "43/2011/NĐ-CP")
    assert all(number in everywhere for number in numbers)
    decree = LegalDocument.objects.get(number="43/2011/NĐ-CP")
    assert decree.site == province and decree.shared
    edit = f"/admin/snippets/legal_docs/legaldocument/edit/{decree.pk}/"
    assert "Nội dung mẫu" not in client.get("/van-ban/", **host).content.decode()  # introductions replaced
    commune = {"HTTP_HOST": f"{content.COMMUNE['hostname']}:{content.COMMUNE['port']}"}
    procedures = client.get("/thu-tuc-hanh-chinh/", **commune).content.decode()
    assert "Đăng ký khai sinh" in procedures and f"Thủ tục của {spec['name']}, dùng chung" in procedures
    client.force_login(User.objects.get(username="trung.lh"))  # the department's secretary
    assert client.get(edit).status_code == 403
    client.force_login(User.objects.get(username="vy.nt"))  # the province's
    assert client.get(edit).status_code == 200


def test_each_statistics_summary_agrees_with_its_table(demo, site):
    """ "Toàn tỉnh có N doanh nghiệp … vốn V tỷ đồng" states the table's own totals."""
    import re

    from news.models import ArticlePage

    reports = ArticlePage.objects.filter(title__startswith="Tình hình đăng ký doanh nghiệp tháng")
    assert reports.count() == 12
    for report in reports:
        table = next(block.value for block in report.body if block.block_type == "table")
        rows = table["table"]["data"][1:] if isinstance(table, dict) else table.data[1:]
        count = sum(int(row[1]) for row in rows)
        capital = sum(int(row[2]) for row in rows)
        stated = re.search(r"có (\d+) doanh nghiệp .* vốn đăng ký ([\d.]+) tỷ", report.intro)
        assert (int(stated[1]), int(stated[2].replace(".", ""))) == (count, capital), report.title


def test_the_documents_field_filter_finds_the_demos_documents(demo, client):
    from bs4 import BeautifulSoup

    for field in ("dau-tu-cong", "cai-cach-hanh-chinh"):
        soup = BeautifulSoup(client.get("/van-ban/", {"field": field}).content, "html.parser")
        assert int(soup.select_one('[role="status"] strong, .meta strong').get_text()) > 0, field
