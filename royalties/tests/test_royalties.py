"""Royalties (docs/requirements.md, Royalties): the secretariat proposes from the rate table, the head (or the
acting head within the delegation's dates) decides, the monthly worksheet pays approved proposals only."""

import csv
import datetime
import io
from pathlib import Path

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import ModelLogEntry, Page, Site

from core.tests.factories import HomePageFactory
from editorial.board_file import load_board_file
from editorial.models import EditorialBoard, HeadDelegation
from editorial.reports.posting import posting_rows
from news.tests.factories import ArticlePageFactory, SectionPageFactory, publish
from royalties.enums import Status
from royalties.models import APPROVE_ACTION, RoyaltyProposal, RoyaltyRate
from royalties.reports import worksheet_rows
from royalties.tests.factories import RoyaltyProposalFactory, RoyaltyRateFactory
from users.tests.factories import SuperuserFactory

pytestmark = pytest.mark.django_db
BOARD = """
members:
  - {username: head, full_name: Trịnh Xuân Long, roles: [head]}
  - {username: standing, full_name: Trần Trung Định, roles: [standing_deputy], sections: [tin-tuc]}
  - {username: deputy, full_name: Nguyễn Thanh Vũ, roles: [deputy]}
  - {username: secretary, full_name: Lê Hoàng Trung, roles: [secretary]}
  - {username: lan, full_name: Hoàng Thị Lan, roles: [member], sections: [tin-tuc]}
  - {username: hung, full_name: Đỗ Mạnh Hùng, roles: [member], sections: [tin-tuc]}
  - {username: ctv, full_name: Vũ Văn Cộng, roles: [contributor], sections: [tin-tuc]}
  - {username: it, full_name: Phan Quản Trị, roles: [admin]}
"""
COMMUNE = """
site: xa-tan-lap.localhost
members:
  - {username: xa.head, full_name: Nguyễn Thị Hòa, roles: [head]}
  - {username: xa.secretary, full_name: Phạm Thị An, roles: [secretary]}
"""
OCTOBER = "2026-10"


def at(day, hour=9):
    return timezone.make_aware(datetime.datetime(2026, 10, day, hour))


@pytest.fixture
def board(home_page, tmp_path):
    section = SectionPageFactory(parent=home_page, slug="tin-tuc")
    path = Path(tmp_path) / "board.yaml"
    path.write_text(BOARD, encoding="utf-8")
    load_board_file(path)
    users = {user.username: user for user in get_user_model().objects.all()}
    return section, users


def item(section, owner, when, title=None):
    page = ArticlePageFactory(parent=section, owner=owner, **({"title": title} if title else {}))
    return publish(page, when)


def propose(page, users, category, **fields):
    return RoyaltyProposalFactory(page=page, proposed_by=users["secretary"], category=category, **fields)


@pytest.fixture
def seeded_month(board):
    """October 2026: Lan 3 items (2 approved, one with an edited amount; 1 waiting), Hùng 2 (1 approved,
    1 rejected); November: Lan 1 approved (another month)."""
    section, users = board
    rates = {rate.name: rate for rate in RoyaltyRate.objects.all()}
    lan, hung, head = users["lan"], users["hung"], users["head"]
    approved = [
        propose(item(section, lan, at(3)), users, rates["Tin"]),
        propose(item(section, lan, at(20)), users, rates["Bài viết"], amount=500_000),
        propose(item(section, hung, at(31, 23)), users, rates["Bài dịch"]),
        propose(item(section, lan, at(30) + datetime.timedelta(days=5)), users, rates["Tin"]),
    ]
    for proposal in approved:
        proposal.decide(head, approve=True)
    propose(item(section, lan, at(25)), users, rates["Ảnh"])
    propose(item(section, hung, at(10)), users, rates["Tin"]).decide(head, approve=False, note="Trùng tin.")
    return section, users


def test_the_default_rate_table_is_seeded():
    rates = dict(RoyaltyRate.objects.values_list("name", "amount"))
    assert rates == {
        "Tin": 150_000,
        "Bài viết": 400_000,
        "Ảnh": 100_000,
        "Bài dịch": 200_000,
        "Tin, bài sưu tầm": 50_000,
    }


