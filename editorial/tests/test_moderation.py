"""The moderation path a board file sets up: secretariat -> deputy of the section -> head -> published."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, TaskState, WorkflowState

from core.tests.factories import StandardPageFactory
from editorial.board_file import load_board_file
from tests.email_checks import check_email
from users.tests.factories import SuperuserFactory

pytestmark = pytest.mark.django_db
BOARD = """
members:
  - {username: head, full_name: Trịnh Xuân Long, roles: [head]}
  - username: deputy.news
    full_name: Trần Trung Định
    email: dinh.tt@example.gov.vn
    roles: [standing_deputy]
    sections: [tin-tuc]
  - {username: deputy.reform, full_name: Phạm Văn Cải, roles: [deputy], approves: [cai-cach]}
  - {username: secretary, full_name: Lê Hoàng Trung, email: trung.lh@example.gov.vn, roles: [secretary]}
  - {username: author, full_name: Nguyễn Thị Viết, roles: [member], sections: [tin-tuc, cai-cach, gioi-thieu]}
"""


@pytest.fixture
def board(home_page, tmp_path):
    sections = {
        slug: StandardPageFactory(parent=home_page, slug=slug)
        for slug in ("tin-tuc", "cai-cach", "gioi-thieu")
    }
    path = Path(tmp_path) / "board.yaml"
    path.write_text(BOARD, encoding="utf-8")
    load_board_file(path)
    users = {user.username: user for user in get_user_model().objects.all()}
    return sections, users


def submit(section, author):
    page = StandardPageFactory(parent=section, title="Tin mới của tác giả", live=False)
    page.save_revision(user=author)
    workflow = page.get_workflow()
    assert workflow is not None
    return page, workflow.start(page, author)


def step(state):
    state.refresh_from_db()
    return state.current_task_state.task.specific


def act(state, user, action="approve", comment=""):
    task_state = state.current_task_state
    task = task_state.task.specific
    assert action in [name for name, _label, _form in task.get_actions(state.content_object, user)]
    task.on_action(task_state, user, action, comment=comment)
    state.refresh_from_db()


def test_full_path_secretariat_deputy_head_then_public(board, client):
    sections, users = board
    page, state = submit(sections["tin-tuc"], users["author"])
    assert type(step(state)).__name__ == "SecretariatTask"
    act(state, users["secretary"])
    assert type(step(state)).__name__ == "SectionDeputyTask"
    act(state, users["deputy.news"])
    assert type(step(state)).__name__ == "HeadTask"
    assert client.get(page.url or f"/tin-tuc/{page.slug}/").status_code == 404
    act(state, users["head"])
    assert state.status == WorkflowState.STATUS_APPROVED
    page = Page.objects.get(pk=page.pk)
    assert page.live and client.get(page.url).status_code == 200


def test_only_the_right_people_can_act_on_each_step(board):
    sections, users = board
    page, state = submit(sections["tin-tuc"], users["author"])
    task = step(state)
    for name in ("author", "deputy.news", "deputy.reform"):
        assert task.get_actions(page, users[name]) == []
    act(state, users["secretary"])
    task = step(state)
    assert task.get_actions(page, users["deputy.reform"]) == []  # not that deputy's section
    assert task.get_actions(page, users["secretary"]) == []
    act(state, users["deputy.news"])
    task = step(state)
    assert task.get_actions(page, users["secretary"]) == []  # a secretary never gives final approval
    assert task.get_actions(page, users["deputy.news"]) == []  # not delegated: the head decides


def test_a_delegated_deputys_approval_is_final_in_that_section_only(board):
    sections, users = board
    page, state = submit(sections["cai-cach"], users["author"])
    act(state, users["secretary"])
    act(state, users["deputy.reform"])
    assert state.status == WorkflowState.STATUS_APPROVED
    assert Page.objects.get(pk=page.pk).live
    head_step = state.task_states.get(task__name__startswith="Trưởng ban")
    assert head_step.status == TaskState.STATUS_SKIPPED


def test_the_deputy_step_is_skipped_where_no_deputy_is_assigned(board):
    sections, users = board
    page, state = submit(sections["gioi-thieu"], users["author"])
    act(state, users["secretary"])
    assert type(step(state)).__name__ == "HeadTask"
    assert state.task_states.get(task__name__startswith="Phó").status == TaskState.STATUS_SKIPPED


def test_rejection_goes_back_to_the_author_with_the_comment(board):
    """The run ends with the rejection (editorial.models.close_rejected_run): the author submits anew."""
    sections, users = board
    page, state = submit(sections["tin-tuc"], users["author"])
    act(state, users["secretary"], "reject", comment="Bổ sung nguồn tin.")
    assert state.status == WorkflowState.STATUS_CANCELLED
    assert Page.objects.get(pk=page.pk).current_workflow_state is None
    rejected = state.task_states.get(status=TaskState.STATUS_REJECTED)
    assert rejected.get_comment() == "Bổ sung nguồn tin."
    assert not Page.objects.get(pk=page.pk).live


def test_each_approver_sees_the_item_on_their_dashboard(board):
    sections, users = board
    page, state = submit(sections["tin-tuc"], users["author"])

    def waiting(user):
        return list(TaskState.objects.reviewable_by(user).values_list("workflow_state__object_id", flat=True))

    assert waiting(users["secretary"]) == [str(page.pk)]
    assert waiting(users["deputy.news"]) == [] and waiting(users["head"]) == []
    act(state, users["secretary"])
    assert waiting(users["deputy.news"]) == [str(page.pk)] and waiting(users["secretary"]) == []


def test_approvers_are_emailed_when_an_item_reaches_their_step(board, mailoutbox):
    sections, users = board
    page, state = submit(sections["tin-tuc"], users["author"])
    assert [message.to for message in mailoutbox] == [["trung.lh@example.gov.vn"]]
    assert "Tin mới của tác giả" in mailoutbox[0].subject
    check_email(mailoutbox[0])
    act(state, users["secretary"])
    assert mailoutbox[-1].to == ["dinh.tt@example.gov.vn"]


def test_an_acting_head_approves_only_inside_the_period_and_it_is_logged(board, client):
    import datetime

    from django.core.exceptions import ValidationError
    from wagtail.models import PageLogEntry

    from editorial.models import EditorialBoard, HeadDelegation

    sections, users = board
    page, state = submit(sections["gioi-thieu"], users["author"])
    act(state, users["secretary"])
    head_step = step(state)
    today = datetime.date.today()
    acting = users["deputy.news"]
    past = HeadDelegation.objects.create(
        board=EditorialBoard.objects.get(),
        delegate=acting,
        starts_on=today - datetime.timedelta(days=10),
        ends_on=today - datetime.timedelta(days=1),
        reason="Trưởng ban đi công tác",
    )
    assert head_step.get_actions(page, acting) == []  # the period is over
    past.ends_on = today + datetime.timedelta(days=2)
    past.save()
    assert head_step.get_actions(page, acting) != []
    act(state, acting)
    assert Page.objects.get(pk=page.pk).live
    entry = PageLogEntry.objects.get(page=page, action="editorial.on_behalf_of_head")
    assert entry.user == acting and entry.data["head"] == "Trịnh Xuân Long"

    outsider = get_user_model().objects.create(username="ngoai.ban")
    bad = HeadDelegation(
        board=past.board, delegate=outsider, starts_on=today, ends_on=today - datetime.timedelta(days=1)
    )
    with pytest.raises(ValidationError) as failure:
        bad.full_clean()
    assert "thành viên đang tham gia" in str(failure.value) and "Ngày kết thúc" in str(failure.value)


def test_every_board_action_is_in_the_audit_log_with_its_actor(board, client):
    """Submit, approve, reject, publish, unpublish, a delegation and the board file: each leaves an entry in
    Wagtail's audit log naming who acted (and, for the acting head, on whose behalf: test above)."""
    import datetime

    from wagtail.models import ModelLogEntry, PageLogEntry

    from editorial.models import HeadDelegation

    sections, users = board
    page, state = submit(sections["tin-tuc"], users["author"])
    act(state, users["secretary"], "reject", comment="Bổ sung nguồn tin")
    page.save_revision(user=users["author"])
    state = page.get_workflow().start(page, users["author"])  # the author resubmits after correcting
    for approver in ("secretary", "deputy.news", "head"):
        act(state, users[approver])
    # Live content leaves only through the board's removal path; a superuser alone unpublishes directly.
    root = SuperuserFactory(username="root")
    Page.objects.get(pk=page.pk).specific.unpublish(user=root)
    logged = PageLogEntry.objects.filter(page=page).exclude(user=None)
    entries = {(entry.action, entry.user.username) for entry in logged}
    assert {
        ("wagtail.workflow.start", "author"),
        ("wagtail.workflow.reject", "secretary"),
        ("wagtail.workflow.approve", "secretary"),
        ("wagtail.workflow.approve", "deputy.news"),
        ("wagtail.workflow.approve", "head"),
        ("wagtail.publish", "head"),
        ("wagtail.unpublish", "root"),
    } <= entries

    client.force_login(users["head"])
    today = datetime.date.today()
    response = client.post(
        "/admin/snippets/editorial/headdelegation/add/",
        {
            "board": board_id(),
            "delegate": users["deputy.news"].pk,
            "starts_on": today.isoformat(),
            "ends_on": (today + datetime.timedelta(days=5)).isoformat(),
            "reason": "Trưởng ban nghỉ phép",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    delegation = HeadDelegation.objects.get()
    created = ModelLogEntry.objects.get(action="wagtail.create", object_id=str(delegation.pk))
    assert created.user == users["head"]
    assert ModelLogEntry.objects.filter(action="editorial.board_file").exists()


def board_id():
    from editorial.models import EditorialBoard

    return EditorialBoard.objects.get().pk
