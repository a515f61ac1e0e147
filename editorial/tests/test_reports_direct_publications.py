"""The weekly report of the admin's direct publications from official sources (docs/requirements.md, Direct
publication): the ISO week's entries per site, the report page and its exports, and the Monday email to each
board's head and deputies only."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry, Page, PageLogEntry, Site, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from core.tests.factories import HomePageFactory
from editorial.models import BoardMember, OfficialSource
from editorial.notifications import OFFICIAL_SOURCE_PUBLICATION
from editorial.reports.access import report_boards
from editorial.reports.direct_publications import direct_publications, validate_week, week_bounds, week_code
from legal_docs.importer import HEADER, import_documents
from legal_docs.models import LegalDocument
from legal_docs.tests.factories import (
    LegalDocumentFactory,
    LegalDocumentIndexPageFactory,
    document_type,
    issuer,
)
from news.models import SectionPage
from news.tests.factories import ArticlePageFactory
from tests.email_checks import check_email
from users.tests.factories import SuperuserFactory

from .report_helpers import csv_rows, load_board, local, xlsx_rows

pytestmark = pytest.mark.django_db
PROVINCE = """
members:
  - {username: head, full_name: Trịnh Xuân Long, email: long.tx@example.gov.vn, roles: [head]}
  - {username: standing, full_name: Trần Trung Định, email: dinh.tt@example.gov.vn, roles: [standing_deputy]}
  - {username: deputy, full_name: Phạm Văn Cải, email: cai.pv@example.gov.vn, roles: [deputy]}
  - {username: deputy.nomail, full_name: Vũ Thị Hà, roles: [deputy]}
  - {username: deputy.former, full_name: Đặng Văn Cũ, email: cu.dv@example.gov.vn, roles: [deputy]}
  - {username: secretary, full_name: Lê Hoàng Trung, email: trung.lh@example.gov.vn, roles: [secretary]}
  - {username: admin, full_name: Ngô Quản Trị, email: qt@example.gov.vn, roles: [admin]}
  - {username: member, full_name: Hoàng Thị Lan, email: lan.ht@example.gov.vn, roles: [member]}
"""
COMMUNE = """
site: xa-tan-lap.localhost
members:
  - {username: xa.head, full_name: Nguyễn Thị Hòa, email: hoa.nt@example.gov.vn, roles: [head]}
  - {username: xa.admin, full_name: Phạm Thị An, email: an.pt@example.gov.vn, roles: [admin]}
