"""Query parameters no page can use are a 400 with a Vietnamese reason, never a 500 (operations/bad_input.py);
the fuzz over every parameter is tests/security/test_get_parameters.py."""

import pytest
from django.db import connection

from users.tests.factories import SuperuserFactory

pytestmark = pytest.mark.django_db


def test_a_value_too_long_for_any_page_is_refused_before_the_view(visitor, home_page):
    response = visitor.get("/tim-kiem/", {"q": "😀" * 1001})

    assert response.status_code == 400
    assert "«q» quá dài (tối đa 1.000 ký tự)" in response.content.decode()
    assert visitor.get("/tim-kiem/", {"q": "đầu tư " * 100}).status_code == 200


def test_the_api_answers_json(visitor, home_page):
    response = visitor.get("/api/van-ban/", {"q": "x" * 1001})

    assert response.status_code == 400
    assert response.json() == {"errors": {"q": ["Giá trị của tham số «q» quá dài (tối đa 1.000 ký tự)."]}}


def test_a_list_filter_of_the_wrong_type_is_a_400(visitor, home_page):
    """wagtail-modeladmin raises Django admin's IncorrectLookupParameters and leaves it uncaught."""
    visitor.force_login(SuperuserFactory())

    response = visitor.get("/admin/hoi-dap/?field=abc")

    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in response.content.decode()


@pytest.mark.parametrize("url", ["/admin/users/results/?group=", "/admin/pages/1/results/?site="])
def test_an_id_the_database_cannot_hold_is_never_a_500(visitor, home_page, url):
    """SQLite cannot take it (OverflowError: 400); PostgreSQL compares it and finds nothing (200)."""
    visitor.force_login(SuperuserFactory())

    response = visitor.get(url + "1" + "0" * 30)

    expected = 400 if connection.vendor == "sqlite" else 200
    assert response.status_code == expected


def test_a_year_no_date_can_hold_is_a_form_error_in_the_documents_list(visitor, home_page):
    visitor.force_login(SuperuserFactory())

    response = visitor.get("/admin/snippets/legal_docs/legaldocument/?year=-1")

    assert response.status_code == 200
    assert "Năm ban hành từ 1945 trở đi." in response.content.decode()
