"""handler500: a database that cannot be reached is a 503 "try again shortly" in Vietnamese, with
Retry-After, rendered without the database; any other failure keeps the 500 page."""

from unittest import mock

import pytest
from django.db import OperationalError, connections

pytestmark = pytest.mark.django_db


def database_down():
    return mock.patch.object(
        type(connections["default"]), "cursor", side_effect=OperationalError("máy chủ không trả lời")
    )


def test_a_page_with_the_database_down_is_a_503_to_come_back_to(visitor, home_page):
    with database_down():
        response = visitor.get("/")

    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    page = response.content.decode()
    assert "Hệ thống tạm thời gián đoạn" in page and "máy chủ không trả lời" not in page


def test_a_form_posted_with_the_database_down_says_it_was_not_recorded(visitor, home_page):
    with database_down():
        response = visitor.post("/hoi-dap/", {"question": "Thủ tục cấp phép?"})

    assert response.status_code == 503
    assert "nội dung chưa được ghi nhận" in response.content.decode()


def test_any_other_failure_keeps_the_500_page(visitor, home_page):
    with mock.patch("core.models.HomePage.get_context", side_effect=ValueError("lỗi lập trình")):
        response = visitor.get("/")

    assert response.status_code == 500
    assert "Hệ thống đang gặp sự cố" in response.content.decode()
    assert "Retry-After" not in response


def test_a_failing_query_with_the_database_up_is_a_500_not_a_503(visitor, home_page):
    """SQLite reports a query it cannot run as an OperationalError too: the database answers, so it is not
    down."""
    with mock.patch("core.models.HomePage.get_context", side_effect=OperationalError("too many terms")):
        response = visitor.get("/")

    assert response.status_code == 500
    assert "Retry-After" not in response
