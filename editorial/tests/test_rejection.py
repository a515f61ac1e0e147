"""Sending an item back (docs/requirements.md, Moderation and four eyes): a reason is required on every route;
the author reads it on the item's edit page and on their dashboard, with the step and who; the resubmitted
item starts again at the secretariat, and the history stays truthful."""

import json

import pytest
from django.core.exceptions import PermissionDenied
from wagtail.models import PageLogEntry, TaskState, WorkflowState

from editorial.forms import RejectionForm
from editorial.four_eyes import COMMENT_REQUIRED
from legal_docs.tests.factories import LegalDocumentFactory

from .board_helpers import (
    action_url,
    article_form,
    collect_url,
    current,
    make_board,
    step_name,
    submit,
    text,
    workflow_action_form,
    write,
)

pytestmark = pytest.mark.django_db

REASON = "Bổ sung nguồn tin và ảnh hội nghị."


@pytest.fixture
def board(home_page, tmp_path):
    return make_board(home_page, tmp_path)


def test_the_reject_form_requires_a_reason(board):
    sections, users = board
    state = submit(write(sections["tin-tuc"], users["ctv"]), users["ctv"])
    form_class = current(state).task.specific.get_form_for_action("reject")
    assert form_class is RejectionForm
    form = form_class({"comment": "  "})
    assert not form.is_valid() and form.errors["comment"] == [COMMENT_REQUIRED]
    assert form_class({"comment": REASON}).is_valid()


def test_a_rejection_without_a_reason_is_refused_on_the_action_url(board, client):
    sections, users = board
    article = write(sections["tin-tuc"], users["ctv"])
    state = submit(article, users["ctv"])
    client.force_login(users["secretary"])
    url = action_url(article, "reject", current(state))
    response = client.post(url, {"comment": ""})  # Wagtail would redirect as if done, doing nothing
    assert response.status_code == 403 and COMMENT_REQUIRED in text(response)
    response = client.post(url, {"comment": ""}, headers={"x-requested-with": "XMLHttpRequest"})
    assert response.status_code == 200 and COMMENT_REQUIRED in json.loads(response.content)["html"]
    response = client.post(collect_url(article, "reject", current(state)), {"comment": ""})
    assert response.status_code == 403 and COMMENT_REQUIRED in text(response)
    assert current(state).status == TaskState.STATUS_IN_PROGRESS

    assert client.post(url, {"comment": REASON}).status_code == 302
    state.refresh_from_db()
    assert state.current_task_state.status == TaskState.STATUS_REJECTED
    assert state.current_task_state.comment == REASON


def test_a_rejection_without_a_reason_is_refused_on_the_editors_button(board, client):
    sections, users = board
    article = write(sections["tin-tuc"], users["ctv"])
    state = submit(article, users["ctv"])
    client.force_login(users["secretary"])
    for data in (
        workflow_action_form(article, "reject"),
        workflow_action_form(article, "reject", comment=" "),
    ):
        response = client.post(f"/admin/pages/{article.pk}/edit/", data)
        assert response.status_code == 403 and COMMENT_REQUIRED in text(response)
    assert current(state).status == TaskState.STATUS_IN_PROGRESS
    response = client.post(
        f"/admin/pages/{article.pk}/edit/", workflow_action_form(article, "reject", REASON)
    )
    assert response.status_code == 302
    assert current(state).status == TaskState.STATUS_REJECTED


def test_a_rejection_without_a_reason_is_refused_on_a_legal_document_and_by_on_action(board, client):
    _sections, users = board
    document = LegalDocumentFactory(number="13/2026/QĐ-UBND", live=False)
    document.save_revision(user=users["author"])
    state = submit(document, users["author"])
    client.force_login(users["secretary"])
    response = client.post(action_url(document, "reject", current(state)), {"comment": ""})
    assert response.status_code == 403 and COMMENT_REQUIRED in text(response)
    task_state = current(state)
    with pytest.raises(PermissionDenied, match="Nhập lý do trả lại"):
        task_state.task.specific.on_action(task_state, users["secretary"], "reject", comment="")
    assert client.post(action_url(document, "reject", current(state)), {"comment": REASON}).status_code == 302
    assert current(state).status == TaskState.STATUS_REJECTED


