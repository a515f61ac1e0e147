"""Questions and petitions, the public side: the form, the tracking code, the lookup, the published Q&A, and
what the public never sees (the sender's personal data)."""

import re
import unicodedata
from unittest import mock

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from core.tests.factories import SubjectAreaFactory
from editorial.calendar import add_working_days
from feedback.enums import QuestionEventKind, QuestionStatus
from feedback.inbox import mark_out_of_scope
from feedback.models import Question
from feedback.models.questions import CODE_ALPHABET, new_code
from feedback.questions import NOT_FOUND
from feedback.tests.factories import (
    AnsweredQuestionPageFactory,
    QuestionFactory,
    QuestionIndexPageFactory,
    guard_fields,
)
from operations.models import OutgoingMail
from operations.tests.mail_backends import REFUSING_BACKEND
from tests.email_checks import check_email

pytestmark = pytest.mark.django_db
ASK = "/hoi-dap/gui-cau-hoi/"
LOOKUP = "/hoi-dap/tra-cuu/"


@pytest.fixture
def index(home_page):
    return QuestionIndexPageFactory(parent=home_page)


@pytest.fixture
def field(db):
    return SubjectAreaFactory(name="Đăng ký doanh nghiệp", slug="dang-ky-doanh-nghiep")


def form_data(field, **extra):
    return {
        "name": "Nguyễn Văn Bình",
        "address": "Số 7 đường Hùng Vương, phường Trung Tâm",
        "email": "binh.nv@example.vn",
        "phone": "0987 654 321",
        "field": str(field.pk),
        "title": "Thủ tục đăng ký hộ kinh doanh",
        "content": "Tôi muốn mở quán cà phê tại nhà thì cần giấy tờ gì, nộp ở đâu?",
        "consent": "on",
        **guard_fields(),
        **extra,
    }


def tracking_code(response):
    return re.search(r'data-tracking-code="(HD-[0-9A-Z]{10})"', response.content.decode()).group(1)


def test_the_form_shows_every_field_a_hidden_honeypot_and_the_captcha(client, index, field):
    html = client.get(ASK).content.decode()
    for name in ("name", "address", "email", "phone", "field", "title", "content", "attachment", "consent"):
        assert f'name="{name}"' in html
    assert 'class="hp-field" aria-hidden="true"' in html and 'name="website"' in html
    assert 'name="captcha_1"' in html and 'name="form_started"' in html
    assert "csrfmiddlewaretoken" in html and field.name in html


def test_a_question_is_stored_nfc_with_its_history_and_mail_and_the_code_is_shown(
    client, index, field, django_capture_on_commit_callbacks
):
    decomposed = unicodedata.normalize("NFD", "Thủ tục đăng ký hộ kinh doanh")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ASK, form_data(field, title=decomposed))
    assert response.status_code == 200
    code = tracking_code(response)
    question = Question.objects.get()
    assert question.code == code and question.status == QuestionStatus.NEW
    assert question.title == unicodedata.normalize("NFC", decomposed) and question.field == field
    assert question.page.pk == index.pk and question.consent
    assert question.due_at == add_working_days(question.received_at, 15)
    event = question.events.get()
    assert (event.kind, event.to_status, event.actor) == (QuestionEventKind.STATUS, QuestionStatus.NEW, None)
    [message] = mail.outbox
    assert message.to == ["binh.nv@example.vn"] and code in message.subject and code in message.body
    assert "http://localhost/hoi-dap/tra-cuu/" in message.body
    check_email(message)
    assert OutgoingMail.objects.get().sent_at is not None


def test_tracking_codes_are_random_crockford_and_a_collision_draws_again(client, index, field):
    codes = {new_code() for _ in range(500)}
    assert len(codes) == 500
    assert all(re.fullmatch(f"HD-[{CODE_ALPHABET}]{{10}}", code) for code in codes)
    taken = QuestionFactory(page=index, field=field).code
    with mock.patch("feedback.inbox.new_code", side_effect=[taken, "HD-ABCDEFGH12"]):
        response = client.post(ASK, form_data(field))
    assert tracking_code(response) == "HD-ABCDEFGH12"
    assert Question.objects.count() == 2


def test_consent_is_required(client, index, field):
    data = form_data(field)
    del data["consent"]
    response = client.post(ASK, data)
    assert "Cần đồng ý xử lý dữ liệu cá nhân" in response.content.decode()
    assert not Question.objects.exists()


def test_over_length_text_is_refused(client, index, field):
    response = client.post(ASK, form_data(field, content="a" * 5001))
    assert response.status_code == 200 and not Question.objects.exists()
    assert "tối đa 5000 ký tự" in response.content.decode() or "5000" in response.content.decode()


def test_the_honeypot_rejects_and_nothing_is_stored(client, index, field):
    response = client.post(ASK, form_data(field, website="http://ban-hang.example"))
    assert "Không gửi được biểu mẫu" in response.content.decode()
    assert not Question.objects.exists() and not OutgoingMail.objects.exists()