def test_quota_and_royalty_numbers_for_a_seeded_month(seeded_month):
    quota = {row.member: (row.published, row.verdict) for row in posting_rows(OCTOBER)}
    assert quota["Hoàng Thị Lan"] == (3, "Đạt") and quota["Đỗ Mạnh Hùng"] == (2, "Đạt")
    rows = worksheet_rows(EditorialBoard.objects.values("pk"), OCTOBER)
    totals = {row.payee: row.payable for row in rows if row.item == "Cộng"}
    assert totals == {"Hoàng Thị Lan": 150_000 + 500_000, "Đỗ Mạnh Hùng": 200_000}
    assert rows[-1].item == "Tổng cộng" and rows[-1].payable == 850_000
    waiting = [row for row in rows if row.status == "Chờ duyệt"]
    assert [(row.payee, row.amount, row.payable) for row in waiting] == [("Hoàng Thị Lan", 100_000, 0)]


def test_the_worksheet_exports_to_csv_and_xlsx(seeded_month, client):
    client.force_login(seeded_month[1]["secretary"])
    url = "/admin/bao-cao/nhuan-but/"
    page = client.get(url, {"period": OCTOBER})
    assert page.status_code == 200
    assert "Hoàng Thị Lan" in page.content.decode() and "650.000 đ" in page.content.decode()
    exported = client.get(url, {"period": OCTOBER, "export": "csv"})
    assert exported.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(exported.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:3] == ["Trang", "Người hưởng", "Tin, bài"]
    assert {(row[1], row[7]) for row in rows if row[2] == "Cộng"} == {
        ("Hoàng Thị Lan", "650000"),
        ("Đỗ Mạnh Hùng", "200000"),
    }
    assert rows[-1][2:] == ["Tổng cộng", "", "", "", "", "850000"]
    xlsx = client.get(url, {"period": OCTOBER, "export": "xlsx"})
    assert 'filename="nhuan-but-2026-10.xlsx"' in xlsx["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[-1][2] == "Tổng cộng" and values[-1][7] == 850_000


def test_the_rate_fills_the_amount_and_the_owner_is_the_payee(board, client):
    section, users = board
    page = item(section, users["lan"], at(6))
    client.force_login(users["secretary"])
    assert client.get("/admin/nhuan-but/new/", {"page": page.pk}).status_code == 200
    bai_viet = RoyaltyRate.objects.get(name="Bài viết")
    response = client.post("/admin/nhuan-but/new/", {"page": page.pk, "category": bai_viet.pk, "amount": ""})
    assert response.status_code == 302
    proposal = RoyaltyProposal.objects.get(page=page)
    assert (proposal.amount, proposal.payee, proposal.proposed_by) == (
        400_000,
        users["lan"],
        users["secretary"],
    )
    assert (proposal.status, proposal.month) == (Status.PROPOSED, datetime.date(2026, 10, 1))


def test_invalid_proposals_are_refused_in_vietnamese(board, client):
    section, users = board
    tin = RoyaltyRate.objects.get(name="Tin")
    draft = ArticlePageFactory(parent=section, owner=users["lan"], live=False)
    published = item(section, users["lan"], at(7))
    propose(published, users, tin)
    client.force_login(users["secretary"])
    cases = [
        ({"page": draft.pk}, "Chỉ đề xuất nhuận bút cho tin, bài đã đăng."),
        ({"page": published.pk}, "Tin, bài này đã có đề xuất nhuận bút."),
        (
            {"page": item(section, users["hung"], at(8)).pk, "amount": "0"},
            "Số tiền nhuận bút phải lớn hơn 0.",
        ),
    ]
    for data, message in cases:
        response = client.post("/admin/nhuan-but/new/", {"category": tin.pk, **data})
        assert response.status_code == 200 and message in response.content.decode()
    assert RoyaltyProposal.objects.count() == 1


def test_a_secretary_proposes_but_never_decides(board, client):
    section, users = board
    proposal = propose(item(section, users["lan"], at(9)), users, RoyaltyRateFactory())
    client.force_login(users["secretary"])
    for url in (f"/admin/nhuan-but/duyet/{proposal.pk}/", f"/admin/nhuan-but/tu-choi/{proposal.pk}/"):
        assert client.get(url).status_code == 403
        assert client.post(url, {"note": "x"}).status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == Status.PROPOSED


def test_the_head_approves_and_the_audit_log_names_the_head(board, client):
    section, users = board
    proposal = propose(item(section, users["lan"], at(9)), users, RoyaltyRateFactory())
    client.force_login(users["head"])
    assert client.get(f"/admin/nhuan-but/duyet/{proposal.pk}/").status_code == 200
    assert client.post(f"/admin/nhuan-but/duyet/{proposal.pk}/").status_code == 302
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_by) == (Status.APPROVED, users["head"])
    entry = ModelLogEntry.objects.get(action=APPROVE_ACTION)
    assert entry.user == users["head"] and entry.object_id == str(proposal.pk)
    assert entry.data["amount"] == 150_000 and "on_behalf_of_head" not in entry.data
    # Approved: the secretariat can no longer change it, and nobody decides twice.
    client.force_login(users["secretary"])
    assert client.get(f"/admin/nhuan-but/edit/{proposal.pk}/").status_code == 403


