"""Legal documents and schedule entries belong to a site (docs/requirements.md, Province and component
portals): a commune's board sees, edits and moderates only its own; the province shares chosen documents,
shown on its communes as the province's and edited by nobody there. Every route to a record is tried:
listing, export, chooser, edit, delete, history, bulk action, workflow, public list, detail page, home page,
API, RSS, import and the page cache."""

import csv
import re
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import TaskState
from wagtail.permissions import policy_registry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, querydict_from_html

from core import generation
from core.models import PortalSettings
from editorial.board_file import load_board_file
from editorial.tests.test_visibility import text_of
from legal_docs.models import Issuer, LegalDocument
from legal_docs.tests.factories import (
    LegalDocumentFactory,
    LegalDocumentIndexPageFactory,
    document_type,
)
from legal_docs.tests.test_import import line, write_csv
from news.tests.factories import ArticlePageFactory, publish
from organisation.models import Official
from organisation.tests.factories import OfficialFactory, OrganisationUnitFactory
from portal.component_portals import add_component_portal
from procedures.tests.factories import ProcedureIndexPageFactory, ProcedurePageFactory
from schedule.models import ScheduleEntry
from schedule.tests.factories import ScheduleEntryFactory, SchedulePageFactory

pytestmark = pytest.mark.django_db
COMMUNE_HOST = "tanlap.ankhanh.gov.vn"
PROVINCE_BOARD = """
members:
  - {username: tinh.head, full_name: Trịnh Xuân Long, roles: [head]}
  - {username: tinh.secretary, full_name: Lê Hoàng Trung, roles: [secretary]}
"""
COMMUNE_BOARD = f"""
site: {COMMUNE_HOST}
members:
  - {{username: xa.head, full_name: Nguyễn Thị Hòa, roles: [head]}}
  - {{username: xa.secretary, full_name: Lê Văn Bình, roles: [secretary]}}
  - {{username: xa.deputy, full_name: Phạm Văn Cải, roles: [deputy], sections: [van-ban]}}
  - {{username: xa.ctv, full_name: Đỗ Mạnh Hùng, roles: [contributor], sections: [van-ban]}}
"""
LIST_URL = "/admin/snippets/legal_docs/legaldocument/"
OTHER_SITE = "Mục này thuộc cổng khác"


@pytest.fixture
def province(site, home_page, tmp_path):
    """The province (the default site) with its /van-ban/, a commune portal of it, both boards, and three
    documents: the province's own, one it shares, and the commune's."""
    LegalDocumentIndexPageFactory(parent=home_page)
    commune = add_component_portal(COMMUNE_HOST, "Ủy ban nhân dân xã Tân Lập", "commune").site
    for name, text in (("tinh.yaml", PROVINCE_BOARD), ("xa.yaml", COMMUNE_BOARD)):
        (Path(tmp_path) / name).write_text(text, encoding="utf-8")
        load_board_file(Path(tmp_path) / name)
    documents = {
        "own": LegalDocumentFactory(number="10/QĐ-UBND", summary="Quyết định riêng của tỉnh"),
        "shared": LegalDocumentFactory(
            number="11/QĐ-UBND", summary="Quyết định tỉnh dùng chung", shared=True
        ),
        "commune": LegalDocumentFactory(
            number="12/QĐ-UBND",
            summary="Quyết định của xã",
            issuer=commune_issuer(),
            site=commune,
        ),
    }
    users = {user.username: user for user in get_user_model().objects.all()}
    return site, commune, documents, users


def commune_issuer():
    return Issuer.objects.get_or_create(
        name="Ủy ban nhân dân xã Tân Lập", defaults={"slug": "ubnd-xa-tan-lap"}
    )[0]


def logged_in(client, user):
    client.force_login(user)
    return client


def listed_numbers(response):
    text = response.content.decode()
    return sorted(number for number in ("10/QĐ-UBND", "11/QĐ-UBND", "12/QĐ-UBND") if number in text)