def test_the_sixth_submission_in_ten_minutes_gets_429_in_vietnamese(client, index, field, settings):
    settings.FEEDBACK_RATE_LIMIT = "5/600"
    for number in range(5):
        assert client.post(ASK, form_data(field, title=f"Câu hỏi số {number}")).status_code == 200
    response = client.post(ASK, form_data(field, title="Câu hỏi thứ sáu"))
    assert response.status_code == 429
    assert "Bạn đã gửi quá nhiều lần" in response.content.decode()
    assert Question.objects.count() == 5


def test_the_lookup_is_rate_limited_too(client, index, settings):
    """Misses count (guessing codes); one office address looking up real questions is never locked out."""
    settings.FEEDBACK_RATE_LIMIT = "5/600"
    mine = QuestionFactory(page=index, email="toi@example.vn")
    for _ in range(12):
        assert client.post(LOOKUP, {"code": mine.code, "email": "toi@example.vn"}).status_code == 200
    for _ in range(5):
        assert client.post(LOOKUP, {"code": "HD-0000000000", "email": "a@example.vn"}).status_code == 200
    assert client.post(LOOKUP, {"code": "HD-0000000000", "email": "a@example.vn"}).status_code == 429
    assert client.post(LOOKUP, {"code": mine.code, "email": "toi@example.vn"}).status_code == 429


def pdf_upload(name="don.pdf", data=b"%PDF-1.4\n%%EOF\n"):
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def test_a_disguised_attachment_is_refused_with_a_clear_message(client, index, field):
    upload = pdf_upload(data=b"<html><script>alert(1)</script></html>")
    response = client.post(ASK, form_data(field, attachment=upload))
    assert "không phải tệp PDF như tên của nó" in response.content.decode()
    assert not Question.objects.exists()


def test_an_oversize_attachment_is_refused_with_a_clear_message(client, index, field, settings):
    assert settings.FEEDBACK_MAX_ATTACHMENT_SIZE == 10 * 1024 * 1024  # the default cap, as the message says
    upload = pdf_upload(data=b"%PDF-1.4\n" + b"0" * settings.FEEDBACK_MAX_ATTACHMENT_SIZE)
    response = client.post(ASK, form_data(field, attachment=upload))
    assert "vượt mức tối đa 10,0\xa0MB" in response.content.decode()
    assert not Question.objects.exists()


def test_an_attachment_is_kept_outside_public_media(client, index, field):
    client.post(ASK, form_data(field, attachment=pdf_upload()))
    question = Question.objects.get()
    stored = question.attachment.path
    assert stored.startswith(str(settings.PRIVATE_MEDIA_ROOT)) and not stored.startswith(
        str(settings.MEDIA_ROOT)
    )
    assert client.get(f"/media/{question.attachment.name}").status_code == 404


# serialized_rollback: the data the flush after this test removes comes back for the next transactional test.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_failing_mail_server_loses_no_submission_and_the_code_is_still_shown(client, home_page, settings):
    settings.FEEDBACK_CAPTCHA = False
    settings.EMAIL_DELIVERY_BACKEND = REFUSING_BACKEND
    QuestionIndexPageFactory(parent=home_page)
    field = SubjectAreaFactory()
    response = client.post(ASK, form_data(field))
    assert response.status_code == 200
    code = tracking_code(response)
    assert Question.objects.get().code == code
    pending = OutgoingMail.objects.get()
    assert pending.sent_at is None and "SMTP down" in pending.last_error and code in pending.body


# The lookup -------------------------------------------------------------------------------------------------
def lookup(client, code, email):
    return client.post(LOOKUP, {"code": code, "email": email}).content.decode()


def test_the_lookup_shows_only_the_submission_whose_code_and_email_match(client, index):
    mine = QuestionFactory(page=index, title="Câu hỏi của tôi", email="toi@example.vn")
    other = QuestionFactory(page=index, title="Câu hỏi của người khác", email="khac@example.vn")
    html = lookup(client, mine.code, "TOI@example.vn")
    assert "Câu hỏi của tôi" in html and "Mới" in html and NOT_FOUND not in html
    assert "Câu hỏi của người khác" not in html
    assert mine.name not in html and mine.phone not in html and mine.address not in html
    typed = mine.code.removeprefix("HD-").lower()
    assert "Câu hỏi của tôi" in lookup(client, f" {typed} ", "toi@example.vn")
    for code, email in (
        (mine.code, "khac@example.vn"),
        (other.code, "toi@example.vn"),
        ("HD-0000000000", "toi@example.vn"),
    ):
        html = lookup(client, code, email)
        assert NOT_FOUND in html and "Câu hỏi của" not in html


def test_the_lookup_shows_the_reason_of_an_out_of_scope_question(
    client, index, django_capture_on_commit_callbacks
):
    question = QuestionFactory(page=index)
    with django_capture_on_commit_callbacks(execute=True):
        mark_out_of_scope(question, None, "Thuộc thẩm quyền của Ủy ban nhân dân xã.")
    html = lookup(client, question.code, question.email)
    assert "Ngoài phạm vi" in html and "Thuộc thẩm quyền của Ủy ban nhân dân xã." in html


