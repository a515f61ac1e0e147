"""Four eyes (docs/requirements.md, Moderation and four eyes): nobody approves or sends back a step of an item
they wrote, submitted, or last edited before submitting it; nobody takes two steps of one run, the acting head
included. Each rule is refused, with its reason in Vietnamese, on every route: the workflow action URL, the
action modal's URL, the editor's own workflow button, the dashboard, the emails, and on_action itself; the
allowed path still works with distinct people."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from wagtail.models import Page, WorkflowState

from editorial.deadlines import late_items
from editorial.models import EditorialBoard, HeadDelegation, SectionDeputyTask
from legal_docs.tests.factories import LegalDocumentFactory

from .board_helpers import (
    LEGAL_LIST_URL,
    action_url,
    collect_url,
    current,
    legal_document_form,
    make_board,
    reviewable,
    step_name,
    submit,
    text,
    workflow_action_form,
    write,
)

pytestmark = pytest.mark.django_db

WROTE = "Bạn là người viết «Hội nghị đối thoại doanh nghiệp», nên không duyệt hay trả lại bước"
SUBMITTED = "Bạn đã gửi duyệt «Hội nghị đối thoại doanh nghiệp», nên không duyệt hay trả lại bước"
LAST_EDITED = "Bạn sửa «Hội nghị đối thoại doanh nghiệp» lần cuối trước khi gửi duyệt"
TOOK_STEP = "Bạn đã làm bước «Tổ thư ký biên tập, kiểm tra – Cổng thông tin điện tử» của lần duyệt này"


@pytest.fixture
def board(home_page, tmp_path):
    return make_board(home_page, tmp_path)


def actions(state, user):
    task_state = current(state)
    return [
        name
        for name, *_ in task_state.task.specific.get_actions(task_state.workflow_state.content_object, user)
    ]


# The rules -----------------------------------------------------------------------------------------------
def test_a_secretary_cannot_approve_the_secretariat_step_of_their_own_article(board, client):
    sections, users = board
    article = write(sections["tin-tuc"], users["secretary"])
    state = submit(article, users["secretary"])
    assert actions(state, users["secretary"]) == []
    task_state = current(state)
    client.force_login(users["secretary"])
    response = client.post(action_url(article, "approve", task_state), {"comment": ""})
    assert response.status_code == 403 and WROTE in text(response)
    assert step_name(state) == "SecretariatTask"

    client.force_login(users["dinh"])  # another secretary (the section's only deputy: that step is skipped)
    assert client.post(action_url(article, "approve", task_state), {"comment": ""}).status_code == 302
    assert step_name(state) == "HeadTask"


def test_whoever_submitted_an_item_does_not_approve_it(board, client):
    sections, users = board
    article = write(sections["tin-tuc"], users["ctv"])
    state = submit(article, users["secretary"])  # the secretary sent the contributor's draft
    assert actions(state, users["secretary"]) == []
    client.force_login(users["secretary"])
    response = client.post(f"/admin/pages/{article.pk}/edit/", workflow_action_form(article, "approve"))
    assert response.status_code == 403 and SUBMITTED in text(response)
    assert step_name(state) == "SecretariatTask"
    assert actions(state, users["dinh"]) == ["reject", "approve", "approve"]


def test_whoever_last_edited_an_item_before_it_was_submitted_does_not_approve_it(board, client):
    sections, users = board
    article = write(sections["tin-tuc"], users["ctv"])
    article.intro = "Bản đã sửa trước khi gửi."
    article.save_revision(user=users["secretary"])
    state = submit(article, users["ctv"])
    assert actions(state, users["secretary"]) == []
    client.force_login(users["secretary"])
    # The modal that collects the reason or comment refuses too.
    response = client.post(collect_url(article, "reject", current(state)), {"comment": "Sai số liệu"})
    assert response.status_code == 403 and LAST_EDITED in text(response)
    response = client.post(action_url(article, "reject", current(state)), {"comment": "Sai số liệu"})
    assert response.status_code == 403 and LAST_EDITED in text(response)
    assert current(state).status == "in_progress"
    assert actions(state, users["dinh"]) == ["reject", "approve", "approve"]


def test_nobody_takes_two_steps_of_one_run(board, client):
    """dinh is a secretary and the only deputy of tin-tuc: having checked the item, he cannot also approve it
    as deputy (the standing deputy approved three steps of one item in 14 seconds), so the deputy step, left
    with nobody, is skipped rather than waiting for ever; as acting head he still cannot approve."""
    sections, users = board
    article = write(sections["tin-tuc"], users["ctv"])
    state = submit(article, users["ctv"])
    client.force_login(users["dinh"])
    assert client.post(action_url(article, "approve", current(state)), {"comment": ""}).status_code == 302
    assert step_name(state) == "HeadTask"
    deputy_step = state.task_states.get(task__in=SectionDeputyTask.objects.all())
    assert deputy_step.status == "skipped"
    today = datetime.date.today()
    HeadDelegation.objects.create(
        board=EditorialBoard.objects.get(),
        delegate=users["dinh"],
        starts_on=today,
        ends_on=today,
        reason="Họp",
    )
    assert actions(state, users["dinh"]) == []
    response = client.post(action_url(article, "approve", current(state)), {"comment": ""})
    assert response.status_code == 403 and TOOK_STEP in text(response)
    response = client.post(f"/admin/pages/{article.pk}/edit/", workflow_action_form(article, "approve"))
    assert response.status_code == 403 and TOOK_STEP in text(response)
    assert step_name(state) == "HeadTask"
    client.force_login(users["head"])
    assert client.post(action_url(article, "approve", current(state)), {"comment": ""}).status_code == 302
    assert Page.objects.get(pk=article.pk).live


def test_the_deputy_step_waits_for_a_deputy_four_eyes_leave_free(board, client):
    """Another secretary checked the item: dinh, the section's deputy, takes the deputy step as before."""
    sections, users = board
    article = write(sections["tin-tuc"], users["ctv"])
    state = submit(article, users["ctv"])
    client.force_login(users["secretary"])
    client.post(action_url(article, "approve", current(state)), {"comment": ""})
    assert step_name(state) == "SectionDeputyTask"
    assert actions(state, users["dinh"]) == ["reject", "approve", "approve"]