def test_the_admin_list_and_its_export_hold_only_the_boards_own_documents(client, province):
    _site, _commune, _documents, users = province
    logged_in(client, users["xa.secretary"])
    listing = client.get(LIST_URL)
    assert listed_numbers(listing) == ["12/QĐ-UBND"]
    cells = [cell.get_text(" ", strip=True) for cell in BeautifulSoup(listing.content, "html.parser")("td")]
    assert "đang đăng" in cells and "True" not in cells  # Wagtail's status tag, in Vietnamese
    exported = client.get(LIST_URL, {"export": "csv"})
    rows = list(csv.reader(StringIO(b"".join(exported.streaming_content).decode("utf-8-sig"))))
    assert rows[0][0] == "Số, ký hiệu" and [row[0] for row in rows[1:]] == ["12/QĐ-UBND"]
    logged_in(client, users["tinh.secretary"])
    assert listed_numbers(client.get(LIST_URL)) == ["10/QĐ-UBND", "11/QĐ-UBND"]


ADMIN_VIEWS = ["edit", "delete", "unpublish", "history", "usage", "workflow_history", "preview", "copy"]


def test_a_commune_board_opens_no_province_document_by_its_admin_url(client, province):
    """Every snippet view that names a document, for the province's own and the one it shares (one set-up:
    the province fixture is the slow part)."""
    _site, _commune, documents, users = province
    logged_in(client, users["xa.head"])
    for name in ("own", "shared"):
        for view in ADMIN_VIEWS:
            response = client.get(f"{LIST_URL}{view}/{documents[name].pk}/")
            assert response.status_code == 403 and OTHER_SITE in response.content.decode(), (name, view)


def test_a_post_to_another_sites_document_changes_and_deletes_nothing(client, province):
    site, _commune, documents, users = province
    logged_in(client, users["xa.head"])
    shared = documents["shared"]
    assert (
        client.post(f"{LIST_URL}edit/{shared.pk}/", form_data(shared, "action-publish", site)).status_code
        == 403
    )
    assert client.post(f"{LIST_URL}delete/{shared.pk}/").status_code == 403
    assert client.post(f"{LIST_URL}unpublish/{shared.pk}/").status_code == 403
    assert client.post(f"{LIST_URL}lock/{shared.pk}/").status_code == 403
    bulk = f"/admin/bulk/legal_docs/legaldocument/delete/?next=/&id={shared.pk}&id={documents['commune'].pk}"
    assert client.post(bulk).status_code == 403
    shared.refresh_from_db()
    assert shared.summary == "Quyết định tỉnh dùng chung" and LegalDocument.objects.count() == 3
    assert shared.live and not shared.locked


