"""A classified item (docs/requirements.md, Classification) is refused at the first step, with the reason,
instead of advancing and getting stuck on the head's dashboard: the secretariat may only send it back;
approving is refused on every route (the action URL, its modal, the editor's button, on_action), and
submitting it is refused in the form."""

import pytest
import wagtail_factories
from django.core.exceptions import PermissionDenied
from wagtail.models import Page, TaskState, WorkflowState

from core.tests.factories import body_of
from documents.enums import Classification
from documents.tests.stamped import vietnamese_pdf
from legal_docs.tests.factories import LegalDocumentFactory

from .board_helpers import (
    LEGAL_LIST_URL,
    action_url,
    article_form,
    collect_url,
    current,
    legal_document_form,
    make_board,
    reviewable,
    submit,
    text,
    workflow_action_form,
    write,
)

pytestmark = pytest.mark.django_db

CLASSIFIED = (
    "Nội dung có độ mật «Mật» không được gửi duyệt hay đăng lên cổng "
    "(quy định về bảo vệ bí mật nhà nước). Chỉ có thể trả lại"
)


@pytest.fixture
def board(home_page, tmp_path):
    return make_board(home_page, tmp_path)


def classified_submission(sections, users):
    """A "Mật" article that reached the board by a route that skipped the form's check."""
    article = write(sections["tin-tuc"], users["ctv"], title="Kế hoạch bảo vệ bí mật")
    article.classification = Classification.CONFIDENTIAL
    article.save_revision(user=users["ctv"])
    return article, submit(article, users["ctv"])


def test_the_secretariat_may_only_send_a_classified_item_back(board):
    sections, users = board
    article, state = classified_submission(sections, users)
    task_state = current(state)
    assert [name for name, *_ in task_state.task.specific.get_actions(article, users["secretary"])] == [
        "reject"
    ]
    with pytest.raises(PermissionDenied, match="độ mật «Mật»"):
        task_state.task.specific.on_action(task_state, users["secretary"], "approve")


def test_approving_a_classified_item_is_refused_on_every_route_with_the_reason(board, client):
    sections, users = board
    article, state = classified_submission(sections, users)
    client.force_login(users["secretary"])
    for url in (
        action_url(article, "approve", current(state)),
        collect_url(article, "approve", current(state)),
    ):
        response = client.post(url, {"comment": ""})
        assert response.status_code == 403 and CLASSIFIED in text(response)
        assert "Bạn không có quyền truy cập vào khu vực này" not in text(response)
    data = workflow_action_form(article, "approve", classification="confidential")
    response = client.post(f"/admin/pages/{article.pk}/edit/", data)
    assert response.status_code == 403 and CLASSIFIED in text(response)
    assert current(state).status == TaskState.STATUS_IN_PROGRESS
    assert str(article.pk) not in reviewable(users["head"])  # it never reaches the head


def test_the_editor_and_the_dashboard_offer_only_sending_it_back(board, client):
    sections, users = board
    article, state = classified_submission(sections, users)
    client.force_login(users["secretary"])
    edit_page = text(client.get(f"/admin/pages/{article.pk}/edit/"))
    assert CLASSIFIED in edit_page
    assert (
        'data-workflow-action-name="reject"' in edit_page
        and 'data-workflow-action-name="approve"' not in edit_page
    )
    dashboard = text(client.get("/admin/"))
    assert article.title in dashboard and f"/admin/pages/{article.pk}/edit/" in dashboard  # to send it back
    assert action_url(article, "approve", current(state)) not in dashboard

    reason = "Tài liệu mật, không đăng."
    assert client.post(action_url(article, "reject", current(state)), {"comment": reason}).status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_CANCELLED and not Page.objects.get(pk=article.pk).live
    client.force_login(users["ctv"])
    assert reason in text(client.get("/admin/"))


def test_an_item_attaching_a_stamped_file_is_refused_at_the_first_step(board, client):
    sections, users = board
    stamped = wagtail_factories.DocumentFactory(
        title="ke-hoach-mat.pdf",
        file__filename="ke-hoach-mat.pdf",
        file__data=vietnamese_pdf("MẬT", "SỞ NỘI VỤ", "Kế hoạch bảo vệ bí mật nhà nước"),
    )
    article = write(sections["tin-tuc"], users["ctv"])
    article.body = body_of(("document", {"document": stamped.pk, "title": ""}))
    article.save_revision(user=users["ctv"])
    state = submit(article, users["ctv"])
    client.force_login(users["secretary"])
    response = client.post(action_url(article, "approve", current(state)), {"comment": ""})
    assert response.status_code == 403
    assert "Tệp «ke-hoach-mat.pdf» mang dấu «MẬT»" in text(response) and "Chỉ có thể trả lại" in text(
        response
    )
    assert current(state).task.specific.__class__.__name__ == "SecretariatTask"


def test_a_classified_legal_document_is_refused_at_the_first_step(board, client):
    _sections, users = board
    document = LegalDocumentFactory(number="14/2026/QĐ-UBND", live=False)
    document.classification = Classification.SECRET
    document.save_revision(user=users["author"])
    state = submit(document, users["author"])
    client.force_login(users["secretary"])
    response = client.post(action_url(document, "approve", current(state)), {"comment": ""})
    assert response.status_code == 403 and "độ mật «Tối mật»" in text(response)
    assert (
        client.post(action_url(document, "reject", current(state)), {"comment": "Văn bản mật"}).status_code
        == 302
    )


def test_submitting_a_classified_item_is_refused_in_the_form_with_the_reason(board, client):
    sections, users = board
    article = write(sections["tin-tuc"], users["ctv"])
    client.force_login(users["ctv"])
    response = client.post(
        f"/admin/pages/{article.pk}/edit/",
        article_form(article, "action-submit", classification="confidential"),
    )
    assert response.status_code == 200
    assert "Nội dung có độ mật «Mật» không được gửi duyệt hay đăng lên cổng" in text(response)
    assert not WorkflowState.objects.for_instance(article).exists()

    client.force_login(users["author"])
    response = client.post(
        f"{LEGAL_LIST_URL}add/", legal_document_form("action-submit", classification="secret")
    )
    assert response.status_code == 200 and "độ mật «Tối mật» không được gửi duyệt" in text(response)
