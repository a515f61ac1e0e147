"""Archive, never delete (docs/requirements.md, Removal and archiving): a "delete" of what was ever submitted
or live, and the board's removal path, archive the item: offline everywhere, kept with its revisions, in the
audit log, shown in "Tin, bài đã lưu trữ", and restored by the head (or a superuser) as a draft, never live
directly."""

import pytest
from wagtail.models import ModelLogEntry, Page, PageLogEntry, WorkflowState

from editorial.archive import ARCHIVE_LABEL, RESTORE_LABEL, ArchivedItem, archive, is_archived
from editorial.deletion import ALREADY_ARCHIVED, ARCHIVE_REFUSED, HAS_CHILDREN
from editorial.removal import propose_removal
from editorial.reports.archived import NOT_A_RESTORER
from editorial.tests.removal_helpers import (
    REASON,
    act,
    live,
    live_document,
    make_board,
    submitted,
    text,
)
from legal_docs.models import LegalDocument

pytestmark = pytest.mark.django_db
REPORT = "/admin/bao-cao/luu-tru/"


@pytest.fixture
def board(home_page, tmp_path):
    return make_board(home_page, tmp_path)


def unescaped(response):
    return text(response).replace("&quot;", '"').replace("&#x27;", "'")


def test_a_superusers_delete_of_a_live_page_archives_it_offline_and_kept(board, client):
    news, users = board
    page = live(news, users["author"], "Tuyển dụng viên chức năm 2023")
    revisions = page.revisions.count()
    public_url = page.url
    feed = f"{news.url}rss/"
    assert page.title in text(client.get(feed))
    client.force_login(users["root"])
    confirm = client.get(f"/admin/pages/{page.pk}/delete/")
    assert confirm.status_code == 200 and "Lưu trữ thay vì xóa" in text(confirm)
    assert client.post(f"/admin/pages/{page.pk}/delete/", {"reason": REASON}).status_code == 302

    page = Page.objects.get(pk=page.pk)
    assert not page.live and page.revisions.count() == revisions
    record = ArchivedItem.objects.active().get()
    assert (record.title, record.reason, record.archived_by, record.board.site.is_default_site) == (
        page.title,
        REASON,
        users["root"],
        True,
    )
    entry = PageLogEntry.objects.get(page=page, action="editorial.archive")
    assert entry.user == users["root"] and entry.message == f"{ARCHIVE_LABEL}: {REASON}"
    assert ARCHIVE_LABEL in text(client.get(f"/admin/pages/{page.pk}/history/"))

    client.logout()
    assert client.get(public_url).status_code == 404
    assert page.slug not in text(client.get("/sitemap.xml"))
    assert page.title not in text(client.get(news.url))
    assert page.title not in text(client.get(feed))
    assert page.title not in text(client.get("/tim-kiem/", {"q": "Tuyển dụng viên chức"}))


@pytest.mark.parametrize("role", ["root", "head"])
def test_an_archived_page_is_read_only_and_never_deleted(board, client, role):
    news, users = board
    page = live(news, users["author"])
    archive(page, users["root"], reason=REASON)
    tester = Page.objects.get(pk=page.pk).permissions_for_user(users[role])
    assert not (tester.can_publish() or tester.can_submit_for_moderation() or tester.can_delete())
    client.force_login(users[role])
    for url in (f"/admin/pages/{page.pk}/edit/", f"/admin/pages/{page.pk}/copy/"):
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 403 and "đã được lưu trữ" in text(response)
    assert client.get(f"/admin/pages/{page.pk}/history/").status_code == 200  # its history stays readable
    deleted = client.post(f"/admin/pages/{page.pk}/delete/")
    assert deleted.status_code == 403 and ALREADY_ARCHIVED.format(title=page.title) in unescaped(deleted)
    assert Page.objects.filter(pk=page.pk).exists()


