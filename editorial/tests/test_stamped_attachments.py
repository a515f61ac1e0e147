"""A file whose text carries a classification stamp (MẬT, TỐI MẬT, TUYỆT MẬT) keeps the item attaching it off
the portal (docs/requirements.md, Classification): the admin forms refuse to submit or publish it, and
publish() refuses it on every other route (workflow approval, schedule)."""

import csv
import json
from pathlib import Path

import pytest
import wagtail_factories
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from wagtail.models import Page, Site, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from core.tests.factories import body_of
from documents.classification import ClassifiedPublicationError
from documents.models import PortalDocument
from documents.tests.stamped import odt_paragraphs, vietnamese_pdf
from editorial.board_file import load_board_file
from legal_docs.importer import HEADER, ImportFailed, import_documents
from legal_docs.models import DocumentFile, LegalDocument
from legal_docs.tests.factories import (
    LegalDocumentFactory,
    LegalDocumentIndexPageFactory,
    document_type,
    issuer,
)
from news.tests.factories import ArticlePageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db
BOARD = """
members:
  - {username: head, full_name: Trịnh Xuân Long, roles: [head]}
  - {username: secretary, full_name: Lê Hoàng Trung, roles: [secretary]}
  - {username: ctv, full_name: Đỗ Mạnh Hùng, roles: [contributor], sections: [tin-tuc, van-ban]}
"""
PLAN = "Kế hoạch bảo vệ bí mật nhà nước năm 2026"
LEGAL_LIST_URL = "/admin/snippets/legal_docs/legaldocument/"


@pytest.fixture
def users(home_page, tmp_path):
    SectionPageFactory(parent=home_page, slug="tin-tuc", title="Tin tức")
    LegalDocumentIndexPageFactory(parent=home_page)
    path = Path(tmp_path) / "board.yaml"
    path.write_text(BOARD, encoding="utf-8")
    load_board_file(path)
    return {user.username: user for user in get_user_model().objects.all()}


def document(name, data):
    return wagtail_factories.DocumentFactory(title=name, file__filename=name, file__data=data)


@pytest.fixture
def stamped_pdf():
    return document("ke-hoach-mat.pdf", vietnamese_pdf("MẬT", "SỞ NỘI VỤ", PLAN))


@pytest.fixture
def plain_pdf():
    """Prose about state secrets: "bí mật" is a word, not a stamp."""
    return document(
        "ke-hoach.pdf", vietnamese_pdf("SỞ NỘI VỤ", PLAN, "Không lưu mật khẩu trên máy dùng chung.")
    )


def article_form(article, body, action):
    return nested_form_data(
        {
            "title": article.title,
            "slug": article.slug,
            "intro": article.intro,
            "author_name": article.author_name,
            "author_address": article.author_address,
            "classification": "unclassified",
            "body": streamfield(body),
            "tags": "",
            "comments": inline_formset([]),
            action: "1",
        }
    )


def document_block(doc):
    return [("document", {"document": doc.pk, "title": "Kế hoạch"})]


def document_link(doc):
    html = f'<p>Xem <a linktype="document" id="{doc.pk}">kế hoạch</a> kèm theo.</p>'
    return [("paragraph", rich_text(html, features=["link", "document-link"]))]


def draft_article(users):
    article = ArticlePageFactory(
        parent=Page.objects.get(slug="tin-tuc"), title="Hội nghị bảo mật", live=False
    )
    article.save_revision(user=users["ctv"])
    return article


def workflow_states(obj):
    return WorkflowState.objects.for_instance(obj)


@pytest.mark.parametrize("attach", [document_block, document_link], ids=["document-block", "rich-text-link"])
def test_an_article_attaching_a_stamped_pdf_cannot_be_submitted(users, client, stamped_pdf, attach):
    article = draft_article(users)
    client.force_login(users["ctv"])
    response = client.post(
        f"/admin/pages/{article.pk}/edit/", article_form(article, attach(stamped_pdf), "action-submit")
    )
    assert response.status_code == 200  # the form comes back with the error
    assert f"Tệp «{stamped_pdf.filename}» mang dấu «MẬT»: không được gửi duyệt" in response.content.decode()
    assert not workflow_states(article).exists()
    assert not Page.objects.get(pk=article.pk).live


def test_the_same_article_with_an_unstamped_pdf_is_submitted(users, client, plain_pdf):
    article = draft_article(users)
    client.force_login(users["ctv"])
    response = client.post(
        f"/admin/pages/{article.pk}/edit/", article_form(article, document_block(plain_pdf), "action-submit")
    )
    assert response.status_code == 302
    assert workflow_states(article).get().status == WorkflowState.STATUS_IN_PROGRESS


def test_even_the_head_cannot_publish_an_article_with_a_stamped_file(users, client, stamped_pdf):
    article = draft_article(users)
    client.force_login(users["head"])
    response = client.post(
        f"/admin/pages/{article.pk}/edit/",
        article_form(article, document_block(stamped_pdf), "action-publish"),
    )
    assert "mang dấu «MẬT»" in response.content.decode()
    assert not Page.objects.get(pk=article.pk).live


def test_saving_a_draft_with_a_stamped_file_is_allowed(users, client, stamped_pdf):
    """The file may be wrong by mistake: the author keeps working and replaces it before submitting."""
    article = draft_article(users)
    client.force_login(users["ctv"])
    response = client.post(
        f"/admin/pages/{article.pk}/edit/", article_form(article, document_block(stamped_pdf), "action-save")
    )
    assert response.status_code == 302
    assert not Page.objects.get(pk=article.pk).live


