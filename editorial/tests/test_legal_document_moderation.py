"""Legal documents (snippets served under /van-ban/) go through the moderation path of the board of the site
they belong to: author -> secretariat -> deputy of section van-ban -> head -> published. Component portals:
editorial/tests/test_site_documents.py."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.models import ModelLogEntry, Site, TaskState, WorkflowContentType, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from editorial.board_file import load_board_file
from editorial.notifications import OFFICIAL_SOURCE_PUBLICATION
from legal_docs.models import LegalDocument
from legal_docs.tests.factories import (
    LegalDocumentFactory,
    LegalDocumentIndexPageFactory,
    document_type,
    issuer,
)
from news.tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db
BOARD = """
members:
  - {username: head, full_name: Trịnh Xuân Long, roles: [head]}
  - {username: secretary, full_name: Lê Hoàng Trung, roles: [secretary]}
  - {username: deputy.docs, full_name: Nguyễn Thanh Vũ, roles: [deputy], sections: [van-ban]}
  - {username: ctv, full_name: Đỗ Mạnh Hùng, roles: [contributor], sections: [van-ban]}
  - {username: member.news, full_name: Hoàng Thị Lan, roles: [member], sections: [tin-tuc]}
  - {username: it, full_name: Phan Văn Kỹ, roles: [admin]}
"""
COMMUNE_BOARD = """
site: xa-tan-lap.localhost
members:
  - {username: xa.head, full_name: Nguyễn Thị Hòa, roles: [head]}
  - {username: xa.secretary, full_name: Lê Văn Bình, roles: [secretary]}
