"""Consultations on drafts: the form only while open (to the second, in Asia/Ho_Chi_Minh), comments moderated
before anyone sees them, personal data never public, the drafting team's XLSX, and who may moderate."""

import datetime
import unicodedata
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from core.tests.factories import SubjectAreaFactory
from documents.tests import files
from editorial.tests.report_helpers import load_board, local, xlsx_rows
from feedback.enums import CommentStatus, ConsultationStatus
from feedback.models import ConsultationComment, ConsultationPage
from feedback.tests.factories import (
    BOARD,
    ConsultationCommentFactory,
    ConsultationIndexPageFactory,
    ConsultationPageFactory,
    guard_fields,
)
from operations.models import OutgoingMail
from portal.demo.consultations import load_demo
from tests.email_checks import check_email

pytestmark = pytest.mark.django_db

OPENS = local(2026, 12, 1, 8, 0)  # 01:00 UTC
CLOSES = local(2026, 12, 31, 17, 0)  # 10:00 UTC
UTC = datetime.UTC
COMMUNE_BOARD = """
site: xa-tan-lap.localhost
members:
  - {username: head.xa, full_name: Nguyễn Thị Hòa, roles: [head]}
  - {username: secretary.xa, full_name: Vũ Văn Xã, roles: [secretary]}
"""


@pytest.fixture
def index(home_page):
    return ConsultationIndexPageFactory(parent=home_page)


@pytest.fixture
def consultation(index):
    return ConsultationPageFactory(parent=index, slug="phan-cap-dau-tu", opens_at=OPENS, closes_at=CLOSES)


@pytest.fixture
def users(home_page, tmp_path):
    return load_board(BOARD, tmp_path)


def comment_data(**extra):
    return {
        "name": "Nguyễn Văn An",
        "organisation": "Hợp tác xã Phú Mỹ",
        "email": "an.nv@example.vn",
        "clause": "Điều 5, khoản 1",
        "content": "Đề nghị nâng mức phân cấp cho cấp xã.",
        **guard_fields(),
        **extra,
    }


def travel(moment):
    return time_machine.travel(moment, tick=False)


def test_the_boundaries_are_local_time():
    assert datetime.datetime(2026, 12, 1, 1, 0, tzinfo=UTC) == OPENS
    assert datetime.datetime(2026, 12, 31, 10, 0, tzinfo=UTC) == CLOSES