def test_approval_cannot_carry_a_stamped_file_past_the_first_step_nor_publish_it(users, stamped_pdf):
    """A file can be swapped after submission: the secretariat may only send the item back
    (editorial.four_eyes), and publish() checks again, whatever route calls it."""
    article = draft_article(users)
    article.body = body_of(("document", {"document": stamped_pdf.pk, "title": ""}))
    article.save_revision(user=users["ctv"])
    state = article.get_workflow().start(article, users["ctv"])
    task_state = state.current_task_state
    with pytest.raises(PermissionDenied, match="ke-hoach-mat"):
        task_state.task.specific.on_action(task_state, users["secretary"], "approve")
    with pytest.raises(ClassifiedPublicationError, match="ke-hoach-mat"):
        article.get_latest_revision().publish(user=users["head"])
    assert not Page.objects.get(pk=article.pk).live


def test_a_reviewer_may_still_send_a_stamped_item_back_to_its_author(users, client, stamped_pdf):
    article = draft_article(users)
    article.body = body_of(("document", {"document": stamped_pdf.pk, "title": ""}))
    article.save_revision(user=users["ctv"])
    state = article.get_workflow().start(article, users["ctv"])
    client.force_login(users["secretary"])
    data = article_form(article, document_block(stamped_pdf), "action-workflow-action")
    data["workflow-action-name"] = "reject"
    data["workflow-action-extra-data"] = json.dumps({"comment": "Tệp mang dấu MẬT: thay tệp khác."})
    response = client.post(f"/admin/pages/{article.pk}/edit/", data)
    assert response.status_code == 302
    state.refresh_from_db()  # sent back: the run ends, the author resubmits from the first step
    assert state.status == WorkflowState.STATUS_CANCELLED
    assert state.current_task_state.status == "rejected"


def legal_document_form(doc):
    return nested_form_data(
        {
            "number": "215/QĐ-UBND",
            "site": Site.objects.get(is_default_site=True).pk,
            "doc_type": document_type("Quyết định").pk,
            "issuer": issuer("Ủy ban nhân dân tỉnh").pk,
            "issued_on": "2026-03-12",
            "effective_on": "2026-03-12",
            "status": "in_force",
            "summary": "Về việc ban hành kế hoạch bảo vệ bí mật nhà nước năm 2026",
            "classification": "unclassified",
            "files": inline_formset([{"document": doc.pk, "title": "Toàn văn"}]),
            "relations": inline_formset([]),
            "action-submit": "1",
        }
    )


def test_a_legal_document_with_a_stamped_odt_file_cannot_be_submitted(users, client):
    odt = document("qd-215.odt", odt_paragraphs("ỦY BAN NHÂN DÂN TỈNH", "TUYỆT MẬT", PLAN))
    client.force_login(users["ctv"])
    response = client.post(f"{LEGAL_LIST_URL}add/", legal_document_form(odt))
    assert response.status_code == 200
    assert f"Tệp «{odt.filename}» mang dấu «TUYỆT MẬT»" in response.content.decode()
    assert not LegalDocument.objects.filter(number="215/QĐ-UBND").exists()


def test_a_legal_document_with_an_unstamped_odt_file_is_submitted(users, client):
    odt = document("qd-215.odt", odt_paragraphs("ỦY BAN NHÂN DÂN TỈNH", PLAN))
    client.force_login(users["ctv"])
    response = client.post(f"{LEGAL_LIST_URL}add/", legal_document_form(odt))
    assert response.status_code == 302
    created = LegalDocument.objects.get(number="215/QĐ-UBND")
    assert not created.live
    assert workflow_states(created).get().status == WorkflowState.STATUS_IN_PROGRESS


def test_publishing_a_legal_document_revision_with_a_stamped_file_is_refused():
    odt = document("qd-216.odt", odt_paragraphs("Độ mật: Tối mật", PLAN))
    legal = LegalDocumentFactory(number="216/QĐ-UBND", live=False)
    legal.files = [DocumentFile(document=odt)]
    with pytest.raises(ClassifiedPublicationError, match="TỐI MẬT"):
        legal.save_revision().publish()
    legal.refresh_from_db()
    assert not legal.live


def test_an_import_carrying_a_stamped_file_is_refused_and_writes_nothing(tmp_path):
    """Imported documents go online without publish(): the importer checks the files itself."""
    folder = tmp_path / "tep"
    folder.mkdir()
    (folder / "qd-217.pdf").write_bytes(vietnamese_pdf("TUYỆT MẬT", PLAN))
    (folder / "qd-218.pdf").write_bytes(vietnamese_pdf(PLAN))
    path = tmp_path / "van-ban.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, HEADER, lineterminator="\n")
        writer.writeheader()
        for number in ("217", "218"):
            writer.writerow(
                {
                    "number": f"{number}/QĐ-UBND",
                    "doc_type": "Quyết định",
                    "issuer": "Ủy ban nhân dân tỉnh",
                    "issued_on": "12/03/2026",
                    "summary": PLAN,
                    "files": f"qd-{number}.pdf",
                }
            )
    files_before = PortalDocument.objects.count()
    with pytest.raises(ImportFailed) as failure:
        import_documents(path, files_dir=folder)
    # The upload form refuses the stamped file while the rows are checked (documents.forms.check_content).
    assert failure.value.errors == [
        "Dòng 2: tệp «qd-217.pdf» không hợp lệ: Tệp «qd-217.pdf» mang dấu «TUYỆT MẬT»: thông tin có độ mật "
        "không được đăng lên cổng (quy định về bảo vệ bí mật nhà nước), "
        "nên không được tải lên."
    ]
    assert not LegalDocument.objects.exists()
    assert PortalDocument.objects.count() == files_before
