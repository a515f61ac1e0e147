"""Nothing live leaves the site but through the board (docs/requirements.md, Removal and archiving), on every
route: the admin's buttons, a direct POST to each admin URL, the bulk actions, the snippet views, the APIs,
publish_scheduled and the legal-documents import. Each refusal gives its reason in Vietnamese; a superuser
still may."""

import csv
import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from editorial.archive import ArchivedItem, archive, is_archived
from editorial.deletion import (
    ARCHIVE_REFUSED,
    LIVE_REFUSED,
    NOT_YOUR_DRAFT,
    PRIVACY_REFUSED,
    UNPUBLISH_REFUSED,
)
from editorial.models import RemovalProposal
from editorial.removal import NOT_A_PROPOSER
from editorial.tests.removal_helpers import (
    REASON,
    act,
    draft,
    draft_document,
    live,
    live_document,
    make_board,
    submitted,
    text,
)
from legal_docs.importer import HEADER, ImportFailed, import_documents
from legal_docs.models import LegalDocument

pytestmark = pytest.mark.django_db
DOCS = "/admin/snippets/legal_docs/legaldocument"


@pytest.fixture
def board(home_page, tmp_path):
    return make_board(home_page, tmp_path)


def page_url(page, view):
    return f"/admin/pages/{page.pk}/{view}/"


def refused_with(response, reason):
    """A 403 page whose text carries the reason (HTML-escaped quotes aside)."""
    body = text(response).replace("&quot;", '"').replace("&#x27;", "'")
    return response.status_code == 403 and reason in body


def still_live(obj):
    return type(obj).objects.filter(pk=obj.pk, live=True).exists()


# Pages: unpublish -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("role", ["it", "head"])
def test_the_admin_and_the_head_are_not_offered_unpublish_and_a_direct_post_is_refused(board, client, role):
    news, users = board
    page = live(news, users["author"])
    assert not page.permissions_for_user(users[role]).can_unpublish()
    client.force_login(users[role])
    editor = text(client.get(page_url(page, "edit")))
    assert page_url(page, "unpublish") not in editor
    assert f"/admin/bao-cao/noi-dung-cu/{page.pk}/de-nghi-go/" in editor or role == "it"

    for method in (client.get, client.post):
        assert refused_with(method(page_url(page, "unpublish")), UNPUBLISH_REFUSED)
    assert still_live(page)


def test_a_superuser_unpublishes_a_page_directly(board, client):
    news, users = board
    page = live(news, users["author"])
    client.force_login(users["root"])
    assert page_url(page, "unpublish") in text(client.get(page_url(page, "edit")))
    assert client.post(page_url(page, "unpublish")).status_code == 302
    assert not still_live(page)


# Pages: delete --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("role", ["it", "head", "author"])
def test_a_live_page_is_not_deleted_by_anyone_on_the_board(board, client, role):
    news, users = board
    page = live(news, users["author"])
    assert not page.permissions_for_user(users[role]).can_delete()
    client.force_login(users[role])
    assert page_url(page, "delete") not in text(client.get(f"/admin/pages/{news.pk}/"))
    reason = LIVE_REFUSED.format(title=page.title)
    for method in (client.get, client.post):
        assert refused_with(method(page_url(page, "delete")), reason)
    assert still_live(page) and page.revisions.exists()


@pytest.mark.parametrize("role", ["author", "it", "secretary"])
def test_nobody_deletes_a_colleagues_draft(board, client, role):
    news, users = board
    page = draft(news, users["ctv"])
    assert not page.permissions_for_user(users[role]).can_delete()
    client.force_login(users[role])
    assert refused_with(client.post(page_url(page, "delete")), NOT_YOUR_DRAFT.format(title=page.title))
    assert Page.objects.filter(pk=page.pk).exists()


def test_an_author_deletes_their_own_never_submitted_draft(board, client):
    news, users = board
    page = draft(news, users["ctv"])
    client.force_login(users["ctv"])
    assert page.permissions_for_user(users["ctv"]).can_delete()
    assert client.post(page_url(page, "delete")).status_code == 302
    assert not Page.objects.filter(pk=page.pk).exists()
    assert PageLogEntry.objects.filter(action="wagtail.delete", user=users["ctv"]).exists()


def test_a_submitted_draft_is_not_deleted_by_its_author(board, client):
    news, users = board
    page = submitted(news, users["ctv"])
    client.force_login(users["ctv"])
    assert refused_with(client.post(page_url(page, "delete")), ARCHIVE_REFUSED.format(title=page.title))
    assert Page.objects.filter(pk=page.pk).exists() and not is_archived(page)


def test_a_view_restriction_on_a_live_page_is_a_removal(board, client):
    news, users = board
    page = live(news, users["author"])
    assert not page.permissions_for_user(users["head"]).can_set_view_restrictions()
    client.force_login(users["head"])
    assert refused_with(client.get(page_url(page, "privacy")), PRIVACY_REFUSED)
    assert refused_with(
        client.post(page_url(page, "privacy"), {"restriction_type": "login"}), PRIVACY_REFUSED
    )
    assert not page.get_view_restrictions().exists()
    assert draft(news, users["author"]).permissions_for_user(users["head"]).can_set_view_restrictions()
    client.force_login(users["root"])
    assert client.get(page_url(page, "privacy")).status_code == 200


