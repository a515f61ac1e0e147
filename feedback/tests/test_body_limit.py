"""feedback/body_limit.py: an oversized public POST is refused from its Content-Length, unread."""

import io

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from core.tests.factories import SubjectAreaFactory
from feedback.body_limit import PublicBodyLimitMiddleware, public_body_limit
from feedback.models import Question
from feedback.tests.factories import QuestionIndexPageFactory, guard_fields

ASK = "/hoi-dap/gui-cau-hoi/"
HUGE = 200 * 1024 * 1024


class Unreadable(io.RawIOBase):
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        pytest.fail("the body was read")

    readline = read


def request_with_length(length, path=ASK):
    request = RequestFactory().post(path, data=b"", content_type="application/octet-stream")
    request.META["CONTENT_LENGTH"] = str(length)
    request.META["wsgi.input"] = Unreadable()
    return request


def test_an_oversized_public_post_is_refused_unread_with_a_vietnamese_413():
    reached = []
    middleware = PublicBodyLimitMiddleware(lambda request: reached.append(request) or HttpResponse())
    response = middleware(request_with_length(HUGE))
    assert response.status_code == 413
    html = response.content.decode()
    assert "Dữ liệu gửi quá lớn" in html and "200,0" in html
    assert "vượt mức tối đa" in html
    assert not reached


def test_a_post_within_the_limit_and_admin_uploads_go_through():
    middleware = PublicBodyLimitMiddleware(lambda request: HttpResponse("ok"))
    assert middleware(request_with_length(public_body_limit())).status_code == 200
    assert middleware(request_with_length(HUGE, "/admin/documents/multiple/add/")).status_code == 200


@pytest.mark.django_db
def test_the_question_form_refuses_a_huge_post_and_stores_nothing(client, home_page):
    QuestionIndexPageFactory(parent=home_page)
    field = SubjectAreaFactory(name="Đăng ký doanh nghiệp", slug="dang-ky-doanh-nghiep")
    data = {"name": "Nguyễn Văn Bình", "field": str(field.pk), "title": "Thủ tục", "content": "Hỏi"}
    response = client.post(ASK, {**data, **guard_fields()}, CONTENT_LENGTH=str(HUGE))
    assert response.status_code == 413
    assert "Dữ liệu gửi quá lớn" in response.content.decode()
    assert not Question.objects.exists()