def test_a_province_documents_revisions_and_review_stay_closed_to_the_commune(client, province):
    """The revision views (view, compare, revert) and the moderation actions on a document the province's
    board is reviewing: 403 for the commune's head, and the review does not move."""
    _site, _commune, documents, users = province
    own = documents["own"]
    revision = own.save_revision(user=users["tinh.secretary"])
    own.get_workflow().start(own, users["tinh.secretary"])
    task_state = LegalDocument.objects.get(pk=own.pk).current_workflow_task_state
    logged_in(client, users["xa.head"])
    urls = [
        f"{LIST_URL}history/{own.pk}/revisions/{revision.pk}/view/",
        f"{LIST_URL}history/{own.pk}/revisions/{revision.pk}/revert/",
        f"{LIST_URL}history/{own.pk}/revisions/compare/earliest...{revision.pk}/",
        f"{LIST_URL}workflow/action/{own.pk}/approve/{task_state.pk}/",
        f"{LIST_URL}workflow/collect_action_data/{own.pk}/approve/{task_state.pk}/",
        f"{LIST_URL}workflow/confirm_cancellation/{own.pk}/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 403 and OTHER_SITE in response.content.decode(), url
        assert client.post(url, {"comment": "Đồng ý"}).status_code == 403, url
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS


def test_the_commune_board_edits_its_own_document_on_its_own_site_only(client, province):
    site, commune, documents, users = province
    logged_in(client, users["xa.head"])
    own = documents["commune"]
    form = client.get(f"{LIST_URL}edit/{own.pk}/").content.decode()
    assert "Ủy ban nhân dân xã Tân Lập" in form and "disabled" in form  # their one site, not to be chosen
    data = form_data(own, "action-publish", summary="Quyết định của xã (sửa)", site=site)
    assert client.post(f"{LIST_URL}edit/{own.pk}/", data).status_code == 302
    own.refresh_from_db()
    assert (own.summary, own.site) == (
        "Quyết định của xã (sửa)",
        commune,
    )  # the province was not theirs to pick


def test_the_chooser_offers_the_sites_documents_and_what_the_province_shares(client, province):
    _site, _commune, documents, users = province
    LegalDocumentFactory(number="13/QĐ-UBND", shared=True, live=False)  # a shared document's draft
    logged_in(client, users["xa.ctv"])
    chooser = "/admin/snippets/choose/legal_docs/legaldocument/"
    for response in (client.get(chooser), client.get(f"{chooser}results/", {"q": "quyet dinh"})):
        assert response.status_code == 200
        html = text_of(response)
        assert sorted(n for n in ("10/QĐ-UBND", "11/QĐ-UBND", "12/QĐ-UBND", "13/QĐ-UBND") if n in html) == [
            "11/QĐ-UBND",
            "12/QĐ-UBND",
        ]
    assert client.get(f"{chooser}chosen/{documents['shared'].pk}/").status_code == 200
    refused = client.get(f"{chooser}chosen/{documents['own'].pk}/")
    assert refused.status_code == 403 and OTHER_SITE in refused.content.decode()


def test_a_commune_document_goes_through_the_communes_board(client, province):
    site, commune, _documents, users = province
    logged_in(client, users["xa.ctv"])
    response = client.post(
        f"{LIST_URL}add/", form_data(None, "action-submit", number="20/QĐ-UBND", site=site)
    )
    assert response.status_code == 302
    document = LegalDocument.objects.get(number="20/QĐ-UBND")
    assert document.site == commune and not document.live
    assert document.current_workflow_state.workflow == commune.root_page.get_workflow()

    def reviews(username):
        return TaskState.objects.reviewable_by(users[username]).filter(
            workflow_state__object_id=str(document.pk)
        )

    assert reviews("xa.secretary").exists()
    assert not reviews("tinh.secretary").exists() and not reviews("tinh.head").exists()


def test_only_the_provinces_documents_can_be_shared(province):
    _site, _commune, documents, _users = province
    commune_document = documents["commune"]
    commune_document.shared = True
    with pytest.raises(Exception, match="Chỉ văn bản của cổng tỉnh"):
        commune_document.full_clean()


def test_each_sites_public_pages_list_its_own_and_the_shared_documents(client, province):
    _site, _commune, documents, _users = province
    commune = {"HTTP_HOST": COMMUNE_HOST}
    assert listed_numbers(client.get("/van-ban/", **commune)) == ["11/QĐ-UBND", "12/QĐ-UBND"]
    assert listed_numbers(client.get("/van-ban/")) == ["10/QĐ-UBND", "11/QĐ-UBND"]
    assert client.get(f"/van-ban/{documents['own'].slug}/", **commune).status_code == 404
    assert client.get(f"/van-ban/{documents['commune'].slug}/").status_code == 404
    shared = client.get(f"/van-ban/{documents['shared'].slug}/", **commune)
    assert shared.status_code == 200 and "Quyết định tỉnh dùng chung" in shared.content.decode()
    assert "Văn bản của Cổng thông tin điện tử, dùng chung" in shared.content.decode()  # the province's name
    assert (
        "dùng chung" not in client.get(f"/van-ban/{documents['commune'].slug}/", **commune).content.decode()
    )
    api = client.get("/api/van-ban/", **commune).json()
    assert sorted(item["number"] for item in api["results"]) == ["11/QĐ-UBND", "12/QĐ-UBND"]
    assert all(item["url"].startswith(f"http://{COMMUNE_HOST}/van-ban/") for item in api["results"])
    assert listed_numbers(client.get("/van-ban/rss/", **commune)) == ["11/QĐ-UBND", "12/QĐ-UBND"]
    assert documents["shared"].get_url(client.get("/", **commune).wsgi_request) == (
        f"/van-ban/{documents['shared'].slug}/"
    )


def test_import_into_a_component_portal(province, tmp_path):
    site, commune, _documents, _users = province
    rows = [
        line("5/QĐ-UBND", "Quyết định", "Ủy ban nhân dân xã Tân Lập", "", "02/03/2026", "", "Kế hoạch năm"),
        line("6/QĐ-UBND", "Quyết định", "Ủy ban nhân dân xã Tân Lập", "", "03/03/2026", "", "Quy chế"),
    ]
    path = write_csv(tmp_path, rows)
    out = StringIO()
    call_command("import_legal_documents", str(path), site=COMMUNE_HOST, stdout=out)
    imported = LegalDocument.objects.filter(site=commune).exclude(number="12/QĐ-UBND")
    assert (
        imported.count() == len(rows)
        and not LegalDocument.objects.filter(site=site, number__in=imported.values("number")).exists()
    )
    # The same file on the province is the province's own copy: two portals may hold the same decree.
    call_command("import_legal_documents", str(path), stdout=StringIO())
    assert LegalDocument.objects.filter(site=site).count() == 2 + len(rows)
    before = LegalDocument.objects.count()
    for bad in ("khong-co.ankhanh.gov.vn", f"{COMMUNE_HOST}:abc"):
        with pytest.raises(CommandError, match="Không có cổng|không hợp lệ"):
            call_command("import_legal_documents", str(path), site=bad, stdout=StringIO())
    assert LegalDocument.objects.count() == before


def test_a_publish_on_the_commune_leaves_the_provinces_pages_cached(province):
    site, commune, documents, _users = province
    province_before, commune_before = generation.of_site(site.pk), generation.of_site(commune.pk)
    documents["commune"].save_revision().publish()
    assert generation.of_site(site.pk) == province_before != generation.of_site(commune.pk)
    commune_before = generation.of_site(commune.pk)
    documents["shared"].save_revision().publish()  # what the province shares shows on the commune too
    assert generation.of_site(site.pk) != province_before
    assert generation.of_site(commune.pk) != commune_before


def form_data(document, action, site, number=None, summary=None):
    """The edit form as posted (site: what the poster asks for)."""
    return nested_form_data(
        {
            "site": site.pk,
            "number": number or document.number,
            "doc_type": document_type("Quyết định").pk,
            "issuer": commune_issuer().pk,
            "issued_on": "2026-03-02",
            "effective_on": "2026-03-15",
            "status": "in_force",
            "summary": summary or (document.summary if document else "Quyết định mới của xã"),
            "classification": "unclassified",
            "files": inline_formset([]),
            "relations": inline_formset([]),
            action: "1",
        }
    )


@pytest.fixture
def schedules(province):
    """This week's entry of each site, and a schedule page on each."""
    site, commune, _documents, users = province
    today = timezone.localdate()
    entries = {
        "province": ScheduleEntryFactory(date=today, content="Giám đốc Sở họp giao ban", site=site),
        "commune": ScheduleEntryFactory(date=today, content="Chủ tịch xã tiếp công dân", site=commune),
    }
    SchedulePageFactory(parent=site.root_page)
    SchedulePageFactory(parent=commune.root_page)
    return site, commune, entries, users


def test_each_sites_schedule_and_home_page_show_its_own_entries(client, schedules):
    _site, _commune, _entries, _users = schedules
    for host, own, other in (
        (COMMUNE_HOST, "Chủ tịch xã tiếp công dân", "Giám đốc Sở họp giao ban"),
        ("localhost", "Giám đốc Sở họp giao ban", "Chủ tịch xã tiếp công dân"),
    ):
        for url in ("/lich-cong-tac/", "/"):
            page = client.get(url, HTTP_HOST=host).content.decode()
            assert own in page and other not in page, (host, url)


def test_the_commune_secretariat_keeps_only_its_own_schedule(client, schedules):
    site, commune, entries, users = schedules
    logged_in(client, users["xa.secretary"])
    url = "/admin/snippets/schedule/scheduleentry/"
    listing = client.get(url).content.decode()
    assert "Chủ tịch xã tiếp công dân" in listing and "Giám đốc Sở họp giao ban" not in listing
    province_entry = entries["province"]
    for view in ("edit", "delete", "copy", "history"):
        response = client.get(f"{url}{view}/{province_entry.pk}/")
        assert response.status_code == 403 and OTHER_SITE in response.content.decode(), view
    assert client.post(f"{url}delete/{province_entry.pk}/").status_code == 403
    bulk = f"/admin/bulk/schedule/scheduleentry/delete/?next=/&id={province_entry.pk}"
    assert client.post(bulk).status_code == 403
    added = client.post(
        f"{url}add/",
        {
            "site": site.pk,
            "date": "02/03/2026",
            "start_time": "08:00",
            "leaders": "Đ/c Chủ tịch",
            "content": "Họp",
        },
    )
    assert added.status_code == 302
    assert ScheduleEntry.objects.get(content="Họp").site == commune  # their one site, whatever was posted
    policy = policy_registry.get_by_type(ScheduleEntry)
    assert not policy.user_has_permission_for_instance(users["xa.secretary"], "change", province_entry)
    assert ScheduleEntry.objects.filter(pk=province_entry.pk).exists()


def test_a_schedule_change_on_the_commune_leaves_the_provinces_pages_cached(schedules):
    site, commune, entries, _users = schedules
    before = generation.of_site(site.pk)
    entries["commune"].content = "Chủ tịch xã họp dân"
    entries["commune"].save()
    assert generation.of_site(site.pk) == before


@pytest.fixture
def directories(province):
    """A unit and a leader on each site, and the commune's leaders and contact pages."""
    site, commune, _documents, users = province
    units = {
        "province": OrganisationUnitFactory(name="Văn phòng", slug="van-phong", site=site),
        "commune": OrganisationUnitFactory(name="Văn phòng", slug="van-phong", site=commune),
    }
    officials = {
        "province": OfficialFactory(full_name="Nguyễn Văn Minh", is_leader=True, unit=units["province"]),
        "commune": OfficialFactory(full_name="Trần Văn Hải", is_leader=True, unit=units["commune"]),
    }
    return site, commune, units, officials, users


def test_each_sites_leaders_chart_and_directory_list_its_own_officials(client, directories):
    _site, commune, _units, officials, _users = directories
    assert officials["commune"].site == commune  # from its unit
    introduction = commune.root_page.get_children().get(slug="gioi-thieu")
    for page in introduction.get_children().live().filter(slug__in=["lanh-dao", "co-cau-to-chuc"]):
        text = client.get(page.url_path[len(commune.root_page.url_path) - 1 :], HTTP_HOST=COMMUNE_HOST)
        body = text.content.decode()
        assert "Trần Văn Hải" in body and "Nguyễn Văn Minh" not in body, page.slug
    contact = client.get("/lien-he/", {"q": "van"}, HTTP_HOST=COMMUNE_HOST).content.decode()
    assert "Trần Văn Hải" in contact and "Nguyễn Văn Minh" not in contact


def test_the_commune_secretariat_keeps_only_its_own_officials_and_units(client, directories):
    site, commune, units, officials, users = directories
    logged_in(client, users["xa.secretary"])
    listing = client.get("/admin/snippets/organisation/official/").content.decode()
    assert "Trần Văn Hải" in listing and "Nguyễn Văn Minh" not in listing
    for url in (
        f"/admin/snippets/organisation/official/edit/{officials['province'].pk}/",
        f"/admin/snippets/organisation/organisationunit/edit/{units['province'].pk}/",
        f"/admin/snippets/organisation/organisationunit/delete/{units['province'].pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 403 and OTHER_SITE in response.content.decode(), url
    form = client.get("/admin/snippets/organisation/official/add/").content.decode()
    assert f'value="{units["commune"].pk}"' in form and f'value="{units["province"].pk}"' not in form
    added = client.post(
        "/admin/snippets/organisation/official/add/",
        {"full_name": "Lò Thị Vân", "position": "Công chức", "unit": units["province"].pk, "sort_order": 0},
    )
    assert added.status_code == 200 and not Official.objects.filter(full_name="Lò Thị Vân").exists()


def test_a_post_to_another_sites_entry_official_or_unit_changes_and_deletes_nothing(
    client, directories, schedules
):
    """Edit and delete by POST, and the bulk delete, on the province's schedule entry, official and unit."""
    _site, _commune, units, officials, users = directories
    entry = schedules[2]["province"]
    logged_in(client, users["xa.secretary"])
    snippets = "/admin/snippets"
    edits = {
        f"{snippets}/schedule/scheduleentry/edit/{entry.pk}/": {
            "date": "02/03/2026",
            "start_time": "08:00",
            "leaders": "Đ/c Chủ tịch xã",
            "content": "Đổi lịch",
        },
        f"{snippets}/organisation/official/edit/{officials['province'].pk}/": {
            "full_name": "Đổi tên",
            "position": "Công chức",
            "unit": units["commune"].pk,
            "sort_order": 0,
        },
        f"{snippets}/organisation/organisationunit/edit/{units['province'].pk}/": {
            "name": "Đổi tên",
            "slug": "doi-ten",
            "kind": units["province"].kind,
        },
    }
    for url, data in edits.items():
        assert client.post(url, data).status_code == 403, url
        assert client.post(url.replace("/edit/", "/delete/")).status_code == 403, url
    for model, pk in (
        ("organisation/official", officials["province"].pk),
        ("organisation/organisationunit", units["province"].pk),
        ("schedule/scheduleentry", entry.pk),
    ):
        assert client.post(f"/admin/bulk/{model}/delete/?next=/&id={pk}").status_code == 403, model
    entry.refresh_from_db()
    officials["province"].refresh_from_db()
    units["province"].refresh_from_db()
    assert entry.content == "Giám đốc Sở họp giao ban"
    assert (
        officials["province"].full_name == "Nguyễn Văn Minh"
        and officials["province"].unit == units["province"]
    )
    assert units["province"].name == "Văn phòng"


def test_a_unit_may_not_sit_under_another_agencys_unit(directories):
    _site, commune, units, _officials, _users = directories
    unit = OrganisationUnitFactory.build(
        name="Bộ phận Một cửa", slug="mot-cua", site=commune, parent=units["province"]
    )
    with pytest.raises(ValidationError, match="cùng cổng"):
        unit.full_clean()


@pytest.fixture
def catalogues(province):
    """The province's shared procedure catalogue with one procedure, and the commune's own section (made by
    add_component_portal) with one."""
    site, commune, _documents, users = province
    shared = ProcedureIndexPageFactory(parent=site.root_page, slug="thu-tuc-hanh-chinh", shared=True)
    ProcedurePageFactory(parent=shared, title="Chứng thực bản sao từ bản chính", slug="chung-thuc")
    own = commune.root_page.get_children().get(slug="thu-tuc-hanh-chinh").specific
    ProcedurePageFactory(parent=own, title="Đăng ký khai sinh", slug="khai-sinh")
    return site, commune, shared, own, users


def test_a_component_portal_lists_the_provinces_shared_procedures_as_the_provinces(client, catalogues):
    site, commune, shared, _own, users = catalogues
    listing = client.get("/thu-tuc-hanh-chinh/", HTTP_HOST=COMMUNE_HOST).content.decode()
    assert "Đăng ký khai sinh" in listing and "Chứng thực bản sao từ bản chính" in listing
    assert "Thủ tục của Cổng thông tin điện tử, dùng chung" in listing  # the province's agency name
    assert 'href="http://localhost/thu-tuc-hanh-chinh/chung-thuc/"' in listing
    province = client.get("/thu-tuc-hanh-chinh/").content.decode()
    assert "Chứng thực bản sao từ bản chính" in province and "Đăng ký khai sinh" not in province
    before = generation.of_site(commune.pk)
    shared.shared = False
    shared.save_revision().publish()
    assert generation.of_site(commune.pk) != before  # the commune's section no longer lists it
    listing = client.get("/thu-tuc-hanh-chinh/", HTTP_HOST=COMMUNE_HOST).content.decode()
    assert "Chứng thực bản sao từ bản chính" not in listing and "Đăng ký khai sinh" in listing
    procedure = shared.get_children().get()
    logged_in(client, users["xa.head"])
    assert client.get(f"/admin/pages/{procedure.pk}/edit/").status_code in (302, 403)
    assert client.post(f"/admin/pages/{procedure.pk}/delete/").status_code in (302, 403)
    assert type(procedure.specific).objects.filter(pk=procedure.pk, live=True).exists()


def test_only_a_province_portal_shares_its_procedure_catalogue(client, catalogues):
    _site, commune, _shared, own, users = catalogues
    logged_in(client, users["xa.head"])
    url = f"/admin/pages/{own.pk}/edit/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form").dict()
    data.update({"body-count": "0", "shared": "on", "action-publish": "1"})
    response = client.post(url, data)
    assert "Chỉ cổng tỉnh mới dùng chung danh mục thủ tục" in response.content.decode()
    own.refresh_from_db()
    assert not own.shared
    own.shared = True  # a script or an import, not the editor
    with pytest.raises(ValidationError, match="Chỉ cổng tỉnh mới dùng chung danh mục thủ tục"):
        own.save_revision().publish()
    assert not type(own).objects.get(pk=own.pk).shared


def test_the_province_home_page_shows_its_component_portals_news(client, province):
    """Each item linked to its own site and named with its agency; a publish there renews the province's
    pages and leaves a sibling commune's cached."""
    site, commune, _documents, _users = province
    sibling = add_component_portal("hoabinh.ankhanh.gov.vn", "Ủy ban nhân dân xã Hòa Bình", "commune").site
    assert "Tin từ các cổng thành phần" not in client.get("/", HTTP_HOST=COMMUNE_HOST).content.decode()
    generations = {pk: generation.of_site(pk) for pk in (site.pk, commune.pk, sibling.pk)}
    news = commune.root_page.get_children().get(slug="tin-tuc")
    article = ArticlePageFactory(parent=news, title="Xã Tân Lập ra quân làm đường giao thông nông thôn")
    publish(article)
    assert generation.of_site(site.pk) != generations[site.pk]
    assert generation.of_site(sibling.pk) == generations[sibling.pk]
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    block = soup.select_one("#components-title").parent
    link = block.find("a", string="Xã Tân Lập ra quân làm đường giao thông nông thôn")
    assert link["href"] == f"http://{COMMUNE_HOST}/tin-tuc/{article.slug}/"
    assert "Ủy ban nhân dân xã Tân Lập" in block.get_text()


def test_the_provinces_document_search_spans_its_component_portals(client, province):
    """With the portal filter (`cong`): this portal and its component portals, or one of them; each result
    linked to its own site and named with its agency. A component portal has no such filter."""
    _site, commune, documents, _users = province
    everything = client.get("/van-ban/", {"cong": "tat-ca"})
    assert listed_numbers(everything) == ["10/QĐ-UBND", "11/QĐ-UBND", "12/QĐ-UBND"]
    link = BeautifulSoup(everything.content, "html.parser").find("a", string=re.compile("12/QĐ-UBND"))
    assert link["href"] == f"http://{COMMUNE_HOST}/van-ban/{documents['commune'].slug}/"
    agency = link.find_parent("li").select_one(".meta").get_text(" ", strip=True)
    assert agency.startswith("Ủy ban nhân dân xã Tân Lập · Ban hành")  # the agency, once where it issued it
    PortalSettings.objects.filter(site=commune).update(agency_name="UBND xã Tân Lập")
    generation.renew()
    agency = BeautifulSoup(client.get("/van-ban/", {"cong": "tat-ca"}).content, "html.parser")
    row = agency.find("a", string=re.compile("12/QĐ-UBND")).find_parent("li").select_one(".meta")
    assert row.get_text(" ", strip=True).startswith("UBND xã Tân Lập · Ủy ban nhân dân xã Tân Lập · Ban hành")
    assert listed_numbers(client.get("/van-ban/", {"cong": COMMUNE_HOST})) == ["12/QĐ-UBND"]
    bad = client.get("/van-ban/", {"cong": "khong-co.gov.vn"})
    assert bad.status_code == 200 and "Không có cổng thành phần «khong-co.gov.vn»" in bad.content.decode()
    assert listed_numbers(bad) == ["10/QĐ-UBND", "11/QĐ-UBND"]
    api = client.get("/api/van-ban/", {"cong": "tat-ca"}).json()
    urls = {item["number"]: item["url"] for item in api["results"]}
    assert urls["12/QĐ-UBND"].startswith(f"http://{COMMUNE_HOST}/van-ban/") and len(urls) == 3
    refused = client.get("/api/van-ban/", {"cong": "khong-co.gov.vn"})
    assert refused.status_code == 400 and "Không có cổng thành phần" in refused.json()["errors"]["cong"][0]
    commune = client.get("/van-ban/", {"cong": "tat-ca"}, HTTP_HOST=COMMUNE_HOST)
    assert 'name="cong"' not in commune.content.decode()


def test_a_search_across_more_component_portals_asks_no_more_queries(client, province):
    """The results' links to each portal's /van-ban/ are read at once
    (legal_docs.models.component_index_urls), not once per portal shown (docs/benchmarks.md, Province
    scale)."""

    def cold_queries():
        counts = []
        for url in ("/van-ban/", "/api/van-ban/"):
            generation.renew()
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url, {"cong": "tat-ca"}).status_code == 200
            counts.append(len(queries))
        return counts

    cold_queries()  # what a process reads once, whatever the generation
    one = cold_queries()
    second = add_component_portal("hoabinh.ankhanh.gov.vn", "Ủy ban nhân dân xã Hòa Bình", "commune").site
    LegalDocumentFactory(number="13/QĐ-UBND", issuer=commune_issuer(), site=second)
    assert cold_queries() == one


