"""Outdated content: the report of pages not published nor revised for N months, and the proposal to take one
off the site, which runs through the board's moderation path and unpublishes (never deletes) the page."""

import datetime
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Site, WorkflowState

from core.tests.factories import HomePageFactory, StandardPageFactory
from editorial.board_file import load_board_file
from editorial.dashboard import awaiting
from editorial.models import REASON_REQUIRED, EditorialBoard, RemovalProposal
from editorial.removal import propose_removal, removal_refused
from editorial.reports.stale import months_before, stale_pages

pytestmark = pytest.mark.django_db
BOARD = """
members:
  - {username: head, full_name: Trịnh Xuân Long, email: long.tx@example.gov.vn, roles: [head]}
  - {username: deputy, full_name: Trần Trung Định, roles: [standing_deputy], sections: [tin-tuc]}
  - {username: secretary, full_name: Lê Hoàng Trung, email: trung.lh@example.gov.vn, roles: [secretary]}
  - {username: secretary2, full_name: Vũ Thị Duyệt, roles: [secretary]}
  - {username: author, full_name: Nguyễn Thị Viết, roles: [member], sections: [tin-tuc, gioi-thieu]}
  - {username: contributor, full_name: Đào Văn Góp, roles: [contributor], sections: [tin-tuc]}
"""
COMMUNE = """
site: xa-tan-lap.localhost
members:
  - {username: xa.head, full_name: Nguyễn Thị Hòa, roles: [head]}
  - {username: xa.secretary, full_name: Phạm Thị An, roles: [secretary]}
"""
NOW = timezone.make_aware(datetime.datetime(2026, 11, 15, 10, 0))
REASON = "Thông tin tuyển dụng năm 2023 đã hết hạn."


@pytest.fixture
def board(home_page, tmp_path):
    sections = {
        slug: StandardPageFactory(parent=home_page, slug=slug, title=slug.replace("-", " ").capitalize())
        for slug in ("tin-tuc", "gioi-thieu")
    }
    path = Path(tmp_path) / "board.yaml"
    path.write_text(BOARD, encoding="utf-8")
    load_board_file(path)
    users = {user.username: user for user in get_user_model().objects.all()}
    return sections, users


def published(section, title, author, published_at, revised_at=None):
    """A page published through a revision, then dated back."""
    page = StandardPageFactory(parent=section, title=title, live=False, owner=author)
    page.save_revision(user=author).publish(user=author, skip_permission_checks=True)
    Page.objects.filter(pk=page.pk).update(
        last_published_at=published_at, latest_revision_created_at=revised_at or published_at
    )
    return Page.objects.get(pk=page.pk).specific


def titles(pages):
    return sorted(page.title for page in pages)


def act(page, user, action="approve", comment=""):
    page = Page.objects.get(pk=page.pk)
    task_state = page.current_workflow_task_state
    task = task_state.task.specific
    assert action in [name for name, _label, _form in task.get_actions(page, user)]
    task.on_action(task_state, user, action, comment=comment)


def test_months_before_keeps_the_time_and_clamps_the_day():
    assert months_before(NOW, 12) == timezone.make_aware(datetime.datetime(2025, 11, 15, 10, 0))
    march_end = timezone.make_aware(datetime.datetime(2026, 3, 31, 8, 0))
    assert months_before(march_end, 1).date() == datetime.date(2026, 2, 28)


def test_the_report_lists_exactly_the_pages_older_than_n_months(board):
    sections, users = board
    cutoff = months_before(NOW, 12)
    second = datetime.timedelta(seconds=1)
    news, about = sections["tin-tuc"], sections["gioi-thieu"]
    published(news, "Cũ một giây", users["author"], cutoff - second)
    published(news, "Đúng mốc", users["author"], cutoff)
    published(news, "Cũ nhưng mới sửa", users["author"], cutoff - second, revised_at=NOW - second)
    published(news, "Tám tháng", users["author"], months_before(NOW, 8))
    published(about, "Lịch sử hình thành", users["author"], months_before(NOW, 40))
    draft = published(about, "Đã gỡ từ trước", users["author"], months_before(NOW, 40))
    draft.unpublish()
    board_ = EditorialBoard.objects.get()

    # Sections and the home page have live children (and no dates): listings, left out.
    assert titles(stale_pages(board_, 12, now=NOW)) == ["Cũ một giây", "Lịch sử hình thành"]
    six_months = ["Cũ một giây", "Lịch sử hình thành", "Tám tháng", "Đúng mốc"]
    assert titles(stale_pages(board_, 6, now=NOW)) == six_months
    assert titles(stale_pages(board_, 12, section=about, now=NOW)) == ["Lịch sử hình thành"]
    assert titles(stale_pages(board_, 6, section=news, now=NOW)) == ["Cũ một giây", "Tám tháng", "Đúng mốc"]