def test_the_acting_head_cannot_approve_what_they_approved_as_deputy(board, client):
    sections, users = board
    article = write(sections["tin-tuc"], users["ctv"])
    state = submit(article, users["ctv"])
    client.force_login(users["secretary"])
    client.post(action_url(article, "approve", current(state)), {"comment": ""})
    client.force_login(users["dinh"])
    client.post(action_url(article, "approve", current(state)), {"comment": ""})
    assert step_name(state) == "HeadTask"
    today = datetime.date.today()
    delegation = HeadDelegation.objects.create(
        board=EditorialBoard.objects.get(),
        delegate=users["dinh"],
        starts_on=today,
        ends_on=today,
        reason="Đi công tác",
    )
    assert actions(state, users["dinh"]) == []
    response = client.post(action_url(article, "approve", current(state)), {"comment": ""})
    assert (
        response.status_code == 403
        and "Bạn đã làm bước «Phó trưởng ban phụ trách chuyên mục duyệt" in text(response)
    )

    delegation.delegate = users["cai"]  # a deputy who took no step of it stands in instead
    delegation.save()
    client.force_login(users["cai"])
    assert client.post(action_url(article, "approve", current(state)), {"comment": ""}).status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED and Page.objects.get(pk=article.pk).live


def test_on_action_itself_refuses_whatever_calls_it(board):
    sections, users = board
    article = write(sections["tin-tuc"], users["secretary"])
    state = submit(article, users["secretary"])
    task_state = current(state)
    with pytest.raises(PermissionDenied, match="Bạn là người viết"):
        task_state.task.specific.on_action(task_state, users["secretary"], "approve")
    assert current(state).status == "in_progress"


def test_an_action_url_naming_another_items_step_is_refused(board, client):
    sections, users = board
    mine = write(sections["tin-tuc"], users["secretary"], title="Bài của thư ký")
    other = write(sections["tin-tuc"], users["ctv"], title="Bài của cộng tác viên")
    mine_state, other_state = submit(mine, users["secretary"]), submit(other, users["ctv"])
    client.force_login(users["secretary"])
    # The URL names an item the secretary may approve and the step of one they may not.
    response = client.post(action_url(other, "approve", current(mine_state)), {"comment": ""})
    assert response.status_code == 403 and "không còn chờ bước" in text(response)
    assert current(mine_state).status == "in_progress" and current(other_state).status == "in_progress"