"""


def publish_directly(section, admin, title, when, source="Báo Nhân Dân"):
    article = ArticlePageFactory(
        parent=section, title=title, official_source=OfficialSource.objects.get(name=source), live=False
    )
    article.save_revision(user=admin).publish(user=admin)
    PageLogEntry.objects.filter(page=article, action=OFFICIAL_SOURCE_PUBLICATION).update(timestamp=when)


@pytest.fixture
def week47(home_page, tmp_path):
    """Week 47 of 2026 runs from Monday 16 to Sunday 22 November."""
    section = home_page.add_child(instance=SectionPage(title="Tin tức", slug="tin-tuc"))
    commune_home = HomePageFactory(parent=Page.get_first_root_node(), slug="xa-tan-lap", title="Xã Tân Lập")
    Site.objects.create(hostname="xa-tan-lap.localhost", root_page=commune_home, site_name="UBND xã Tân Lập")
    commune_section = commune_home.add_child(instance=SectionPage(title="Tin tức", slug="tin-tuc"))
    load_board(PROVINCE, tmp_path, "tinh.yaml")
    users = load_board(COMMUNE, tmp_path, "xa.yaml")
    BoardMember.objects.filter(user=users["deputy.former"]).update(active=False)
    admin = users["admin"]
    publish_directly(section, admin, "Tin tuần trước", local(2026, 11, 15, 23, 59))
    publish_directly(section, admin, "Nghị quyết của Chính phủ", local(2026, 11, 16, 0, 0))
    publish_directly(
        section,
        admin,
        "Chỉ thị của Thủ tướng",
        local(2026, 11, 22, 23, 59),
        "Cổng Thông tin điện tử Chính phủ",
    )
    publish_directly(section, admin, "Tin tuần sau", local(2026, 11, 23, 0, 0))
    publish_directly(commune_section, users["xa.admin"], "Thông báo của tỉnh", local(2026, 11, 18, 9, 30))
    return users


def test_week_bounds_and_the_default_last_complete_week():
    assert week_bounds("2026-W47") == (datetime.date(2026, 11, 16), datetime.date(2026, 11, 23))
    assert week_bounds("2026-W53")[0] == datetime.date(2026, 12, 28)
    assert week_bounds(None, today=datetime.date(2026, 11, 23))[0] == datetime.date(2026, 11, 16)  # Monday
    assert week_bounds(None, today=datetime.date(2026, 11, 22))[0] == datetime.date(2026, 11, 9)  # Sunday
    for wrong in ("2025-W53", "2026-47", "2026-W7"):
        with pytest.raises(ValidationError, match="Nhập tuần dạng 2026-W47"):
            validate_week(wrong)


def test_the_weeks_direct_publications_per_site(week47):
    rows = direct_publications(report_boards(SuperuserFactory()), "2026-W47")
    province = Site.objects.get(is_default_site=True).site_name
    assert [(row.board, row.title, row.source, row.user, row.published_at) for row in rows] == [
        (province, "Nghị quyết của Chính phủ", "Báo Nhân Dân", "Ngô Quản Trị", local(2026, 11, 16)),
        (
            province,
            "Chỉ thị của Thủ tướng",
            "Cổng Thông tin điện tử Chính phủ",
            "Ngô Quản Trị",
            local(2026, 11, 22, 23, 59),
        ),
        ("UBND xã Tân Lập", "Thông báo của tỉnh", "Báo Nhân Dân", "Phạm Thị An", local(2026, 11, 18, 9, 30)),
    ]


def test_each_head_sees_their_own_sites_week_and_exports_it(week47, client):
    url = "/admin/bao-cao/dang-truc-tiep/"
    client.force_login(week47["head"])
    text = client.get(url, {"week": "2026-W47"}).content.decode()
    assert "Nghị quyết của Chính phủ" in text and "Chỉ thị của Thủ tướng" in text
    assert "Thông báo của tỉnh" not in text and "Tin tuần trước" not in text and "Tin tuần sau" not in text
    assert "Tuần 47/2026 (16/11 – 22/11/2026): 2 tin, bài" in text
    rows = csv_rows(client.get(url, {"week": "2026-W47", "export": "csv"}))
    assert rows[0] == ["Trang", "Tin, bài", "Nguồn chính thức", "Người đăng", "Thời gian đăng"]
    assert [row[1:] for row in rows[1:]] == [
        ["Nghị quyết của Chính phủ", "Báo Nhân Dân", "Ngô Quản Trị", "16/11/2026 00:00"],
        ["Chỉ thị của Thủ tướng", "Cổng Thông tin điện tử Chính phủ", "Ngô Quản Trị", "22/11/2026 23:59"],
    ]
    sheet = xlsx_rows(client.get(url, {"week": "2026-W47", "export": "xlsx"}))
    assert sheet[1][1] == "Nghị quyết của Chính phủ" and sheet[1][4] == datetime.datetime(2026, 11, 16)

    client.force_login(week47["xa.head"])
    text = client.get(url, {"week": "2026-W47"}).content.decode()
    assert "Thông báo của tỉnh" in text and "Nghị quyết của Chính phủ" not in text


def test_the_weekly_email_goes_to_each_boards_head_and_deputies_only(week47, mailoutbox):
    call_command("send_direct_publications_report", "--week", "2026-W47")
    assert len(mailoutbox) == 2
    province, commune = sorted(mailoutbox, key=lambda message: len(message.to), reverse=True)
    check_email(province)
    check_email(commune)
    assert province.to == ["cai.pv@example.gov.vn", "dinh.tt@example.gov.vn", "long.tx@example.gov.vn"]
    assert "tuần 47/2026" in province.subject and province.subject.endswith(": 2")
    assert "Nghị quyết của Chính phủ" in province.body and "Chỉ thị của Thủ tướng" in province.body
    assert "Thông báo của tỉnh" not in province.body and "Tin tuần sau" not in province.body
    assert "/admin/bao-cao/dang-truc-tiep/?week=2026-W47" in province.body
    assert commune.to == ["hoa.nt@example.gov.vn"] and "Thông báo của tỉnh" in commune.body


def test_a_week_without_direct_publications_is_still_reported(week47, mailoutbox):
    call_command("send_direct_publications_report", "--week", "2026-W45")
    assert len(mailoutbox) == 2
    assert all("Không có tin, bài nào được đăng trực tiếp." in message.body for message in mailoutbox)


@pytest.mark.parametrize("week", ["47", "9999-W52", "0001-W01"])
def test_a_wrong_week_is_refused_with_a_clear_message(week47, mailoutbox, week):
    """The command and the report page share the check; the far years overflowed the week's dates."""
    with pytest.raises(CommandError, match="Nhập tuần dạng 2026-W47"):
        call_command("send_direct_publications_report", "--week", week)
    assert mailoutbox == []