def test_a_refusal_needs_a_reason_and_the_corrected_proposal_goes_back_to_the_head(board, client):
    section, users = board
    proposal = propose(item(section, users["lan"], at(9)), users, RoyaltyRateFactory())
    client.force_login(users["head"])
    response = client.post(f"/admin/nhuan-but/tu-choi/{proposal.pk}/", {"note": ""})
    assert "Ghi rõ lý do từ chối" in response.content.decode()
    client.post(f"/admin/nhuan-but/tu-choi/{proposal.pk}/", {"note": "Ảnh, không phải tin."})
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decision_note) == (Status.REJECTED, "Ảnh, không phải tin.")
    client.force_login(users["secretary"])
    photo = RoyaltyRate.objects.get(name="Ảnh")
    data = {"page": proposal.page_id, "payee": users["lan"].pk, "category": photo.pk, "amount": ""}
    assert client.post(f"/admin/nhuan-but/edit/{proposal.pk}/", data).status_code == 302
    proposal.refresh_from_db()
    assert (proposal.status, proposal.amount, proposal.decided_by) == (Status.PROPOSED, 100_000, None)


def test_the_acting_head_decides_only_within_the_delegation(board, client):
    section, users = board
    proposal = propose(item(section, users["lan"], at(9)), users, RoyaltyRateFactory())
    today = timezone.localdate()
    delegation = HeadDelegation.objects.create(
        board=EditorialBoard.objects.get(),
        delegate=users["standing"],
        starts_on=today - datetime.timedelta(days=10),
        ends_on=today - datetime.timedelta(days=1),
        reason="Trưởng ban đi công tác",
    )
    client.force_login(users["standing"])
    url = f"/admin/nhuan-but/duyet/{proposal.pk}/"
    assert client.post(url).status_code == 403
    delegation.ends_on = today + datetime.timedelta(days=1)
    delegation.save()
    assert client.post(url).status_code == 302
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_by) == (Status.APPROVED, users["standing"])
    entry = ModelLogEntry.objects.get(action=APPROVE_ACTION)
    assert entry.user == users["standing"] and entry.data["on_behalf_of_head"] == "Trịnh Xuân Long"


@pytest.mark.parametrize("username", ["ctv", "lan", "deputy", "standing", "it", "superuser"])
def test_nobody_else_proposes_or_decides(board, client, username):
    section, users = board
    users["superuser"] = SuperuserFactory()
    page = item(section, users["hung"], at(9))
    proposal = propose(item(section, users["lan"], at(9)), users, RoyaltyRateFactory())
    tin = RoyaltyRate.objects.get(name="Tin")
    client.force_login(users[username])
    assert client.get("/admin/nhuan-but/new/").status_code == 403
    assert client.post("/admin/nhuan-but/new/", {"page": page.pk, "category": tin.pk}).status_code == 403
    assert client.post(f"/admin/nhuan-but/edit/{proposal.pk}/", {"page": page.pk}).status_code == 403
    for url in (f"/admin/nhuan-but/duyet/{proposal.pk}/", f"/admin/nhuan-but/tu-choi/{proposal.pk}/"):
        assert client.post(url, {"note": "x"}).status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == Status.PROPOSED and RoyaltyProposal.objects.count() == 1


def test_the_secretariat_sees_the_items_still_waiting_for_a_proposal(board, client):
    section, users = board
    waiting = item(section, users["lan"], at(12), title="Hội nghị cải cách hành chính")
    proposed = item(section, users["hung"], at(13), title="Tập huấn chuyển đổi số")
    item(section, users["hung"], at(12) + datetime.timedelta(days=30), title="Tin tháng sau")
    propose(proposed, users, RoyaltyRateFactory())
    client.force_login(users["secretary"])
    response = client.get("/admin/nhuan-but/chua-de-xuat/", {"period": OCTOBER})
    text = response.content.decode()
    assert response.status_code == 200
    assert "Hội nghị cải cách hành chính" in text and f"/admin/nhuan-but/new/?page={waiting.pk}" in text
    assert "Tập huấn chuyển đổi số" not in text and "Tin tháng sau" not in text
    client.force_login(users["lan"])
    assert client.get("/admin/nhuan-but/chua-de-xuat/", {"period": OCTOBER}).status_code == 403