# The dashboard, the editor and the emails -----------------------------------------------------------------
def test_the_dashboard_offers_only_the_steps_a_person_may_take(board, client):
    sections, users = board
    article = write(sections["tin-tuc"], users["secretary"])
    state = submit(article, users["secretary"])
    approve = action_url(article, "approve", current(state))
    assert str(article.pk) not in reviewable(users["secretary"])
    assert str(article.pk) in reviewable(users["dinh"])
    client.force_login(users["secretary"])
    assert approve not in text(client.get("/admin/"))
    client.force_login(users["dinh"])
    assert approve in text(client.get("/admin/"))
    client.post(approve, {"comment": ""})
    assert str(article.pk) not in reviewable(users["dinh"])  # the deputy step is someone else's now
    assert action_url(article, "approve", current(state)) not in text(client.get("/admin/"))


def test_the_editor_tells_a_refused_approver_why_and_keeps_the_item_locked(board, client):
    sections, users = board
    article = write(sections["tin-tuc"], users["secretary"])
    state = submit(article, users["secretary"])
    task = current(state).task.specific
    assert task.locked_for_user(article, users["secretary"]) and not task.user_can_access_editor(
        article, users["secretary"]
    )
    assert not task.locked_for_user(article, users["dinh"])
    client.force_login(users["secretary"])
    page = text(client.get(f"/admin/pages/{article.pk}/edit/"))
    assert WROTE in page and 'data-workflow-action-name="approve"' not in page
    client.force_login(users["dinh"])
    assert 'data-workflow-action-name="approve"' in text(client.get(f"/admin/pages/{article.pk}/edit/"))


def test_the_editors_workflow_button_still_works_for_a_distinct_approver(board, client):
    sections, users = board
    article = write(sections["tin-tuc"], users["ctv"])
    state = submit(article, users["ctv"])
    client.force_login(users["secretary"])
    response = client.post(f"/admin/pages/{article.pk}/edit/", workflow_action_form(article, "approve"))
    assert response.status_code == 302
    assert step_name(state) == "SectionDeputyTask"


def test_no_email_or_reminder_asks_someone_to_approve_what_they_may_not(board, mailoutbox):
    sections, users = board
    article = write(sections["tin-tuc"], users["ctv"])
    article.intro = "Bản thư ký đã sửa trước khi gửi."
    article.save_revision(user=users["secretary"])
    submit(article, users["ctv"])
    assert [message.to for message in mailoutbox] == [["dinh@example.gov.vn"]]
    (late,) = late_items(now=timezone.now() + datetime.timedelta(days=30))
    assert late["approvers"] == [users["dinh"]]


# Legal documents (snippets) ------------------------------------------------------------------------------
def test_a_legal_document_follows_the_same_rules_on_the_snippet_routes(board, client):
    _sections, users = board
    document = LegalDocumentFactory(number="12/2026/QĐ-UBND", live=False)
    document.save_revision(user=users["secretary"])  # the secretary wrote it and sends it
    state = submit(document, users["secretary"])
    task_state = current(state)
    client.force_login(users["secretary"])
    response = client.post(action_url(document, "approve", task_state), {"comment": ""})
    assert response.status_code == 403 and "Bạn là người viết" in text(response)
    data = legal_document_form(
        "action-workflow-action", number=document.number, **{"workflow-action-name": "approve"}
    )
    response = client.post(f"{LEGAL_LIST_URL}edit/{document.pk}/", data)
    assert response.status_code == 403 and "Bạn là người viết" in text(response)
    assert current(state).pk == task_state.pk and task_state.status == "in_progress"

    # Distinct people: another secretary, the deputy of van-ban, the head.
    for username, step in (("dinh", "SecretariatTask"), ("cai", "SectionDeputyTask"), ("head", "HeadTask")):
        assert step_name(state) == step
        client.force_login(users[username])
        assert (
            client.post(action_url(document, "approve", current(state)), {"comment": ""}).status_code == 302
        )
    document.refresh_from_db()
    assert document.live