@pytest.mark.parametrize("report", ["tin-bai-thanh-vien", "thoi-han-duyet"])
def test_the_provinces_board_reads_its_component_portals_reports_and_not_the_reverse(
    client, province, report
):
    """Posting and timeliness roll up per component portal for the province's board."""
    site, commune, _documents, users = province
    site.site_name = "Cổng tỉnh An Khánh"
    site.save()
    logged_in(client, users["tinh.secretary"])
    text = client.get(f"/admin/bao-cao/{report}/").content.decode()
    assert "Ủy ban nhân dân xã Tân Lập" in text and "Cổng tỉnh An Khánh" in text  # rows and board filter
    logged_in(client, users["xa.secretary"])
    text = client.get(f"/admin/bao-cao/{report}/").content.decode()
    assert "Cổng tỉnh An Khánh" not in text


def test_a_communes_search_and_sitemap_hold_nothing_of_the_provinces_own(client, directories):
    """Site search (documents, officials) and sitemap.xml on the commune: its own records and what the
    province shares, never the province's own."""
    _site, commune, _units, _officials, _users = directories
    found = client.get("/tim-kiem/", {"q": "quyet dinh"}, HTTP_HOST=COMMUNE_HOST).content.decode()
    assert "12/QĐ-UBND" in found and "11/QĐ-UBND" in found and "10/QĐ-UBND" not in found
    people = client.get("/tim-kiem/", {"q": "nguyen van minh"}, HTTP_HOST=COMMUNE_HOST).content.decode()
    assert "Nguyễn Văn Minh" not in people
    assert (
        "Trần Văn Hải"
        in client.get("/tim-kiem/", {"q": "tran van hai"}, HTTP_HOST=COMMUNE_HOST).content.decode()
    )
    sitemap = client.get("/sitemap.xml", HTTP_HOST=COMMUNE_HOST).content.decode()
    own, provinces = (
        LegalDocument.objects.get(number="12/QĐ-UBND"),
        LegalDocument.objects.get(number="10/QĐ-UBND"),
    )
    assert f"/{own.slug}/" in sitemap and f"/{provinces.slug}/" not in sitemap