def test_each_role_sees_its_own_actions(seeded_month, client):
    section, users = seeded_month
    waiting = RoyaltyProposal.objects.get(status=Status.PROPOSED)
    approved = RoyaltyProposal.objects.filter(status=Status.APPROVED).first()
    client.force_login(users["head"])
    listing = client.get("/admin/nhuan-but/").content.decode()
    assert (
        f"/admin/nhuan-but/duyet/{waiting.pk}/" in listing
        and f"/admin/nhuan-but/edit/{waiting.pk}/" not in listing
    )
    inspect = client.get(f"/admin/nhuan-but/inspect/{waiting.pk}/")
    assert (
        inspect.status_code == 200 and f"/admin/nhuan-but/tu-choi/{waiting.pk}/" in inspect.content.decode()
    )
    client.force_login(users["secretary"])
    listing = client.get("/admin/nhuan-but/").content.decode()
    assert (
        f"/admin/nhuan-but/edit/{waiting.pk}/" in listing
        and f"/admin/nhuan-but/edit/{approved.pk}/" not in listing
    )
    assert f"/admin/nhuan-but/duyet/{waiting.pk}/" not in listing
    assert client.get(f"/admin/nhuan-but/edit/{waiting.pk}/").status_code == 200
    assert "/admin/bao-cao/nhuan-but/" in client.get("/admin/").content.decode()  # the Reports menu
    client.force_login(users["lan"])
    assert "/admin/bao-cao/nhuan-but/" not in client.get("/admin/").content.decode()
    for url in ("/admin/nhuan-but/", "/admin/bao-cao/nhuan-but/", f"/admin/nhuan-but/inspect/{waiting.pk}/"):
        assert client.get(url).status_code == 403
    client.force_login(SuperuserFactory())
    assert "Bài dịch" in client.get("/admin/muc-nhuan-but/").content.decode()


def test_rights_stop_at_each_sites_border(seeded_month, client, tmp_path):
    section, users = seeded_month
    commune_home = HomePageFactory(parent=Page.get_first_root_node(), slug="xa-tan-lap", title="Xã Tân Lập")
    Site.objects.create(hostname="xa-tan-lap.localhost", root_page=commune_home, site_name="UBND xã Tân Lập")
    (Path(tmp_path) / "xa.yaml").write_text(COMMUNE, encoding="utf-8")
    load_board_file(Path(tmp_path) / "xa.yaml")
    commune = {user.username: user for user in get_user_model().objects.filter(username__startswith="xa.")}
    waiting = RoyaltyProposal.objects.get(status=Status.PROPOSED)
    province_item = item(section, users["lan"], at(14))

    client.force_login(commune["xa.secretary"])
    response = client.post(
        "/admin/nhuan-but/new/", {"page": province_item.pk, "category": waiting.category_id}
    )
    assert "Chỉ Tổ thư ký của Ban biên tập trang này" in response.content.decode()
    assert not RoyaltyProposal.objects.filter(page=province_item).exists()
    assert client.get(f"/admin/nhuan-but/edit/{waiting.pk}/").status_code == 403
    worksheet = client.get("/admin/bao-cao/nhuan-but/", {"period": OCTOBER}).content.decode()
    assert "Hoàng Thị Lan" not in worksheet
    client.force_login(commune["xa.head"])
    assert client.post(f"/admin/nhuan-but/duyet/{waiting.pk}/").status_code == 403


def test_the_export_buttons_are_labelled_and_the_files_named_by_period(seeded_month, client):
    """Not behind Wagtail's unlabelled "…" menu; the file says which month it holds, this month by default."""
    client.force_login(seeded_month[1]["secretary"])
    html = client.get("/admin/bao-cao/nhuan-but/", {"period": OCTOBER}).content.decode()
    assert "Tải về Excel (XLSX)" in html and "Tải về CSV" in html
    assert f"period={OCTOBER}&amp;export=xlsx" in html
    assert "Tải xuống XLSX" not in html  # nothing left in the "…" menu
    this_month = timezone.localdate().strftime("%Y-%m")
    exported = client.get("/admin/bao-cao/nhuan-but/", {"export": "csv"})
    assert f'filename="nhuan-but-{this_month}.csv"' in exported["Content-Disposition"]
    quarter = client.get("/admin/bao-cao/nhuan-but/", {"period": "2026-Q4", "export": "csv"})
    assert 'filename="nhuan-but-2026-Q4.csv"' in quarter["Content-Disposition"]