def test_legal_documents_count_once_per_publication_and_once_per_import(week47, tmp_path):
    """Legal documents are an official source: the admin's own publications are listed one by one, a CSV
    import as one row, under the board that publishes legal documents."""
    admin = week47["admin"]
    document = LegalDocumentFactory(number="20/2026/QĐ-UBND", live=False)
    document.save_revision(user=admin).publish(user=admin)
    csv_file = tmp_path / "van-ban.csv"
    rows = [",".join(HEADER)] + [
        f"{n}/2026/QĐ-UBND,Quyết định,Ủy ban nhân dân tỉnh,Nguyễn Văn Minh,17/11/2026,17/11/2026,,,,"
        f"Quyết định số {n},,,"
        for n in (21, 22, 23)
    ]
    csv_file.write_text("\n".join(rows) + "\n", encoding="utf-8")
    import_documents(csv_file)
    ModelLogEntry.objects.update(timestamp=local(2026, 11, 17, 8, 0))
    rows = direct_publications(report_boards(SuperuserFactory()), "2026-W47")
    province = Site.objects.get(is_default_site=True).site_name
    documents = [(row.title, row.source, row.user) for row in rows if row.board == province][1:3]
    assert (str(document), "Văn bản pháp luật", "Ngô Quản Trị") in documents
    imported = [title for title, source, _user in documents if source == "Nhập từ nguồn chính thức"]
    assert imported and imported[0].startswith("Nhập 3 văn bản từ tệp CSV")
    assert LegalDocument.objects.filter(live=True).count() == 4


# Only what bypassed the board, with the person who published ---------------------------------------------
def this_week():
    return week_code(timezone.localdate())


def weekly_email(mailoutbox):
    call_command("send_direct_publications_report", "--week", this_week())
    (message,) = [m for m in mailoutbox if m.subject.startswith("[Ban biên tập] Tin, bài đăng trực tiếp")]
    return message.body


@pytest.fixture
def province(home_page, tmp_path):
    """The province's board only, with its news section and the legal-documents page."""
    section = home_page.add_child(instance=SectionPage(title="Tin tức", slug="tin-tuc"))
    LegalDocumentIndexPageFactory(parent=home_page)
    users = load_board(PROVINCE, tmp_path, "tinh.yaml")
    return section, users


def approve_all_steps(state, users):
    """The secretariat and the head approve (the section has no deputy): the completed path publishes."""
    for approver in (users["secretary"], users["head"]):
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state, approver, "approve", comment="Đồng ý.")
        state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def official_article(section, title, **fields):
    source = OfficialSource.objects.get(name="Báo Nhân Dân")
    return ArticlePageFactory(parent=section, title=title, official_source=source, live=False, **fields)


