"""Questions and petitions in the admin: the status flow from the form to the published answer, the
out-of-scope notice, who may do what, the 15-working-day deadline, the attachment, the inbox list."""

import datetime
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.models import Page, Site, WorkflowState

from core.tests.factories import HomePageFactory, SubjectAreaFactory
from editorial.models import BoardMember, Holiday
from feedback.enums import QuestionEventKind, QuestionStatus
from feedback.models import AnsweredQuestionPage, FieldResponsibility, Question, QuestionEvent
from feedback.tests.factories import (
    QUESTION_BOARD,
    QuestionFactory,
    QuestionIndexPageFactory,
    guard_fields,
    load_question_board,
)
from tests.email_checks import check_email

pytestmark = pytest.mark.django_db
INBOX = "/admin/hoi-dap/"


@pytest.fixture
def index(home_page):
    return QuestionIndexPageFactory(parent=home_page)


@pytest.fixture
def users(index, tmp_path):
    return load_question_board(tmp_path)


@pytest.fixture
def field(db):
    return SubjectAreaFactory(name="Đăng ký doanh nghiệp", slug="dang-ky-doanh-nghiep")


def detail(question):
    return f"/admin/hoi-dap/{question.pk}/"


def act(client, user, question, action, **data):
    client.force_login(user)
    return client.post(detail(question), {"action": action, **data})


def mails_to(address):
    return [message for message in mail.outbox if address in message.to]


def approve(page, user):
    """Approve the page's current workflow step as `user` (the board's moderation path)."""
    state = WorkflowState.objects.get(
        base_content_type__isnull=False, object_id=str(page.pk), status="in_progress"
    )
    task_state = state.current_task_state
    task = task_state.task.specific
    assert "approve" in [name for name, _label, _modal in task.get_actions(page, user)], (task, user)
    task.on_action(task_state, user, "approve")


def test_the_full_status_flow_from_the_form_to_the_published_answer(
    client, index, users, field, django_capture_on_commit_callbacks
):
    member = BoardMember.objects.get(user=users["thanh.vien"])
    FieldResponsibility.objects.create(member=member, field=field)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/hoi-dap/gui-cau-hoi/",
            {
                "name": "Nguyễn Văn Bình",
                "address": "Số 7 đường Hùng Vương",
                "email": "binh.nv@example.vn",
                "field": str(field.pk),
                "title": "Thủ tục đăng ký hộ kinh doanh",
                "content": "Tôi muốn mở quán cà phê thì cần giấy tờ gì?",
                "consent": "on",
                **guard_fields(),
            },
        )
    question = Question.objects.get()
    assert question.code in response.content.decode() and question.status == QuestionStatus.NEW

    # The secretary classifies, then routes: the member responsible for the field is suggested.
    secretary, answerer = users["thu.ky"], users["thanh.vien"]
    with django_capture_on_commit_callbacks(execute=True):
        act(client, secretary, question, "classify", field=field.pk)
        page_html = client.get(detail(question)).content.decode()
        assert "Gợi ý theo phân công lĩnh vực" in page_html and "Hoàng Thị Lan" in page_html
        assert f'<option value="{answerer.pk}" selected>' in page_html
        act(client, secretary, question, "route", assignee=answerer.pk)
    question.refresh_from_db()
    assert question.status == QuestionStatus.ROUTED and question.assigned_to == answerer
    assert question.classified_at and question.routed_at
    assert mails_to(answerer.email) and question.code in mails_to(answerer.email)[0].subject
    check_email(mails_to(answerer.email)[0])

    # The member drafts, then sends the answer for approval: a draft Q&A page enters the workflow.
    act(client, answerer, question, "save_reply", reply="Bản nháp")
    question.refresh_from_db()
    assert question.reply == "Bản nháp" and question.status == QuestionStatus.ROUTED
    reply = "Ông/Bà nộp hồ sơ tại Ủy ban nhân dân xã.\n\nThời hạn: 03 ngày làm việc <b>kể từ</b> ngày nhận."
    act(client, answerer, question, "send_reply", reply=reply)
    question.refresh_from_db()
    page = question.published_page
    assert question.status == QuestionStatus.ANSWERED and question.answered_at
    assert isinstance(page, AnsweredQuestionPage) and not page.live and page.get_parent().pk == index.pk
    assert page.question == question.content and page.subject_area == field and page.owner == answerer
    assert "&lt;b&gt;kể từ&lt;/b&gt;" in page.answer and "<p>Thời hạn" in page.answer
    assert client.get("/hoi-dap/").content.decode().count("qa-item") == 0
    assert "(chờ duyệt)" in client.get(detail(question)).content.decode()

    # The board approves through its workflow (secretariat, head): the page goes live, the sender is told.
    with django_capture_on_commit_callbacks(execute=True):
        approve(page, secretary)
        approve(page, users["truong.ban"])
    page = Page.objects.get(pk=page.pk).specific
    question.refresh_from_db()
    assert page.live and question.status == QuestionStatus.PUBLISHED and question.published_at
    sender_mails = mails_to("binh.nv@example.vn")
    assert len(sender_mails) == 2 and page.full_url in sender_mails[1].body
    statuses = [(e.from_status, e.to_status) for e in question.events.filter(kind=QuestionEventKind.STATUS)]
    assert statuses == [
        ("", "new"),
        ("new", "classified"),
        ("classified", "routed"),
        ("routed", "answered"),
        ("answered", "published"),
    ]
    assert question.events.filter(kind=QuestionEventKind.REPLY, actor=answerer).count() == 1
    listing = client.get("/hoi-dap/").content.decode()
    assert "Thủ tục đăng ký hộ kinh doanh" in listing
    lookup = client.post("/hoi-dap/tra-cuu/", {"code": question.code, "email": "binh.nv@example.vn"})
    assert "Đã đăng" in lookup.content.decode() and "03 ngày làm việc" in lookup.content.decode()