"""
LIST_URL = "/admin/snippets/legal_docs/legaldocument/"


def board_file(tmp_path, text, name="board.yaml"):
    path = Path(tmp_path) / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def board(home_page, tmp_path):
    SectionPageFactory(parent=home_page, slug="tin-tuc", title="Tin tức")
    LegalDocumentIndexPageFactory(parent=home_page)
    outcome = load_board_file(board_file(tmp_path, BOARD))
    return outcome, {user.username: user for user in get_user_model().objects.all()}


def form_data(action, number="12/2026/QĐ-UBND", site=None):
    return nested_form_data(
        {
            "site": (site or Site.objects.get(is_default_site=True)).pk,
            "number": number,
            "doc_type": document_type("Quyết định").pk,
            "issuer": issuer("Ủy ban nhân dân tỉnh").pk,
            "signer": "Nguyễn Văn Minh",
            "issued_on": "2026-03-02",
            "effective_on": "2026-03-15",
            "status": "in_force",
            "summary": "Ban hành Quy chế phối hợp quản lý nhà nước về đầu tư trên địa bàn tỉnh",
            "classification": "unclassified",
            "files": inline_formset([]),
            "relations": inline_formset([]),
            action: "1",
        }
    )


def approve_on_dashboard(client, user, document):
    """What the approver's dashboard button does: the snippet's workflow action view."""
    task_state = TaskState.objects.reviewable_by(user).get(workflow_state__object_id=str(document.pk))
    url = reverse(
        "wagtailsnippets_legal_docs_legaldocument:workflow_action",
        args=[document.pk, "approve", task_state.pk],
    )
    client.force_login(user)
    assert client.post(url, {"comment": ""}).status_code == 302
    return task_state.task.specific


def test_a_contributor_submits_and_the_board_approves_until_it_is_online(board, client):
    _outcome, users = board
    client.force_login(users["ctv"])
    assert client.post(f"{LIST_URL}add/", form_data("action-submit")).status_code == 302
    document = LegalDocument.objects.get(number="12/2026/QĐ-UBND")
    state = WorkflowState.objects.for_instance(document).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and not document.live
    assert client.get(f"/van-ban/{document.slug}/").status_code == 404

    for username, step in (
        ("secretary", "SecretariatTask"),
        ("deputy.docs", "SectionDeputyTask"),
        ("head", "HeadTask"),
    ):
        assert type(approve_on_dashboard(client, users[username], document)).__name__ == step

    state.refresh_from_db()
    document.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED and document.live
    client.logout()
    page = client.get(f"/van-ban/{document.slug}/")
    assert page.status_code == 200 and "12/2026/QĐ-UBND" in page.content.decode()


def test_only_the_approvers_of_each_step_can_act(board):
    _outcome, users = board
    document = LegalDocumentFactory(number="13/2026/QĐ-UBND", live=False)
    document.save_revision(user=users["ctv"])
    state = document.get_workflow().start(document, users["ctv"])
    task = state.current_task_state.task.specific
    for name in ("ctv", "member.news", "deputy.docs", "head"):
        assert task.get_actions(document, users[name]) == []
    task.on_action(state.current_task_state, users["secretary"], "approve")
    state.refresh_from_db()
    deputy_step = state.current_task_state.task.specific
    assert deputy_step.get_actions(document, users["secretary"]) == []
    assert [name for name, *_ in deputy_step.get_actions(document, users["deputy.docs"])] == [
        "reject",
        "approve",
        "approve",
    ]


def test_a_contributor_cannot_publish_directly(board, client):
    _outcome, users = board
    assert not users["ctv"].has_perm("legal_docs.publish_legaldocument")
    client.force_login(users["ctv"])
    response = client.post(f"{LIST_URL}add/", form_data("action-publish"))
    assert response.status_code == 200
    assert "Bạn không có quyền đăng trực tiếp văn bản: hãy gửi duyệt" in response.content.decode()
    assert not LegalDocument.objects.filter(number="12/2026/QĐ-UBND").exists()

    draft = LegalDocumentFactory(number="14/2026/QĐ-UBND", live=False)
    client.post(f"{LIST_URL}edit/{draft.pk}/", form_data("action-publish", number=draft.number))
    draft.refresh_from_db()
    assert not draft.live


def test_the_head_and_the_admin_publish_directly(board, client):
    """The admin's exception: a non-classified legal document is an official source (docs/requirements.md,
    Direct publication)."""
    _outcome, users = board
    for username, number in (("head", "15/2026/QĐ-UBND"), ("it", "16/2026/QĐ-UBND")):
        client.force_login(users[username])
        assert client.post(f"{LIST_URL}add/", form_data("action-publish", number=number)).status_code == 302
        assert LegalDocument.objects.get(number=number).live
    # Only the admin's direct publication goes into the weekly report to the board.
    logged = ModelLogEntry.objects.filter(action=OFFICIAL_SOURCE_PUBLICATION)
    assert [(entry.label, entry.user, entry.data["source"]) for entry in logged] == [
        (str(LegalDocument.objects.get(number="16/2026/QĐ-UBND")), users["it"], "Văn bản pháp luật")
    ]


def test_a_member_of_another_section_cannot_edit_legal_documents(board, client):
    _outcome, users = board
    document = LegalDocumentFactory(number="17/2026/QĐ-UBND")
    member = users["member.news"]
    assert not member.has_perm("legal_docs.change_legaldocument")
    client.force_login(member)
    assert client.get(f"{LIST_URL}edit/{document.pk}/").status_code == 302  # sent away: permission denied
    client.post(f"{LIST_URL}edit/{document.pk}/", form_data("action-submit", number=document.number))
    assert not WorkflowState.objects.for_instance(document).exists()
    assert users["secretary"].has_perm("legal_docs.change_legaldocument")
    assert not users["secretary"].has_perm("legal_docs.publish_legaldocument")


def legal_documents_workflow():
    return WorkflowContentType.objects.get(
        content_type=ContentType.objects.get_for_model(LegalDocument)
    ).workflow


def test_the_board_file_attaches_its_workflow_to_legal_documents_once(board, home_page, tmp_path):
    outcome, _users = board
    assert legal_documents_workflow() == home_page.get_workflow()
    assert LegalDocumentFactory(live=False).get_workflow() == home_page.get_workflow()
    assert any("cho văn bản (/van-ban/)" in change for change in outcome.changes)
    again = load_board_file(board_file(tmp_path, BOARD))
    assert again.changes == []
