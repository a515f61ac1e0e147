"""A file published on its own ("Tệp công bố") goes through the board like any item: the board file attaches
the board's workflow to it and gives its roles the legal documents' rights (the admin, who publishes only
official sources, submits it instead); the file is public once the workflow has published it."""

from pathlib import Path

import pytest
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.test import Client
from wagtail.models import WorkflowContentType, WorkflowState

from documents.models import PublishedFile
from editorial.board_file import load_board_file
from legal_docs.tests.factories import LegalDocumentIndexPageFactory

from . import files
from .stamped import vietnamese_pdf

pytestmark = pytest.mark.django_db
BOARD = """
members:
  - {username: head, full_name: Trịnh Xuân Long, email: long@example.gov.vn, roles: [head]}
  - {username: secretary, full_name: Lê Hoàng Trung, email: trung@example.gov.vn, roles: [secretary]}
  - {username: quantri, full_name: Vũ Minh Quân, email: quan@example.gov.vn, roles: [admin]}
  - {username: ctv, full_name: Đỗ Mạnh Hùng, roles: [contributor], sections: [van-ban]}
"""
LIST_URL = "/admin/snippets/documents/publishedfile/"


@pytest.fixture
def users(home_page, tmp_path):
    LegalDocumentIndexPageFactory(parent=home_page)
    path = Path(tmp_path) / "board.yaml"
    path.write_text(BOARD, encoding="utf-8")
    load_board_file(path)
    return {user.username: user for user in get_user_model().objects.all()}


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_board_file_attaches_its_workflow_and_gives_the_legal_documents_rights(users):
    link = WorkflowContentType.objects.get(content_type=ContentType.objects.get_for_model(PublishedFile))
    assert link.workflow.name.startswith("Quy trình duyệt tin")
    assert users["head"].has_perms(
        [f"documents.{action}_publishedfile" for action in ("add", "change", "publish", "lock", "unlock")]
    )
    assert users["secretary"].has_perms(["documents.add_publishedfile", "documents.change_publishedfile"])
    assert users["quantri"].has_perm("documents.change_publishedfile")
    assert not users["quantri"].has_perm("documents.publish_publishedfile")  # no official source: the board
    assert not users["ctv"].has_perm("documents.add_publishedfile")


def test_a_file_is_public_only_once_the_board_has_published_it(users, client):
    document = wagtail_factories.DocumentFactory(
        title="Mẫu đơn", file__filename="mau-don.odt", file__data=files.odt()
    )
    response = signed_in(users["quantri"]).post(
        f"{LIST_URL}add/",
        {"document": document.pk, "title": "Mẫu đơn đề nghị", "description": "", "action-submit": "1"},
    )
    assert response.status_code == 302
    published = PublishedFile.objects.get()
    state = WorkflowState.objects.for_instance(published).get()
    assert not published.live and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert client.get(document.url).status_code == 404  # submitted is not published

    for approver in ("secretary", "head"):
        state.refresh_from_db()
        task_state = state.current_task_state
        if task_state is None:
            break
        task_state.task.specific.on_action(task_state, users[approver], "approve")
    published.refresh_from_db()
    assert published.live
    assert client.get(document.url).status_code == 200


def test_a_stamped_file_cannot_be_published_on_its_own():
    """Uploads refuse stamps; a file stored before that rule is refused here too."""
    document = wagtail_factories.DocumentFactory(
        title="Công văn", file__filename="cong-van-mat-2.pdf", file__data=vietnamese_pdf("MẬT", "Kính gửi")
    )
    with pytest.raises(ValidationError) as refused:
        PublishedFile(document=document, title="Công văn").full_clean()
    assert refused.value.message_dict["document"] == [
        "Tệp «cong-van-mat-2.pdf» mang dấu «MẬT»: thông tin có độ mật không được công bố "
        "(quy định về bảo vệ bí mật nhà nước)."
    ]