def test_the_report_page_filters_exports_and_offers_the_action(board, client):
    sections, users = board
    now = timezone.now()
    old = published(sections["gioi-thieu"], "Giới thiệu cũ", users["author"], months_before(now, 30))
    published(sections["tin-tuc"], "Tin hai năm trước", users["author"], months_before(now, 24))
    published(sections["tin-tuc"], "Tin tháng trước", users["author"], months_before(now, 1))

    client.force_login(users["secretary"])
    text = client.get("/admin/bao-cao/noi-dung-cu/").content.decode()
    assert "Giới thiệu cũ" in text and "Tin hai năm trước" in text and "Tin tháng trước" not in text
    assert f"/admin/bao-cao/noi-dung-cu/{old.pk}/de-nghi-go/" in text and "Nguyễn Thị Viết" in text
    filtered = client.get("/admin/bao-cao/noi-dung-cu/", {"section": sections["tin-tuc"].pk, "months": 25})
    text = filtered.content.decode()
    assert "Tin hai năm trước" not in text and "Giới thiệu cũ" not in text
    export = client.get("/admin/bao-cao/noi-dung-cu/", {"months": 12, "export": "csv"})
    lines = b"".join(export.streaming_content if export.streaming else [export.content]).decode()
    assert "Giới thiệu cũ" in lines and "Tin hai năm trước" in lines and "Đề nghị gỡ" not in lines
    xlsx = client.get("/admin/bao-cao/noi-dung-cu/", {"export": "xlsx"})
    assert xlsx.status_code == 200 and xlsx["Content-Type"].startswith("application/vnd.openxmlformats")

    propose_removal(old, users["secretary"], REASON)
    text = client.get("/admin/bao-cao/noi-dung-cu/").content.decode()
    assert "Đang chờ duyệt gỡ" in text and f"/{old.pk}/de-nghi-go/" not in text


def test_a_secretary_proposes_and_the_completed_path_unpublishes_but_keeps_the_page(
    board, client, mailoutbox
):
    sections, users = board
    page = published(sections["gioi-thieu"], "Tuyển dụng 2023", users["author"], months_before(NOW, 30))
    page.title = "Bản nháp chưa duyệt"
    page.save_revision(user=users["author"])  # a newer draft: removal must not publish it
    revisions = page.revisions.count()

    client.force_login(users["secretary"])
    url = f"/admin/bao-cao/noi-dung-cu/{page.pk}/de-nghi-go/"
    assert client.get(url).status_code == 200
    empty = client.post(url, {"reason": "  "})
    assert empty.status_code == 200 and REASON_REQUIRED in empty.content.decode()
    assert client.post(url, {"reason": REASON}).status_code == 302

    proposal = RemovalProposal.objects.get(page=page)
    assert proposal.outcome == "pending" and proposal.proposed_by == users["secretary"]
    assert proposal.workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    entry = PageLogEntry.objects.get(page=page, action="editorial.removal_proposed")
    assert entry.data["reason"] == REASON and entry.message == f"Đề nghị gỡ: {REASON}"

    # Four eyes: the secretary who proposed does not approve; another secretary takes the secretariat step.
    act(page, users["secretary2"])  # no deputy for this section: the head's step is next
    assert Page.objects.get(pk=page.pk).live
    assert [row["title"] for row in awaiting(users["head"]) if row["removal"]] == [proposal.title]
    assert ["long.tx@example.gov.vn"] in [message.to for message in mailoutbox]
    client.force_login(users["head"])
    assert f"Đề nghị gỡ: {REASON}" in client.get("/admin/").content.decode()
    assert f"Đề nghị gỡ: {REASON}" in client.get(f"/admin/pages/{page.pk}/edit/").content.decode()

    act(page, users["head"])
    page = Page.objects.get(pk=page.pk)
    assert not page.live and page.live_revision is None
    assert page.title == "Tuyển dụng 2023"  # the draft was not published on the way out
    assert page.revisions.count() == revisions
    assert client.get("/gioi-thieu/" + page.slug + "/").status_code == 404
    proposal.refresh_from_db()
    assert proposal.outcome == "removed" and proposal.workflow_state.status == WorkflowState.STATUS_APPROVED
    assert PageLogEntry.objects.filter(page=page, action="wagtail.unpublish", user=users["head"]).exists()
    assert not PageLogEntry.objects.filter(page=page, action="wagtail.publish", user=users["head"]).exists()