def test_the_author_reads_the_reason_on_the_edit_page_and_the_dashboard(board, client):
    sections, users = board
    article = write(sections["tin-tuc"], users["ctv"])
    state = submit(article, users["ctv"])
    client.force_login(users["secretary"])
    client.post(action_url(article, "reject", current(state)), {"comment": REASON})

    client.force_login(users["ctv"])
    expected = (
        f"ở bước «Tổ thư ký biên tập, kiểm tra – Cổng thông tin điện tử» bởi Lê Hoàng Trung. Lý do: {REASON}"
    )
    edit_page = text(client.get(f"/admin/pages/{article.pk}/edit/"))
    assert expected in edit_page
    dashboard = text(client.get("/admin/"))
    assert "Tin, bài bị trả lại (1)" in dashboard and expected in dashboard
    assert f"/admin/pages/{article.pk}/edit/" in dashboard

    client.force_login(users["dinh"])  # someone else's dashboard does not list it
    assert "Tin, bài bị trả lại" not in text(client.get("/admin/"))


def test_the_resubmitted_item_starts_again_at_the_secretariat(board, client):
    """Sent back by the deputy, the item goes through the secretariat again, not straight to the deputy; the
    same people may take the same steps of the new run."""
    sections, users = board
    article = write(sections["tin-tuc"], users["ctv"])
    state = submit(article, users["ctv"])
    client.force_login(users["secretary"])
    client.post(action_url(article, "approve", current(state)), {"comment": ""})
    client.force_login(users["dinh"])
    client.post(action_url(article, "reject", current(state)), {"comment": REASON})
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_CANCELLED

    client.force_login(users["ctv"])
    edit_page = text(client.get(f"/admin/pages/{article.pk}/edit/"))
    # A new submission to the workflow, not Wagtail's "Resubmit to <the step that rejected it>".
    assert "Gửi tới Quy trình duyệt tin" in edit_page and "Gửi lại tới" not in edit_page
    response = client.post(f"/admin/pages/{article.pk}/edit/", article_form(article, "action-submit"))
    assert response.status_code == 302
    again = WorkflowState.objects.for_instance(article).get(status=WorkflowState.STATUS_IN_PROGRESS)
    assert again.pk != state.pk and step_name(again) == "SecretariatTask"
    assert "Tin, bài bị trả lại" not in text(client.get("/admin/"))  # resubmitted: no longer sent back
    assert REASON not in text(client.get(f"/admin/pages/{article.pk}/edit/"))

    for username in ("secretary", "dinh", "head"):
        client.force_login(users[username])
        assert client.post(action_url(article, "approve", current(again)), {"comment": ""}).status_code == 302
    again.refresh_from_db()
    assert again.status == WorkflowState.STATUS_APPROVED


def test_the_history_tells_who_sent_it_back_and_why(board, client):
    sections, users = board
    article = write(sections["tin-tuc"], users["ctv"])
    state = submit(article, users["ctv"])
    client.force_login(users["secretary"])
    client.post(action_url(article, "reject", current(state)), {"comment": REASON})
    actions = [
        (entry.action, entry.user.username)
        for entry in PageLogEntry.objects.filter(page=article).order_by("pk")
    ]
    assert ("wagtail.workflow.reject", "secretary") in actions
    assert not any(action == "wagtail.workflow.cancel" for action, _user in actions)  # nobody withdrew it
    rejection = PageLogEntry.objects.get(page=article, action="wagtail.workflow.reject")
    assert rejection.data["comment"] == REASON
    client.force_login(users["ctv"])
    history = client.get(f"/admin/pages/{article.pk}/workflow_history/detail/{state.pk}/")
    assert history.status_code == 200 and REASON in text(history)