def test_moving_a_page_is_not_removal(board):
    news, users = board
    page = live(news, users["author"])
    assert page.permissions_for_user(users["head"]).can_move()


# Pages: bulk actions --------------------------------------------------------------------------------------
@pytest.mark.parametrize("role", ["it", "head"])
def test_bulk_unpublish_and_bulk_delete_of_live_pages_are_refused(board, client, role):
    news, users = board
    page = live(news, users["author"])
    client.force_login(users[role])
    unpublish = f"/admin/bulk/wagtailcore/page/unpublish/?id={page.pk}"
    delete = f"/admin/bulk/wagtailcore/page/delete/?id={page.pk}"
    for method in (client.get, client.post):
        assert refused_with(method(unpublish), UNPUBLISH_REFUSED)
        assert refused_with(method(delete), LIVE_REFUSED.format(title=page.title))
    assert still_live(page)


def test_bulk_delete_of_a_colleagues_draft_is_refused(board, client):
    news, users = board
    page = draft(news, users["ctv"])
    client.force_login(users["author"])
    response = client.post(f"/admin/bulk/wagtailcore/page/delete/?id={page.pk}")
    assert refused_with(response, NOT_YOUR_DRAFT.format(title=page.title))
    assert Page.objects.filter(pk=page.pk).exists()


def test_a_superusers_bulk_actions_unpublish_and_archive(board, client):
    news, users = board
    first, second = live(news, users["author"], "Tin một"), live(news, users["author"], "Tin hai")
    scratch = draft(news, users["ctv"], "Nháp bỏ đi")
    client.force_login(users["root"])
    response = client.post(
        f"/admin/bulk/wagtailcore/page/unpublish/?id={first.pk}", {"include_descendants": ""}
    )
    assert response.status_code == 302 and not still_live(first) and not is_archived(first)

    url = f"/admin/bulk/wagtailcore/page/delete/?id={second.pk}&id={scratch.pk}"
    assert client.post(url).status_code == 302
    assert Page.objects.filter(pk=second.pk, live=False).exists() and is_archived(second)
    assert not Page.objects.filter(pk=scratch.pk).exists()


# Legal documents (a moderated snippet) ---------------------------------------------------------------------
@pytest.mark.parametrize("role", ["it", "head"])
def test_a_live_legal_document_is_neither_unpublished_nor_deleted_by_the_board(board, client, role):
    _news, users = board
    document = live_document(editor=users["head"])
    client.force_login(users[role])
    editor = text(client.get(f"{DOCS}/edit/{document.pk}/"))
    assert f"{DOCS}/unpublish/{document.pk}/" not in editor and 'name="action-unpublish"' not in editor

    reason = LIVE_REFUSED.format(title=str(document))
    for method in (client.get, client.post):
        assert refused_with(method(f"{DOCS}/unpublish/{document.pk}/"), UNPUBLISH_REFUSED)
        assert refused_with(method(f"{DOCS}/delete/{document.pk}/"), reason)
        assert refused_with(method(f"/admin/bulk/legal_docs/legaldocument/delete/?id={document.pk}"), reason)
    assert still_live(document)


def test_a_superuser_unpublishes_a_document_and_its_delete_archives_it(board, client):
    _news, users = board
    first, second = live_document("1/2026/QĐ-UBND"), live_document("2/2026/QĐ-UBND")
    client.force_login(users["root"])
    assert client.post(f"{DOCS}/unpublish/{first.pk}/").status_code == 302
    assert not still_live(first) and not is_archived(first)

    confirm = client.get(f"{DOCS}/delete/{second.pk}/")
    assert confirm.status_code == 200 and "Lưu trữ thay vì xóa" in text(confirm)
    assert client.post(f"{DOCS}/delete/{second.pk}/", {"reason": REASON}).status_code == 302
    second = LegalDocument.objects.get(pk=second.pk)
    assert not second.live and is_archived(second) and second.revisions.exists()
    assert ArchivedItem.objects.get().reason == REASON

    third = live_document("3/2026/QĐ-UBND")
    bulk = f"/admin/bulk/legal_docs/legaldocument/delete/?id={third.pk}"
    assert "Lưu trữ thay vì xóa" in text(client.get(bulk))
    assert client.post(bulk).status_code == 302
    assert LegalDocument.objects.filter(pk=third.pk, live=False).exists() and is_archived(third)


def test_a_never_submitted_document_draft_is_deleted_only_by_whoever_may(board, client):
    _news, users = board
    mine = draft_document(users["ctv"])
    client.force_login(users["head"])  # no delete permission on documents, and not the author
    assert client.post(f"{DOCS}/delete/{mine.pk}/").status_code == 403
    client.force_login(users["root"])
    assert client.post(f"/admin/bulk/legal_docs/legaldocument/delete/?id={mine.pk}").status_code == 302
    assert not LegalDocument.objects.filter(pk=mine.pk).exists()