def test_out_of_scope_closes_the_question_and_mails_the_reason_at_once(
    client, index, users, django_capture_on_commit_callbacks
):
    question = QuestionFactory(page=index)
    with django_capture_on_commit_callbacks(execute=True):
        response = act(
            client, users["thu.ky"], question, "out_of_scope", reason="Thuộc thẩm quyền của Công an tỉnh."
        )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == QuestionStatus.OUT_OF_SCOPE
    [notice] = mails_to(question.email)
    assert "không thuộc phạm vi" in notice.subject and "Thuộc thẩm quyền của Công an tỉnh." in notice.body
    assert question.code in notice.body
    event = question.events.get(to_status=QuestionStatus.OUT_OF_SCOPE)
    assert event.actor == users["thu.ky"] and event.note == "Thuộc thẩm quyền của Công an tỉnh."


def test_out_of_scope_needs_a_reason(client, index, users):
    question = QuestionFactory(page=index)
    response = act(client, users["thu.ky"], question, "out_of_scope", reason="")
    assert response.status_code == 400 and "Hãy nêu lý do" in response.content.decode()
    question.refresh_from_db()
    assert question.status == QuestionStatus.NEW and not mail.outbox


def test_spam_is_closed_without_mail(client, index, users, django_capture_on_commit_callbacks):
    question = QuestionFactory(page=index)
    with django_capture_on_commit_callbacks(execute=True):
        act(client, users["thu.ky"], question, "spam")
    question.refresh_from_db()
    assert question.status == QuestionStatus.SPAM and not mail.outbox


def test_steps_out_of_order_are_refused_with_a_message(client, index, users, field):
    question = QuestionFactory(page=index, field=field)
    response = act(client, users["thu.ky"], question, "route", assignee=users["thanh.vien"].pk)
    assert response.status_code == 302
    messages = client.get(detail(question)).content.decode()
    assert "không thể chuyển sang «Đã chuyển»" in messages
    question.refresh_from_db()
    assert question.status == QuestionStatus.NEW and question.assigned_to is None


def test_internal_notes_go_to_the_history_never_to_the_sender(client, index, users):
    question = QuestionFactory(page=index)
    act(client, users["thu.ky"], question, "note", note="Đã gọi điện xác minh với người hỏi.")
    note = QuestionEvent.objects.get(kind=QuestionEventKind.NOTE)
    assert note.actor == users["thu.ky"] and note.question == question
    assert "Đã gọi điện xác minh" in client.get(detail(question)).content.decode()
    lookup = client.post("/hoi-dap/tra-cuu/", {"code": question.code, "email": question.email})
    assert "Đã gọi điện xác minh" not in lookup.content.decode() and not mail.outbox