def test_a_page_the_board_approved_is_not_listed_even_when_the_admin_submitted_it(province, mailoutbox):
    section, users = province
    admin = users["admin"]
    approved = official_article(section, "Tin qua quy trình")
    approved.save_revision(user=admin)
    approve_all_steps(approved.get_workflow().start(approved, admin), users)
    approved.refresh_from_db()
    assert approved.live
    direct = official_article(section, "Tin đăng trực tiếp")
    direct.save_revision(user=admin).publish(user=admin)

    rows = direct_publications(report_boards(SuperuserFactory()), this_week())
    assert [(row.title, row.user) for row in rows] == [("Tin đăng trực tiếp", "Ngô Quản Trị")]
    assert not PageLogEntry.objects.filter(page=approved, action=OFFICIAL_SOURCE_PUBLICATION).exists()
    body = weekly_email(mailoutbox)
    assert "Tin đăng trực tiếp" in body and "người đăng: Ngô Quản Trị" in body
    assert "Tin qua quy trình" not in body


def test_a_legal_document_the_board_approved_is_not_listed_as_the_admins(province, client, mailoutbox):
    """The admin enters a document and submits it (the admin's own right to publish documents directly is
    not used): the board's path publishes it, and the Monday email does not call it a direct publication."""
    _section, users = province
    admin = users["admin"]
    client.force_login(admin)
    data = nested_form_data(
        {
            "number": "30/2026/QĐ-UBND",
            "site": Site.objects.get(is_default_site=True).pk,
            "doc_type": document_type("Quyết định").pk,
            "issuer": issuer("Ủy ban nhân dân tỉnh").pk,
            "signer": "Nguyễn Văn Minh",
            "issued_on": "2026-03-02",
            "effective_on": "2026-03-15",
            "status": "in_force",
            "summary": "Ban hành Quy chế phối hợp",
            "classification": "unclassified",
            "files": inline_formset([]),
            "relations": inline_formset([]),
            "action-submit": "1",
        }
    )
    assert client.post("/admin/snippets/legal_docs/legaldocument/add/", data).status_code == 302
    approved = LegalDocument.objects.get(number="30/2026/QĐ-UBND")
    approve_all_steps(WorkflowState.objects.for_instance(approved).get(), users)
    approved.refresh_from_db()
    assert approved.live and approved.live_revision.user == admin
    direct = LegalDocumentFactory(number="31/2026/QĐ-UBND", live=False)
    direct.save_revision(user=admin).publish(user=admin)

    rows = direct_publications(report_boards(SuperuserFactory()), this_week())
    assert [(row.title, row.source, row.user) for row in rows] == [
        (str(direct), "Văn bản pháp luật", "Ngô Quản Trị")
    ]
    body = weekly_email(mailoutbox)
    assert "31/2026/QĐ-UBND" in body and "30/2026/QĐ-UBND" not in body


def test_the_person_listed_is_who_published_not_who_wrote(province):
    """The admin publishes a member's draft (a bulk action publishes the latest revision as it is): the row
    names the admin; the member wrote it but published nothing."""
    section, users = province
    draft = official_article(section, "Tin của thành viên")
    revision = draft.save_revision(user=users["member"])
    revision.publish(user=users["admin"])
    rows = direct_publications(report_boards(SuperuserFactory()), this_week())
    assert [(row.title, row.user) for row in rows] == [("Tin của thành viên", "Ngô Quản Trị")]


def test_a_scheduled_publication_is_listed_once_when_the_admin_schedules_it(province):
    """Scheduling is the admin's decision, listed then; the go-live that publish_scheduled performs later
    is not a second publication, and a go-live the board approved is none at all."""
    section, users = province
    admin, soon = users["admin"], timezone.now() + datetime.timedelta(minutes=5)
    direct = official_article(section, "Tin hẹn giờ", go_live_at=soon)
    direct.save_revision(user=admin).publish(user=admin)
    approved = official_article(section, "Tin hẹn giờ đã duyệt", go_live_at=soon)
    approved.save_revision(user=admin)
    approve_all_steps(approved.get_workflow().start(approved, admin), users)
    assert not Page.objects.get(pk=approved.pk).live  # scheduled by the completed path
    with time_machine.travel(soon + datetime.timedelta(minutes=1), tick=False):
        call_command("publish_scheduled")
    direct.refresh_from_db()
    approved.refresh_from_db()
    assert direct.live and approved.live
    rows = direct_publications(report_boards(SuperuserFactory()), this_week())
    assert [(row.title, row.user) for row in rows] == [("Tin hẹn giờ", "Ngô Quản Trị")]