def test_a_rejected_proposal_keeps_the_page_online(board):
    sections, users = board
    # Created in code: live without any revision; the proposal reviews a copy of its live content.
    page = StandardPageFactory(parent=sections["tin-tuc"], title="Hội nghị năm 2022")
    proposal = propose_removal(page, users["deputy"], REASON)
    act(page, users["secretary"], "reject", comment="Trang còn được dẫn từ văn bản đang hiệu lực.")

    page = Page.objects.get(pk=page.pk)
    assert page.live and not page.has_unpublished_changes and page.current_workflow_state is None
    proposal.refresh_from_db()
    assert proposal.outcome == "rejected"
    assert proposal.workflow_state.status == WorkflowState.STATUS_CANCELLED
    assert removal_refused(page) is None  # it may be proposed again later


def test_who_may_propose(board, client, tmp_path):
    sections, users = board
    page = published(sections["tin-tuc"], "Tin cũ", users["author"], months_before(NOW, 30))
    url = f"/admin/bao-cao/noi-dung-cu/{page.pk}/de-nghi-go/"
    for name in ("contributor", "author"):
        client.force_login(users[name])
        assert client.get(url).status_code == 403
        assert client.post(url, {"reason": REASON}).status_code == 403

    commune_home = HomePageFactory(parent=Page.get_first_root_node(), slug="xa-tan-lap", title="Xã Tân Lập")
    Site.objects.create(hostname="xa-tan-lap.localhost", root_page=commune_home, site_name="UBND xã Tân Lập")
    (Path(tmp_path) / "xa.yaml").write_text(COMMUNE, encoding="utf-8")
    load_board_file(Path(tmp_path) / "xa.yaml")
    client.force_login(get_user_model().objects.get(username="xa.secretary"))
    assert client.post(url, {"reason": REASON}).status_code == 403  # another site's secretary
    assert not RemovalProposal.objects.exists()

    client.force_login(users["deputy"])
    assert client.post(url, {"reason": REASON}).status_code == 302


def test_what_cannot_be_proposed(board):
    sections, users = board
    page = published(sections["tin-tuc"], "Tin cũ", users["author"], months_before(NOW, 30))
    with pytest.raises(ValidationError) as failure:
        propose_removal(page, users["secretary"], "")
    assert REASON_REQUIRED in str(failure.value)
    with pytest.raises(ValidationError, match="trang con đang đăng"):
        propose_removal(sections["tin-tuc"], users["secretary"], REASON)
    propose_removal(page, users["secretary"], REASON)
    with pytest.raises(ValidationError, match="đã có đề nghị gỡ"):
        propose_removal(page, users["head"], REASON)


def test_an_ordinary_submission_still_publishes_on_approval(board):
    sections, users = board
    stale = published(sections["gioi-thieu"], "Trang cũ", users["author"], months_before(NOW, 30))
    propose_removal(stale, users["secretary"], REASON)  # a removal pending elsewhere changes nothing here
    page = StandardPageFactory(parent=sections["gioi-thieu"], title="Thông báo mới", live=False)
    page.save_revision(user=users["author"])
    page.get_workflow().start(page, users["author"])
    act(page, users["secretary"])
    act(page, users["head"])
    assert Page.objects.get(pk=page.pk).live
    assert Page.objects.get(pk=stale.pk).live
    assert RemovalProposal.objects.get().outcome == "pending"