# Published Q&A ----------------------------------------------------------------------------------------------
def test_the_published_list_is_searchable_without_diacritics_filterable_and_paginated(client, index, field):
    other = SubjectAreaFactory(name="Đầu tư công", slug="dau-tu-cong")
    AnsweredQuestionPageFactory(parent=index, title="Đăng ký hộ kinh doanh ở đâu?", subject_area=field)
    AnsweredQuestionPageFactory(
        parent=index, title="Giải ngân vốn đầu tư công", subject_area=other, question="Khi nào giải ngân?"
    )
    draft = AnsweredQuestionPageFactory(
        parent=index, title="Đăng ký chưa duyệt", subject_area=field, live=False
    )
    html = client.get("/hoi-dap/").content.decode()
    assert "Đăng ký hộ kinh doanh ở đâu?" in html and "Giải ngân vốn đầu tư công" in html
    assert draft.title not in html
    html = client.get("/hoi-dap/", {"q": "dang ky ho kinh doanh"}).content.decode()
    assert "Đăng ký hộ kinh doanh ở đâu?" in html and "Giải ngân" not in html
    html = client.get("/hoi-dap/", {"field": "dau-tu-cong"}).content.decode()
    assert "Giải ngân vốn đầu tư công" in html and "Đăng ký hộ kinh doanh" not in html
    for number in range(10):
        AnsweredQuestionPageFactory(
            parent=index, title=f"Câu hỏi cũ số {number}", subject_area=other, question="?"
        )
    second = client.get("/hoi-dap/", {"field": "dau-tu-cong", "page": 2}).content.decode()
    assert second.count('class="qa-item"') == 1 and "?field=dau-tu-cong&amp;page=1" in second


def test_an_answered_page_shows_question_answer_field_and_dates(client, index, field):
    page = AnsweredQuestionPageFactory(parent=index, subject_area=field)
    html = client.get(page.url).content.decode()
    assert page.question in html and "Trong 03 ngày làm việc" in html and field.name in html
    assert f"{page.answered_on:%d/%m/%Y}" in html and f"{page.asked_on:%d/%m/%Y}" in html


# The sender's personal data is never public -----------------------------------------------------------------
PRIVATE = {
    "name": "Phùng Thị Riêngtư",
    "address": "Ngõ 47 phố Bímậtxyz",
    "email": "rieng.tu.9471@example.vn",
    "phone": "0909 471 471",
}


def test_the_senders_personal_data_appears_nowhere_public(client, index, field, django_user_model):
    from feedback import inbox

    question = QuestionFactory(
        page=index,
        field=field,
        title="Thời hạn cấp giấy phép xây dựng nhà ở riêng lẻ",
        attachment=SimpleUploadedFile("ho-so-rieng.pdf", b"%PDF-1.4\n%%EOF\n"),
        **PRIVATE,
    )
    member = django_user_model.objects.create(username="tra.loi", first_name="Lan")
    inbox.classify(question, None, field)
    inbox.route(question, None, member)
    question = inbox.send_for_approval(question, member, "Trong 15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.")
    question.published_page.get_latest_revision().publish()
    question.refresh_from_db()
    assert question.status == QuestionStatus.PUBLISHED
    page = question.published_page

    pages = [
        client.get("/hoi-dap/"),
        client.get(page.url),
        client.get("/hoi-dap/", {"q": "giay phep xay dung"}),
        client.get(LOOKUP),
        client.get("/sitemap.xml"),
        client.get("/so-do-trang/"),
        client.get("/api/van-ban/", {"q": "Riêngtư"}),
    ]
    assert "Thời hạn cấp giấy phép xây dựng" in pages[1].content.decode()
    assert page.full_url in pages[4].content.decode()
    private_values = [*PRIVATE.values(), "0909471471", "ho-so-rieng", question.code]
    for response in pages:
        assert response.status_code == 200
        body = response.content.decode()
        for value in private_values:
            assert value not in body, (value, response.request["PATH_INFO"])

    found = client.get("/tim-kiem/", {"q": "giay phep xay dung nha o"})
    assert [result.pk for result in found.context["page_obj"].object_list] == [page.pk]
    for value in (*PRIVATE.values(), "Phung Thi Riengtu", "rieng tu 9471", "Bimatxyz"):
        response = client.get("/tim-kiem/", {"q": value})
        assert not response.context["page_obj"].object_list, value


def test_a_post_without_the_csrf_token_is_refused_and_nothing_is_stored(index, field):
    response = Client(enforce_csrf_checks=True).post(ASK, form_data(field))
    assert response.status_code == 403
    assert not Question.objects.exists() and not OutgoingMail.objects.exists()


def test_html_typed_into_the_form_comes_back_escaped(client, index, field):
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    response = client.post(ASK, form_data(field, title=payload, consent=""))  # refused: the form comes back
    html = response.content.decode()
    assert payload not in html and "&lt;script&gt;" in html