# Who may do what ------------------------------------------------------------------------------------------
def test_anonymous_visitors_are_sent_to_the_login(client, index):
    question = QuestionFactory(page=index)
    for url in (INBOX, detail(question), f"{detail(question)}tep-dinh-kem/"):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_contributor_sees_no_inbox_no_question_and_no_attachment(client, index, users):
    question = QuestionFactory(page=index, attachment=SimpleUploadedFile("don.pdf", b"%PDF-1.4\n%%EOF\n"))
    client.force_login(users["ctv"])
    for url in (INBOX, detail(question), f"{detail(question)}tep-dinh-kem/"):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Không có quyền" in response.content.decode() or "không có quyền" in response.content.decode()
    assert act(client, users["ctv"], question, "classify", field=question.field_id).status_code == 403
    assert "Hỏi đáp" not in [item.label for item in _menu(client)]


def _menu(client):
    from wagtail.admin.menu import admin_menu

    request = client.get(INBOX).wsgi_request
    return admin_menu.menu_items_for_request(request)


def test_only_the_assigned_member_answers_and_only_the_secretariat_routes(client, index, users, field):
    question = QuestionFactory(
        page=index, field=field, status=QuestionStatus.ROUTED, assigned_to=users["thanh.vien"]
    )
    other = users["thanh.vien.khac"]
    client.force_login(other)
    assert client.get(detail(question)).status_code == 403
    assert act(client, other, question, "send_reply", reply="Trả lời thay").status_code == 403
    assert act(client, users["thu.ky"], question, "send_reply", reply="Thư ký trả lời").status_code == 403
    assert act(client, users["thanh.vien"], question, "classify", field=field.pk).status_code == 403
    assert act(client, users["thanh.vien"], question, "out_of_scope", reason="Không").status_code == 403
    question.refresh_from_db()
    assert question.status == QuestionStatus.ROUTED and question.reply == ""
    # The member's inbox lists the questions routed to them, and only those.
    QuestionFactory(page=index, title="Câu hỏi chưa chuyển")
    client.force_login(users["thanh.vien"])
    html = client.get(INBOX).content.decode()
    assert question.code in html and "Câu hỏi chưa chuyển" not in html
    client.force_login(users["thu.ky"])
    html = client.get(INBOX).content.decode()
    assert question.code in html and "Câu hỏi chưa chuyển" in html


def test_a_secretary_of_another_site_sees_nothing_of_this_sites_questions(client, index, users, tmp_path):
    question = QuestionFactory(page=index)
    commune_home = HomePageFactory(parent=Page.get_first_root_node(), title="Xã Tân Lập", slug="xa-tan-lap")
    Site.objects.create(hostname="xa.example", root_page=commune_home, site_name="Xã Tân Lập")
    commune = tmp_path / "commune"
    commune.mkdir()
    load_question_board(
        commune,
        "site: xa.example\nmembers:\n  - {username: head.xa, full_name: Lò Văn Xã, roles: [head]}\n"
        "  - {username: thu.ky.xa, full_name: Vi Thị Xã, roles: [secretary]}\n",
    )
    from django.contrib.auth import get_user_model

    commune_secretary = get_user_model().objects.get(username="thu.ky.xa")
    client.force_login(commune_secretary)
    assert question.code not in client.get(INBOX).content.decode()
    assert client.get(detail(question)).status_code == 403
    assert act(client, commune_secretary, question, "spam").status_code == 403