def test_the_head_archives_a_submitted_draft_and_its_review_stops(board, client):
    news, users = board
    page = submitted(news, users["ctv"])
    client.force_login(users["secretary"])
    refused = client.post(f"/admin/pages/{page.pk}/delete/")
    assert refused.status_code == 403 and ARCHIVE_REFUSED.format(title=page.title) in unescaped(refused)

    client.force_login(users["head"])
    assert client.post(f"/admin/pages/{page.pk}/delete/", {"reason": "Trùng tin đã đăng."}).status_code == 302
    assert is_archived(page) and Page.objects.filter(pk=page.pk).exists()
    assert WorkflowState.objects.for_instance(page).get().status == WorkflowState.STATUS_CANCELLED


def test_a_section_with_kept_pages_is_not_deleted_at_once(board, client):
    news, users = board
    live(news, users["author"])
    client.force_login(users["root"])
    response = client.post(f"/admin/pages/{news.pk}/delete/")
    assert response.status_code == 403 and HAS_CHILDREN.format(title=news.title) in unescaped(response)


def test_the_report_lists_archives_and_the_head_restores_a_draft(board, client):
    news, users = board
    page = live(news, users["author"], "Lịch tiếp công dân quý III")
    record = archive(page, users["root"], reason=REASON)
    restore_url = f"{REPORT}{record.pk}/khoi-phuc/"

    client.force_login(users["ctv"])
    assert client.get(REPORT).status_code == 403
    client.force_login(users["secretary"])
    listing = text(client.get(REPORT))
    assert page.title in listing and REASON in listing and restore_url not in listing
    refused = client.post(restore_url)
    assert refused.status_code == 403 and NOT_A_RESTORER in text(refused)
    assert is_archived(page)

    client.force_login(users["head"])
    assert restore_url in text(client.get(REPORT))
    assert client.get(restore_url).status_code == 200
    assert client.post(restore_url).status_code == 302
    page = Page.objects.get(pk=page.pk).specific
    assert not page.live and not is_archived(page)  # a draft, never live directly
    assert PageLogEntry.objects.filter(page=page, action="editorial.restore", user=users["head"]).exists()
    assert RESTORE_LABEL in text(client.get(f"/admin/pages/{page.pk}/history/"))
    author = page.permissions_for_user(users["author"])
    assert author.can_edit() and author.can_submit_for_moderation() and not author.can_publish()
    assert page.title not in text(client.get(REPORT))


def test_the_removal_path_archives_and_the_report_says_so(board, client):
    news, users = board
    page = live(news, users["author"], "Thông báo tuyển sinh 2023")
    proposal = propose_removal(page, users["secretary"], REASON)
    act(page, users["secretary2"])
    act(page, users["head"])
    record = ArchivedItem.objects.active().get()
    assert record.removal == proposal and record.reason == REASON and record.archived_by == users["head"]
    actions = set(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))
    assert {"editorial.removal_proposed", "wagtail.unpublish", "editorial.archive"} <= actions
    client.force_login(users["head"])
    assert "Quy trình gỡ của Ban biên tập" in text(client.get(REPORT))


def test_an_archived_legal_document_is_offline_read_only_and_restorable(board, client):
    _news, users = board
    document = live_document(editor=users["it"])
    record = archive(document, users["root"], reason=REASON)
    assert ModelLogEntry.objects.filter(action="editorial.archive", object_id=str(document.pk)).exists()
    assert client.get(f"/van-ban/{document.slug}/").status_code == 404
    assert document.number not in text(client.get("/api/van-ban/"))

    client.force_login(users["head"])
    edit_url = f"/admin/snippets/legal_docs/legaldocument/edit/{document.pk}/"
    edit = client.get(edit_url)
    assert edit.status_code == 403 and "đã được lưu trữ" in text(edit)
    assert client.post(f"{REPORT}{record.pk}/khoi-phuc/").status_code == 302
    assert client.get(edit_url).status_code == 200
    assert not LegalDocument.objects.get(pk=document.pk).live