# The removal path, from any live page or moderated snippet ----------------------------------------------
def test_a_legal_document_leaves_through_the_board_and_is_archived(board, client):
    _news, users = board
    document = live_document(editor=users["it"])  # the admin's direct publication of an official document
    client.force_login(users["secretary"])
    editor = text(client.get(f"{DOCS}/edit/{document.pk}/"))
    url = f"/admin/bao-cao/de-nghi-go/legal_docs/legaldocument/{document.pk}/"
    assert url in editor and "Đề nghị gỡ" in editor
    assert client.post(url, {"reason": REASON}).status_code == 302

    proposal = RemovalProposal.objects.get()
    assert proposal.page is None and proposal.item == document and proposal.proposed_by == users["secretary"]
    for approver in ("secretary2", "deputy.docs", "head"):  # four eyes: the proposer takes no step
        assert still_live(document)
        act(document, users[approver])
    document.refresh_from_db()
    assert not document.live and document.revisions.exists()
    proposal.refresh_from_db()
    assert proposal.outcome == RemovalProposal.Outcome.REMOVED
    assert ArchivedItem.objects.active().get().removal == proposal
    client.logout()
    assert client.get(f"/van-ban/{document.slug}/").status_code == 404


def test_the_editor_offers_the_removal_path_only_to_proposers(board, client):
    news, users = board
    page = live(news, users["author"])
    url = f"/admin/bao-cao/noi-dung-cu/{page.pk}/de-nghi-go/"
    client.force_login(users["secretary"])
    assert url in text(client.get(page_url(page, "edit")))
    client.force_login(users["author"])
    assert url not in text(client.get(page_url(page, "edit")))
    assert refused_with(client.post(url, {"reason": REASON}), NOT_A_PROPOSER)
    client.force_login(users["secretary"])
    assert client.post(f"{url}?next={page_url(page, 'edit')}", {"reason": REASON}).status_code == 302
    assert RemovalProposal.objects.get().page_id == page.pk


# The APIs ------------------------------------------------------------------------------------------------
def test_the_public_apis_are_read_only(board, client):
    _news, users = board
    document = live_document()
    for method in (client.post, client.put, client.delete, client.patch):
        assert method("/api/van-ban/").status_code == 405
    # Wagtail's APIs (v2, and v3 with its write endpoints and tokens) are not routed, for anyone.
    client.force_login(users["root"])
    for url in (
        "/api/v2/pages/",
        "/api/v3/pages/",
        f"/api/v3/snippets/legal_docs.LegalDocument/{document.pk}/",
    ):
        for method in (client.get, client.post, client.delete):
            assert method(url).status_code == 404
    assert still_live(document)


# publish_scheduled ------------------------------------------------------------------------------------------
def test_publish_scheduled_applies_only_expiries_published_with_the_item(board):
    """An expiry reaches the live row only with a publication (the board's approval or an allowed direct
    publication); a draft's expiry changes nothing, so the command takes nothing off the site on its own."""
    news, users = board
    page = live(news, users["author"])
    page.expire_at = timezone.now() - datetime.timedelta(minutes=5)
    page.save_revision(user=users["author"])  # a draft carrying an expiry
    call_command("publish_scheduled")
    assert still_live(page)

    approved = live(news, users["author"], "Thông báo có hạn")
    Page.objects.filter(pk=approved.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=5))
    call_command("publish_scheduled")
    assert not still_live(approved) and not is_archived(approved)


def test_publish_scheduled_never_brings_an_archived_item_back(board):
    news, users = board
    page = draft(news, users["author"], "Tin hẹn giờ")
    revision = page.save_revision(user=users["author"], approved_go_live_at=timezone.now())
    assert revision.approved_go_live_at
    archive(page, users["head"], reason=REASON)
    call_command("publish_scheduled")
    assert not still_live(page) and is_archived(page)


# The legal-documents import --------------------------------------------------------------------------------
def import_file(tmp_path, summary):
    values = {
        "number": "15/2026/QĐ-UBND",
        "doc_type": "Quyết định",
        "issuer": "Ủy ban nhân dân tỉnh",
        "signer": "Nguyễn Văn Minh",
        "issued_on": "02/03/2026",
        "effective_on": "15/03/2026",
        "summary": summary,
    }
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerow([values.get(name, "") for name in HEADER])
    path = tmp_path / f"import-{len(summary)}.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def test_the_import_neither_unpublishes_nor_deletes_nor_revives_an_archived_document(board, tmp_path):
    _news, users = board
    other = live_document("99/2025/QĐ-UBND")
    import_documents(import_file(tmp_path, "Về việc ban hành quy chế"))
    imported = LegalDocument.objects.get(number="15/2026/QĐ-UBND")
    assert imported.live and still_live(other)  # a document missing from the file stays online

    archive(imported, users["head"], reason=REASON)
    with pytest.raises(ImportFailed, match="đã được lưu trữ"):
        import_documents(import_file(tmp_path, "Về việc ban hành quy chế (sửa đổi)"))
    assert not LegalDocument.objects.get(pk=imported.pk).live