@pytest.mark.parametrize(
    ("moment", "status", "form_shown"),
    [
        (datetime.datetime(2026, 12, 1, 0, 59, 59, tzinfo=UTC), ConsultationStatus.UPCOMING, False),
        (datetime.datetime(2026, 12, 1, 1, 0, 0, tzinfo=UTC), ConsultationStatus.OPEN, True),
        (datetime.datetime(2026, 12, 31, 9, 59, 59, tzinfo=UTC), ConsultationStatus.OPEN, True),
        (datetime.datetime(2026, 12, 31, 10, 0, 0, tzinfo=UTC), ConsultationStatus.CLOSED, False),
    ],
    ids=["a second before opening", "at opening", "a second before closing", "at closing"],
)
def test_the_form_appears_only_while_open(client, consultation, moment, status, form_shown):
    with travel(moment):
        response = client.get(consultation.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'consultation-status--{status.value}">{status.label}' in html
    assert ('name="content"' in html) is form_shown
    assert ("Gửi ý kiến" in html) is form_shown


@pytest.mark.parametrize(
    ("moment", "message"),
    [
        (OPENS - datetime.timedelta(seconds=1), "chưa đến thời gian lấy ý kiến"),
        (CLOSES, "Đã hết thời gian lấy ý kiến"),
        (CLOSES + datetime.timedelta(days=3), "Đã hết thời gian lấy ý kiến"),
    ],
)
def test_a_comment_outside_the_period_is_refused_and_nothing_is_stored(client, consultation, moment, message):
    with travel(moment):
        response = client.post(consultation.url, comment_data())
    assert response.status_code == 403
    assert message in response.content.decode()
    assert not ConsultationComment.objects.exists()
    assert not OutgoingMail.objects.exists()


def test_a_comment_is_stored_pending_as_nfc_and_acknowledged_by_mail(
    client, consultation, django_capture_on_commit_callbacks
):
    decomposed = unicodedata.normalize("NFD", "Đề nghị bổ sung quy định về dự án nhóm C.")
    with travel(OPENS + datetime.timedelta(days=2)), django_capture_on_commit_callbacks(execute=True):
        response = client.post(consultation.url, comment_data(content=decomposed))
        thanks = client.get(response["Location"])
    assert response.status_code == 302 and response["Location"].endswith("?da-gui=1#gop-y")
    comment = ConsultationComment.objects.get()
    assert comment.status == CommentStatus.PENDING
    assert comment.content == unicodedata.normalize("NFC", decomposed)
    assert comment.consultation_id == consultation.pk
    assert "Cảm ơn Ông/Bà đã gửi ý kiến góp ý" in thanks.content.decode()
    assert comment.content not in thanks.content.decode()  # not public before moderation
    [message] = mail.outbox
    assert message.to == ["an.nv@example.vn"]
    assert consultation.title in message.subject
    assert "Tổ thư ký kiểm duyệt" in message.body and comment.content in message.body
    check_email(message)


def test_comments_are_hidden_until_approved_and_email_and_file_never_shown(client, consultation, users):
    pending = ConsultationCommentFactory(consultation=consultation, content="Ý kiến chờ duyệt về Điều 3.")
    ConsultationCommentFactory(
        consultation=consultation, content="Ý kiến bị từ chối.", status=CommentStatus.REJECTED
    )
    approved = ConsultationCommentFactory(
        consultation=consultation,
        content="Đề nghị làm rõ khái niệm vốn hỗn hợp.",
        email="lan.tt@example.vn",
        attachment=SimpleUploadedFile("y-kien-chi-tiet.pdf", files.pdf("Y kien")),
        status=CommentStatus.APPROVED,
    )
    with travel(OPENS + datetime.timedelta(days=2)):
        html = client.get(consultation.url).content.decode()
    assert approved.content in html and approved.name in html and approved.organisation in html
    assert approved.clause in html
    assert pending.content not in html and "Ý kiến bị từ chối." not in html
    assert "lan.tt@example.vn" not in html and "y-kien-chi-tiet" not in html
    assert not approved.attachment.path.startswith(str(settings.MEDIA_ROOT))

    client.force_login(users["secretary"])
    response = client.post(f"/admin/bulk/feedback/consultationcomment/approve/?id={pending.pk}", {})
    assert response.status_code == 302
    client.logout()
    pending.refresh_from_db()
    assert pending.status == CommentStatus.APPROVED and pending.moderated_by == users["secretary"]
    with travel(OPENS + datetime.timedelta(days=2)):
        assert pending.content in client.get(consultation.url).content.decode()


def test_the_honeypot_rejects_and_stores_nothing(client, consultation):
    with travel(OPENS + datetime.timedelta(hours=1)):
        response = client.post(consultation.url, comment_data(website="http://quang-cao.example"))
    assert response.status_code == 200
    assert "Không gửi được biểu mẫu" in response.content.decode()
    assert not ConsultationComment.objects.exists()


def test_the_rate_limit_answers_429_in_vietnamese(client, consultation, settings):
    settings.FEEDBACK_RATE_LIMIT = "2/600"
    with travel(OPENS + datetime.timedelta(hours=1)):
        statuses = [client.post(consultation.url, comment_data()).status_code for _ in range(3)]
        last = client.post(consultation.url, comment_data())
    assert statuses == [302, 302, 429]
    assert "Bạn đã gửi quá nhiều lần" in last.content.decode()
    assert ConsultationComment.objects.count() == 2


def test_a_disguised_attachment_is_refused_with_a_clear_message(client, consultation):
    disguised = SimpleUploadedFile("gop-y.pdf", b"<html><script>alert(1)</script></html>")
    with travel(OPENS + datetime.timedelta(hours=1)):
        response = client.post(consultation.url, comment_data(attachment=disguised))
    assert response.status_code == 200
    assert "không phải tệp PDF như tên của nó" in response.content.decode()
    assert not ConsultationComment.objects.exists()


def test_an_attachment_is_kept_private_and_served_to_the_secretariat_only(client, consultation, users):
    data = files.odt()
    with travel(OPENS + datetime.timedelta(hours=1)):
        client.post(consultation.url, comment_data(attachment=SimpleUploadedFile("gop-y.odt", data)))
    comment = ConsultationComment.objects.get()
    assert Path(comment.attachment.path).is_relative_to(settings.PRIVATE_MEDIA_ROOT)
    url = f"/admin/gop-y-du-thao/tep/{comment.pk}/"
    client.force_login(users["ctv"])
    assert client.get(url).status_code == 403
    client.force_login(users["secretary"])
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == data


def test_closing_must_come_after_opening(index):
    page = ConsultationPageFactory.build(opens_at=OPENS, closes_at=OPENS)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert error.value.message_dict["closes_at"] == [
        "Thời điểm kết thúc lấy ý kiến phải sau thời điểm bắt đầu."
    ]


def test_the_index_shows_each_status_open_first_and_filters(client, index):
    planning, investment = SubjectAreaFactory(slug="quy-hoach"), SubjectAreaFactory(slug="dau-tu-cong")
    closed = ConsultationPageFactory(
        parent=index,
        title="Dự thảo đã kết thúc",
        subject_area=planning,
        opens_at=local(2025, 3, 1, 8),
        closes_at=local(2025, 4, 1, 17),
    )
    upcoming = ConsultationPageFactory(
        parent=index,
        title="Dự thảo sắp mở",
        subject_area=investment,
        opens_at=local(2027, 1, 5, 8),
        closes_at=local(2027, 2, 5, 17),
    )
    current = ConsultationPageFactory(
        parent=index,
        title="Dự thảo đang lấy ý kiến",
        subject_area=investment,
        opens_at=OPENS,
        closes_at=CLOSES,
    )

    def titles(**params):
        with travel(OPENS + datetime.timedelta(days=1)):
            response = client.get(index.url, params)
        assert response.status_code == 200
        html = response.content.decode()
        shown = [page for page in (current, upcoming, closed) if page.title in html]
        return sorted(shown, key=lambda page: html.index(page.title)), html

    listed, html = titles()
    assert listed == [current, upcoming, closed]
    for status in ConsultationStatus:
        assert status.label in html
    assert titles(status="dang-lay-y-kien")[0] == [current]
    assert titles(status="sap-mo")[0] == [upcoming]
    assert titles(status="da-ket-thuc")[0] == [closed]
    assert titles(field="dau-tu-cong")[0] == [current, upcoming]
    assert titles(field="dau-tu-cong", status="sap-mo")[0] == [upcoming]
    assert titles(year="2025")[0] == [closed]
    assert titles(status="khong-co", year="abc")[0] == [current, upcoming, closed]  # junk is ignored


def test_a_contributor_may_neither_moderate_nor_export(client, consultation, users):
    comment = ConsultationCommentFactory(consultation=consultation)
    client.force_login(users["ctv"])
    assert client.get("/admin/gop-y-du-thao/").status_code == 403
    assert (
        client.get("/admin/gop-y-du-thao/", {"consultation": consultation.pk, "export": "xlsx"}).status_code
        == 403
    )
    assert client.get(f"/admin/gop-y-du-thao/edit/{comment.pk}/").status_code == 403
    response = client.post(f"/admin/bulk/feedback/consultationcomment/approve/?id={comment.pk}", {})
    assert response.status_code == 403
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING


def test_the_secretariat_moderates_in_bulk_and_exports_the_comments_of_a_consultation(
    client, consultation, users
):
    other = ConsultationPageFactory(parent=consultation.get_parent(), opens_at=OPENS, closes_at=CLOSES)
    first = ConsultationCommentFactory(
        consultation=consultation, name="Trần Văn Hùng", created_at=local(2026, 12, 2, 9, 30)
    )
    second = ConsultationCommentFactory(
        consultation=consultation, name="Lê Thị Mai", organisation="", created_at=local(2026, 12, 3, 14, 0)
    )
    ConsultationCommentFactory(consultation=other, name="Người góp ý dự thảo khác")
    client.force_login(users["secretary"])
    assert client.get("/admin/gop-y-du-thao/").status_code == 200
    url = f"/admin/bulk/feedback/consultationcomment/reject/?id={first.pk}&id={second.pk}"
    assert "Không công khai" in client.get(url).content.decode()
    assert client.post(url, {}).status_code == 302
    assert set(
        ConsultationComment.objects.filter(consultation=consultation).values_list("status", flat=True)
    ) == {CommentStatus.REJECTED}

    export = client.get("/admin/gop-y-du-thao/", {"consultation": consultation.pk, "export": "xlsx"})
    assert export.status_code == 200
    assert f'filename="gop-y-{consultation.slug}.xlsx"' in export["Content-Disposition"]
    rows = xlsx_rows(export)
    assert rows[0] == [
        "Thời gian",
        "Họ và tên",
        "Cơ quan, tổ chức",
        "Thư điện tử",
        "Điều, khoản",
        "Nội dung góp ý",
        "Trạng thái",
    ]
    body = sorted(rows[1:], key=lambda row: row[0])
    assert [row[0] for row in body] == [
        datetime.datetime(2026, 12, 2, 9, 30),
        datetime.datetime(2026, 12, 3, 14, 0),
    ]
    assert body[0][1:] == [
        "Trần Văn Hùng",
        first.organisation,
        first.email,
        first.clause,
        first.content,
        "Không công khai",
    ]
    assert body[1][1:3] == ["Lê Thị Mai", None]


def test_the_edit_view_is_the_moderation_view(client, consultation, users):
    comment = ConsultationCommentFactory(consultation=consultation, email="kin@example.vn")
    client.force_login(users["secretary"])
    listing = client.get("/admin/gop-y-du-thao/").content.decode()
    assert comment.name in listing and "Chờ duyệt" in listing
    assert "kin@example.vn" in client.get(f"/admin/gop-y-du-thao/inspect/{comment.pk}/").content.decode()
    assert client.get(f"/admin/gop-y-du-thao/edit/{comment.pk}/").status_code == 200
    response = client.post(f"/admin/gop-y-du-thao/edit/{comment.pk}/", {"status": "approved"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED and comment.moderated_by == users["secretary"]
    assert comment.content == "Đề nghị nâng mức phân cấp cho cấp xã."  # read-only fields untouched


def test_a_secretary_moderates_only_the_comments_of_their_own_site(client, consultation, users, tmp_path):
    from wagtail.models import Page, Site

    from core.tests.factories import HomePageFactory

    commune_home = HomePageFactory(parent=Page.get_first_root_node(), slug="xa-tan-lap")
    Site.objects.create(hostname="xa-tan-lap.localhost", root_page=commune_home, site_name="UBND xã Tân Lập")
    commune_user = load_board(COMMUNE_BOARD, tmp_path, name="xa.yaml")["secretary.xa"]
    comment = ConsultationCommentFactory(consultation=consultation, content="Ý kiến ở cổng của Sở.")
    client.force_login(commune_user)
    assert comment.content not in client.get("/admin/gop-y-du-thao/").content.decode()
    for view in ("edit", "inspect", "history"):
        assert client.get(f"/admin/gop-y-du-thao/{view}/{comment.pk}/").status_code == 403
    assert client.post(f"/admin/gop-y-du-thao/edit/{comment.pk}/", {"status": "approved"}).status_code == 403
    client.post(f"/admin/bulk/feedback/consultationcomment/approve/?id={comment.pk}", {})
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING


def test_the_demo_has_an_open_an_upcoming_and_a_closed_consultation_and_loads_twice(home_page):
    load_demo(home_page)
    load_demo(home_page)
    consultations = {page.status(): page for page in ConsultationPage.objects.all()}
    assert set(consultations) == set(ConsultationStatus) and ConsultationPage.objects.count() == 3
    closed = consultations[ConsultationStatus.CLOSED]
    assert closed.report_document is not None
    assert (
        closed.comments.approved().exists()
        and consultations[ConsultationStatus.OPEN].comments.approved().exists()
    )
    assert ConsultationComment.objects.count() == 5


def test_an_approved_comment_with_html_is_shown_as_text(client, consultation):
    payload = '<script>alert("x")</script>'
    ConsultationCommentFactory(consultation=consultation, content=payload, status=CommentStatus.APPROVED)
    with travel(OPENS + datetime.timedelta(days=2)):
        html = client.get(consultation.url).content.decode()
    assert payload not in html and "&lt;script&gt;alert" in html