def test_staff_with_access_download_the_attachment_as_a_file(client, index, users):
    question = QuestionFactory(page=index, attachment=SimpleUploadedFile("don.pdf", b"%PDF-1.4\n%%EOF\n"))
    client.force_login(users["thu.ky"])
    response = client.get(f"{detail(question)}tep-dinh-kem/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="don.pdf"')
    assert b"".join(response.streaming_content) == b"%PDF-1.4\n%%EOF\n"


# The deadline and the inbox list ----------------------------------------------------------------------------
def local(*args):
    return timezone.make_aware(datetime.datetime(*args))


def test_the_answer_is_due_15_working_days_after_receipt_and_late_questions_stand_out(client, index, users):
    Holiday.objects.create(day=datetime.date(2026, 3, 10), name="Ngày nghỉ bù")
    received = local(2026, 3, 2, 9, 0)  # a Monday
    question = QuestionFactory(page=index, received_at=received)
    # Three weeks of working days, one holiday: Tuesday 24/03 at the same hour.
    assert question.due_at == local(2026, 3, 24, 9, 0)
    assert not question.is_overdue(now=local(2026, 3, 24, 8, 59))
    assert question.is_overdue(now=local(2026, 3, 24, 9, 1))
    answered = QuestionFactory(page=index, received_at=received, status=QuestionStatus.ANSWERED)
    fresh = QuestionFactory(page=index)
    assert not answered.is_overdue() and not fresh.is_overdue()
    assert set(Question.objects.overdue()) == {question}
    client.force_login(users["thu.ky"])
    html = client.get(INBOX, {"han": "qua-han"}).content.decode()
    assert question.code in html and answered.code not in html and fresh.code not in html
    row = re.search(r"<tr[^>]*question-overdue[^>]*>.*?</tr>", html, re.S).group(0)
    assert question.code in row and "Quá hạn" in row
    assert "Quá hạn 15 ngày làm việc" in client.get(detail(question)).content.decode()


def test_the_inbox_filters_by_status_and_field_and_searches_codes(client, index, users, field):
    new = QuestionFactory(page=index, field=field)
    routed = QuestionFactory(page=index, status=QuestionStatus.ROUTED)
    client.force_login(users["thu.ky"])
    html = client.get(INBOX, {"status__exact": "routed"}).content.decode()
    assert routed.code in html and new.code not in html
    html = client.get(INBOX, {"field__id__exact": field.pk}).content.decode()
    assert new.code in html and routed.code not in html
    html = client.get(INBOX, {"q": new.code}).content.decode()
    assert new.code in html and routed.code not in html
    html = client.get(INBOX, {"tuoi": "7"}).content.decode()
    assert new.code in html and routed.code in html


def test_the_secretary_keeps_the_field_responsibilities_and_a_contributor_cannot(client, index, users, field):
    member = BoardMember.objects.get(user=users["thanh.vien"])
    client.force_login(users["thu.ky"])
    response = client.post("/admin/hoi-dap-phan-cong/new/", {"member": member.pk, "field": field.pk})
    assert response.status_code == 302, response.content.decode()[:3000]
    assert FieldResponsibility.objects.filter(member=member, field=field).exists()
    assert "Hoàng Thị Lan" in client.get("/admin/hoi-dap-phan-cong/").content.decode()
    client.force_login(users["ctv"])
    assert client.get("/admin/hoi-dap-phan-cong/").status_code == 403


def test_the_board_file_lists_the_fields_each_member_answers(index, users, field, tmp_path):
    from editorial.board_file import BoardFileError, load_board_file

    other_field = SubjectAreaFactory(slug="hop-tac-xa")
    kept = FieldResponsibility.objects.create(
        member=BoardMember.objects.get(user=users["thanh.vien.khac"]), field=other_field
    )
    with_fields = QUESTION_BOARD.replace(
        "roles: [member]}\n", "roles: [member], fields: [dang-ky-doanh-nghiep, hop-tac-xa]}\n", 1
    )
    path = tmp_path / "fields.yaml"
    path.write_text(with_fields, encoding="utf-8")
    load_board_file(path)
    lan = BoardMember.objects.get(user=users["thanh.vien"])
    assert set(FieldResponsibility.objects.filter(member=lan).values_list("field__slug", flat=True)) == {
        "dang-ky-doanh-nghiep",
        "hop-tac-xa",
    }
    assert FieldResponsibility.objects.filter(pk=kept.pk).exists()  # no 'fields' key: the admin's rows stay
    assert load_board_file(path).changes == []
    path.write_text(with_fields.replace("dang-ky-doanh-nghiep, hop-tac-xa", "hop-tac-xa"), encoding="utf-8")
    load_board_file(path)
    assert list(FieldResponsibility.objects.filter(member=lan).values_list("field__slug", flat=True)) == [
        "hop-tac-xa"
    ]
    path.write_text(with_fields.replace("hop-tac-xa]", "khong-co]"), encoding="utf-8")
    with pytest.raises(BoardFileError, match="không có lĩnh vực 'khong-co'"):
        load_board_file(path)
